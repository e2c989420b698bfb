"""Automatic daily backups: at most one a day, thinned to 7 daily, 4 weekly and 6 monthly.

Each is a portable backup written by :func:`~supportnet.data.backup.write_backup` (VACUUM
INTO, never a file copy of the live database) into ``backups/`` under the data folder, and
copied whole to an extra folder the user chose (a USB stick, a synced folder) when one is
set. Nothing here ever raises for a folder that is gone or a disk that is full: the result
carries one calm line instead, and the command or the app goes on.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import tempfile
from contextvars import ContextVar
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from supportnet.data.backup import BACKUP_DIR_NAME, DAILY_SUFFIX, key_id_of, write_backup
from supportnet.data.files import FILE_MODE, ensure_private_dir, fsync_dir
from supportnet.i18n import _
from supportnet.model.errors import DiskFullError, StoreReadOnlyError, SupportNetError
from supportnet.model.retention import AutoBackupResult, backups_to_keep

if TYPE_CHECKING:
    from collections.abc import Iterator

    from sqlalchemy import Engine

    from supportnet.data.engine import RawDatabase
    from supportnet.data.store import Store

log = logging.getLogger(__name__)

#: The reason in an automatic daily backup's name: ``supportnet-<UTC stamp>-daily.db``.

_PREFIX = "supportnet-"
_STAMP = "%Y%m%dT%H%M%S%fZ"
#: Every automatic daily backup's name matches this (and no file the user saves, such as
#: Back up now's "supportnet-backup-<date>.db", does: see :func:`stamp_of`).
DAILY_PATTERN = f"{_PREFIX}*{DAILY_SUFFIX}.db"


#: While a command runs: the lines about automatic backups that couldn't be made.
_after_writes: ContextVar[list[str] | None] = ContextVar("supportnet_after_writes", default=None)


@contextlib.contextmanager
def backing_up_after_writes() -> Iterator[list[str]]:
    """While this runs, a store closed after it wrote takes today's backup if it is due
    (see :meth:`Store.__exit__`); what couldn't be done is gathered in the list yielded."""
    lines: list[str] = []
    token = _after_writes.set(lines)
    try:
        yield lines
    finally:
        _after_writes.reset(token)


def after_writes_wanted() -> bool:
    """Whether a store that wrote should look at the automatic backup when it closes."""
    return _after_writes.get() is not None


def note_after_writes(result: AutoBackupResult) -> None:
    """Keep ``result``'s problem, if any, for the command to say when it ends."""
    lines = _after_writes.get()
    if lines is not None and result.problem:
        lines.append(result.problem)


def back_up_after_writes(store: Store, stamp_at_open: object, *, ended_well: bool) -> None:
    """After a command: today's automatic backup, if the command wrote and one is due.

    ``stamp_at_open`` is the store's change stamp when it opened (None: not a command's
    store). Never raises: the command's own result stands.
    """
    from supportnet.model.zones import system_zone_name, user_zone_name, zone_or_utc

    if stamp_at_open is None or not ended_well:
        return
    try:
        if store.db.change_stamp() == stamp_at_open:
            return
        settings = store.settings.load()
        zone = zone_or_utc(user_zone_name(settings.timezone, system_zone_name()))
        extra = Path(settings.backup_folder) if settings.backup_folder else None
        result = auto_backup_if_due(store.db, store.data_dir, datetime.now(UTC), zone, extra)
    # The command is done and its data saved: a backup that can't be made never undoes that.
    except Exception as exc:
        log.warning("automatic backup skipped (%s)", type(exc).__name__)
        result = AutoBackupResult(problem=_("Today's automatic backup wasn't made."))
    note_after_writes(result)


def stamp_of(path: Path) -> datetime | None:
    """The UTC time in an automatic daily backup's name; None for any other file."""
    name = path.name
    if not (name.startswith(_PREFIX) and name.endswith(f"{DAILY_SUFFIX}.db")):
        return None
    text = name[len(_PREFIX) : -len(f"{DAILY_SUFFIX}.db")]
    try:
        return datetime.strptime(text, _STAMP).replace(tzinfo=UTC)
    except ValueError:
        return None


def daily_backups(folder: Path) -> dict[Path, datetime]:
    """The automatic daily backups in ``folder`` and their times; none if it can't be read."""
    try:
        found = [p for p in folder.glob(DAILY_PATTERN) if p.is_file()]
    except OSError:
        return {}
    stamps = {p: stamp_of(p) for p in found}
    return {p: s for p, s in stamps.items() if s is not None}


def last_daily_backup(folder: Path) -> tuple[Path, datetime] | None:
    """The newest automatic daily backup in ``folder`` and its time, if there is one."""
    found = daily_backups(folder)
    if not found:
        return None
    path = max(found, key=lambda p: found[p])
    return path, found[path]


def _has_one_today(folder: Path, now: datetime, zone: ZoneInfo) -> bool:
    today = now.astimezone(zone).date()
    return any(s.astimezone(zone).date() == today for s in daily_backups(folder).values())


def is_due(data_dir: Path, now: datetime, zone: ZoneInfo) -> bool:
    """Whether today (in ``zone``) has no automatic backup in the data folder yet."""
    return not _has_one_today(data_dir / BACKUP_DIR_NAME, now, zone)


def thin(folder: Path, today_at: datetime, zone: ZoneInfo, key_id: str | None) -> list[Path]:
    """Remove this store's daily backups in ``folder`` that retention doesn't keep.

    Only backups whose header names ``key_id`` are touched: another store's backups (in a
    shared USB folder, or a lost store's) are never thinned away. Returns what was removed.
    """
    if key_id is None:
        return []
    ours = {p: s for p, s in daily_backups(folder).items() if key_id_of(p) == key_id}
    local = {p: s.astimezone(zone) for p, s in ours.items()}
    keep = backups_to_keep(local.values(), today_at.astimezone(zone).date())
    removed = []
    for path, stamp in sorted(local.items()):
        if stamp not in keep:
            with contextlib.suppress(OSError):
                path.unlink()
                removed.append(path)
    return removed


def _copy_whole(source: Path, folder: Path) -> Path:
    """Copy the finished backup ``source`` into ``folder`` under its own name, atomically."""
    out = folder / source.name
    fd, name = tempfile.mkstemp(prefix=f".{source.name}.", suffix=".partial", dir=folder)
    temp = Path(name)
    try:
        with os.fdopen(fd, "wb") as sink, source.open("rb") as origin:
            shutil.copyfileobj(origin, sink, 1024 * 1024)
            sink.flush()
            os.fsync(sink.fileno())
        with contextlib.suppress(OSError):  # some USB file systems keep no modes
            os.chmod(temp, FILE_MODE)
        os.replace(temp, out)
        fsync_dir(folder)
    except BaseException:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise
    return out


def _reason(exc: BaseException) -> str:
    """A short, calm reason with no path or user data in it (for the line after a colon)."""
    # Translators: the reasons end "Today's automatic backup wasn't made: …" (a clause).
    if isinstance(exc, DiskFullError):
        return _("the disk is full")
    if isinstance(exc, StoreReadOnlyError):
        return _("the folder can't be written to")
    if isinstance(exc, SupportNetError):
        text = exc.message.lower()
        if "full" in text or "space" in text:
            return _("the disk is full")
        if "read-only" in text or "permission" in text:
            return _("the folder can't be written to")
        return _("it couldn't be written")
    if isinstance(exc, OSError):
        return exc.strerror.lower() if exc.strerror else _("it couldn't be written")
    return _("it couldn't be written")


def auto_backup_if_due(
    target: Engine | RawDatabase,
    data_dir: Path,
    now: datetime,
    zone: ZoneInfo,
    extra_folder: Path | None = None,
) -> AutoBackupResult:
    """Take today's automatic backup if there is none yet, thin old ones, copy to the extra
    folder (also when today's backup exists but the extra folder hadn't got it: a USB
    stick plugged in later). Never raises for the disk or a folder; see the result."""
    folder = data_dir / BACKUP_DIR_NAME
    written: Path | None = None
    problems: list[str] = []
    if is_due(data_dir, now, zone):
        try:
            ensure_private_dir(folder)
            # Only the store's holder writes daily backups: any part-written one is a
            # killed run's.
            for stale in folder.glob(f".{_PREFIX}*{DAILY_SUFFIX}.db.*.partial*"):
                with contextlib.suppress(OSError):
                    stale.unlink()
            name = f"{_PREFIX}{now.astimezone(UTC).strftime(_STAMP)}{DAILY_SUFFIX}.db"
            written = write_backup(target, folder / name, data_dir=data_dir)
            thin(folder, now, zone, key_id_of(written))
        except (SupportNetError, OSError) as exc:
            log.warning("automatic backup not written (%s)", type(exc).__name__)
            problems.append(
                _("Today's automatic backup wasn't made: {reason}.").format(reason=_reason(exc))
            )
    extra = None
    if extra_folder is not None and not problems:
        extra, problem = _to_extra(folder, extra_folder, now, zone)
        if problem:
            problems.append(problem)
    return AutoBackupResult(written, extra, " ".join(problems))


def _to_extra(
    folder: Path, extra_folder: Path, now: datetime, zone: ZoneInfo
) -> tuple[Path | None, str]:
    """Copy today's backup to the extra folder if it hasn't got one yet."""
    if not extra_folder.is_dir():
        # A USB stick that isn't plugged in: tried again next time.
        return None, _("The extra backup folder isn't there just now; it is tried again later.")
    if _has_one_today(extra_folder, now, zone):
        return None, ""
    newest = last_daily_backup(folder)
    if newest is None:
        return None, ""
    try:
        copied = _copy_whole(newest[0], extra_folder)
        thin(extra_folder, now, zone, key_id_of(copied))
    except OSError as exc:
        log.warning("automatic backup not copied to the extra folder (%s)", type(exc).__name__)
        return None, _("Today's backup wasn't copied to the extra folder: {reason}.").format(
            reason=_reason(exc)
        )
    return copied, ""
