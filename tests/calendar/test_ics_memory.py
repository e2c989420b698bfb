"""What an export does with what calendars were given before: keep, move, cancel, forget."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

from supportnet.calendar import (
    CANCEL_REPEAT_DAYS,
    SlotPlan,
    StoredEvent,
    cancelled_event,
    follow,
    match_slots,
    withdraw,
)

TODAY = date(2026, 3, 1)
NOW = datetime(2026, 3, 1, 12, tzinfo=UTC)
BEFORE = NOW - timedelta(days=7)


def _timing(day: int) -> str:
    return f"2026-03-{day:02d}T18:00:00+00:00/2026-03-{day:02d}T18:30:00+00:00/Europe/London"


def _uids() -> Callable[[], str]:
    counter = itertools.count()
    return lambda: f"new-{next(counter)}"


def _first(days: list[int]) -> list[StoredEvent]:
    found = match_slots([], [_timing(d) for d in days], TODAY, BEFORE, _uids())
    return found.write


def _again(stored: list[StoredEvent], days: list[int], now: datetime = NOW) -> SlotPlan:
    return match_slots(stored, [_timing(d) for d in days], now.date(), now, _uids())


def test_new_occurrences_get_new_uids_numbered_in_order() -> None:
    made = _first([2, 9])
    assert [(s.slot, s.uid, s.sequence) for s in made] == [(0, "new-0", 0), (1, "new-1", 0)]


def test_the_same_days_again_change_nothing() -> None:
    made = _first([2, 9])
    found = _again(made, [2, 9])
    assert found.assigned == made
    assert (found.write, found.cancelled, found.forget) == ([], [], [])


def test_a_contact_on_the_day_keeps_the_later_events_and_moves_the_spare_one() -> None:
    made = _first([2, 9, 16])
    found = _again(made, [9, 16, 23])
    assert found.assigned[:2] == made[1:]
    moved = found.assigned[2]
    assert (moved.uid, moved.sequence, moved.day) == (made[0].uid, 1, "2026-03-23")
    assert found.cancelled == []


def test_a_contact_off_the_rhythm_moves_every_event_it_has() -> None:
    made = _first([2, 9, 16])
    found = _again(made, [5, 12, 19])
    assert [s.uid for s in found.assigned] == [s.uid for s in made]
    assert {s.sequence for s in found.assigned} == {1}


def test_fewer_occurrences_cancel_the_leftovers_until_their_day_passes() -> None:
    made = _first([2, 9, 16, 23])
    found = _again(made, [3, 10])
    assert [s.uid for s in found.assigned] == [s.uid for s in made[:2]]
    gone = found.cancelled
    assert sorted(s.uid for s in gone) == sorted(s.uid for s in made[2:])
    assert all(s.cancelled and s.sequence == 1 for s in gone)
    stored = [*found.assigned, *gone]
    again = _again(stored, [3, 10])
    assert again.cancelled == gone  # said again, unchanged
    assert again.write == []
    later = _again(stored, [31], now=datetime(2026, 3, 25, 12, tzinfo=UTC))
    assert later.cancelled == []
    assert sorted(later.forget) == sorted(s.uid for s in stored)


def test_a_plans_own_event_follows_its_timing() -> None:
    first = follow(None, "u", "t1", 0, BEFORE)
    assert (first.uid, first.slot, first.sequence, first.timing) == ("u", None, 0, "t1")
    assert follow(first, "u", "t1", 0, NOW) is first
    moved = follow(first, "u", "t2", 0, NOW)
    assert (moved.sequence, moved.timing, moved.modified) == (1, "t2", NOW)
    # The plan's own SEQUENCE is a floor: a new repeat pattern on the same first day.
    assert follow(first, "u", "t1", 3, NOW).sequence == 3


def test_an_event_back_after_a_cancellation_outranks_the_cancellation() -> None:
    first = follow(None, "u", "t1", 2, BEFORE)
    cancelled = withdraw(first, NOW)
    assert cancelled is not None
    assert (cancelled.cancelled, cancelled.sequence) == (True, 3)
    back = follow(cancelled, "u", "t1", 2, NOW)
    assert (back.cancelled, back.sequence) == (False, 4)


def test_a_withdrawal_is_said_for_a_while_then_forgotten() -> None:
    first = follow(None, "u", "t1", 0, BEFORE)
    cancelled = withdraw(first, NOW)
    assert cancelled is not None
    assert withdraw(cancelled, NOW + timedelta(days=CANCEL_REPEAT_DAYS)) == cancelled
    assert withdraw(cancelled, NOW + timedelta(days=CANCEL_REPEAT_DAYS + 1)) is None


def test_a_stored_event_knows_its_day_and_zone() -> None:
    timed = StoredEvent(0, "a", 0, _timing(8), NOW)
    assert (timed.day, timed.zone) == ("2026-03-08", "Europe/London")
    utc = StoredEvent(0, "b", 0, "2026-03-08T18:00:00+00:00/2026-03-08T18:30:00+00:00/UTC", NOW)
    assert utc.zone == "UTC"
    all_day = StoredEvent(0, "c", 0, "2026-03-08/2026-03-09/", NOW)
    assert (all_day.day, all_day.zone) == ("2026-03-08", None)
    # A series with a moved occurrence keeps the move after a "|".
    moved = _timing(8) + "|2026-03-08T18:00:00+00:00>2026-03-09T18:00:00+00:00"
    series = StoredEvent(None, "d", 2, moved, NOW)
    assert (series.day, series.zone) == ("2026-03-08", "Europe/London")
    gone = cancelled_event(series, "Check-in")
    assert gone is not None
    assert gone.start == datetime(2026, 3, 8, 18, tzinfo=ZoneInfo("Europe/London"))
