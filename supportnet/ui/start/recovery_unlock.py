"""Opening this computer's store with the recovery key: a forgotten passphrase, a lost keyring."""

from __future__ import annotations

import enum
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from supportnet.i18n import N_, _
from supportnet.model.errors import PassphraseRequiredError, SupportNetError
from supportnet.services import unlocking
from supportnet.services.crisis import CrisisHelpService
from supportnet.services.unlocking import AUTO_BACKEND, PassphrasePurpose, Store
from supportnet.ui.hard_day.entry import HelpLink
from supportnet.ui.start.unlock_dialog import ask_passphrase
from supportnet.ui.widgets import dialogs
from supportnet.ui.widgets.dialogs import DialogWidth, use_width
from supportnet.ui.widgets.field_message import FieldMessage
from supportnet.ui.widgets.labels import title_label

TITLE = N_("Open with your recovery key")


class Reason(enum.Enum):
    """Why the store's own key can't be used."""

    PASSPHRASE = "passphrase"  # forgotten
    KEYRING = "keyring"  # the keyring entry is gone


INTRO = {
    Reason.PASSPHRASE: N_(
        "Your recovery key opens your data again. Then you choose a new passphrase; your "
        "recovery key stays the same."
    ),
    Reason.KEYRING: N_(
        "This computer's keyring no longer holds SupportNet's key. That can happen after "
        "the system is reinstalled or the keyring is reset. Your recovery key opens your data "
        "again, and the key is then kept for this computer as before."
    ),
}
WHERE_IT_IS = N_(
    "It's the code of nine groups of four letters and digits that SupportNet showed you, "
    "perhaps written down or printed. Spaces, dashes and small letters are fine."
)
NOT_READY = N_("Type your recovery key first.")
WRONG_KEY = N_(
    "That recovery key doesn't open this store. Please check it against your copy; nothing "
    "was changed."
)
NO_NEW_PASSPHRASE = N_(
    "No new passphrase was chosen, so nothing was changed. Choose “Open” again when you're ready."
)
KEYRING_OFFER = N_("If you have your recovery key, it opens your data again.")

#: Opens the store with typed recovery-key text, or raises a SupportNetError.
Recover = Callable[[str], Store]


def _key_font() -> QFont:
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    font.setPointSizeF(max(font.pointSizeF(), 10.0) * 1.1)
    return font


class RecoveryUnlockDialog(QDialog):
    """A field for the recovery key; a typo or a wrong key is said next to it.

    ``recover`` does the work (and asks for a new passphrase where one is needed); the
    dialog closes with :attr:`store` set once it succeeds.
    """

    def __init__(
        self,
        recover: Recover,
        reason: Reason,
        parent: QWidget | None = None,
        *,
        crisis: CrisisHelpService | None = None,
    ) -> None:
        super().__init__(parent)
        self._recover = recover
        self.store: Store | None = None
        self.setWindowTitle(_(TITLE))
        self.setAccessibleName(_(TITLE))
        self.setModal(True)
        use_width(self, DialogWidth.SMALL)

        self.intro = QLabel(_(INTRO[reason]))
        self.intro.setWordWrap(True)
        self.intro.setAccessibleName(_("What this does"))

        self.key_field = QLineEdit()
        self.key_field.setAccessibleName(_("Recovery key"))
        self.key_field.setAccessibleDescription(_(WHERE_IT_IS))
        self.key_field.setFont(_key_font())
        self.key_field.setPlaceholderText("XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX")
        self.key_field.setInputMethodHints(
            Qt.InputMethodHint.ImhSensitiveData
            | Qt.InputMethodHint.ImhNoPredictiveText
            | Qt.InputMethodHint.ImhPreferUppercase
        )
        label = QLabel(_("&Recovery key"))
        label.setBuddy(self.key_field)
        where = QLabel(_(WHERE_IT_IS))
        where.setWordWrap(True)
        where.setAccessibleName(_("Where to find it"))
        self.key_message = FieldMessage(_("Recovery key message"))

        buttons = QDialogButtonBox()
        self.open_button: QPushButton = buttons.addButton(
            _("&Open"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.open_button.setAccessibleName(_("Open with this recovery key"))
        self.open_button.setDefault(True)
        self.cancel_button: QPushButton = buttons.addButton(
            _("Cancel"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.cancel_button.setAccessibleName(_("Cancel"))
        buttons.accepted.connect(self.try_open)
        buttons.rejected.connect(self.reject)
        #: The crisis lines, before anything is decrypted (no personal data).
        self.help_link = HelpLink(crisis)
        foot = QHBoxLayout()
        foot.addWidget(self.help_link)
        foot.addWidget(buttons, 1)

        layout = QVBoxLayout(self)
        layout.setSpacing(8)
        layout.addWidget(title_label(_(TITLE)))
        layout.addWidget(self.intro)
        layout.addWidget(where)
        layout.addSpacing(8)
        layout.addWidget(label)
        layout.addWidget(self.key_field)
        layout.addWidget(self.key_message)
        layout.addSpacing(8)
        layout.addLayout(foot)

        self.key_field.textChanged.connect(self._update)
        self._update()
        self.key_field.setFocus()

    def message(self) -> str:
        """The note shown next to the field, or "" when none is."""
        return self.key_message.text() if not self.key_message.isHidden() else ""

    def _say(self, message: str) -> None:
        self.key_message.set_message(message)
        self.key_field.setAccessibleDescription(message or _(WHERE_IT_IS))

    def _update(self) -> None:
        text = self.key_field.text()
        self.open_button.setEnabled(bool(text.strip()))
        self.open_button.setToolTip("" if text.strip() else _(NOT_READY))
        # A typo is said as soon as the key is complete; until then, no nagging.
        self._say(
            unlocking.recovery_key_typo(text) if unlocking.looks_like_recovery_key(text) else ""
        )

    def try_open(self) -> None:
        """Check the key, then open the store with it; stay open with a note if it can't."""
        text = self.key_field.text()
        if not text.strip():
            return
        typo = unlocking.recovery_key_typo(text)
        if typo:
            self._say(typo)
            self.key_field.setFocus()
            return
        try:
            self.store = self._recover(text)
        except PassphraseRequiredError:
            self._say(_(NO_NEW_PASSPHRASE))
            return
        except SupportNetError as exc:
            if unlocking.is_wrong_recovery_key(exc):
                self._say(_(WRONG_KEY))
                self.key_field.setFocus()
                self.key_field.selectAll()
                return
            dialogs.show_error(self, exc.message, title=_("SupportNet can't open your data"))
            return
        self.accept()


def recover_with_dialog(
    data_dir: Path,
    reason: Reason,
    *,
    keyring_backend: Any = AUTO_BACKEND,
    ask_new: Callable[[PassphrasePurpose], str | None] = ask_passphrase,
    parent: QWidget | None = None,
    crisis: CrisisHelpService | None = None,
) -> Store | None:
    """Ask for the recovery key and open the store with it; None if the person cancelled.

    Where no keyring keeps the key, ``ask_new`` asks for a new passphrase, as on first start.
    ``crisis`` gives "Need help now?" the country saved in the data folder.
    """

    def recover(text: str) -> Store:
        return unlocking.open_with_recovery_key(
            data_dir, text, ask_new=ask_new, keyring_backend=keyring_backend
        )

    dialog = RecoveryUnlockDialog(recover, reason, parent, crisis=crisis)
    try:
        dialog.exec()
        return dialog.store
    finally:
        dialog.deleteLater()
