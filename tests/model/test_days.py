"""Day and month names from the locale, and one way to spell a day out (English here; the
German and the Qt-backed names are in tests/i18n/test_dates.py)."""

from __future__ import annotations

from datetime import date, datetime

from supportnet.model.days import (
    clock_time,
    day_month_year,
    long_date,
    month_name,
    month_year,
    short_date,
    short_date_time,
    weekday_name,
)


def test_the_names_follow_pythons_own_order() -> None:
    assert weekday_name(date(2025, 6, 23).weekday()) == "Monday"
    assert weekday_name(6, short=True) == "Sun"
    assert month_name(12) == "December"
    assert month_name(9, short=True) == "Sep"


def test_a_day_spelled_out_with_and_without_its_year() -> None:
    assert long_date(date(2025, 6, 22)) == "Sunday 22 June"
    assert long_date(date(2025, 6, 3), year=True) == "Tuesday 3 June 2025"


def test_a_short_day_with_and_without_its_year() -> None:
    assert short_date(date(2026, 12, 3)) == "Thu 3 Dec"
    assert short_date(date(2026, 12, 3), year=True) == "Thu 3 Dec 2026"


def test_a_day_without_its_weekday_a_month_and_a_time() -> None:
    assert day_month_year(date(2026, 12, 3)) == "3 December 2026"
    assert day_month_year(date(2026, 12, 3), short=True) == "3 Dec 2026"
    assert month_year(date(2026, 5, 31)) == "May 2026"
    assert clock_time(datetime(2026, 12, 3, 9, 5)) == "09:05"
    assert short_date_time(datetime(2026, 12, 3, 17, 30)) == "Thu 3 Dec, 17:30"


def test_the_names_stay_english_whatever_the_c_locale_says() -> None:
    """The point of the tables: strftime's %B would follow a German desktop's locale."""
    import locale

    before = locale.setlocale(locale.LC_TIME)
    try:
        for name in ("de_DE.UTF-8", "fr_FR.UTF-8"):
            try:
                locale.setlocale(locale.LC_TIME, name)
                break
            except locale.Error:
                continue
        assert day_month_year(date(2026, 3, 1)) == "1 March 2026"
        assert short_date_time(datetime(2026, 3, 1, 8, 0)) == "Sun 1 Mar, 08:00"
    finally:
        locale.setlocale(locale.LC_TIME, before)
