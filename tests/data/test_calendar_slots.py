"""Calendar uids of flexible occurrences: made once, kept, re-sequenced, restored on undo."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from typing import Any

import pytest

from supportnet.network import Person
from supportnet.plans import Cadence, Plan, PlanKind


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


def _rows(store: Any) -> list[tuple[Any, ...]]:
    return store.db.execute(
        "SELECT plan_id, slot, uid, sequence, timing, updated_at FROM plan_slots "
        "ORDER BY plan_id, slot"
    )


def test_a_slot_gets_a_uid_once_and_keeps_it(store: Any, flexible: Plan) -> None:
    wanted = [(flexible.id, 0, "a"), (flexible.id, 1, "b")]
    first = store.slots.resolve(wanted)
    rows = _rows(store)
    second = store.slots.resolve(wanted)
    assert first == second
    assert _rows(store) == rows  # nothing written when nothing changed
    uids = [first[(flexible.id, n)].uid for n in (0, 1)]
    assert len(set(uids)) == 2
    assert all(len(uid) == 36 and not uid.isdigit() for uid in uids)
    assert {s.sequence for s in first.values()} == {0}


def test_a_slot_whose_timing_changed_is_resequenced(store: Any, flexible: Plan) -> None:
    before = store.slots.resolve([(flexible.id, 0, "a"), (flexible.id, 1, "b")])
    after = store.slots.resolve([(flexible.id, 0, "a-moved"), (flexible.id, 1, "b")])
    moved, kept = after[(flexible.id, 0)], after[(flexible.id, 1)]
    assert moved.uid == before[(flexible.id, 0)].uid
    assert moved.sequence == 1
    assert moved.modified >= before[(flexible.id, 0)].modified
    assert kept == before[(flexible.id, 1)]
    again = store.slots.resolve([(flexible.id, 0, "a-moved-again")])
    assert again[(flexible.id, 0)].sequence == 2


def test_deleting_a_plan_takes_its_slots(store: Any, flexible: Plan) -> None:
    store.slots.resolve([(flexible.id, 0, "a")])
    store.plans.delete(flexible.id)
    assert store.slots.count() == 0


def test_an_undone_plan_delete_gets_its_slots_back(store: Any, flexible: Plan) -> None:
    made = store.slots.resolve([(flexible.id, 0, "a"), (flexible.id, 1, "b")])
    records = store.slots.records([flexible.id])
    store.plans.delete(flexible.id)
    flexible.id = None
    again = store.plans.add(flexible)
    store.slots.put_back(records, again.id)
    back = store.slots.resolve([(again.id, 0, "a"), (again.id, 1, "b")])
    assert [back[(again.id, n)].uid for n in (0, 1)] == [
        made[(records[0].plan_id, n)].uid for n in (0, 1)
    ]


def test_an_undone_person_delete_keeps_their_calendar_uids(store: Any, flexible: Plan) -> None:
    made = store.slots.resolve([(flexible.id, 0, "a")])
    person_id = flexible.person_id
    bundle = store.people.bundle(person_id)
    assert len(bundle.slots) == 1
    store.people.delete(person_id)
    assert store.slots.count() == 0
    store.people.restore(bundle)
    (plan,) = store.plans.list_all()
    assert store.slots.resolve([(plan.id, 0, "a")]) == made


def test_slot_times_are_stored_in_utc(store: Any, flexible: Plan) -> None:
    (slot,) = store.slots.resolve([(flexible.id, 0, "a")]).values()
    assert slot.modified.tzinfo is UTC
    assert abs(slot.modified - datetime.now(UTC)).total_seconds() < 60
