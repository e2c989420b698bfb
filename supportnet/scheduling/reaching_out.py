"""Reaching out beyond the schedule itself: targets and contacts by key, gentle words, timing."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from supportnet.i18n import N_, _
from supportnet.model.days import clock_time, long_date, weekday_name
from supportnet.model.network import ChannelKind, ContactChannel, Group, Person, first_name_of
from supportnet.model.plans import Plan, PlanKind
from supportnet.model.privacy import Privacy
from supportnet.model.targets import GROUP, PERSON, TargetKey
from supportnet.scheduling import Postponement

#: How long "Go easy" lasts unless the person chooses otherwise.
GO_EASY_DAYS = 7


# --- from domain objects to what the schedule reads --------------------------------------------


def default_channel(
    plan_channel: ChannelKind | None, preferred: ContactChannel | None
) -> ChannelKind | None:
    """How a check-in most likely happened: the plan's way, else the person's preferred one."""
    if plan_channel is not None:
        return plan_channel
    return preferred.kind if preferred is not None else None


# --- days and zones -----------------------------------------------------------------------------


def local_today(now: datetime, zone: str) -> date:
    """The calendar day it is for the person at ``now``."""
    return now.astimezone(ZoneInfo(zone)).date()


def tomorrow(today: date) -> date:
    return today + timedelta(days=1)


def is_going_easy(until: date | None, today: date) -> bool:
    """Going easy lasts to the end of ``until``."""
    return until is not None and until >= today


def default_easy_until(today: date) -> date:
    return today + timedelta(days=GO_EASY_DAYS)


def day_phrase(day: date, today: date) -> str:
    """A day as a person says it: "today", "tomorrow", "Sunday" (this week), "Sunday 29 June"."""
    ahead = (day - today).days
    if ahead == 0:
        return _("today")
    if ahead == 1:
        return _("tomorrow")
    if 1 < ahead < 7:
        return weekday_name(day.weekday())
    return long_date(day)


def moved_text(day: date, today: date) -> str:
    """The note after "Not today" or "Another day…": "Moved to tomorrow"."""
    # Translators: {day} is "today", "tomorrow", "Sunday" or "Sunday 29 June".
    return _("Moved to {day}").format(day=day_phrase(day, today))


def going_easy_text(until: date, today: date) -> str:
    """The gentle line on Today while going easy."""
    if until == today:
        return _("Going easy until the end of today — only your inner circle is suggested.")
    # Translators: {day} is "tomorrow", "Sunday" or "Sunday 29 June".
    return _("Going easy until {day} — only your inner circle is suggested.").format(
        day=day_phrase(until, today)
    )


def clock_text(at: time) -> str:
    """A time of day as the person reads it, e.g. "18:00" (:func:`clock_time`'s words)."""
    return clock_time(at)


# --- reminders ------------------------------------------------------------------------------------


#: A discreet reminder's title: it says neither who nor what, nor which app.
NUDGE_TITLE = N_("A gentle nudge")


def reminder_text(
    name: str,
    plan_title: str,
    start: datetime | None,
    zone: str,
    *,
    level: Privacy = Privacy.DISCREET,
    first_name: str = "",
) -> tuple[str, str]:
    """A notification's title and body at ``level``, an invitation, never an order.

    - discreet: ("A gentle nudge", "A plan for 18:00"): no name and no plan title (a
      title may hold a name: "Lunch walk with Tom"), as a lock screen may show it;
    - first name: ("Maybe a hello to Sam?", "A plan for 18:00"): ``first_name`` (else
      the first word of ``name``), still no plan title;
    - full: ("Maybe a hello to Sam Reed?", "Sunday call, 18:00").

    ``start`` is None for an all-day plan: "A plan for today" (or the plan's title at full).
    """
    at = None if start is None else clock_text(start.astimezone(ZoneInfo(zone)).time())
    # Translators: a discreet reminder's body, "A plan for 18:00".
    plain = _("A plan for today") if at is None else _("A plan for {time}").format(time=at)
    if level is Privacy.DISCREET:
        return _(NUDGE_TITLE), plain
    if level is Privacy.FIRST_NAME:
        who = first_name.strip() or first_name_of(name)
        return _hello(who), plain
    title = " ".join(plan_title.split())
    if not title:
        return _hello(name), plain
    if at is None:
        return _hello(name), title
    # Translators: a reminder's body, the plan's title and its time: "Sunday call, 18:00".
    return _hello(name), _("{title}, {time}").format(title=title, time=at)


def _hello(who: str) -> str:
    return _("Maybe a hello to {name}?").format(name=who) if who.strip() else _(NUDGE_TITLE)


def reminder_since(last_tick: datetime | None, now: datetime, interval: timedelta) -> datetime:
    """Where to look back from at a reminder check, so nothing floods after a gap.

    The first check and any check after a jump of the wall clock (sleep and wake, or the
    clock set back) look back only one ``interval``: what came before waits on Today.
    """
    if last_tick is None:
        return now
    gap = now - last_tick
    if gap < timedelta(0) or gap > 2 * interval:
        return now - interval
    return last_tick


# --- choosing whom ------------------------------------------------------------------------------


def picker_choices(
    people: Iterable[Person], groups: Iterable[Group]
) -> list[tuple[TargetKey, str]]:
    """Everyone to choose from when logging a check-in, each with a label nobody else has.

    People come first by the name they are called ("Sam"), with their full name added
    when two share one; groups follow, marked "(group)". Sorted without regard to case.
    """
    people = [p for p in people if p.id is not None]
    groups = [g for g in groups if g.id is not None]
    counts: dict[str, int] = {}
    for person in people:
        folded = person.display_name.casefold()
        counts[folded] = counts.get(folded, 0) + 1
    labelled: list[tuple[TargetKey, str]] = []
    for person in people:
        assert person.id is not None
        label = person.display_name
        if counts[label.casefold()] > 1 and person.name != label:
            # Translators: two people called the same, told apart: "Sam (Sam Reed)".
            label = _("{name} ({full_name})").format(name=label, full_name=person.name)
        labelled.append(((PERSON, person.id), label))
    labelled.sort(key=lambda item: item[1].casefold())
    group_items: list[tuple[TargetKey, str]] = []
    for group in groups:
        assert group.id is not None
        group_items.append(((GROUP, group.id), _("{name} (group)").format(name=group.name)))
    group_items.sort(key=lambda item: item[1].casefold())
    seen: dict[str, int] = {}
    unique: list[tuple[TargetKey, str]] = []
    for key, label in labelled + group_items:
        folded = label.casefold()
        seen[folded] = seen.get(folded, 0) + 1
        unique.append((key, label if seen[folded] == 1 else f"{label} {seen[folded]}"))
    return unique


def match_choice(text: str, choices: Iterable[tuple[TargetKey, str]]) -> TargetKey | None:
    """The choice meant by what was typed: an exact label, else the only label containing it."""
    wanted = " ".join(text.split()).casefold()
    if not wanted:
        return None
    listed = list(choices)
    for key, label in listed:
        if label.casefold() == wanted:
            return key
    containing = [key for key, label in listed if wanted in label.casefold()]
    return containing[0] if len(containing) == 1 else None


def postponement_for(plan: Plan, due_at: datetime, to_date: date, user_zone: str) -> Postponement:
    """What "Not today" or "Another day…" stores for a suggestion.

    A fixed or one-off plan moves just the occurrence suggested (named by its user-local
    day); a flexible plan moves as a whole, since it has no occurrences.
    """
    assert plan.id is not None
    if plan.kind is PlanKind.FLEXIBLE:
        return Postponement(plan.id, to_date)
    return Postponement(plan.id, to_date, local_today(due_at, user_zone))
