"""A day written out in the user's language ("Sunday 22 June", "Sonntag, 22. Juni"), and
how often as people say it ("every 3 weeks").

The names come from the locale (supportnet/i18n/calendar_words.py: QLocale in the GUI, Babel
on the command line), never from the C library's ``%A``/``%B``, and the order of the parts
from the translation catalog, so a German sentence gets German dates and an English one
English dates.
"""

from __future__ import annotations

from datetime import date, datetime, time

from supportnet.i18n import _, ngettext
from supportnet.i18n.calendar_words import words


def weekday_name(index: int, *, short: bool = False) -> str:
    """ "Monday" (or "Mon") for 0 … "Sunday" for 6, in the user's language."""
    return words().weekday(index, short=short)


def month_name(number: int, *, short: bool = False) -> str:
    """ "January" (or "Jan") for 1 … "December" for 12, in the user's language."""
    return words().month(number, short=short)


def first_weekday() -> int:
    """The locale's first day of the week (Monday = 0)."""
    return words().first_weekday()


def long_date(day: date, *, year: bool = False) -> str:
    """E.g. "Sunday 22 June", or with ``year`` "Sunday 22 June 2025"."""
    return _written(day, short=False, year=year)


def short_date(day: date, *, year: bool = False) -> str:
    """E.g. "Thu 3 Dec", or with ``year`` "Thu 3 Dec 2026"."""
    return _written(day, short=True, year=year)


def _written(day: date, *, short: bool, year: bool) -> str:
    parts = {
        "weekday": weekday_name(day.weekday(), short=short),
        "day": day.day,
        "month": month_name(day.month, short=short),
        "year": day.year,
    }
    if year:
        # Translators: a date with its weekday; German "{weekday}, {day}. {month} {year}".
        return _("{weekday} {day} {month} {year}").format(**parts)
    # Translators: a date with its weekday; German "{weekday}, {day}. {month}".
    return _("{weekday} {day} {month}").format(**parts)


def day_month_year(day: date, *, short: bool = False) -> str:
    """E.g. "3 December 2026", or with ``short`` "3 Dec 2026" (no weekday)."""
    month = month_name(day.month, short=short)
    # Translators: a date without its weekday; German "{day}. {month} {year}".
    return _("{day} {month} {year}").format(day=day.day, month=month, year=day.year)


def month_year(day: date) -> str:
    """E.g. "December 2026"."""
    month = words().month(day.month, alone=True)
    return _("{month} {year}").format(month=month, year=day.year)


def clock_time(moment: datetime | time) -> str:
    """E.g. "09:05": the 24-hour clock, as every time in the app is written (the moment's
    own wall clock, or a time of day)."""
    return f"{moment.hour:02d}:{moment.minute:02d}"


def short_date_time(moment: datetime) -> str:
    """E.g. "Thu 3 Dec, 17:30" (the moment's own wall clock; convert it first)."""
    # Translators: a day and a time of day, "Thu 3 Dec, 17:30".
    return _("{date}, {time}").format(date=short_date(moment.date()), time=clock_time(moment))


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
        return _weeks(days // 7) if days % 7 == 0 else _days(days)
    exact = True
    if days <= 1:
        text = _days(1)
    elif days == 7:
        text = _weeks(1)
    elif days <= 13:
        text = _days(days)
    else:
        months = round(days / 30.44)
        if months >= 1 and abs(days - months * 30.44) <= max(1.5, months / 2):
            text = _("every year") if months == 12 else _months(months)
        elif days % 7 == 0:
            text = _weeks(days // 7)
        else:
            text, exact = _weeks(round(days / 7)), False
    # Translators: a rhythm that is a wish, not a date: "about every 3 weeks".
    return _("about {rhythm}").format(rhythm=text) if about or not exact else text


def _days(n: int) -> str:
    return ngettext("every day", "every {n} days", n).format(n=n)


def _weeks(n: int) -> str:
    return ngettext("every week", "every {n} weeks", n).format(n=n)


def _months(n: int) -> str:
    return ngettext("every month", "every {n} months", n).format(n=n)
