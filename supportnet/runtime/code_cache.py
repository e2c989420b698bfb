"""The dataclasses' generated methods, compiled once and kept between starts.

For each dataclass, Python writes the source of ``__init__``, ``__repr__``, ``__eq__``
and (for frozen ones) ``__setattr__``, ``__delattr__`` and ``__hash__``, and compiles it
when the class is made. The first window's ~40 dataclasses make about 200 such
functions, and compiling them took ~24 ms of every start; loading the same code objects
from a file takes ~1 ms.

While :func:`remember` is in force, the :mod:`dataclasses` module's ``exec`` finds each
text's code object here (compiling it, as Python would, only when it is new), and
:func:`keep` writes the new ones to a file in the app's cache folder after the first
paint, then hands ``exec`` back. The cache is keyed by the text itself, so a changed
class simply compiles afresh; a file from another Python, a damaged one, or one that
someone else could have written is ignored (and replaced). Only the generated methods'
source is kept: the names of a class's fields, never anything a person wrote.

Like Python's own ``__pycache__``, it helps from the second start on.
"""

from __future__ import annotations

import builtins
import contextlib
import dataclasses
import marshal
import os
import sys
from pathlib import Path
from types import CodeType
from typing import Any

#: What a cache file starts with: the format, then this Python's version, whose code
#: objects are the only ones it can run.
_HEADER = (
    b"supportnet-dataclass-code 1 "
    + sys.implementation.cache_tag.encode()
    + (b" %d\n" % sys.hexversion)
)
FILE_NAME = "dataclass-code.bin"


class _Start:
    """The code objects of one start: those read from its file, and those it ran."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.codes = _read(path)
        #: Run in this start, read or compiled: what :func:`keep` writes.
        self.used: dict[str, CodeType] = {}
        self.new = False

    def exec(self, source: Any, globals: Any = None, locals: Any = None, /) -> None:
        """``exec`` for :mod:`dataclasses`: a text compiles once, then runs from the cache."""
        if isinstance(source, str):
            code = self.codes.get(source)
            if code is None:
                # As dataclasses' own exec would compile it: none of this module's futures.
                code = compile(source, "<string>", "exec", dont_inherit=True)
                self.new = True
            self.used[source] = code
            source = code
        builtins.exec(source, globals, locals)


class _Current:
    """The start in progress, between :func:`remember` and :func:`keep`."""

    start: _Start | None = None


def _private_file(path: Path) -> bool:
    """Whether ``path`` is this user's own file, which no one else can write."""
    try:
        info = path.stat()
    except OSError:
        return False
    mine = not hasattr(os, "geteuid") or info.st_uid == os.geteuid()
    return mine and not info.st_mode & 0o022


def _read(path: Path) -> dict[str, CodeType]:
    if not _private_file(path):
        return {}
    try:
        data = path.read_bytes()
        if not data.startswith(_HEADER):
            return {}
        codes = marshal.loads(data[len(_HEADER) :])
    except (OSError, ValueError, EOFError, TypeError):
        return {}
    if not isinstance(codes, dict):
        return {}
    return {k: v for k, v in codes.items() if isinstance(k, str) and isinstance(v, CodeType)}


def remember(folder: Path) -> None:
    """Compile the dataclasses' methods through the cache in ``folder`` until :func:`keep`."""
    keep()
    start = _Current.start = _Start(folder / FILE_NAME)
    dataclasses.exec = start.exec  # type: ignore[attr-defined]  # found before the builtin


def keep() -> None:
    """Hand ``exec`` back to :mod:`dataclasses`, and write the cache if it grew (only what
    this start used, so texts of classes since changed drop out). Writing never fails
    the app: a cache that can't be written is compiled again next time."""
    vars(dataclasses).pop("exec", None)
    start, _Current.start = _Current.start, None
    if start is None or not start.new:
        return
    from supportnet.data.files import write_private_file

    with contextlib.suppress(OSError, ValueError):
        start.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        write_private_file(start.path, _HEADER + marshal.dumps(start.used))
