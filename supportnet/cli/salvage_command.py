"""`supportnet salvage`: copy what can still be read from a damaged store into a backup."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from supportnet.cli.common import passphrase_provider
from supportnet.data.paths import user_path
from supportnet.i18n import _

if TYPE_CHECKING:
    from supportnet.data.salvage import SalvageResult, TableSalvage


def add_parser(commands: Any, common: argparse.ArgumentParser) -> None:
    salvage = commands.add_parser(
        "salvage",
        parents=[common],
        help=_("copy every row that can still be read from a damaged store into a backup file"),
        description=_(
            "Read the store table by table, skipping only what a damaged page makes "
            "unreadable, and write everything else to an encrypted backup (same key). The "
            "store itself is left as it is; bring the copy in with `supportnet restore FILE "
            "--force`, which keeps the damaged database aside."
        ),
    )
    salvage.add_argument(
        "--out",
        metavar="FILE",
        required=True,
        help=_("the new backup file to write (never an existing file: choose a new name)"),
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
    lines = [_("Saved what could be read to {path}:").format(path=result.path)]
    width = max((len(t.kind) for t in result.reported()), default=0) + 2
    lines += [f"  {t.kind + ':':<{width}}{_outcome(t)}" for t in result.reported()]
    if result.complete:
        lines.append(_("Every row could be read."))
    lines.append(
        _(
            "To use it: `supportnet restore {path} --force` (the damaged database is "
            "kept aside in the data folder's damaged/ folder)."
        ).format(path=result.path)
    )
    return lines


def _outcome(table: TableSalvage) -> str:
    # Parts of a list, each whole in itself; German joins them with commas as English does.
    text = _("{n} saved").format(n=f"{table.saved:,}")
    if table.unlinked:  # only a plan link may be let go (ON DELETE SET NULL)
        text += " " + _("({n} of them kept, unlinked from a plan that couldn't be read)").format(
            n=f"{table.unlinked:,}"
        )
    if table.unreadable is None:
        text += ", " + _("and perhaps more that couldn't be read")
    elif table.unreadable:
        text += ", " + _("{n} couldn't be read").format(n=f"{table.unreadable:,}")
    if table.left_out:
        text += ", " + _("{n} left out (what they belong to couldn't be read)").format(
            n=f"{table.left_out:,}"
        )
    return text
