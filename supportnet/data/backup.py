"""Encrypted backups with VACUUM INTO (never a file copy: committed data may sit in the WAL).

Each backup is one portable file (see :mod:`supportnet.data.backup_format`): the database
key wrapped by the recovery key (and by the passphrase, for a passphrase store), then the
encrypted database.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import tempfile
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from supportnet.data import keys, recovery
from supportnet.data.backup_format import (
    BackupHeader,
    file_digest,
    is_container,
    read_header,
    write_container,
)
from supportnet.data.engine import DatabaseFailure, RawDatabase, raw_execute
from supportnet.data.failures import file_failure
from supportnet.data.files import FILE_MODE, ensure_private_dir, fsync_dir

if TYPE_CHECKING:
    from sqlalchemy import Engine

from supportnet.data import file_names
from supportnet.data.paths import user_path
from supportnet.i18n import N_, _
from supportnet.model.errors import BackupError, StoreError

BACKUP_DIR_NAME = file_names.BACKUP_DIR_NAME

KEEP_AUTOMATIC = 10
#: The reasons given for backups of data that a restore or `demo --force` replaced. Only
#: the copies taken before an upgrade (the same data, still in the store) are thinned.
REPLACED_SUFFIXES = ("-before-restore", "-before-demo")
#: Daily automatic backups (data/auto_backup.py) have their own retention, not this one's.
DAILY_SUFFIX = "-daily"


def database_of(target: Engine | RawDatabase) -> tuple[Path, bytes]:
    """The database file behind ``target`` and its raw key."""
    if isinstance(target, RawDatabase):
        return target.path, target.key
    password = str(target.url.password or "")
    return Path(str(target.url.database)), bytes.fromhex(password.removeprefix("x'").rstrip("'"))


def _header(data_dir: Path, db_key: bytes, snapshot: Path) -> BackupHeader:
    """The header for a backup of the store in ``data_dir``."""
    info = keys.read_keyinfo(data_dir)
    if info is None:
        raise BackupError(
            _("Can't write the backup: the key record in {data_dir} is missing.").format(
                data_dir=data_dir
            )
        )
    record = recovery.ensure_record(data_dir, info.key_id, db_key, datetime.now(UTC))
    size, digest = file_digest(snapshot)
    header = BackupHeader(
        key_id=info.key_id,
        recovery=record.wrap,
        passphrase=info if info.method is keys.KeyMethod.PASSPHRASE else None,
        db_size=size,
        db_sha256=digest,
        created_at=datetime.now(UTC).isoformat(timespec="seconds"),
    )
    return dataclasses.replace(header, mac=recovery.mac(db_key, header.signed_bytes()))


def is_backup(path: Path, db_key: bytes) -> bool:
    """Whether ``path`` is a SupportNet backup: a portable one, or an old one of this store."""
    if is_container(path):
        return True
    probe = RawDatabase(path, db_key)
    try:
        found = raw_execute(probe, "SELECT 1 FROM sqlite_master WHERE name = 'alembic_version'")
    except DatabaseFailure:
        return False
    finally:
        probe.close()
    return bool(found)


def is_inside(path: Path, folder: Path) -> bool:
    """Whether ``path`` is ``folder`` or lies somewhere inside it (links followed)."""
    return path.resolve().is_relative_to(folder.resolve())


def refuse_inside_store(out: Path, data_dir: Path, what: str = "a backup") -> None:
    """Refuse to write ``what`` into the data folder (but for backups/), where it could
    replace the store's own files: the database, key.json or recovery.json."""
    home = data_dir.resolve()
    if is_inside(out, home) and not is_inside(out, home / BACKUP_DIR_NAME):
        known = _INSIDE.get(what)
        said = (
            _(known)
            if known is not None
            else "Can't write " + what + " to {out}: it is inside the data folder, where it "
            "could replace the store itself. Choose a place outside it (or {backups})."
        )
        raise BackupError(said.format(out=out, backups=home / BACKUP_DIR_NAME))


#: What :func:`refuse_inside_store` says for each ``what`` its callers pass.
_INSIDE = {
    "a backup": N_(
        "Can't write a backup to {out}: it is inside the data folder, where it could "
        "replace the store itself. Choose a place outside it (or {backups})."
    ),
    "backups": N_(
        "Can't write backups to {out}: it is inside the data folder, where it could "
        "replace the store itself. Choose a place outside it (or {backups})."
    ),
    "the salvaged copy": N_(
        "Can't write the salvaged copy to {out}: it is inside the data folder, where it could "
        "replace the store itself. Choose a place outside it (or {backups})."
    ),
}


def check_target(out: Path, data_dir: Path, db_key: bytes, *, force: bool) -> None:
    """Refuse a backup path that could destroy the store or a file that isn't a backup."""
    refuse_inside_store(out, data_dir)
    resolved = out.resolve()
    if resolved.is_file() and not force and not is_backup(resolved, db_key):
        raise BackupError(
            _(
                "{out} already exists and isn't a SupportNet backup, so it was left alone. "
                "Choose another name, or use --force to replace it."
            ).format(out=out)
        )


def write_backup(
    target: Engine | RawDatabase,
    out: Path,
    *,
    force: bool = False,
    data_dir: Path | None = None,
) -> Path:
    """Write a portable encrypted backup of the database behind ``target`` to ``out``.

    The store's key records are read from ``data_dir`` (by default the database's own
    folder). ``out`` is replaced only once the backup is complete and on disk.
    """
    out = user_path(out)
    parent = out.parent if str(out.parent) else Path(".")
    if not parent.is_dir():
        raise BackupError(
            _("Can't write the backup: the folder {parent} doesn't exist.").format(parent=parent)
        )
    if out.is_dir():
        raise BackupError(_("Can't write the backup: {out} is a folder.").format(out=out))
    db_path, db_key = database_of(target)
    data_dir = data_dir or db_path.parent
    check_target(out, data_dir, db_key, force=force)
    try:
        # VACUUM INTO accepts an existing empty file and keeps its mode: mkstemp's 0600.
        fd, name = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".partial", dir=parent)
        os.close(fd)
    except OSError as exc:
        typed = file_failure(exc, out, "the backup")
        raise typed or BackupError(
            _("Can't write the backup in {parent}: {reason}.").format(
                parent=parent, reason=exc.strerror
            )
        ) from exc
    snapshot = Path(name)
    container = snapshot.with_name(snapshot.name + ".backup")
    try:
        raw_execute(target, "VACUUM INTO ?", (str(snapshot),))
        header = _header(data_dir, db_key, snapshot)
        write_container(snapshot, container, header)
        os.chmod(container, FILE_MODE)
        os.replace(container, out)
        fsync_dir(parent)
    except (DatabaseFailure, OSError, StoreError) as exc:
        with contextlib.suppress(FileNotFoundError):
            container.unlink()
        # A full disk, named for the backup it stopped (VACUUM INTO's SQLITE_FULL is
        # about the new file, not the store).
        typed = file_failure(exc, out, "the backup")
        if typed is not None:
            raise typed from exc
        if isinstance(exc, StoreError):
            raise
        reason = getattr(exc, "strerror", None) or str(getattr(exc, "orig", exc))
        raise BackupError(
            _("Can't write the backup to {out}: {reason}.").format(out=out, reason=reason)
        ) from exc
    finally:
        with contextlib.suppress(FileNotFoundError):
            snapshot.unlink()
    return out


def key_id_of(path: Path) -> str | None:
    """The key id in the header of the backup at ``path``; None if it has none."""
    try:
        return read_header(path)[0].key_id
    except BackupError:
        return None


def take_automatic_backup(engine: Engine | RawDatabase, backup_dir: Path, reason: str) -> Path:
    """A timestamped backup in the store's own backup folder; old ones are thinned."""
    ensure_private_dir(backup_dir)
    # Only the lock holder writes here, so any temporary file is one a killed run left.
    for stale in backup_dir.glob(".supportnet-*.partial*"):
        with contextlib.suppress(OSError):
            stale.unlink()
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    path = write_backup(engine, backup_dir / f"supportnet-{stamp}-{reason}.db")
    # Data that was replaced is never thinned away: the backup may be all that is left of it.
    # Nor are another store's backups (a lost store's, found here when this one started
    # afresh; an old-format file can't say whose it is): only this store's own are thinned.
    ours = key_id_of(path)
    automatic = sorted(
        p
        for p in backup_dir.glob("supportnet-*.db")
        if not p.stem.endswith((*REPLACED_SUFFIXES, DAILY_SUFFIX))
        and ours is not None
        and key_id_of(p) == ours
    )
    for old in automatic[:-KEEP_AUTOMATIC]:
        with contextlib.suppress(OSError):
            old.unlink()
    return path
