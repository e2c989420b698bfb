"""The command line: the GUI by default, plus one module per command group."""

from __future__ import annotations

import argparse
import os
import sys
from typing import TextIO

from supportnet import __version__
from supportnet.cli import reachout_commands, recovery_commands, store_commands
from supportnet.cli.common import (
    PROG,
    Handler,
    Parser,
    common_options,
    terminal_passphrase_provider,
)
from supportnet.cli.reachout_commands import PRIVACY_CHOICES, parse_when
from supportnet.errors import SupportNetError, ValidationError
from supportnet.paths import resolve_data_dir

__all__ = [
    "PRIVACY_CHOICES",
    "PROG",
    "build_parser",
    "parse_when",
    "run",
    "terminal_passphrase_provider",
]


def build_parser() -> argparse.ArgumentParser:
    common = common_options()
    parser = Parser(
        prog=PROG,
        parents=[common],
        description="SupportNet: map your support network and plan gentle "
        "reach-outs. With no command, the app opens.",
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    store_commands.add_parsers(commands, common)
    reachout_commands.add_parsers(commands, common)
    recovery_commands.add_parsers(commands, common)
    commands.add_parser("gui", parents=[common], help="open the app (the default)")
    return parser


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
        handler: Handler = args.handler
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
