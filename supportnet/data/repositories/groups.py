"""Groups and communities."""

from __future__ import annotations

from typing import TYPE_CHECKING

from supportnet.data import reads
from supportnet.data.bundles import Dependents, GroupBundle
from supportnet.data.repositories.targets import TargetRepository
from supportnet.i18n import N_
from supportnet.model.network import Group
from supportnet.model.targets import GROUP

if TYPE_CHECKING:
    from supportnet.data.schema import GroupRow


class GroupsRepository(TargetRepository[Group, GroupBundle]):
    """Add, change, find and remove groups. Reads use plain SQL; writes use the ORM."""

    _table = "community_groups"
    _target = "group_id"
    _plan_kind = GROUP
    _gone = N_("That group is no longer in your network.")
    _unsaved = N_("This group hasn't been saved yet.")
    _already_back = N_("That group is already back in your network.")

    def _read(self, db: reads.Reader, /, **where: object) -> list[Group]:
        return reads.groups(db, **where)

    @staticmethod
    def _row_type() -> type[GroupRow]:
        from supportnet.data.schema import GroupRow

        return GroupRow

    @staticmethod
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

    @staticmethod
    def _names(group: Group) -> tuple[str, ...]:
        return (group.name,)

    @staticmethod
    def _bundled(group: Group, found: Dependents) -> GroupBundle:
        return GroupBundle(group, found.plans, found.checkins, found.plan_links, found.calendar)

    @staticmethod
    def _item_of(bundle: GroupBundle) -> Group:
        return bundle.group
