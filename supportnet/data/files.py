"""Private files: a 0700 data directory, 0600 files, written atomically."""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path

from supportnet.data.failures import store_failure
from supportnet.i18n import _
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
        raise typed or StoreError(
            _("Can't use the data folder {path}: {reason}.").format(path=path, reason=exc.strerror)
        ) from exc
    if not path.is_dir():
        raise StoreError(_("The data folder {path} is not a folder.").format(path=path))


def tighten(path: Path) -> None:
    """Make an existing file 0600 (SQLite creates WAL and SHM files with the umask)."""
    with contextlib.suppress(FileNotFoundError):
        if stat.S_IMODE(path.stat().st_mode) != FILE_MODE:
            path.chmod(FILE_MODE)


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
    replace_by_writing(path, lambda temp: temp.write_bytes(data), mode, before_rename)


def replace_by_writing(
    path: Path,
    write: Callable[[Path], object],
    mode: int | None = None,
    before_rename: Callable[[], None] | None = None,
) -> None:
    """Like :func:`replace_atomically`, for writers that want a file name (Qt's image, SVG,
    PDF and print writers): ``write`` fills the empty temporary file it is given."""
    fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    temp = Path(name)
    try:
        write(temp)
        _fsync_file(temp)
        if mode is not None:
            os.chmod(temp, mode)
        if before_rename is not None:
            before_rename()  # the file is written whole: only the rename is left
        os.replace(temp, path)
        fsync_dir(path.parent)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()
        raise


def _fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDWR)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


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
