"""Words the model gives: rhythms as people say them, circles described lightly."""

from __future__ import annotations

import pytest

from supportnet.model.days import rhythm
from supportnet.model.network import Circle
from supportnet.model.plans import Frequency, Recurrence


@pytest.mark.parametrize(
    ("days", "words"),
    [
        (1, "every day"),
        (3, "every 3 days"),
        (7, "every week"),
        (10, "every 10 days"),
        (13, "every 13 days"),
        (14, "every 2 weeks"),
        (20, "about every 3 weeks"),
        (21, "every 3 weeks"),
        (28, "every 4 weeks"),
        (30, "every month"),
        (45, "about every 6 weeks"),
        (61, "every 2 months"),
        (90, "every 3 months"),
        (365, "every year"),
    ],
)
def test_rhythm_words(days: int, words: str) -> None:
    assert rhythm(days) == words


def test_a_wished_rhythm_always_says_about() -> None:
    assert rhythm(21, about=True) == "about every 3 weeks"
    assert rhythm(20, about=True) == "about every 3 weeks"
    assert rhythm(1, about=True) == "about every day"


@pytest.mark.parametrize(
    ("days", "words"),
    [(10, "every 10 days"), (14, "every 2 weeks"), (20, "every 20 days"), (30, "every 30 days"),
     (45, "every 45 days"), (91, "every 13 weeks"), (365, "every 365 days")],
)  # fmt: skip
def test_a_fixed_rule_s_interval_is_said_exactly(days: int, words: str) -> None:
    assert rhythm(days, exact=True) == words
    rule = Recurrence(Frequency.DAILY, interval=days)
    assert rule.describe().startswith(words.capitalize())


def test_the_inner_circle_is_described_lightly() -> None:
    from tests.voice_rules import flagged

    assert Circle.INNER.description == "The ones who feel closest to you, whoever they are"
    for circle in Circle:
        assert flagged(circle.description) == [], circle
