"""Everything that goes when a person or group is deleted, kept so the delete can be undone."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal

from supportnet.data import reads
from supportnet.data.repositories.calendar import CalendarRecord, read_records, relink
from supportnet.i18n import _
from supportnet.model.checkins import CheckIn
from supportnet.model.errors import SupportNetError
from supportnet.model.network import Group, Person
from supportnet.model.plans import Plan

if TYPE_CHECKING:
    from datetime import datetime

    from sqlalchemy.orm import Session


Target = Literal["person_id", "group_id"]

#: (check-in id, plan id): a check-in with someone else that was linked to one of these plans.
#: Deleting the plan unlinks it (ON DELETE SET NULL); restoring links it again.
PlanLink = tuple[int, int]


@dataclass(frozen=True, slots=True)
class PersonBundle:
    """A person with all their plans and check-ins, ids and uids included.

    Read just before a delete and handed back to ``PeopleRepository.restore``, which puts
    every row back with its original id and uid (calendar UIDs are made from uids, so a plan
    imported into a calendar is still recognised afterwards).
    """

    person: Person
    plans: tuple[Plan, ...] = ()
    checkins: tuple[CheckIn, ...] = ()
    plan_links: tuple[PlanLink, ...] = ()
    calendar: tuple[CalendarRecord, ...] = ()


@dataclass(frozen=True, slots=True)
class GroupBundle:
    """A group with all its plans and check-ins, ids and uids included."""

    group: Group
    plans: tuple[Plan, ...] = ()
    checkins: tuple[CheckIn, ...] = ()
    plan_links: tuple[PlanLink, ...] = ()
    calendar: tuple[CalendarRecord, ...] = ()


@dataclass(frozen=True, slots=True)
class Dependents:
    plans: tuple[Plan, ...]
    checkins: tuple[CheckIn, ...]
    plan_links: tuple[PlanLink, ...]
    calendar: tuple[CalendarRecord, ...] = ()


def dependents_of(bundle: PersonBundle | GroupBundle) -> Dependents:
    """What a deleted person or group takes with them, and a restore brings back."""
    return Dependents(bundle.plans, bundle.checkins, bundle.plan_links, bundle.calendar)


def read_dependents(db: reads.Reader, target: Target, target_id: int) -> Dependents:
    """The plans and check-ins of one person or group, and links into those plans."""
    plans = tuple(reads.plans(db, **{target: target_id}))
    checkins = tuple(reads.checkins(db, newest_first=False, **{target: target_id}))
    links: list[PlanLink] = []
    plan_ids = [p.id for p in plans if p.id is not None]
    for start in range(0, len(plan_ids), _CHUNK):
        chunk = plan_ids[start : start + _CHUNK]
        rows = db.execute(
            f"SELECT id, plan_id FROM checkins WHERE plan_id IN ({','.join('?' * len(chunk))}) "
            f"AND ({target} IS NULL OR {target} != ?) ORDER BY id",
            (*chunk, target_id),
        )
        links += [(int(checkin_id), int(plan_id)) for checkin_id, plan_id in rows]
    return Dependents(plans, checkins, tuple(links), read_records(db, plan_ids))


def check_restorable(name: str, plans: Sequence[Plan], checkins: Sequence[CheckIn]) -> None:
    """Raise :class:`ValidationError` (nothing written) if anything in a bundle is unfit."""
    for plan in plans:
        plan.validate()
    for checkin in checkins:
        checkin.validate()
    if any(p.id is None for p in plans) or any(c.id is None for c in checkins):
        raise SupportNetError(
            _("{name}'s plans and check-ins can't be brought back: some were never saved.").format(
                name=name
            )
        )


def free_id(session: Session, table: type[object], wanted: int | None) -> int | None:
    """``wanted`` if no row of ``table`` has it (restore keeps ids), else None (a new one).

    SQLite hands the highest id out again once its row is deleted, so something added after
    the delete may hold it now; then the restored row gets a new id and keeps its uid.
    """
    if wanted is None:
        return None
    return None if session.get(table, wanted) is not None else wanted


def uids_taken(session: Session, table: type[object], uids: Sequence[str]) -> bool:
    from sqlalchemy import select

    column = table.uid  # type: ignore[attr-defined]
    for start in range(0, len(uids), _CHUNK):
        chunk = list(uids[start : start + _CHUNK])
        if session.scalar(select(column).where(column.in_(chunk)).limit(1)) is not None:
            return True
    return False


def restore_dependents(
    session: Session,
    target: Target,
    target_id: int,
    name: str,
    dependents: Dependents,
    fallback_time: datetime,
) -> None:
    """Insert a bundle's plans and check-ins for ``target_id``, keeping ids where free.

    Run inside the transaction that put the person or group back, after it was flushed.
    """
    from sqlalchemy import insert, select, update

    from supportnet.data.plan_rows import fill_plan_row
    from supportnet.data.schema import CheckInRow, PlanRow

    plans, checkins = dependents.plans, dependents.checkins
    if uids_taken(session, PlanRow, [p.uid for p in plans]) or uids_taken(
        session, CheckInRow, [c.uid for c in checkins]
    ):
        raise SupportNetError(
            _(
                "Some of {name}'s plans or check-ins are already back in your network, so "
                "nothing was brought back twice."
            ).format(name=name)
        )

    # Rows keeping their id go in first: a row given a new id takes the highest id plus one,
    # which could be an id another row of the bundle is about to reclaim.
    wanted = {plan.uid: free_id(session, PlanRow, plan.id) for plan in plans}
    plan_ids: dict[int, int] = {}
    for plan in sorted(plans, key=lambda p: wanted[p.uid] is None):
        assert plan.id is not None
        row = PlanRow(
            id=wanted[plan.uid],
            uid=plan.uid,
            sequence=plan.sequence,
            created_at=plan.created_at or fallback_time,
            updated_at=plan.updated_at or fallback_time,
        )
        fill_plan_row(row, plan)
        row.person_id = target_id if target == "person_id" else None
        row.group_id = target_id if target == "group_id" else None
        session.add(row)
        session.flush()
        plan_ids[plan.id] = row.id
    # What calendars were given for these plans, so a re-export updates the same events.
    relink(session, dependents.calendar, plan_ids)

    # Links to plans outside the bundle (another person's or group's plan) are kept if that
    # plan still exists, and dropped otherwise, as deleting the plan would have done.
    outside = sorted({c.plan_id for c in checkins if c.plan_id is not None} - plan_ids.keys())
    still_there = {
        pid
        for start in range(0, len(outside), _CHUNK)
        for pid in session.scalars(
            select(PlanRow.id).where(PlanRow.id.in_(outside[start : start + _CHUNK]))
        )
    }
    taken_checkin_ids = {
        cid
        for start in range(0, len(checkins), _CHUNK)
        for cid in session.scalars(
            select(CheckInRow.id).where(
                CheckInRow.id.in_([c.id for c in checkins[start : start + _CHUNK]])
            )
        )
    }
    values: list[dict[str, object]] = []
    for checkin in checkins:
        plan_id = checkin.plan_id
        if plan_id is not None:
            plan_id = plan_ids.get(plan_id, plan_id if plan_id in still_there else None)
        value: dict[str, object] = {
            "uid": checkin.uid,
            "at": checkin.at,
            "person_id": target_id if target == "person_id" else None,
            "group_id": target_id if target == "group_id" else None,
            "plan_id": plan_id,
            "channel": checkin.channel.value if checkin.channel else None,
            "initiator": checkin.initiator.value,
            "note": checkin.note,
            "mood_before": checkin.mood_before,
            "mood_after": checkin.mood_after,
            "by_ref": checkin.by,
            "rota_slot": checkin.rota_slot,
        }
        if checkin.id not in taken_checkin_ids:
            value["id"] = checkin.id
        values.append(value)
    # Those keeping their id first, as with the plans (and one executemany needs one set of
    # columns anyway).
    for batch in ([v for v in values if "id" in v], [v for v in values if "id" not in v]):
        if batch:
            session.execute(insert(CheckInRow), batch)

    for checkin_id, old_plan_id in dependents.plan_links:
        new_plan_id = plan_ids.get(old_plan_id)
        if new_plan_id is None:
            continue
        # Only if it is still unlinked: a link chosen since the delete stays as it is.
        session.execute(
            update(CheckInRow)
            .where(CheckInRow.id == checkin_id, CheckInRow.plan_id.is_(None))
            .values(plan_id=new_plan_id)
        )


_CHUNK = 500


def restore_target(
    session: Session,
    row_type: type[Any],
    item: Person | Group,
    fill: Callable[[Any, Any], None],
    target: Target,
    dependents: Dependents,
    now: datetime,
    *,
    already_back: str,
) -> int:
    """Insert a deleted person or group again, with its plans and check-ins; its new id.

    The old id is kept unless something added since holds it; the uid is always kept.
    """
    if uids_taken(session, row_type, [item.uid]):
        raise SupportNetError(already_back)
    row = row_type(
        id=free_id(session, row_type, item.id),
        uid=item.uid,
        created_at=item.created_at or now,
        updated_at=item.updated_at or now,
    )
    fill(row, item)
    session.add(row)
    session.flush()
    new_id = int(row.id)
    restore_dependents(session, target, new_id, item.display_name, dependents, now)
    return new_id
