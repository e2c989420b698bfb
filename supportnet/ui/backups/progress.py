"""A quiet "Backing up…" window, shown only when the work takes more than a moment."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QProgressDialog, QWidget

#: Work that ends sooner than this shows no window at all.
SHOW_AFTER_MS = 400


def busy_dialog(parent: QWidget, text: str) -> QProgressDialog:
    """An indeterminate progress window over ``parent``, without a Cancel button (a backup
    or a restore is never left half done). Close it when the work ends."""
    dialog = QProgressDialog(text, "", 0, 0, parent)
    dialog.setCancelButton(None)
    dialog.setWindowTitle(text.rstrip("…"))
    dialog.setAccessibleName(text)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.setMinimumDuration(SHOW_AFTER_MS)
    return dialog
