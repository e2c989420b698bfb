"""Encrypted backups with VACUUM INTO (never a file copy: committed data may sit in the WAL)."""

from __future__ import annotations

import contextlib
import os
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from supportnet.data.engine import DatabaseFailure, RawDatabase, raw_execute
from supportnet.data.files import FILE_MODE, ensure_private_dir

if TYPE_CHECKING:
    from sqlalchemy import Engine

from supportnet.errors import BackupError
from supportnet.paths import user_path

BACKUP_DIR_NAME = "backups"
KEEP_AUTOMATIC = 10
#: The reasons given for backups of data that a restore or `demo --force` replaced. Only
#: the copies taken before an upgrade (the same data, still in the store) are thinned.
REPLACED_SUFFIXES = ("-before-restore", "-before-demo")


def write_backup(engine: Engine | RawDatabase, out: Path) -> Path:
    """Write an encrypted copy of the database behind ``engine`` to ``out``, atomically.

    The copy uses the same key. ``out`` is replaced only once the copy is complete.
    """
    out = user_path(out)
    parent = out.parent if str(out.parent) else Path(".")
    if not parent.is_dir():
        raise BackupError(f"Can't write the backup: the folder {parent} doesn't exist.")
    if out.is_dir():
        raise BackupError(f"Can't write the backup: {out} is a folder.")
    try:
        # VACUUM INTO accepts an existing empty file and keeps its mode: mkstemp's 0600.
        fd, name = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".partial", dir=parent)
        os.close(fd)
    except OSError as exc:
        raise BackupError(f"Can't write the backup in {parent}: {exc.strerror}.") from exc
    temp = Path(name)
    try:
        raw_execute(engine, "VACUUM INTO ?", (str(temp),))
        os.chmod(temp, FILE_MODE)
        with open(temp, "rb") as handle:
            os.fsync(handle.fileno())
        os.replace(temp, out)
    except (DatabaseFailure, OSError) as exc:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()
        reason = getattr(exc, "strerror", None) or str(getattr(exc, "orig", exc))
        raise BackupError(f"Can't write the backup to {out}: {reason}.") from exc
    return out


def take_automatic_backup(engine: Engine | RawDatabase, backup_dir: Path, reason: str) -> Path:
    """A timestamped backup in the store's own backup folder; old ones are thinned."""
    ensure_private_dir(backup_dir)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    path = write_backup(engine, backup_dir / f"supportnet-{stamp}-{reason}.db")
    # Data that was replaced is never thinned away: the backup may be all that is left of it.
    automatic = sorted(
        p for p in backup_dir.glob("supportnet-*.db") if not p.stem.endswith(REPLACED_SUFFIXES)
    )
    for old in automatic[:-KEEP_AUTOMATIC]:
        with contextlib.suppress(OSError):
            old.unlink()
    return path
