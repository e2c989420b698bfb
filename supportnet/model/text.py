"""Text rules shared by every entity: trimming, length limits and human messages."""

from __future__ import annotations

import re

from supportnet.i18n import _, ngettext
from supportnet.i18n.calendar_words import words
from supportnet.model.errors import Problem
from supportnet.model.field_words import FieldWords

NAME_MAX = 200
SHORT_MAX = 500
NOTE_MAX = 20_000


def clean_line(value: str) -> str:
    """Trim a one-line value and fold inner line breaks into spaces."""
    return " ".join(value.replace("\r", " ").replace("\n", " ").split(" ")).strip()


def clean_note(value: str) -> str:
    """Trim trailing whitespace and normalise line endings of a multi-line note."""
    return value.replace("\r\n", "\n").replace("\r", "\n").strip()


def has_lone_surrogate(value: str) -> bool:
    """Whether ``value`` holds a lone surrogate: not text, and unstorable as UTF-8. Python
    turns undecodable bytes (a command line in another encoding) into these."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def has_control(value: str, *, allow_newlines: bool = False) -> bool:
    """Whether ``value`` holds an invisible control character (a line break or tab counts
    only without ``allow_newlines``)."""
    return _has_control(value, allow_newlines=allow_newlines)


#: Unicode's control characters (category Cc) are exactly these two fixed ranges; a search
#: of the whole string beats asking for each character's category.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
#: The same without tab (U+0009) and line feed (U+000A), for notes.
_CONTROL_BUT_NEWLINES = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _has_control(value: str, *, allow_newlines: bool) -> bool:
    # Zero-width joiners and bidi marks are category Cf and are fine (emoji, RTL text).
    pattern = _CONTROL_BUT_NEWLINES if allow_newlines else _CONTROL
    return pattern.search(value) is not None


def check_text(
    problems: list[Problem],
    field: str,
    value: str,
    *,
    says: FieldWords,
    max_len: int,
    required: bool = False,
    multiline: bool = False,
) -> None:
    """Append a problem for ``value`` if it is missing, too long or holds control characters,
    in the field's own sentences ``says`` (model/field_words.py)."""
    if required and not value.strip():
        problems.append(Problem(field, _(says.missing)))
        return
    if len(value) > max_len:
        number = words().number
        problems.append(
            Problem(field, _(says.too_long).format(max=number(max_len), now=number(len(value))))
        )
    if has_lone_surrogate(value):
        problems.append(Problem(field, _(says.not_text)))
    if _has_control(value, allow_newlines=multiline):
        problems.append(Problem(field, _(says.control)))


def amount(n: int, one: str, many: str) -> str:
    """``one`` for one ("a note", "1 person"), else the number and ``many`` ("2 notes",
    "1,200 check-ins"): the one way lines count things.

    Both words are translated as a plural pair (the extraction keyword ``amount:2,3``), so a
    German count reads "2 Notizen", "1.200 Check-ins". The number is written the locale's way.
    """
    if n == 1:
        return ngettext(one, many, 1)
    return f"{words().number(n)} {ngettext(one, many, n)}"
