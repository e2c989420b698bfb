"""The main tables' rows as plain named tuples, so reads name their columns without the ORM."""

# Each field is a column of the table in schema.py, in the same order and with the type
# SQLite hands back (dates and times as ISO text, booleans as 0 or 1). schema.py imports
# SQLAlchemy, which the first paint must not load, hence this second list;
# tests/data/test_reads.py checks it against the schema, so the two cannot drift apart.
# No `from __future__ import annotations`: NamedTuple turns each field's annotation written
# as text into a ForwardRef, compiling it, which made this module about half again slower.

from typing import NamedTuple


class PersonRecord(NamedTuple):
    id: int
    uid: str
    name: str
    nickname: str
    pronouns: str
    domain: str
    circle: str
    direction: str
    best_times: str
    notes: str
    knows_situation: int
    created_at: str
    updated_at: str


class GroupRecord(NamedTuple):
    id: int
    uid: str
    name: str
    kind: str
    circle: str
    domain: str
    meeting_schedule: str
    place: str
    link: str
    notes: str
    created_at: str
    updated_at: str


class PlanRecord(NamedTuple):
    id: int
    uid: str
    person_id: int | None
    group_id: int | None
    kind: str
    title: str
    channel: str | None
    timezone: str
    start_date: str
    window_start: str | None
    window_end: str | None
    duration_minutes: int
    message_idea: str
    notes: str
    paused: int
    sequence: int
    frequency: str | None
    interval: int | None
    weekdays: str | None
    monthly_mode: str | None
    month_day: int | None
    nth: int | None
    nth_weekday: int | None
    until: str | None
    ideal_days: int | None
    too_long_days: int | None
    created_at: str
    updated_at: str


class CheckInRecord(NamedTuple):
    id: int
    uid: str
    person_id: int | None
    group_id: int | None
    plan_id: int | None
    at: str
    channel: str | None
    initiator: str
    note: str
    mood_before: int | None
    mood_after: int | None
    by_ref: str | None
    rota_slot: str | None


class SafetyPlanEntryRecord(NamedTuple):
    id: int
    step: str
    position: int
    text: str
    target_kind: str | None
    target_uid: str | None
    they_know: int
    updated_at: str


class CareTeamRecord(NamedTuple):
    id: int
    uid: str
    name: str
    focus: str
    note: str
    comfortable_gap_days: int
    created_at: str
    updated_at: str


class RotaSlotRecord(NamedTuple):
    id: int
    team_id: int
    uid: str
    position: int
    supporter: str | None
    kind: str
    title: str
    channel: str | None
    timezone: str
    start_date: str
    window_start: str | None
    window_end: str | None
    duration_minutes: int
    message_idea: str
    notes: str
    paused: int
    sequence: int
    frequency: str | None
    interval: int | None
    weekdays: str | None
    monthly_mode: str | None
    month_day: int | None
    nth: int | None
    nth_weekday: int | None
    until: str | None
    ideal_days: int | None
    too_long_days: int | None


#: The columns of each table above, by table name.
COLUMNS: dict[str, tuple[str, ...]] = {
    "people": PersonRecord._fields,
    "community_groups": GroupRecord._fields,
    "plans": PlanRecord._fields,
    "checkins": CheckInRecord._fields,
    "safety_plan_entries": SafetyPlanEntryRecord._fields,
    "care_teams": CareTeamRecord._fields,
    "rota_slots": RotaSlotRecord._fields,
}
