"""File ▸ Back up now… and File ▸ Restore from backup… on a real window over a real store."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from supportnet.demo.loader import load_demo
from supportnet.ui.shell import backup_actions
from supportnet.ui.widgets import dialogs
from tests.conftest import TEST_PASSPHRASE
from tests.ui.conftest import NOW, TODAY, ZONE
from tests.ui.shells import open_shell


@pytest.fixture
def said(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """(title, message) of each result said in a message box."""
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(
        dialogs, "show_done", lambda _parent, message, *, title: shown.append((title, message))
    )
    return shown


@pytest.fixture
def asked(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The questions asked before a restore, each answered Restore."""
    questions: list[str] = []

    def confirm(_parent: Any, _title: str, question: str, **_kw: Any) -> bool:
        questions.append(question)
        return True

    monkeypatch.setattr(dialogs, "confirm", confirm)
    return questions


def choose_file(monkeypatch: pytest.MonkeyPatch, to_write: Path, to_open: Path | None) -> None:
    monkeypatch.setattr(backup_actions, "ask_backup_path", lambda *_a: to_write)
    monkeypatch.setattr(backup_actions, "ask_restore_path", lambda *_a: to_open)


def people(shell: Any) -> int:
    return int(shell._source.people.count())


def test_back_up_now_writes_a_backup_that_restores_and_restore_keeps_the_old_data_first(
    store: Any,
    tmp_path: Path,
    qtbot: Any,
    monkeypatch: pytest.MonkeyPatch,
    said: list[tuple[str, str]],
    asked: list[str],
    errors: list[str],
) -> None:
    empty = store.backup(tmp_path / "empty.db")
    load_demo(store, TODAY, ZONE)
    shell = open_shell(store, tmp_path, qtbot, NOW)
    demo_people = people(shell)
    assert demo_people > 0
    assert shell.backup_now_action in shell.menuBar().actions()[0].menu().actions()

    written = tmp_path / "usb" / "mine.db"
    written.parent.mkdir()
    choose_file(monkeypatch, written, empty)
    shell.back_up_now()
    qtbot.waitUntil(lambda: bool(said))
    assert written.is_file()
    assert written.stat().st_mode & 0o777 == 0o600
    _title, message = said.pop()
    assert str(written) in message
    assert "this computer's key" in message
    assert "recovery key" in message
    assert not list(written.parent.glob("*.partial*"))

    # Restoring the empty backup: the window's network is replaced, the old one kept first.
    shell.restore_from_backup()
    assert not shell._time_timer.isActive()  # no refresh reads the store while it is swapped
    # The store is closed meanwhile: from the first moment the window takes no edit.
    progress = shell.backup_progress
    assert progress is not None
    assert progress.isVisible()
    assert progress.windowModality() == Qt.WindowModality.WindowModal
    qtbot.waitUntil(lambda: bool(said))
    assert asked
    assert "replaced by the one in this backup" in asked[0]
    assert str(store.data_dir / "backups") in asked[0]
    assert people(shell) == 0
    assert shell.status_label.text().startswith("0 ")
    kept = list((store.data_dir / "backups").glob("*-before-restore.db"))
    assert len(kept) == 1
    assert str(kept[0]) in said.pop()[1]
    assert not shell.undo_stack.canUndo()
    assert shell._time_timer.isActive()

    # And the file Back up now wrote brings the network back.
    choose_file(monkeypatch, written, written)
    shell.restore_from_backup()
    qtbot.waitUntil(lambda: bool(said))
    assert people(shell) == demo_people
    assert errors == []
    shell.close()


def test_a_broken_file_changes_nothing_and_says_so(
    demo_store: Any,
    tmp_path: Path,
    qtbot: Any,
    monkeypatch: pytest.MonkeyPatch,
    asked: list[str],
    errors: list[str],
) -> None:
    shell = open_shell(demo_store, tmp_path, qtbot, NOW)
    before = people(shell)
    good = demo_store.backup(tmp_path / "good.db")
    for broken_bytes in (b"not a backup at all" * 50, good.read_bytes()[:-4096]):
        broken = tmp_path / "broken.db"
        broken.write_bytes(broken_bytes)
        choose_file(monkeypatch, tmp_path / "unused.db", broken)
        shell.restore_from_backup()
        qtbot.waitUntil(lambda: bool(errors))
        message = errors.pop()
        assert "wasn't restored" in message or "isn't a SupportNet backup" in message
        assert "Traceback" not in message
        assert people(shell) == before
    # Neither got as far as replacing anything, so nothing was backed up or changed.
    assert not list((demo_store.data_dir / "backups").glob("*-before-restore.db"))
    assert shell.backup_progress is None
    shell.close()


def test_a_backup_that_cant_be_written_says_so_and_leaves_no_file(
    demo_store: Any,
    tmp_path: Path,
    qtbot: Any,
    monkeypatch: pytest.MonkeyPatch,
    errors: list[str],
) -> None:
    shell = open_shell(demo_store, tmp_path, qtbot, NOW)
    inside = demo_store.data_dir / "mine.db"  # inside the data folder: refused
    choose_file(monkeypatch, inside, None)
    shell.back_up_now()
    qtbot.waitUntil(lambda: bool(errors))
    assert "inside the data folder" in errors[0]
    assert not inside.exists()
    shell.close()


def test_a_backup_from_elsewhere_asks_its_key_and_a_wrong_one_is_said_by_the_field(
    store: Any, tmp_path: Path, qtbot: Any, no_keyring: object
) -> None:
    from supportnet.data.store import open_store
    from supportnet.services import Services
    from supportnet.ui.backups.key_dialog import BackupKeyDialog

    with open_store(
        tmp_path / "other", passphrase=lambda _p: TEST_PASSPHRASE, keyring_backend=no_keyring
    ) as other:
        theirs = other.backup(tmp_path / "theirs.db")
    backups = Services.of(store).backups
    check = backups.check_backup(theirs)
    assert check.from_elsewhere
    assert check.passphrase_too

    dialog = BackupKeyDialog(lambda text: backups.check_secret(theirs, text), True)
    qtbot.addWidget(dialog)
    dialog.key_field.setText("not it")
    dialog.open_button.click()
    assert "doesn't open this backup" in dialog.message()
    assert dialog.secret is None
    assert dialog.result() != dialog.DialogCode.Accepted
    dialog.key_field.setText(TEST_PASSPHRASE)
    dialog.open_button.click()
    assert dialog.secret == TEST_PASSPHRASE
    assert dialog.result() == dialog.DialogCode.Accepted


def test_restoring_a_backup_from_another_computer_asks_its_key_first(
    store: Any,
    tmp_path: Path,
    qtbot: Any,
    monkeypatch: pytest.MonkeyPatch,
    said: list[tuple[str, str]],
    asked: list[str],
    no_keyring: object,
) -> None:
    from supportnet.data.store import open_store
    from supportnet.ui.backups.key_dialog import BackupKeyDialog

    with open_store(
        tmp_path / "other", passphrase=lambda _p: TEST_PASSPHRASE, keyring_backend=no_keyring
    ) as other:
        load_demo(other, TODAY, ZONE)
        theirs = other.backup(tmp_path / "theirs.db")
        their_people = other.counts().people
    typed: list[str] = []

    def answer(dialog: BackupKeyDialog) -> int:
        for text in ("a wrong guess", TEST_PASSPHRASE):
            dialog.key_field.setText(text)
            dialog.open_button.click()
            typed.append(dialog.message())
        return int(dialog.result())

    monkeypatch.setattr(BackupKeyDialog, "exec", answer)
    shell = open_shell(store, tmp_path, qtbot, NOW)
    choose_file(monkeypatch, tmp_path / "unused.db", theirs)
    shell.restore_from_backup()
    qtbot.waitUntil(lambda: bool(said))
    assert "doesn't open this backup" in typed[0]
    assert asked  # asked only once the key opened it
    assert people(shell) == their_people
    assert "the one the backup came with" in said[0][1]
    shell.close()


def test_the_busy_window_waits_a_moment_then_shows(qtbot: Any) -> None:
    """Back up now's progress shows after SHOW_AFTER_MS (Qt's own default would wait 4 s
    unless the value starts at the minimum); a restore's shows at once."""
    from PySide6.QtWidgets import QWidget

    from supportnet.ui.backups.progress import SHOW_AFTER_MS, busy_dialog

    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    later = busy_dialog(parent, "Backing up…")
    assert not later.isVisible()
    qtbot.waitUntil(later.isVisible, timeout=SHOW_AFTER_MS + 1500)
    later.close()
    at_once = busy_dialog(parent, "Restoring the backup…", at_once=True)
    assert at_once.isVisible()
    at_once.close()
