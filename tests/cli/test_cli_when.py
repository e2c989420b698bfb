"""`supportnet log --when`: the times a person types, read against a fixed clock."""

from __future__ import annotations

import re
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

import pytest

from supportnet.cli import parse_when
from supportnet.model.errors import UsageError

LONDON = ZoneInfo("Europe/London")
NEW_YORK = ZoneInfo("America/New_York")
# 10:00 in London, 05:00 in New York.
NOW = datetime(2026, 11, 26, 10, 0, tzinfo=UTC)


def test_a_bare_time_is_today_in_the_persons_zone() -> None:
    assert parse_when("09:15", NOW, LONDON) == datetime(2026, 11, 26, 9, 15, tzinfo=LONDON)
    assert parse_when("9:15", NOW, LONDON) == datetime(2026, 11, 26, 9, 15, tzinfo=LONDON)


def test_today_is_the_persons_day_not_utcs() -> None:
    late = datetime(2026, 11, 27, 3, 0, tzinfo=UTC)  # still the 26th in New York
    assert parse_when("21:00", late, NEW_YORK) == datetime(2026, 11, 26, 21, 0, tzinfo=NEW_YORK)


def test_a_date_and_time_without_an_offset_is_local() -> None:
    moment = parse_when("2026-11-24 18:30", NOW, NEW_YORK)
    assert moment == datetime(2026, 11, 24, 18, 30, tzinfo=NEW_YORK)


def test_an_offset_is_kept() -> None:
    assert parse_when("2026-11-26T09:59+00:00", NOW, LONDON) == datetime(
        2026, 11, 26, 9, 59, tzinfo=UTC
    )


def test_a_few_minutes_of_clock_drift_are_forgiven() -> None:
    assert parse_when("10:04", NOW, LONDON) == datetime(2026, 11, 26, 10, 4, tzinfo=LONDON)


#: Plain, no lecture: when it is, and what to do.
AHEAD = "is still ahead; you can log it once you've been in touch."


@pytest.mark.parametrize("text", ["10:06", "2026-11-27 08:00", "2999-01-01 10:00"])
def test_a_future_time_is_refused(text: str) -> None:
    with pytest.raises(UsageError, match=re.escape(AHEAD)):
        parse_when(text, NOW, LONDON)


@pytest.mark.parametrize("text", ["next tuesday", "25:00", "", "2026-13-01 10:00"])
def test_nonsense_is_refused_with_an_example(text: str) -> None:
    with pytest.raises(UsageError, match="isn't a time I understand; try"):
        parse_when(text, NOW, LONDON)


@pytest.mark.parametrize(
    "text",
    [
        "0001-01-01T00:00+14:00",  # no UTC time exists for it: comparing overflowed
        "0001-01-01 00:00",
        "1899-12-31 23:59",
    ],
)
def test_a_time_before_1900_is_refused(text: str) -> None:
    with pytest.raises(UsageError, match="is before 1900; please check the year"):
        parse_when(text, NOW, LONDON)


def test_a_time_far_ahead_with_a_western_offset_is_future_not_a_crash() -> None:
    with pytest.raises(UsageError, match=re.escape(AHEAD)):
        parse_when("9999-12-31T23:59-14:00", NOW, LONDON)


def test_the_earliest_accepted_time() -> None:
    moment = parse_when("1900-01-01T00:00+14:00", NOW, LONDON)
    assert moment.year == 1900


def test_a_long_run_of_digits_is_not_a_date() -> None:
    """Python reads 100,000 "1"s as 11 Nov 1111; a person never meant that."""
    with pytest.raises(UsageError, match="isn't a time I understand") as caught:
        parse_when("1" * 100_000, NOW, LONDON)
    assert len(caught.value.message) < 200


def test_what_was_typed_is_quoted_on_one_line() -> None:
    with pytest.raises(UsageError) as caught:
        parse_when("18:30\nrm -rf", NOW, LONDON)
    assert "\n" not in caught.value.message
