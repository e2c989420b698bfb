"""Support coverage and who lifts the mood: counts, the in-touch window, the 3-check-in rule."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from supportnet.insights.coverage import support_coverage, support_of
from supportnet.insights.lift import MIN_MOOD_PAIRS, mood_lifts
from supportnet.model.checkins import CheckIn
from supportnet.model.network import Group, Person, SupportType
from supportnet.model.targets import GROUP, PERSON

NOW = datetime(2026, 12, 3, 12, tzinfo=UTC)


def _person(pid: int, *kinds: SupportType) -> Person:
    return Person(name=f"P{pid}", id=pid, support_types=set(kinds))


def test_coverage_counts_givers_and_who_was_in_touch_this_month() -> None:
    people = [
        _person(1, SupportType.EMOTIONAL, SupportType.CRISIS),
        _person(2, SupportType.EMOTIONAL),
        _person(3),  # gives nothing marked: not a supporter in this chart
    ]
    groups = [Group(name="Walkers", id=1, support_types={SupportType.COMPANIONSHIP})]
    last = {
        (PERSON, 1): NOW - timedelta(days=3),
        (PERSON, 2): NOW - timedelta(days=45),
        (PERSON, 3): NOW - timedelta(days=1),
        (GROUP, 1): NOW - timedelta(days=30),
    }
    coverage = support_coverage(support_of(people, groups), last, now=NOW)
    rows = {row.support: row for row in coverage.kinds}
    assert list(rows) == list(SupportType)
    assert (rows[SupportType.EMOTIONAL].givers, rows[SupportType.EMOTIONAL].in_touch) == (2, 1)
    assert rows[SupportType.EMOTIONAL].not_lately == 1
    assert (rows[SupportType.CRISIS].givers, rows[SupportType.CRISIS].in_touch) == (1, 1)
    assert (rows[SupportType.COMPANIONSHIP].givers, rows[SupportType.COMPANIONSHIP].in_touch) == (
        1,
        1,
    )
    assert rows[SupportType.PRACTICAL].givers == 0
    assert (coverage.supporters, coverage.in_touch) == (3, 2)


def _mood(pid: int, before: int | None, after: int | None, **kwargs: object) -> CheckIn:
    return CheckIn(at=NOW, person_id=pid, mood_before=before, mood_after=after, **kwargs)  # type: ignore[arg-type]


def test_someone_shows_only_with_three_check_ins_that_have_both_moods() -> None:
    names = {(PERSON, 1): "Tom", (PERSON, 2): "Lucía", (PERSON, 3): "Gone"}
    checkins = [
        _mood(1, 2, 4),
        _mood(1, 3, 4),
        _mood(1, 2, 3),
        _mood(2, 2, 3),
        _mood(2, 3, 3),
        _mood(2, None, 5),  # one mood alone doesn't count
        _mood(2, 2, None),
        CheckIn(at=NOW, person_id=2, mood_before=1, mood_after=5, by="s", rota_slot="r"),
        _mood(4, 1, 5),
        _mood(4, 1, 5),
        _mood(4, 1, 5),  # not in the network any more
    ]
    lifts = mood_lifts(checkins, names)
    assert [(lift.name, lift.pairs) for lift in lifts.shown] == [("Tom", 3)]
    assert abs(lifts.shown[0].change - 4 / 3) < 1e-9
    assert lifts.too_few == 1
    assert lifts.pairs == 3


def test_the_shown_are_in_name_order_never_ranked() -> None:
    names = {(PERSON, 1): "zoe", (PERSON, 2): "Adam"}
    checkins = [_mood(1, 1, 5)] * 3 + [_mood(2, 4, 2)] * 3
    assert [lift.name for lift in mood_lifts(checkins, names).shown] == ["Adam", "zoe"]


def test_an_empty_history_shows_nobody() -> None:
    lifts = mood_lifts([], {(PERSON, 1): "Tom"})
    assert lifts.shown == ()
    assert lifts.too_few == 0


@given(
    st.lists(
        st.tuples(
            st.integers(min_value=1, max_value=3),
            st.integers(min_value=1, max_value=5),
            st.integers(min_value=1, max_value=5),
        ),
        max_size=40,
    )
)
def test_averages_are_the_mean_of_the_changes(moods: list[tuple[int, int, int]]) -> None:
    names = {(PERSON, pid): f"P{pid}" for pid in (1, 2, 3)}
    lifts = mood_lifts([_mood(pid, b, a) for pid, b, a in moods], names)
    for lift in lifts.shown:
        changes = [a - b for pid, b, a in moods if (PERSON, pid) == lift.target]
        assert lift.pairs == len(changes) >= MIN_MOOD_PAIRS
        assert abs(lift.change - sum(changes) / len(changes)) < 1e-9
        assert -4 <= lift.change <= 4
    counted = {pid for pid, _b, _a in moods}
    assert len(lifts.shown) + lifts.too_few == len(counted)
