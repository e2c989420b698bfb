"""The plain wording of plans that the editor, the plans panel and the agenda share
(:func:`describe_plan`, :func:`time_text`) and :func:`user_zone_name`."""

from __future__ import annotations

import copy
from collections.abc import Mapping, Sequence
from datetime import date, datetime
from functools import cache
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo, available_timezones

from supportnet import scheduling
from supportnet.model import days as day_names
from supportnet.model import zones
from supportnet.model.days import clock_time, rhythm
from supportnet.model.errors import Problem
from supportnet.model.plans import (
    Frequency,
    Plan,
    PlanKind,
    Recurrence,
)
from supportnet.model.zones import is_known_zone, known_zone, same_clocks, system_zone_name
from supportnet.scheduling.when import When, when

if TYPE_CHECKING:
    from supportnet.services import Services

#: What each kind is called in the editor and the lists.
KIND_TEXT = {
    PlanKind.FIXED: "On a schedule",
    PlanKind.FLEXIBLE: "Every so often",
    PlanKind.ONE_OFF: "Once",
}
KIND_HINT = {
    PlanKind.FIXED: "The same days each week or month, like Sunday evenings.",
    PlanKind.FLEXIBLE: "About every few days, counted from the last time you were in touch.",
    PlanKind.ONE_OFF: "A single day, like a birthday or a thank-you.",
}
NO_CHANNEL = "Any way"
UNIT_TEXT = {
    Frequency.DAILY: ("day", "days"),
    Frequency.WEEKLY: ("week", "weeks"),
    Frequency.MONTHLY: ("month", "months"),
}
DATE_FORMAT = "ddd d MMM yyyy"
TIME_FORMAT = "HH:mm"
FLEXIBLE_HINT = "Any time you're in touch counts — even when they reach out first."

#: How each field is named in "Check … to save".
PLAN_FIELD_NAMES = {
    "kind": "the kind of plan",
    "target": "who the plan is for",
    "title": "the title",
    "channel": "the way to reach out",
    "timezone": "the time zone",
    "duration_minutes": "how long it takes",
    "window_end": "the time of day",
    "recurrence": "how it repeats",
    "frequency": "how it repeats",
    "interval": "how often it repeats",
    "until": "the end date",
    "weekdays": "the days of the week",
    "month_day": "the day of the month",
    "nth": "the week of the month",
    "nth_weekday": "the day of the week",
    "cadence": "the rhythm",
    "ideal_days": "the ideal interval",
    "too_long_days": "the gentle nudge",
    "message_idea": "the conversation starter",
    "notes": "the notes",
}


# --- wording shared with the plans panel and the agenda ---------------------------------------


def user_zone_name(source: Services) -> str:
    """The user's zone: the one chosen in the settings, else the system's."""
    return zones.user_zone_name(source.settings.load().timezone, system_zone_name())


def zone_place(zone: str) -> str:
    """The place a zone is named after: "America/New_York" -> "New York"."""
    return zone.rsplit("/", 1)[-1].replace("_", " ")


def short_date(day: date, today: date | None = None) -> str:
    """ "Thu 3 Dec", with the year when it isn't this year's."""
    return day_names.short_date(day, year=today is not None and day.year != today.year)


def time_text(plan: Plan, user_zone: str | None = None) -> str:
    """ "18:00–19:00", "any time of day", or "13:00 New York time" for a zone not the user's."""
    if plan.window_start is None:
        return "any time of day"
    text = f"{plan.window_start:%H:%M}"
    if plan.window_end is not None:
        text += f"–{plan.window_end:%H:%M}"
    if user_zone is not None and not same_clocks(plan.timezone, user_zone):
        text += f" {zone_place(plan.timezone)} time"
    return text


def describe_plan(plan: Plan, user_zone: str | None = None, today: date | None = None) -> str:
    """When a plan happens, in a few words: "Sundays, 18:00–19:00", "About every 10 days"."""
    if plan.kind is PlanKind.FLEXIBLE:
        days = plan.cadence.ideal_days if plan.cadence else 0
        text = rhythm(days, about=True).capitalize()
    elif plan.kind is PlanKind.ONE_OFF:
        text = f"Once on {short_date(plan.start_date, today)}"
    elif plan.recurrence is None:
        text = "On a schedule"
    else:
        rec = copy.copy(plan.recurrence)
        rec.weekdays = set(rec.weekdays)
        until, rec.until = rec.until, None
        text = rec.describe()
        text = text[:1].upper() + text[1:]  # "last Friday of every month" opens a line
        if until is not None:
            text += f", until {short_date(until, today)}"
    when = time_text(plan, user_zone)
    return f"{text}, {when}"


@cache
def zone_names() -> list[str]:
    """Every IANA zone name worth offering, sorted."""
    skip = {"Factory", "localtime", "posixrules"}
    return sorted(z for z in available_timezones() if z not in skip)


def new_plan(kind: str, target_id: int, today: date, zone: str) -> Plan:
    """A fresh plan for a person (``kind`` "person") or a group, starting ``today``."""
    plan = Plan(
        kind=PlanKind.FIXED,
        start_date=today,
        timezone=zone,
        recurrence=Recurrence(frequency=Frequency.WEEKLY, weekdays={today.weekday()}),
    )
    if kind == "person":
        plan.person_id = target_id
    else:
        plan.group_id = target_id
    return plan


def plan_when(
    plan: Plan,
    now: datetime,
    user_zone: str,
    last_contact: datetime | None = None,
    postponements: Sequence[scheduling.Postponement] = (),
) -> When:
    """The one answer to "when is it?" (:func:`supportnet.scheduling.when.when`)."""
    return when(plan, now, user_zone, last_contact=last_contact, postponements=postponements)


def earlier_text(start: datetime) -> str:
    """ "Earlier today, 12:30": today's occurrence that has begun, on the user's clock."""
    return f"Earlier today, {clock_time(start)}"


def then_text(day: date, start: datetime | None, begun: datetime, today: date) -> str:
    """The next one after today's that has begun, on the user's clock: "Wed 2 Dec", with
    its time only when it isn't the same as today's ("Sat 5 Dec, 19:00")."""
    text = short_date(day, today)
    if start is None:
        return f"{text}, any time"
    if f"{start:%H:%M}" == f"{begun:%H:%M}":
        return text
    return f"{text}, {start:%H:%M}"


def _user_clock(plan: Plan, now: datetime, user_zone: str) -> tuple[ZoneInfo, date] | None:
    """The user's zone and today there; None if either zone is unknown (say nothing then)."""
    user_tz = known_zone(user_zone)
    if user_tz is None or not is_known_zone(plan.timezone):
        return None
    return user_tz, now.astimezone(user_tz).date()


#: Today's begun occurrence is the plan's last: said gently, after "Earlier today, 12:30".
NO_MORE_AFTER_TODAY = "no more dates after today"


def next_text(
    plan: Plan,
    now: datetime,
    user_zone: str,
    last_contact: datetime | None = None,
    postponements: Sequence[scheduling.Postponement] = (),
) -> str:
    """The preview line: "Next: Sun 29 Nov, 18:00 (your time 23:00)"; today's occurrence
    that has begun first: "Earlier today, 12:30 — later is fine too. Next: Wed 2 Dec, 12:30"."""
    where = _user_clock(plan, now, user_zone)
    if where is None:
        return ""
    user_tz, today_user = where
    if plan.paused:
        return "Paused: it won't be suggested until you resume it."
    answer = plan_when(plan, now, user_zone, last_contact, postponements)
    if answer.flexible:
        day = answer.next.day if answer.next is not None else today_user
        when_ = "today" if day <= today_user else short_date(day, today_user)
        counted = " (counted from when you were last in touch)" if last_contact is not None else ""
        return f"Next: around {when_}{counted}"
    before = ""
    if answer.earlier_today is not None and answer.earlier_today.start is not None:
        before = earlier_text(answer.earlier_today.start)
        if not same_clocks(plan.timezone, user_zone):
            before += " your time"
        before += "." if answer.in_touch else " — later is fine too."
    found = answer.next
    if found is None:
        if before:
            return f"{before} {NO_MORE_AFTER_TODAY.capitalize()}."
        return "This day has passed." if plan.kind is PlanKind.ONE_OFF else "No more dates ahead."
    occ = found.occurrence
    start = None if found.start is None else found.start.astimezone(scheduling.plan_zone(plan))
    day = occ.day if start is None else start.date()
    text = f"Next: {short_date(day, today_user)}"
    if start is None:
        text += ", any time of day"
    else:
        text += f", {start:%H:%M}"
        if not same_clocks(plan.timezone, user_zone):
            mine = start.astimezone(user_tz)
            there = f"{mine:%H:%M}"
            if mine.date() != day:
                there = f"{short_date(mine.date(), today_user)}, {there}"
            text += f" (your time {there})"
    return f"{before} {text}" if before else text


def next_short(
    plan: Plan,
    now: datetime,
    user_zone: str,
    last_contact: datetime | None = None,
    postponements: Sequence[scheduling.Postponement] = (),
) -> str:
    """When a plan comes next, on the user's clock: "Sat 5 Dec, 18:00", "Around Mon 30 Nov",
    "Earlier today, 12:30 · next Wed 2 Dec, 12:30"."""
    where = _user_clock(plan, now, user_zone)
    if where is None:
        return ""
    _user_tz, today_user = where
    if plan.paused:
        return "Paused"
    answer = plan_when(plan, now, user_zone, last_contact, postponements)
    if answer.flexible:
        day = answer.next.day if answer.next is not None else today_user
        return "Around today" if day <= today_user else f"Around {short_date(day, today_user)}"
    found = answer.next
    if found is None:
        text = "Passed" if plan.kind is PlanKind.ONE_OFF else "No more dates"
    elif found.start is None:
        text = f"{short_date(found.day, today_user)}, any time"
    else:
        text = f"{short_date(found.day, today_user)}, {found.start:%H:%M}"
    if answer.earlier_today is None or answer.earlier_today.start is None:
        return text
    begun = answer.earlier_today.start
    before = earlier_text(begun)
    if found is None:
        return before if plan.kind is PlanKind.ONE_OFF else f"{before} · {NO_MORE_AFTER_TODAY}"
    return f"{before} · next {then_text(found.day, found.start, begun, today_user)}"


def plan_save_hint(problems: Sequence[Problem], names: Mapping[str, str] = PLAN_FIELD_NAMES) -> str:
    """One short line beside a disabled Save button, e.g. "Check the end date to save"."""
    if not problems:
        return ""
    first = problems[0]
    hint = f"Check {names.get(first.field, 'the form')} to save"
    others = len({p.field for p in problems} - {first.field})
    if others:
        hint += f" (and {others} more {'thing' if others == 1 else 'things'})"
    return hint
