"""Reading the store with plain SQL into domain objects, without importing SQLAlchemy.

Repositories answer every read from here, so the first window can be painted before the
ORM (over half a second to import) is loaded; writes go through the ORM.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from datetime import UTC, date, datetime, time
from typing import TYPE_CHECKING, Any, Literal, NamedTuple, Protocol, TypeVar, get_args

from supportnet.data.records import (
    COLUMNS,
    CheckInRecord,
    GroupRecord,
    PersonRecord,
    PlanRecord,
    RotaSlotRecord,
)
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
from supportnet.model.targets import GROUP, PERSON

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
_PLAN_KINDS = {m.value: m for m in PlanKind}
_FREQUENCIES = {m.value: m for m in Frequency}
_MONTHLY_MODES = {m.value: m for m in MonthlyMode}
_INITIATORS = {m.value: m for m in Initiator}


def utc(value: str | None) -> datetime | None:
    """A stored UTC timestamp (naive text) as an aware datetime."""
    return None if value is None else datetime.fromisoformat(value).replace(tzinfo=UTC)


def stored_utc(moment: datetime) -> str:
    """An aware moment as the store writes times (naive UTC text, which sorts as the
    instants do), to compare with in SQL: :func:`utc` read backwards."""
    return moment.astimezone(UTC).replace(tzinfo=None).isoformat(" ", "microseconds")


def _date(value: str | None) -> date | None:
    return None if value is None else date.fromisoformat(value)


def _time(value: str | None) -> time | None:
    return None if value is None else time.fromisoformat(value)


_T = TypeVar("_T")
_R = TypeVar("_R", bound=tuple[Any, ...])


def placeholders(ids: Sequence[object]) -> str:
    """``?,?,?``: one SQL parameter mark per item."""
    return ",".join("?" * len(ids))


# --- Choosing rows ---------------------------------------------------------------------------

#: Tables :func:`count` counts; only those in :data:`COLUMNS` can be filtered.
Table = Literal[
    "people", "community_groups", "plans", "checkins", "calendar_events", "plan_postponements"
]
_TABLES = frozenset(get_args(Table))


def _select(
    db: Reader, table: str, what: str, where: Mapping[str, object], tail: str = ""
) -> list[tuple[Any, ...]]:
    """``SELECT what FROM table``, keeping rows whose columns equal the values in ``where``.

    Column names are checked against the table's known columns before they go into the SQL,
    and values are always bound as parameters, so no caller's text becomes SQL.
    """
    known = COLUMNS.get(table, ())
    conditions = []
    params: list[object] = []
    for column, value in where.items():
        if column not in known:
            raise ValueError(f"{table} has no column {column!r} to choose rows by")
        if value is None:
            conditions.append(f"{column} IS NULL")
        else:
            conditions.append(f"{column} = ?")
            params.append(value)
    condition = f" WHERE {' AND '.join(conditions)}" if conditions else ""
    return db.execute(f"SELECT {what} FROM {table}{condition}{tail}", tuple(params))


def _records(record: type[_R], rows: list[tuple[Any, ...]]) -> list[_R]:
    """The rows of a ``SELECT`` of ``record``'s fields, in order, as records."""
    # tuple.__new__ is what NamedTuple._make calls, less a length check and a call: about a
    # third faster, which counts when thousands of rows are read.
    new = tuple.__new__
    return [new(record, r) for r in rows]


def _owned(
    db: Reader, table: str, owner: str, what: str, ids: list[int], *, by_position: bool = False
) -> list[tuple[Any, ...]]:
    """``owner, what`` from each row of ``table`` that belongs to one of ``ids``."""
    order = f" ORDER BY {owner}, position" if by_position else ""
    rows: list[tuple[Any, ...]] = []
    for chunk in chunks(ids):
        rows += db.execute(
            f"SELECT {owner}, {what} FROM {table} WHERE {owner} IN ({placeholders(chunk)}){order}",
            tuple(chunk),
        )
    return rows


def _support_and_tags(
    db: Reader, kind: Literal["person", "group"], ids: list[int]
) -> tuple[dict[int, set[SupportType]], dict[int, list[str]]]:
    """The support types and the tags (in their order) of each person or group in ``ids``."""
    owner = f"{kind}_id"
    support: dict[int, set[SupportType]] = defaultdict(set)
    for owner_id, value in _owned(db, f"{kind}_support", owner, "support_type", ids):
        support[owner_id].add(_SUPPORTS[value])
    tags: dict[int, list[str]] = defaultdict(list)
    for owner_id, tag in _owned(db, f"{kind}_tags", owner, "tag", ids, by_position=True):
        tags[owner_id].append(tag)
    return support, tags


# --- People ---------------------------------------------------------------------------------

_PERSON_COLUMNS = ", ".join(PersonRecord._fields)


def people(db: Reader, **where: object) -> list[Person]:
    """People whose columns equal the values given (e.g. ``id=3``), by name."""
    rows = _records(
        PersonRecord, _select(db, "people", _PERSON_COLUMNS, where, " ORDER BY lower(name), id")
    )
    return _people_of(db, rows)


def people_by_uid(db: Reader, uids: Iterable[str]) -> dict[str, Person]:
    """The people with these uids, by uid (those not in the network left out): a few
    ``uid IN`` queries rather than one per person."""
    rows: list[PersonRecord] = []
    for chunk in chunks(sorted(set(uids))):
        rows += _records(
            PersonRecord,
            db.execute(
                f"SELECT {_PERSON_COLUMNS} FROM people WHERE uid IN ({placeholders(chunk)})",
                tuple(chunk),
            ),
        )
    return {person.uid: person for person in _people_of(db, rows)}


def person_uids(db: Reader) -> list[str]:
    """Every person's uid (nothing else read)."""
    return [uid for (uid,) in db.execute("SELECT uid FROM people")]


def _people_of(db: Reader, rows: list[PersonRecord]) -> list[Person]:
    """The people of these rows, with their support, channels and tags."""
    if not rows:
        return []
    ids = [r.id for r in rows]
    support, tags = _support_and_tags(db, "person", ids)
    channels: dict[int, list[ContactChannel]] = defaultdict(list)
    for pid, kind, value, preferred in _owned(
        db, "person_channels", "person_id", "kind, value, preferred", ids, by_position=True
    ):
        channels[pid].append(ContactChannel(CHANNELS[kind], value, bool(preferred)))
    return [
        Person(
            id=r.id,
            uid=r.uid,
            name=r.name,
            nickname=r.nickname,
            pronouns=r.pronouns,
            domain=_DOMAINS[r.domain],
            circle=CIRCLES[r.circle],
            direction=_DIRECTIONS[r.direction],
            best_times=r.best_times,
            notes=r.notes,
            knows_situation=bool(r.knows_situation),
            created_at=utc(r.created_at),
            updated_at=utc(r.updated_at),
            support_types=support[r.id],
            channels=channels[r.id],
            tags=tags[r.id],
        )
        for r in rows
    ]


# --- Groups ---------------------------------------------------------------------------------

_GROUP_COLUMNS = ", ".join(GroupRecord._fields)


def groups(db: Reader, **where: object) -> list[Group]:
    """Groups whose columns equal the values given (e.g. ``id=3``), by name."""
    rows = _records(
        GroupRecord,
        _select(db, "community_groups", _GROUP_COLUMNS, where, " ORDER BY lower(name), id"),
    )
    if not rows:
        return []
    support, tags = _support_and_tags(db, "group", [r.id for r in rows])
    return [
        Group(
            id=r.id,
            uid=r.uid,
            name=r.name,
            kind=_GROUP_KINDS[r.kind],
            circle=CIRCLES[r.circle],
            domain=_DOMAINS[r.domain],
            meeting_schedule=r.meeting_schedule,
            place=r.place,
            link=r.link,
            notes=r.notes,
            created_at=utc(r.created_at),
            updated_at=utc(r.updated_at),
            support_types=support[r.id],
            tags=tags[r.id],
        )
        for r in rows
    ]


# --- Plans ----------------------------------------------------------------------------------

_PLAN_COLUMNS = ", ".join(PlanRecord._fields)


def plans(db: Reader, **where: object) -> list[Plan]:
    """Plans whose columns equal the values given (e.g. ``person_id=3``), oldest first."""
    rows = _records(PlanRecord, _select(db, "plans", _PLAN_COLUMNS, where, " ORDER BY id"))
    skips: dict[int, set[date]] = defaultdict(set)
    for pid, day in _owned(db, "plan_skips", "plan_id", "day", [r.id for r in rows]):
        skips[pid].add(date.fromisoformat(day))
    return [
        plan_from_record(
            r,
            skips[r.id],
            person_id=r.person_id,
            group_id=r.group_id,
            created_at=utc(r.created_at),
            updated_at=utc(r.updated_at),
        )
        for r in rows
    ]


def plan_from_record(r: PlanRecord | RotaSlotRecord, skips: set[date], **identity: Any) -> Plan:
    """A plan from its timing columns (a plan's row, or a rota slot's, which has the same
    ones) and its skipped days; ``identity`` gives the rest (target, timestamps)."""
    recurrence = None
    if r.frequency is not None:
        recurrence = Recurrence(
            frequency=_FREQUENCIES[r.frequency],
            interval=r.interval or 1,
            weekdays={int(d) for d in (r.weekdays or "").split(",") if d},
            monthly_mode=_MONTHLY_MODES[r.monthly_mode or MonthlyMode.BY_DATE],
            month_day=r.month_day,
            nth=r.nth,
            nth_weekday=r.nth_weekday,
            until=_date(r.until),
            skips=skips,
        )
    cadence = None
    if r.ideal_days is not None and r.too_long_days is not None:
        cadence = Cadence(r.ideal_days, r.too_long_days)
    start = _date(r.start_date)
    assert start is not None
    return Plan(
        id=r.id,
        uid=r.uid,
        kind=_PLAN_KINDS[r.kind],
        title=r.title,
        channel=CHANNELS[r.channel] if r.channel else None,
        timezone=r.timezone,
        start_date=start,
        window_start=_time(r.window_start),
        window_end=_time(r.window_end),
        duration_minutes=r.duration_minutes,
        message_idea=r.message_idea,
        notes=r.notes,
        paused=bool(r.paused),
        sequence=r.sequence,
        recurrence=recurrence,
        cadence=cadence,
        **identity,
    )


# --- Check-ins ------------------------------------------------------------------------------

_CHECKIN_COLUMNS = ", ".join(CheckInRecord._fields)


def checkins(
    db: Reader,
    *,
    newest_first: bool = True,
    limit: int | None = None,
    **where: object,
) -> list[CheckIn]:
    """Check-ins whose columns equal the values given (e.g. ``person_id=3``)."""
    order = "at DESC, id DESC" if newest_first else "at, id"
    tail = f" LIMIT {int(limit)}" if limit is not None else ""
    rows = _records(
        CheckInRecord, _select(db, "checkins", _CHECKIN_COLUMNS, where, f" ORDER BY {order}{tail}")
    )
    out = []
    for r in rows:
        at = utc(r.at)
        assert at is not None
        out.append(
            CheckIn(
                id=r.id,
                uid=r.uid,
                at=at,
                person_id=r.person_id,
                group_id=r.group_id,
                plan_id=r.plan_id,
                channel=CHANNELS[r.channel] if r.channel else None,
                initiator=_INITIATORS[r.initiator],
                note=r.note,
                mood_before=r.mood_before,
                mood_after=r.mood_after,
                by=r.by_ref,
                rota_slot=r.rota_slot,
            )
        )
    return out


def count(db: Reader, table: Table, /, **where: object) -> int:
    """How many rows of ``table`` have columns equal to the values given."""
    if table not in _TABLES:
        raise ValueError(f"{table!r} is not a table that can be counted")
    return int(_select(db, table, "count(*)", where)[0][0])


def chunks(ids: list[_T], size: int = 500) -> list[list[_T]]:
    # SQLite caps bound parameters per statement; 500 stays well below every build's cap.
    return [ids[i : i + size] for i in range(0, len(ids), size)]


class RotaDone(NamedTuple):
    """A check-in done on a care team's rota slot: its uid, the slot's, when, who did it on
    the user's behalf (None: the user), whom it was with (a person's uid) and how."""

    uid: str
    slot_uid: str
    at: datetime
    by: str | None
    person_uid: str | None
    channel: ChannelKind | None


def rota_checkins(
    db: Reader, slot_uids: Sequence[str], since: datetime, until: datetime
) -> list[RotaDone]:
    """The check-ins done on these rota slots from ``since`` up to ``until``: one index
    lookup per slot, oldest first."""
    found: list[RotaDone] = []
    lo, hi = stored_utc(since), stored_utc(until)
    for chunk in chunks(sorted(set(slot_uids))):
        for uid, slot, at, by, person_uid, channel in db.execute(
            "SELECT c.uid, c.rota_slot, c.at, c.by_ref, p.uid, c.channel FROM checkins c "
            "LEFT JOIN people p ON p.id = c.person_id "
            f"WHERE c.rota_slot IN ({placeholders(chunk)}) AND c.at >= ? AND c.at < ? "
            "ORDER BY c.at, c.id",
            (*chunk, lo, hi),
        ):
            moment = utc(at)
            assert moment is not None
            kind = CHANNELS[channel] if channel else None
            found.append(RotaDone(uid, slot, moment, by, person_uid, kind))
    return found


# --- Across the network ---------------------------------------------------------------------

#: kind, id, name, nickname ("" for a group), circle, preferred way to reach them
EveryoneRow = tuple[str, int, str, str, Circle, ChannelKind | None]


def everyone(db: Reader, *, channels: bool) -> Iterator[EveryoneRow]:
    """Every person, then every group, with what naming them needs; their preferred way
    to be reached (people only) when ``channels``."""
    preferred: dict[int, str] = {}
    if channels:
        preferred = dict(
            db.execute(
                "SELECT person_id, kind FROM person_channels "
                # The last row per person wins: their preferred way, else their first.
                "ORDER BY person_id, preferred, position DESC"
            )
        )
    for pid, name, nickname, circle in db.execute("SELECT id, name, nickname, circle FROM people"):
        kind = preferred.get(pid)
        channel = CHANNELS.get(kind) if kind else None
        yield PERSON, pid, name, nickname or "", CIRCLES[circle], channel
    for gid, name, circle in db.execute("SELECT id, name, circle FROM community_groups"):
        yield GROUP, gid, name, "", CIRCLES[circle], None


@contextmanager
def snapshot(db: Reader) -> Iterator[None]:
    """Read in one transaction, so what is read in several statements agrees."""
    db.execute("BEGIN")
    try:
        yield
    finally:
        db.execute("COMMIT")  # it only read: nothing to keep or lose
