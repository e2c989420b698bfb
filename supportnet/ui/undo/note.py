"""The quiet "Deleted … [Undo]" line the history and the plans panel share, and their undo keys."""

from __future__ import annotations

from PySide6.QtCore import (
    Qt,
)
from PySide6.QtGui import QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QWidget,
)

from supportnet.i18n import _
from supportnet.ui.undo.commands import UndoContext


class UndoNote(QWidget):
    """ "Deleted the check-in of Sun 14 Jun. [Undo]": a quiet line that stays until the next."""

    def __init__(
        self,
        undo_stack: QUndoStack,
        parent: QWidget | None = None,
        *,
        undo_context: UndoContext | None = None,
    ) -> None:
        super().__init__(parent)
        self._stack = undo_stack
        #: Says whether an undo failed (a full disk leaves the change made and the command
        #: on the stack, to try again).
        self._ctx = undo_context
        self.setAccessibleName(_("What just happened"))
        self.label = QLabel()
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self.label.setAccessibleName(_("What just happened"))
        self.label.setWordWrap(True)
        self.undo_button = QPushButton(_("&Undo"))
        self.undo_button.setAccessibleName(_("Undo"))
        self.undo_button.setToolTip(_("Put it back as it was (Ctrl+Z)"))
        self.undo_button.clicked.connect(self._undo)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.undo_button)
        self.setVisible(False)

    def show_note(self, text: str, *, can_undo: bool = True) -> None:
        self.label.setText(text)
        self.label.setAccessibleDescription(text)
        self.undo_button.setVisible(can_undo and self._stack.canUndo())
        self.setVisible(bool(text))

    def clear(self) -> None:
        self.label.clear()
        self.setVisible(False)

    def _undo(self) -> None:
        text = self._stack.undoText()
        failures = self._ctx.failures if self._ctx is not None else 0
        self._stack.undo()
        if self._ctx is not None and self._ctx.failures != failures:
            # Nothing was undone and the person has been told why. The button stays while
            # the command does, so they can try again once there is room.
            self.undo_button.setVisible(self._ctx.failed_command_kept)
            return
        said = _("Undone: {action}").format(action=text) if text else ""
        self.show_note(said, can_undo=False)


def undo_shortcuts(widget: QWidget, undo_stack: QUndoStack) -> list[QShortcut]:
    """Ctrl+Z, and Ctrl+Shift+Z or Ctrl+Y, inside a window of its own (as in the main window)."""
    redo_keys = list(QKeySequence.keyBindings(QKeySequence.StandardKey.Redo))
    for extra in ("Ctrl+Shift+Z", "Ctrl+Y"):
        if QKeySequence(extra) not in redo_keys:
            redo_keys.append(QKeySequence(extra))
    undo = QShortcut(widget)
    undo.setKeys(QKeySequence.StandardKey.Undo)
    undo.activated.connect(undo_stack.undo)
    redo = QShortcut(widget)
    redo.setKeys(redo_keys)
    redo.activated.connect(undo_stack.redo)
    return [undo, redo]
