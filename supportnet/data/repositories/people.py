"""People in the network."""

from __future__ import annotations

from sqlalchemy import delete, func, select

from supportnet.data.repositories.base import Repository
from supportnet.data.schema import (
    CheckInRow,
    PersonChannelRow,
    PersonRow,
    PersonSupportRow,
    PersonTagRow,
    PlanRow,
)
from supportnet.errors import NotFoundError
from supportnet.network import (
    ChannelKind,
    Circle,
    ContactChannel,
    HelpDirection,
    LifeDomain,
    Person,
    SupportType,
)


def _to_person(row: PersonRow) -> Person:
    return Person(
        id=row.id,
        uid=row.uid,
        name=row.name,
        nickname=row.nickname,
        pronouns=row.pronouns,
        domain=LifeDomain(row.domain),
        circle=Circle(row.circle),
        direction=HelpDirection(row.direction),
        support_types={SupportType(s.support_type) for s in row.support},
        channels=[ContactChannel(ChannelKind(c.kind), c.value, c.preferred) for c in row.channels],
        best_times=row.best_times,
        notes=row.notes,
        tags=[t.tag for t in row.tags],
        knows_situation=row.knows_situation,
        created_at=row.created_at,
        updated_at=row.updated_at,
    )


def _fill(row: PersonRow, person: Person) -> None:
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
    """Add, change, find and remove people."""

    def list_all(self) -> list[Person]:
        with self._sessions() as session:
            rows = session.scalars(select(PersonRow).order_by(func.lower(PersonRow.name)))
            return [_to_person(r) for r in rows]

    def get(self, person_id: int) -> Person:
        with self._sessions() as session:
            row = session.get(PersonRow, person_id)
            if row is None:
                raise NotFoundError("That person is no longer in your network.")
            return _to_person(row)

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
        person.normalised().validate()
        now = self._clock()
        with self._sessions.begin() as session:
            row = PersonRow(uid=person.uid, created_at=now, updated_at=now)
            _fill(row, person)
            session.add(row)
            session.flush()
            return _to_person(row)

    def update(self, person: Person) -> Person:
        if person.id is None:
            raise NotFoundError("This person hasn't been saved yet.")
        person.normalised().validate()
        with self._sessions.begin() as session:
            row = session.get(PersonRow, person.id)
            if row is None:
                raise NotFoundError("That person is no longer in your network.")
            _fill(row, person)
            row.updated_at = self._clock()
            session.flush()
            return _to_person(row)

    def delete(self, person_id: int) -> None:
        """Remove a person with their plans and check-in history."""
        with self._sessions.begin() as session:
            result = session.execute(delete(PersonRow).where(PersonRow.id == person_id))
            if result.rowcount == 0:  # type: ignore[attr-defined]
                raise NotFoundError("That person is no longer in your network.")

    def dependents(self, person_id: int) -> tuple[int, int]:
        """How many plans and check-ins would go with this person."""
        with self._sessions() as session:
            plans = session.scalar(select(func.count()).where(PlanRow.person_id == person_id))
            checkins = session.scalar(select(func.count()).where(CheckInRow.person_id == person_id))
            return int(plans or 0), int(checkins or 0)

    def count(self) -> int:
        with self._sessions() as session:
            return int(session.scalar(select(func.count()).select_from(PersonRow)) or 0)
