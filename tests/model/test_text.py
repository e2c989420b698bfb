"""The text rules: the fast control-character search finds exactly Unicode's Cc characters."""

from __future__ import annotations

import sys
import unicodedata

from supportnet.model.text import has_control

EVERY_CHARACTER = [chr(c) for c in range(sys.maxunicode + 1)]


def test_has_control_is_true_for_exactly_the_cc_characters() -> None:
    control = {ch for ch in EVERY_CHARACTER if unicodedata.category(ch) == "Cc"}
    found = {ch for ch in EVERY_CHARACTER if has_control(ch)}
    assert found == control
    assert len(control) == 65


def test_notes_may_hold_line_feeds_and_tabs_but_no_other_control() -> None:
    control = {ch for ch in EVERY_CHARACTER if unicodedata.category(ch) == "Cc"}
    found = {ch for ch in EVERY_CHARACTER if has_control(ch, allow_newlines=True)}
    assert found == control - {"\n", "\t"}
    assert has_control("first line\r\nsecond", allow_newlines=True)
    assert not has_control("first line\n\tsecond", allow_newlines=True)


def test_format_characters_are_not_control() -> None:
    # A zero-width joiner (emoji) and a right-to-left mark are category Cf: fine in a name.
    assert not has_control("👩\u200d👩\u200d👧 \u200fשלום")
    assert has_control("Sam\x00Lee")
    assert has_control("Sam\x85Lee")  # NEL, a C1 control
