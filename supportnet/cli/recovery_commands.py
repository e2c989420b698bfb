"""The recovery-key commands: show this store's recovery key, replace it, or open with it."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TextIO

from supportnet.cli.common import passphrase_provider
from supportnet.i18n import N_, _
from supportnet.model.errors import KeyUnavailableError

WHERE_TO_KEEP = N_(
    "Keep it on paper, somewhere safe, and not on this computer: with it, your backups "
    "open on any computer, even if this one is lost."
)


CHOOSE_NEW = N_("Choose a new passphrase to protect your data from now on.")


def add_parsers(commands: Any, common: argparse.ArgumentParser) -> None:
    """Register ``recovery-key`` on the ``commands`` subparsers."""
    command = commands.add_parser(
        "recovery-key",
        parents=[common],
        help=_("show the recovery key that opens your backups on another computer"),
    )
    command.add_argument(
        "--new",
        action="store_true",
        help=_("replace it with a new one (backups made before keep opening with the old one)"),
    )
    command.set_defaults(handler=_cmd_recovery_key)

    unlock = commands.add_parser(
        "unlock-with-recovery-key",
        parents=[common],
        help=_(
            "open this store with its recovery key when the keyring entry is lost or the "
            "passphrase forgotten; the key is then kept in the keyring, or by a new "
            "passphrase (asked on the terminal, or read from SUPPORTNET_RECOVERY_KEY and "
            "SUPPORTNET_PASSPHRASE)"
        ),
    )
    unlock.set_defaults(handler=_cmd_unlock_with_recovery_key)


def _cmd_recovery_key(args: argparse.Namespace, data_dir: Path, out: TextIO) -> int:
    from supportnet.data import recovery
    from supportnet.data.store import open_store

    with open_store(data_dir, passphrase=passphrase_provider(), create=False) as store:
        now = datetime.now(UTC)
        key_id, key = store.key_info.key_id, store.db.key
        if args.new:
            record = recovery.renew(store.data_dir, key_id, key, now)
        else:
            record = recovery.ensure_record(store.data_dir, key_id, key, now)
        text = recovery.key_text(record, key)
        # Shown now: `backup` may again say its backups open with it.
        recovery.mark_reminded(store.data_dir, record, now)
    if record.unseen_replacement:
        assert record.replaced_at is not None
        print(
            _(
                "This is a new recovery key: the record of the one before was damaged. The "
                "one you kept before opens only backups made before {date}; new backups open "
                "with this one."
            ).format(date=f"{record.replaced_at.astimezone():%Y-%m-%d}"),
            file=out,
        )
    elif args.new:
        print(
            _(
                "This is your new recovery key; new backups use it. Backups made before now "
                "keep opening with the old one, so keep the old one too while you keep them."
            ),
            file=out,
        )
    else:
        print(_("This is your recovery key."), file=out)
    print(_(WHERE_TO_KEEP), file=out)
    print(text, file=out)
    return 0


def recovery_key_text(stdin: TextIO | None = None) -> str:
    """The recovery key from SUPPORTNET_RECOVERY_KEY, else typed (not echoed) on a terminal."""
    from_env = os.environ.get("SUPPORTNET_RECOVERY_KEY")
    if from_env:
        return from_env
    if not (stdin or sys.stdin).isatty():
        raise KeyUnavailableError(
            _(
                "This opens your store with its recovery key: set SUPPORTNET_RECOVERY_KEY, or "
                "run it in a terminal to type the key."
            )
        )
    return getpass.getpass(_("Recovery key: "))


def _cmd_unlock_with_recovery_key(args: argparse.Namespace, data_dir: Path, out: TextIO) -> int:
    from supportnet.data.store_recovery import recover_store

    text = recovery_key_text()
    ask = passphrase_provider(new_intro=CHOOSE_NEW)
    recovered = recover_store(data_dir, text, passphrase=ask)
    with recovered.store as store:
        where = store.key_info.where
    print(
        _(
            "Your store opens again; its key is now kept in the {where}. Your recovery key "
            "stays the same."
        ).format(where=where),
        file=out,
    )
    return 0
