"""The recovery key (or passphrase) of a backup made on another computer or store."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from supportnet.i18n import N_, _
from supportnet.model.errors import SupportNetError
from supportnet.services import unlocking
from supportnet.ui.widgets.dialogs import DialogWidth, use_width
from supportnet.ui.widgets.field_message import FieldMessage
from supportnet.ui.widgets.labels import title_label

TITLE = N_("Open this backup")
NOT_READY = N_("Type the recovery key first.")


def intro(passphrase_too: bool) -> str:
    """Why the key is asked for, and what it is."""
    if passphrase_too:
        return _(
            "This backup was made on another computer or for another store, so it opens with "
            "its recovery key, or the passphrase it had. The recovery key is the code of nine "
            "groups of four letters and digits SupportNet showed you; spaces, dashes and small "
            "letters are fine."
        )
    return _(
        "This backup was made on another computer or for another store, so it opens with "
        "its recovery key. The recovery key is the code of nine groups of four letters and "
        "digits SupportNet showed you; spaces, dashes and small letters are fine."
    )


class BackupKeyDialog(QDialog):
    """A field for the key; ``check(text)`` raises a SupportNetError, said next to it, when
    the text doesn't open the backup. Accepted with :attr:`secret` once it does."""

    def __init__(
        self, check: Callable[[str], None], passphrase_too: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._check = check
        self.secret: str | None = None
        self.setWindowTitle(_(TITLE))
        self.setAccessibleName(_(TITLE))
        self.setModal(True)
        use_width(self, DialogWidth.SMALL)

        self.intro = QLabel(intro(passphrase_too))
        self.intro.setWordWrap(True)
        self.intro.setAccessibleName(_("What this backup needs"))
        if passphrase_too:
            name, label_text = _("Recovery key or passphrase"), _("&Recovery key or passphrase")
            message_name = _("Recovery key or passphrase message")
        else:
            name, label_text = _("Recovery key"), _("&Recovery key")
            message_name = _("Recovery key message")
        self.key_field = QLineEdit()
        self.key_field.setAccessibleName(name)
        self.key_field.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.key_field.setInputMethodHints(
            Qt.InputMethodHint.ImhSensitiveData | Qt.InputMethodHint.ImhNoPredictiveText
        )
        if passphrase_too:
            # A passphrase is typed here too: keep it off the screen like the key.
            self.key_field.setEchoMode(QLineEdit.EchoMode.PasswordEchoOnEdit)
        label = QLabel(label_text)
        label.setBuddy(self.key_field)
        self.key_message = FieldMessage(message_name)

        buttons = QDialogButtonBox()
        self.open_button: QPushButton = buttons.addButton(
            _("&Open"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.open_button.setAccessibleName(_("Open the backup with this key"))
        self.open_button.setDefault(True)
        cancel = buttons.addButton(_("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        cancel.setAccessibleName(_("Cancel"))
        buttons.accepted.connect(self.try_open)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setSpacing(8)
        layout.addWidget(title_label(_(TITLE)))
        layout.addWidget(self.intro)
        layout.addSpacing(8)
        layout.addWidget(label)
        layout.addWidget(self.key_field)
        layout.addWidget(self.key_message)
        layout.addSpacing(8)
        layout.addWidget(buttons)

        self.key_field.textChanged.connect(self._update)
        self._update()
        self.key_field.setFocus()

    def message(self) -> str:
        """The note shown next to the field, or "" when none is."""
        return self.key_message.text() if not self.key_message.isHidden() else ""

    def _update(self) -> None:
        text = self.key_field.text()
        self.open_button.setEnabled(bool(text.strip()))
        self.open_button.setToolTip("" if text.strip() else _(NOT_READY))
        self.key_message.set_message(
            unlocking.recovery_key_typo(text) if unlocking.looks_like_recovery_key(text) else ""
        )

    def try_open(self) -> None:
        """Check the text against the backup; stay open with a note if it doesn't open it."""
        text = self.key_field.text()
        if not text.strip():
            return
        try:
            self._check(text)
        except SupportNetError as exc:
            self.key_message.set_message(exc.message)
            self.key_field.setFocus()
            self.key_field.selectAll()
            return
        self.secret = text
        self.accept()
