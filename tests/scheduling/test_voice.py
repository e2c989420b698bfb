"""The voice rules (docs/voice.md, tests/voice_rules.py) over the wording functions, Qt-free.

Today's reasons, the network's gap notes, the rota's words and rhythms, across many
dates, rhythms and networks; and the lines the rules were written against (main at
7cbdd3c) are each caught, so the check is known to bite.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from supportnet.model.days import rhythm
from supportnet.model.network import ChannelKind, Circle, Group, GroupKind, Person, SupportType
from supportnet.model.privacy import Privacy
from supportnet.model.settings import reminder_explanation
from supportnet.scheduling import suggestions
from supportnet.scheduling.gaps import find_gaps
from supportnet.scheduling.model import Postponement
from supportnet.scheduling.reaching_out import reminder_text
from supportnet.scheduling.rhythm import ContactStats
from supportnet.scheduling.rota import Coverage, Gap
from supportnet.scheduling.rota_words import (
    ahead_text,
    checkin_text,
    coverage_text,
    done_text,
    more_text,
)
from tests.scheduling.test_schedule_props import TARGETS, ZONES, any_plans
from tests.voice_rules import PENDING, flagged, pending

#: The lines issue 13 found, as main said them at 7cbdd3c.
OLD_LINES = (
    "It's been about 3 months — you usually talk every 21 days.",
    "You usually check in every week — today could be a good day for a hello.",
    "Lunch walk with Tom was at 12:30 today. You could still get in touch if it feels right.",
    "Sunday call was planned for Sunday. You could still get in touch if it feels right.",
    "Nobody is down for emotional support yet — is there someone who listens well?",
    "Nobody is down for practical help yet — is there someone who could be?",
    "Only Tom gives emotional support right now — could someone else share it?",
    "So close that life without them is hard to imagine",
    "Your inner circle is empty for now. Is there one person you feel closest to?",
    "It feels like too &long after",
    "Done…",
    "Done with Tom",
    "Catch up with Lucía · Phone call · about every 21 days",
    "Around every 14 days",
    "Time to reach out to Sam",
    "“tomorrow” is in the future; a check-in is something that happened.",
    "Too long after, in days",
    "3 check-ins overdue",
    "You missed 2 days!",
    "Keep your streak going",
    "You should call Mum.",
    "You forgot to call Sam.",
    "Your score this week: 3",
)

NOW = datetime(2026, 11, 25, 17, 30, tzinfo=UTC)


def _calm(text: str) -> None:
    if pending(text) is None:
        assert not flagged(text), f"{text!r}: {[r.why for r in flagged(text)]}"


@pytest.mark.parametrize("line", OLD_LINES)
def test_the_old_lines_are_caught(line: str) -> None:
    assert flagged(line), line


@pytest.mark.parametrize(
    "line",
    [
        "A while since you and Lucía talked. A short hello is plenty.",
        "No need to reply, just wanted to say hi.",
        "You don't have to manage this alone. Choose whatever feels easiest right now.",
        "If you need to talk to someone now, call 116 123.",
        "Later is fine too.",
        "Nudge me gently after",
        "about every 3 weeks",
        "Nobody planned yet",
        "Done — Rosie checked in",
        "We were in touch…",
        "Done",
        "Forgot your passphrase? Use your &recovery key…",
        "When you're in touch, it can be noted here. There's no score and nothing to keep up.",
    ],
)
def test_kind_lines_pass(line: str) -> None:
    assert not flagged(line), [r.why for r in flagged(line)]


def test_the_allow_list_only_shrinks() -> None:
    """Its last entry, the reminder's "Time to reach out to {name}", is fixed and off: it
    stays empty (a line that isn't fixed yet would need a reason to go on)."""
    assert PENDING == {}
    assert pending("Time to reach out to Sam") is None


@pytest.mark.parametrize("level", list(Privacy))
@pytest.mark.parametrize("name", ["Sam", "Tom Whitaker", "Dr Farid Rahimi", "Thursday Choir", ""])
@pytest.mark.parametrize("title", ["Sunday call", "Lunch walk with Tom", "", "  "])
def test_reminders_read_calmly_at_every_level(level: Privacy, name: str, title: str) -> None:
    for start in (None, NOW, NOW + timedelta(hours=5, minutes=7)):
        for zone in ("UTC", "Europe/London", "Pacific/Auckland"):
            for line in reminder_text(name, title, start, zone, level=level):
                _calm(line)
                assert line.strip()
                assert not pending(line)
    _calm(level.label)
    _calm(reminder_explanation(level))


@pytest.mark.parametrize("days", range(1, 400))
def test_rhythms_read_as_people_say_them(days: int) -> None:
    for phrase in (rhythm(days), rhythm(days, about=True)):
        _calm(phrase)
        assert "every" in phrase


# The same examples every run: the voice test never fails by chance (1500 random ones
# passed when it was written).
@settings(max_examples=150, deadline=None, derandomize=True)
@given(data=st.data())
def test_todays_reasons_read_calmly(data: st.DataObject) -> None:
    plans = [data.draw(any_plans(n)) for n in range(1, data.draw(st.integers(1, 8)) + 1)]
    now = NOW + timedelta(minutes=data.draw(st.integers(-400 * 24 * 60, 400 * 24 * 60)))
    last = {
        key: now - timedelta(hours=data.draw(st.integers(-24, 5000)))
        for key in data.draw(st.sets(st.sampled_from(list(TARGETS))))
    }
    zone = data.draw(st.sampled_from(ZONES))
    today = now.astimezone(ZoneInfo(zone)).date()
    posts = [
        Postponement(n, today + timedelta(days=data.draw(st.integers(-3, 3))), today)
        for n in data.draw(st.sets(st.integers(1, 8), max_size=2))
    ]
    for found in suggestions(plans, TARGETS, last, posts, now, zone, cap=5):
        _calm(found.reason)


def _person(pid: int, circle: Circle, *support: SupportType) -> Person:
    return Person(name=f"Person {pid}", id=pid, circle=circle, support_types=set(support))


@pytest.mark.parametrize("days_quiet", [3, 10, 20, 40, 90, 200, 400, 900])
@pytest.mark.parametrize("inner", [False, True])
def test_gap_notes_read_calmly(days_quiet: int, inner: bool) -> None:
    circle = Circle.INNER if inner else Circle.MIDDLE
    networks: list[tuple[list[Person], list[Group]]] = [
        ([], []),
        ([_person(1, circle)], []),
        *(([_person(1, circle, s)], []) for s in SupportType),
        ([_person(1, circle, *SupportType)], []),
        ([_person(1, circle)], [Group(name="Choir", id=5, kind=GroupKind.CLUB)]),
    ]
    stats = ContactStats(
        count=12, last_contact=NOW - timedelta(days=days_quiet), typical_interval_days=7.0
    )
    for people, groups in networks:
        for gap in find_gaps(people, groups, {1: stats}, {5: stats}, NOW, cadence_by_person={1: 7}):
            _calm(gap.message)


@pytest.mark.parametrize("channel", [*ChannelKind, None])
@pytest.mark.parametrize("focus", [None, "Mum"])
def test_rota_words_read_calmly(channel: ChannelKind | None, focus: str | None) -> None:
    start = date(2026, 11, 23)
    gap = Gap(start + timedelta(days=2), start + timedelta(days=5))
    for time in (None, "19:00"):
        _calm(checkin_text("Rosie", focus, channel, time))
        _calm(checkin_text(None, focus, channel, time))
        _calm(checkin_text(None, focus, channel, time, by_you=True))
    _calm(done_text("Rosie"))
    _calm(done_text(None))
    _calm(done_text(None, by_you=True))
    _calm(ahead_text(focus, gap))
    _calm(ahead_text(focus, gap, open_ended=True))
    for count in (1, 2, 5):
        _calm(more_text(count))
    for covered, gaps in ((0, ()), (14, ()), (10, (gap,))):
        cover = Coverage(start, 14, covered, gap if gaps else None, gaps)
        for line in coverage_text(cover, 2, today=start) + coverage_text(cover, 2, today=None):
            _calm(line)
