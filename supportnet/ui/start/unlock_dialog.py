"""Asking for the passphrase: to unlock the store, or to choose one for a new store."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QCheckBox,
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
from supportnet.model.errors import ValidationError
from supportnet.services.crisis import CrisisHelpService
from supportnet.services.unlocking import PassphrasePurpose, check_new_passphrase
from supportnet.ui.hard_day.entry import HelpLink
from supportnet.ui.start import RecoveryKeyRequested
from supportnet.ui.widgets.dialogs import DialogWidth, use_width
from supportnet.ui.widgets.field_message import FieldMessage
from supportnet.ui.widgets.labels import title_label

WRONG_PASSPHRASE = N_("That passphrase doesn't unlock this store.")
NO_RECOVERY_WARNING = N_(
    "SupportNet keeps your data encrypted. If you forget this passphrase, only your recovery "
    "key can bring it back — write the passphrase down somewhere safe."
)
UNLOCK_INTRO = N_("Your network is protected by a passphrase. Type it to open SupportNet.")
NEW_INTRO = N_(
    "There is no system keyring on this computer to keep SupportNet's key, so a passphrase "
    "will protect your data instead. You'll type it each time you open SupportNet."
)
NEW_NOT_READY = N_("Type a passphrase of at least 8 characters, then type it again.")
UNLOCK_NOT_READY = N_("Type your passphrase first.")
FORGOT = N_("Forgot your passphrase? Use your &recovery key…")
#: The dialog's result when the person chose to use the recovery key instead.
USE_RECOVERY_KEY = 2


class UnlockDialog(QDialog):
    """The passphrase dialog.

    ``UNLOCK``: one field, "Unlock" and "Quit". ``NEW``: the passphrase twice, a warning that
    a forgotten passphrase can't be recovered, and inline messages until it is good enough.
    """

    def __init__(
        self,
        purpose: PassphrasePurpose,
        error: str | None = None,
        parent: QWidget | None = None,
        *,
        offer_recovery: bool = False,
        crisis: CrisisHelpService | None = None,
    ) -> None:
        super().__init__(parent)
        self.purpose = purpose
        is_new = purpose is PassphrasePurpose.NEW
        title = _("Choose a passphrase") if is_new else _("Unlock SupportNet")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.setModal(True)
        use_width(self, DialogWidth.SMALL)

        heading = title_label(title)

        intro = QLabel(_(NEW_INTRO) if is_new else _(UNLOCK_INTRO))
        intro.setWordWrap(True)
        intro.setAccessibleName(intro.text())

        self.passphrase_field = self._make_field(_("Passphrase"))
        passphrase_label = QLabel(_("&Passphrase") if not is_new else _("&New passphrase"))
        passphrase_label.setBuddy(self.passphrase_field)
        self.passphrase_message = FieldMessage(_("Passphrase message"))

        layout = QVBoxLayout(self)
        layout.setSpacing(8)
        layout.addWidget(heading)
        layout.addWidget(intro)

        self.warning: QLabel | None = None
        if is_new:
            warning = QLabel(_(NO_RECOVERY_WARNING))
            warning.setWordWrap(True)
            warning.setAccessibleName(_("Important"))
            warning.setAccessibleDescription(warning.text())
            warning_font = warning.font()
            warning_font.setBold(True)
            warning.setFont(warning_font)
            self.warning = warning
            layout.addSpacing(4)
            layout.addWidget(warning)

        layout.addSpacing(8)
        layout.addWidget(passphrase_label)
        layout.addWidget(self.passphrase_field)
        layout.addWidget(self.passphrase_message)

        self.again_field: QLineEdit | None = None
        self.again_message: FieldMessage | None = None
        if is_new:
            again = self._make_field(_("Passphrase again"))
            again_label = QLabel(_("Type it &again"))
            again_label.setBuddy(again)
            self.again_field = again
            self.again_message = FieldMessage(_("Passphrase again message"))
            layout.addSpacing(4)
            layout.addWidget(again_label)
            layout.addWidget(again)
            layout.addWidget(self.again_message)
            self.passphrase_field.returnPressed.connect(again.setFocus)

        self.show_toggle = QCheckBox(_("&Show passphrase"))
        self.show_toggle.setAccessibleName(_("Show passphrase"))
        self.show_toggle.toggled.connect(self._set_shown)
        layout.addWidget(self.show_toggle)

        #: A quiet way out for a forgotten passphrase, when the store has a recovery key.
        self.forgot_button: QPushButton | None = None
        if offer_recovery and not is_new:
            self.forgot_button = _quiet_link(_(FORGOT))
            self.forgot_button.clicked.connect(lambda: self.done(USE_RECOVERY_KEY))
            layout.addWidget(self.forgot_button, 0, Qt.AlignmentFlag.AlignLeft)

        buttons = QDialogButtonBox()
        self.ok_button: QPushButton = buttons.addButton(
            _("Use this passphrase") if is_new else _("Unlock"),
            QDialogButtonBox.ButtonRole.AcceptRole,
        )
        self.ok_button.setAccessibleName(self.ok_button.text())
        self.ok_button.setDefault(True)
        self.quit_button: QPushButton = buttons.addButton(
            _("Quit"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.quit_button.setAccessibleName(_("Quit"))
        self.quit_button.setToolTip(_("Close SupportNet without opening your data"))
        buttons.accepted.connect(self._accept_if_ready)
        buttons.rejected.connect(self.reject)
        #: The crisis lines, before anything is decrypted (no personal data).
        self.help_link = HelpLink(crisis)
        foot = QHBoxLayout()
        foot.addWidget(self.help_link)
        foot.addWidget(buttons, 1)
        layout.addSpacing(8)
        layout.addLayout(foot)

        self.passphrase_field.textChanged.connect(self._update)
        if self.again_field is not None:
            self.again_field.textChanged.connect(self._update)
        self._update()
        if error:
            self.passphrase_message.set_message(error)
            self.passphrase_field.setAccessibleDescription(error)
        self.passphrase_field.setFocus()

    def _make_field(self, name: str) -> QLineEdit:
        field = QLineEdit()
        field.setEchoMode(QLineEdit.EchoMode.Password)
        field.setAccessibleName(name)
        # No autocompletion or undo history holding the passphrase.
        field.setInputMethodHints(
            Qt.InputMethodHint.ImhSensitiveData | Qt.InputMethodHint.ImhNoPredictiveText
        )
        return field

    def _set_shown(self, shown: bool) -> None:
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        self.passphrase_field.setEchoMode(mode)
        if self.again_field is not None:
            self.again_field.setEchoMode(mode)

    def passphrase(self) -> str:
        return self.passphrase_field.text()

    def problem(self) -> ValidationError | None:
        """What stops the passphrase being used right now, or None if it is ready."""
        text = self.passphrase_field.text()
        if self.again_field is None:
            return None if text else ValidationError("passphrase", _(UNLOCK_NOT_READY))
        try:
            check_new_passphrase(text, self.again_field.text())
        except ValidationError as exc:
            return exc
        return None

    def is_ready(self) -> bool:
        return self.problem() is None

    def _update(self) -> None:
        problem = self.problem()
        ready = problem is None
        self.ok_button.setEnabled(ready)
        not_ready = _(NEW_NOT_READY) if self.again_field is not None else _(UNLOCK_NOT_READY)
        self.ok_button.setToolTip("" if ready else not_ready)
        self.ok_button.setAccessibleDescription("" if ready else not_ready)
        if self.again_field is None or self.again_message is None:
            # Unlocking: a "wrong passphrase" note goes away once they type again.
            if self.passphrase_message.text():
                self.passphrase_message.set_message("")
                self.passphrase_field.setAccessibleDescription("")
            return
        text = self.passphrase_field.text()
        again = self.again_field.text()
        first = ""
        second = ""
        if problem is not None and problem.field == "passphrase" and text:
            first = problem.message
        elif (
            problem is not None
            and problem.field == "passphrase_again"
            and _shows_mismatch(text, again)
        ):
            second = problem.message
        self.passphrase_message.set_message(first)
        self.passphrase_field.setAccessibleDescription(first)
        self.again_message.set_message(second)
        self.again_field.setAccessibleDescription(second)

    def _accept_if_ready(self) -> None:
        if self.is_ready():
            self.accept()


def _quiet_link(text: str) -> QPushButton:
    """A flat button in the link colour: there when needed, never shouting."""
    button = QPushButton(text)
    button.setFlat(True)
    button.setAccessibleName(text.replace("&", ""))
    button.setCursor(Qt.CursorShape.PointingHandCursor)
    palette = button.palette()
    palette.setColor(QPalette.ColorRole.ButtonText, palette.color(QPalette.ColorRole.Link))
    button.setPalette(palette)
    button.setAutoDefault(False)
    return button


def _shows_mismatch(text: str, again: str) -> bool:
    """Say "not the same" only once it can't be a repeat still being typed."""
    if not again:
        return False
    return len(again) >= len(text) or not text.startswith(again)


def ask_passphrase(
    purpose: PassphrasePurpose,
    error: str | None = None,
    parent: QWidget | None = None,
    offer_recovery: bool = False,
    crisis: CrisisHelpService | None = None,
) -> str | None:
    """Show the passphrase dialog and wait; None if the person chose Quit.

    With ``offer_recovery``, choosing the recovery key raises :class:`RecoveryKeyRequested`.
    ``crisis`` gives "Need help now?" the country saved in the data folder.
    """
    dialog = UnlockDialog(purpose, error, parent, offer_recovery=offer_recovery, crisis=crisis)
    try:
        result = dialog.exec()
        if result == USE_RECOVERY_KEY:
            raise RecoveryKeyRequested
        if result != QDialog.DialogCode.Accepted:
            return None
        return dialog.passphrase()
    finally:
        dialog.deleteLater()
