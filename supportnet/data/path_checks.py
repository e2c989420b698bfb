"""Paths a person typed, checked before any work: too long to use, or a folder we can't read."""

from __future__ import annotations

import errno
import os
from pathlib import Path

from supportnet.model.errors import StoreError, UsageError

#: The usual limits (Linux ext4, macOS APFS): 255 bytes per name, about 4,096 per path.
NAME_MAX = 255


def check_usable_path(path: Path, what: str) -> None:
    """Refuse ``path`` with one plain line if the system can't even look it up.

    A path that doesn't exist yet is fine (the caller says what it needs); one whose name
    is too long, or that runs through a folder we may not enter, is not. ``what`` names
    it for the message, e.g. "the backup file".
    """
    try:
        os.stat(path)
    except (FileNotFoundError, NotADirectoryError):
        return
    except OSError as exc:
        if exc.errno == errno.ENAMETOOLONG:
            raise UsageError(f"The path of {what} is too long: {_length(path)}.") from None
        raise StoreError(f"Can't use {what} ({_short(path)}): {exc.strerror}.") from None
    except ValueError:  # an embedded NUL byte
        raise UsageError(f"The path of {what} has a character paths can't hold.") from None


def check_readable_folder(folder: Path) -> None:
    """Refuse a data folder that exists but can't be read or entered, with one plain line."""
    check_usable_path(folder, "the data folder")
    try:
        with os.scandir(folder):
            pass
    except (FileNotFoundError, NotADirectoryError):
        return
    except OSError as exc:
        raise StoreError(
            f"Can't read the data folder {folder}: {exc.strerror}. Check that it belongs to "
            "you and that you may open it."
        ) from None


def _length(path: Path) -> str:
    longest = max((len(os.fsencode(part)) for part in path.parts), default=0)
    if longest > NAME_MAX:
        return f"one name in it is {longest:,} bytes long, and most systems allow {NAME_MAX}"
    return f"it is {len(os.fsencode(str(path))):,} bytes long; please choose a shorter one"


def _short(path: Path) -> str:
    """The path, shortened in the middle if it is too long to read in a message."""
    text = str(path)
    return text if len(text) <= 200 else f"{text[:80]}…{text[-80:]}"
