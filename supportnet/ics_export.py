"""Check-in plans as an iCalendar file that Google, Outlook, Apple Calendar and Thunderbird
import correctly (see INTEROP.md, ".ics export").

Pure: no clock reads and no store. :func:`plan_events` turns plans into events, the data
layer gives flexible occurrences their stored uids (:func:`with_slots`), and
:func:`calendar_bytes` writes the file's bytes: CRLF, folded, UTF-8.

- Fixed plans are one VEVENT with an RRULE from their first real occurrence, UNTIL in UTC
  for timed plans, skipped days as EXDATEs.
- Flexible plans are single events on the days they are expected, within the horizon,
  marked free time (TRANSP:TRANSPARENT): they are "around then", not appointments.
- One-off plans are single events. Paused plans are the caller's to leave out.
- Timed events carry the plan's zone as TZID, with a VTIMEZONE in the yearly-rule form.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from supportnet import __version__
from supportnet.errors import Problem
from supportnet.network import ChannelKind, Circle, raise_problems
from supportnet.plans import Frequency, MonthlyMode, Plan, PlanKind
from supportnet.reachout import TargetKey, long_date, plan_target_key
from supportnet.schedule import (
    Moved,
    Occurrence,
    Postponement,
    first_occurrence,
    flexible_days,
    local_datetime,
    moved_occurrences,
    next_occurrence,
    occurrence_on,
    occurrences,
    plan_zone,
    skipped_occurrences,
)

__all__ = [
    "CALENDAR_NAME",
    "DEFAULT_FILE_NAME",
    "DEFAULT_WEEKS",
    "DISCREET_TITLE",
    "ExportEvent",
    "ExportOptions",
    "Privacy",
    "Scope",
    "SlotId",
    "SlotPlan",
    "StoredEvent",
    "Who",
    "calendar_bytes",
    "cancelled_event",
    "exported_plans",
    "follow",
    "match_slots",
    "plan_events",
    "with_slots",
    "withdraw",
]

DEFAULT_WEEKS = 12
MAX_WEEKS = 104
MAX_ALARM_MINUTES = 7 * 24 * 60
DEFAULT_FILE_NAME = "supportnet-plan.ics"
#: The only title a discreet export uses.
DISCREET_TITLE = "Check-in"
#: The calendar's name as clients show it: the same at every privacy level.
CALENDAR_NAME = "Check-ins"
PRODID = f"-//SupportNet//SupportNet {__version__}//EN"
#: A discreet file must not say which app wrote it (the name alone hints at depression
#: care). RFC 5545 §3.7.3 asks only for a globally unique product text, conventionally an
#: ISO 9070 formal public identifier; this one names no vendor and no product.
DISCREET_PRODID = "-//Calendar//Check-ins//EN"
FLEXIBLE_NOTE = "A rough day: any day near it is just as good."

_WEEKDAY_CODES = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
_VERBS: dict[ChannelKind | None, str] = {
    ChannelKind.CALL: "Call {}",
    ChannelKind.TEXT: "Text {}",
    ChannelKind.VIDEO: "Video call with {}",
    ChannelKind.MESSAGING: "Message {}",
    ChannelKind.EMAIL: "Email {}",
    ChannelKind.IN_PERSON: "See {}",
    ChannelKind.LETTER: "Write to {}",
}


class Privacy(StrEnum):
    """How much of a plan the file may say."""

    DISCREET = "discreet"
    FIRST_NAME = "first-name"
    FULL = "full"

    @property
    def label(self) -> str:
        return {
            Privacy.DISCREET: "Discreet",
            Privacy.FIRST_NAME: "First name",
            Privacy.FULL: "Full",
        }[self]

    @property
    def explanation(self) -> str:
        return {
            Privacy.DISCREET: "Every event is called “Check-in”. No names, no way of "
            "reaching them, no notes or message ideas.",
            Privacy.FIRST_NAME: "A first name or nickname and how you'll reach them, "
            "e.g. “Call Sam”. No surnames, no notes.",
            Privacy.FULL: "Full names, how you'll reach them and your message ideas. "
            "Your private notes are never exported.",
        }[self]


@dataclass(frozen=True, slots=True)
class ExportOptions:
    """What to export, how far ahead, and how much it says."""

    # Discreet unless chosen otherwise: exports are the only way data leaves (DOMAIN.md).
    privacy: Privacy = Privacy.DISCREET
    weeks: int = DEFAULT_WEEKS
    alarm_minutes: int | None = None

    def problems(self) -> list[Problem]:
        problems: list[Problem] = []
        if not 1 <= self.weeks <= MAX_WEEKS:
            problems.append(
                Problem("weeks", f"Choose between 1 and {MAX_WEEKS} weeks ahead (two years).")
            )
        if self.alarm_minutes is not None and not 0 <= self.alarm_minutes <= MAX_ALARM_MINUTES:
            problems.append(
                Problem(
                    "alarm_minutes",
                    f"A reminder can be from 0 to {MAX_ALARM_MINUTES} minutes (a week) before.",
                )
            )
        return problems

    def validate(self) -> None:
        raise_problems(self.problems())


@dataclass(frozen=True, slots=True)
class Scope:
    """Whose plans to export: everyone, chosen people and groups, or one circle."""

    targets: frozenset[TargetKey] | None = None
    circle: Circle | None = None

    def includes(self, key: TargetKey, circle: Circle) -> bool:
        if self.targets is not None and key not in self.targets:
            return False
        return self.circle is None or circle is self.circle


@dataclass(frozen=True, slots=True)
class Who:
    """What an export may say about the person or group a plan is for."""

    kind: str  # "person" | "group"
    id: int
    name: str
    first_name: str
    circle: Circle
    channel: ChannelKind | None = None  # their preferred way, when the plan names none

    @property
    def key(self) -> TargetKey:
        return (self.kind, self.id)


@dataclass(frozen=True, slots=True)
class SlotId:
    """The stored calendar identity of one flexible occurrence slot."""

    uid: str
    sequence: int
    modified: datetime


@dataclass(frozen=True, slots=True)
class StoredEvent:
    """An event as last exported: its uid, SEQUENCE and timing, and whether it was
    cancelled. ``slot`` numbers a flexible plan's occurrences; ``None`` is a plan's own
    event (a repeating series or a one-off)."""

    slot: int | None
    uid: str
    sequence: int
    timing: str
    modified: datetime
    cancelled: bool = False

    @property
    def day(self) -> str:
        """The plan-local day it was on, ISO 8601 (timings start with it)."""
        return self.timing[:10]

    @property
    def zone(self) -> str | None:
        """The zone its times were in (timings end with it); ``None`` for an all-day one."""
        return _timing_parts(self.timing)[2] or None

    @property
    def identity(self) -> SlotId:
        return SlotId(self.uid, self.sequence, self.modified)


@dataclass(frozen=True, slots=True)
class SlotPlan:
    """What one export does with a flexible plan's stored occurrences."""

    assigned: list[StoredEvent]  # one per wanted timing, in the same order
    cancelled: list[StoredEvent]  # exported before, ahead of today, no longer due
    write: list[StoredEvent]  # new or changed rows
    forget: list[str]  # uids of past rows nothing needs any more


def match_slots(
    stored: Sequence[StoredEvent],
    timings: Sequence[str],
    today: date,
    now: datetime,
    new_uid: Callable[[], str],
) -> SlotPlan:
    """Give each wanted occurrence (by timing) a stored slot, so re-imports don't duplicate.

    - An occurrence on exactly the timing of a stored slot keeps it, unchanged.
    - The rest take stored slots from today on that are left, earliest first: the same uid
      with the new timing and SEQUENCE + 1, so calendars move the event they have.
    - Any still left get new slots and uids.
    - Stored slots from today on that nothing took are cancelled (SEQUENCE + 1, written as
      STATUS:CANCELLED, and again on later exports until their day has passed), so a
      calendar drops them rather than keeping a stray duplicate.
    - Past slots nothing took are forgotten: calendars keep them as they were.
    """
    today_iso = today.isoformat()
    active = [s for s in stored if not s.cancelled]
    by_timing: dict[str, StoredEvent] = {}
    for slot in active:
        by_timing.setdefault(slot.timing, slot)
    assigned: list[StoredEvent | None] = []
    used: set[int | None] = set()
    for timing in timings:
        found = by_timing.get(timing)
        if found is not None and found.slot not in used:
            used.add(found.slot)
            assigned.append(found)
        else:
            assigned.append(None)
    spare = sorted(
        (s for s in active if s.slot not in used and s.day >= today_iso),
        key=lambda s: (s.timing, s.slot),
    )
    write: list[StoredEvent] = []
    next_number = max((s.slot for s in stored if s.slot is not None), default=-1) + 1
    for index, timing in enumerate(timings):
        if assigned[index] is not None:
            continue
        if spare:
            old = spare.pop(0)
            used.add(old.slot)
            moved = StoredEvent(old.slot, old.uid, old.sequence + 1, timing, now)
        else:
            moved = StoredEvent(next_number, new_uid(), 0, timing, now)
            next_number += 1
        assigned[index] = moved
        write.append(moved)
    cancelled: list[StoredEvent] = []
    forget: list[str] = []
    for slot in stored:
        if slot.slot in used:
            continue
        if slot.day < today_iso:
            forget.append(slot.uid)
        elif slot.cancelled:
            cancelled.append(slot)
        else:
            gone = StoredEvent(slot.slot, slot.uid, slot.sequence + 1, slot.timing, now, True)
            cancelled.append(gone)
            write.append(gone)
    done = [a for a in assigned if a is not None]
    return SlotPlan(done, cancelled, write, sorted(forget))


#: How long a cancellation is said again on every export, for calendars that missed it.
CANCEL_REPEAT_DAYS = 60


def follow(
    stored: StoredEvent | None, uid: str, timing: str, floor: int, now: datetime
) -> StoredEvent:
    """A plan's own event as exported now, given how it was exported last time.

    Same timing: the same SEQUENCE (or the plan's own, if higher). New timing, or back
    after a cancellation: one more than calendars last saw, so they update their copy.
    ``floor`` is the plan's SEQUENCE.
    """
    if stored is not None and not stored.cancelled and stored.timing == timing:
        sequence = max(stored.sequence, floor)
        if sequence == stored.sequence:
            return stored
        return dataclasses.replace(stored, sequence=sequence, modified=now)
    sequence = floor if stored is None else max(floor, stored.sequence + 1)
    return StoredEvent(None, uid, sequence, timing, now)


def withdraw(stored: StoredEvent, now: datetime) -> StoredEvent | None:
    """An event whose plan was paused or deleted: cancelled (SEQUENCE + 1), then said
    again on each export for :data:`CANCEL_REPEAT_DAYS`; ``None`` once it can be forgotten."""
    if not stored.cancelled:
        return dataclasses.replace(
            stored, sequence=stored.sequence + 1, cancelled=True, modified=now
        )
    if now - stored.modified > timedelta(days=CANCEL_REPEAT_DAYS):
        return None
    return stored


@dataclass(frozen=True, slots=True)
class ExportEvent:
    """One VEVENT. ``who`` and ``repeats`` are for the preview and never written."""

    plan_id: int
    uid: str
    summary: str
    description: str
    start: date | datetime
    end: date | datetime
    sequence: int
    modified: datetime
    who: str
    repeats: str
    rrule: Mapping[str, object] | None = None
    exdates: tuple[date | datetime, ...] = ()
    slot: int | None = None  # flexible occurrences: 0 is the next one
    cancelled: bool = False  # given to calendars before and no longer planned
    upcoming: date | datetime | None = None  # a repeating event's next start from today
    #: A moved occurrence of a series: the start it had (RECURRENCE-ID); same uid.
    recurrence_id: date | datetime | None = None
    #: A series' moved occurrences, as text: part of its timing, so a move re-sequences it.
    moves: str = ""

    @property
    def zone(self) -> str | None:
        """The zone of a timed event's times (UTC too), or ``None`` for an all-day one."""
        if isinstance(self.start, datetime) and self.start.tzinfo is not None:
            return str(self.start.tzinfo)
        return None

    @property
    def tzid(self) -> str | None:
        """The TZID the file gives its times, or ``None`` (all-day, or written in UTC)."""
        from supportnet.ics_writer import format_value

        params = format_value(self.start)[0]
        return params.removeprefix(";TZID=") if params.startswith(";TZID=") else None

    @property
    def timing(self) -> str:
        """When it happens, as text; a slot whose timing changes is re-sequenced. A series
        with moved occurrences adds them after a "|"."""
        when = f"{self.start.isoformat()}/{self.end.isoformat()}/{self.zone or ''}"
        return f"{when}|{self.moves}" if self.moves else when

    @property
    def flexible(self) -> bool:
        return self.slot is not None


# -- what an event says --------------------------------------------------------------------------


def _channel(plan: Plan, who: Who) -> ChannelKind | None:
    return plan.channel if plan.channel is not None else who.channel


def summary_for(plan: Plan, who: Who, privacy: Privacy) -> str:
    """The event title at ``privacy``."""
    if privacy is Privacy.DISCREET:
        return DISCREET_TITLE
    if privacy is Privacy.FULL and plan.title:
        return plan.title
    if who.kind == "group":
        return who.name
    name = who.first_name if privacy is Privacy.FIRST_NAME else who.name
    return _VERBS.get(_channel(plan, who), "Check in with {}").format(name)


def description_for(plan: Plan, who: Who, privacy: Privacy) -> str:
    """The event description at ``privacy``. Plan notes are never part of it."""
    if privacy is Privacy.DISCREET:
        return ""
    lines: list[str] = []
    channel = _channel(plan, who)
    if privacy is Privacy.FULL:
        lines.append(f"With: {who.name}")
    if channel is not None:
        lines.append(f"How: {channel.label}")
    if privacy is Privacy.FULL and plan.message_idea:
        lines.append(f"Message idea: {plan.message_idea}")
    if plan.kind is PlanKind.FLEXIBLE:
        lines.append(FLEXIBLE_NOTE)
    return "\n".join(lines)


# -- plans to events -----------------------------------------------------------------------------


def plan_events(
    plans: Sequence[Plan],
    whos: Mapping[TargetKey, Who],
    last_contact: Mapping[TargetKey, datetime],
    postponements: Sequence[Postponement],
    now: datetime,
    options: ExportOptions,
    scope: Scope | None = None,
    calendars_have: Mapping[int, StoredEvent] | None = None,
    *,
    user_zone: str = "UTC",
) -> list[ExportEvent]:
    """Every event the export writes, sorted by start; flexible ones still without a uid.

    ``whos`` names everyone plans may be for; a plan whose target is missing, or outside
    ``scope``, is left out, as are paused plans, fixed plans that ended before today and
    one-off plans outside today .. today + ``options.weeks`` — unless calendars have an
    older copy of that plan's event (``calendars_have``: each plan's own event as last
    exported, by plan id). A one-off moved out of those weeks, or a series since ended,
    is then written once more, so calendars move or end the event they have.

    An occurrence a postponement moved ("Not today", "Another day…") is where the agenda
    shows it (``user_zone`` is the person's): a one-off's event moves; a series gets an
    override (same uid, RECURRENCE-ID the start it had), and the move is part of the
    series' timing, so its SEQUENCE rises and calendars take the change.
    """
    options.validate()
    have = calendars_have or {}
    user_today = now.astimezone(ZoneInfo(user_zone)).date()
    out: list[ExportEvent] = []
    for plan, who in exported_plans(plans, whos, scope):
        today = now.astimezone(plan_zone(plan)).date()
        last_day = today + timedelta(days=7 * options.weeks - 1)
        moved = (
            []
            if plan.kind is PlanKind.FLEXIBLE
            else moved_occurrences(plan, postponements, user_today, user_zone)
        )
        if plan.kind is PlanKind.FIXED:
            event = _fixed_event(plan, who, today, options)
            if event is None:
                continue
            overrides = [_override(event, plan, move) for move in moved]
            if overrides:
                event = dataclasses.replace(
                    event,
                    moves=_moves_text(overrides),
                    upcoming=_next_unmoved(plan, event.upcoming, overrides),
                )
            rec = plan.recurrence
            ended = rec is not None and rec.until is not None and rec.until < today
            if not ended or _outdated(have.get(event.plan_id), event, now):
                out.append(event)
                out += overrides
        elif plan.kind is PlanKind.ONE_OFF:
            for found in occurrences(plan, plan.start_date, plan.start_date):
                occ = _moved_to(plan, moved[0]) if moved else found
                event = _single(plan, who, occ, options, repeats="Once")
                due = today <= occ.day <= last_day
                if due or _outdated(have.get(event.plan_id), event, now):
                    out.append(event)
        else:
            days = flexible_days(plan, last_contact.get(who.key), postponements, now, last_day)
            cadence = plan.cadence.ideal_days if plan.cadence else 0
            repeats = f"Around every {cadence} days" if cadence != 1 else "Around every day"
            for slot, day in enumerate(days):
                occ = occurrence_on(plan, day)
                out.append(_single(plan, who, occ, options, repeats=repeats, slot=slot))
    out.sort(
        key=lambda e: (_sort_instant(e.upcoming or e.start), e.summary, e.plan_id, e.slot or 0)
    )
    return out


def exported_plans(
    plans: Sequence[Plan],
    whos: Mapping[TargetKey, Who],
    scope: Scope | None = None,
    *,
    paused: bool = False,
) -> list[tuple[Plan, Who]]:
    """The plans an export covers, with who each is for: saved, in scope, and not paused
    (or, with ``paused``, only the paused ones: their events are withdrawn)."""
    scope = scope or Scope()
    out = []
    for plan in plans:
        key = plan_target_key(plan)
        who = whos.get(key) if key is not None else None
        if plan.paused is not paused or plan.id is None or who is None:
            continue
        if scope.includes(who.key, who.circle):
            out.append((plan, who))
    return out


def cancelled_event(
    stored: StoredEvent, summary: str, plan_id: int = 0, who: str = ""
) -> ExportEvent | None:
    """A STATUS:CANCELLED event for something exported before and no longer planned
    (``None`` if its stored timing can't be read back)."""
    parsed = _parse_timing(stored.timing)
    if parsed is None:
        return None
    start, end = parsed
    return ExportEvent(
        plan_id=plan_id,
        uid=stored.uid,
        summary=summary,
        description="",
        start=start,
        end=end,
        sequence=stored.sequence,
        modified=stored.modified,
        who=who,
        repeats="No longer planned",
        slot=stored.slot,
        cancelled=True,
    )


def _timing_parts(timing: str) -> list[str]:
    """A timing's start, end and zone (zone names have slashes too; moves follow a "|")."""
    parts = timing.split("|", 1)[0].split("/", 2)
    return parts + [""] * (3 - len(parts))


def _parse_timing(timing: str) -> tuple[date | datetime, date | datetime] | None:
    try:
        first, last, zone = _timing_parts(timing)
        if len(first) == 10:
            return date.fromisoformat(first), date.fromisoformat(last)
        tz = ZoneInfo(zone) if zone else UTC
        return datetime.fromisoformat(first).astimezone(tz), datetime.fromisoformat(
            last
        ).astimezone(tz)
    except (ValueError, KeyError):
        return None


def with_slots(
    events: Sequence[ExportEvent], slots: Mapping[tuple[int, int], SlotId]
) -> list[ExportEvent]:
    """``events`` with each flexible occurrence given its stored uid and sequence."""
    out = []
    for event in events:
        if event.slot is None:
            out.append(event)
            continue
        stored = slots[(event.plan_id, event.slot)]
        out.append(
            dataclasses.replace(
                event,
                uid=stored.uid,
                sequence=stored.sequence,
                modified=max(event.modified, stored.modified),
            )
        )
    return out


def _modified(plan: Plan) -> datetime:
    return (plan.updated_at or plan.created_at or datetime(2026, 1, 1, tzinfo=UTC)).astimezone(UTC)


def _bounds(occ: Occurrence) -> tuple[date | datetime, date | datetime]:
    if occ.start is None or occ.end is None:
        return occ.day, occ.day + timedelta(days=1)
    return occ.start, occ.end


def _single(
    plan: Plan,
    who: Who,
    occ: Occurrence,
    options: ExportOptions,
    *,
    repeats: str,
    slot: int | None = None,
    rrule: Mapping[str, object] | None = None,
    exdates: tuple[date | datetime, ...] = (),
) -> ExportEvent:
    start, end = _bounds(occ)
    assert plan.id is not None
    return ExportEvent(
        plan_id=plan.id,
        uid=plan.uid if slot is None else "",
        summary=summary_for(plan, who, options.privacy),
        description=description_for(plan, who, options.privacy),
        start=start,
        end=end,
        sequence=plan.sequence,
        modified=_modified(plan),
        who=who.name,
        repeats=repeats,
        slot=slot,
        rrule=rrule,
        exdates=exdates,
    )


def _outdated(stored: StoredEvent | None, event: ExportEvent, now: datetime) -> bool:
    """Whether calendars hold an older copy of a plan's own event than ``event``."""
    if stored is None:
        return False
    return follow(stored, event.uid, event.timing, event.sequence, now) != stored


def _moved_to(plan: Plan, move: Moved) -> Occurrence:
    """A moved occurrence where it is now: its new start in the plan's zone (all-day: on
    its new day), as long as it was."""
    original = move.original
    if move.start is None or original.start is None or original.end is None:
        return Occurrence(original.plan_id, move.day, None, None)
    start = move.start.astimezone(plan_zone(plan))
    end = start + (original.end - original.start)
    return Occurrence(original.plan_id, start.date(), start, end)


def _override(series: ExportEvent, plan: Plan, move: Moved) -> ExportEvent:
    """The VEVENT that moves one occurrence of ``series``: same uid, RECURRENCE-ID the
    start it had (in the series' own zone or as a date), no rule of its own."""
    start, end = _bounds(_moved_to(plan, move))
    return dataclasses.replace(
        series,
        start=start,
        end=end,
        repeats=f"Moved from {long_date(move.original.day)}",
        rrule=None,
        exdates=(),
        upcoming=None,
        recurrence_id=_bounds(move.original)[0],
        moves="",
    )


def _next_unmoved(
    plan: Plan, upcoming: date | datetime | None, overrides: Sequence[ExportEvent]
) -> date | datetime | None:
    """The series' next start that no override moved (the moved ones are listed apart)."""
    moved_from = {o.recurrence_id for o in overrides}
    while upcoming is not None and upcoming in moved_from:
        day = upcoming.date() if isinstance(upcoming, datetime) else upcoming
        ahead = next_occurrence(plan, day + timedelta(days=1))
        upcoming = None if ahead is None else _bounds(ahead)[0]
    return upcoming


def _moves_text(overrides: Sequence[ExportEvent]) -> str:
    """A series' moved occurrences as text: "start it had>start it has", comma-separated."""
    parts = []
    for override in overrides:
        assert override.recurrence_id is not None
        parts.append(f"{override.recurrence_id.isoformat()}>{override.start.isoformat()}")
    return ",".join(parts)


def _fixed_event(plan: Plan, who: Who, today: date, options: ExportOptions) -> ExportEvent | None:
    """A fixed plan's series (ended ones too: see :func:`plan_events`)."""
    rec = plan.recurrence
    if rec is None:
        return None
    first = first_occurrence(plan)
    if first is None:
        return None
    rule: dict[str, object] = {"FREQ": rec.frequency.value.upper()}
    if rec.interval > 1:
        rule["INTERVAL"] = rec.interval
    if rec.frequency is Frequency.WEEKLY:
        rule["BYDAY"] = [_WEEKDAY_CODES[d] for d in sorted(rec.weekdays)]
        rule["WKST"] = "MO"
    elif rec.frequency is Frequency.MONTHLY:
        if rec.monthly_mode is MonthlyMode.BY_WEEKDAY and rec.nth_weekday is not None:
            rule["BYDAY"] = f"{rec.nth}{_WEEKDAY_CODES[rec.nth_weekday]}"
        else:
            rule["BYMONTHDAY"] = rec.month_day
    if rec.until is not None:
        if plan.window_start is None:
            rule["UNTIL"] = rec.until
        else:
            # RFC 5545 §3.3.10: with a TZID on DTSTART, UNTIL is UTC. The last wall-clock
            # start on the end date, so that day's occurrence is included.
            local = local_datetime(rec.until, plan.window_start, plan_zone(plan))
            rule["UNTIL"] = local.astimezone(UTC)
    exdates = tuple(_bounds(occ)[0] for occ in skipped_occurrences(plan))
    event = _single(plan, who, first, options, repeats=rec.describe(), rrule=rule, exdates=exdates)
    ahead = next_occurrence(plan, today)
    if ahead is None:
        return event
    return dataclasses.replace(event, upcoming=_bounds(ahead)[0])


def _sort_instant(value: date | datetime) -> float:
    if isinstance(value, datetime):
        return value.timestamp()
    return datetime(value.year, value.month, value.day, tzinfo=UTC).timestamp()


# -- the file ------------------------------------------------------------------------------------


def calendar_bytes(events: Sequence[ExportEvent], options: ExportOptions, now: datetime) -> bytes:
    """The whole .ics file: VCALENDAR with VTIMEZONEs then VEVENTs, CRLF-folded UTF-8.

    ``now`` is the export time (DTSTAMP). Every timed event's zone gets one VTIMEZONE
    covering its first start to the end of the horizon. The lines are written directly
    (:mod:`supportnet.ics_writer`), byte for byte what icalendar would write.
    """
    from supportnet.ics_timezones import vtimezone_bytes
    from supportnet.ics_writer import content_line, duration, escape_text

    if any(not e.uid for e in events):
        raise ValueError("a flexible occurrence has no uid yet (see with_slots)")
    stamp = now.astimezone(UTC).replace(microsecond=0)
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        content_line(
            "PRODID",
            escape_text(DISCREET_PRODID if options.privacy is Privacy.DISCREET else PRODID),
        ),
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        content_line("NAME", escape_text(CALENDAR_NAME)),
        content_line("X-WR-CALNAME", escape_text(CALENDAR_NAME)),
    ]
    windows = zone_windows(events, options.weeks, now)
    head = "\r\n".join(lines).encode("utf-8") + b"\r\n"
    zones = b"".join(vtimezone_bytes(zone, *windows[zone]) for zone in sorted(windows))
    trigger = (
        None
        if options.alarm_minutes is None
        else duration(timedelta(minutes=-options.alarm_minutes))
    )
    stamp_line = f"DTSTAMP:{stamp:%Y%m%dT%H%M%SZ}"
    body = "\r\n".join(
        line for event in events for line in _vevent_lines(event, stamp_line, trigger)
    )
    return head + zones + body.encode("utf-8") + (b"\r\n" if body else b"") + b"END:VCALENDAR\r\n"


def zone_windows(
    events: Sequence[ExportEvent], weeks: int, now: datetime
) -> dict[str, tuple[date, date]]:
    """The days each TZID's VTIMEZONE must cover: from its first event's start to the end
    of the weeks ahead (or a later start). All-day and UTC ("Z") events need none."""
    horizon_end = now.astimezone(UTC).date() + timedelta(days=7 * weeks + 1)
    windows: dict[str, tuple[date, date]] = {}
    for event in events:
        zone = event.tzid
        if zone is None:
            continue
        assert isinstance(event.start, datetime)
        first = event.start.date()
        lo, hi = windows.get(zone, (first, horizon_end))
        windows[zone] = (min(lo, first), max(hi, first))
    return windows


def _vevent_lines(event: ExportEvent, stamp_line: str, trigger: str | None) -> list[str]:
    """One VEVENT's lines, in icalendar's order: its canonical properties first (SUMMARY,
    DTSTART, DTEND, DTSTAMP, UID, RECURRENCE-ID, SEQUENCE, RRULE, EXDATE), then the rest
    alphabetically, then the VALARM."""
    from supportnet.ics_writer import content_line, date_line, dates_line, escape_text, recur

    summary = escape_text(event.summary)
    lines = [
        "BEGIN:VEVENT",
        content_line("SUMMARY", summary),
        date_line("DTSTART", event.start),
        date_line("DTEND", event.end),
        stamp_line,
        content_line("UID", escape_text(event.uid)),
    ]
    if event.recurrence_id is not None:
        lines.append(date_line("RECURRENCE-ID", event.recurrence_id))
    lines.append(f"SEQUENCE:{event.sequence}")
    if event.rrule is not None:
        lines.append(content_line("RRULE", recur(event.rrule)))
    if event.exdates:
        lines.append(dates_line("EXDATE", event.exdates))
    lines.append("CLASS:PRIVATE")
    if event.description:
        lines.append(content_line("DESCRIPTION", escape_text(event.description)))
    lines.append(f"LAST-MODIFIED:{event.modified.astimezone(UTC):%Y%m%dT%H%M%SZ}")
    if event.cancelled:
        lines.append("STATUS:CANCELLED")
    if event.flexible:
        lines.append("TRANSP:TRANSPARENT")
    if trigger is not None and not event.cancelled:
        lines += [
            "BEGIN:VALARM",
            "ACTION:DISPLAY",
            content_line("DESCRIPTION", summary),
            f"TRIGGER:{trigger}",
            "END:VALARM",
        ]
    lines.append("END:VEVENT")
    return lines
