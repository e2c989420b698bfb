"""Commands for your data as a whole: export-data, import-data, delete-everything."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any, TextIO

from supportnet.cli.common import passphrase_provider
from supportnet.data.paths import user_path
from supportnet.model.errors import SupportNetError, UsageError

CONFIRM_WORD = "DELETE"


def add_parsers(commands: Any, common: argparse.ArgumentParser) -> None:
    export = commands.add_parser(
        "export-data",
        parents=[common],
        help="write all your data to one open JSON file (not encrypted; see docs/data-format.md)",
    )
    export.add_argument("--out", required=True, metavar="FILE", help="the file to write")
    export.add_argument(
        "--force",
        action="store_true",
        help="replace FILE even if it isn't an earlier export",
    )
    export.set_defaults(handler=_cmd_export)
    imp = commands.add_parser(
        "import-data",
        parents=[common],
        help="bring in a file written by export-data (into an empty store)",
    )
    imp.add_argument("file", metavar="FILE", help="a file written by export-data")
    imp.add_argument(
        "--merge",
        action="store_true",
        help="add to a store that holds data, skipping what it already has (by uid)",
    )
    imp.set_defaults(handler=_cmd_import)
    delete = commands.add_parser(
        "delete-everything",
        parents=[common],
        help="remove the store, its key and its automatic backups from this computer",
    )
    delete.add_argument("--yes", action="store_true", help="don't ask to type DELETE (for scripts)")
    delete.add_argument(
        "--include-extra-backups",
        metavar="DIR",
        nargs="?",
        const="",
        help="also remove SupportNet's backups (supportnet-*.db) in DIR, a folder of your own; "
        "without DIR, in the extra backup folder chosen with backup-folder",
    )
    delete.set_defaults(handler=_cmd_delete)


def _cmd_export(args: argparse.Namespace, data_dir: Path, out: TextIO) -> int:
    from supportnet.data.path_checks import check_usable_path
    from supportnet.data.store import open_store
    from supportnet.services.data_export import NOT_ENCRYPTED, DataExport

    target = user_path(args.out)
    check_usable_path(target, "the export file")
    with open_store(data_dir, passphrase=passphrase_provider(), create=False) as store:
        done = DataExport(store).export_to(target, force=args.force)
    c = done.counts
    print(
        f"Wrote all your data to {done.path}: {c['people']} people, {c['groups']} groups, "
        f"{c['plans']} plans and {c['checkins']} check-ins.",
        file=out,
    )
    print(NOT_ENCRYPTED, file=out)
    return 0


def _cmd_import(args: argparse.Namespace, data_dir: Path, out: TextIO) -> int:
    from supportnet.data.damage import refuse_fresh_start
    from supportnet.data.store import open_store
    from supportnet.model import data_document
    from supportnet.services.data_export import DataExport, read_export_file

    source = user_path(args.file)
    # Read and check the file before a store is made for it: a refused file leaves no trace.
    data_document.parse(read_export_file(source))
    refuse_fresh_start(data_dir)  # never a new store beside a lost one's backups
    with open_store(data_dir, passphrase=passphrase_provider()) as store:
        done = DataExport(store).import_from(source, merge=args.merge)
    a, o = done.added, done.offered
    line = (
        f"Brought in {a['people']} people, {a['groups']} groups, {a['plans']} plans and "
        f"{a['checkins']} check-ins"
    )
    skipped = sum(o[k] - a[k] for k in ("people", "groups", "plans", "checkins", "care_teams"))
    if skipped:
        line += f"; {skipped} already here were left as they are"
    print(line + ".", file=out)
    return 0


def _cmd_delete(args: argparse.Namespace, data_dir: Path, out: TextIO) -> int:
    from supportnet.data.delete_all import delete_everything
    from supportnet.data.keys import default_backend

    extra = None
    if args.include_extra_backups is not None:
        # The chosen folder is a setting inside the encrypted store: read before it goes.
        extra = user_path(args.include_extra_backups or _chosen_extra_folder(data_dir))
    if extra is not None and not extra.is_dir():
        raise UsageError(f"--include-extra-backups: there is no folder {extra}.")
    if not args.yes:
        _confirm(data_dir, extra)
    removed = delete_everything(data_dir, keyring_backend=default_backend(), extra_backups=extra)
    if not removed:
        print(f"There was no SupportNet data in {data_dir}; nothing was removed.", file=out)
        return 0
    print("Removed:", file=out)
    for what in removed:
        print(f"  {what}", file=out)
    if data_dir.exists():
        left = sorted(p.name for p in data_dir.rglob("*"))
        print(
            f"{data_dir} still holds {len(left)} file(s) or folder(s) SupportNet didn't make; "
            "they were left as they were.",
            file=out,
        )
    if extra is None:
        print(
            "Backups you copied elsewhere, or kept in an extra backup folder, were not touched.",
            file=out,
        )
    return 0


def _chosen_extra_folder(data_dir: Path) -> str:
    """The extra backup folder the store's settings name (``backup-folder``)."""
    from supportnet.data.store import open_store
    from supportnet.data.store_files import store_exists

    if not store_exists(data_dir):
        raise UsageError(
            f"--include-extra-backups: there is no store in {data_dir} to read the extra "
            "backup folder from; name the folder (--include-extra-backups DIR)."
        )
    with open_store(data_dir, passphrase=passphrase_provider(), create=False) as store:
        chosen = store.settings.load().backup_folder
    if not chosen:
        raise UsageError(
            "--include-extra-backups: no extra backup folder is chosen; name the folder "
            "(--include-extra-backups DIR)."
        )
    return chosen


def _confirm(data_dir: Path, extra: Path | None, stdin: TextIO | None = None) -> None:
    stream = stdin or sys.stdin
    if not stream.isatty():
        raise UsageError(
            "delete-everything asks you to type DELETE on a terminal; to run it from a "
            "script, add --yes."
        )
    also = f" and SupportNet's backups in {extra}" if extra else ""
    print(
        f"This removes all your SupportNet data in {data_dir}, its key and its automatic "
        f"backups{also}. It can't be undone.",
        file=sys.stderr,
    )
    typed = input(f"Type {CONFIRM_WORD} to go ahead: ")
    if typed.strip() != CONFIRM_WORD:
        raise SupportNetError("Nothing was removed.")
