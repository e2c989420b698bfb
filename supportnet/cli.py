"""The command line: the GUI by default, plus demo, doctor, backup and restore."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn, TextIO
from zoneinfo import ZoneInfo

from supportnet import __version__
from supportnet.errors import SupportNetError, UsageError, ValidationError
from supportnet.network import ChannelKind
from supportnet.paths import resolve_data_dir, user_path

if TYPE_CHECKING:
    from supportnet.data.keys import PassphraseProvider, PassphrasePurpose
    from supportnet.data.store import Store
    from supportnet.network import Person

PROG = "supportnet"
#: ``supportnet.ics_export.Privacy`` values, spelled out so the parser imports nothing more.
PRIVACY_CHOICES = ("discreet", "first-name", "full")


class _Parser(argparse.ArgumentParser):
    """argparse that reports a usage error as one line and exit code 2."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (see `{PROG} --help`)")


def _common() -> _Parser:
    common = _Parser(add_help=False)
    common.add_argument(
        "--data-dir",
        metavar="DIR",
        default=argparse.SUPPRESS,
        help="keep data in DIR instead of the per-user data folder",
    )
    return common


def build_parser() -> argparse.ArgumentParser:
    common = _common()
    parser = _Parser(
        prog=PROG,
        parents=[common],
        description="SupportNet: map your support network and plan gentle "
        "reach-outs. With no command, the app opens.",
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    demo = commands.add_parser(
        "demo", parents=[common], help="fill an empty store with an example network"
    )
    demo.add_argument(
        "--force", action="store_true", help="replace existing data (a backup of it is kept first)"
    )
    commands.add_parser(
        "doctor",
        parents=[common],
        help="show where data lives, how it is encrypted, and what it holds",
    )
    backup = commands.add_parser("backup", parents=[common], help="write an encrypted backup")
    backup.add_argument("--out", metavar="FILE", required=True, help="the backup file to write")
    restore = commands.add_parser(
        "restore", parents=[common], help="restore an encrypted backup into the data folder"
    )
    restore.add_argument("file", metavar="FILE", help="a backup written by `supportnet backup`")
    restore.add_argument(
        "--force",
        action="store_true",
        help="replace a store that holds data (a backup of it is kept first)",
    )
    commands.add_parser("today", parents=[common], help="print today's suggestions, one per line")
    log = commands.add_parser("log", parents=[common], help="log a check-in with someone")
    log.add_argument("name", metavar="NAME", help="who (a name, nickname or group)")
    log.add_argument(
        "--channel",
        choices=[c.value for c in ChannelKind],
        help="how you were in touch",
    )
    log.add_argument("--note", default="", help="a short note, kept encrypted")
    log.add_argument("--they-reached-out", action="store_true", help="they got in touch with you")
    log.add_argument(
        "--when",
        metavar="DATETIME",
        help="when, e.g. '2026-11-24 18:30' or '18:30' (today); default: now",
    )
    export = commands.add_parser(
        "export-ics",
        parents=[common],
        help="export check-in plans as a calendar file (.ics)",
        description="Write your check-in plans to an .ics file that Google Calendar, Outlook, "
        "Apple Calendar and Thunderbird import. Exporting again keeps the same event ids.",
    )
    export.add_argument("--out", metavar="FILE", required=True, help="the .ics file to write")
    export.add_argument(
        "--privacy",
        choices=PRIVACY_CHOICES,
        default="discreet",
        help="discreet (default): every event is 'Check-in'; first-name: first names and "
        "how; full: full names, how and message ideas. Notes are never exported.",
    )
    export.add_argument(
        "--weeks",
        type=_whole_number("--weeks"),
        default=12,
        metavar="N",
        help="how far ahead flexible and one-off plans go (default 12)",
    )
    export.add_argument(
        "--person",
        action="append",
        default=[],
        metavar="NAME",
        help="only plans with this person or group (repeat for more); default: everyone",
    )
    export.add_argument(
        "--alarm-minutes",
        type=_whole_number("--alarm-minutes"),
        metavar="N",
        help="a reminder N minutes before each event (default: none)",
    )
    commands.add_parser("gui", parents=[common], help="open the app (the default)")
    return parser


def _whole_number(option: str) -> Callable[[str], int]:
    def parse(text: str) -> int:
        try:
            return int(text)
        except ValueError:
            raise UsageError(f"{option} takes a whole number, not “{text}”.") from None

    return parse


def terminal_passphrase_provider(stdin: TextIO | None = None) -> PassphraseProvider:
    """Ask on the terminal (twice for a new passphrase), or None if there is no terminal."""
    from supportnet.data.keys import PassphrasePurpose, check_new_passphrase

    stream = stdin or sys.stdin

    def provide(purpose: PassphrasePurpose) -> str | None:
        if not stream.isatty():
            return None
        if purpose is PassphrasePurpose.NEW:
            print(
                "No usable keyring was found, so a passphrase will protect your data.\n"
                "If you forget it, your data can't be recovered.",
                file=sys.stderr,
            )
            first = getpass.getpass("New passphrase: ")
            again = getpass.getpass("The same passphrase again: ")
            check_new_passphrase(first, again)
            return first
        return getpass.getpass("SupportNet passphrase: ")

    return provide


def _passphrase_provider() -> PassphraseProvider:
    from supportnet.data.keys import env_passphrase_provider

    return env_passphrase_provider() or terminal_passphrase_provider()


def run(argv: list[str], *, stdout: TextIO | None = None, stderr: TextIO | None = None) -> int:
    """Run the command line; return the exit code. Errors are one line on stderr."""
    out = stdout or sys.stdout
    err = stderr or sys.stderr
    try:
        args = build_parser().parse_args(argv)
        data_dir = resolve_data_dir(getattr(args, "data_dir", None))
        command = args.command or "gui"
        if command == "gui":
            from supportnet import warmup

            warmup.start()
            from supportnet.app import run_gui

            return run_gui(data_dir, [sys.argv[0], *argv])
        handler = _COMMANDS[command]
        return handler(args, data_dir, out)
    except ValidationError as exc:
        print(f"{PROG}: {exc.message}", file=err)
        return 2
    except SupportNetError as exc:
        print(f"{PROG}: {exc.message}", file=err)
        return exc.exit_code
    except KeyboardInterrupt:
        print(f"{PROG}: stopped.", file=err)
        return 130
    except Exception as exc:
        # A bug, not bad input: still one line, with the details only on request.
        if os.environ.get("SUPPORTNET_DEBUG"):
            raise
        print(
            f"{PROG}: something went wrong inside SupportNet ({type(exc).__name__}: {exc}). "
            f"Nothing was changed by the failed step; run with SUPPORTNET_DEBUG=1 for "
            f"details.",
            file=err,
        )
        return 70


def _cmd_demo(args: argparse.Namespace, data_dir: Path, out: TextIO) -> int:
    from supportnet.clock import system_zone_name
    from supportnet.data.backup import take_automatic_backup
    from supportnet.data.demo_loader import clear_network, load_demo
    from supportnet.data.store import open_store

    with open_store(data_dir, passphrase=_passphrase_provider()) as store:
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
            clear_network(store)
        counts = load_demo(store, date.today(), system_zone_name())
        settings = store.settings.load()
        settings.onboarded = True
        store.settings.save(settings)
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
    from supportnet.data.store import DB_NAME, open_store, store_exists

    def line(label: str, value: object) -> None:
        print(f"{label + ':':<16}{value}", file=out)

    line("Data folder", f"{data_dir} ({_mode(data_dir)})")
    if not store_exists(data_dir):
        line("Store", "none yet; it is made the first time SupportNet opens")
        return 0
    with open_store(data_dir, passphrase=_passphrase_provider(), create=False) as store:
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
    return 0


def _cmd_backup(args: argparse.Namespace, data_dir: Path, out: TextIO) -> int:
    from supportnet.data.store import open_store

    target = user_path(args.out)
    with open_store(data_dir, passphrase=_passphrase_provider(), create=False) as store:
        written = store.backup(target)
    print(f"Wrote an encrypted backup to {written}. It opens with this store's key.", file=out)
    return 0


def _cmd_restore(args: argparse.Namespace, data_dir: Path, out: TextIO) -> int:
    from supportnet.data.store import restore_backup

    result = restore_backup(
        data_dir, Path(args.file), passphrase=_passphrase_provider(), force=args.force
    )
    with result.store as store:
        counts = store.counts()
    print(
        f"Restored {counts.people} people, {counts.groups} groups, {counts.plans} plans and "
        f"{counts.checkins} check-ins.",
        file=out,
    )
    if result.safety_backup:
        print(f"The data it replaced is kept in {result.safety_backup}.", file=out)
    return 0


def _now() -> datetime:
    return datetime.now(UTC)


def _cmd_today(args: argparse.Namespace, data_dir: Path, out: TextIO) -> int:
    from supportnet.data.reachouts import today_suggestions
    from supportnet.data.store import open_store

    now = _now()
    with open_store(data_dir, passphrase=_passphrase_provider(), create=False) as store:
        found = today_suggestions(store, now)
    if not found:
        print("Nothing planned for today. You could still reach out to someone, or rest.", file=out)
        return 0
    for suggestion in found:
        when = f"{suggestion.time_today:%H:%M}  " if suggestion.time_today else ""
        print(f"{when}{suggestion.target.name} — {suggestion.reason}", file=out)
    return 0


def parse_when(text: str, now: datetime, zone: ZoneInfo) -> datetime:
    """A check-in time typed by a person: 'YYYY-MM-DD HH:MM', ISO 8601, or 'HH:MM' today."""
    value = text.strip()
    local_now = now.astimezone(zone)
    try:
        if len(value) <= 5 and ":" in value:
            clock = time.fromisoformat(value.zfill(5))
            moment = datetime.combine(local_now.date(), clock, tzinfo=zone)
        else:
            moment = datetime.fromisoformat(value)
            if moment.tzinfo is None:
                moment = moment.replace(tzinfo=zone)
    except ValueError:
        raise UsageError(
            f"“{text}” isn't a time I understand; try '2026-11-24 18:30' or '18:30'."
        ) from None
    if moment > now + timedelta(minutes=5):
        raise UsageError(f"“{text}” is in the future; a check-in is something that happened.")
    return moment


def _cmd_log(args: argparse.Namespace, data_dir: Path, out: TextIO) -> int:
    from supportnet.checkins import CheckIn, Initiator
    from supportnet.data.reachouts import user_zone
    from supportnet.data.store import open_store

    now = _now()
    with open_store(data_dir, passphrase=_passphrase_provider(), create=False) as store:
        zone = ZoneInfo(user_zone(store))
        at = parse_when(args.when, now, zone) if args.when else now
        people = store.people.find(args.name)
        name, kind, target_id = _one_target(store, args.name, people)
        channel = ChannelKind(args.channel) if args.channel else None
        if channel is None and kind == "person":
            preferred = people[0].preferred_channel
            channel = preferred.kind if preferred else None
        checkin = CheckIn(
            at=at,
            person_id=target_id if kind == "person" else None,
            group_id=target_id if kind == "group" else None,
            channel=channel,
            initiator=Initiator.THEM if args.they_reached_out else Initiator.ME,
            note=args.note,
        )
        store.checkins.add(checkin)
        for plan in (
            store.plans.for_person(target_id)
            if kind == "person"
            else store.plans.for_group(target_id)
        ):
            assert plan.id is not None
            store.postponements.clear(plan.id)
    how = ", ".join(
        part
        for part in (
            channel.label.lower() if channel else "",
            "they reached out" if args.they_reached_out else "",
        )
        if part
    )
    local = at.astimezone(zone)
    print(
        f"Logged a check-in with {name} on {local:%a %d %b, %H:%M}"
        + (f" ({how})." if how else "."),
        file=out,
    )
    return 0


def _one_target(
    store: Store, text: str, people: list[Person] | None = None
) -> tuple[str, str, int]:
    """The one person or group ``text`` names: (name, "person" | "group", id).

    Unknown: exit 1. More than one: the matches, and exit 2.
    """
    people = store.people.find(text) if people is None else people
    groups = store.groups.find(text)
    matches = [(p.name, "person", p.id) for p in people] + [(g.name, "group", g.id) for g in groups]
    if not matches:
        raise SupportNetError(f"Nobody called “{text}” is in your network.")
    if len(matches) > 1:
        names = [name for name, _kind, _id in matches]
        listed = ", ".join(names[:-1]) + " or " + names[-1]
        raise UsageError(f"“{text}” could be {listed}; please give more of the name.")
    name, kind, target_id = matches[0]
    assert target_id is not None
    return name, kind, target_id


def _cmd_export_ics(args: argparse.Namespace, data_dir: Path, out: TextIO) -> int:
    from supportnet.data import calendar_export
    from supportnet.data.store import open_store
    from supportnet.ics_export import ExportOptions, Privacy, Scope

    options = ExportOptions(
        privacy=Privacy(args.privacy), weeks=args.weeks, alarm_minutes=args.alarm_minutes
    )
    problems = options.problems()
    if problems:
        raise UsageError(problems[0].message)
    path = user_path(args.out)
    calendar_export.check_target(path)
    if path.suffix.lower() != ".ics":
        raise UsageError(f"{path.name} should end in .ics, so calendars recognise it.")
    now = _now()
    with open_store(data_dir, passphrase=_passphrase_provider(), create=False) as store:
        scope = None
        if args.person:
            chosen = frozenset(
                (kind, target_id)
                for _n, kind, target_id in (_one_target(store, name) for name in args.person)
            )
            scope = Scope(targets=chosen)
        done = calendar_export.export(store, path, options, now, scope)
    repeating = sum(1 for e in done.events if e.rrule is not None)
    gone = (
        f" {done.cancelled} earlier event{'s' if done.cancelled != 1 else ''} no longer "
        "planned will be removed when you import it."
        if done.cancelled
        else ""
    )
    print(
        f"Wrote {len(done.events)} event{'s' if len(done.events) != 1 else ''} "
        f"({repeating} repeating) to {done.path} — {options.privacy.label.lower()} privacy." + gone,
        file=out,
    )
    return 0


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


_COMMANDS: dict[str, Callable[[argparse.Namespace, Path, TextIO], int]] = {
    "demo": _cmd_demo,
    "doctor": _cmd_doctor,
    "backup": _cmd_backup,
    "restore": _cmd_restore,
    "today": _cmd_today,
    "log": _cmd_log,
    "export-ics": _cmd_export_ics,
}
