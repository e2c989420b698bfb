"""Where SupportNet keeps its data, resolved once by the composition root."""

from __future__ import annotations

import os
from pathlib import Path

from supportnet.folders import user_data_folder
from supportnet.i18n import _
from supportnet.model.errors import UsageError


def user_path(text: str | Path) -> Path:
    """A path as a person typed it, ``~`` expanded. A ``~name`` naming no one here stays
    as typed (``expanduser`` would raise), so the caller's "no such folder" message says it.
    A path no file can have (a NUL byte) is a :class:`UsageError`."""
    # A NUL byte, or a lone surrogate that isn't an undecodable byte, can't be in any file
    # name: the OS call would fail with ValueError or UnicodeEncodeError, far from here.
    try:
        if b"\x00" in os.fsencode(text):
            raise ValueError("NUL")
    except (ValueError, UnicodeEncodeError):
        raise UsageError(_("A path holds a character no file name can have.")) from None
    path = Path(text)
    try:
        return path.expanduser()
    except RuntimeError:
        return path


def resolve_data_dir(override: str | None) -> Path:
    """``--data-dir`` if given, otherwise the per-user default (e.g. ~/.local/share/SupportNet
    on Linux); always absolute."""
    if override:
        return user_path(override).resolve()
    return user_data_folder()
