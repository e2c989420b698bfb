"""Paths a person typed, checked before any work: too long to use, or a folder we can't read."""

from __future__ import annotations

import errno
import os
from pathlib import Path

from supportnet.i18n import N_, _
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
            raise UsageError(_said(what, 0).format(length=_length(path))) from None
        raise StoreError(_said(what, 1).format(path=_short(path), reason=exc.strerror)) from None
    except ValueError:  # an embedded NUL byte
        raise UsageError(_said(what, 2)) from None


#: What :func:`check_usable_path` says for each path its callers check, as whole sentences:
#: too long, not usable, holding a NUL.
_SAID = {
    "the data folder": (
        N_("The path of the data folder is too long: {length}."),
        N_("Can't use the data folder ({path}): {reason}."),
        N_("The path of the data folder has a character paths can't hold."),
    ),
    "the backup file": (
        N_("The path of the backup file is too long: {length}."),
        N_("Can't use the backup file ({path}): {reason}."),
        N_("The path of the backup file has a character paths can't hold."),
    ),
    "the export file": (
        N_("The path of the export file is too long: {length}."),
        N_("Can't use the export file ({path}): {reason}."),
        N_("The path of the export file has a character paths can't hold."),
    ),
}


def _said(what: str, which: int) -> str:
    """Sentence ``which`` for ``what``, translated; another path's (none yet) in English."""
    known = _SAID.get(what)
    if known is not None:
        return _(known[which])
    generic = (
        "The path of {what} is too long: {{length}}.",
        "Can't use {what} ({{path}}): {{reason}}.",
        "The path of {what} has a character paths can't hold.",
    )
    return generic[which].format(what=what)


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
            _(
                "Can't read the data folder {folder}: {reason}. Check that it belongs to you "
                "and that you may open it."
            ).format(folder=folder, reason=exc.strerror)
        ) from None


def _length(path: Path) -> str:
    longest = max((len(os.fsencode(part)) for part in path.parts), default=0)
    if longest > NAME_MAX:
        # Translators: after "The path of the backup file is too long:".
        return _("one name in it is {longest} bytes long, and most systems allow {most}").format(
            longest=f"{longest:,}", most=NAME_MAX
        )
    return _("it is {length} bytes long; please choose a shorter one").format(
        length=f"{len(os.fsencode(str(path))):,}"
    )


def _short(path: Path) -> str:
    """The path, shortened in the middle if it is too long to read in a message."""
    text = str(path)
    return text if len(text) <= 200 else f"{text[:80]}…{text[-80:]}"
