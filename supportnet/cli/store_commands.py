"""Commands that look after the store itself: demo, doctor, backup, restore (and salvage)."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from supportnet.cli import backup_folder_command, salvage_command
from supportnet.cli.common import backup_secret_provider, passphrase_provider
from supportnet.data.paths import user_path
from supportnet.model.errors import SupportNetError

if TYPE_CHECKING:
    from supportnet.data.keys import PassphraseProvider, PassphrasePurpose


def add_parsers(commands: Any, common: argparse.ArgumentParser) -> None:
    """Register the store commands on the ``commands`` subparsers."""
    demo = commands.add_parser(
        "demo", parents=[common], help="fill an empty store with an example network"
    )
    demo.add_argument(
        "--force", action="store_true", help="replace existing data (a backup of it is kept first)"
    )
    demo.set_defaults(handler=_cmd_demo)
    doctor = commands.add_parser(
        "doctor",
        parents=[common],
        help="show where data lives, how it is encrypted, and what it holds",
    )
    doctor.set_defaults(handler=_cmd_doctor)
    backup = commands.add_parser("backup", parents=[common], help="write an encrypted backup")
    backup.add_argument("--out", metavar="FILE", required=True, help="the backup file to write")
    backup.add_argument(
        "--force",
        action="store_true",
        help="replace FILE even if it exists and isn't a SupportNet backup",
    )
    backup.set_defaults(handler=_cmd_backup)
    restore = commands.add_parser(
        "restore",
        parents=[common],
        help="restore a backup, made here or on another computer",
        description="Restore a backup. A backup from another computer (or data folder) opens "
        "with its recovery key, or its passphrase: asked on the terminal, or read from "
        "SUPPORTNET_RECOVERY_KEY or SUPPORTNET_PASSPHRASE. The restored store then gets its "
        "own key on this computer and keeps the backup's recovery key.",
    )
    restore.add_argument("file", metavar="FILE", help="a backup written by `supportnet backup`")
    restore.add_argument(
        "--force",
        action="store_true",
        help="replace a store that holds data (a backup of it is kept first)",
    )
    restore.set_defaults(handler=_cmd_restore)
    salvage_command.add_parser(commands, common)
    backup_folder_command.add_parser(commands, common)


def _cmd_demo(args: argparse.Namespace, data_dir: Path, out: TextIO) -> int:
    from supportnet.data.backup import take_automatic_backup
    from supportnet.data.damage import refuse_fresh_start
    from supportnet.data.store import open_store
    from supportnet.demo.loader import load_demo
    from supportnet.model.zones import system_zone_name

    if not args.force:
        refuse_fresh_start(
            data_dir, "To start afresh with the example network anyway, use --force."
        )
    with open_store(data_dir, passphrase=passphrase_provider()) as store:
        kept = None
        if not store.is_empty():
            if not args.force:
                counts = store.counts()
                raise SupportNetError(
                    f"This store already holds data ({counts.people} people, {counts.groups} "
                    "groups); the example network goes only into an empty one. Use --force to "
                    "replace it (a backup is kept first)."
                )
            kept = take_automatic_backup(store.engine, store.backup_dir, "before-demo")
        counts = load_demo(store, date.today(), system_zone_name(), replace=True)
        store.settings.update(onboarded=True)
    print(
        f"Added the example network: {counts.people} people, {counts.groups} groups, "
        f"{counts.plans} plans and {counts.checkins} check-ins.",
        file=out,
    )
    if kept:
        print(f"Your previous data is kept in {kept}.", file=out)
    return 0


def _cmd_doctor(args: argparse.Namespace, data_dir: Path, out: TextIO) -> int:
    from supportnet.data.backup import BACKUP_DIR_NAME
    from supportnet.data.damage import damaged_files, describe_backups, newest_backup
    from supportnet.data.path_checks import check_readable_folder
    from supportnet.data.store import open_store
    from supportnet.data.store_files import DB_NAME, store_exists

    def line(label: str, value: object) -> None:
        print(f"{label + ':':<16}{value}", file=out)

    check_readable_folder(data_dir)
    line("Data folder", f"{data_dir} ({_mode(data_dir)})")
    if not store_exists(data_dir):
        newest = newest_backup(data_dir)
        if newest is None:
            line("Store", "none yet; it is made the first time SupportNet opens")
            return 0
        line("Store", "none here, but there are backups of one")
        line("Backups", describe_backups(data_dir))
        line("To restore", f"supportnet restore {newest}")
        return 0
    with open_store(data_dir, passphrase=passphrase_provider(), create=False) as store:
        db = data_dir / DB_NAME
        line("Database", f"{db.name}, {_size(db)} ({_mode(db)})")
        line(
            "Encryption",
            f"SQLCipher {store.sqlcipher_version()}, AES-256 with a random 256-bit key",
        )
        line("Key kept in", store.key_info.where)
        line("Schema", f"revision {store.revision()}")
        problems = store.integrity_problems()
        line("Integrity", "ok" if not problems else f"{len(problems)} problem(s): {problems[0]}")
        counts = store.counts()
        line("People", counts.people)
        line("Groups", counts.groups)
        line("Plans", counts.plans)
        line("Check-ins", counts.checkins)
        backups = sorted((data_dir / BACKUP_DIR_NAME).glob("*.db"))
        line(
            "Backups",
            f"{len(backups)} automatic in {data_dir / BACKUP_DIR_NAME}"
            if backups
            else "no automatic backups yet",
        )
        _backup_lines(line, data_dir, store.settings.load().backup_folder)
        kept = damaged_files(data_dir)
        if kept:
            line("Kept aside", f"{len(kept)} damaged database(s) in {kept[0].parent}")
    return 0


def _backup_lines(line: Any, data_dir: Path, extra: str) -> None:
    """The newest daily automatic backup, and where they go."""
    from supportnet.data.auto_backup import last_daily_backup
    from supportnet.data.backup import BACKUP_DIR_NAME
    from supportnet.model.days import clock_time, day_month_year

    last = last_daily_backup(data_dir / BACKUP_DIR_NAME)
    if last is None:
        line("Last backup", "none yet; one is taken each day SupportNet is used")
    else:
        when = last[1].astimezone()
        line("Last backup", f"{day_month_year(when, short=True)}, {clock_time(when)}, {last[0]}")
    line("Backup folder", data_dir / BACKUP_DIR_NAME)
    line("Also copied to", extra or "no extra folder chosen")


def _cmd_backup(args: argparse.Namespace, data_dir: Path, out: TextIO) -> int:
    from supportnet.data.keys import KeyMethod
    from supportnet.data.path_checks import check_usable_path
    from supportnet.data.salvage import backup_damaged
    from supportnet.data.store import open_store
    from supportnet.data.store_key import key_method
    from supportnet.model.errors import CorruptStoreError

    target = user_path(args.out)
    check_usable_path(target, "the backup file")
    passphrase = _asked_once(passphrase_provider())
    try:
        with open_store(data_dir, passphrase=passphrase, create=False) as store:
            written = store.backup(target, force=args.force)
            phrase = store.key_info.method is KeyMethod.PASSPHRASE
    except CorruptStoreError as damaged:
        # A damaged page may lie where a backup never reads (a free page): try anyway.
        written = backup_damaged(data_dir, target, damaged, passphrase=passphrase, force=args.force)
        phrase = key_method(data_dir) is KeyMethod.PASSPHRASE
    print(_opens_where(written, data_dir, phrase), file=out)
    return 0


def _opens_where(written: Path, data_dir: Path, phrase: bool) -> str:
    """Where the backup just written opens. Not "with your recovery key" while the key it
    carries replaced a damaged one and nobody has seen it: the key on paper won't open it."""
    from supportnet.data import recovery

    record = recovery.read_record(data_dir)  # written and checked by the backup just now
    if record is None or not record.unseen_replacement:
        return (
            f"Wrote an encrypted backup to {written}. It opens here, and on any computer with "
            f"your recovery key{' or your passphrase' if phrase else ''}."
        )
    assert record.replaced_at is not None
    return (
        f"Wrote an encrypted backup to {written}. It opens here"
        f"{', and on any computer with your passphrase' if phrase else ''}. This store has a "
        f"new recovery key since {record.replaced_at.astimezone():%Y-%m-%d} (the record of the "
        "one before was damaged), and only the new one opens this backup: run `supportnet "
        "recovery-key` to see it."
    )


def _cmd_restore(args: argparse.Namespace, data_dir: Path, out: TextIO) -> int:
    from supportnet.data.path_checks import check_usable_path
    from supportnet.data.restore import restore_backup

    source = user_path(args.file)
    check_usable_path(source, "the backup file")
    result = restore_backup(
        data_dir,
        source,
        passphrase=passphrase_provider(),
        force=args.force,
        backup_secret=backup_secret_provider(),
    )
    with result.store as store:
        counts = store.counts()
        where = store.key_info.where
    print(
        f"Restored {counts.people} people, {counts.groups} groups, {counts.plans} plans and "
        f"{counts.checkins} check-ins.",
        file=out,
    )
    if result.safety_backup:
        print(f"The data it replaced is kept in {result.safety_backup}.", file=out)
    if result.new_recovery_key:
        print(
            f"The store now has its own key on this computer ({where}). The backup's recovery "
            "key couldn't be read, so the store has a new one: run `supportnet recovery-key` "
            "to see it, and keep it safe.",
            file=out,
        )
    elif result.from_elsewhere:
        print(
            f"The store now has its own key on this computer ({where}); its recovery key "
            "is the one the backup came with.",
            file=out,
        )
    return 0


def _asked_once(provider: PassphraseProvider) -> PassphraseProvider:
    """The same passphrase for a second unlock in one command, without asking again."""
    answers: dict[PassphrasePurpose, str | None] = {}

    def ask(purpose: PassphrasePurpose) -> str | None:
        if purpose not in answers:
            answers[purpose] = provider(purpose)
        return answers[purpose]

    return ask


def _mode(path: Path) -> str:
    try:
        return f"mode {path.stat().st_mode & 0o777:o}"
    except OSError:
        return "missing"


def _size(path: Path) -> str:
    size = path.stat().st_size
    for unit in ("bytes", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{size:.0f} {unit}" if unit == "bytes" else f"{size:.1f} {unit}"
        size /= 1024  # type: ignore[assignment]
    return f"{size} bytes"
