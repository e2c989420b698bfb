"""English names of weekdays and months, and a day written out ("Sunday 22 June", "Sun 22 Jun").

The app speaks English only for now, so these are tables rather than the C library's
locale (``%A``/``%B``): Qt sets that locale from the environment on start, and a German
desktop would otherwise get "Dienstag" in the middle of an English sentence.
"""

from __future__ import annotations

from datetime import date

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
