"""The first window's reads, made ahead by the helper process that reads the store's key.

Before its first paint the window asks the store about fifty small things: the checks of
opening it, the settings, Today's plans and check-ins, the care team's rota, the network's
size. Loading ``sqlcipher3``, opening the database and asking them took about 12 ms of the
start. The helper process that reads the key from the Secret Service
(:func:`supportnet.data.secret_service.begin_read`) already holds the key and runs on
another core while Qt loads, so it asks them too (:mod:`supportnet.services.first_reads`)
and writes each statement's rows after the key. The window's store then answers those
statements from them without opening the database (:class:`~supportnet.data.engine.RawDatabase`'s
answers), until the first statement not among them, or its first paint: from then on the
database answers.

The answers are used only where they can't differ from what the database would say:

- the helper read with ``query_only`` on, and found the database's files the same after
  its reads as before them (nothing was written meanwhile);
- this process, holding the store's lock (so no other SupportNet can write), finds them
  still as the helper left them, with the key the helper read.

The helper's output comes through a pipe only this process holds, and is plain data
(``marshal``: tuples, strings, numbers), never code.
"""

from __future__ import annotations

import marshal
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from supportnet.data.engine import Answers

#: The record's format (:mod:`supportnet.data.read_ahead_open` writes it), so one from
#: another version is never misread.
FORMAT = 1


def files_state(db: Path) -> list[Any]:
    """What says the database ``db`` changed: its file's identity, size and time, and its
    write-ahead log's size and time while the log holds anything (a reader makes an empty
    one where there was none, which changes nothing)."""
    state: list[Any] = []
    for path, whole in ((db, True), (Path(f"{db}-wal"), False)):
        try:
            found = os.stat(path)
        except FileNotFoundError:
            state.append(None)
            continue
        if not whole and found.st_size == 0:
            state.append(None)
        else:
            state.append((found.st_dev, found.st_ino, found.st_size, found.st_mtime_ns))
    return state


def answers_for(db: Path, key: bytes) -> Answers | None:
    """The helper's answers for the database ``db`` opened with ``key``, if it read them
    (:func:`~supportnet.data.secret_service.take_further`) and nothing has changed the
    database since; else None. Taken once."""
    from supportnet.data.secret_service import take_further

    further = take_further()
    if further is None:
        return None
    secret, data = further
    if secret != key.hex():
        return None
    try:
        record = marshal.loads(data)
        fits = (
            isinstance(record, dict)
            and record.get("format") == FORMAT
            and record.get("db") == str(db)
            and isinstance(record.get("answers"), dict)
        )
    except (EOFError, ValueError, TypeError):
        return None
    if not fits or record.get("files") != files_state(db):
        return None
    answers: Answers = record["answers"]
    return answers
