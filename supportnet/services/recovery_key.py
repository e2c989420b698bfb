"""The recovery key for the app: the keeper that shows and remembers it, where its PDF may go."""

from __future__ import annotations

from pathlib import Path

from supportnet.data.backup import is_inside
from supportnet.data.recovery import RecoveryKeeper

__all__ = ["RecoveryKeeper", "may_keep_key_at"]


def may_keep_key_at(path: Path, data_dir: Path | None) -> bool:
    """Whether a copy of the key may be written at ``path``: never inside the store's folder.

    The key belongs away from this computer, and a file in ``data_dir`` (or its backups/)
    could replace the store's own.
    """
    return data_dir is None or not is_inside(path, data_dir)
