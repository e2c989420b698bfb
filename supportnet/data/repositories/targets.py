"""What the people and groups repositories share: add, change, find, remove and restore."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any, ClassVar, Generic, Literal, TypeVar

from supportnet.data import reads
from supportnet.data.bundles import (
    Dependents,
    GroupBundle,
    PersonBundle,
    Target,
    check_restorable,
    dependents_of,
    read_dependents,
    restore_target,
)
from supportnet.data.repositories.base import Repository
from supportnet.i18n import _
from supportnet.model.errors import NotFoundError
from supportnet.model.network import Circle, Group, LifeDomain, Person

#: Ids a statement of :meth:`TargetRepository.delete_many_in` names (SQLite allows 32,766).
_DELETE_CHUNK = 500

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

ItemT = TypeVar("ItemT", Person, Group)
BundleT = TypeVar("BundleT", PersonBundle, GroupBundle)


class TargetRepository(Repository, ABC, Generic[ItemT, BundleT]):
    """Add, change, find and remove people or groups. Reads use plain SQL; writes use the ORM.

    A subclass says which table and ORM row class hold its items, which column plans and
    check-ins point at them by, what its messages say, and how an item fills a row and a
    bundle; everything else is done here, the same way for both.
    """

    _table: ClassVar[Literal["people", "community_groups"]]
    _target: ClassVar[Target]
    #: How the plan for hard days names this kind in its links ("person" or "group").
    _plan_kind: ClassVar[str]
    #: The item was deleted (perhaps in another window).
    _gone: ClassVar[str]
    #: The item was never added, so it has no id.
    _unsaved: ClassVar[str]
    #: A restore found the item back already.
    _already_back: ClassVar[str]

    # --- what a subclass provides -------------------------------------------------------

    @abstractmethod
    def _read(self, db: reads.Reader, /, **where: object) -> list[ItemT]:
        """Items whose columns equal the values given (a ``reads`` function), read by ``db``."""

    @staticmethod
    @abstractmethod
    def _row_type() -> type[Any]:
        """The ORM row class, imported here so that reading never loads SQLAlchemy."""

    @staticmethod
    @abstractmethod
    def _fill(row: Any, item: ItemT) -> None:
        """Copy every field but the id, uid and times from ``item`` to ``row``."""

    @staticmethod
    @abstractmethod
    def _names(item: ItemT) -> tuple[str, ...]:
        """The names :meth:`find` searches."""

    @staticmethod
    @abstractmethod
    def _bundled(item: ItemT, found: Dependents) -> BundleT:
        """The bundle of ``item`` and what was found to go with it."""

    @staticmethod
    @abstractmethod
    def _item_of(bundle: BundleT) -> ItemT:
        """The person or group in ``bundle``."""

    # --- the repository -----------------------------------------------------------------

    def list_all(self) -> list[ItemT]:
        return self._read(self._db)

    def get(self, item_id: int) -> ItemT:
        return self._one(self._db, item_id)

    def _one(self, db: reads.Reader, item_id: int) -> ItemT:
        found = self._read(db, id=item_id)
        if not found:
            raise NotFoundError(_(self._gone))
        return found[0]

    def find(self, text: str) -> list[ItemT]:
        """Those whose name (or nickname) contains ``text`` (case-insensitive), exact first."""
        needle = text.strip().casefold()
        if not needle:
            return []
        found = [
            item
            for item in self.list_all()
            if any(needle in name.casefold() for name in self._names(item))
        ]
        exact = [item for item in found if needle in [n.casefold() for n in self._names(item)]]
        return exact or found

    def add(self, item: ItemT) -> ItemT:
        with self._sessions.begin() as session:
            row = self.add_in(session, item)
            session.flush()
            new_id = int(row.id)
        return self.get(new_id)

    def add_in(self, session: Session, item: ItemT) -> Any:
        """Add ``item`` in the caller's transaction; its row, not yet flushed (an import
        adds thousands and flushes once: a flush each costs most of the import's time)."""
        item.normalised().validate()
        now = self._clock()
        row = self._row_type()(uid=item.uid, created_at=now, updated_at=now)
        self._fill(row, item)
        session.add(row)
        return row

    def update(self, item: ItemT) -> ItemT:
        if item.id is None:
            raise NotFoundError(_(self._unsaved))
        item.normalised().validate()
        with self._sessions.begin() as session:
            self.update_in(session, item)
        return self.get(item.id)

    def update_in(self, session: Session, item: ItemT) -> None:
        """Store ``item``'s new values in the caller's transaction (a contacts import
        merges into people it holds, all in one step)."""
        row = session.get(self._row_type(), item.id)
        if row is None:
            raise NotFoundError(_(self._gone))
        self._fill(row, item)
        row.updated_at = self._clock()
        self._rename_in_plan(session, str(row.uid), item.display_name)

    def _rename_in_plan(self, session: Session, uid: str, name: str) -> None:
        """Give the plan's links to this item its new name, in the update's transaction:
        a link keeps the name it last had once its item is removed, so that must be the
        newest one, not the one from the plan's last save."""
        from sqlalchemy import update

        from supportnet.data.schema import SafetyPlanEntryRow

        entries = SafetyPlanEntryRow
        session.execute(
            update(entries)
            .where(entries.target_kind == self._plan_kind, entries.target_uid == uid)
            .values(text=name)
        )

    def move(self, item_id: int, circle: Circle, domain: LifeDomain | None) -> ItemT | None:
        """Put the item in ``circle`` and part of life ``domain``, changing nothing else;
        the item as it was before, or None if it is there already. The read and the write
        are one transaction, so the place it is moved from is the one replaced."""
        with self._sessions.begin() as session:
            before = self._one(reads.SessionReader(session), item_id)
            # A group's domain may be None (its kind's default then); a person's may not.
            place: dict[str, Any] = {"circle": circle, "domain": domain}
            moved = replace(before, **place).normalised()
            moved.validate()
            if (moved.circle, moved.domain) == (before.circle, before.domain):
                return None
            row = session.get(self._row_type(), item_id)
            if row is None:
                raise NotFoundError(_(self._gone))
            assert moved.domain is not None  # normalised() gives groups their kind's
            row.circle = moved.circle.value
            row.domain = moved.domain.value
            row.updated_at = self._clock()
        return before

    def delete(self, item_id: int) -> None:
        """Remove the item with its plans and check-in history."""
        with self._sessions.begin() as session:
            self._delete(session, item_id)

    def delete_in(self, session: Session, item_id: int) -> None:
        """Remove the item in the caller's transaction (an import's undo removes many)."""
        self._delete(session, item_id)

    def delete_many_in(self, session: Session, item_ids: Sequence[int]) -> None:
        """Remove all of ``item_ids`` in the caller's transaction, a few hundred a statement
        (an import's undo takes out thousands); NotFoundError if any is gone already."""
        from sqlalchemy import delete

        row_type = self._row_type()
        ids = list(item_ids)
        removed = 0
        for start in range(0, len(ids), _DELETE_CHUNK):
            chunk = ids[start : start + _DELETE_CHUNK]
            result = session.execute(delete(row_type).where(row_type.id.in_(chunk)))
            removed += result.rowcount  # type: ignore[attr-defined]
        if removed != len(set(ids)):
            raise NotFoundError(_(self._gone))

    def _delete(self, session: Session, item_id: int) -> None:
        from sqlalchemy import delete

        row_type = self._row_type()
        result = session.execute(delete(row_type).where(row_type.id == item_id))
        if result.rowcount == 0:  # type: ignore[attr-defined]
            raise NotFoundError(_(self._gone))

    def bundle(self, item_id: int) -> BundleT:
        """The item with all its plans and check-ins, to undo a :meth:`delete` later."""
        return self._bundle(self._db, item_id)

    def _bundle(self, db: reads.Reader, item_id: int) -> BundleT:
        item = self._one(db, item_id)
        return self._bundled(item, read_dependents(db, self._target, item_id))

    def remove(self, item_id: int) -> BundleT:
        """:meth:`delete` the item, returning its :meth:`bundle` for :meth:`restore`, read in
        the same transaction as the delete (nothing added in between is lost to an undo)."""
        with self._sessions.begin() as session:
            bundle = self._bundle(reads.SessionReader(session), item_id)
            self._delete(session, item_id)
        return bundle

    def restore(self, bundle: BundleT) -> ItemT:
        """Put a deleted item back with its plans and check-ins, all in one transaction.

        Ids, uids, plan sequences and times are kept, and check-ins link to their plans
        again, so a delete and its undo leave the rows as they were. If something added
        since the delete holds one of the old ids, that row gets a new id (uids are kept).
        Raises :class:`SupportNetError` if the item is back already.
        """
        item, dependents = self._item_of(bundle), dependents_of(bundle)
        item.validate()
        check_restorable(item.display_name, dependents.plans, dependents.checkins)
        now = self._clock()
        with self._sessions.begin() as session:
            new_id = restore_target(
                session,
                self._row_type(),
                item,
                self._fill,
                self._target,
                dependents,
                now,
                already_back=_(self._already_back),
            )
        return self.get(new_id)

    def dependents(self, item_id: int) -> tuple[int, int]:
        """How many plans and check-ins would go with the item."""
        plans = reads.count(self._db, "plans", **{self._target: item_id})
        checkins = reads.count(self._db, "checkins", **{self._target: item_id})
        return plans, checkins

    def count(self) -> int:
        return reads.count(self._db, self._table)
