"""English names of weekdays and months, and a day written out ("Sunday 22 June", "Sun 22 Jun").

The app speaks English only for now, so these are tables rather than the C library's
locale (``%A``/``%B``): Qt sets that locale from the environment on start, and a German
desktop would otherwise get "Dienstag" in the middle of an English sentence.
"""

from __future__ import annotations

from datetime import date, datetime, time

WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def long_date(day: date, *, year: bool = False) -> str:
    """E.g. "Sunday 22 June", or with ``year`` "Sunday 22 June 2025"."""
    text = f"{WEEKDAY_NAMES[day.weekday()]} {day.day} {MONTH_NAMES[day.month - 1]}"
    return f"{text} {day.year}" if year else text


def short_date(day: date, *, year: bool = False) -> str:
    """E.g. "Thu 3 Dec", or with ``year`` "Thu 3 Dec 2026"."""
    text = f"{WEEKDAY_NAMES[day.weekday()][:3]} {day.day} {MONTH_NAMES[day.month - 1][:3]}"
    return f"{text} {day.year}" if year else text


def day_month_year(day: date, *, short: bool = False) -> str:
    """E.g. "3 December 2026", or with ``short`` "3 Dec 2026" (no weekday)."""
    month = MONTH_NAMES[day.month - 1]
    return f"{day.day} {month[:3] if short else month} {day.year}"


def month_year(day: date) -> str:
    """E.g. "December 2026"."""
    return f"{MONTH_NAMES[day.month - 1]} {day.year}"


def clock_time(moment: datetime | time) -> str:
    """E.g. "09:05": the 24-hour clock, as every time in the app is written (the moment's
    own wall clock, or a time of day)."""
    return f"{moment.hour:02d}:{moment.minute:02d}"


def short_date_time(moment: datetime) -> str:
    """E.g. "Thu 3 Dec, 17:30" (the moment's own wall clock; convert it first)."""
    return f"{short_date(moment.date())}, {clock_time(moment)}"


def rhythm(days: int, *, about: bool = False, exact: bool = False) -> str:
    """How often, as people say it: "every day", "every 10 days", "every 3 weeks",
    "about every 3 weeks" (20 days), "every 2 months" (61 days).

    Up to 13 days are counted in days (7 is "every week"); longer rhythms in weeks when
    they divide evenly, in months near 30, 61, 91 … days, and otherwise in "about" weeks.
    With ``about`` the phrase always opens with "about" (a flexible plan's rhythm is a
    wish, not a date). With ``exact`` (a fixed rule's interval) it is never rounded: weeks
    when they divide evenly, else days, and never "about".
    """
    if exact and days > 13:
        return _every_unit(days // 7, "week") if days % 7 == 0 else f"every {days} days"
    exact = True
    if days <= 1:
        text = "every day"
    elif days == 7:
        text = "every week"
    elif days <= 13:
        text = f"every {days} days"
    else:
        months = round(days / 30.44)
        if months >= 1 and abs(days - months * 30.44) <= max(1.5, months / 2):
            text = "every year" if months == 12 else _every_unit(months, "month")
        elif days % 7 == 0:
            text = _every_unit(days // 7, "week")
        else:
            text, exact = _every_unit(round(days / 7), "week"), False
    return f"about {text}" if about or not exact else text


def _every_unit(count: int, unit: str) -> str:
    return f"every {unit}" if count == 1 else f"every {count} {unit}s"
