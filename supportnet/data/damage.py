"""A damaged, replaced or lost database: kept aside (never deleted), and what to say about it."""

from __future__ import annotations

import contextlib
import os
from datetime import UTC, datetime
from pathlib import Path

from supportnet.data import file_names
from supportnet.data.file_names import BACKUP_DIR_NAME
from supportnet.data.files import FILE_MODE, ensure_private_dir
from supportnet.data.store_files import store_exists
from supportnet.i18n import _, ngettext
from supportnet.model.days import clock_time, day_month_year
from supportnet.model.errors import StoreError

DAMAGED_DIR_NAME = file_names.DAMAGED_DIR_NAME

SALVAGE_COMMAND = "supportnet salvage --out FILE"


def automatic_backups(data_dir: Path) -> list[Path]:
    """The automatic backups in ``data_dir``'s backup folder, oldest first.

    Names carry a UTC timestamp (``supportnet-<stamp>-<reason>``), so their order is their age.
    Unreadable folders count as none: this only ever informs a message.
    """
    folder = data_dir / BACKUP_DIR_NAME
    try:
        found = [p for p in folder.glob("supportnet-*") if p.is_file()]
    except OSError:
        return []
    return sorted(found, key=lambda p: p.name)


def newest_backup(data_dir: Path) -> Path | None:
    found = automatic_backups(data_dir)
    return found[-1] if found else None


def describe_backups(data_dir: Path) -> str:
    """E.g. "3 backups in DIR; the newest is FILE (3 Dec 2026, 07:12 UTC)"."""
    found = automatic_backups(data_dir)
    if not found:
        return _("no automatic backups in {folder}").format(folder=data_dir / BACKUP_DIR_NAME)
    newest = found[-1]
    return ngettext(
        "{count} backup in {folder}; the newest is {newest}{when}",
        "{count} backups in {folder}; the newest is {newest}{when}",
        len(found),
    ).format(count=len(found), folder=newest.parent, newest=newest, when=_when(newest))


def _when(path: Path) -> str:
    try:
        made = datetime.fromtimestamp(path.stat().st_mtime, UTC)
    except OSError:
        return ""
    return f" ({day_month_year(made, short=True)}, {clock_time(made)} UTC)"


def damaged_files(data_dir: Path) -> list[Path]:
    """The damaged databases kept aside in ``data_dir``, oldest first."""
    try:
        return sorted(p for p in (data_dir / DAMAGED_DIR_NAME).glob("*.db") if p.is_file())
    except OSError:
        return []


def restore_advice(data_dir: Path, *, force: bool) -> str:
    """One sentence on bringing back the newest automatic backup, or that there is none."""
    newest = newest_backup(data_dir)
    flag = " --force" if force else ""
    if newest is None:
        return _(
            "There is no automatic backup in {folder}; a backup you made with `supportnet "
            "backup` comes back with `{command}`."
        ).format(folder=data_dir / BACKUP_DIR_NAME, command=f"supportnet restore FILE{flag}")
    return _("The newest automatic backup is {newest}{when}: `{command}` brings it back.").format(
        newest=newest, when=_when(newest), command=f"supportnet restore {newest}{flag}"
    )


def damaged_message(db: Path, what: str, *, salvageable: bool) -> str:
    """The one line shown when the database can't be opened because it is damaged.

    ``what`` says what is wrong, e.g. "1 page can't be read". Nothing is changed by the
    refusal, and the message says where to go next: the newest backup, and salvage.
    """
    data_dir = db.parent
    parts = [
        _("The database {db} is damaged ({what}); it was left as it is.").format(db=db, what=what),
        restore_advice(data_dir, force=True),
    ]
    if salvageable:
        said = (
            _(
                "To keep what was added since, `{command}` saves every row that can still be "
                "read into a new backup; restoring that with --force keeps the damaged "
                "database in {folder}."
            )
            if newest_backup(data_dir)
            else _(
                "`{command}` saves every row that can still be read into a new backup; "
                "restoring that with --force keeps the damaged database in {folder}."
            )
        )
        parts.append(said.format(command=SALVAGE_COMMAND, folder=data_dir / DAMAGED_DIR_NAME))
    return " ".join(parts)


def lost_store_message(data_dir: Path, escape: str = "") -> str | None:
    """What to say when ``data_dir`` holds no store but does hold backups; else None.

    The database and its key record are gone (deleted, or a folder copied without them),
    yet backups of a store are here: starting afresh would bury them, so say how to
    restore instead. ``escape`` is a sentence on how to start afresh anyway.
    """
    if store_exists(data_dir):
        return None
    newest = newest_backup(data_dir)
    if newest is None:
        return None
    parts = [
        _(
            "There is no SupportNet store in {data_dir}, but there are backups of one: {backups}."
        ).format(data_dir=data_dir, backups=describe_backups(data_dir)),
        _("Bring it back with `{command}`.").format(command=f"supportnet restore {newest}"),
    ]
    if escape:
        parts.append(escape)
    return " ".join(parts)


def refuse_fresh_start(data_dir: Path, escape: str = "") -> None:
    """Raise :class:`StoreError` rather than start a new store beside a lost one's backups."""
    message = lost_store_message(data_dir, escape)
    if message is not None:
        raise StoreError(message)


def move_aside(db: Path) -> Path:
    """Move the damaged database ``db`` (and its write-ahead log) into ``damaged/``, dated.

    The file is moved, not copied: it can't be read whole, and a rename is atomic and
    needs no space. The caller holds the store lock, so no connection is open on it.
    Returns the new path.
    """
    folder = db.parent / DAMAGED_DIR_NAME
    ensure_private_dir(folder)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    kept = folder / f"{db.stem}-{stamp}{db.suffix}"
    try:
        # The log first: a crash between the two renames then leaves the database in place
        # without its log (the log's data is already kept safe), never the reverse.
        wal = Path(f"{db}-wal")
        if wal.exists():
            os.replace(wal, Path(f"{kept}-wal"))
        os.replace(db, kept)
        with contextlib.suppress(FileNotFoundError):
            Path(f"{db}-shm").unlink()
        for path in (kept, Path(f"{kept}-wal")):
            with contextlib.suppress(FileNotFoundError):
                path.chmod(FILE_MODE)
        _sync_folder(folder)
        _sync_folder(db.parent)
    except OSError as exc:
        raise StoreError(
            _(
                "Can't move the damaged database {db} aside into {folder}: {reason}. Nothing "
                "was replaced."
            ).format(db=db, folder=folder, reason=exc.strerror)
        ) from exc
    return kept


def _sync_folder(folder: Path) -> None:
    """Make the renames in ``folder`` durable (a no-op where folders can't be opened)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
