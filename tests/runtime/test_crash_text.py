"""Crash reports and bug lines keep types, files, lines and functions, never messages."""

from __future__ import annotations

import traceback

from supportnet.runtime.crash_text import bug_line, scrubbed_traceback

NAME = "Priya Ramanathan-secret"
NOTE = "PRIVATE-NOTE-xyz: talked about the hearing"


def _lookup(people: dict[str, str], who: str) -> str:
    return people[who]  # KeyError(who): the message is the name itself


def _log_note(note: str) -> None:
    try:
        _lookup({}, NAME)
    except KeyError as exc:
        raise ValueError(f"couldn't log {note!r}") from exc


def _save(note: str) -> None:
    try:
        _log_note(note)
    except ValueError:
        problem = RuntimeError(f"saving failed for {NAME}")
        problem.add_note(f"note was {note}")
        raise problem  # noqa: B904 - an implicit context, as careless code makes


def _caught() -> BaseException:
    try:
        _save(NOTE)
    except RuntimeError as exc:
        return exc
    raise AssertionError("unreachable")


def test_the_plain_traceback_does_hold_the_secrets() -> None:
    """The premise: Python's own traceback prints them, in three chained messages."""
    exc = _caught()
    plain = "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))
    assert NAME in plain
    assert NOTE in plain


def test_a_scrubbed_traceback_has_no_message_from_any_exception_in_the_chain() -> None:
    exc = _caught()
    text = scrubbed_traceback(type(exc), exc, exc.__traceback__)
    assert NAME not in text
    assert "PRIVATE-NOTE" not in text
    assert "hearing" not in text
    # What locates the bug is all there: every type, function and line, in Python's order.
    assert text.index("KeyError") < text.index("ValueError") < text.index("RuntimeError")
    assert "The above exception was the direct cause of the following exception:" in text
    assert "During handling of the above exception, another exception occurred:" in text
    for function in ("_lookup", "_log_note", "_save", "_caught"):
        assert f"in {function}" in text
    assert 'File "tests/runtime/test_crash_text.py", line ' in text
    assert text.startswith("Traceback (most recent call last):")
    assert text.endswith("RuntimeError (message left out: it may hold private data)")


def test_an_exception_group_lists_its_members_without_messages() -> None:
    try:
        raise ExceptionGroup(NAME, [KeyError(NOTE), OSError(2, NOTE)])
    except ExceptionGroup as exc:
        text = scrubbed_traceback(type(exc), exc, exc.__traceback__)
    assert "ExceptionGroup" in text
    assert "KeyError" in text
    assert "FileNotFoundError" in text
    assert NAME not in text
    assert NOTE not in text


def test_a_bug_line_is_the_type_and_the_innermost_supportnet_frame() -> None:
    from supportnet.cli import parse_when

    try:
        parse_when(None, None, None)  # type: ignore[arg-type]
    except AttributeError as exc:
        line = bug_line(exc)
    assert line.startswith("AttributeError at supportnet/cli/reachout_commands.py:")
    assert "NoneType" not in line  # the message (what had no attribute) is left out


def test_a_bug_line_outside_supportnet_is_only_the_type() -> None:
    exc = _caught()
    assert bug_line(exc) == "RuntimeError"


def test_a_library_exception_is_named_with_its_module() -> None:
    import json

    try:
        json.loads("{" + NOTE)
    except ValueError as exc:
        text = scrubbed_traceback(type(exc), exc, exc.__traceback__)
        line = bug_line(exc)
    assert "json.decoder.JSONDecodeError (message left out" in text
    assert line == "json.decoder.JSONDecodeError"
    assert NOTE not in text
