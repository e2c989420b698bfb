"""Plans as calendar events: what each event says and when it falls."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from supportnet.calendar.content_lines import WEEKDAY_CODES
from supportnet.calendar.options import (
    _VERBS,
    DISCREET_TITLE,
    FLEXIBLE_NOTE,
    ExportOptions,
    Privacy,
    Scope,
)
from supportnet.calendar.slots import (
    SlotId,
    StoredEvent,
    Who,
    _timing_parts,
    follow,
)
from supportnet.i18n import N_, _
from supportnet.model.days import long_date, rhythm
from supportnet.model.network import ChannelKind
from supportnet.model.plans import Frequency, MonthlyMode, Plan, PlanKind
from supportnet.model.targets import TargetKey, plan_target_key
from supportnet.scheduling import (
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
from supportnet.scheduling.when import when


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
    upcoming: date | datetime | None = None  # a repeating event's next start after now
    #: For the preview, never written: today's start that has already begun (the one
    #: answer of :func:`supportnet.scheduling.when.when`), said "Earlier today, 12:30".
    earlier_today: datetime | None = None
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
        from supportnet.calendar.content_lines import format_value

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


#: A check-in by no particular way (marked: written through ``_()``).
_CHECK_IN_WITH = N_("Check in with {name}")


# -- what an event says --------------------------------------------------------------------------


def _channel(plan: Plan, who: Who) -> ChannelKind | None:
    return plan.channel if plan.channel is not None else who.channel


def summary_for(plan: Plan, who: Who, privacy: Privacy) -> str:
    """The event title at ``privacy``."""
    if privacy is Privacy.DISCREET:
        return _(DISCREET_TITLE)
    if privacy is Privacy.FULL and plan.title:
        return plan.title
    if who.kind == "group":
        return who.name
    name = who.first_name if privacy is Privacy.FIRST_NAME else who.name
    return _(_VERBS.get(_channel(plan, who), _CHECK_IN_WITH)).format(name=name)


def description_for(plan: Plan, who: Who, privacy: Privacy) -> str:
    """The event description at ``privacy``. Plan notes are never part of it."""
    if privacy is Privacy.DISCREET:
        return ""
    lines: list[str] = []
    channel = _channel(plan, who)
    if privacy is Privacy.FULL:
        lines.append(_("With: {name}").format(name=who.name))
    if channel is not None:
        lines.append(_("How: {way}").format(way=channel.label))
    if privacy is Privacy.FULL and plan.message_idea:
        lines.append(_("Message idea: {idea}").format(idea=plan.message_idea))
    if plan.kind is PlanKind.FLEXIBLE:
        lines.append(_(FLEXIBLE_NOTE))
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
        answer = when(plan, now, user_zone, postponements=postponements)
        begun = answer.earlier_today
        earlier = None if begun is None else begun.start
        if plan.kind is PlanKind.FIXED:
            # The series' next start after now as the plan has it (moved ones are apart).
            ahead = when(plan, now, user_zone).next
            event = _fixed_event(plan, who, None if ahead is None else ahead.occurrence, options)
            if event is None:
                continue
            # Today's begun walk is the series' own, or the moved copy that put it today.
            in_series = begun is not None and not begun.moved
            event = dataclasses.replace(event, earlier_today=earlier if in_series else None)
            overrides = [_override(event, plan, move, earlier) for move in moved]
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
                event = _single(plan, who, occ, options, repeats=_("Once"))
                event = dataclasses.replace(event, earlier_today=earlier)
                due = today <= occ.day <= last_day
                if due or _outdated(have.get(event.plan_id), event, now):
                    out.append(event)
        else:
            days = flexible_days(plan, last_contact.get(who.key), postponements, now, last_day)
            cadence = plan.cadence.ideal_days if plan.cadence else 0
            said = rhythm(cadence, about=True)
            repeats = said[:1].upper() + said[1:]
            for slot, day in enumerate(days):
                occ = occurrence_on(plan, day)
                out.append(_single(plan, who, occ, options, repeats=repeats, slot=slot))
    # Today's that has begun first: the preview says "Earlier today" before "next …".
    out.sort(
        key=lambda e: (
            _sort_instant(e.earlier_today or e.upcoming or e.start),
            e.summary,
            e.plan_id,
            e.slot or 0,
        )
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
        repeats=_("No longer planned"),
        slot=stored.slot,
        cancelled=True,
    )


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


def _override(
    series: ExportEvent, plan: Plan, move: Moved, earlier: datetime | None = None
) -> ExportEvent:
    """The VEVENT that moves one occurrence of ``series``: same uid, RECURRENCE-ID the
    start it had (in the series' own zone or as a date), no rule of its own. It is today's
    begun one (``earlier_today``) when it starts at ``earlier``, the start that has begun."""
    start, end = _bounds(_moved_to(plan, move))
    begun = start if isinstance(start, datetime) and start == earlier else None
    return dataclasses.replace(
        series,
        start=start,
        end=end,
        earlier_today=begun,
        repeats=_("Moved from {day}").format(day=long_date(move.original.day)),
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


def _fixed_event(
    plan: Plan, who: Who, ahead: Occurrence | None, options: ExportOptions
) -> ExportEvent | None:
    """A fixed plan's series (ended ones too: see :func:`plan_events`); ``ahead`` is its
    next occurrence after now, the preview's "Next"."""
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
        rule["BYDAY"] = [WEEKDAY_CODES[d] for d in sorted(rec.weekdays)]
        rule["WKST"] = "MO"
    elif rec.frequency is Frequency.MONTHLY:
        if rec.monthly_mode is MonthlyMode.BY_WEEKDAY and rec.nth_weekday is not None:
            rule["BYDAY"] = f"{rec.nth}{WEEKDAY_CODES[rec.nth_weekday]}"
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
    if ahead is None:
        return event
    return dataclasses.replace(event, upcoming=_bounds(ahead)[0])


def _sort_instant(value: date | datetime) -> float:
    if isinstance(value, datetime):
        return value.timestamp()
    return datetime(value.year, value.month, value.day, tzinfo=UTC).timestamp()
