"""The Insights numbers read from a real store: the example network's history, a care
team's check-ins left out, and the same figures the pure functions give."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from supportnet.data import reads
from supportnet.data.store import Store
from supportnet.demo.loader import load_demo
from supportnet.insights import words
from supportnet.insights.overview import ChartKind
from supportnet.model.checkins import CheckIn
from supportnet.services.registry import Services

NOW = datetime(2026, 11, 25, 17, 30, tzinfo=UTC)


@pytest.fixture
def demo(store: Store) -> Store:
    load_demo(store, date(2026, 11, 25), "Europe/London")
    return store


def test_the_example_network_makes_every_chart_meaningful(demo: Store) -> None:
    insights = Services.of(demo).insights().gather(NOW)
    assert insights.weeks == 26
    assert len(insights.by_circle.weeks) == 26
    assert insights.by_circle.total == insights.by_who.total > 100
    assert all(week > 0 for week in insights.by_circle.totals)
    assert insights.coverage.supporters > 0
    assert all(row.givers > 0 for row in insights.coverage.kinds)
    assert len(insights.lifts.shown) >= 3
    assert any(words.lift_words(lift).startswith("often leaves") for lift in insights.lifts.shown)
    assert len(insights.rhythms) >= 3
    assert all(strip.typical is not None for strip in insights.rhythms)
    for _title, sentence in insights.summaries():
        assert sentence != words.NOT_ENOUGH


def test_the_span_counts_every_own_check_in_once(demo: Store) -> None:
    insights = Services.of(demo).insights().gather(NOW, weeks=52)
    # The whole example history (six months) is inside a year: every own check-in counts.
    own = [c for c in reads.checkins(demo.db) if c.by is None]
    assert insights.by_who.total == len(own)


def test_a_supporters_check_in_is_not_the_users_own(demo: Store) -> None:
    service = Services.of(demo).insights()
    before = service.gather(NOW).by_who.total
    person = demo.people.list_all()[0]
    assert person.id is not None
    at = NOW - timedelta(hours=1)
    demo.checkins.add(CheckIn(at=at, person_id=person.id, by="supporter", rota_slot="slot"))
    assert service.gather(NOW).by_who.total == before
    demo.checkins.add(CheckIn(at=at, person_id=person.id))
    assert service.gather(NOW).by_who.total == before + 1


def test_an_empty_store_says_there_is_not_enough_yet(store: Store, tmp_path: Path) -> None:
    insights = Services.of(store).insights().gather(NOW)
    assert insights.by_circle.total == 0
    assert insights.lifts.shown == ()
    assert insights.rhythms == ()
    assert insights.summary(ChartKind.CONNECTION) == words.NOT_ENOUGH
    assert insights.summary(ChartKind.LIFT).startswith(words.NOT_ENOUGH)
    assert insights.summary(ChartKind.RHYTHM) != words.NOT_ENOUGH  # no flexible plan yet
    for kind in ChartKind:
        table = insights.table(kind)
        assert all(len(row) == len(table.header) for row in table.rows)


def test_coverage_looks_at_the_last_month_whatever_the_span(demo: Store) -> None:
    service = Services.of(demo).insights()
    # One week is shorter than the month coverage looks at: that is read on its own.
    assert service.gather(NOW, weeks=1).coverage == service.gather(NOW, weeks=26).coverage
    assert service.gather(NOW, weeks=1).coverage.in_touch > 0


@pytest.mark.parametrize("weeks", [26, 52])
def test_the_first_charts_numbers_alone_are_the_same_as_all_of_them(
    demo: Store, weeks: int
) -> None:
    """The page reads the weeks' counts first, draws that chart, then the rest: the
    numbers are the same as reading everything at once, and are used as given."""
    service = Services.of(demo).insights()
    whole = service.gather(NOW, weeks)
    by_circle, by_who = service.connection(NOW, weeks)
    assert (by_circle, by_who) == (whole.by_circle, whole.by_who)
    rest = service.gather(NOW, weeks, connection=(by_circle, by_who))
    assert rest.by_circle is by_circle
    assert rest.by_who is by_who
    assert rest == whole
