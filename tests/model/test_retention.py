"""Retention of automatic backups: 7 daily, 4 weekly, 6 monthly (a pure function)."""

from __future__ import annotations

from datetime import date, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from supportnet.model.retention import backups_to_keep


def _at(day: date, hour: int = 9) -> datetime:
    return datetime(day.year, day.month, day.day, hour)


def test_a_week_of_daily_backups_is_all_kept() -> None:
    today = date(2026, 12, 3)
    stamps = [_at(today - timedelta(days=n)) for n in range(7)]
    assert backups_to_keep(stamps, today) == set(stamps)


def test_only_the_newest_of_a_day_counts_as_that_days_backup() -> None:
    today = date(2026, 12, 3)
    early, late = _at(today, 8), _at(today, 20)
    assert backups_to_keep([early, late], today) == {late}


def test_a_year_of_daily_backups_thinned_every_day() -> None:
    """Back up every day for a year, thinning each day as the app does: what is left."""
    start = date(2026, 1, 1)
    kept: set[datetime] = set()
    for n in range(365):
        today = start + timedelta(days=n)
        kept = backups_to_keep(kept | {_at(today)}, today)
        assert len(kept) <= 7 + 4 + 6
    today = start + timedelta(days=364)  # 31 Dec 2026
    days = {s.date() for s in kept}
    assert {today - timedelta(days=n) for n in range(7)} <= days  # the last seven days
    # The newest of each of the last four ISO weeks (the Sundays before this week's).
    for sunday in (date(2026, 12, 27), date(2026, 12, 20), date(2026, 12, 13)):
        assert sunday in days
    # The last day of each of the last six months.
    for month_end in (date(2026, 11, 30), date(2026, 10, 31), date(2026, 9, 30)):
        assert month_end in days
    assert date(2026, 8, 31) in days
    assert date(2026, 7, 31) in days
    assert min(days) == date(2026, 7, 31), "nothing older than six months stays"
    assert len(kept) == len(days)


def test_a_long_pause_never_empties_the_folder() -> None:
    """Counting days that have a backup, not calendar days: months away keep everything."""
    old = [_at(date(2025, 3, n)) for n in range(1, 4)]
    assert backups_to_keep(old, date(2026, 12, 3)) == set(old)


def test_a_backup_from_a_clock_that_was_ahead_is_kept_and_takes_no_place() -> None:
    today = date(2026, 12, 3)
    week = [_at(today - timedelta(days=n)) for n in range(7)]
    ahead = _at(date(2027, 6, 1))
    kept = backups_to_keep([*week, ahead], today)
    assert kept == {*week, ahead}


@given(
    st.lists(
        st.datetimes(min_value=datetime(2020, 1, 1), max_value=datetime(2027, 1, 1)),
        max_size=60,
    ),
    st.dates(min_value=date(2020, 1, 1), max_value=date(2027, 1, 1)),
)
def test_retention_keeps_a_bounded_subset_with_the_newest(
    stamps: list[datetime], today: date
) -> None:
    kept = backups_to_keep(stamps, today)
    assert kept <= set(stamps)
    placed = [s for s in stamps if s.date() <= today]
    future = {s for s in stamps if s.date() > today}
    assert len(kept - future) <= 7 + 4 + 6
    if placed:
        assert max(placed) in kept
    assert future <= kept
