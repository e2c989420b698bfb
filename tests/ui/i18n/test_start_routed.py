"""The start dialogs (welcome, unlock, new passphrase, recovery key, recovery unlock, crash)
under the pseudo-locale: every word of their own is wrapped, nothing is clipped; and in
German they read as German.

What is data, not words, is passed as such: the recovery key, the traceback and the
program versions in the crash dialog.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QLabel

from tests.i18n.harness import clipped, untranslated

KEY = "ABCD-EFGH-JKLM-NPQR-STUV-WXYZ-2345-6789-ABCD"


def _versions(text: str) -> bool:
    """The crash dialog's program versions ("Python: 3.11.7 (cpython)"): names, not words."""
    lines = [line for line in text.splitlines() if line.strip()]
    return bool(lines) and all(re.match(r"^[\w ]+: \d", line) for line in lines)


def _data(text: str) -> bool:
    from supportnet.ui.start.recovery_dialog import key_lines

    return (
        text in (KEY, key_lines(KEY))
        or _versions(text)
        or text.startswith("Traceback")
        or text == "XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX"  # the key's shape
    )


def _welcome() -> Any:
    from supportnet.ui.start.welcome import WelcomeDialog

    return WelcomeDialog()


def _unlock() -> Any:
    from supportnet.i18n import _
    from supportnet.services.unlocking import PassphrasePurpose
    from supportnet.ui.start.unlock_dialog import WRONG_PASSPHRASE, UnlockDialog

    # The app hands the error in translated (ui/app.py).
    return UnlockDialog(PassphrasePurpose.UNLOCK, _(WRONG_PASSPHRASE), offer_recovery=True)


def _new_passphrase() -> Any:
    from supportnet.services.unlocking import PassphrasePurpose
    from supportnet.ui.start.unlock_dialog import UnlockDialog

    dialog = UnlockDialog(PassphrasePurpose.NEW, offer_recovery=True)
    dialog.passphrase_field.setText("short")  # the inline message and the button's tip
    return dialog


def _crash() -> Any:
    from supportnet.ui.start.crash_dialog import CrashDialog

    dialog = CrashDialog("Traceback (most recent call last):\n  ValueError")
    dialog.copy_details()
    return dialog


def _recovery_key() -> Any:
    from supportnet.ui.start.recovery_dialog import RecoveryKeyDialog

    return RecoveryKeyDialog(KEY)


def _recovery_reminder() -> Any:
    from supportnet.ui.start.recovery_dialog import RecoveryKeyDialog

    dialog = RecoveryKeyDialog(KEY, reminder=True)
    dialog.copy_key()
    return dialog


def _recovery_replaced() -> Any:
    from supportnet.ui.start.recovery_dialog import RecoveryKeyDialog

    return RecoveryKeyDialog(KEY, replaced_on=date(2026, 11, 2))


def _recovery_unlock(reason_name: str) -> Callable[[], Any]:
    def build() -> Any:
        from supportnet.ui.start.recovery_unlock import Reason, RecoveryUnlockDialog

        def recover(_text: str) -> Any:
            raise AssertionError("not opened in this test")

        return RecoveryUnlockDialog(recover, Reason(reason_name))

    return build


def _clipped(dialog: Any) -> list[Any]:
    """:func:`clipped`, less the recovery key: three lines the harness measures as one."""
    from supportnet.ui.start.recovery_dialog import key_lines

    return [found for found in clipped(dialog) if found[2] != key_lines(KEY)]


DIALOGS = [
    pytest.param(_welcome, id="welcome"),
    pytest.param(_unlock, id="unlock"),
    pytest.param(_new_passphrase, id="new-passphrase"),
    pytest.param(_crash, id="crash"),
    pytest.param(_recovery_key, id="recovery-key"),
    pytest.param(_recovery_reminder, id="recovery-key-reminder"),
    pytest.param(_recovery_replaced, id="recovery-key-replaced"),
    pytest.param(_recovery_unlock("passphrase"), id="recovery-unlock-passphrase"),
    pytest.param(_recovery_unlock("keyring"), id="recovery-unlock-keyring"),
]


def _shown(qtbot: Any, dialog: Any) -> Any:
    qtbot.addWidget(dialog)
    with qtbot.waitExposed(dialog):
        dialog.show()
    QApplication.processEvents()
    return dialog


@pytest.mark.parametrize("build", DIALOGS)
def test_the_start_dialog_is_routed(build: Callable[[], Any], pseudo: None, qtbot: Any) -> None:
    dialog = _shown(qtbot, build())
    try:
        assert untranslated(dialog, _data) == []
        assert _clipped(dialog) == []
    finally:
        dialog.close()


@pytest.mark.parametrize("build", DIALOGS)
def test_the_start_dialog_reads_german(build: Callable[[], Any], german: None, qtbot: Any) -> None:
    dialog = _shown(qtbot, build())
    try:
        assert _clipped(dialog) == []
        title = dialog.windowTitle()
        # Each title is German: none of them holds an English word of its own.
        assert not {"your", "to", "with", "a", "into"} & set(title.lower().split()), title
        said = " ".join(label.text() for label in dialog.findChildren(QLabel))
        assert " the " not in said, said
        assert " your " not in said, said
    finally:
        dialog.close()


def test_the_crash_report_copied_stays_english(german: None, qtbot: Any) -> None:
    """The copied report is for whoever reads the bug report: "Platform:" in English."""
    dialog = _shown(qtbot, _crash())
    try:
        assert "\nPlatform: " in dialog.report
        assert "Plattform: " in dialog.versions_label.text()
    finally:
        dialog.close()
