"""People in the network."""

from __future__ import annotations

from typing import TYPE_CHECKING

from supportnet.data import reads
from supportnet.data.bundles import Dependents, PersonBundle
from supportnet.data.repositories.targets import TargetRepository
from supportnet.model.network import Person
from supportnet.model.targets import PERSON

if TYPE_CHECKING:
    from supportnet.data.schema import PersonRow


class PeopleRepository(TargetRepository[Person, PersonBundle]):
    """Add, change, find and remove people. Reads use plain SQL; writes use the ORM."""

    _table = "people"
    _target = "person_id"
    _plan_kind = PERSON
    _gone = "That person is no longer in your network."
    _unsaved = "This person hasn't been saved yet."
    _already_back = "That person is already back in your network."

    def _read(self, db: reads.Reader, /, **where: object) -> list[Person]:
        return reads.people(db, **where)

    @staticmethod
    def _row_type() -> type[PersonRow]:
        from supportnet.data.schema import PersonRow

        return PersonRow

    @staticmethod
    def _fill(row: PersonRow, person: Person) -> None:
        from supportnet.data.schema import PersonChannelRow, PersonSupportRow, PersonTagRow

        row.name = person.name
        row.nickname = person.nickname
        row.pronouns = person.pronouns
        row.domain = person.domain.value
        row.circle = person.circle.value
        row.direction = person.direction.value
        row.best_times = person.best_times
        row.notes = person.notes
        row.knows_situation = person.knows_situation
        row.support = [PersonSupportRow(support_type=s.value) for s in sorted(person.support_types)]
        row.channels = [
            PersonChannelRow(position=i, kind=c.kind.value, value=c.value, preferred=c.preferred)
            for i, c in enumerate(person.channels)
        ]
        row.tags = [PersonTagRow(tag=t, position=i) for i, t in enumerate(person.tags)]

    @staticmethod
    def _names(person: Person) -> tuple[str, ...]:
        return person.name, person.nickname

    @staticmethod
    def _bundled(person: Person, found: Dependents) -> PersonBundle:
        return PersonBundle(person, found.plans, found.checkins, found.plan_links, found.calendar)

    @staticmethod
    def _item_of(bundle: PersonBundle) -> Person:
        return bundle.person
