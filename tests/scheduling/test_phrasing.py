"""since_phrase: gentle wording for how long ago someone was in touch."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from supportnet.scheduling.phrasing import since_phrase

NOW = datetime(2025, 6, 15, 14, 30, tzinfo=UTC)


@pytest.mark.parametrize(
    ("days", "expected"),
    [
        (0, "today"),
        (1, "yesterday"),
        (2, "2 days ago"),
        (3, "3 days ago"),
        (6, "6 days ago"),
        (7, "a week ago"),
        (8, "about a week ago"),
        (10, "about a week ago"),
        (11, "about 2 weeks ago"),
        (14, "2 weeks ago"),
        (17, "about 2 weeks ago"),
        (21, "3 weeks ago"),
        (24, "about 3 weeks ago"),
        (25, "about a month ago"),
        (45, "about a month ago"),
        (46, "about 2 months ago"),
        (100, "about 3 months ago"),
        (340, "about 11 months ago"),
        (350, "about a year ago"),
        (547, "about a year ago"),
        (800, "about 2 years ago"),
    ],
)
def test_phrases_by_day(days: int, expected: str) -> None:
    assert since_phrase(NOW - timedelta(days=days), NOW) == expected


def test_counts_calendar_days_not_hours() -> None:
    zone = ZoneInfo("Europe/London")
    now = datetime(2025, 6, 15, 0, 30, tzinfo=zone)
    late_last_night = datetime(2025, 6, 14, 23, 0, tzinfo=zone)
    assert since_phrase(late_last_night, now) == "yesterday"
    assert since_phrase(datetime(2025, 6, 15, 0, 5, tzinfo=zone), now) == "today"


def test_days_are_counted_in_nows_zone() -> None:
    # 23:30 UTC on the 14th is already 09:30 on the 15th in Sydney.
    then = datetime(2025, 6, 14, 23, 30, tzinfo=UTC)
    now = datetime(2025, 6, 15, 18, 0, tzinfo=ZoneInfo("Australia/Sydney"))
    assert since_phrase(then, now) == "today"
    now_utc = now.astimezone(UTC).replace(hour=8)
    assert since_phrase(then, now_utc) == "yesterday"


def test_a_moment_in_the_future_counts_as_today() -> None:
    assert since_phrase(NOW + timedelta(minutes=5), NOW) == "today"
    assert since_phrase(NOW + timedelta(days=3), NOW) == "today"


def test_naive_and_aware_mix_without_error() -> None:
    naive_then = (NOW - timedelta(days=3)).replace(tzinfo=None)
    assert since_phrase(naive_then, NOW) == "3 days ago"
    assert since_phrase(NOW - timedelta(days=2), NOW.replace(tzinfo=None)) == "2 days ago"
    assert since_phrase(naive_then, NOW.replace(tzinfo=None)) == "3 days ago"


def test_never_shouts_or_blames() -> None:
    phrases = {since_phrase(NOW - timedelta(days=d), NOW) for d in range(0, 2000)}
    for phrase in phrases:
        assert "!" not in phrase
        assert "overdue" not in phrase
        assert "missed" not in phrase
        assert phrase == phrase.lower()
