"""One supporter's part of a care team's rota as calendar events.

The same events a plan export writes (:mod:`supportnet.calendar.events`), from the slots
this supporter takes: a fixed slot is one series (RRULE) whose dates swapped to someone
else are EXDATEs; every other check-in of theirs (a one-off or flexible slot's days, a
date swapped to them) is a standalone event. Standalone, not a RECURRENCE-ID override:
an override needs its series in the same calendar, and the supporter has no copy of a
series someone else takes. UIDs come from the slot's uid, with a "rota-" prefix so they
never meet a plan's; SEQUENCE is the slot plan's.

What the events say is the focus person's, never another supporter's: at first-name
"Call Dan", at full the focus person's full name; slot titles and message ideas are left
out (they are the team's words, not the supporter's).

Pure: no clock reads and no store.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import date, datetime
from zoneinfo import ZoneInfo

from supportnet.calendar.events import (
    ExportEvent,
    _bounds,
    _fixed_event,
    _single,
    _sort_instant,
)
from supportnet.calendar.options import DISCREET_TITLE, ExportOptions, Privacy
from supportnet.calendar.slots import Who
from supportnet.model.care import CareTeam, RotaSlot
from supportnet.model.network import Circle
from supportnet.model.plans import Plan, PlanKind
from supportnet.scheduling import occurrence_on, plan_zone
from supportnet.scheduling.rota import RotaCheckIn, expand

__all__ = ["ROTA_UID_PREFIX", "slot_uid", "supporter_events"]

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
    last_contact: date | None = None,
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
    for slot in team.slots:
        plan = _plain(slot.plan)
        if plan.paused or plan.kind is not PlanKind.FIXED or slot.supporter != supporter:
            continue
        today = now.astimezone(plan_zone(plan)).date()
        rec = plan.recurrence
        if rec is not None and rec.until is not None and rec.until < today:
            continue
        event = _fixed_event(plan, focus, today, options)
        if event is None:
            continue
        away = tuple(
            _bounds(occurrence_on(plan, swap.on))[0]
            for swap in sorted(team.swaps, key=lambda s: s.on)
            if swap.slot_uid == slot.uid and swap.supporter != supporter
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
    own_day = checkin.day if checkin.all_day else checkin.start.astimezone(plan_zone(plan)).date()
    occ = occurrence_on(plan, own_day)
    flexible = plan.kind is PlanKind.FLEXIBLE
    event = _single(
        plan,
        focus,
        occ,
        options,
        repeats="Swapped to you" if checkin.swapped else "Once",
        slot=0 if flexible else None,  # marks it "around then" (TRANSP:TRANSPARENT)
    )
    return dataclasses.replace(event, uid=slot_uid(slot.uid, own_day))


def _plain(plan: Plan) -> Plan:
    """The slot's timing without the team's own words (title, message idea)."""
    copy = dataclasses.replace(plan, title="", message_idea="")
    if copy.id is None:
        copy.id = 0
    return copy
