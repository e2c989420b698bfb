"""Gentle, approximate wording for how long ago something happened."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from supportnet.i18n import _, ngettext

_DAYS_PER_MONTH = 30.44
_DAYS_PER_YEAR = 365.25


def since_phrase(then: datetime, now: datetime) -> str:
    """How long ago ``then`` was, seen from ``now``: "today", "3 days ago", "about 2 weeks ago".

    Days are counted on the calendar in ``now``'s time zone, so something at 23:00 yesterday
    is "yesterday" even if it was only an hour ago. The wording grows vaguer as time passes;
    nobody needs to know it was exactly 47 days. A moment after ``now`` (clocks drift, and
    check-ins can be logged ahead) counts as "today". A naive datetime is taken to be in the
    other one's zone.
    """
    return _said(_measure(then, now), ago=True)


def span_phrase(then: datetime, now: datetime) -> str:
    """How long since ``then`` as a span, without "ago": "3 days", "about 2 months"; empty
    for today and yesterday (too near to name a span)."""
    return _said(_measure(then, now), ago=False)


def _measure(then: datetime, now: datetime) -> tuple[str, int]:
    """The unit and number ``then`` is ago: ("days", 3), ("about weeks", 2) … ("today", 0)."""
    if (then.tzinfo is None) != (now.tzinfo is None):
        if then.tzinfo is None:
            then = then.replace(tzinfo=now.tzinfo)
        else:
            now = now.replace(tzinfo=then.tzinfo)
    if now.tzinfo is not None:
        then = then.astimezone(now.tzinfo)
    days = (now.date() - then.date()).days
    if days <= 0:
        return "today", 0
    if days == 1:
        return "yesterday", 1
    if days < 7:
        return "days", days
    if days < 25:
        weeks = round(days / 7)
        return ("weeks" if days % 7 == 0 else "about weeks"), weeks
    if days < 350:
        return "months", max(1, round(days / _DAYS_PER_MONTH))
    return "years", max(1, round(days / _DAYS_PER_YEAR))


def _said(measure: tuple[str, int], *, ago: bool) -> str:
    unit, n = measure
    if unit == "today":
        return _("today") if ago else ""
    if unit == "yesterday":
        return _("yesterday") if ago else ""
    return (_AGO if ago else _SPAN)[unit](n).format(n=n)


# Each in whole words ("about {n} months ago"), as German says "vor etwa {n} Monaten".
_AGO: dict[str, Callable[[int], str]] = {
    "days": lambda n: ngettext("{n} day ago", "{n} days ago", n),
    "weeks": lambda n: ngettext("a week ago", "{n} weeks ago", n),
    "about weeks": lambda n: ngettext("about a week ago", "about {n} weeks ago", n),
    "months": lambda n: ngettext("about a month ago", "about {n} months ago", n),
    "years": lambda n: ngettext("about a year ago", "about {n} years ago", n),
}
_SPAN: dict[str, Callable[[int], str]] = {
    "days": lambda n: ngettext("{n} day", "{n} days", n),
    "weeks": lambda n: ngettext("a week", "{n} weeks", n),
    "about weeks": lambda n: ngettext("about a week", "about {n} weeks", n),
    "months": lambda n: ngettext("about a month", "about {n} months", n),
    "years": lambda n: ngettext("about a year", "about {n} years", n),
}
