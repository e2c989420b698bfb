"""One English table of day and month names, and one way to spell a day out."""

from __future__ import annotations

from datetime import date

from supportnet.model.days import MONTH_NAMES, WEEKDAY_NAMES, long_date, short_date


def test_the_tables_follow_pythons_own_order() -> None:
    assert WEEKDAY_NAMES[date(2025, 6, 23).weekday()] == "Monday"
    assert MONTH_NAMES[12 - 1] == "December"


def test_a_day_spelled_out_with_and_without_its_year() -> None:
    assert long_date(date(2025, 6, 22)) == "Sunday 22 June"
    assert long_date(date(2025, 6, 3), year=True) == "Tuesday 3 June 2025"


def test_a_short_day_with_and_without_its_year() -> None:
    assert short_date(date(2026, 12, 3)) == "Thu 3 Dec"
    assert short_date(date(2026, 12, 3), year=True) == "Thu 3 Dec 2026"
