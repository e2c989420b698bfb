"""The plain wording of plans that the editor, the plans panel and the agenda share
(:func:`describe_plan`, :func:`time_text`) and :func:`user_zone_name`."""

from __future__ import annotations

import copy
from collections.abc import Sequence
from datetime import date, datetime
from functools import cache
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo, available_timezones

from supportnet import scheduling
from supportnet.i18n import N_, _, ngettext
from supportnet.model import days as day_names
from supportnet.model import zones
from supportnet.model.days import clock_time, rhythm
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
#: (Marked here, translated where shown: the language is chosen after import.)
KIND_TEXT = {
    PlanKind.FIXED: N_("On a schedule"),
    PlanKind.FLEXIBLE: N_("Every so often"),
    PlanKind.ONE_OFF: N_("Once"),
}
KIND_HINT = {
    PlanKind.FIXED: N_("The same days each week or month, like Sunday evenings."),
    PlanKind.FLEXIBLE: N_("About every few days, counted from the last time you were in touch."),
    PlanKind.ONE_OFF: N_("A single day, like a birthday or a thank-you."),
}
NO_CHANNEL = N_("Any way")
# Translators: Qt's date format for the plan editor's date fields (day and month names
# come from the language's own calendar): ddd weekday, d day, MMM month, yyyy year.
DATE_FORMAT = N_("ddd d MMM yyyy")
TIME_FORMAT = "HH:mm"
ZONE_HINT = N_("Someone abroad? Choose their zone and the times follow their clocks.")
FLEXIBLE_HINT = N_("Any time you're in touch counts — even when they reach out first.")


def unit_text(frequency: Frequency, n: int) -> str:
    """The repeat unit after "Repeat every [n]": "week", "weeks"."""
    # Translators: the unit after "Repeat every [number]" in the plan editor.
    if frequency is Frequency.DAILY:
        return ngettext("day", "days", n)
    if frequency is Frequency.WEEKLY:
        return ngettext("week", "weeks", n)
    return ngettext("month", "months", n)


#: The line beside a disabled Save button, by the field that needs a look first.
PLAN_SAVE_HINTS = {
    "kind": N_("Check the kind of plan to save"),
    "target": N_("Check who the plan is for to save"),
    "title": N_("Check the title to save"),
    "channel": N_("Check the way to reach out to save"),
    "timezone": N_("Check the time zone to save"),
    "duration_minutes": N_("Check how long it takes to save"),
    "window_end": N_("Check the time of day to save"),
    "recurrence": N_("Check how it repeats to save"),
    "frequency": N_("Check how it repeats to save"),
    "interval": N_("Check how often it repeats to save"),
    "until": N_("Check the end date to save"),
    "weekdays": N_("Check the days of the week to save"),
    "month_day": N_("Check the day of the month to save"),
    "nth": N_("Check the week of the month to save"),
    "nth_weekday": N_("Check the day of the week to save"),
    "cadence": N_("Check the rhythm to save"),
    "ideal_days": N_("Check the ideal interval to save"),
    "too_long_days": N_("Check the gentle nudge to save"),
    "message_idea": N_("Check the conversation starter to save"),
    "notes": N_("Check the notes to save"),
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
        return _("any time of day")
    text = f"{plan.window_start:%H:%M}"
    if plan.window_end is not None:
        text += f"–{plan.window_end:%H:%M}"
    if user_zone is not None and not same_clocks(plan.timezone, user_zone):
        # Translators: "13:00 New York time": a time on the clocks of a place.
        text = _("{time} {place} time").format(time=text, place=zone_place(plan.timezone))
    return text


def describe_plan(plan: Plan, user_zone: str | None = None, today: date | None = None) -> str:
    """When a plan happens, in a few words: "Sundays, 18:00–19:00", "About every 10 days"."""
    if plan.kind is PlanKind.FLEXIBLE:
        days = plan.cadence.ideal_days if plan.cadence else 0
        text = rhythm(days, about=True)
        text = text[:1].upper() + text[1:]
    elif plan.kind is PlanKind.ONE_OFF:
        text = _("Once on {date}").format(date=short_date(plan.start_date, today))
    elif plan.recurrence is None:
        text = _("On a schedule")
    else:
        rec = copy.copy(plan.recurrence)
        rec.weekdays = set(rec.weekdays)
        until, rec.until = rec.until, None
        text = rec.describe()
        text = text[:1].upper() + text[1:]  # "last Friday of every month" opens a line
        if until is not None:
            # Translators: "Every week on Sunday, until Thu 3 Dec".
            text = _("{rhythm}, until {date}").format(rhythm=text, date=short_date(until, today))
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
    return _("Earlier today, {time}").format(time=clock_time(start))


def then_text(day: date, start: datetime | None, begun: datetime, today: date) -> str:
    """The next one after today's that has begun, on the user's clock: "Wed 2 Dec", with
    its time only when it isn't the same as today's ("Sat 5 Dec, 19:00")."""
    text = short_date(day, today)
    if start is None:
        return _("{date}, any time").format(date=text)
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
NO_MORE_AFTER_TODAY = N_("no more dates after today")
#: Today's begun occurrence, by (on another zone's clock, already in touch).
EARLIER_TODAY = {
    (False, True): N_("Earlier today, {time}."),
    (False, False): N_("Earlier today, {time} — later is fine too."),
    (True, True): N_("Earlier today, {time} your time."),
    (True, False): N_("Earlier today, {time} your time — later is fine too."),
}


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
        return _("Paused: it won't be suggested until you resume it.")
    answer = plan_when(plan, now, user_zone, last_contact, postponements)
    if answer.flexible:
        return _flexible_next(answer, today_user, counted=last_contact is not None)
    before = ""
    if answer.earlier_today is not None and answer.earlier_today.start is not None:
        abroad = not same_clocks(plan.timezone, user_zone)
        before = _(EARLIER_TODAY[abroad, answer.in_touch]).format(
            time=clock_time(answer.earlier_today.start)
        )
    found = answer.next
    if found is None:
        if before:
            return f"{before} {_('No more dates after today.')}"
        if plan.kind is PlanKind.ONE_OFF:
            return _("This day has passed.")
        return _("No more dates ahead.")
    occ = found.occurrence
    start = None if found.start is None else found.start.astimezone(scheduling.plan_zone(plan))
    day = occ.day if start is None else start.date()
    date_text = short_date(day, today_user)
    if start is None:
        text = _("Next: {date}, any time of day").format(date=date_text)
    elif same_clocks(plan.timezone, user_zone):
        text = _("Next: {date}, {time}").format(date=date_text, time=f"{start:%H:%M}")
    else:
        mine = start.astimezone(user_tz)
        there = f"{mine:%H:%M}"
        if mine.date() != day:
            there = f"{short_date(mine.date(), today_user)}, {there}"
        text = _("Next: {date}, {time} (your time {there})").format(
            date=date_text, time=f"{start:%H:%M}", there=there
        )
    return f"{before} {text}" if before else text


def _flexible_next(answer: When, today_user: date, *, counted: bool) -> str:
    """ "Next: around Mon 30 Nov (counted from when you were last in touch)"."""
    day = answer.next.day if answer.next is not None else today_user
    if day <= today_user:
        if counted:
            return _("Next: around today (counted from when you were last in touch)")
        return _("Next: around today")
    date_text = short_date(day, today_user)
    if counted:
        return _("Next: around {date} (counted from when you were last in touch)").format(
            date=date_text
        )
    return _("Next: around {date}").format(date=date_text)


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
        return _("Paused")
    answer = plan_when(plan, now, user_zone, last_contact, postponements)
    if answer.flexible:
        day = answer.next.day if answer.next is not None else today_user
        if day <= today_user:
            return _("Around today")
        return _("Around {date}").format(date=short_date(day, today_user))
    found = answer.next
    if found is None:
        text = _("Passed") if plan.kind is PlanKind.ONE_OFF else _("No more dates")
    elif found.start is None:
        text = _("{date}, any time").format(date=short_date(found.day, today_user))
    else:
        text = f"{short_date(found.day, today_user)}, {found.start:%H:%M}"
    if answer.earlier_today is None or answer.earlier_today.start is None:
        return text
    begun = answer.earlier_today.start
    before = earlier_text(begun)
    if found is None:
        return before if plan.kind is PlanKind.ONE_OFF else f"{before} · {_(NO_MORE_AFTER_TODAY)}"
    then = then_text(found.day, found.start, begun, today_user)
    # Translators: "Earlier today, 12:30 · next Wed 2 Dec, 12:30".
    return _("{before} · next {then}").format(before=before, then=then)
