"""Gentle, approximate wording for how long ago something happened."""

from __future__ import annotations

from datetime import datetime

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
    if (then.tzinfo is None) != (now.tzinfo is None):
        if then.tzinfo is None:
            then = then.replace(tzinfo=now.tzinfo)
        else:
            now = now.replace(tzinfo=then.tzinfo)
    if now.tzinfo is not None:
        then = then.astimezone(now.tzinfo)
    days = (now.date() - then.date()).days
    if days <= 0:
        return "today"
    if days == 1:
        return "yesterday"
    if days < 7:
        return f"{days} days ago"
    if days < 25:
        weeks = round(days / 7)
        amount = "a week" if weeks == 1 else f"{weeks} weeks"
        return f"{amount} ago" if days % 7 == 0 else f"about {amount} ago"
    if days < 350:
        months = max(1, round(days / _DAYS_PER_MONTH))
        return "about a month ago" if months == 1 else f"about {months} months ago"
    years = max(1, round(days / _DAYS_PER_YEAR))
    return "about a year ago" if years == 1 else f"about {years} years ago"
