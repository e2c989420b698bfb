"""Tracebacks and error lines for bugs, with every exception message left out.

An exception's message can hold anything its raiser put there: a name, a check-in note,
SQL parameters. Crash reports and the command line's "something went wrong" line keep
only what locates the bug (exception types, files, lines and functions) and drop the
messages, notes and local variables.
"""

from __future__ import annotations

import traceback
from pathlib import Path
from types import TracebackType

import supportnet

#: Python's own wording between chained tracebacks.
_CAUSE = "The above exception was the direct cause of the following exception:"
_CONTEXT = "During handling of the above exception, another exception occurred:"
_PACKAGE_ROOT = Path(supportnet.__file__).resolve().parent.parent


def type_name(exc_type: type[BaseException]) -> str:
    """``module.QualName`` as Python prints it (builtins bare)."""
    module = exc_type.__module__
    if module in ("builtins", "__main__"):
        return exc_type.__qualname__
    return f"{module}.{exc_type.__qualname__}"


def _shown_file(filename: str) -> str:
    """A frame's file, relative to the source tree where it lies in it, else ``~``-relative:
    an absolute path would name the user's home folder, and so often the user."""
    path = Path(filename)
    try:
        return str(path.resolve().relative_to(_PACKAGE_ROOT))
    except (ValueError, OSError):
        pass
    try:
        return str(Path("~") / path.relative_to(Path.home()))
    except (ValueError, RuntimeError):
        return filename


def _frame_lines(tb: TracebackType | None) -> list[str]:
    lines = []
    for frame in traceback.extract_tb(tb):
        lines.append(
            f'  File "{_shown_file(frame.filename)}", line {frame.lineno}, in {frame.name}'
        )
        if frame.line:
            lines.append(f"    {frame.line.strip()}")
    return lines


def _one(exc: BaseException, seen: set[int]) -> list[str]:
    seen.add(id(exc))
    lines: list[str] = []
    cause = exc.__cause__
    context = exc.__context__
    if cause is not None and id(cause) not in seen:
        lines += [*_one(cause, seen), "", _CAUSE, ""]
    elif context is not None and not exc.__suppress_context__ and id(context) not in seen:
        lines += [*_one(context, seen), "", _CONTEXT, ""]
    if exc.__traceback__ is not None:
        lines += ["Traceback (most recent call last):", *_frame_lines(exc.__traceback__)]
    lines.append(f"{type_name(type(exc))} (message left out: it may hold private data)")
    if isinstance(exc, BaseExceptionGroup):
        for number, inner in enumerate(exc.exceptions, 1):
            if id(inner) in seen:
                continue
            lines.append(f"  +-- {number} --")
            lines += ["  | " + line for line in _one(inner, seen)]
    return lines


def scrubbed_traceback(
    exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None
) -> str:
    """The traceback as Python prints it, chained exceptions included, but with no
    exception message, note or local variable: only types, files, lines and functions."""
    if exc.__traceback__ is None and tb is not None:
        exc = exc.with_traceback(tb)
    del exc_type  # the exception's own type says the same
    return "\n".join(_one(exc, set())).rstrip()


def bug_location(tb: TracebackType | None) -> str | None:
    """Where in SupportNet's own code a bug surfaced, e.g. ``supportnet/cli/x.py:12``: the
    innermost frame in the package (library frames below it say less to whoever reads it)."""
    found = None
    for frame in traceback.extract_tb(tb):
        shown = _shown_file(frame.filename)
        if shown.startswith("supportnet/") or shown.startswith("supportnet\\"):
            found = f"{shown}:{frame.lineno}"
    return found


def bug_line(exc: BaseException) -> str:
    """A one-line description of a bug: the exception type and where, never its message."""
    where = bug_location(exc.__traceback__)
    return type_name(type(exc)) + (f" at {where}" if where else "")
