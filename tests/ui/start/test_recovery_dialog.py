"""The recovery key dialog: shown once, kept three ways, "Later" at most weekly."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontInfo, QGuiApplication
from PySide6.QtWidgets import QAbstractButton, QDialog

from supportnet.data import recovery
from supportnet.data.recovery import RecoveryKeeper
from supportnet.services import Services
from supportnet.ui.start import recovery_dialog
from supportnet.ui.start.recovery_dialog import (
    RecoveryKeyDialog,
    offer_recovery_key,
    show_recovery_key,
)

START = datetime(2026, 3, 2, 9, tzinfo=UTC)


class Clock:
    def __init__(self) -> None:
        self.now = START

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def keeper(store: Any, clock: Clock) -> RecoveryKeeper:
    return RecoveryKeeper.for_store(store, clock)


def test_the_key_is_shown_grouped_in_a_monospace_font(qtbot: Any, keeper: RecoveryKeeper) -> None:
    dialog = RecoveryKeyDialog(keeper.key_text())
    qtbot.addWidget(dialog)
    shown = dialog.key_label.text().split()
    assert "-".join(shown) == keeper.key_text()
    assert len(dialog.key_label.text().splitlines()) == 3
    assert QFontInfo(dialog.key_label.font()).fixedPitch()
    assert "not on this computer" in dialog.where.text()


def test_every_control_is_named_and_reachable_by_keyboard(
    qtbot: Any, keeper: RecoveryKeeper
) -> None:
    dialog = RecoveryKeyDialog(keeper.key_text())
    qtbot.addWidget(dialog)
    buttons = dialog.findChildren(QAbstractButton)
    for widget in [*buttons, dialog.key_label]:
        assert widget.accessibleName()
        assert widget.focusPolicy() & Qt.FocusPolicy.TabFocus


def test_copy_puts_the_key_on_the_clipboard(qtbot: Any, keeper: RecoveryKeeper) -> None:
    dialog = RecoveryKeyDialog(keeper.key_text())
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == keeper.key_text()
    assert "Copied" in dialog.done_note.text()


def test_save_as_pdf_writes_a_private_pdf(
    qtbot: Any, keeper: RecoveryKeeper, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    out.mkdir()
    target = out / "key.pdf"
    monkeypatch.setattr(recovery_dialog, "ask_pdf_path", lambda _parent: str(target))
    dialog = RecoveryKeyDialog(keeper.key_text())
    qtbot.addWidget(dialog)
    dialog.save_button.click()
    assert target.read_bytes().startswith(b"%PDF")
    assert target.stat().st_mode & 0o777 == 0o600
    assert [p.name for p in out.iterdir()] == ["key.pdf"], "no temporary file is left"
    printed = "".join(dialog.document().toPlainText().split())
    assert keeper.key_text().replace("-", "") in printed


def test_first_start_shows_it_and_stored_means_never_again(
    qtbot: Any, keeper: RecoveryKeeper, clock: Clock
) -> None:
    dialog = offer_recovery_key(None, keeper)
    assert dialog is not None
    qtbot.addWidget(dialog)
    assert dialog.intro.text() == recovery_dialog.WHAT_IT_IS
    with qtbot.waitSignal(dialog.finished):
        dialog.stored_button.click()
    assert keeper.confirmed()
    clock.now += timedelta(days=400)
    assert offer_recovery_key(None, keeper) is None


def test_later_brings_a_gentle_reminder_after_a_week(
    qtbot: Any, keeper: RecoveryKeeper, clock: Clock
) -> None:
    dialog = offer_recovery_key(None, keeper)
    assert dialog is not None
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.finished):
        dialog.later_button.click()
    assert not keeper.confirmed()
    clock.now += timedelta(days=6, hours=23)
    assert offer_recovery_key(None, keeper) is None, "not again within the week"
    clock.now += timedelta(hours=1)
    again = offer_recovery_key(None, keeper)
    assert again is not None
    qtbot.addWidget(again)
    assert again.intro.text() == recovery_dialog.REMINDER
    with qtbot.waitSignal(again.finished):
        again.reject()  # Esc is "Later" too
    clock.now += timedelta(days=1)
    assert offer_recovery_key(None, keeper) is None


def test_the_file_menu_shows_it(qtbot: Any, demo_store: Any, clock: Clock) -> None:
    from supportnet.ui.shell.main_window import MainWindow

    window = MainWindow(Services.of(demo_store), data_location="here", key_location="there")
    qtbot.addWidget(window)
    window.recovery_keeper = RecoveryKeeper.for_store(demo_store, clock)
    file_menu = window.menuBar().actions()[0].menu()
    assert window.recovery_action in file_menu.actions()  # type: ignore[union-attr]
    window.recovery_action.trigger()
    shown = [w for w in window.findChildren(QDialog) if isinstance(w, RecoveryKeyDialog)]
    assert len(shown) == 1
    assert "-".join(shown[0].key_label.text().split()) == window.recovery_keeper.key_text()
    with qtbot.waitSignal(shown[0].finished):
        shown[0].stored_button.click()
    assert recovery.read_record(demo_store.data_dir).confirmed_at == START  # type: ignore[union-attr]


def test_a_confirmed_key_shown_from_the_menu_stays_confirmed(
    qtbot: Any, keeper: RecoveryKeeper
) -> None:
    keeper.stored()
    dialog = show_recovery_key(None, keeper)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.finished):
        dialog.later_button.click()
    assert keeper.confirmed()


def test_the_app_shows_it_after_the_first_start(
    qtbot: Any, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys
    import threading

    from PySide6.QtWidgets import QApplication

    from supportnet.ui import app as app_module
    from supportnet.ui.start.unlock_dialog import UnlockDialog
    from supportnet.ui.start.welcome import WelcomeDialog
    from tests.conftest import TEST_PASSPHRASE

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)

    def type_new(self: UnlockDialog) -> QDialog.DialogCode:
        self.passphrase_field.setText(TEST_PASSPHRASE)
        if self.again_field is not None:
            self.again_field.setText(TEST_PASSPHRASE)
        return QDialog.DialogCode.Accepted

    def start_empty(self: WelcomeDialog) -> int:
        self.empty_button.click()
        return QDialog.DialogCode.Accepted

    seen: list[RecoveryKeyDialog] = []

    def run_briefly() -> int:
        # The offer waits for the window's first paint, then a turn of the event loop.
        qtbot.waitUntil(
            lambda: any(
                widget.findChildren(RecoveryKeyDialog)
                for widget in QApplication.topLevelWidgets()
                if isinstance(widget, app_module.MainWindow)
            )
        )
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, app_module.MainWindow):
                qtbot.addWidget(widget)
                seen.extend(widget.findChildren(RecoveryKeyDialog))
        for dialog in seen:
            dialog.stored_button.click()
        return 0

    monkeypatch.setattr(UnlockDialog, "exec", type_new)
    monkeypatch.setattr(WelcomeDialog, "exec", start_empty)
    monkeypatch.setattr(QApplication, "exec", staticmethod(run_briefly))
    assert app_module.run_gui(data_dir, ["supportnet"]) == 0
    assert len(seen) == 1
    assert seen[0].intro.text() == recovery_dialog.WHAT_IT_IS
    record = recovery.read_record(data_dir)
    assert record is not None
    assert record.confirmed_at is not None
