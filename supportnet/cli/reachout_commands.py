"""Commands for reaching out: today, log and export-ics."""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO
from zoneinfo import ZoneInfo

from supportnet.cli.care_commands import check_team_with_supporter
from supportnet.cli.common import (
    in_sentence,
    passphrase_provider,
    shown,
    valid_text,
    whole_number,
)
from supportnet.data.paths import user_path
from supportnet.i18n import _, ngettext
from supportnet.model.days import short_date_time
from supportnet.model.errors import SupportNetError, UsageError
from supportnet.model.network import ChannelKind
from supportnet.model.text import NOTE_MAX

if TYPE_CHECKING:
    from supportnet.calendar import ExportEvent, ExportOptions
    from supportnet.data.store import Store
    from supportnet.model.network import Person


#: ``supportnet.calendar.Privacy`` values, spelled out so the parser imports nothing more.
PRIVACY_CHOICES = ("discreet", "first-name", "full")


def add_parsers(commands: Any, common: argparse.ArgumentParser) -> None:
    """Register today, log and export-ics on the ``commands`` subparsers."""
    today = commands.add_parser(
        "today", parents=[common], help=_("print today's suggestions, one per line")
    )
    today.set_defaults(handler=_cmd_today)
    log = commands.add_parser("log", parents=[common], help=_("log a check-in with someone"))
    log.add_argument(
        "name",
        metavar="NAME",
        type=valid_text("The name"),
        help=_("who (a name, nickname or group)"),
    )
    log.add_argument(
        "--channel",
        choices=[c.value for c in ChannelKind],
        help=_("how you were in touch"),
    )
    log.add_argument(
        "--note",
        default="",
        metavar="TEXT",
        type=valid_text("The note"),
        help=_(
            "a short note, kept encrypted. `--note -` reads it from standard input (type it, "
            "then Ctrl+D, or pipe it in): better for anything private, because other people "
            "using this computer can see a command line while it runs, and your shell keeps "
            "it in its history"
        ),
    )
    log.add_argument(
        "--they-reached-out", action="store_true", help=_("they got in touch with you")
    )
    log.add_argument(
        "--when",
        metavar="DATETIME",
        type=valid_text("The time"),
        help=_(
            "when, e.g. '2026-11-24 18:30' or '18:30' (today), from 1900 up to now; default: now"
        ),
    )
    export = commands.add_parser(
        "export-ics",
        parents=[common],
        help=_("export check-in plans as a calendar file (.ics)"),
        description=_(
            "Write your check-in plans to an .ics file that Google Calendar, Outlook, "
            "Apple Calendar and Thunderbird import. Exporting again keeps the same event ids."
        ),
    )
    export.add_argument("--out", metavar="FILE", required=True, help=_("the .ics file to write"))
    export.add_argument(
        "--privacy",
        choices=PRIVACY_CHOICES,
        default="discreet",
        help=_(
            "discreet (default): every event is 'Check-in'; first-name: first names and "
            "how; full: full names, how and message ideas. Notes are never exported."
        ),
    )
    export.add_argument(
        "--weeks",
        type=whole_number("--weeks"),
        default=12,
        metavar="N",
        help=_("how far ahead flexible and one-off plans go (default 12)"),
    )
    export.add_argument(
        "--person",
        action="append",
        default=[],
        metavar="NAME",
        type=valid_text("The name"),
        help=_("only plans with this person or group (repeat for more); default: everyone"),
    )
    export.add_argument(
        "--alarm-minutes",
        type=whole_number("--alarm-minutes"),
        metavar="N",
        help=_("a reminder N minutes before each event (default: none)"),
    )
    log.set_defaults(handler=_cmd_log)
    export.add_argument(
        "--supporter",
        metavar="NAME",
        type=valid_text("The supporter's name"),
        help=_(
            "only this supporter's check-ins on a care team ('me' for yours), a file to "
            "hand them; other supporters are never named in it"
        ),
    )
    export.add_argument(
        "--team",
        metavar="NAME",
        type=valid_text("The team's name"),
        help=_("which care team, with --supporter (needed when there is more than one)"),
    )
    export.set_defaults(handler=_cmd_export_ics)


def _now() -> datetime:
    return datetime.now(UTC)


def _cmd_today(args: argparse.Namespace, data_dir: Path, out: TextIO) -> int:
    from supportnet.data.store import open_store
    from supportnet.services.schedule_reader import today_suggestions

    now = _now()
    with open_store(data_dir, passphrase=passphrase_provider(), create=False) as store:
        found = today_suggestions(store, now)
    if not found:
        print(
            _("Nothing planned for today. You could still reach out to someone, or rest."),
            file=out,
        )
        return 0
    for suggestion in found:
        when = f"{suggestion.time_today:%H:%M}  " if suggestion.time_today else ""
        print(f"{when}{suggestion.target.name} — {suggestion.reason}", file=out)
    return 0


#: Check-ins from before this year are typing slips, not memories.
EARLIEST_YEAR = 1900
#: Longer than any way of writing a time ('2026-11-24T18:30:00.000000+05:30' is 32): Python
#: reads a run of digits as a date, so 100,000 "1"s would otherwise be 11 Nov 1111.
_WHEN_MAX = 40


def parse_when(text: str, now: datetime, zone: ZoneInfo) -> datetime:
    """A check-in time typed by a person: 'YYYY-MM-DD HH:MM', ISO 8601, or 'HH:MM' today.

    Only times from :data:`EARLIEST_YEAR` up to a few minutes from now are accepted.
    """
    value = text.strip()
    local_now = now.astimezone(zone)
    not_understood = UsageError(
        _("“{text}” isn't a time I understand; try '2026-11-24 18:30' or '18:30'.").format(
            text=shown(text)
        )
    )
    if len(value) > _WHEN_MAX:
        raise not_understood
    try:
        if len(value) <= 5 and ":" in value:
            clock = time.fromisoformat(value.zfill(5))
            moment = datetime.combine(local_now.date(), clock, tzinfo=zone)
        else:
            moment = datetime.fromisoformat(value)
            if moment.tzinfo is None:
                moment = moment.replace(tzinfo=zone)
    except ValueError:
        raise not_understood from None
    # Years first: comparing year 1 at +14:00 (or 9999 at -14:00) with now overflows.
    if moment.year < EARLIEST_YEAR:
        raise UsageError(
            _("“{text}” is before {year}; please check the year.").format(
                text=shown(text), year=EARLIEST_YEAR
            )
        )
    if moment.year > local_now.year + 1 or moment > now + timedelta(minutes=5):
        raise UsageError(
            _("“{text}” is still ahead; you can log it once you've been in touch.").format(
                text=shown(text)
            )
        )
    return moment


#: The most standard input a note is read from: NOTE_MAX characters of up to 4 UTF-8 bytes.
_NOTE_BYTES_MAX = NOTE_MAX * 4 + 2


def note_from_stdin(stream: TextIO | None = None) -> str:
    """The note for ``--note -``: standard input as UTF-8, less one trailing line break."""
    stream = stream if stream is not None else sys.stdin
    if stream is None:
        raise UsageError(_("There is no standard input to read the note from."))
    source = getattr(stream, "buffer", stream)
    try:
        if stream.isatty():
            print(_("Type the note, then press Ctrl+D on a line of its own."), file=sys.stderr)
        data = source.read(_NOTE_BYTES_MAX + 1)
    except (OSError, ValueError):
        raise UsageError(_("The note couldn't be read from standard input.")) from None
    if len(data) > _NOTE_BYTES_MAX:
        raise UsageError(_("Please keep the note under {n} characters.").format(n=f"{NOTE_MAX:,}"))
    if isinstance(data, bytes):
        try:
            data = data.decode("utf-8")
        except UnicodeDecodeError:
            raise UsageError(
                _("The note on standard input isn't UTF-8 text; please save it as UTF-8.")
            ) from None
    for ending in ("\r\n", "\n"):
        if data.endswith(ending):
            return str(data[: -len(ending)])
    return str(data)


def _cmd_log(args: argparse.Namespace, data_dir: Path, out: TextIO) -> int:
    from supportnet.data.store import open_store
    from supportnet.model.checkins import CheckIn, Initiator
    from supportnet.services.schedule_reader import user_zone

    now = _now()
    # Read before the store opens: a note that can't be read changes nothing.
    note = note_from_stdin() if args.note == "-" else args.note
    with open_store(data_dir, passphrase=passphrase_provider(), create=False) as store:
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
            note=note,
        )
        plans = (
            store.plans.for_person(target_id)
            if kind == "person"
            else store.plans.for_group(target_id)
        )
        # One transaction: the check-in, and their plans' postponements cleared.
        store.checkins.log(checkin, plans=[p.id for p in plans if p.id is not None])
    how = ", ".join(
        part
        for part in (
            in_sentence(channel.label) if channel else "",
            _("they reached out") if args.they_reached_out else "",
        )
        if part
    )
    when = short_date_time(at.astimezone(zone))
    if how:
        said = _("Logged a check-in with {name} on {when} ({how}).")
    else:
        said = _("Logged a check-in with {name} on {when}.")
    print(said.format(name=name, when=when, how=how), file=out)
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
        raise SupportNetError(
            _("Nobody called “{text}” is in your network.").format(text=shown(text))
        )
    if len(matches) > 1:
        names = [name for name, _kind, _id in matches]
        # Translators: the last two of a list of names, as in "Ana, Bo or Cy".
        listed = _("{names} or {last}").format(names=", ".join(names[:-1]), last=names[-1])
        raise UsageError(
            _("“{text}” could be {listed}; please give more of the name.").format(
                text=shown(text), listed=listed
            )
        )
    name, kind, target_id = matches[0]
    assert target_id is not None
    return name, kind, target_id


def _cmd_export_ics(args: argparse.Namespace, data_dir: Path, out: TextIO) -> int:
    from supportnet.calendar import ExportOptions, Privacy, Scope
    from supportnet.data.store import open_store
    from supportnet.services import calendar_export

    options = ExportOptions(
        privacy=Privacy(args.privacy), weeks=args.weeks, alarm_minutes=args.alarm_minutes
    )
    problems = options.problems()
    if problems:
        raise UsageError(problems[0].message)
    check_team_with_supporter(args)
    if args.supporter is not None and args.person:
        raise UsageError(_("Choose either --supporter or --person, not both."))
    path = user_path(args.out)
    calendar_export.check_target(path)
    if path.suffix.lower() != ".ics":
        raise UsageError(
            _("{name} should end in .ics, so calendars recognise it.").format(name=path.name)
        )
    now = _now()
    if args.supporter is not None:
        return _export_supporter(args, data_dir, out, path, options, now)
    with open_store(data_dir, passphrase=passphrase_provider(), create=False) as store:
        scope = None
        if args.person:
            chosen = frozenset(
                (kind, target_id)
                for _n, kind, target_id in (_one_target(store, name) for name in args.person)
            )
            scope = Scope(targets=chosen)
        done = calendar_export.export(store, path, options, now, scope)
    print(_wrote(done.events, done.path, options, done.cancelled), file=out)
    return 0


def _wrote(events: list[ExportEvent], path: Path, options: ExportOptions, cancelled: int) -> str:
    """The one line an export prints: events, repeating ones, where, privacy, and what an
    import will take away."""
    privacy = in_sentence(options.privacy.label)
    if not events:
        # Only cancellations: say what the file is for, not "0 events".
        return ngettext(
            "Wrote {path} — {privacy} privacy. Importing it removes {n} earlier event no "
            "longer planned.",
            "Wrote {path} — {privacy} privacy. Importing it removes {n} earlier events no "
            "longer planned.",
            cancelled,
        ).format(path=path, privacy=privacy, n=cancelled)
    repeating = sum(1 for e in events if e.rrule is not None)
    wrote = ngettext(
        "Wrote {n} event ({repeating} repeating) to {path} — {privacy} privacy.",
        "Wrote {n} events ({repeating} repeating) to {path} — {privacy} privacy.",
        len(events),
    ).format(n=len(events), repeating=repeating, path=path, privacy=privacy)
    if not cancelled:
        return wrote
    gone = ngettext(
        "{n} earlier event no longer planned will be removed when you import it.",
        "{n} earlier events no longer planned will be removed when you import it.",
        cancelled,
    ).format(n=cancelled)
    return f"{wrote} {gone}"


def _export_supporter(
    args: argparse.Namespace,
    data_dir: Path,
    out: TextIO,
    path: Path,
    options: ExportOptions,
    now: datetime,
) -> int:
    """``export-ics --supporter``: one supporter's part of a care team's rota."""
    from supportnet.cli.care_commands import team_and_supporter
    from supportnet.data.store import open_store
    from supportnet.services.rota_export import export_supporter

    with open_store(data_dir, passphrase=passphrase_provider(), create=False) as store:
        team_uid, ref = team_and_supporter(store, args.team, args.supporter)
        done = export_supporter(store, path, team_uid, ref, options, now)
    print(_wrote(done.events, done.path, options, done.cancelled), file=out)
    return 0
