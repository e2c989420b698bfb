"""The recovery-key command: show this store's recovery key, or replace it."""

from __future__ import annotations

import argparse
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TextIO

from supportnet.cli.common import passphrase_provider

WHERE_TO_KEEP = (
    "Keep it on paper, somewhere safe, and not on this computer: with it, your backups "
    "open on any computer, even if this one is lost."
)


def add_parsers(commands: Any, common: argparse.ArgumentParser) -> None:
    """Register ``recovery-key`` on the ``commands`` subparsers."""
    command = commands.add_parser(
        "recovery-key",
        parents=[common],
        help="show the recovery key that opens your backups on another computer",
    )
    command.add_argument(
        "--new",
        action="store_true",
        help="replace it with a new one (backups made before keep opening with the old one)",
    )
    command.set_defaults(handler=_cmd_recovery_key)


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
            "This is a new recovery key: the record of the one before was damaged. The one "
            "you kept before opens only backups made before "
            f"{record.replaced_at.astimezone():%Y-%m-%d}; new backups open with this one.",
            file=out,
        )
    elif args.new:
        print(
            "This is your new recovery key; new backups use it. Backups made before now "
            "keep opening with the old one, so keep the old one too while you keep them.",
            file=out,
        )
    else:
        print("This is your recovery key.", file=out)
    print(WHERE_TO_KEEP, file=out)
    print(text, file=out)
    return 0
