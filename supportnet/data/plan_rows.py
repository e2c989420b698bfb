"""A plan's values onto its database row: shared by the repository, the undo bundles and
the care teams' rota slots (which are timed in the same columns as a plan)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from supportnet.data.schema import PlanRow, RotaSlotRow
    from supportnet.model.plans import Plan


def fill_plan_row(row: PlanRow | RotaSlotRow, plan: Plan) -> None:
    """Copy ``plan``'s values onto its database row (skipped days as child rows).

    A rota slot's row has no target: every slot is with its team's focus person.
    """
    from supportnet.data.schema import PlanRow, PlanSkipRow, RotaSlotSkipRow

    row.kind = plan.kind.value
    row.title = plan.title
    row.channel = plan.channel.value if plan.channel else None
    row.timezone = plan.timezone
    row.start_date = plan.start_date
    row.window_start = plan.window_start
    row.window_end = plan.window_end
    row.duration_minutes = plan.duration_minutes
    row.message_idea = plan.message_idea
    row.notes = plan.notes
    row.paused = plan.paused
    rec = plan.recurrence
    row.frequency = rec.frequency.value if rec else None
    row.interval = rec.interval if rec else None
    row.weekdays = ",".join(str(d) for d in sorted(rec.weekdays)) if rec else None
    row.monthly_mode = rec.monthly_mode.value if rec else None
    row.month_day = rec.month_day if rec else None
    row.nth = rec.nth if rec else None
    row.nth_weekday = rec.nth_weekday if rec else None
    row.until = rec.until if rec else None
    row.ideal_days = plan.cadence.ideal_days if plan.cadence else None
    row.too_long_days = plan.cadence.too_long_days if plan.cadence else None
    skips = sorted(rec.skips) if rec else []
    if isinstance(row, PlanRow):
        row.person_id = plan.person_id
        row.group_id = plan.group_id
        row.skips = [PlanSkipRow(day=d) for d in skips]
    else:
        row.skips = [RotaSlotSkipRow(day=d) for d in skips]
