"""What SQLite adds up for Insights equals what the pure functions of supportnet.insights
give: random check-ins in a real store, around clock changes and week bounds, in several
zones, with supporters' rota check-ins and a person deleted."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from supportnet.data import insight_reads, reads
from supportnet.data.store import Store
from supportnet.demo.loader import load_demo
from supportnet.insights.connection import Split, connection_over_time, week_bounds, week_of
from supportnet.insights.coverage import RECENT_DAYS, support_coverage
from supportnet.insights.lift import mood_lifts
from supportnet.insights.overview import Insights
from supportnet.insights.rhythm import rhythm_strips
from supportnet.model.checkins import CheckIn, Initiator
from supportnet.model.network import Circle, Person
from supportnet.model.targets import GROUP, PERSON, TargetKey, target_key_of
from supportnet.services.registry import Services

ZONES = ("Europe/London", "America/New_York", "Australia/Sydney", "Asia/Kolkata", "UTC")
#: Clock changes in those zones in 2026, in UTC, and "now"s around them.
CHANGES = (
    datetime(2026, 3, 8, 7, tzinfo=UTC),
    datetime(2026, 3, 29, 1, tzinfo=UTC),
    datetime(2026, 4, 4, 16, tzinfo=UTC),
    datetime(2026, 10, 3, 16, tzinfo=UTC),
    datetime(2026, 10, 25, 1, tzinfo=UTC),
    datetime(2026, 11, 1, 6, tzinfo=UTC),
)
NOW = datetime(2026, 11, 25, 17, 30, tzinfo=UTC)


def expected(store: Store, now: datetime, weeks: int) -> Insights:
    """The charts' numbers by the pure functions, from every check-in read in full."""
    zone = ZoneInfo(store.settings.load().timezone or "UTC")
    today = now.astimezone(zone).date()
    span_start = week_bounds(today, weeks, zone)[0]
    everyone = reads.everyone(store.db, channels=False)
    circles: dict[TargetKey, Circle] = {}
    names: dict[TargetKey, str] = {}
    for kind, tid, name, nickname, circle, _channel in everyone:
        circles[kind, tid] = circle
        names[kind, tid] = nickname or name
    every = reads.checkins(store.db)
    span = [c for c in every if c.at >= span_start]
    month_ago = now - timedelta(days=RECENT_DAYS)
    lately: dict[TargetKey, datetime] = {}
    contacts: dict[TargetKey, list[datetime]] = {}
    for checkin in sorted(every, key=lambda c: c.at):
        key = target_key_of(checkin.person_id, checkin.group_id)
        if checkin.by is None and key is not None:
            if checkin.at >= month_ago:
                lately[key] = checkin.at
            if checkin.at >= span_start:
                contacts.setdefault(key, []).append(checkin.at)
    support = insight_reads.support_by_target(store.db)
    plans = reads.plans(store.db, kind="flexible", paused=False)
    planned = {key for plan in plans if (key := target_key_of(plan.person_id, plan.group_id))}
    by_circle, by_who = (
        connection_over_time(span, circles, zone=zone, today=today, weeks=weeks, split=split)
        for split in Split
    )
    return Insights(
        weeks=weeks,
        now=now,
        by_circle=by_circle,
        by_who=by_who,
        coverage=support_coverage(support, lately, now=now),
        lifts=mood_lifts(span, names),
        rhythms=rhythm_strips(
            plans,
            {key: times for key, times in contacts.items() if key in planned},
            names,
            since=span_start,
        ),
    )


#: The example network's own check-ins, by store.
DEMO_UIDS: dict[int, set[str]] = {}


@pytest.fixture
def demo(store: Store) -> Store:
    load_demo(store, date(2026, 11, 25), "Europe/London")
    DEMO_UIDS[id(store)] = {checkin.uid for checkin in reads.checkins(store.db)}
    return store


def _moments(zone: str, now: datetime) -> st.SearchStrategy[datetime]:
    """Times anywhere in the 14 months up to a few days after ``now``, and right by clock
    changes and by local Mondays' midnights (where weeks start), to the microsecond."""
    local = ZoneInfo(zone)
    anywhere = st.integers(-3 * 86_400, 430 * 86_400).map(lambda s: now - timedelta(seconds=s))
    near_change = st.tuples(st.sampled_from(CHANGES), st.integers(-3 * 86_400, 3 * 86_400)).map(
        lambda pair: pair[0] + timedelta(seconds=pair[1])
    )
    today = now.astimezone(local).date()
    monday = st.tuples(st.integers(-1, 60), st.sampled_from((-1, 0, 0, 1))).map(
        lambda pair: (
            datetime.combine(
                week_of(today) - timedelta(weeks=pair[0]), datetime.min.time(), local
            ).astimezone(UTC)
            + timedelta(microseconds=pair[1])
        )
    )
    return st.one_of(anywhere, near_change, monday)


@st.composite
def scenarios(draw: st.DrawFn) -> tuple[str, datetime, int, list[dict[str, object]], bool]:
    zone = draw(st.sampled_from(ZONES))
    now = draw(st.one_of(st.just(NOW), st.sampled_from(CHANGES)))
    weeks = draw(st.sampled_from((1, 2, 26, 52)))
    mood = st.one_of(st.none(), st.integers(1, 5))
    rows = draw(
        st.lists(
            st.fixed_dictionaries(
                {
                    "at": _moments(zone, now),
                    "target": st.integers(0, 10_000),
                    "initiator": st.sampled_from(list(Initiator)),
                    "mood_before": mood,
                    "mood_after": mood,
                    "by": st.sampled_from((None, None, None, "supporter-uid")),
                }
            ),
            max_size=60,
        )
    )
    return zone, now, weeks, rows, draw(st.booleans())


def _add(store: Store, rows: Sequence[dict[str, object]], targets: list[TargetKey]) -> None:
    checkins = []
    for row in rows:
        kind, tid = targets[int(str(row["target"])) % len(targets)]
        by = row["by"]
        checkins.append(
            CheckIn(
                at=row["at"],  # type: ignore[arg-type]
                person_id=tid if kind == PERSON else None,
                group_id=tid if kind == GROUP else None,
                initiator=row["initiator"],  # type: ignore[arg-type]
                mood_before=row["mood_before"],  # type: ignore[arg-type]
                mood_after=row["mood_after"],  # type: ignore[arg-type]
                by=by if by is None else str(by),
                rota_slot=None if by is None else "slot-uid",
            )
        )
    store.checkins.add_many(checkins)


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(scenario=scenarios())
def test_the_store_adds_up_what_the_pure_functions_do(
    demo: Store, scenario: tuple[str, datetime, int, list[dict[str, object]], bool]
) -> None:
    zone, now, weeks, rows, delete_one = scenario
    services = Services.of(demo)
    services.settings.update(timezone=zone)
    leaving = demo.people.add(Person("Leaving soon"))
    assert leaving.id is not None
    targets = [*sorted(reads_targets(demo)), (PERSON, leaving.id)]
    _add(demo, rows, targets)
    if delete_one:
        demo.people.delete(leaving.id)
    try:
        assert services.insights().gather(now, weeks) == expected(demo, now, weeks)
    finally:
        # Back to the example network's own history for the next example.
        for checkin in reads.checkins(demo.db):
            if checkin.uid not in DEMO_UIDS[id(demo)] and checkin.id is not None:
                demo.checkins.delete(checkin.id)
        if not delete_one:
            demo.people.delete(leaving.id)


def reads_targets(store: Store) -> list[TargetKey]:
    return [(kind, tid) for kind, tid, *_rest in reads.everyone(store.db, channels=False)]


def test_the_check_ins_are_added_up_from_indexes_alone(
    demo: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every read of the check-ins searches an index; those over a span of time find all
    they add up in the index on the time (no row visited)."""
    db = demo.db
    real = db.execute
    plans: list[list[str]] = []

    def explained(sql: str, params: tuple[object, ...] = ()) -> object:
        if "FROM checkins" in sql:
            plans.append([str(row[-1]) for row in real(f"EXPLAIN QUERY PLAN {sql}", params)])
        return real(sql, params)

    monkeypatch.setattr(db, "execute", explained)
    Services.of(demo).insights().gather(NOW)
    monkeypatch.undo()
    searches = [step for plan in plans for step in plan if "checkins" in step or " c " in step]
    assert len(plans) >= 4
    assert all(step.startswith("SEARCH") for step in searches), searches
    over_time = [step for step in searches if "(at>" in step]
    assert len(over_time) >= 3
    assert all("COVERING INDEX ix_checkins_at_covering" in step for step in over_time)
