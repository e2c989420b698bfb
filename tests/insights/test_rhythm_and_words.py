"""Flexible plans' rhythm as it has been, and the words: plain, inviting, never a score."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from supportnet.insights import words
from supportnet.insights.connection import Split, connection_over_time
from supportnet.insights.coverage import support_coverage, support_of
from supportnet.insights.lift import mood_lifts
from supportnet.insights.rhythm import RhythmStrip, contact_gaps, rhythm_strips
from supportnet.model.checkins import CheckIn, Initiator
from supportnet.model.network import Circle
from supportnet.model.plans import Cadence, Plan, PlanKind
from supportnet.model.targets import PERSON
from tests.voice_rules import flagged

NOW = datetime(2026, 12, 3, 12, tzinfo=UTC)
DAY = timedelta(days=1)


def test_gaps_join_a_text_and_a_call_the_same_evening() -> None:
    times = [NOW - 20 * DAY, NOW - 10 * DAY, NOW - 10 * DAY + timedelta(hours=3), NOW]
    # The call three hours after the text is the same contact: the next gap runs from it.
    assert contact_gaps(times, NOW - 30 * DAY) == (10.0, 10.0)
    assert contact_gaps(times, NOW - 15 * DAY) == (10.0,)


def test_a_strip_for_each_flexible_plan_that_is_not_resting() -> None:
    flexible = Plan(
        PlanKind.FLEXIBLE, date(2026, 1, 1), person_id=1, cadence=Cadence(10, 21), uid="a"
    )
    paused = Plan(
        PlanKind.FLEXIBLE, date(2026, 1, 1), person_id=2, cadence=Cadence(7, 14), paused=True
    )
    fixed = Plan(PlanKind.ONE_OFF, date(2026, 1, 1), person_id=1)
    contacts = {(PERSON, 1): [NOW - 30 * DAY, NOW - 19 * DAY, NOW - 9 * DAY, NOW]}
    names = {(PERSON, 1): "Tom", (PERSON, 2): "Lucía"}
    strips = rhythm_strips([fixed, paused, flexible], contacts, names, since=NOW - 180 * DAY)
    assert [(s.name, s.ideal_days, s.gaps) for s in strips] == [("Tom", 10, (11.0, 10.0, 9.0))]
    assert strips[0].typical == 10.0


@pytest.mark.parametrize(
    ("gaps", "expected"),
    [
        ((11.0, 10.0, 9.0), "About every 10 days, as you planned."),
        ((21.0, 20.0, 22.0), "Lately about every 3 weeks; your plan says about every 10 days."),
        ((4.0, 5.0, 5.0), "Lately about every 5 days; your plan says about every 10 days."),
        ((12.0,), "Not enough check-ins yet to see a pattern. Your plan says about every 10 days."),
    ],
)
def test_a_rhythm_is_said_beside_the_plan_never_as_late(
    gaps: tuple[float, ...], expected: str
) -> None:
    strip = RhythmStrip("uid", (PERSON, 1), "Tom", 10, gaps)
    assert words.rhythm_words(strip) == expected


def test_connection_summaries() -> None:
    zone = ZoneInfo("Europe/London")
    circles = {(PERSON, 1): Circle.INNER, (PERSON, 2): Circle.OUTER}
    checkins = [CheckIn(at=NOW - k * 7 * DAY, person_id=1) for k in range(5)]
    checkins += [CheckIn(at=NOW - DAY, person_id=2, initiator=Initiator.THEM)]
    today = date(2026, 12, 3)
    by_circle = connection_over_time(checkins, circles, zone=zone, today=today, weeks=26)
    assert words.connection_summary(by_circle) == (
        "You were in touch 6 times in the last 6 months, most often with your inner circle. "
        "More lately than before."
    )
    by_who = connection_over_time(
        checkins, circles, zone=zone, today=today, weeks=52, split=Split.WHO
    )
    assert words.connection_summary(by_who) == (
        "You were in touch 6 times in the last 12 months: you reached out 5 times, and "
        "others reached out to you once. More lately than before."
    )
    few = connection_over_time(checkins[:2], circles, zone=zone, today=today, weeks=26)
    assert words.connection_summary(few) == words.NOT_ENOUGH


def test_a_quieter_spell_is_not_remarked_on() -> None:
    zone = ZoneInfo("Europe/London")
    circles = {(PERSON, 1): Circle.INNER}
    checkins = [CheckIn(at=NOW - (100 + k) * DAY, person_id=1) for k in range(6)]
    chart = connection_over_time(checkins, circles, zone=zone, today=date(2026, 12, 3), weeks=26)
    assert words.connection_summary(chart) == (
        "You were in touch 6 times in the last 6 months, most often with your inner circle."
    )


def test_coverage_and_lift_summaries() -> None:
    from supportnet.model.network import Person, SupportType

    people = [
        Person(name="Tom", id=1, support_types={SupportType.EMOTIONAL}),
        Person(name="Ana", id=2, support_types={SupportType.CRISIS}),
    ]
    coverage = support_coverage(support_of(people), {(PERSON, 1): NOW - DAY}, now=NOW)
    assert words.coverage_summary(coverage) == (
        "In the last month you were in touch with 1 of the 2 people and groups who support you."
    )
    assert "Nobody is marked" in words.coverage_summary(support_coverage({}, {}, now=NOW))

    names = {(PERSON, 1): "Tom", (PERSON, 2): "Ana"}
    up = [CheckIn(at=NOW, person_id=1, mood_before=2, mood_after=4)] * 3
    level = [CheckIn(at=NOW, person_id=2, mood_before=3, mood_after=3)] * 3
    assert words.lift_summary(mood_lifts(up + level, names)) == (
        "Tom often leaves you feeling better. From 6 check-ins with a mood before and after. "
        "Someone shows here once 3 check-ins with them have a mood before and after."
    )
    assert words.lift_summary(mood_lifts([], names)).startswith(words.NOT_ENOUGH)


def test_no_summary_or_label_stings() -> None:
    texts = [
        words.NOT_ENOUGH,
        words.RHYTHM_ABOUT,
        words.rhythm_summary(()),
        *(
            words.lift_words(lift)
            for lift in mood_lifts(
                [
                    CheckIn(at=NOW, person_id=1, mood_before=b, mood_after=a)
                    for b, a in [(5, 1)] * 3
                ],
                {(PERSON, 1): "Tom"},
            ).shown
        ),
        words.rhythm_words(RhythmStrip("u", (PERSON, 1), "Tom", 7, (30.0, 31.0))),
    ]
    for text in texts:
        assert not flagged(text), text


def test_tables_hold_the_charts_numbers() -> None:
    from supportnet.insights import tables

    zone = ZoneInfo("Europe/London")
    circles = {(PERSON, 1): Circle.INNER}
    checkins = [CheckIn(at=NOW - k * DAY, person_id=1) for k in range(5)]  # Sun 29 Nov on
    chart = connection_over_time(checkins, circles, zone=zone, today=date(2026, 12, 3), weeks=2)
    table = tables.connection_table(chart)
    assert table.header == ("Week of", "Inner circle", "Middle circle", "Outer circle", "All")
    assert table.rows == (
        ("Mon 23 Nov 2026", "1", "0", "0", "1"),
        ("Mon 30 Nov 2026", "4", "0", "0", "4"),
    )
    strip = RhythmStrip("u", (PERSON, 1), "Tom", 10, (11.0, 9.0))
    assert tables.rhythm_table([strip]).rows == (
        ("Tom", "about every 10 days", "About every 10 days, as you planned.", "11, 9"),
    )
    for table in (tables.coverage_table(support_coverage({}, {}, now=NOW)),):
        assert all(len(row) == len(table.header) for row in table.rows)
