"""Reach-out plans."""

from __future__ import annotations

from sqlalchemy import delete, func, select

from supportnet.data.repositories.base import Repository, require_targets
from supportnet.data.schema import PlanRow, PlanSkipRow
from supportnet.errors import NotFoundError
from supportnet.network import ChannelKind
from supportnet.plans import Cadence, Frequency, MonthlyMode, Plan, PlanKind, Recurrence


def _to_plan(row: PlanRow) -> Plan:
    recurrence = None
    if row.frequency is not None:
        recurrence = Recurrence(
            frequency=Frequency(row.frequency),
            interval=row.interval or 1,
            weekdays={int(d) for d in (row.weekdays or "").split(",") if d},
            monthly_mode=MonthlyMode(row.monthly_mode or MonthlyMode.BY_DATE),
            month_day=row.month_day,
            nth=row.nth,
            nth_weekday=row.nth_weekday,
            until=row.until,
            skips={s.day for s in row.skips},
        )
    cadence = None
    if row.ideal_days is not None and row.too_long_days is not None:
        cadence = Cadence(row.ideal_days, row.too_long_days)
    return Plan(
        id=row.id,
        uid=row.uid,
        kind=PlanKind(row.kind),
        person_id=row.person_id,
        group_id=row.group_id,
        title=row.title,
        channel=ChannelKind(row.channel) if row.channel else None,
        timezone=row.timezone,
        start_date=row.start_date,
        window_start=row.window_start,
        window_end=row.window_end,
        duration_minutes=row.duration_minutes,
        message_idea=row.message_idea,
        notes=row.notes,
        paused=row.paused,
        recurrence=recurrence,
        cadence=cadence,
        sequence=row.sequence,
        created_at=row.created_at,
        updated_at=row.updated_at,
    )


def _fill(row: PlanRow, plan: Plan) -> None:
    row.kind = plan.kind.value
    row.person_id = plan.person_id
    row.group_id = plan.group_id
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
    row.skips = [PlanSkipRow(day=d) for d in sorted(rec.skips)] if rec else []
    row.ideal_days = plan.cadence.ideal_days if plan.cadence else None
    row.too_long_days = plan.cadence.too_long_days if plan.cadence else None


class PlansRepository(Repository):
    """Add, change and remove plans. A change to a plan's timing bumps its SEQUENCE."""

    def list_all(self) -> list[Plan]:
        with self._sessions() as session:
            return [_to_plan(r) for r in session.scalars(select(PlanRow).order_by(PlanRow.id))]

    def for_person(self, person_id: int) -> list[Plan]:
        with self._sessions() as session:
            rows = session.scalars(
                select(PlanRow).where(PlanRow.person_id == person_id).order_by(PlanRow.id)
            )
            return [_to_plan(r) for r in rows]

    def for_group(self, group_id: int) -> list[Plan]:
        with self._sessions() as session:
            rows = session.scalars(
                select(PlanRow).where(PlanRow.group_id == group_id).order_by(PlanRow.id)
            )
            return [_to_plan(r) for r in rows]

    def get(self, plan_id: int) -> Plan:
        with self._sessions() as session:
            row = session.get(PlanRow, plan_id)
            if row is None:
                raise NotFoundError("That plan no longer exists.")
            return _to_plan(row)

    def add(self, plan: Plan) -> Plan:
        plan.normalised().validate()
        now = self._clock()
        with self._sessions.begin() as session:
            require_targets(session, plan.person_id, plan.group_id)
            row = PlanRow(uid=plan.uid, sequence=plan.sequence, created_at=now, updated_at=now)
            _fill(row, plan)
            session.add(row)
            session.flush()
            return _to_plan(row)

    def update(self, plan: Plan) -> Plan:
        if plan.id is None:
            raise NotFoundError("This plan hasn't been saved yet.")
        plan.normalised().validate()
        with self._sessions.begin() as session:
            row = session.get(PlanRow, plan.id)
            if row is None:
                raise NotFoundError("That plan no longer exists.")
            require_targets(session, plan.person_id, plan.group_id)
            timing_before = _to_plan(row).timing_key()
            _fill(row, plan)
            if plan.timing_key() != timing_before:
                row.sequence += 1
            row.updated_at = self._clock()
            session.flush()
            return _to_plan(row)

    def delete(self, plan_id: int) -> None:
        with self._sessions.begin() as session:
            result = session.execute(delete(PlanRow).where(PlanRow.id == plan_id))
            if result.rowcount == 0:  # type: ignore[attr-defined]
                raise NotFoundError("That plan no longer exists.")

    def count(self) -> int:
        with self._sessions() as session:
            return int(session.scalar(select(func.count()).select_from(PlanRow)) or 0)
