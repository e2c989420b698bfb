"""Where a command's `--pdf FILE` goes: checked before any work, written whole or not at all."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from supportnet.data.paths import user_path
from supportnet.i18n import N_, _
from supportnet.model.errors import ExportError, UsageError

#: Why a PDF couldn't be saved, one sentence for each thing saved.
CANT_SAVE = {
    "the plan": N_("Can't save the plan as {path}: {reason}."),
    "the rota": N_("Can't save the rota as {path}: {reason}."),
}


def pdf_target(pdf: str | None, writer: object | None, no_pdf: str) -> Path | None:
    """The checked path of ``--pdf`` (None when not asked for).

    ``writer`` is the PDF writer the entry point handed in; without one, ``no_pdf`` is the
    usage error. The path is refused, with one plain line, before the store is opened.
    """
    if pdf is None:
        return None
    if writer is None:
        raise UsageError(no_pdf)
    target = user_path(pdf)
    check_pdf_target(target)
    return target


def check_pdf_target(path: Path) -> None:
    """Refuse, with one plain line, a path a PDF can't be saved at (before any work)."""
    try:
        if path.is_dir():
            raise ExportError(
                _("{path} is a folder; choose a file name such as my-plan.pdf.").format(path=path)
            )
        folder = path.parent
        if not folder.is_dir():
            raise ExportError(
                _("The folder {folder} doesn't exist; choose another place to save.").format(
                    folder=folder
                )
            )
        if not os.access(folder, os.W_OK | os.X_OK):
            raise ExportError(
                _("Can't write in {folder}; choose a folder you can save to.").format(folder=folder)
            )
    except OSError as exc:  # e.g. a name longer than the file system allows
        raise ExportError(
            _("Can't save as {path}: {reason}.").format(path=path, reason=exc.strerror)
        ) from exc


def save_pdf(path: Path, write: Callable[[Path], None], what: str) -> None:
    """Write the PDF beside ``path`` and move it into place: the old file or the whole new
    one, never half of either; readable by the user only. ``what`` names it in the error
    ("the plan", "the rota": a key of :data:`CANT_SAVE`)."""
    from supportnet.data.files import FILE_MODE, replace_by_writing

    try:
        replace_by_writing(path, write, FILE_MODE)
    except OSError as exc:
        reason = exc.strerror or _("the file couldn't be written")
        raise ExportError(_(CANT_SAVE[what]).format(path=path, reason=reason)) from exc
