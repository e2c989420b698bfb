"""`supportnet backup-folder`: the extra folder daily backups are also copied to."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any, TextIO

from supportnet.cli.common import passphrase_provider
from supportnet.data.paths import user_path
from supportnet.i18n import _
from supportnet.model.errors import SupportNetError, UsageError


def add_parser(commands: Any, common: argparse.ArgumentParser) -> None:
    parser = commands.add_parser(
        "backup-folder",
        parents=[common],
        help=_("show or choose an extra folder the daily backups are also copied to"),
        description=_(
            "SupportNet backs up by itself once a day, into backups/ in the data "
            "folder. Name a second folder (a USB stick, a synced folder) to have each day's "
            "backup copied there too; when it isn't there, the copy waits for next time."
        ),
    )
    parser.add_argument("folder", metavar="FOLDER", nargs="?", help=_("the extra folder"))
    parser.add_argument("--none", action="store_true", help=_("stop copying to an extra folder"))
    parser.set_defaults(handler=_cmd_backup_folder)


def _cmd_backup_folder(args: argparse.Namespace, data_dir: Path, out: TextIO) -> int:
    from supportnet.data.backup import BACKUP_DIR_NAME, refuse_inside_store
    from supportnet.data.store import open_store

    if args.folder and args.none:
        raise UsageError(_("Name a folder or give --none, not both."))
    chosen = None
    if args.folder:
        chosen = user_path(args.folder).resolve()
        if not chosen.is_dir():
            raise SupportNetError(
                _("There is no folder {folder}; make it first, then name it.").format(folder=chosen)
            )
        refuse_inside_store(chosen / "backup.db", data_dir, "backups")
    with open_store(data_dir, passphrase=passphrase_provider(), create=bool(args.folder)) as store:
        if chosen is not None or args.none:
            store.settings.update(backup_folder=str(chosen) if chosen else "")
        extra = store.settings.load().backup_folder
    where = data_dir / BACKUP_DIR_NAME
    if extra:
        print(
            _("Daily backups go to {where}, and are copied to {extra}.").format(
                where=where, extra=extra
            ),
            file=out,
        )
    else:
        print(
            _("Daily backups go to {where}; no extra folder is chosen.").format(where=where),
            file=out,
        )
    return 0
