"""Reading the store with plain SQL into domain objects, without importing SQLAlchemy.

Repositories answer every read from here, so the first window can be painted before the
ORM (over half a second to import) is loaded; writes go through the ORM.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import UTC, date, datetime, time
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from supportnet.data.engine import RawDatabase
from supportnet.model.checkins import CheckIn, Initiator
from supportnet.model.network import (
    ChannelKind,
    Circle,
    ContactChannel,
    Group,
    GroupKind,
    HelpDirection,
    LifeDomain,
    Person,
    SupportType,
)
from supportnet.model.plans import Cadence, Frequency, MonthlyMode, Plan, PlanKind, Recurrence

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


class Reader(Protocol):
    """Runs one SQL query and returns its rows: a :class:`RawDatabase`, or a
    :class:`SessionReader` inside a write transaction."""

    def execute(self, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]: ...


class SessionReader:
    """Reads through a write session's own connection, so a compound action reads what it
    is about to change in the same transaction as the change (nothing can slip between)."""

    def __init__(self, session: Session) -> None:
        self._session = session

    def execute(self, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        result = self._session.connection().exec_driver_sql(sql, params)
        return [tuple(row) for row in result]


# Enum members by value: a dict lookup is several times faster than calling the enum,
# which counts when thousands of rows are read.
CIRCLES = {m.value: m for m in Circle}
_DOMAINS = {m.value: m for m in LifeDomain}
_DIRECTIONS = {m.value: m for m in HelpDirection}
_SUPPORTS = {m.value: m for m in SupportType}
CHANNELS = {m.value: m for m in ChannelKind}
_GROUP_KINDS = {m.value: m for m in GroupKind}


def utc(value: str | None) -> datetime | None:
    """A stored UTC timestamp (naive text) as an aware datetime."""
    return None if value is None else datetime.fromisoformat(value).replace(tzinfo=UTC)


def _date(value: str | None) -> date | None:
    return None if value is None else date.fromisoformat(value)


def _time(value: str | None) -> time | None:
    return None if value is None else time.fromisoformat(value)


_T = TypeVar("_T")


def placeholders(ids: Sequence[object]) -> str:
    """``?,?,?``: one SQL parameter mark per item."""
    return ",".join("?" * len(ids))


# --- People ---------------------------------------------------------------------------------

_PERSON_COLUMNS = (
    "id, uid, name, nickname, pronouns, domain, circle, direction, best_times, notes, "
    "knows_situation, created_at, updated_at"
)


def people(db: RawDatabase, where: str = "", params: tuple[Any, ...] = ()) -> list[Person]:
    """People matching ``where`` (an SQL condition on the people table), by name."""
    rows = db.execute(
        f"SELECT {_PERSON_COLUMNS} FROM people {'WHERE ' + where if where else ''} "
        "ORDER BY lower(name), id",
        params,
    )
    if not rows:
        return []
    ids = [r[0] for r in rows]
    support: dict[int, set[SupportType]] = defaultdict(set)
    channels: dict[int, list[ContactChannel]] = defaultdict(list)
    tags: dict[int, list[str]] = defaultdict(list)
    for chunk in chunks(ids):
        marks = placeholders(chunk)
        for pid, kind in db.execute(
            f"SELECT person_id, support_type FROM person_support WHERE person_id IN ({marks})",
            tuple(chunk),
        ):
            support[pid].add(_SUPPORTS[kind])
        for pid, kind, value, preferred in db.execute(
            "SELECT person_id, kind, value, preferred FROM person_channels "
            f"WHERE person_id IN ({marks}) ORDER BY person_id, position",
            tuple(chunk),
        ):
            channels[pid].append(ContactChannel(CHANNELS[kind], value, bool(preferred)))
        for pid, tag in db.execute(
            f"SELECT person_id, tag FROM person_tags WHERE person_id IN ({marks}) "
            "ORDER BY person_id, position",
            tuple(chunk),
        ):
            tags[pid].append(tag)
    return [
        Person(
            id=r[0],
            uid=r[1],
            name=r[2],
            nickname=r[3],
            pronouns=r[4],
            domain=_DOMAINS[r[5]],
            circle=CIRCLES[r[6]],
            direction=_DIRECTIONS[r[7]],
            best_times=r[8],
            notes=r[9],
            knows_situation=bool(r[10]),
            created_at=utc(r[11]),
            updated_at=utc(r[12]),
            support_types=support[r[0]],
            channels=channels[r[0]],
            tags=tags[r[0]],
        )
        for r in rows
    ]


# --- Groups ---------------------------------------------------------------------------------

_GROUP_COLUMNS = (
    "id, uid, name, kind, circle, domain, meeting_schedule, place, link, notes, "
    "created_at, updated_at"
)


def groups(db: RawDatabase, where: str = "", params: tuple[Any, ...] = ()) -> list[Group]:
    """Groups matching ``where`` (an SQL condition on community_groups), by name."""
    rows = db.execute(
        f"SELECT {_GROUP_COLUMNS} FROM community_groups {'WHERE ' + where if where else ''} "
        "ORDER BY lower(name), id",
        params,
    )
    if not rows:
        return []
    ids = [r[0] for r in rows]
    support: dict[int, set[SupportType]] = defaultdict(set)
    tags: dict[int, list[str]] = defaultdict(list)
    for chunk in chunks(ids):
        marks = placeholders(chunk)
        for gid, kind in db.execute(
            f"SELECT group_id, support_type FROM group_support WHERE group_id IN ({marks})",
            tuple(chunk),
        ):
            support[gid].add(_SUPPORTS[kind])
        for gid, tag in db.execute(
            f"SELECT group_id, tag FROM group_tags WHERE group_id IN ({marks}) "
            "ORDER BY group_id, position",
            tuple(chunk),
        ):
            tags[gid].append(tag)
    return [
        Group(
            id=r[0],
            uid=r[1],
            name=r[2],
            kind=_GROUP_KINDS[r[3]],
            circle=CIRCLES[r[4]],
            domain=_DOMAINS[r[5]],
            meeting_schedule=r[6],
            place=r[7],
            link=r[8],
            notes=r[9],
            created_at=utc(r[10]),
            updated_at=utc(r[11]),
            support_types=support[r[0]],
            tags=tags[r[0]],
        )
        for r in rows
    ]


# --- Plans ----------------------------------------------------------------------------------

_PLAN_COLUMNS = (
    "id, uid, kind, person_id, group_id, title, channel, timezone, start_date, window_start, "
    "window_end, duration_minutes, message_idea, notes, paused, sequence, frequency, "
    "interval, weekdays, monthly_mode, month_day, nth, nth_weekday, until, ideal_days, "
    "too_long_days, created_at, updated_at"
)


def plans(db: Reader, where: str = "", params: tuple[Any, ...] = ()) -> list[Plan]:
    """Plans matching ``where`` (an SQL condition on the plans table), oldest first."""
    rows = db.execute(
        f"SELECT {_PLAN_COLUMNS} FROM plans {'WHERE ' + where if where else ''} ORDER BY id",
        params,
    )
    skips: dict[int, set[date]] = defaultdict(set)
    ids = [r[0] for r in rows]
    for chunk in chunks(ids):
        for pid, day in db.execute(
            f"SELECT plan_id, day FROM plan_skips WHERE plan_id IN ({placeholders(chunk)})",
            tuple(chunk),
        ):
            skips[pid].add(date.fromisoformat(day))
    out = []
    for r in rows:
        recurrence = None
        if r[16] is not None:
            recurrence = Recurrence(
                frequency=Frequency(r[16]),
                interval=r[17] or 1,
                weekdays={int(d) for d in (r[18] or "").split(",") if d},
                monthly_mode=MonthlyMode(r[19] or MonthlyMode.BY_DATE),
                month_day=r[20],
                nth=r[21],
                nth_weekday=r[22],
                until=_date(r[23]),
                skips=skips[r[0]],
            )
        cadence = None
        if r[24] is not None and r[25] is not None:
            cadence = Cadence(r[24], r[25])
        start = _date(r[8])
        assert start is not None
        out.append(
            Plan(
                id=r[0],
                uid=r[1],
                kind=PlanKind(r[2]),
                person_id=r[3],
                group_id=r[4],
                title=r[5],
                channel=ChannelKind(r[6]) if r[6] else None,
                timezone=r[7],
                start_date=start,
                window_start=_time(r[9]),
                window_end=_time(r[10]),
                duration_minutes=r[11],
                message_idea=r[12],
                notes=r[13],
                paused=bool(r[14]),
                sequence=r[15],
                recurrence=recurrence,
                cadence=cadence,
                created_at=utc(r[26]),
                updated_at=utc(r[27]),
            )
        )
    return out


# --- Check-ins ------------------------------------------------------------------------------

_CHECKIN_COLUMNS = (
    "id, uid, at, person_id, group_id, plan_id, channel, initiator, note, mood_before, mood_after"
)


def checkins(
    db: RawDatabase,
    where: str = "",
    params: tuple[Any, ...] = (),
    *,
    newest_first: bool = True,
    limit: int | None = None,
) -> list[CheckIn]:
    """Check-ins matching ``where`` (an SQL condition on the checkins table)."""
    order = "at DESC, id DESC" if newest_first else "at, id"
    tail = f" LIMIT {int(limit)}" if limit is not None else ""
    rows = db.execute(
        f"SELECT {_CHECKIN_COLUMNS} FROM checkins {'WHERE ' + where if where else ''} "
        f"ORDER BY {order}{tail}",
        params,
    )
    out = []
    for r in rows:
        at = utc(r[2])
        assert at is not None
        out.append(
            CheckIn(
                id=r[0],
                uid=r[1],
                at=at,
                person_id=r[3],
                group_id=r[4],
                plan_id=r[5],
                channel=ChannelKind(r[6]) if r[6] else None,
                initiator=Initiator(r[7]),
                note=r[8],
                mood_before=r[9],
                mood_after=r[10],
            )
        )
    return out


def count(db: RawDatabase, table: str, where: str = "", params: tuple[Any, ...] = ()) -> int:
    """How many rows of ``table`` match ``where``."""
    rows = db.execute(f"SELECT count(*) FROM {table} {'WHERE ' + where if where else ''}", params)
    return int(rows[0][0])


def chunks(ids: list[_T], size: int = 500) -> list[list[_T]]:
    # SQLite caps bound parameters per statement; 500 stays well below every build's cap.
    return [ids[i : i + size] for i in range(0, len(ids), size)]
