"""A plan's delete and its undo, and a check-in's logging and its undo: each one transaction."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING

from supportnet.data import reads
from supportnet.data.bundles import free_id, uids_taken
from supportnet.data.repositories.base import require_targets
from supportnet.data.repositories.calendar import CalendarRecord, read_records, relink
from supportnet.i18n import N_, _
from supportnet.model.checkins import CheckIn
from supportnet.model.errors import NotFoundError, SupportNetError
from supportnet.model.plans import Plan
from supportnet.scheduling import Postponement

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

# A user action, or its undo, touches several tables: deleting a plan unlinks its check-ins,
# drops its postponements and leaves its calendar rows without a plan; logging a check-in for
# a plan clears that plan's postponements. Doing each step in its own transaction let a
# failure half-way (a full disk, a plan deleted in another window) keep some steps and lose
# the rest. The functions here run inside the caller's session, so the whole action commits
# or nothing does; the repositories wrap each in one ``begin()``.

_PLAN_GONE = N_("That plan no longer exists.")


@dataclass(frozen=True, slots=True)
class PlanBundle:
    """A deleted plan and what went with it, to put it all back as it was.

    ``plan`` keeps its id, uid, SEQUENCE and times; ``linked`` are the uids of the check-ins
    that were linked to it (the delete keeps them but unlinks them); ``postponements`` and
    ``calendar`` are its postponements and what calendars were given of it.
    """

    plan: Plan
    linked: tuple[str, ...] = ()
    postponements: tuple[Postponement, ...] = ()
    calendar: tuple[CalendarRecord, ...] = ()


@dataclass(frozen=True, slots=True)
class LoggedCheckIn:
    """A check-in as logged, and the postponements of its plan that logging it cleared."""

    checkin: CheckIn
    cleared: tuple[Postponement, ...] = ()


def take_out_plan(session: Session, plan_id: int) -> PlanBundle:
    """Delete a plan and return what is needed to put it back (read in the same session)."""
    from sqlalchemy import delete

    from supportnet.data.schema import PlanRow

    reader = reads.SessionReader(session)
    found = reads.plans(reader, id=plan_id)
    if not found:
        raise NotFoundError(_(_PLAN_GONE))
    linked = tuple(
        str(uid)
        for (uid,) in reader.execute(
            "SELECT uid FROM checkins WHERE plan_id = ? ORDER BY id", (plan_id,)
        )
    )
    bundle = PlanBundle(
        found[0], linked, plan_postponements(session, plan_id), read_records(reader, [plan_id])
    )
    # ON DELETE: check-ins and calendar rows are unlinked, postponements and skips go.
    session.execute(delete(PlanRow).where(PlanRow.id == plan_id))
    return bundle


def put_back_plan(session: Session, bundle: PlanBundle, now: datetime) -> int:
    """Insert a deleted plan again with its links, postponements and calendar rows; its id.

    The old id is kept unless something added since holds it; the uid, SEQUENCE and times
    are always kept, so calendars that imported the plan still recognise it. Check-ins
    linked to something else since the delete keep that link.
    """
    from sqlalchemy import update

    from supportnet.data.plan_rows import fill_plan_row
    from supportnet.data.schema import CheckInRow, PlanRow

    plan = bundle.plan
    if plan.id is None:
        raise SupportNetError(_("That plan can't be brought back: it was never saved."))
    if uids_taken(session, PlanRow, [plan.uid]):
        raise SupportNetError(_("That plan is already back."))
    require_targets(session, plan.person_id, plan.group_id)
    row = PlanRow(
        id=free_id(session, PlanRow, plan.id),
        uid=plan.uid,
        sequence=plan.sequence,
        created_at=plan.created_at or now,
        updated_at=plan.updated_at or now,
    )
    fill_plan_row(row, plan)
    session.add(row)
    session.flush()
    new_id = int(row.id)
    for chunk in reads.chunks(list(bundle.linked)):
        session.execute(
            update(CheckInRow)
            .where(CheckInRow.uid.in_(chunk), CheckInRow.plan_id.is_(None))
            .values(plan_id=new_id)
        )
    replace_postponements(session, new_id, bundle.postponements, now)
    relink(session, bundle.calendar, {plan.id: new_id})
    return new_id


def plan_postponements(session: Session, plan_id: int) -> tuple[Postponement, ...]:
    """Every postponement of a plan on record, oldest first."""
    rows = reads.SessionReader(session).execute(
        "SELECT to_date, from_date FROM plan_postponements WHERE plan_id = ? ORDER BY id",
        (plan_id,),
    )
    return tuple(
        Postponement(
            plan_id=plan_id,
            to_date=date.fromisoformat(to_date),
            from_date=date.fromisoformat(from_date) if from_date else None,
        )
        for to_date, from_date in rows
    )


def replace_postponements(
    session: Session, plan_id: int, postponements: Sequence[Postponement], now: datetime
) -> None:
    """Make ``postponements`` (given for any id) the plan's only ones."""
    from sqlalchemy import delete

    from supportnet.data.schema import PostponementRow

    session.execute(delete(PostponementRow).where(PostponementRow.plan_id == plan_id))
    for postponement in postponements:
        session.add(
            PostponementRow(
                plan_id=plan_id,
                from_date=postponement.from_date,
                to_date=postponement.to_date,
                created_at=now,
            )
        )
    session.flush()


def plan_exists(session: Session, plan_id: int) -> bool:
    from sqlalchemy import select

    from supportnet.data.schema import PlanRow

    return session.scalar(select(PlanRow.id).where(PlanRow.id == plan_id)) is not None
