"""Commands for your data as a whole: export-data, import-data, delete-everything."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any, TextIO

from supportnet.cli.common import passphrase_provider
from supportnet.data.paths import user_path
from supportnet.i18n import _
from supportnet.model.errors import SupportNetError, UsageError

CONFIRM_WORD = "DELETE"


def add_parsers(commands: Any, common: argparse.ArgumentParser) -> None:
    export = commands.add_parser(
        "export-data",
        parents=[common],
        help=_(
            "write all your data to one open JSON file (not encrypted; see docs/data-format.md)"
        ),
    )
    export.add_argument("--out", required=True, metavar="FILE", help=_("the file to write"))
    export.add_argument(
        "--force",
        action="store_true",
        help=_("replace FILE even if it isn't an earlier export"),
    )
    export.set_defaults(handler=_cmd_export)
    imp = commands.add_parser(
        "import-data",
        parents=[common],
        help=_("bring in a file written by export-data (into an empty store)"),
    )
    imp.add_argument("file", metavar="FILE", help=_("a file written by export-data"))
    imp.add_argument(
        "--merge",
        action="store_true",
        help=_("add to a store that holds data, skipping what it already has (by uid)"),
    )
    imp.set_defaults(handler=_cmd_import)
    delete = commands.add_parser(
        "delete-everything",
        parents=[common],
        help=_("remove the store, its key and its automatic backups from this computer"),
    )
    delete.add_argument(
        "--yes", action="store_true", help=_("don't ask to type DELETE (for scripts)")
    )
    delete.add_argument(
        "--include-extra-backups",
        metavar="DIR",
        nargs="?",
        const="",
        help=_(
            "also remove SupportNet's backups (supportnet-*.db) in DIR, a folder of your own; "
            "without DIR, in the extra backup folder chosen with backup-folder"
        ),
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
        _(
            "Wrote all your data to {path}: {people} people, {groups} groups, {plans} plans "
            "and {checkins} check-ins."
        ).format(
            path=done.path,
            people=c["people"],
            groups=c["groups"],
            plans=c["plans"],
            checkins=c["checkins"],
        ),
        file=out,
    )
    print(_(NOT_ENCRYPTED), file=out)
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
    skipped = sum(o[k] - a[k] for k in ("people", "groups", "plans", "checkins", "care_teams"))
    if skipped:
        said = _(
            "Brought in {people} people, {groups} groups, {plans} plans and {checkins} "
            "check-ins; {skipped} already here were left as they are."
        )
    else:
        said = _(
            "Brought in {people} people, {groups} groups, {plans} plans and {checkins} check-ins."
        )
    print(
        said.format(
            people=a["people"],
            groups=a["groups"],
            plans=a["plans"],
            checkins=a["checkins"],
            skipped=skipped,
        ),
        file=out,
    )
    return 0


def _cmd_delete(args: argparse.Namespace, data_dir: Path, out: TextIO) -> int:
    from supportnet.data.delete_all import delete_everything
    from supportnet.data.keys import default_backend

    extra = None
    if args.include_extra_backups is not None:
        # The chosen folder is a setting inside the encrypted store: read before it goes.
        extra = user_path(args.include_extra_backups or _chosen_extra_folder(data_dir))
    if extra is not None and not extra.is_dir():
        raise UsageError(
            _("--include-extra-backups: there is no folder {folder}.").format(folder=extra)
        )
    if not args.yes:
        _confirm(data_dir, extra)
    removed = delete_everything(data_dir, keyring_backend=default_backend(), extra_backups=extra)
    if not removed:
        print(
            _("There was no SupportNet data in {folder}; nothing was removed.").format(
                folder=data_dir
            ),
            file=out,
        )
        return 0
    print(_("Removed:"), file=out)
    for what in removed:
        print(f"  {what}", file=out)
    if data_dir.exists():
        left = sorted(p.name for p in data_dir.rglob("*"))
        print(
            _(
                "{folder} still holds {n} file(s) or folder(s) SupportNet didn't make; "
                "they were left as they were."
            ).format(folder=data_dir, n=len(left)),
            file=out,
        )
    if extra is None:
        print(
            _("Backups you copied elsewhere, or kept in an extra backup folder, were not touched."),
            file=out,
        )
    return 0


def _chosen_extra_folder(data_dir: Path) -> str:
    """The extra backup folder the store's settings name (``backup-folder``)."""
    from supportnet.data.store import open_store
    from supportnet.data.store_files import store_exists

    if not store_exists(data_dir):
        raise UsageError(
            _(
                "--include-extra-backups: there is no store in {folder} to read the extra "
                "backup folder from; name the folder (--include-extra-backups DIR)."
            ).format(folder=data_dir)
        )
    with open_store(data_dir, passphrase=passphrase_provider(), create=False) as store:
        chosen = store.settings.load().backup_folder
    if not chosen:
        raise UsageError(
            _(
                "--include-extra-backups: no extra backup folder is chosen; name the folder "
                "(--include-extra-backups DIR)."
            )
        )
    return chosen


def _confirm(data_dir: Path, extra: Path | None, stdin: TextIO | None = None) -> None:
    stream = stdin or sys.stdin
    if not stream.isatty():
        raise UsageError(
            _(
                "delete-everything asks you to type DELETE on a terminal; to run it from a "
                "script, add --yes."
            )
        )
    if extra:
        said = _(
            "This removes all your SupportNet data in {folder}, its key and its automatic "
            "backups and SupportNet's backups in {extra}. It can't be undone."
        )
    else:
        said = _(
            "This removes all your SupportNet data in {folder}, its key and its automatic "
            "backups. It can't be undone."
        )
    print(said.format(folder=data_dir, extra=extra), file=sys.stderr)
    # Translators: {word} is DELETE, typed as it is (not translated).
    typed = input(_("Type {word} to go ahead: ").format(word=CONFIRM_WORD))
    if typed.strip() != CONFIRM_WORD:
        raise SupportNetError(_("Nothing was removed."))
