"""A rhythm said as people say it: "every day", "every week", "every 3 weeks", "every 10 days"."""

from __future__ import annotations


def every_phrase(days: int) -> str:
    """How often, in everyday words: whole weeks as weeks ("every 3 weeks", never "every
    21 days"), anything else in days."""
    if days <= 1:
        return "every day"
    if days % 7 == 0:
        weeks = days // 7
        return "every week" if weeks == 1 else f"every {weeks} weeks"
    return f"every {days} days"
