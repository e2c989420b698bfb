"""The main window's Undo and Redo: their menu texts, a note after each, failures said."""

from __future__ import annotations

from typing import Any

from supportnet.i18n import N_, _

UNDO_ERROR_TITLE = N_("SupportNet couldn't undo that")

#: Typed loosely: the mixin's methods use the window's attributes.
_WindowBase: Any = object


class MainWindowUndo(_WindowBase):  # type: ignore[misc]
    """Edit ▸ Undo and Redo over the window's one undo stack."""

    def _update_undo_actions(self, *_args: Any) -> None:
        stack = self.undo_stack
        self.undo_action.setEnabled(stack.canUndo())
        self.redo_action.setEnabled(stack.canRedo())
        undo_text = stack.undoText()
        redo_text = stack.redoText()
        # Translators: Edit ▸ Undo with what it undoes, e.g. "Undo delete Ana".
        undo = _("&Undo {action}").format(action=undo_text) if undo_text else _("&Undo")
        # Translators: Edit ▸ Redo with what it redoes.
        redo = _("&Redo {action}").format(action=redo_text) if redo_text else _("&Redo")
        self.undo_action.setText(undo)
        self.redo_action.setText(redo)

    def undo(self) -> None:
        if not self.undo_stack.canUndo():
            return
        text = self.undo_stack.undoText()
        self._failed = False
        self.undo_stack.undo()
        if not self._failed:
            self.show_note(_("Undone: {action}").format(action=text))

    def redo(self) -> None:
        if not self.undo_stack.canRedo():
            return
        text = self.undo_stack.redoText()
        self._failed = False
        self.undo_stack.redo()
        if not self._failed:
            self.show_note(_("Redone: {action}").format(action=text))

    _failed = False

    def _report_undo_error(self, message: str) -> None:
        from supportnet.ui.widgets import dialogs  # loads when first needed

        self._failed = True
        dialogs.show_error(self, message, title=_(UNDO_ERROR_TITLE))
