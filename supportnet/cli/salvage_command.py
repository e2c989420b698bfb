"""`supportnet salvage`: copy what can still be read from a damaged store into a backup."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from supportnet.cli.common import passphrase_provider
from supportnet.data.paths import user_path

if TYPE_CHECKING:
    from supportnet.data.salvage import SalvageResult, TableSalvage


def add_parser(commands: Any, common: argparse.ArgumentParser) -> None:
    salvage = commands.add_parser(
        "salvage",
        parents=[common],
        help="copy every row that can still be read from a damaged store into a backup file",
        description="Read the store table by table, skipping only what a damaged page makes "
        "unreadable, and write everything else to an encrypted backup (same key). The store "
        "itself is left as it is; bring the copy in with `supportnet restore FILE --force`, "
        "which keeps the damaged database aside.",
    )
    salvage.add_argument(
        "--out",
        metavar="FILE",
        required=True,
        help="the new backup file to write (never an existing file: choose a new name)",
    )
    salvage.set_defaults(handler=_cmd_salvage)


def _cmd_salvage(args: argparse.Namespace, data_dir: Path, out: TextIO) -> int:
    from supportnet.data.path_checks import check_readable_folder, check_usable_path
    from supportnet.data.salvage import salvage

    target = user_path(args.out)
    check_usable_path(target, "the backup file")
    check_readable_folder(data_dir)
    result = salvage(data_dir, target, passphrase=passphrase_provider())
    for line in report(result):
        print(line, file=out)
    return 0


def report(result: SalvageResult) -> list[str]:
    """What was saved, one line per kind of row, and what to do next."""
    lines = [f"Saved what could be read to {result.path}:"]
    width = max((len(t.kind) for t in result.reported()), default=0) + 2
    lines += [f"  {t.kind + ':':<{width}}{_outcome(t)}" for t in result.reported()]
    if result.complete:
        lines.append("Every row could be read.")
    lines.append(
        f"To use it: `supportnet restore {result.path} --force` (the damaged database is "
        "kept aside in the data folder's damaged/ folder)."
    )
    return lines


def _outcome(table: TableSalvage) -> str:
    text = f"{table.saved:,} saved"
    if table.unlinked:  # only a plan link may be let go (ON DELETE SET NULL)
        text += f" ({table.unlinked:,} of them kept, unlinked from a plan that couldn't be read)"
    if table.unreadable is None:
        text += ", and perhaps more that couldn't be read"
    elif table.unreadable:
        text += f", {table.unreadable:,} couldn't be read"
    if table.left_out:
        text += f", {table.left_out:,} left out (what they belong to couldn't be read)"
    return text
