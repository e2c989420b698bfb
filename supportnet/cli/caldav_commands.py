"""`supportnet publish-caldav`: put check-ins on a calendar server the user names.

The password is read from ``SUPPORTNET_CALDAV_PASSWORD`` or the keyring, else asked on
the terminal; it is never an option (others on the computer can read a command line).
``--remember-password`` keeps a typed password in the keyring once the server took it.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TextIO

# From the package's constants: importing services here would load them all at start-up.
from supportnet import CALDAV_PASSWORD_ENV as PASSWORD_ENV
from supportnet.cli.care_commands import check_team_with_supporter, team_and_supporter
from supportnet.cli.common import passphrase_provider, valid_text, whole_number
from supportnet.cli.lines import PROG
from supportnet.cli.reachout_commands import PRIVACY_CHOICES
from supportnet.i18n import _
from supportnet.model.errors import ServerPasswordError, SupportNetError, UsageError


def add_parsers(commands: Any, common: argparse.ArgumentParser) -> None:
    parser = commands.add_parser(
        "publish-caldav",
        parents=[common],
        help=_("publish check-ins to a calendar server (CalDAV) you name"),
        description=_(
            "Put your check-in plans, or one supporter's part of a care team's rota, "
            "on a CalDAV calendar (Nextcloud, Fastmail, iCloud, Radicale…), so changes reach "
            "everyone who subscribes. SupportNet connects only here, only when you run this. "
            "The calendar is created if the address names none; events SupportNet put there "
            "are updated or removed, and your own events are left alone. The password comes "
            "from {variable} or the keyring, or is asked for on the terminal. The address "
            "must be https://, except for a server on this computer (localhost)."
        ).format(variable=PASSWORD_ENV),
    )
    parser.add_argument(
        "--url",
        required=True,
        metavar="URL",
        type=valid_text("The address"),
        help=_(
            "the calendar's CalDAV address, e.g. https://cloud.example.org/remote.php/dav/"
            "calendars/sam/check-ins/"
        ),
    )
    parser.add_argument(
        "--username",
        required=True,
        metavar="USER",
        type=valid_text("The user name"),
        help=_("your user name on that calendar server"),
    )
    parser.add_argument(
        "--supporter",
        metavar="NAME",
        type=valid_text("The supporter's name"),
        help=_(
            "publish this supporter's check-ins on a care team ('me' for yours) instead of "
            "your own plans; other supporters are never named"
        ),
    )
    parser.add_argument(
        "--team",
        metavar="NAME",
        type=valid_text("The team's name"),
        help=_("which care team, with --supporter (needed when there is more than one)"),
    )
    parser.add_argument(
        "--privacy",
        choices=PRIVACY_CHOICES,
        default="discreet",
        help=_(
            "discreet (default): every event is 'Check-in'; first-name: first names and "
            "how; full: full names, how and message ideas. Notes are never published."
        ),
    )
    parser.add_argument(
        "--weeks",
        type=whole_number("--weeks"),
        default=12,
        metavar="N",
        help=_("how far ahead flexible and one-off check-ins go (default 12)"),
    )
    parser.add_argument(
        "--alarm-minutes",
        type=whole_number("--alarm-minutes"),
        metavar="N",
        help=_("a reminder N minutes before each event (default: none)"),
    )
    parser.add_argument(
        "--remember-password",
        action="store_true",
        help=_(
            "keep the password in the keyring once the server accepted it, so the next "
            "publish doesn't ask"
        ),
    )
    # Refused with a reason, rather than argparse's "unrecognized arguments", which would
    # repeat the password on the screen.
    parser.add_argument("--password", help=argparse.SUPPRESS)
    parser.set_defaults(handler=publish_caldav)


def _now() -> datetime:
    return datetime.now(UTC)


def publish_caldav(args: argparse.Namespace, data_dir: Path, out: TextIO) -> int:
    from supportnet.calendar import ExportOptions, Privacy
    from supportnet.data.store import open_store
    from supportnet.services import caldav_publish as publishing

    options = ExportOptions(
        privacy=Privacy(args.privacy), weeks=args.weeks, alarm_minutes=args.alarm_minutes
    )
    if args.password is not None:
        raise UsageError(
            _(
                "The password never goes on the command line (others on this computer can see "
                "it): set {variable}, keep it in the keyring, or type it when asked."
            ).format(variable=PASSWORD_ENV)
        )
    problems = options.problems()
    if problems:
        raise UsageError(problems[0].message)
    check_team_with_supporter(args)
    target = publishing.check_target(args.url, args.username)
    password = publishing.password_for(target)
    if password is None:
        password = _ask(target)
    with open_store(data_dir, passphrase=passphrase_provider(), create=False) as store:
        if args.supporter is None:
            done = publishing.publish_plans(store, target, password, options, _now())
        else:
            team_uid, ref = team_and_supporter(store, args.team, args.supporter)
            done = publishing.publish_supporter(
                store, target, password, team_uid, ref, options, _now()
            )
    print(done.summary, file=out)
    if args.remember_password:
        try:
            publishing.keep_password(target, password)
        except ServerPasswordError as exc:
            print(f"{PROG}: {exc.message}", file=sys.stderr)
        else:
            print(_("The password is kept in your keyring for next time."), file=out)
    return 0


def _ask(target: Any) -> str:
    if not sys.stdin.isatty():
        raise ServerPasswordError(
            _(
                "No password for {user} at {host}: set {variable} (with "
                "--remember-password to keep it in the keyring), or run this in a terminal."
            ).format(user=target.username, host=target.host, variable=PASSWORD_ENV)
        )
    password = getpass.getpass(
        _("Password for {user} at {host}: ").format(user=target.username, host=target.host)
    )
    if not password:
        raise SupportNetError(_("No password was typed; nothing was published."))
    return password
