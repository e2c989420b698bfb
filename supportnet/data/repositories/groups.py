"""Groups and communities."""

from __future__ import annotations

from typing import TYPE_CHECKING

from supportnet.data import reads
from supportnet.data.bundles import (
    Dependents,
    GroupBundle,
    check_restorable,
    read_dependents,
    restore_target,
)
from supportnet.data.repositories.base import Repository
from supportnet.model.errors import NotFoundError
from supportnet.model.network import Group

if TYPE_CHECKING:
    from supportnet.data.schema import GroupRow

_GONE = "That group is no longer in your network."


def _fill(row: GroupRow, group: Group) -> None:
    from supportnet.data.schema import GroupSupportRow, GroupTagRow

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
    """Add, change, find and remove groups. Reads use plain SQL; writes use the ORM."""

    def list_all(self) -> list[Group]:
        return reads.groups(self._db)

    def get(self, group_id: int) -> Group:
        found = reads.groups(self._db, id=group_id)
        if not found:
            raise NotFoundError(_GONE)
        return found[0]

    def find(self, text: str) -> list[Group]:
        """Groups whose name contains ``text`` (case-insensitive), exact matches first."""
        needle = text.strip().casefold()
        if not needle:
            return []
        found = [g for g in self.list_all() if needle in g.name.casefold()]
        exact = [g for g in found if g.name.casefold() == needle]
        return exact or found

    def add(self, group: Group) -> Group:
        from supportnet.data.schema import GroupRow

        group.normalised().validate()
        now = self._clock()
        with self._sessions.begin() as session:
            row = GroupRow(uid=group.uid, created_at=now, updated_at=now)
            _fill(row, group)
            session.add(row)
            session.flush()
            new_id = row.id
        return self.get(new_id)

    def update(self, group: Group) -> Group:
        from supportnet.data.schema import GroupRow

        if group.id is None:
            raise NotFoundError("This group hasn't been saved yet.")
        group.normalised().validate()
        with self._sessions.begin() as session:
            row = session.get(GroupRow, group.id)
            if row is None:
                raise NotFoundError(_GONE)
            _fill(row, group)
            row.updated_at = self._clock()
        return self.get(group.id)

    def delete(self, group_id: int) -> None:
        """Remove a group with its plans and check-in history."""
        from sqlalchemy import delete

        from supportnet.data.schema import GroupRow

        with self._sessions.begin() as session:
            result = session.execute(delete(GroupRow).where(GroupRow.id == group_id))
            if result.rowcount == 0:  # type: ignore[attr-defined]
                raise NotFoundError(_GONE)

    def bundle(self, group_id: int) -> GroupBundle:
        """The group with all its plans and check-ins, to undo a :meth:`delete` later."""
        group = self.get(group_id)
        found = read_dependents(self._db, "group_id", group_id)
        return GroupBundle(group, found.plans, found.checkins, found.plan_links, found.calendar)

    def restore(self, bundle: GroupBundle) -> Group:
        """Put a deleted group back with its plans and check-ins, all in one transaction.

        Works as :meth:`PeopleRepository.restore` does. Raises :class:`SupportNetError` if
        the group is back already.
        """
        from supportnet.data.schema import GroupRow

        group = bundle.group
        group.validate()
        check_restorable(group.display_name, bundle.plans, bundle.checkins)
        now = self._clock()
        with self._sessions.begin() as session:
            new_id = restore_target(
                session,
                GroupRow,
                group,
                _fill,
                "group_id",
                Dependents(bundle.plans, bundle.checkins, bundle.plan_links, bundle.calendar),
                now,
                already_back="That group is already back in your network.",
            )
        return self.get(new_id)

    def dependents(self, group_id: int) -> tuple[int, int]:
        """How many plans and check-ins would go with this group."""
        plans = reads.count(self._db, "plans", group_id=group_id)
        checkins = reads.count(self._db, "checkins", group_id=group_id)
        return plans, checkins

    def count(self) -> int:
        return reads.count(self._db, "community_groups")
