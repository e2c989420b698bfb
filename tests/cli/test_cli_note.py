"""`supportnet log --note -`: the note read from standard input."""

from __future__ import annotations

import io

import pytest

from supportnet.cli.reachout_commands import note_from_stdin
from supportnet.model.errors import UsageError
from supportnet.model.text import NOTE_MAX


def _bytes_in(data: bytes) -> io.TextIOWrapper:
    return io.TextIOWrapper(io.BytesIO(data), encoding="utf-8")


@pytest.mark.parametrize(
    ("data", "note"),
    [
        (b"hello\n", "hello"),
        (b"hello\r\n", "hello"),
        (b"two lines\nof note\n\n", "two lines\nof note\n"),  # only one line break dropped
        (b"no line break", "no line break"),
        ("caf\u00e9 \U0001f33f\n".encode(), "caf\u00e9 \U0001f33f"),
        (b"", ""),
    ],
)
def test_one_trailing_line_break_is_dropped(data: bytes, note: str) -> None:
    assert note_from_stdin(_bytes_in(data)) == note


def test_a_text_stream_without_bytes_works_too() -> None:
    assert note_from_stdin(io.StringIO("typed\n")) == "typed"


def test_bytes_that_arent_utf8_are_refused() -> None:
    with pytest.raises(UsageError, match="isn't UTF-8 text"):
        note_from_stdin(_bytes_in(b"caf\xe9\n"))


def test_an_endless_stream_is_read_only_so_far() -> None:
    """A note far beyond the limit (a file piped in by mistake) is refused after reading a
    bounded amount, even where a cut would fall inside a character."""
    with pytest.raises(UsageError, match=f"under {NOTE_MAX:,} characters"):
        note_from_stdin(_bytes_in("é".encode() * (NOTE_MAX * 10)))


def test_a_closed_stream_is_one_line() -> None:
    stream = _bytes_in(b"x")
    stream.close()
    with pytest.raises(UsageError, match="couldn't be read"):
        note_from_stdin(stream)
