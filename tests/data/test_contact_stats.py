"""Contact stats from the store agree with a plain Python reading of every check-in."""

from __future__ import annotations

import itertools
import random
import statistics
from collections import defaultdict
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from supportnet.data.store import Store
from supportnet.model.checkins import CheckIn, Initiator
from supportnet.model.network import Group, Person
from supportnet.scheduling.rhythm import RECENT_CHECKINS, ContactStats, contact_stats

T0 = datetime(2026, 11, 25, 9, 30, tzinfo=UTC)


def _reference(times: list[datetime]) -> ContactStats:
    """Written out longhand, independent of supportnet.scheduling.rhythm."""
    ordered = sorted(times)
    seconds = [round(t.timestamp()) for t in ordered[-RECENT_CHECKINS:]]
    gaps = [b - a for a, b in itertools.pairwise(seconds) if b - a >= 12 * 3600]
    return ContactStats(
        count=len(times),
        last_contact=ordered[-1],
        typical_interval_days=statistics.median(gaps) / 86400 if len(gaps) >= 2 else None,
    )


def _same(got: ContactStats, want: ContactStats) -> None:
    assert got.count == want.count
    assert got.last_contact == want.last_contact
    assert got.last_contact is not None
    assert got.last_contact.tzinfo is UTC
    if want.typical_interval_days is None:
        assert got.typical_interval_days is None
    else:
        assert got.typical_interval_days == pytest.approx(want.typical_interval_days, abs=1e-9)


def test_no_check_ins_no_stats(store: Store) -> None:
    store.people.add(Person(name="Ada"))
    store.groups.add(Group(name="Choir"))
    assert store.checkins.contact_stats_by_person() == {}
    assert store.checkins.contact_stats_by_group() == {}


def test_hand_built_stats(store: Store) -> None:
    ada = store.people.add(Person(name="Ada")).id
    bo = store.people.add(Person(name="Bo")).id
    choir = store.groups.add(Group(name="Choir")).id
    assert ada is not None
    assert bo is not None
    assert choir is not None
    berlin = ZoneInfo("Europe/Berlin")
    weekly_evenings = [
        datetime(2026, 10, d, h, m, 5, 123456, tzinfo=berlin)
        for d, h, m in ((1, 19, 0), (1, 21, 30), (8, 20, 0), (15, 19, 45), (22, 20, 15))
    ]
    store.checkins.add_many(
        [CheckIn(at=t, person_id=ada) for t in weekly_evenings]
        + [CheckIn(at=T0, person_id=bo, initiator=Initiator.THEM)]
        + [CheckIn(at=T0 - timedelta(days=d), group_id=choir) for d in (0, 14, 28)]
    )
    by_person = store.checkins.contact_stats_by_person()
    assert set(by_person) == {ada, bo}
    assert by_person[ada].count == 5
    assert by_person[ada].last_contact == weekly_evenings[-1], "exact to the microsecond"
    # The two check-ins on the 1st are one contact; the gaps after it are about a week.
    assert by_person[ada].typical_interval_days == pytest.approx(
        statistics.median(
            [(b - a).total_seconds() for a, b in itertools.pairwise(weekly_evenings[1:])]
        )
        / 86400
    )
    assert by_person[bo] == ContactStats(1, T0, None), "whoever reached out, it counts"
    assert store.checkins.contact_stats_by_group() == {choir: ContactStats(3, T0, 14.0)}
    # The older query agrees on the last contact.
    last = store.checkins.last_contact_by_person()
    assert last == {ada: weekly_evenings[-1].astimezone(UTC), bo: T0}
    assert store.checkins.last_contact_by_group() == {choir: T0}


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_stats_match_a_python_reference_on_random_history(store: Store, seed: int) -> None:
    rng = random.Random(seed)
    people = [store.people.add(Person(name=f"P{i}")).id for i in range(28)]
    groups = [store.groups.add(Group(name=f"G{i}")).id for i in range(4)]
    checkins: list[CheckIn] = []
    for _ in range(700):
        # Clustered times: some same-minute duplicates, some within twelve hours.
        at = T0 - timedelta(
            days=rng.choice([rng.randint(0, 400), rng.randint(0, 10)]),
            hours=rng.choice([0, rng.randint(0, 23)]),
            minutes=rng.choice([0, rng.randint(0, 59)]),
            seconds=rng.choice([0, rng.randint(0, 59)]),
        )
        if rng.random() < 0.85:
            checkins.append(CheckIn(at=at, person_id=rng.choice(people[:20])))
        else:
            checkins.append(CheckIn(at=at, group_id=rng.choice(groups)))
    # Too little history for a rhythm: one check-in, two, and three in one afternoon.
    # (people[23:] are never contacted.)
    offsets: tuple[list[float], ...] = ([0], [0, 9], [0, 0.1, 0.2])
    for pid, days in zip(people[20:23], offsets, strict=True):
        checkins += [CheckIn(at=T0 - timedelta(days=d), person_id=pid) for d in days]
    store.checkins.add_many(checkins)

    times: dict[tuple[str, int | None], list[datetime]] = defaultdict(list)
    for c in checkins:
        key = ("person", c.person_id) if c.person_id is not None else ("group", c.group_id)
        times[key].append(c.at)

    by_person = store.checkins.contact_stats_by_person()
    by_group = store.checkins.contact_stats_by_group()
    assert set(by_person) == {i for kind, i in times if kind == "person"}
    assert set(by_group) == {i for kind, i in times if kind == "group"}
    rhythms = [s.typical_interval_days for s in by_person.values()]
    assert None in rhythms
    assert any(r is not None for r in rhythms)
    for (kind, target), ts in times.items():
        assert target is not None
        got = (by_person if kind == "person" else by_group)[target]
        _same(got, _reference(ts))
        _same(got, contact_stats(ts))


def test_the_rhythm_follows_recent_history(store: Store) -> None:
    ada = store.people.add(Person(name="Ada")).id
    old_daily = [T0 - timedelta(days=400 + d) for d in range(50)]
    recent_monthly = [T0 - timedelta(days=30 * k) for k in range(RECENT_CHECKINS)]
    store.checkins.add_many([CheckIn(at=t, person_id=ada) for t in old_daily + recent_monthly])
    stats = store.checkins.contact_stats_by_person()[ada]  # type: ignore[index]
    assert stats.count == 50 + RECENT_CHECKINS
    assert stats.typical_interval_days == 30.0
