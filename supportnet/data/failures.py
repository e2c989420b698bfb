"""When the disk or the database file fails (full, busy, read-only, I/O): one typed error each.

The engine, the plain connections and the file writers pass driver and OS errors through
here, so a full disk reads the same whether SQLite, a backup or an .ics file met it, and
never reaches anyone as "something went wrong inside SupportNet". Errors that are not about
the surroundings (a bad statement, a damaged file) are left to their callers.
"""

from __future__ import annotations

import errno
import shutil
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

from supportnet.i18n import N_, _
from supportnet.model.errors import (
    DiskFullError,
    StoreBusyError,
    StoreError,
    StoreIOError,
    StoreReadOnlyError,
)

if TYPE_CHECKING:
    from sqlalchemy import Engine
    from sqlalchemy.engine import ExceptionContext


class Kind(Enum):
    FULL = "full"
    BUSY = "busy"
    READ_ONLY = "read-only"
    IO = "io"
    CANT_OPEN = "can't open"


# SQLite's primary result codes (an extended code keeps its primary one in the low byte).
_SQLITE_CODES = {
    5: Kind.BUSY,  # SQLITE_BUSY: another connection holds the write lock past busy_timeout
    6: Kind.BUSY,  # SQLITE_LOCKED: a conflict inside one process
    8: Kind.READ_ONLY,  # SQLITE_READONLY
    10: Kind.IO,  # SQLITE_IOERR and its extended codes
    13: Kind.FULL,  # SQLITE_FULL: "database or disk is full"
    14: Kind.CANT_OPEN,  # SQLITE_CANTOPEN
}

_DRIVERS = ("sqlcipher3", "sqlite3", "pysqlite2")

# Drivers built without error codes still say which it was.
_SQLITE_TEXTS = (
    ("database or disk is full", Kind.FULL),
    ("database is locked", Kind.BUSY),
    ("database table is locked", Kind.BUSY),
    ("attempt to write a readonly database", Kind.READ_ONLY),
    ("disk i/o error", Kind.IO),
    ("unable to open database file", Kind.CANT_OPEN),
)

_ERRNOS = {
    errno.ENOSPC: Kind.FULL,
    errno.EDQUOT: Kind.FULL,
    errno.EROFS: Kind.READ_ONLY,
    errno.EIO: Kind.IO,
}

_TYPES: dict[type[StoreError], Kind] = {
    DiskFullError: Kind.FULL,
    StoreBusyError: Kind.BUSY,
    StoreReadOnlyError: Kind.READ_ONLY,
    StoreIOError: Kind.IO,
}

#: Less free space than this on a disk that reported an I/O error means it is full:
#: SQLite reports some failed writes (the WAL index, a journal) as I/O errors.
_NEARLY_FULL = 64 * 1024


def kind_of(exc: BaseException) -> Kind | None:
    """What failed around us, if that is what ``exc`` says; None for every other error.

    Understands sqlcipher3/sqlite3 errors, SQLAlchemy's wrappers and our own
    ``DatabaseFailure`` (both keep the driver's error as ``orig``), OSErrors, and the
    typed errors this module makes.
    """
    for typed, kind in _TYPES.items():
        if isinstance(exc, typed):
            return kind
    if isinstance(exc, OSError):
        return _ERRNOS.get(exc.errno or 0)
    orig = getattr(exc, "orig", None)
    if isinstance(orig, BaseException) and orig is not exc:
        return kind_of(orig)
    if type(exc).__module__.partition(".")[0] not in _DRIVERS:
        return None
    code = getattr(exc, "sqlite_errorcode", None)
    if isinstance(code, int):
        return _SQLITE_CODES.get(code & 0xFF)
    text = str(exc).lower()
    return next((kind for phrase, kind in _SQLITE_TEXTS if phrase in text), None)


def store_failure(exc: BaseException, database: Path | None = None) -> StoreError | None:
    """The typed error for a database step that failed because of its surroundings, or None.

    ``database`` is the database file: its folder is named where that helps, and its disk
    is checked for free space when SQLite only says "I/O error".
    """
    kind = _refine(kind_of(exc), database.parent if database is not None else None)
    if kind is Kind.FULL:
        return DiskFullError(
            _(
                "The disk is full, so SupportNet couldn't finish this step. Nothing was lost: "
                "everything saved before is still there. Free some space on the disk, then try "
                "again."
            )
        )
    if kind is Kind.BUSY:
        return StoreBusyError(
            _(
                "Another program is holding SupportNet's database, so this step couldn't "
                "finish. Nothing was changed or lost. Wait a moment, then try again."
            )
        )
    if kind is Kind.READ_ONLY:
        if database is None:
            return StoreReadOnlyError(
                _(
                    "SupportNet can't write to its data: the disk or folder is read-only. "
                    "Nothing was changed or lost. Make it writable again, then try again."
                )
            )
        return StoreReadOnlyError(
            _(
                "SupportNet can't write to its data in {folder}: the disk or folder is "
                "read-only. Nothing was changed or lost. Make it writable again, then try again."
            ).format(folder=database.parent)
        )
    if kind is Kind.IO:
        return StoreIOError(
            _(
                "The disk reported a read or write error, so SupportNet stopped this step "
                "before finishing it. What was saved before is unchanged. Check that the disk "
                "is connected and working, then try again."
            )
        )
    if kind is Kind.CANT_OPEN:
        if database is None:
            return StoreIOError(
                _(
                    "SupportNet can't open its database file. Nothing was changed. Check that "
                    "the disk is connected and that the folder can be read and written."
                )
            )
        return StoreIOError(
            _(
                "SupportNet can't open its database file in {folder}. Nothing was changed. "
                "Check that the disk is connected and that the folder can be read and written."
            ).format(folder=database.parent)
        )
    return None


def file_failure(exc: BaseException, target: Path, what: str) -> StoreError | None:
    """The typed error for writing ``what`` ("the backup") to ``target``, or None.

    For the writers that replace a file atomically: whatever failed, no half-written file
    was left and the store itself was not touched.
    """
    folder = target.parent if str(target.parent) else Path(".")
    kind = _refine(kind_of(exc), folder)
    sentences = _FILE_SENTENCES.get(what)
    if kind is Kind.FULL:
        return DiskFullError(_file_sentence(sentences, 0, what, folder))
    if kind is Kind.READ_ONLY:
        return StoreReadOnlyError(_file_sentence(sentences, 1, what, folder))
    if kind in (Kind.IO, Kind.CANT_OPEN):
        return StoreIOError(_file_sentence(sentences, 2, what, folder))
    if kind is Kind.BUSY:
        return store_failure(exc)
    return None


#: What :func:`file_failure` says for each file its callers write: a disk full, read-only, or
#: failing, as whole sentences (German says "the backup" differently in each).
_FILE_SENTENCES = {
    "the backup": (
        N_(
            "The disk is full, so the backup wasn't written to {folder}. Nothing was lost: your "
            "data is as it was and no half-written file was left. Free some space or choose "
            "another place, then try again."
        ),
        N_(
            "{folder} is on a read-only disk, so the backup wasn't written. Nothing was lost; "
            "choose another place."
        ),
        N_(
            "The disk reported a write error, so the backup wasn't written to {folder}. Nothing "
            "was lost: your data is as it was. Check the disk, or choose another place."
        ),
    ),
    "the calendar file": (
        N_(
            "The disk is full, so the calendar file wasn't written to {folder}. Nothing was "
            "lost: your data is as it was and no half-written file was left. Free some space or "
            "choose another place, then try again."
        ),
        N_(
            "{folder} is on a read-only disk, so the calendar file wasn't written. Nothing was "
            "lost; choose another place."
        ),
        N_(
            "The disk reported a write error, so the calendar file wasn't written to {folder}. "
            "Nothing was lost: your data is as it was. Check the disk, or choose another place."
        ),
    ),
    "the restored copy of the backup": (
        N_(
            "The disk is full, so the restored copy of the backup wasn't written to {folder}. "
            "Nothing was lost: your data is as it was and no half-written file was left. Free "
            "some space or choose another place, then try again."
        ),
        N_(
            "{folder} is on a read-only disk, so the restored copy of the backup wasn't "
            "written. Nothing was lost; choose another place."
        ),
        N_(
            "The disk reported a write error, so the restored copy of the backup wasn't "
            "written to {folder}. Nothing was lost: your data is as it was. Check the disk, or "
            "choose another place."
        ),
    ),
}


def _file_sentence(sentences: tuple[str, ...] | None, which: int, what: str, folder: Path) -> str:
    if sentences is not None:
        return _(sentences[which]).format(folder=folder)
    # Another file: its name is the caller's English words (none yet).
    generic = (
        "The disk is full, so {what} wasn't written to {folder}. Nothing was lost: your "
        "data is as it was and no half-written file was left. Free some space or choose "
        "another place, then try again.",
        "{folder} is on a read-only disk, so {what} wasn't written. Nothing was lost; "
        "choose another place.",
        "The disk reported a write error, so {what} wasn't written to {folder}. Nothing "
        "was lost: your data is as it was. Check the disk, or choose another place.",
    )
    return generic[which].format(what=what, folder=folder)


def short_of_space(folder: Path, needed: int) -> bool:
    """Whether ``folder``'s disk has less than ``needed`` bytes free. For steps whose driver
    error doesn't say why (SQLCipher's rekey reports any failure the same way)."""
    try:
        return shutil.disk_usage(folder).free < needed
    except OSError:
        return False


def _refine(kind: Kind | None, folder: Path | None) -> Kind | None:
    if kind in (Kind.IO, Kind.CANT_OPEN) and folder is not None and _nearly_full(folder):
        return Kind.FULL
    return kind


def _nearly_full(folder: Path) -> bool:
    try:
        return shutil.disk_usage(folder).free < _NEARLY_FULL
    except OSError:
        return False


def watch_engine(engine: Engine, database: Path) -> None:
    """Make ``engine`` raise this module's typed errors for failures of its surroundings.

    One ``handle_error`` listener covers every statement, BEGIN and COMMIT the ORM runs,
    and the connects its pool makes; other errors go on as SQLAlchemy raised them.
    """
    from sqlalchemy import event

    def translate(context: ExceptionContext) -> None:
        typed = store_failure(context.original_exception, database)
        if typed is not None:
            # Raised here, SQLAlchemy still rolls the transaction back and frees the
            # connection before it reaches the caller.
            raise typed

    event.listen(engine, "handle_error", translate)
