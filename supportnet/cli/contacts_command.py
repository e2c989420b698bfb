"""The ``import-contacts`` command: people in from a phone's or webmail's contacts files."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any, TextIO

from supportnet.cli.common import passphrase_provider
from supportnet.data.paths import user_path
from supportnet.i18n import N_, _
from supportnet.model.errors import SupportNetError

LOOKED_ALIKE_HINT = N_(
    "Contacts that look like someone you have were not added, so no one is there twice; "
    "if one is someone else, add them in the app."
)


def add_parser(commands: Any, common: argparse.ArgumentParser) -> None:
    """Register ``import-contacts`` on the ``commands`` subparsers."""
    command = commands.add_parser(
        "import-contacts",
        parents=[common],
        help=_("bring people in from vCard (.vcf) or Google/Outlook CSV contacts files"),
        description=_(
            "Add the people in contacts files exported from a phone or a webmail "
            "account to the outer circle. Someone whose email or phone number is already in "
            "your network is not added again; someone who only shares a name is listed, not "
            "added."
        ),
    )
    command.add_argument("files", metavar="FILE", nargs="+", help=_("a .vcf or .csv file"))
    command.add_argument(
        "--dry-run", action="store_true", help=_("show what would happen; change nothing")
    )
    command.set_defaults(handler=_cmd_import_contacts)


def _cmd_import_contacts(args: argparse.Namespace, data_dir: Path, out: TextIO) -> int:
    from supportnet.data.damage import refuse_fresh_start
    from supportnet.data.store import open_store
    from supportnet.data.store_files import store_exists
    from supportnet.model.imported_contacts import ReadFile
    from supportnet.services.contacts_import import ContactsImport, read_file

    # Every file is read before the store is opened: a typo changes nothing and makes no store.
    files: list[tuple[Path, ReadFile]] = []
    for name in args.files:
        path = user_path(name)
        if not path.is_file():
            raise SupportNetError(
                _("{name} is not a file that can be read.").format(name=path.name)
            )
        read = read_file(path)
        if not read.contacts and any(u.where == "the file" for u in read.unreadable):
            raise SupportNetError(
                _("{name}: {reason} Nothing was added.").format(
                    name=path.name, reason=read.unreadable[0].reason
                )
            )
        files.append((path, read))
    if args.dry_run and not store_exists(data_dir):
        _report(ContactsImport(None).compare(files), out, dry_run=True)
        return 0
    refuse_fresh_start(data_dir)
    with open_store(data_dir, passphrase=passphrase_provider()) as store:
        importer = ContactsImport(store)
        previews = importer.compare(files)
        if not args.dry_run:
            imported = importer.import_rows([row for p in previews for row in p.rows])
            if imported.count:
                store.settings.update(onboarded=True)
    _report(previews, out, dry_run=args.dry_run)
    return 0


def _report(previews: list[Any], out: TextIO, *, dry_run: bool) -> None:
    from supportnet.services.contacts_import import Status

    alike = 0
    for preview in previews:
        unreadable = len(preview.unreadable) + preview.count(Status.UNUSABLE)
        alike += preview.count(Status.LOOKS_ALIKE)
        if dry_run:
            said = _(
                "{file}: {new} would be added, {already} already in your network, {alike} "
                "looked like someone you have, {unreadable} could not be read."
            )
        else:
            said = _(
                "{file}: {new} added, {already} already in your network, {alike} looked "
                "like someone you have, {unreadable} could not be read."
            )
        print(
            said.format(
                file=preview.path.name,
                new=preview.count(Status.NEW),
                already=preview.count(Status.ALREADY),
                alike=preview.count(Status.LOOKS_ALIKE),
                unreadable=unreadable,
            ),
            file=out,
        )
    if alike:
        print(_(LOOKED_ALIKE_HINT), file=out)
