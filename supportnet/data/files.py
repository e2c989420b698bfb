"""Private files: a 0700 data directory, 0600 files, written atomically."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path

from supportnet.data.failures import store_failure
from supportnet.model.errors import StoreError

DIR_MODE = 0o700
FILE_MODE = 0o600


def ensure_private_dir(path: Path) -> None:
    """Create ``path`` (and parents) if needed and make it 0700."""
    try:
        path.mkdir(parents=True, exist_ok=True, mode=DIR_MODE)
        if stat.S_IMODE(path.stat().st_mode) != DIR_MODE:
            path.chmod(DIR_MODE)
    except OSError as exc:
        typed = store_failure(exc)
        raise typed or StoreError(f"Can't use the data folder {path}: {exc.strerror}.") from exc
    if not path.is_dir():
        raise StoreError(f"The data folder {path} is not a folder.")


def tighten(path: Path) -> None:
    """Make an existing file 0600 (SQLite creates WAL and SHM files with the umask)."""
    with contextlib.suppress(FileNotFoundError):
        if stat.S_IMODE(path.stat().st_mode) != FILE_MODE:
            path.chmod(FILE_MODE)


def temp_path_beside(target: Path, suffix: str = ".tmp") -> Path:
    """A fresh, not-yet-existing path in ``target``'s folder (same filesystem for rename)."""
    fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=suffix, dir=target.parent)
    os.close(fd)
    os.unlink(name)
    return Path(name)


def write_beside(path: Path, data: bytes, mode: int | None = None) -> Path:
    """Write ``data`` to a new temporary file beside ``path``, synced to disk; its path.

    For callers that rename it into place themselves, after other work that must succeed
    first, and remove it if that work fails. The file is 0600 (mkstemp's mode) unless
    ``mode`` says otherwise; on a failure here it is removed and the error raised.
    """
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        if mode is not None:
            os.chmod(name, mode)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(name)
        raise
    return Path(name)


def write_private_file(path: Path, data: bytes) -> None:
    """Write ``data`` to a 0600 temporary file beside ``path`` and rename it into place."""
    replace_atomically(path, data)


def replace_atomically(
    path: Path,
    data: bytes,
    mode: int | None = None,
    before_rename: Callable[[], None] | None = None,
) -> None:
    """Write ``data`` to a temporary file beside ``path`` (synced to disk), then rename it
    into place: ``path`` is the old file or the new one, never half of either.

    The file is 0600 (mkstemp's mode) unless ``mode`` says otherwise. ``before_rename`` runs
    between the two, for work that must succeed before the file is in place. On any failure
    the temporary file is removed and the error raised.
    """
    name = write_beside(path, data, mode)
    try:
        if before_rename is not None:
            before_rename()  # the file is written whole: only the rename is left
        os.replace(name, path)
        fsync_dir(path.parent)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(name)
        raise


def fsync_dir(path: Path) -> None:
    """Sync a folder, so a rename into it survives a power cut (a no-op where unsupported)."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        with contextlib.suppress(OSError):
            os.fsync(fd)
    finally:
        os.close(fd)
