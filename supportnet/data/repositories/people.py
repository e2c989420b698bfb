"""People in the network."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from supportnet.data import reads
from supportnet.data.bundles import Dependents, PersonBundle
from supportnet.data.repositories.targets import TargetRepository
from supportnet.i18n import N_
from supportnet.model.network import Person
from supportnet.model.targets import PERSON

if TYPE_CHECKING:
    from sqlalchemy import Table
    from sqlalchemy.orm import Session

    from supportnet.data.schema import Base, PersonRow


def _table(row_type: type[Base]) -> Table:
    """The Core table of an ORM row class (Core inserts skip the ORM's bulk layer)."""
    return row_type.metadata.tables[row_type.__tablename__]


class PeopleRepository(TargetRepository[Person, PersonBundle]):
    """Add, change, find and remove people. Reads use plain SQL; writes use the ORM."""

    _table = "people"
    _target = "person_id"
    _plan_kind = PERSON
    _gone = N_("That person is no longer in your network.")
    _unsaved = N_("This person hasn't been saved yet.")
    _already_back = N_("That person is already back in your network.")

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

    def add_many_in(self, session: Session, people: Sequence[Person]) -> list[int]:
        """Add ``people`` in the caller's transaction as a few bulk inserts (a contacts
        import adds thousands; an ORM object each is most of its time); their ids in order.
        Fills the same columns as :meth:`_fill`."""
        from sqlalchemy import insert, select

        from supportnet.data.schema import (
            PersonChannelRow,
            PersonRow,
            PersonSupportRow,
            PersonTagRow,
        )

        if not people:
            return []
        for person in people:
            person.normalised().validate()
        now = self._clock()
        rows = [
            {
                "uid": p.uid,
                "name": p.name,
                "nickname": p.nickname,
                "pronouns": p.pronouns,
                "domain": p.domain.value,
                "circle": p.circle.value,
                "direction": p.direction.value,
                "best_times": p.best_times,
                "notes": p.notes,
                "knows_situation": p.knows_situation,
                "created_at": now,
                "updated_at": now,
            }
            for p in people
        ]
        # Core executemany statements on the session's connection (the ORM's bulk layer
        # costs more than the inserts), then each new id found by its unique uid: an
        # INSERT .. RETURNING in parameter order is one statement per row on SQLite.
        connection = session.connection()
        connection.execute(insert(_table(PersonRow)), rows)
        id_of = {uid: id_ for uid, id_ in session.execute(select(PersonRow.uid, PersonRow.id))}
        ids = [int(id_of[p.uid]) for p in people]
        pairs = list(zip(ids, people, strict=True))
        support = [
            {"person_id": i, "support_type": s.value}
            for i, p in pairs
            for s in sorted(p.support_types)
        ]
        channels = [
            {
                "person_id": i,
                "position": n,
                "kind": c.kind.value,
                "value": c.value,
                "preferred": c.preferred,
            }
            for i, p in pairs
            for n, c in enumerate(p.channels)
        ]
        tags = [
            {"person_id": i, "tag": t, "position": n}
            for i, p in pairs
            for n, t in enumerate(p.tags)
        ]
        for table, values in (
            (PersonSupportRow, support),
            (PersonChannelRow, channels),
            (PersonTagRow, tags),
        ):
            if values:
                connection.execute(insert(_table(table)), values)
        return ids

    @staticmethod
    def _names(person: Person) -> tuple[str, ...]:
        return person.name, person.nickname

    @staticmethod
    def _bundled(person: Person, found: Dependents) -> PersonBundle:
        return PersonBundle(person, found.plans, found.checkins, found.plan_links, found.calendar)

    @staticmethod
    def _item_of(bundle: PersonBundle) -> Person:
        return bundle.person
