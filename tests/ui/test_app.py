"""Starting the GUI: unlocking (with retries), known problems, the first-run choice."""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QDialog

from supportnet.data.keys import KEYINFO_NAME, PassphrasePurpose
from supportnet.data.store import open_store
from supportnet.data.store_files import DB_NAME, store_exists
from supportnet.demo.builder import build_demo_network
from supportnet.model.errors import KeyUnavailableError
from supportnet.ui import app as app_module
from supportnet.ui.start import unlock_dialog
from supportnet.ui.start.crash_reporter import crash_reporter
from supportnet.ui.start.unlock_dialog import WRONG_PASSPHRASE, UnlockDialog
from supportnet.ui.start.welcome import StartChoice, WelcomeDialog
from tests.conftest import TEST_PASSPHRASE
from tests.ui.conftest import TODAY, ZONE


class FakeAsk:
    """Stands in for the passphrase dialog: gives the answers in turn, records each question."""

    def __init__(self, *answers: str | None) -> None:
        self.answers = list(answers)
        self.questions: list[tuple[PassphrasePurpose, str | None]] = []

    def __call__(self, purpose: PassphrasePurpose, message: str | None) -> str | None:
        self.questions.append((purpose, message))
        return self.answers.pop(0)


@pytest.fixture
def existing_store(data_dir: Path, no_keyring: Any, passphrase_provider: Any) -> Path:
    """A passphrase-protected store that exists but is closed."""
    open_store(data_dir, passphrase=passphrase_provider, keyring_backend=no_keyring).close()
    return data_dir


def _never_choose() -> StartChoice:
    raise AssertionError("the first-run choice was offered when it shouldn't be")


# --- Unlocking ---------------------------------------------------------------------------


def test_wrong_passphrase_asks_again_until_it_unlocks(
    existing_store: Path, no_keyring: Any
) -> None:
    ask = FakeAsk("not it", "still not it", TEST_PASSPHRASE)
    store = app_module.open_store_interactively(existing_store, ask, keyring_backend=no_keyring)
    assert store is not None
    store.close()
    unlock = PassphrasePurpose.UNLOCK
    assert ask.questions == [(unlock, None), (unlock, WRONG_PASSPHRASE), (unlock, WRONG_PASSPHRASE)]


def test_quit_after_a_wrong_passphrase_gives_up_quietly(
    existing_store: Path, no_keyring: Any
) -> None:
    ask = FakeAsk("not it", None)
    assert (
        app_module.open_store_interactively(existing_store, ask, keyring_backend=no_keyring) is None
    )
    # The lock was let go: the store opens again straight away.
    open_store(
        existing_store, passphrase=lambda _p: TEST_PASSPHRASE, keyring_backend=no_keyring
    ).close()


def test_quit_at_unlock_exits_zero_without_an_error(
    existing_store: Path, no_keyring: Any, errors: list[str]
) -> None:
    launched = app_module.launch(
        existing_store, ask=FakeAsk(None), choose=_never_choose, keyring_backend=no_keyring
    )
    assert launched.exit_code == 0
    assert launched.window is None
    assert errors == []


def test_quit_when_choosing_a_new_passphrase_leaves_nothing_behind(
    data_dir: Path, no_keyring: Any, errors: list[str]
) -> None:
    ask = FakeAsk(None)
    launched = app_module.launch(
        data_dir, ask=ask, choose=_never_choose, keyring_backend=no_keyring
    )
    assert launched.exit_code == 0
    assert ask.questions == [(PassphrasePurpose.NEW, None)]
    assert not store_exists(data_dir)
    assert errors == []


def test_the_real_dialog_shows_wrong_passphrase_next_to_the_field(
    qtbot: Any, existing_store: Path, no_keyring: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    typed = iter(["not it", TEST_PASSPHRASE])
    seen: list[str] = []

    def type_and_unlock(self: UnlockDialog) -> QDialog.DialogCode:
        seen.append(
            self.passphrase_message.text() if self.passphrase_message.isVisibleTo(self) else ""
        )
        self.passphrase_field.setText(next(typed))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(UnlockDialog, "exec", type_and_unlock)
    store = app_module.open_store_interactively(
        existing_store, app_module._ask_with_dialog, keyring_backend=no_keyring
    )
    assert store is not None
    store.close()
    assert seen == ["", WRONG_PASSPHRASE]


# --- Known problems ----------------------------------------------------------------------


def test_a_store_open_elsewhere_is_explained_plainly(
    store: Any, data_dir: Path, no_keyring: Any, errors: list[str]
) -> None:
    # The `store` fixture holds the lock, as a second running SupportNet would.
    launched = app_module.launch(
        data_dir, ask=FakeAsk(TEST_PASSPHRASE), choose=_never_choose, keyring_backend=no_keyring
    )
    assert launched.exit_code == 1
    assert launched.window is None
    assert len(errors) == 1
    assert errors[0].startswith("SupportNet is already open with this data")
    assert "Traceback" not in errors[0]


@pytest.mark.parametrize(
    ("name", "content", "words"),
    [(KEYINFO_NAME, b"{ not json", "key record"), (DB_NAME, b"", "damaged")],
)
def test_damaged_files_are_explained_plainly(
    existing_store: Path,
    no_keyring: Any,
    errors: list[str],
    name: str,
    content: bytes,
    words: str,
) -> None:
    (existing_store / name).write_bytes(content)
    launched = app_module.launch(
        existing_store,
        ask=FakeAsk(TEST_PASSPHRASE),
        choose=_never_choose,
        keyring_backend=no_keyring,
    )
    assert launched.exit_code == 1
    assert len(errors) == 1
    assert words in errors[0]


def test_a_locked_keyring_is_explained_plainly(
    data_dir: Path, errors: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    message = "This store's key is kept in the system keyring, which can't be reached right now."

    def refuse(*_args: Any, **_kwargs: Any) -> Any:
        raise KeyUnavailableError(message)

    monkeypatch.setattr(app_module, "open_store", refuse)
    with pytest.raises(KeyUnavailableError):
        app_module.open_store_interactively(data_dir, FakeAsk(), opener=refuse)
    launched = app_module.launch(data_dir, ask=FakeAsk(), choose=_never_choose)
    assert launched.exit_code == 1
    assert errors == [message]


# --- First run ---------------------------------------------------------------------------


def _launch_new(
    qtbot: Any, data_dir: Path, no_keyring: Any, choice: StartChoice, calls: list[str]
) -> app_module.Launch:
    def choose() -> StartChoice:
        calls.append("asked")
        return choice

    launched = app_module.launch(
        data_dir,
        ask=FakeAsk(TEST_PASSPHRASE),
        choose=choose,
        keyring_backend=no_keyring,
        today=TODAY,
        zone=ZONE,
    )
    assert launched.exit_code == 0
    assert launched.window is not None
    assert launched.store is not None
    qtbot.addWidget(launched.window)
    return launched


def test_first_run_example_network_fills_the_store(
    qtbot: Any, data_dir: Path, no_keyring: Any
) -> None:
    calls: list[str] = []
    launched = _launch_new(qtbot, data_dir, no_keyring, StartChoice.EXAMPLE, calls)
    assert launched.store is not None
    assert launched.window is not None
    try:
        expected = build_demo_network(TODAY, ZONE)
        counts = launched.store.counts()
        assert counts.people == len(expected.people) > 0
        assert counts.groups == len(expected.groups) > 0
        assert counts.checkins == len(expected.checkins) > 0
        assert launched.store.settings.load().onboarded
        assert launched.window.people_proxy.rowCount() == counts.people
        assert launched.window.groups_proxy.rowCount() == counts.groups
    finally:
        launched.store.close()
    assert calls == ["asked"]


def test_first_run_start_empty_then_never_asks_again(
    qtbot: Any, data_dir: Path, no_keyring: Any
) -> None:
    calls: list[str] = []
    launched = _launch_new(qtbot, data_dir, no_keyring, StartChoice.EMPTY, calls)
    assert launched.store is not None
    assert launched.window is not None
    try:
        assert launched.store.is_empty()
        assert launched.store.settings.load().onboarded
        assert launched.window.people.view.people_list.showing_message
    finally:
        launched.store.close()

    again = app_module.launch(
        data_dir, ask=FakeAsk(TEST_PASSPHRASE), choose=_never_choose, keyring_backend=no_keyring
    )
    assert again.store is not None
    assert again.window is not None
    qtbot.addWidget(again.window)
    again.store.close()
    assert calls == ["asked"]


def test_a_store_with_data_is_never_offered_the_example(store: Any) -> None:
    from supportnet.model.network import Person

    store.people.add(Person("Sam Rivera"))
    assert app_module.onboard(store, _never_choose, today=TODAY, zone=ZONE) is None
    assert store.settings.load().onboarded
    assert store.counts().people == 1


@pytest.fixture
def lost_store(existing_store: Path, no_keyring: Any, passphrase_provider: Any) -> Path:
    """A data folder whose database and key record are gone, with one automatic backup."""
    from supportnet.data.backup import take_automatic_backup

    with open_store(
        existing_store, passphrase=passphrase_provider, keyring_backend=no_keyring
    ) as s:
        take_automatic_backup(s.db, s.backup_dir, "before-upgrade")
    (existing_store / DB_NAME).unlink()
    (existing_store / KEYINFO_NAME).unlink()
    return existing_store


def _answer_boxes(monkeypatch: pytest.MonkeyPatch, button: str) -> list[str]:
    """Answer every message box (a real QMessageBox) by clicking ``button``; record its text."""
    from PySide6.QtWidgets import QMessageBox

    shown: list[str] = []

    def click(box: QMessageBox) -> int:
        shown.append(f"{box.text()}\n{box.informativeText()}")
        names = [b.text() for b in box.buttons()]
        assert box.escapeButton() is box.defaultButton(), "the safe answer is the default"
        chosen = next(b for b in box.buttons() if b.text() == button)
        assert button in names, names
        chosen.click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", click)
    return shown


def test_first_start_beside_a_lost_stores_backups_says_how_to_restore(
    lost_store: Path, no_keyring: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown = _answer_boxes(monkeypatch, "Quit")
    ask = FakeAsk()
    launched = app_module.launch(
        lost_store, ask=ask, choose=_never_choose, keyring_backend=no_keyring
    )
    assert launched.exit_code == 0
    assert launched.window is None
    assert len(shown) == 1
    newest = next((lost_store / "backups").iterdir())
    # Reassurance first; how to restore after it.
    assert shown[0].startswith(f"Your backups are safe in {lost_store / 'backups'}.\n")
    assert f'supportnet restore "{newest}"' in shown[0]
    assert ask.questions == [], "no new passphrase is asked for"
    assert not store_exists(lost_store)


def test_the_lost_store_box_opens_the_backups_folder_and_asks_again(
    lost_store: Path, no_keyring: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QDesktopServices
    from PySide6.QtWidgets import QMessageBox

    answers = ["Open backups folder", "Quit"]
    titles: list[str] = []
    opened: list[QUrl] = []

    def click(box: QMessageBox) -> int:
        titles.append(box.windowTitle())
        assert box.defaultButton() is box.escapeButton()
        assert box.defaultButton().text() == "Quit"
        answer = answers.pop(0)
        next(b for b in box.buttons() if b.text() == answer).click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", click)
    # The file manager itself is the desktop's; here we only see what was asked of it.
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(opened.append))
    launched = app_module.launch(
        lost_store, ask=FakeAsk(), choose=_never_choose, keyring_backend=no_keyring
    )
    assert launched.exit_code == 0
    assert launched.window is None
    assert (titles, answers) == (["SupportNet found backups of your network"] * 2, [])
    assert [url.toLocalFile() for url in opened] == [str(lost_store / "backups")]
    assert not store_exists(lost_store)


def test_first_start_beside_backups_can_still_start_afresh(
    qtbot: Any, lost_store: Path, no_keyring: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown = _answer_boxes(monkeypatch, "Start a new, empty store")
    calls: list[str] = []
    launched = _launch_new(qtbot, lost_store, no_keyring, StartChoice.EMPTY, calls)
    assert launched.store is not None
    launched.store.close()
    assert len(shown) == 1
    assert calls == ["asked"]
    assert len(list((lost_store / "backups").iterdir())) == 1


# --- The whole thing ---------------------------------------------------------------------


@pytest.fixture
def keep_hooks(monkeypatch: pytest.MonkeyPatch) -> None:
    """run_gui installs process-wide hooks; put the test runner's back afterwards."""
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    monkeypatch.setattr(threading, "excepthook", threading.excepthook)


@pytest.mark.usefixtures("keep_hooks")
def test_run_gui_opens_onboards_shows_and_closes(
    qtbot: Any, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def type_new(self: UnlockDialog) -> QDialog.DialogCode:
        self.passphrase_field.setText(TEST_PASSPHRASE)
        if self.again_field is not None:
            self.again_field.setText(TEST_PASSPHRASE)
        return QDialog.DialogCode.Accepted

    def pick_example(self: WelcomeDialog) -> int:
        self.example_button.click()
        return QDialog.DialogCode.Accepted

    shown: list[Any] = []

    def fake_exec() -> int:
        windows = [
            w
            for w in QApplication.topLevelWidgets()
            if isinstance(w, app_module.MainWindow) and w.isVisible()
        ]
        shown.extend(windows)
        for window in windows:
            qtbot.addWidget(window)
        return 0

    monkeypatch.setattr(UnlockDialog, "exec", type_new)
    monkeypatch.setattr(WelcomeDialog, "exec", pick_example)
    monkeypatch.setattr(QApplication, "exec", staticmethod(fake_exec))

    assert app_module.run_gui(data_dir, ["supportnet"]) == 0
    assert len(shown) == 1
    assert shown[0].people_proxy.rowCount() > 0
    assert QApplication.applicationName() == "SupportNet"
    assert QApplication.organizationName() == "SupportNet"
    assert QApplication.desktopFileName() == app_module.DESKTOP_FILE_NAME
    assert sys.excepthook == crash_reporter.excepthook
    # The store was closed on the way out: it opens again.
    open_store(data_dir, passphrase=lambda _p: TEST_PASSPHRASE).close()


@pytest.mark.usefixtures("keep_hooks")
def test_run_gui_exits_one_with_a_message_when_the_store_is_busy(
    store: Any, data_dir: Path, errors: list[str]
) -> None:
    assert app_module.run_gui(data_dir, ["supportnet"]) == 1
    assert len(errors) == 1
    assert "already open" in errors[0]


def test_startup_imports_stay_light() -> None:
    code = (
        "import sys, supportnet.ui.app; "
        "print(sorted(m for m in ('matplotlib', 'icalendar', 'supportnet.demo') "
        "if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_the_passphrase_can_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[tuple[Any, ...]] = []
    # The dialog's module is loaded when it is first asked for: patched where it is defined.
    monkeypatch.setattr(
        unlock_dialog, "ask_passphrase", lambda *args: asked.append(args) or "typed"
    )
    monkeypatch.setenv("SUPPORTNET_PASSPHRASE", "from the environment")
    assert app_module._ask_with_dialog(PassphrasePurpose.UNLOCK, None) == "from the environment"
    assert asked == []
    # After a wrong one, the dialog asks (the environment was what was wrong).
    assert app_module._ask_with_dialog(PassphrasePurpose.UNLOCK, "wrong") == "typed"
    monkeypatch.delenv("SUPPORTNET_PASSPHRASE")
    assert app_module._ask_with_dialog(PassphrasePurpose.UNLOCK, None) == "typed"


# --- Settings that can't be read ---------------------------------------------------------


def test_an_unreadable_setting_is_reset_alone_and_said_once(
    qtbot: Any, existing_store: Path, no_keyring: Any, passphrase_provider: Any
) -> None:
    from datetime import time

    from supportnet.data.schema import SettingRow
    from supportnet.model.settings import Settings

    store = open_store(existing_store, passphrase=passphrase_provider, keyring_backend=no_keyring)
    store.settings.save(
        Settings(quiet_hours_start=time(22, 0), reminders_enabled=False, onboarded=True)
    )
    with store.sessions.begin() as session:
        row = session.get(SettingRow, "quiet_hours_end")
        assert row is not None
        row.value = '{"time": "not a time"}'
    store.close()

    launched = app_module.launch(
        existing_store,
        ask=FakeAsk(TEST_PASSPHRASE),
        choose=_never_choose,
        keyring_backend=no_keyring,
    )
    assert launched.window is not None
    assert launched.store is not None
    window = launched.window
    qtbot.addWidget(window)
    try:
        assert window.note.text() == ""  # said when the window is on screen, not before
        window.show()
        qtbot.waitExposed(window)
        assert window.note.text() == (
            "One setting couldn't be read and is back to its default: quiet hours. "
            "You can set it again in Preferences."
        )
        kept = launched.store.settings.load()
        assert kept.quiet_hours_start == time(22, 0)
        assert kept.reminders_enabled is False
        assert kept.quiet_hours_end == Settings().quiet_hours_end
        window.note.clear()
        window.hide()
        window.show()
        assert window.note.text() == ""  # once
    finally:
        launched.store.close()

    # The next start finds the default stored, so it says nothing, and the rest is kept.
    again = app_module.launch(
        existing_store,
        ask=FakeAsk(TEST_PASSPHRASE),
        choose=_never_choose,
        keyring_backend=no_keyring,
    )
    assert again.window is not None
    assert again.store is not None
    qtbot.addWidget(again.window)
    try:
        again.window.show()
        qtbot.waitExposed(again.window)
        assert again.window.note.text() == ""
        assert again.store.settings.load_checked().reset == ()
        assert again.store.settings.load().quiet_hours_start == time(22, 0)
    finally:
        again.store.close()
