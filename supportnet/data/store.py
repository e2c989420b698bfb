"""Opening the encrypted store: lock, key, checks, migrations; and restoring backups.

Opening an up-to-date store loads none of the backups' code (the writer, the automatic
backups, the recovery record's): each is imported where it is used.
"""

from __future__ import annotations

import contextlib
import os
import sys
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from supportnet.data import keys
from supportnet.data.damage import damaged_message, move_aside
from supportnet.data.engine import DatabaseFailure, RawDatabase, make_engine, raw_execute, set_wal
from supportnet.data.file_names import BACKUP_DIR_NAME
from supportnet.data.files import FILE_MODE, ensure_private_dir, tighten
from supportnet.data.keys import KdfParams, KeyInfo, PassphraseProvider
from supportnet.data.lock import StoreLock
from supportnet.data.migrate import check_revision, current_revision, needs_upgrade, upgrade
from supportnet.data.repositories.base import LazySessions
from supportnet.data.store_files import DB_NAME, SIDE_FILES, store_exists
from supportnet.data.store_key import AUTO_BACKEND, load_existing_key, resolve_backend
from supportnet.i18n import _, ngettext
from supportnet.model.errors import (
    BackupError,
    CorruptStoreError,
    KeyUnavailableError,
    StoreError,
)

if TYPE_CHECKING:
    from sqlalchemy import Engine
    from sqlalchemy.orm import Session, sessionmaker

    from supportnet.data.repositories.calendar import CalendarRepository
    from supportnet.data.repositories.care_teams import CareTeamsRepository
    from supportnet.data.repositories.checkins import CheckInsRepository
    from supportnet.data.repositories.groups import GroupsRepository
    from supportnet.data.repositories.ideas import IdeasRepository
    from supportnet.data.repositories.people import PeopleRepository
    from supportnet.data.repositories.plans import PlansRepository
    from supportnet.data.repositories.postponements import PostponementsRepository
    from supportnet.data.repositories.safety_plan import SafetyPlanRepository
    from supportnet.data.repositories.settings import SettingsRepository


#: Tables whose rows are data worth keeping: a store with a row in any of them holds data.
_DATA_TABLES: tuple[str, ...] = ("people", "community_groups", "plans", "checkins")
_DATA_TABLES += ("safety_plan_entries", "care_teams")


@dataclass(frozen=True, slots=True)
class Counts:
    """How many people, groups, plans and check-ins the store holds."""

    people: int
    groups: int
    plans: int
    checkins: int

    @property
    def total(self) -> int:
        return self.people + self.groups + self.plans + self.checkins


class Store:
    """An open, unlocked store. Close it (or use ``with``) to release the lock.

    Reads go through plain SQLCipher connections (:attr:`db`); the SQLAlchemy engine and
    the repositories are built on first use, so opening the store imports no ORM.
    """

    def __init__(
        self,
        data_dir: Path,
        db: RawDatabase,
        key_info: KeyInfo,
        lock: StoreLock,
        migrated_backup: Path | None = None,
    ) -> None:
        self.data_dir = data_dir
        self.db_path = data_dir / DB_NAME
        self.db = db
        self.key_info = key_info
        self.migrated_backup = migrated_backup
        self._lock = lock
        self._stamp_at_open = db.change_stamp() if _after_writes_wanted() else None

    @cached_property
    def engine(self) -> Engine:
        return make_engine(self.db_path, self.db.key)

    @cached_property
    def sessions(self) -> sessionmaker[Session]:
        from sqlalchemy.orm import sessionmaker

        return sessionmaker(self.engine, expire_on_commit=False)

    @cached_property
    def people(self) -> PeopleRepository:
        from supportnet.data.repositories.people import PeopleRepository

        return PeopleRepository(LazySessions(lambda: self.sessions), self.db)

    @cached_property
    def groups(self) -> GroupsRepository:
        from supportnet.data.repositories.groups import GroupsRepository

        return GroupsRepository(LazySessions(lambda: self.sessions), self.db)

    @cached_property
    def plans(self) -> PlansRepository:
        from supportnet.data.repositories.plans import PlansRepository

        return PlansRepository(LazySessions(lambda: self.sessions), self.db)

    @cached_property
    def checkins(self) -> CheckInsRepository:
        from supportnet.data.repositories.checkins import CheckInsRepository

        return CheckInsRepository(LazySessions(lambda: self.sessions), self.db)

    @cached_property
    def postponements(self) -> PostponementsRepository:
        from supportnet.data.repositories.postponements import PostponementsRepository

        return PostponementsRepository(LazySessions(lambda: self.sessions), self.db)

    @cached_property
    def ideas(self) -> IdeasRepository:
        from supportnet.data.repositories.ideas import IdeasRepository

        return IdeasRepository(LazySessions(lambda: self.sessions), self.db)

    @cached_property
    def calendar(self) -> CalendarRepository:
        from supportnet.data.repositories.calendar import CalendarRepository

        return CalendarRepository(LazySessions(lambda: self.sessions), self.db)

    @cached_property
    def safety_plan(self) -> SafetyPlanRepository:
        from supportnet.data.repositories.safety_plan import SafetyPlanRepository

        return SafetyPlanRepository(LazySessions(lambda: self.sessions), self.db)

    @cached_property
    def care_teams(self) -> CareTeamsRepository:
        from supportnet.data.repositories.care_teams import CareTeamsRepository

        return CareTeamsRepository(LazySessions(lambda: self.sessions), self.db)

    @cached_property
    def settings(self) -> SettingsRepository:
        from supportnet.data.repositories.settings import SettingsRepository

        return SettingsRepository(LazySessions(lambda: self.sessions), self.db)

    @property
    def backup_dir(self) -> Path:
        return self.data_dir / BACKUP_DIR_NAME

    def revision(self) -> str | None:
        return current_revision(self.db)

    def sqlcipher_version(self) -> str:
        rows = raw_execute(self.db, "PRAGMA cipher_version")
        return str(rows[0][0]) if rows else "unknown"

    def integrity_problems(self) -> list[str]:
        """Pages SQLCipher can't authenticate, or SQLite's own integrity complaints."""
        problems = [str(r[0]) for r in raw_execute(self.db, "PRAGMA cipher_integrity_check")]
        rows = raw_execute(self.db, "PRAGMA quick_check")
        problems += [str(r[0]) for r in rows if r[0] != "ok"]
        return problems

    def counts(self) -> Counts:
        tables = ("people", "community_groups", "plans", "checkins")
        people, groups, plans, checkins = (
            int(raw_execute(self.db, f"SELECT count(*) FROM {t}")[0][0]) for t in tables
        )
        return Counts(people, groups, plans, checkins)

    def is_empty(self) -> bool:
        """No network, no plan for hard days, no care team: nothing worth keeping."""
        return not any(raw_execute(self.db, f"SELECT 1 FROM {t} LIMIT 1") for t in _DATA_TABLES)

    def backup(self, out: Path, *, force: bool = False) -> Path:
        """Write a portable encrypted backup to ``out`` (see
        :func:`~supportnet.data.backup.write_backup`)."""
        from supportnet.data.backup import write_backup

        return write_backup(self.db, out, force=force)

    def close(self) -> None:
        if "engine" in self.__dict__:
            self.engine.dispose()
        self.db.close()
        for suffix in SIDE_FILES:
            tighten(Path(f"{self.db_path}{suffix}"))
        self._lock.release()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, exc_type: object, *exc: object) -> None:
        if self._stamp_at_open is not None:  # a command's store: a backup may be due
            from supportnet.data.auto_backup import back_up_after_writes

            back_up_after_writes(self, self._stamp_at_open, ended_well=exc_type is None)
        self.close()


def _after_writes_wanted() -> bool:
    """:func:`~supportnet.data.auto_backup.after_writes_wanted`, without loading the backups'
    code for the app: only a command inside ``backing_up_after_writes`` wants it, and that
    has loaded the module."""
    auto_backup = sys.modules.get("supportnet.data.auto_backup")
    return auto_backup is not None and bool(auto_backup.after_writes_wanted())


def open_store(
    data_dir: Path,
    *,
    passphrase: PassphraseProvider | None = None,
    keyring_backend: Any = AUTO_BACKEND,
    create: bool = True,
    prefer_passphrase: bool = False,
    kdf: KdfParams | None = None,
    check_recovery: bool = True,
) -> Store:
    """Lock ``data_dir``, find the key, check and migrate the database, and open it.

    A new store is made only where there is neither a database nor a key record; a
    missing key is reported, never replaced. Without ``create``, a folder holding no
    store is left as it is: not made, not made private, no lock file. Without
    ``check_recovery`` the recovery record is left for the caller to check (the app does,
    through :class:`~supportnet.data.recovery.RecoveryKeeper`, once its window is painted).
    """
    if not create and not store_exists(data_dir):
        raise _no_store_yet(data_dir)
    made = not data_dir.exists()
    ensure_private_dir(data_dir)
    lock = StoreLock(data_dir)
    lock.acquire()
    try:
        return _open_locked(
            data_dir,
            lock,
            passphrase=passphrase,
            keyring_backend=keyring_backend,
            create=create,
            prefer_passphrase=prefer_passphrase,
            kdf=kdf,
            check_recovery=check_recovery,
        )
    except BaseException:
        lock.release()
        if made:
            # A first start that failed (no passphrase, one that isn't text) leaves no
            # folder holding only a lock file behind.
            with contextlib.suppress(OSError):
                if [p.name for p in data_dir.iterdir()] == [lock.path.name]:
                    lock.path.unlink()
                    data_dir.rmdir()
        raise


def _no_store_yet(data_dir: Path) -> StoreError:
    return StoreError(
        _("There is no SupportNet store in {data_dir} yet.").format(data_dir=data_dir)
    )


#: Temporary copies a killed restore leaves (never the store itself; we hold the lock).
_LEFTOVERS = (DB_NAME + ".restoring",)


def _clear_leftovers(data_dir: Path) -> None:
    for name in _LEFTOVERS:
        for suffix in ("", *SIDE_FILES):
            with contextlib.suppress(OSError):
                Path(f"{data_dir / name}{suffix}").unlink()


def _open_locked(
    data_dir: Path,
    lock: StoreLock,
    *,
    passphrase: PassphraseProvider | None,
    keyring_backend: Any,
    create: bool,
    prefer_passphrase: bool,
    kdf: KdfParams | None,
    check_recovery: bool = True,
) -> Store:
    db = data_dir / DB_NAME
    _clear_leftovers(data_dir)
    info = keys.read_keyinfo(data_dir)
    if info is None:
        if db.exists():
            raise KeyUnavailableError(
                _(
                    "The database is here but its key record ({file}) is missing, so it "
                    "can't be opened. SupportNet won't replace it with an empty store."
                ).format(file=keys.KEYINFO_NAME)
            )
        if not create:
            raise _no_store_yet(data_dir)
        backend = resolve_backend(keyring_backend)
        key, info = keys.create_key(
            data_dir,
            backend,
            passphrase,
            kdf=kdf,
            prefer_passphrase=prefer_passphrase,
        )
        try:
            _create_database(db, key)
        except BaseException:
            # A key record without its database would make every later open refuse the
            # folder as a lost store; take the new key back so the next start begins afresh.
            with contextlib.suppress(FileNotFoundError):
                (data_dir / keys.KEYINFO_NAME).unlink()
            if info.method is keys.KeyMethod.KEYRING:
                keys.delete_from_keyring(backend, info)
            raise
    else:
        key = load_existing_key(data_dir, info, keyring_backend, passphrase)

    store = _open_with_key(data_dir, lock, info, key)
    if not check_recovery:
        return store
    # Stores made before recovery keys existed get one here, on their next open. Only now
    # that the key has opened the database: checked with a wrong key (a replaced keyring
    # entry), a sound recovery record would look damaged and be replaced.
    from supportnet.data import recovery

    try:
        recovery.ensure_record(data_dir, info.key_id, key, datetime.now(UTC))
    except BaseException:
        store.close()
        raise
    return store


def _create_database(db: Path, key: bytes) -> None:
    """Make the schema in a temporary file, then move it into place in one step."""
    temp = db.with_name(DB_NAME + ".new")
    for suffix in ("", *SIDE_FILES):
        with contextlib.suppress(FileNotFoundError):
            Path(f"{temp}{suffix}").unlink()
    # Create the file 0600 first: SQLite keeps an existing file's mode and gives the WAL
    # and SHM files the same mode as the database.
    os.close(os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE))
    try:
        upgrade(temp, key, backup_dir=None)
        os.replace(temp, db)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            temp.unlink()
        raise


def _readable(db: Path, key: bytes) -> RawDatabase:
    """The database, its pages checked: an empty, damaged or foreign file is refused with a
    plain message. The caller closes it."""
    try:
        size = db.stat().st_size
    except OSError as exc:
        raise StoreError(
            _("Can't read the database {db}: {reason}.").format(db=db, reason=exc.strerror)
        ) from exc
    if size == 0:
        raise CorruptStoreError(damaged_message(db, _("the file is empty"), salvageable=False))
    database = RawDatabase(db, key)
    with contextlib.ExitStack() as refused:
        refused.callback(database.close)  # closed on any way out but the last
        try:
            raw_execute(database, "SELECT count(*) FROM sqlite_master")
            # Page 1 reading fine says nothing of the others; a damaged page would otherwise
            # surface later as a raw "database disk image is malformed" from some query.
            damaged = raw_execute(database, "PRAGMA cipher_integrity_check")
        except DatabaseFailure as exc:
            raise CorruptStoreError(
                damaged_message(
                    db,
                    _("it can't be read with its key, or isn't a SupportNet database"),
                    salvageable=False,
                )
            ) from exc
        if damaged:
            # Translators: inside "The database … is damaged (…); it was left as it is."
            what = ngettext("{n} page can't be read", "{n} pages can't be read", len(damaged))
            raise CorruptStoreError(
                damaged_message(db, what.format(n=len(damaged)), salvageable=True)
            )
        refused.pop_all()
    return database


def _set_aside_current(db: Path, key: bytes, data_dir: Path, *, force: bool) -> Path | None:
    """Keep the current database before it is replaced; refuse without ``force``.

    A readable one is backed up into backups/; a damaged one is moved, whole, into
    damaged/. Either way nothing is deleted.
    """
    if not db.exists() or db.stat().st_size == 0:
        return None
    current = RawDatabase(db, key)
    try:
        try:
            damaged = bool(raw_execute(current, "PRAGMA cipher_integrity_check"))
            has_data = damaged or _holds_data(current)
        except (DatabaseFailure, StoreError):
            damaged = has_data = True
        if damaged and not force:
            raise BackupError(
                _(
                    "The current database is damaged or can't be read. Use --force to replace it "
                    "with the backup (the damaged file is kept in the damaged folder)."
                )
            )
        if has_data and not force:
            raise BackupError(
                _(
                    "This store already holds data. Use --force to replace it with the backup (a "
                    "copy of the current data is kept in the backups folder first)."
                )
            )
        if not damaged:
            from supportnet.data.backup import take_automatic_backup

            return take_automatic_backup(current, data_dir / BACKUP_DIR_NAME, "before-restore")
    finally:
        current.close()
    return move_aside(db)


def _holds_data(database: RawDatabase) -> bool:
    if current_revision(database) is None:
        return False
    present = {
        str(name)
        for (name,) in raw_execute(database, "SELECT name FROM sqlite_master WHERE type = 'table'")
    }
    # A store not yet migrated has no table for what later revisions added.
    return any(
        raw_execute(database, f"SELECT 1 FROM {t} LIMIT 1") for t in _DATA_TABLES if t in present
    )


def _open_with_key(data_dir: Path, lock: StoreLock, info: KeyInfo, key: bytes) -> Store:
    """Check, migrate (backing up first) and open the database with a known key."""
    db = data_dir / DB_NAME
    # One connection checks, reads the revision and stays the store's (each open ~0.5 ms).
    database = _readable(db, key)
    try:
        revision = current_revision(database)
        check_revision(revision)
        backup = None
        if needs_upgrade(revision):
            database.close()  # the migration has its own; the store reads what it wrote
            backup = upgrade(db, key, backup_dir=data_dir / BACKUP_DIR_NAME)
            database = RawDatabase(db, key)
        set_wal(database)
    except BaseException:
        database.close()
        raise
    for suffix in ("", *SIDE_FILES):
        tighten(Path(f"{db}{suffix}"))
    return Store(data_dir, database, info, lock, backup)
