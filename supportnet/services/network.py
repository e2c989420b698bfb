"""People and groups: read them; add, change, take out and bring back, move on the map."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Generic, Protocol, TypeVar

from supportnet.model.network import Circle, Group, LifeDomain, Person
from supportnet.model.targets import PERSON

if TYPE_CHECKING:
    from supportnet.data.bundles import GroupBundle, PersonBundle

__all__ = ["Members", "Moved", "NetworkService", "Place", "Removed"]

_T = TypeVar("_T", bound=Person | Group)
_B = TypeVar("_B")

#: Where someone is on the map: their circle and part of life.
Place = tuple[Circle, LifeDomain | None]


class _Repository(Protocol[_T, _B]):
    """What :class:`Members` needs of ``store.people`` and ``store.groups``."""

    def list_all(self) -> list[_T]: ...
    def get(self, item_id: int, /) -> _T: ...
    def add(self, item: _T, /) -> _T: ...
    def update(self, item: _T, /) -> _T: ...
    def remove(self, item_id: int, /) -> _B: ...
    def move(self, item_id: int, circle: Circle, domain: LifeDomain | None, /) -> _T | None: ...
    def restore(self, bundle: _B, /) -> _T: ...
    def dependents(self, item_id: int, /) -> tuple[int, int]: ...
    def count(self) -> int: ...


@dataclass(frozen=True, slots=True)
class Moved:
    """A move on the map: who, and from where to where (to undo or redo it)."""

    name: str
    before: Place
    after: Place


class Members(Generic[_T, _B]):
    """The people (or the groups) of the network."""

    def __init__(self, repository: Callable[[], _Repository[_T, _B]]) -> None:
        # Asked for on each use: the store builds its repositories lazily (no ORM at startup).
        self._repository = repository

    def list_all(self) -> list[_T]:
        return self._repository().list_all()

    def get(self, item_id: int) -> _T:
        return self._repository().get(item_id)

    def count(self) -> int:
        return self._repository().count()

    def dependents(self, item_id: int) -> tuple[int, int]:
        """How many plans and check-ins would go with them."""
        return self._repository().dependents(item_id)

    def add(self, item: _T) -> _T:
        """Add them (one transaction); what was stored, with its new id."""
        return self._repository().add(item)

    def update(self, item: _T) -> _T:
        """Store new values (one transaction); what was stored."""
        return self._repository().update(item)

    def remove(self, item_id: int) -> _B:
        """Delete them with their plans and check-ins; what :meth:`restore` needs, read in the
        delete's own transaction."""
        return self._repository().remove(item_id)

    def restore(self, bundle: _B) -> _T:
        """Undo :meth:`remove` in one transaction: them, their plans and check-ins, uids kept."""
        return self._repository().restore(bundle)

    def move(self, item_id: int, where: Place) -> Moved | None:
        """Put them in another circle and part of life, nothing else changed (one
        transaction); None if they are there already."""
        before = self._repository().move(item_id, *where)
        if before is None:
            return None
        return Moved(before.name, (before.circle, before.domain), where)


@dataclass(frozen=True, slots=True)
class Removed:
    """A person or a group taken out with everything of theirs, to bring back."""

    person: PersonBundle | None = None
    group: GroupBundle | None = None


class NetworkService:
    """People and groups named by kind (``PERSON`` or ``GROUP``) and id, as the pages do."""

    def __init__(
        self,
        people: Members[Person, PersonBundle],
        groups: Members[Group, GroupBundle],
    ) -> None:
        self.people = people
        self.groups = groups

    def get(self, kind: str, item_id: int) -> Person | Group:
        return self.people.get(item_id) if kind == PERSON else self.groups.get(item_id)

    def dependents(self, kind: str, item_id: int) -> tuple[int, int]:
        members = self.people if kind == PERSON else self.groups
        return members.dependents(item_id)

    def add(self, item: Person | Group) -> Person | Group:
        if isinstance(item, Person):
            return self.people.add(item)
        return self.groups.add(item)

    def update(self, item: Person | Group) -> Person | Group:
        if isinstance(item, Person):
            return self.people.update(item)
        return self.groups.update(item)

    def remove(self, kind: str, item_id: int) -> Removed:
        if kind == PERSON:
            return Removed(person=self.people.remove(item_id))
        return Removed(group=self.groups.remove(item_id))

    def restore(self, removed: Removed) -> Person | Group:
        if removed.person is not None:
            return self.people.restore(removed.person)
        assert removed.group is not None
        return self.groups.restore(removed.group)

    def move(self, kind: str, item_id: int, circle: Circle, domain: LifeDomain) -> Moved | None:
        """Move them on the map (one transaction); None if they are there already."""
        members = self.people if kind == PERSON else self.groups
        return members.move(item_id, (circle, domain))

    def place(self, kind: str, item_id: int, where: Place) -> None:
        """Put them at ``where`` (a move's undo and redo; one transaction)."""
        members = self.people if kind == PERSON else self.groups
        members.move(item_id, where)
