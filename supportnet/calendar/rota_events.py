"""One supporter's part of a care team's rota as calendar events.

The same events a plan export writes (:mod:`supportnet.calendar.events`), from the slots
this supporter takes: a fixed slot is one series (RRULE) whose dates swapped to someone
else are EXDATEs; every other check-in of theirs (a one-off or flexible slot's days, a
date swapped to them) is a standalone event. UIDs come from the slot's uid, with a
"rota-" prefix so they never meet a plan's.

Why EXDATE + standalone and not RECURRENCE-ID overrides for swaps: a RECURRENCE-ID
override is the tool for one occurrence of *the same* series changing (the plan export
uses it for a postponed date). A swap moves a date between two files. The supporter it
goes to has no copy of the series (an override with no master is an orphan that
Outlook and Apple Calendar drop or show detached), so they get a standalone event with
a uid of its own. The supporter it leaves loses the date: an EXDATE, which every client
honours (INTEROP.md: it carries DTSTART's TZID), and which is part of the series'
timing below, so SEQUENCE rises and clients that update by uid take it. A cancelled
override would say the same less reliably (Outlook keeps one, Google shows it struck).

What each supporter's calendar was given is remembered per supporter
(:func:`settle_supporter`): SEQUENCE rises when a series' or a date's timing changes, and
a series or date no longer theirs (slot removed, reassigned, paused, a swap withdrawn)
is written STATUS:CANCELLED, as plans' events are.

What the events say is the focus person's, never another supporter's: at first-name
"Call Dan", at full the focus person's full name; slot titles and message ideas are left
out (they are the team's words, not the supporter's).

Pure: no clock reads and no store.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from zoneinfo import ZoneInfo

from supportnet.calendar.events import (
    ExportEvent,
    _bounds,
    _fixed_event,
    _single,
    _sort_instant,
    cancelled_event,
)
from supportnet.calendar.options import DISCREET_TITLE, ExportOptions, Privacy
from supportnet.calendar.slots import StoredEvent, Who, follow, withdraw
from supportnet.i18n import _
from supportnet.model.care import CareTeam, RotaSlot, SlotSwap
from supportnet.model.network import Circle
from supportnet.model.plans import Plan, PlanKind
from supportnet.scheduling import next_occurrence, occurrence_on, plan_zone
from supportnet.scheduling.rota import RotaCheckIn, expand

__all__ = [
    "ROTA_UID_PREFIX",
    "RotaSettled",
    "rota_timing",
    "settle_supporter",
    "slot_uid",
    "supporter_events",
]

#: Rota events' UIDs start with this, so they are never a plan's.
ROTA_UID_PREFIX = "rota-"


def slot_uid(slot: str, on: date | None = None) -> str:
    """The UID of a slot's series (``on`` None) or of its check-in on the date ``on``."""
    return f"{ROTA_UID_PREFIX}{slot}" if on is None else f"{ROTA_UID_PREFIX}{slot}-{on:%Y%m%d}"


# Stands in for a focus person the file doesn't name; only ever used at discreet privacy.
_UNNAMED = Who("group", 0, DISCREET_TITLE, DISCREET_TITLE, Circle.INNER)


def supporter_events(
    team: CareTeam,
    supporter: str,
    focus: Who | None,
    now: datetime,
    options: ExportOptions,
    *,
    zone: str = "UTC",
    last_contact: date | datetime | None = None,
    known: Callable[[str], bool] = lambda ref: True,
) -> list[ExportEvent]:
    """The events of ``supporter``'s check-ins on ``team``, sorted by start.

    ``focus`` is what may be said of the team's focus person, ``None`` when the file can't
    name them (the user, or someone no longer in the network): every event is then
    "Check-in" with no description, at any privacy; ``zone`` the user's (the
    weeks ahead are counted from today there); ``last_contact`` and ``known`` as for
    :func:`supportnet.scheduling.rota.expand`. Paused slots and series that ended before
    today give nothing.
    """
    options.validate()
    if focus is None:
        focus = _UNNAMED
        options = dataclasses.replace(options, privacy=Privacy.DISCREET)
    out: list[ExportEvent] = []
    series: set[str] = set()
    # Each slot's swapped dates, in date order, once (not sorted again for every slot).
    swaps: dict[str, list[SlotSwap]] = {}
    for swap in sorted(team.swaps, key=lambda s: s.on):
        swaps.setdefault(swap.slot_uid, []).append(swap)
    for slot in team.slots:
        if slot.supporter != supporter or slot.plan.kind is not PlanKind.FIXED:
            continue
        plan = _plain(slot.plan)
        if plan.paused:
            continue
        today = now.astimezone(plan_zone(plan)).date()
        rec = plan.recurrence
        if rec is not None and rec.until is not None and rec.until < today:
            continue
        event = _fixed_event(plan, focus, next_occurrence(plan, today), options)
        if event is None:
            continue
        away = tuple(
            _bounds(occurrence_on(plan, swap.on))[0]
            for swap in swaps.get(slot.uid, ())
            if swap.supporter != supporter
        )
        out.append(
            dataclasses.replace(
                event,
                uid=slot_uid(slot.uid),
                exdates=tuple(sorted({*event.exdates, *away}, key=_sort_instant)),
            )
        )
        series.add(slot.uid)
    today = now.astimezone(ZoneInfo(zone)).date()
    slots = {slot.uid: slot for slot in team.slots}
    for checkin in expand(
        team, today, 7 * options.weeks, zone, last_contact=last_contact, known=known
    ):
        if checkin.supporter != supporter:
            continue
        if checkin.slot_uid in series:
            continue  # the series has it (a date "swapped" to its own supporter too)
        out.append(_standalone(slots[checkin.slot_uid], checkin, focus, options))
    out.sort(key=lambda e: (_sort_instant(e.upcoming or e.start), e.uid))
    return out


def _standalone(
    slot: RotaSlot, checkin: RotaCheckIn, focus: Who, options: ExportOptions
) -> ExportEvent:
    plan = _plain(slot.plan)
    own_day = checkin.on  # the occurrence's date in the slot's own zone
    occ = occurrence_on(plan, own_day)
    flexible = plan.kind is PlanKind.FLEXIBLE
    event = _single(
        plan,
        focus,
        occ,
        options,
        repeats=_("Swapped to you") if checkin.swapped else _("Once"),
        slot=0 if flexible else None,  # marks it "around then" (TRANSP:TRANSPARENT)
    )
    return dataclasses.replace(event, uid=slot_uid(slot.uid, own_day))


def _plain(plan: Plan) -> Plan:
    """The slot's timing without the team's own words (title, message idea)."""
    copy = dataclasses.replace(plan, title="", message_idea="")
    if copy.id is None:
        copy.id = 0
    return copy


# -- what the supporter's calendar has, and what this export changes ------------------------


def rota_timing(event: ExportEvent) -> str:
    """When ``event`` happens, as remembered: a series adds a digest of its rule and its
    EXDATEs, so a date swapped away (or back) re-sequences it like a new time does."""
    if event.rrule is None:
        return event.timing
    rule = ";".join(f"{key}={event.rrule[key]}" for key in sorted(event.rrule))
    dates = ",".join(value.isoformat() for value in event.exdates)
    digest = hashlib.sha256(f"{rule}#{dates}".encode()).hexdigest()[:16]
    return f"{event.timing}|{digest}"


@dataclass(slots=True)
class RotaSettled:
    """One supporter export matched with what their calendar was given before."""

    events: list[ExportEvent]  # with the SEQUENCE their calendar needs
    cancelled: list[ExportEvent] = field(default_factory=list)
    writes: list[tuple[StoredEvent, bool]] = field(default_factory=list)  # (row, single)
    forget: list[str] = field(default_factory=list)


def settle_supporter(
    events: Sequence[ExportEvent],
    stored: Sequence[tuple[StoredEvent, bool]],
    now: datetime,
    *,
    still_planned: Callable[[str], bool] = lambda uid: False,
) -> RotaSettled:
    """Give ``events`` the SEQUENCE one supporter's calendar needs, and cancel what it has
    that is no longer theirs.

    ``stored`` is what was remembered for this supporter: (event, single), ``single`` for
    one date's standalone event. An unchanged event keeps its SEQUENCE, a changed one
    goes one higher (:func:`follow`). A remembered series or coming date missing now is
    written STATUS:CANCELLED (and again on later exports for a while, see
    :func:`withdraw`); a past date is forgotten, as calendars keep it as it was; a date
    beyond this export's weeks that ``still_planned`` (by uid) is left alone.
    """
    out = RotaSettled([])
    have = {event.uid: (event, single) for event, single in stored}
    events = _flexible_moved(events, have, now)
    for event in events:
        before = have.get(event.uid)
        held = before[0] if before else None
        after = follow(held, event.uid, rota_timing(event), event.sequence, now)
        if before is None or after != before[0]:
            out.writes.append((after, event.rrule is None))
        out.events.append(
            dataclasses.replace(
                event, sequence=after.sequence, modified=max(event.modified, after.modified)
            )
        )
    written = {event.uid for event in events}
    for uid, (held, single) in sorted(have.items()):
        if uid in written:
            continue
        if single and held.day < _today_where(held, now).isoformat():
            out.forget.append(uid)  # a past date: calendars keep it as it was
            continue
        if not held.cancelled and still_planned(uid):
            continue  # theirs still, beyond this export's weeks
        gone = withdraw(held, now)
        if gone is None:
            out.forget.append(uid)
            continue
        if gone != held:
            out.writes.append((gone, single))
        # The slot may be gone, and with it what the event said: the discreet title.
        withdrawn = cancelled_event(gone, _(DISCREET_TITLE))
        if withdrawn is not None:
            out.cancelled.append(withdrawn)
    return out


def _flexible_moved(
    events: Sequence[ExportEvent], have: dict[str, tuple[StoredEvent, bool]], now: datetime
) -> list[ExportEvent]:
    """A flexible slot's days drift as the days pass (every few days from the last
    contact): a day its calendar has under another date's uid takes that uid, earliest
    first, so the event moves (SEQUENCE + 1) instead of one being cancelled and another
    added on every export. A day nothing is left for keeps its own uid."""
    natural = {event.uid for event in events}
    spare: dict[str, list[str]] = {}
    for uid, (held, single) in sorted(have.items(), key=lambda item: item[1][0].timing):
        coming = held.day >= _today_where(held, now).isoformat()
        if single and not held.cancelled and uid not in natural and coming:
            spare.setdefault(uid[: -len("-YYYYMMDD")], []).append(uid)
    out = []
    for event in events:
        free = spare.get(event.uid[: -len("-YYYYMMDD")])
        if event.slot is not None and event.uid not in have and free:
            out.append(dataclasses.replace(event, uid=free.pop(0)))
        else:
            out.append(event)
    return out


def _today_where(held: StoredEvent, now: datetime) -> date:
    """Today where the event's times were written (all-day ones: in UTC's date, a day's
    grace either way matters not, as a cancelled past date is harmless)."""
    zone = held.zone
    try:
        return now.astimezone(ZoneInfo(zone)).date() if zone else now.date()
    except (KeyError, ValueError):
        return now.date()
