"""Calendar uids of flexible occurrences: made once, kept, moved, cancelled, restored on undo."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from typing import Any

import pytest

from supportnet.network import Person
from supportnet.plans import Cadence, Plan, PlanKind

TODAY = date(2026, 3, 1)
NOW = datetime(2026, 3, 1, 12, tzinfo=UTC)


@pytest.fixture
def flexible(store: Any) -> Plan:
    person = store.people.add(Person(name="Sam Carter"))
    return store.plans.add(
        Plan(
            kind=PlanKind.FLEXIBLE,
            start_date=date(2026, 1, 1),
            person_id=person.id,
            timezone="Europe/London",
            window_start=time(18),
            cadence=Cadence(7, 14),
        )
    )


def _timing(day: int) -> str:
    return f"2026-03-{day:02d}T18:00:00+00:00/2026-03-{day:02d}T18:30:00+00:00/Europe/London"


def _plan(store: Any, plan: Plan, days: list[int], now: datetime = NOW) -> Any:
    found = store.slots.plan({plan.id: [_timing(d) for d in days]}, {plan.id: now.date()}, now)
    return found[plan.id]


def _rows(store: Any) -> list[tuple[Any, ...]]:
    return store.db.execute("SELECT * FROM plan_slots ORDER BY plan_id, slot")


def test_a_slot_gets_a_uid_once_and_keeps_it(store: Any, flexible: Plan) -> None:
    first = _plan(store, flexible, [2, 9])
    rows = _rows(store)
    second = _plan(store, flexible, [2, 9])
    assert second.assigned == first.assigned
    assert (second.write, second.cancelled) == ([], [])
    assert _rows(store) == rows  # nothing written when nothing changed
    uids = [slot.uid for slot in first.assigned]
    assert len(set(uids)) == 2
    assert all(len(uid) == 36 and not uid.isdigit() for uid in uids)
    assert {slot.sequence for slot in first.assigned} == {0}


def test_a_contact_on_the_day_keeps_the_later_events_as_they_are(
    store: Any, flexible: Plan
) -> None:
    """Reached out on the 2nd: the 9th and 16th stay put; the 2nd's event moves to the 23rd."""
    before = _plan(store, flexible, [2, 9, 16])
    after = _plan(store, flexible, [9, 16, 23])
    assert after.assigned[:2] == before.assigned[1:]
    moved = after.assigned[2]
    assert (moved.uid, moved.sequence) == (before.assigned[0].uid, 1)
    assert moved.day == "2026-03-23"
    assert after.cancelled == []


def test_a_contact_off_the_rhythm_moves_the_events_it_has(store: Any, flexible: Plan) -> None:
    before = _plan(store, flexible, [2, 9, 16])
    after = _plan(store, flexible, [5, 12, 19])
    assert [s.uid for s in after.assigned] == [s.uid for s in before.assigned]
    assert {s.sequence for s in after.assigned} == {1}
    assert after.cancelled == []


def test_fewer_occurrences_cancel_the_ones_left_over(store: Any, flexible: Plan) -> None:
    before = _plan(store, flexible, [2, 9, 16, 23])
    after = _plan(store, flexible, [3, 10])
    assert [s.uid for s in after.assigned] == [s.uid for s in before.assigned[:2]]
    assert sorted(s.uid for s in after.cancelled) == sorted(s.uid for s in before.assigned[2:])
    # Cancelled ones are said again next time (a calendar may have missed the last file)...
    again = _plan(store, flexible, [3, 10])
    assert sorted(s.uid for s in again.cancelled) == sorted(s.uid for s in after.cancelled)
    assert {s.sequence for s in again.cancelled} == {1}
    # ...until their day has passed; then they are forgotten.
    later = datetime(2026, 3, 25, 12, tzinfo=UTC)
    past = _plan(store, flexible, [31], now=later)
    assert past.cancelled == []
    assert sorted(past.forget) == sorted(s.slot for s in before.assigned)
    assert store.slots.count() == 1


def test_deleting_a_plan_takes_its_slots(store: Any, flexible: Plan) -> None:
    _plan(store, flexible, [2])
    store.plans.delete(flexible.id)
    assert store.slots.count() == 0


def test_an_undone_plan_delete_gets_its_slots_back(store: Any, flexible: Plan) -> None:
    made = _plan(store, flexible, [2, 9])
    records = store.slots.records([flexible.id])
    store.plans.delete(flexible.id)
    flexible.id = None
    again = store.plans.add(flexible)
    store.slots.put_back(records, again.id)
    back = _plan(store, again, [2, 9])
    assert back.assigned == made.assigned


def test_an_undone_person_delete_keeps_their_calendar_uids(store: Any, flexible: Plan) -> None:
    made = _plan(store, flexible, [2])
    bundle = store.people.bundle(flexible.person_id)
    assert len(bundle.slots) == 1
    store.people.delete(flexible.person_id)
    assert store.slots.count() == 0
    store.people.restore(bundle)
    (plan,) = store.plans.list_all()
    assert _plan(store, plan, [2]).assigned == made.assigned


def test_slot_times_are_stored_in_utc(store: Any, flexible: Plan) -> None:
    (slot,) = _plan(store, flexible, [2]).assigned
    (stored,) = store.slots.records([flexible.id])
    assert stored.updated_at == slot.modified == NOW
    assert stored.updated_at.tzinfo is UTC
