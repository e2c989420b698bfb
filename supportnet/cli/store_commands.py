"""Commands that look after the store itself: demo, doctor, backup, restore (and salvage)."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from supportnet.cli import backup_folder_command, salvage_command
from supportnet.cli.common import backup_secret_provider, passphrase_provider
from supportnet.data.paths import user_path
from supportnet.i18n import _
from supportnet.model.errors import SupportNetError

if TYPE_CHECKING:
    from supportnet.data.keys import PassphraseProvider, PassphrasePurpose


def add_parsers(commands: Any, common: argparse.ArgumentParser) -> None:
    """Register the store commands on the ``commands`` subparsers."""
    demo = commands.add_parser(
        "demo", parents=[common], help=_("fill an empty store with an example network")
    )
    demo.add_argument(
        "--force",
        action="store_true",
        help=_("replace existing data (a backup of it is kept first)"),
    )
    demo.set_defaults(handler=_cmd_demo)
    doctor = commands.add_parser(
        "doctor",
        parents=[common],
        help=_("show where data lives, how it is encrypted, and what it holds"),
    )
    doctor.set_defaults(handler=_cmd_doctor)
    backup = commands.add_parser("backup", parents=[common], help=_("write an encrypted backup"))
    backup.add_argument("--out", metavar="FILE", required=True, help=_("the backup file to write"))
    backup.add_argument(
        "--force",
        action="store_true",
        help=_("replace FILE even if it exists and isn't a SupportNet backup"),
    )
    backup.set_defaults(handler=_cmd_backup)
    restore = commands.add_parser(
        "restore",
        parents=[common],
        help=_("restore a backup, made here or on another computer"),
        description=_(
            "Restore a backup. A backup from another computer (or data folder) opens "
            "with its recovery key, or its passphrase: asked on the terminal, or read from "
            "SUPPORTNET_RECOVERY_KEY or SUPPORTNET_PASSPHRASE. The restored store then gets its "
            "own key on this computer and keeps the backup's recovery key."
        ),
    )
    restore.add_argument("file", metavar="FILE", help=_("a backup written by `supportnet backup`"))
    restore.add_argument(
        "--force",
        action="store_true",
        help=_("replace a store that holds data (a backup of it is kept first)"),
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
            data_dir, _("To start afresh with the example network anyway, use --force.")
        )
    with open_store(data_dir, passphrase=passphrase_provider()) as store:
        kept = None
        if not store.is_empty():
            if not args.force:
                counts = store.counts()
                raise SupportNetError(
                    _(
                        "This store already holds data ({people} people, {groups} groups); "
                        "the example network goes only into an empty one. Use --force to "
                        "replace it (a backup is kept first)."
                    ).format(people=counts.people, groups=counts.groups)
                )
            kept = take_automatic_backup(store.engine, store.backup_dir, "before-demo")
        counts = load_demo(store, date.today(), system_zone_name(), replace=True)
        store.settings.update(onboarded=True)
    print(
        _(
            "Added the example network: {people} people, {groups} groups, {plans} plans and "
            "{checkins} check-ins."
        ).format(
            people=counts.people,
            groups=counts.groups,
            plans=counts.plans,
            checkins=counts.checkins,
        ),
        file=out,
    )
    if kept:
        print(_("Your previous data is kept in {path}.").format(path=kept), file=out)
    return 0


def _cmd_doctor(args: argparse.Namespace, data_dir: Path, out: TextIO) -> int:
    from supportnet.data.backup import BACKUP_DIR_NAME
    from supportnet.data.damage import damaged_files, describe_backups, newest_backup
    from supportnet.data.path_checks import check_readable_folder
    from supportnet.data.store import open_store
    from supportnet.data.store_files import DB_NAME, store_exists

    def line(label: str, value: object) -> None:
        # At least one space after a (German) label longer than the English column.
        print(f"{label + ':':<15} {value}", file=out)

    check_readable_folder(data_dir)
    line(_("Data folder"), f"{data_dir} ({_mode(data_dir)})")
    if not store_exists(data_dir):
        newest = newest_backup(data_dir)
        if newest is None:
            line(_("Store"), _("none yet; it is made the first time SupportNet opens"))
            return 0
        line(_("Store"), _("none here, but there are backups of one"))
        line(_("Backups"), describe_backups(data_dir))
        line(_("To restore"), f"supportnet restore {newest}")
        return 0
    with open_store(data_dir, passphrase=passphrase_provider(), create=False) as store:
        db = data_dir / DB_NAME
        line(_("Database"), f"{db.name}, {_size(db)} ({_mode(db)})")
        line(
            _("Encryption"),
            _("SQLCipher {version}, AES-256 with a random 256-bit key").format(
                version=store.sqlcipher_version()
            ),
        )
        line(_("Key kept in"), store.key_info.where)
        line(_("Schema"), _("revision {n}").format(n=store.revision()))
        problems = store.integrity_problems()
        line(
            _("Integrity"),
            _("ok")
            if not problems
            else _("{n} problem(s): {first}").format(n=len(problems), first=problems[0]),
        )
        counts = store.counts()
        line(_("People"), counts.people)
        line(_("Groups"), counts.groups)
        line(_("Plans"), counts.plans)
        line(_("Check-ins"), counts.checkins)
        backups = sorted((data_dir / BACKUP_DIR_NAME).glob("*.db"))
        line(
            _("Backups"),
            _("{n} automatic in {folder}").format(n=len(backups), folder=data_dir / BACKUP_DIR_NAME)
            if backups
            else _("no automatic backups yet"),
        )
        _backup_lines(line, data_dir, store.settings.load().backup_folder)
        kept = damaged_files(data_dir)
        if kept:
            line(
                _("Kept aside"),
                _("{n} damaged database(s) in {folder}").format(n=len(kept), folder=kept[0].parent),
            )
    return 0


def _backup_lines(line: Any, data_dir: Path, extra: str) -> None:
    """The newest daily automatic backup, and where they go."""
    from supportnet.data.auto_backup import last_daily_backup
    from supportnet.data.backup import BACKUP_DIR_NAME
    from supportnet.model.days import clock_time, day_month_year

    last = last_daily_backup(data_dir / BACKUP_DIR_NAME)
    if last is None:
        line(_("Last backup"), _("none yet; one is taken each day SupportNet is used"))
    else:
        when = last[1].astimezone()
        line(_("Last backup"), f"{day_month_year(when, short=True)}, {clock_time(when)}, {last[0]}")
    line(_("Backup folder"), data_dir / BACKUP_DIR_NAME)
    line(_("Also copied to"), extra or _("no extra folder chosen"))


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
        if phrase:
            said = _(
                "Wrote an encrypted backup to {path}. It opens here, and on any computer with "
                "your recovery key or your passphrase."
            )
        else:
            said = _(
                "Wrote an encrypted backup to {path}. It opens here, and on any computer with "
                "your recovery key."
            )
        return said.format(path=written)
    assert record.replaced_at is not None
    if phrase:
        said = _(
            "Wrote an encrypted backup to {path}. It opens here, and on any computer with "
            "your passphrase. This store has a new recovery key since {date} (the record of "
            "the one before was damaged), and only the new one opens this backup: run "
            "`supportnet recovery-key` to see it."
        )
    else:
        said = _(
            "Wrote an encrypted backup to {path}. It opens here. This store has a new recovery "
            "key since {date} (the record of the one before was damaged), and only the new one "
            "opens this backup: run `supportnet recovery-key` to see it."
        )
    return said.format(path=written, date=f"{record.replaced_at.astimezone():%Y-%m-%d}")


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
        _(
            "Restored {people} people, {groups} groups, {plans} plans and {checkins} check-ins."
        ).format(
            people=counts.people,
            groups=counts.groups,
            plans=counts.plans,
            checkins=counts.checkins,
        ),
        file=out,
    )
    if result.safety_backup:
        print(
            _("The data it replaced is kept in {path}.").format(path=result.safety_backup),
            file=out,
        )
    if result.new_recovery_key:
        print(
            _(
                "The store now has its own key on this computer ({where}). The backup's "
                "recovery key couldn't be read, so the store has a new one: run `supportnet "
                "recovery-key` to see it, and keep it safe."
            ).format(where=where),
            file=out,
        )
    elif result.from_elsewhere:
        print(
            _(
                "The store now has its own key on this computer ({where}); its recovery key "
                "is the one the backup came with."
            ).format(where=where),
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
        return _("mode {mode}").format(mode=f"{path.stat().st_mode & 0o777:o}")
    except OSError:
        return _("missing")


def _size(path: Path) -> str:
    size = path.stat().st_size
    for unit in ("bytes", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            if unit == "bytes":
                return _("{n} bytes").format(n=f"{size:.0f}")
            return f"{size:.1f} {unit}"
        size /= 1024  # type: ignore[assignment]
    return _("{n} bytes").format(n=size)
