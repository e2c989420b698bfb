"""The composition root hands every screen the country saved beside the store."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QDialog

from supportnet.data.store import open_store
from supportnet.services.crisis import CrisisHelpService
from supportnet.ui import app as app_module
from supportnet.ui.start.unlock_dialog import UnlockDialog
from supportnet.ui.start.welcome import WelcomeDialog
from tests.conftest import TEST_PASSPHRASE


def test_the_unlock_and_welcome_screens_and_the_window_use_the_saved_country(
    qtbot: Any, data_dir: Path, no_keyring: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    open_store(data_dir, passphrase=lambda _p: TEST_PASSPHRASE, keyring_backend=no_keyring).close()
    CrisisHelpService(data_dir, environ={}).set_country("IE")
    monkeypatch.delenv("SUPPORTNET_PASSPHRASE", raising=False)
    shown: list[tuple[str, str]] = []

    def unlock(self: UnlockDialog) -> QDialog.DialogCode:
        lines = self.help_link.show_lines()
        shown.append(("unlock", lines.lines.help.code))
        lines.close()
        self.passphrase_field.setText(TEST_PASSPHRASE)
        return QDialog.DialogCode.Accepted

    def welcome(self: WelcomeDialog) -> QDialog.DialogCode:
        lines = self.help_link.show_lines()
        shown.append(("welcome", lines.lines.help.code))
        lines.close()
        return QDialog.DialogCode.Rejected

    monkeypatch.setattr(UnlockDialog, "exec", unlock)
    monkeypatch.setattr(WelcomeDialog, "exec", welcome)
    launched = app_module.launch(data_dir, keyring_backend=no_keyring)
    try:
        assert launched.window is not None
        qtbot.addWidget(launched.window)
        assert shown == [("unlock", "IE"), ("welcome", "IE")]
        assert launched.window.open_hard_day().lines.help.code == "IE"
    finally:
        if launched.store is not None:
            launched.store.close()


def test_without_a_locale_variable_the_systems_locale_picks_the_country() -> None:
    from supportnet.services.crisis import CrisisHelpService
    from supportnet.ui.app import locale_environ

    # As an app started from the macOS Finder: no LANG, but the system says New Zealand.
    environ = locale_environ({"HOME": "/nowhere"}, system_locale="en_NZ")
    assert CrisisHelpService(None, environ).help().code == "NZ"
    # A locale variable set in the environment wins over the system's.
    environ = locale_environ({"LANG": "en_IE.UTF-8"}, system_locale="en_NZ")
    assert environ["LANG"] == "en_IE.UTF-8"
    assert CrisisHelpService(None, environ).help().code == "IE"
    # Without a system locale to hand in, Qt's is asked (whatever it is, it is a string).
    assert isinstance(locale_environ({})["LANG"], str)
