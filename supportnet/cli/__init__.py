"""The command line: one module per command group; with no command, the app opens.

Opening the app is handed in by the entry point (:mod:`supportnet.__main__`), so the
command line imports nothing of the GUI. Opening the app reads its own short command line:
argparse and what the commands share (:mod:`supportnet.cli.common`) load for a command.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from supportnet.cli.lines import PROG, one_line
from supportnet.data.paths import resolve_data_dir
from supportnet.i18n import N_, _
from supportnet.model.errors import SupportNetError, UsageError, ValidationError

if TYPE_CHECKING:
    import argparse

    from supportnet.cli.care_commands import WriteRotaPdf
    from supportnet.cli.common import Handler
    from supportnet.cli.safety_plan_commands import WritePlanPdf

__all__ = [
    "PRIVACY_CHOICES",
    "PROG",
    "build_parser",
    "parse_when",
    "run",
    "terminal_passphrase_provider",
]


def __getattr__(name: str) -> Any:
    # Kept importable from here; loaded with the commands, which the app's start skips.
    if name in ("PRIVACY_CHOICES", "parse_when"):
        from supportnet.cli import reachout_commands

        return getattr(reachout_commands, name)
    if name == "terminal_passphrase_provider":
        from supportnet.cli import common

        return common.terminal_passphrase_provider
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def build_parser() -> argparse.ArgumentParser:
    # The command modules load here, not with this package: opening the app needs none.
    from supportnet import __version__
    from supportnet.cli import (
        caldav_commands,
        care_commands,
        contacts_command,
        crisis_commands,
        data_commands,
        desktop_command,
        insights_command,
        reachout_commands,
        recovery_commands,
        safety_plan_commands,
        store_commands,
    )
    from supportnet.cli.argparse_words import speak_our_language
    from supportnet.cli.common import Parser, common_options

    speak_our_language()  # argparse's own words ("usage:", "options") from our catalog
    common = common_options()
    parser = Parser(
        prog=PROG,
        parents=[common],
        description=_(
            "SupportNet: map your support network and plan gentle "
            "reach-outs. With no command, the app opens."
        ),
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"{PROG} {__version__}",
        help=_("show program's version number and exit"),
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    store_commands.add_parsers(commands, common)
    contacts_command.add_parser(commands, common)
    reachout_commands.add_parsers(commands, common)
    recovery_commands.add_parsers(commands, common)
    crisis_commands.add_parsers(commands, common)
    safety_plan_commands.add_parsers(commands, common)
    care_commands.add_parsers(commands, common)
    caldav_commands.add_parsers(commands, common)
    data_commands.add_parsers(commands, common)
    insights_command.add_parser(commands, common)
    desktop_command.add_parser(commands, common)
    commands.add_parser("gui", parents=[common], help=_("open the app (the default)"))
    return parser


#: Opens the app on a data folder with Qt's argv; returns the exit code.
OpenApp = Callable[[Path, list[str]], int]
NO_APP = N_("The app can't be opened from here; run `supportnet` on its own to open it.")


def run(
    argv: list[str],
    *,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
    open_app: OpenApp | None = None,
    write_plan_pdf: WritePlanPdf | None = None,
    write_rota_pdf: WriteRotaPdf | None = None,
) -> int:
    """Run the command line; return the exit code. Errors are one line on stderr.

    ``open_app`` opens the GUI for the ``gui`` command (the default); without it, asking
    for the app is a usage error. ``write_plan_pdf`` saves the plan for hard days as a PDF
    (``safety-plan --pdf``), ``write_rota_pdf`` a care team's rota (``rota --pdf``);
    without them, asking for one is a usage error.
    """
    out = stdout or sys.stdout
    err = stderr or sys.stderr
    try:
        from supportnet import i18n  # gettext only: about 1 ms

        i18n.set_language(i18n.language_from_environment())
        gui_override = _opens_the_app(argv)
        args: argparse.Namespace | None = None
        if gui_override is not None:
            # Only the app asked for: the whole parser (every command's module) is skipped.
            override = gui_override[0] if gui_override else None
            command = "gui"
        else:
            args = build_parser().parse_args(argv)
            override = getattr(args, "data_dir", None)
            command = args.command or "gui"
        if override is not None and not override.strip():
            # Likely an unset shell variable: the default store is not what was meant.
            raise UsageError(_("--data-dir was given an empty folder name."))
        data_dir = resolve_data_dir(override)
        if override:
            from supportnet.data.data_folder import check_data_dir

            try:
                # Before anything can make it private (0700) or leave a lock file in it.
                check_data_dir(data_dir)
            except SupportNetError:
                # Crisis help is never behind a setting: only saving a country needs
                # the folder; showing the lines falls back to the locale's country.
                if args is None or command != "crisis-lines" or getattr(args, "set_country", None):
                    raise
                args.data_dir_refused = True
        if command == "gui":
            if open_app is None:
                raise UsageError(_(NO_APP))
            return open_app(data_dir, [sys.argv[0], *argv])
        assert args is not None  # a command, read by the whole parser
        handler: Handler = args.handler
        args.write_plan_pdf = write_plan_pdf
        args.write_rota_pdf = write_rota_pdf
        from supportnet.data.auto_backup import backing_up_after_writes
        from supportnet.data.lock import acting_as_command

        # says who holds the store, to the lock's waiters; a store that wrote backs up daily
        with acting_as_command(command), backing_up_after_writes() as backup_notes:
            code = handler(args, data_dir, out)
        for note in backup_notes:  # never the command's failure: one calm line each
            print(f"{PROG}: {one_line(note)}", file=err)
        return code
    except ValidationError as exc:
        print(f"{PROG}: {one_line(exc.message)}", file=err)
        return 2
    except SupportNetError as exc:
        # A path or a typed name in the message may hold a line break.
        print(f"{PROG}: {one_line(exc.message)}", file=err)
        return exc.exit_code
    except KeyboardInterrupt:
        print(f"{PROG}: " + _("stopped."), file=err)
        return 130
    except Exception as exc:
        # A bug, not bad input: still one line, with the details only on request.
        # Types and places only: a message may hold a name, a note or SQL parameters, and
        # whatever is printed here tends to be pasted into a bug report.
        from supportnet.runtime.crash_text import bug_line, scrubbed_traceback

        if os.environ.get("SUPPORTNET_DEBUG"):
            print(scrubbed_traceback(type(exc), exc, exc.__traceback__), file=err)
            return 70
        said = _(
            "something went wrong inside SupportNet ({bug}). Nothing was changed by the "
            "failed step; run with SUPPORTNET_DEBUG=1 for details."
        ).format(bug=bug_line(exc))
        print(f"{PROG}: {said}", file=err)
        return 70


def _opens_the_app(argv: list[str]) -> list[str] | None:
    """For a command line that only opens the app (``[gui] [--data-dir DIR]``, in either
    order): a list holding DIR if given, else an empty one. None for anything else, which
    the full parser reads (help, a command, an unusual spelling of the option)."""
    override: list[str] = []
    gui = False
    rest = list(argv)
    while rest:
        word = rest.pop(0)
        if word == "gui" and not gui:
            gui = True
        elif word.startswith("--data-dir=") and not override:
            override.append(word.removeprefix("--data-dir="))
        elif word == "--data-dir" and not override and rest and not rest[0].startswith("-"):
            override.append(rest.pop(0))
        else:
            return None
    return override
