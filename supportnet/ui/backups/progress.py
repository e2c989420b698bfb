"""A quiet "Backing up…" window, shown only when the work takes more than a moment."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QProgressDialog, QWidget

#: Work that ends sooner than this shows no window at all.
SHOW_AFTER_MS = 400


def busy_dialog(parent: QWidget, text: str, *, at_once: bool = False) -> QProgressDialog:
    """An indeterminate progress window over ``parent``, without a Cancel button (a backup
    or a restore is never left half done). Close it when the work ends.

    It shows after :data:`SHOW_AFTER_MS`, or ``at_once``: a restore closes the store, so
    the window must take no edit from its first moment (the dialog is window-modal)."""
    dialog = QProgressDialog(text, "", 0, 0, parent)
    dialog.setCancelButton(None)
    dialog.setWindowTitle(text.rstrip("…"))
    dialog.setAccessibleName(text)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    if at_once:
        dialog.show()
        return dialog
    dialog.setMinimumDuration(SHOW_AFTER_MS)
    # Qt starts the wait only when the value is set to the minimum; without this it first
    # shows after its own 4 seconds, whatever the minimum duration says.
    dialog.setValue(0)
    return dialog
