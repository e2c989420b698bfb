"""File ▸ Delete all my data…: what goes, what stays, an export first, and DELETE typed."""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from supportnet.i18n import N_, _
from supportnet.services.your_data import Places
from supportnet.ui.widgets.buttons import button_row, enable_or_say_why, push_button
from supportnet.ui.widgets.dialogs import DialogWidth, open_at_width
from supportnet.ui.widgets.labels import announce, buddy_label, quiet, title_label

TITLE = N_("Delete all my data")
# Translators: the word typed to delete everything; it may be translated (the English one
# always works too).
CONFIRM_WORD = N_("DELETE")
DELETE_TEXT = N_("Delete all my data")
KEEP_TEXT = N_("Keep my data")
EXPORT_FIRST = N_("Export all data first…")
SAVING = N_("Saving…")
WHY_WAITING = N_("Type {word} in the field above to delete your data.")
WHY_EXPORTING = N_("Your copy is still being saved; this waits until it is done.")
CANT_UNDO = N_(
    "This can't be undone. If you'd like to keep a copy you can read anywhere, you could "
    "export all your data first."
)


def what_goes(places: Places) -> list[str]:
    """The lines saying what deleting removes from this computer."""
    key = (
        _("Its key: the key file, and the entry in your system's keyring")
        if places.key_in_keyring
        else _("Its key file")
    )
    return [
        _(
            "Your network's database — people, groups, plans, check-ins, the safety plan and "
            "care teams — in {folder}"
        ).format(folder=places.data_dir),
        key,
        _("The automatic backups in {folder}").format(folder=places.backups),
    ]


def what_stays(places: Places) -> str:
    """The line saying which backups are left alone unless asked."""
    if places.extra_backups is not None:
        return _(
            "Backups kept elsewhere are not touched: the copies in your extra backup folder "
            "({folder}), unless you tick the box below, and any files you saved "
            "with Back up now."
        ).format(folder=places.extra_backups)
    return _("Backups kept elsewhere, such as files you saved with Back up now, are not touched.")


def _wrapped(text: str) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setAccessibleName(text)
    return label


class DeleteAllDialog(QDialog):
    """Says what goes and what stays; the delete button waits until DELETE is typed.

    ``export_first`` runs File ▸ Export all data… and calls back with a line to show (a
    saved file's name), or nothing if the person changed their mind. Accepted means
    "delete"; :attr:`extra_too` says whether the extra folder's copies go too.
    """

    def __init__(
        self,
        places: Places,
        export_first: Callable[[Callable[[str], None]], object],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_(TITLE))
        self.setAccessibleName(_(TITLE))
        self._export_first = export_first

        layout = QVBoxLayout(self)
        layout.setSpacing(10)
        layout.addWidget(title_label(_(TITLE)))
        layout.addWidget(_wrapped(_("This removes everything SupportNet keeps for this network:")))
        self.goes_labels = [_wrapped(f"•  {line}") for line in what_goes(places)]
        for label in self.goes_labels:
            label.setContentsMargins(12, 0, 0, 0)
            layout.addWidget(label)
        self.stays_label = _wrapped(what_stays(places))
        layout.addWidget(self.stays_label)
        self.extra_box: QCheckBox | None = None
        if places.extra_backups is not None:
            text = _("Also delete the automatic copies in {folder}").format(
                folder=places.extra_backups
            )
            self.extra_box = QCheckBox(text)
            self.extra_box.setAccessibleName(text)
            layout.addWidget(self.extra_box)

        layout.addWidget(_wrapped(_(CANT_UNDO)))
        self.export_button = push_button(
            _(EXPORT_FIRST),
            _("Export all data first"),
            tip=_("Save everything in one open file before deleting (it is not encrypted)"),
            auto_default=False,
            on_click=self._export,
        )
        self.export_note = quiet(_wrapped(""))
        self.export_note.hide()
        export_row = QHBoxLayout()
        export_row.addWidget(self.export_button, 0, Qt.AlignmentFlag.AlignTop)
        export_row.addWidget(self.export_note, 1)
        export_row.addStretch(0)
        layout.addLayout(export_row)

        #: True while "Export all data first…" is still writing: deleting waits for it.
        self._exporting = False
        self.word_field = QLineEdit()
        word = _(CONFIRM_WORD)
        self.word_field.setAccessibleName(_("Type {word} to go ahead").format(word=word))
        go_ahead = _("&Type {word} to go ahead:").format(word=word)
        layout.addWidget(buddy_label(go_ahead, self.word_field))
        layout.addWidget(self.word_field)

        self.keep_button = push_button(
            _(KEEP_TEXT), _(KEEP_TEXT), default=True, auto_default=True, on_click=self.reject
        )
        self.delete_button = push_button(
            _(DELETE_TEXT), _(DELETE_TEXT), auto_default=False, on_click=self._delete
        )
        layout.addSpacing(6)
        layout.addLayout(button_row(self.keep_button, self.delete_button))
        self.word_field.textChanged.connect(self._typed)
        self._typed("")
        open_at_width(self, DialogWidth.SMALL)
        self.word_field.setFocus()

    @property
    def extra_too(self) -> bool:
        return self.extra_box is not None and self.extra_box.isChecked()

    def confirmed(self) -> bool:
        """DELETE typed (spaces around it and its case don't matter)."""
        return self.word_field.text().strip().upper() in {CONFIRM_WORD, _(CONFIRM_WORD).upper()}

    def _typed(self, _text: str) -> None:
        if self._exporting:
            enable_or_say_why(self.delete_button, False, _(WHY_EXPORTING))
        else:
            why = _(WHY_WAITING).format(word=_(CONFIRM_WORD))
            enable_or_say_why(self.delete_button, self.confirmed(), why)

    def _delete(self) -> None:
        # The button is disabled otherwise; a stray click (or Enter) does nothing. Never
        # while the copy offered first is still being written: it may yet fail.
        if self.confirmed() and not self._exporting:
            self.accept()

    def _export(self) -> None:
        self.export_button.setEnabled(False)  # one export at a time
        self._exporting = True
        self._typed("")
        self._show_note(_(SAVING))
        self._export_first(self._exported)

    def _exported(self, line: str) -> None:
        if not shiboken6.isValid(self):
            return  # closed meanwhile (kept the data): the window said how the export went
        self._exporting = False
        self._typed("")
        self.export_button.setEnabled(True)
        if line:
            self._show_note(line)
        else:
            self.export_note.hide()

    def _show_note(self, line: str) -> None:
        self.export_note.setText(line)
        self.export_note.setAccessibleName(line)
        self.export_note.show()
        announce(self.export_note, line)
