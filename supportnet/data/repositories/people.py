"""People in the network."""

from __future__ import annotations

from typing import TYPE_CHECKING

from supportnet.data import reads
from supportnet.data.bundles import (
    Dependents,
    PersonBundle,
    check_restorable,
    read_dependents,
    restore_target,
)
from supportnet.data.repositories.base import Repository
from supportnet.model.errors import NotFoundError
from supportnet.model.network import Person

if TYPE_CHECKING:
    from supportnet.data.schema import PersonRow

_GONE = "That person is no longer in your network."


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


class PeopleRepository(Repository):
    """Add, change, find and remove people. Reads use plain SQL; writes use the ORM."""

    def list_all(self) -> list[Person]:
        return reads.people(self._db)

    def get(self, person_id: int) -> Person:
        found = reads.people(self._db, id=person_id)
        if not found:
            raise NotFoundError(_GONE)
        return found[0]

    def find(self, text: str) -> list[Person]:
        """People whose name or nickname contains ``text`` (case-insensitive), exact first."""
        needle = text.strip().casefold()
        if not needle:
            return []
        found = [
            p
            for p in self.list_all()
            if needle in p.name.casefold() or needle in p.nickname.casefold()
        ]
        exact = [p for p in found if needle in (p.name.casefold(), p.nickname.casefold())]
        return exact or found

    def add(self, person: Person) -> Person:
        from supportnet.data.schema import PersonRow

        person.normalised().validate()
        now = self._clock()
        with self._sessions.begin() as session:
            row = PersonRow(uid=person.uid, created_at=now, updated_at=now)
            _fill(row, person)
            session.add(row)
            session.flush()
            new_id = row.id
        return self.get(new_id)

    def update(self, person: Person) -> Person:
        from supportnet.data.schema import PersonRow

        if person.id is None:
            raise NotFoundError("This person hasn't been saved yet.")
        person.normalised().validate()
        with self._sessions.begin() as session:
            row = session.get(PersonRow, person.id)
            if row is None:
                raise NotFoundError(_GONE)
            _fill(row, person)
            row.updated_at = self._clock()
        return self.get(person.id)

    def delete(self, person_id: int) -> None:
        """Remove a person with their plans and check-in history."""
        from sqlalchemy import delete

        from supportnet.data.schema import PersonRow

        with self._sessions.begin() as session:
            result = session.execute(delete(PersonRow).where(PersonRow.id == person_id))
            if result.rowcount == 0:  # type: ignore[attr-defined]
                raise NotFoundError(_GONE)

    def bundle(self, person_id: int) -> PersonBundle:
        """The person with all their plans and check-ins, to undo a :meth:`delete` later."""
        person = self.get(person_id)
        found = read_dependents(self._db, "person_id", person_id)
        return PersonBundle(person, found.plans, found.checkins, found.plan_links, found.calendar)

    def restore(self, bundle: PersonBundle) -> Person:
        """Put a deleted person back with their plans and check-ins, all in one transaction.

        Ids, uids, plan sequences and times are kept, and check-ins link to their plans
        again, so a delete and its undo leave the rows as they were. If something added
        since the delete holds one of the old ids, that row gets a new id (uids are kept).
        Raises :class:`SupportNetError` if the person is back already.
        """
        from supportnet.data.schema import PersonRow

        person = bundle.person
        person.validate()
        check_restorable(person.display_name, bundle.plans, bundle.checkins)
        now = self._clock()
        with self._sessions.begin() as session:
            new_id = restore_target(
                session,
                PersonRow,
                person,
                _fill,
                "person_id",
                Dependents(bundle.plans, bundle.checkins, bundle.plan_links, bundle.calendar),
                now,
                already_back="That person is already back in your network.",
            )
        return self.get(new_id)

    def dependents(self, person_id: int) -> tuple[int, int]:
        """How many plans and check-ins would go with this person."""
        plans = reads.count(self._db, "plans", person_id=person_id)
        checkins = reads.count(self._db, "checkins", person_id=person_id)
        return plans, checkins

    def count(self) -> int:
        return reads.count(self._db, "people")
