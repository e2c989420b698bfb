"""Groups and communities."""

from __future__ import annotations

from sqlalchemy import delete, func, select

from supportnet.data.repositories.base import Repository
from supportnet.data.schema import CheckInRow, GroupRow, GroupSupportRow, GroupTagRow, PlanRow
from supportnet.errors import NotFoundError
from supportnet.network import Circle, Group, GroupKind, LifeDomain, SupportType


def _to_group(row: GroupRow) -> Group:
    return Group(
        id=row.id,
        uid=row.uid,
        name=row.name,
        kind=GroupKind(row.kind),
        circle=Circle(row.circle),
        domain=LifeDomain(row.domain),
        support_types={SupportType(s.support_type) for s in row.support},
        meeting_schedule=row.meeting_schedule,
        place=row.place,
        link=row.link,
        notes=row.notes,
        tags=[t.tag for t in row.tags],
        created_at=row.created_at,
        updated_at=row.updated_at,
    )


def _fill(row: GroupRow, group: Group) -> None:
    assert group.domain is not None
    row.name = group.name
    row.kind = group.kind.value
    row.circle = group.circle.value
    row.domain = group.domain.value
    row.meeting_schedule = group.meeting_schedule
    row.place = group.place
    row.link = group.link
    row.notes = group.notes
    row.support = [GroupSupportRow(support_type=s.value) for s in sorted(group.support_types)]
    row.tags = [GroupTagRow(tag=t, position=i) for i, t in enumerate(group.tags)]


class GroupsRepository(Repository):
    """Add, change, find and remove groups and communities."""

    def list_all(self) -> list[Group]:
        with self._sessions() as session:
            rows = session.scalars(select(GroupRow).order_by(func.lower(GroupRow.name)))
            return [_to_group(r) for r in rows]

    def get(self, group_id: int) -> Group:
        with self._sessions() as session:
            row = session.get(GroupRow, group_id)
            if row is None:
                raise NotFoundError("That group is no longer in your network.")
            return _to_group(row)

    def find(self, text: str) -> list[Group]:
        """Groups whose name contains ``text`` (case-insensitive), exact matches first."""
        needle = text.strip().casefold()
        if not needle:
            return []
        found = [g for g in self.list_all() if needle in g.name.casefold()]
        exact = [g for g in found if g.name.casefold() == needle]
        return exact or found

    def add(self, group: Group) -> Group:
        group.normalised().validate()
        now = self._clock()
        with self._sessions.begin() as session:
            row = GroupRow(uid=group.uid, created_at=now, updated_at=now)
            _fill(row, group)
            session.add(row)
            session.flush()
            return _to_group(row)

    def update(self, group: Group) -> Group:
        if group.id is None:
            raise NotFoundError("This group hasn't been saved yet.")
        group.normalised().validate()
        with self._sessions.begin() as session:
            row = session.get(GroupRow, group.id)
            if row is None:
                raise NotFoundError("That group is no longer in your network.")
            _fill(row, group)
            row.updated_at = self._clock()
            session.flush()
            return _to_group(row)

    def delete(self, group_id: int) -> None:
        """Remove a group with its plans and check-in history."""
        with self._sessions.begin() as session:
            result = session.execute(delete(GroupRow).where(GroupRow.id == group_id))
            if result.rowcount == 0:  # type: ignore[attr-defined]
                raise NotFoundError("That group is no longer in your network.")

    def dependents(self, group_id: int) -> tuple[int, int]:
        """How many plans and check-ins would go with this group."""
        with self._sessions() as session:
            plans = session.scalar(select(func.count()).where(PlanRow.group_id == group_id))
            checkins = session.scalar(select(func.count()).where(CheckInRow.group_id == group_id))
            return int(plans or 0), int(checkins or 0)

    def count(self) -> int:
        with self._sessions() as session:
            return int(session.scalar(select(func.count()).select_from(GroupRow)) or 0)
