"""The passphrase dialog: unlocking, and choosing a new passphrase."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit, QWidget

from supportnet.data.keys import PASSPHRASE_MIN, PassphrasePurpose
from supportnet.ui.start import unlock_dialog
from supportnet.ui.start.unlock_dialog import NO_RECOVERY_WARNING, WRONG_PASSPHRASE, UnlockDialog


def _new_dialog(qtbot: Any) -> UnlockDialog:
    dialog = UnlockDialog(PassphrasePurpose.NEW)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _visible_message(dialog: QDialog, message: unlock_dialog.FieldMessage | None) -> str:
    assert message is not None
    return message.text() if message.isVisibleTo(dialog) else ""


def test_new_mode_rejects_a_short_passphrase_inline(qtbot: Any) -> None:
    dialog = _new_dialog(qtbot)
    assert dialog.again_field is not None
    assert not dialog.ok_button.isEnabled()
    # Nothing typed yet: no message, only the reason on the disabled button.
    assert _visible_message(dialog, dialog.passphrase_message) == ""
    assert "at least 8 characters" in dialog.ok_button.toolTip()

    qtbot.keyClicks(dialog.passphrase_field, "short")
    shown = _visible_message(dialog, dialog.passphrase_message)
    assert f"at least {PASSPHRASE_MIN} characters" in shown
    assert dialog.passphrase_field.accessibleDescription() == shown
    assert not dialog.ok_button.isEnabled()
    # The message sits directly under its field, with an icon before the words.
    layout = dialog.layout()
    assert layout.indexOf(dialog.passphrase_message) == layout.indexOf(dialog.passphrase_field) + 1
    icon = dialog.passphrase_message.findChildren(QLabel)[0]
    assert icon.pixmap() is not None
    assert not icon.pixmap().isNull()


def test_new_mode_rejects_a_different_repeat_inline(qtbot: Any) -> None:
    dialog = _new_dialog(qtbot)
    assert dialog.again_field is not None
    qtbot.keyClicks(dialog.passphrase_field, "correct horse battery")
    assert _visible_message(dialog, dialog.passphrase_message) == ""
    # Still typing the repeat: no nagging yet.
    qtbot.keyClicks(dialog.again_field, "correct ho")
    assert _visible_message(dialog, dialog.again_message) == ""
    assert not dialog.ok_button.isEnabled()
    qtbot.keyClicks(dialog.again_field, "use battery")
    assert _visible_message(dialog, dialog.again_message) == (
        "The two passphrases are not the same."
    )
    assert not dialog.ok_button.isEnabled()

    dialog.again_field.clear()
    qtbot.keyClicks(dialog.again_field, "correct horse battery")
    assert _visible_message(dialog, dialog.again_message) == ""
    assert dialog.ok_button.isEnabled()
    assert dialog.ok_button.toolTip() == ""
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.passphrase() == "correct horse battery"


def test_new_mode_warns_that_a_lost_passphrase_loses_the_data(qtbot: Any) -> None:
    dialog = _new_dialog(qtbot)
    assert dialog.warning is not None
    assert dialog.warning.text() == NO_RECOVERY_WARNING
    assert dialog.warning.isVisible()


def test_show_toggle_reveals_both_fields(qtbot: Any) -> None:
    dialog = _new_dialog(qtbot)
    assert dialog.again_field is not None
    assert dialog.passphrase_field.echoMode() is QLineEdit.EchoMode.Password
    dialog.show_toggle.click()
    assert dialog.passphrase_field.echoMode() is QLineEdit.EchoMode.Normal
    assert dialog.again_field.echoMode() is QLineEdit.EchoMode.Normal
    dialog.show_toggle.click()
    assert dialog.again_field.echoMode() is QLineEdit.EchoMode.Password


def test_unlock_mode_has_one_field_and_clear_buttons(qtbot: Any) -> None:
    dialog = UnlockDialog(PassphrasePurpose.UNLOCK)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.again_field is None
    assert dialog.warning is None
    assert dialog.ok_button.text() == "Unlock"
    assert dialog.quit_button.text() == "Quit"
    assert not dialog.ok_button.isEnabled()
    qtbot.keyClicks(dialog.passphrase_field, "x")
    assert dialog.ok_button.isEnabled()
    with qtbot.waitSignal(dialog.rejected):
        qtbot.mouseClick(dialog.quit_button, Qt.MouseButton.LeftButton)


def test_unlock_mode_shows_a_wrong_passphrase_by_the_field(qtbot: Any) -> None:
    dialog = UnlockDialog(PassphrasePurpose.UNLOCK, WRONG_PASSPHRASE)
    qtbot.addWidget(dialog)
    dialog.show()
    assert _visible_message(dialog, dialog.passphrase_message) == WRONG_PASSPHRASE
    assert dialog.passphrase_field.accessibleDescription() == WRONG_PASSPHRASE
    qtbot.keyClicks(dialog.passphrase_field, "a")
    assert _visible_message(dialog, dialog.passphrase_message) == ""
    qtbot.keyClick(dialog.passphrase_field, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_every_control_has_an_accessible_name(qtbot: Any) -> None:
    for purpose in PassphrasePurpose:
        dialog = UnlockDialog(purpose)
        qtbot.addWidget(dialog)
        controls = [
            w
            for w in dialog.findChildren(QWidget)
            if w.focusPolicy() != Qt.FocusPolicy.NoFocus and not isinstance(w, QLabel)
        ]
        assert controls
        for control in controls:
            assert control.accessibleName(), control


def test_ask_passphrase_returns_none_on_quit(qtbot: Any, monkeypatch: Any) -> None:
    monkeypatch.setattr(UnlockDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    assert unlock_dialog.ask_passphrase(PassphrasePurpose.UNLOCK) is None

    def type_and_accept(self: UnlockDialog) -> QDialog.DialogCode:
        self.passphrase_field.setText("a calm test passphrase")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(UnlockDialog, "exec", type_and_accept)
    assert unlock_dialog.ask_passphrase(PassphrasePurpose.UNLOCK) == "a calm test passphrase"
