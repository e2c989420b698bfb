"""The plan's words: one heading, hint and examples per step, calm, and no methods named."""

from __future__ import annotations

import re

from supportnet.model.safety_plan import Step
from supportnet.safety import wording

#: Words that would name or suggest a means; the hint for safer surroundings stays general.
_METHOD_WORDS = re.compile(
    r"\b(pills?|tablets?|medication|medicines?|knife|knives|blades?|razors?|guns?|firearms?|"
    r"rope|poison|bridge|overdose|weapons?)\b",
    re.IGNORECASE,
)


def _all_text() -> list[str]:
    out = [wording.PAGE_TITLE, wording.TELL_THEM_IDEA, wording.NOT_IN_NETWORK, wording.EMPTY_STEP]
    out.append(wording.EMPTY_LIVING_FOR)
    for text in wording.STEP_TEXT.values():
        out += [text.heading, text.hint, *text.examples]
    return out


def test_every_step_has_its_words() -> None:
    assert set(wording.STEP_TEXT) == set(Step)
    for step, text in wording.STEP_TEXT.items():
        assert text.heading, step
        assert text.hint, step
        assert len(text.examples) >= 2, step
    assert wording.PAGE_TITLE == "My plan for hard days"


def test_the_words_are_calm() -> None:
    for text in _all_text():
        assert "!" not in text, text
        assert "you must" not in text.lower(), text


def test_making_surroundings_safer_names_no_means() -> None:
    text = wording.STEP_TEXT[Step.SAFER_SURROUNDINGS]
    for words in (text.heading, text.hint, *text.examples):
        assert not _METHOD_WORDS.search(words), words
    assert "someone i trust" in text.hint.lower()
    # Gentle: about keeping things out of reach, not about hurting oneself.
    assert "hurt" not in text.hint.lower()
    assert "out of reach" in text.hint


def test_numbered_headings() -> None:
    assert wording.numbered_heading(Step.WARNING_SIGNS) == "1. Signs a hard time is starting"
    assert wording.numbered_heading(Step.LIVING_FOR) == "What I'm living for"


def test_the_message_to_tell_a_helper_asks_rather_than_tells() -> None:
    assert wording.TELL_THEM_IDEA.rstrip().endswith("?")


def test_an_empty_living_for_is_room_not_nothing() -> None:
    assert wording.empty_text(Step.LIVING_FOR) == "Room for your own words."
    assert "nothing" not in wording.empty_text(Step.LIVING_FOR).lower()
    assert wording.empty_text(Step.ON_MY_OWN) == wording.EMPTY_STEP
