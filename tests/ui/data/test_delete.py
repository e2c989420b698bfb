"""File ▸ Delete all my data…: the dialog, the export first, and what deleting removes."""

from __future__ import annotations

import threading
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from supportnet.model.network import Person
from supportnet.services.backups import suggested_backup_name
from supportnet.services.your_data import DataDeletion
from supportnet.ui.shell.ui_state import UiState


@pytest.fixture
def keyring_window(
    qtbot: Any, data_dir: Path, open_keyring_store: Any, memory_keyring: Any, make_window: Any
) -> Any:
    """A window on a keyring store holding one person, an automatic backup and the
    window's memory file, with deleting wired as the app wires it."""
    store = open_keyring_store()
    store.people.add(Person("Ana Lima"))
    (data_dir / "backups").mkdir()
    store.backup(data_dir / "backups" / "supportnet-20261201T000000Z-daily.db")
    window = make_window(store, ui_state=UiState.for_data_dir(data_dir))
    window.save_state()
    assert (data_dir / "ui-state.ini").exists()
    window.data_deletion = DataDeletion(store, memory_keyring)
    return window


def test_the_delete_button_waits_for_delete_to_be_typed(qtbot: Any, keyring_window: Any) -> None:
    dialog = keyring_window.delete_all_data()
    assert not dialog.delete_button.isEnabled()
    assert "Type DELETE" in dialog.delete_button.toolTip()
    assert dialog.keep_button.isDefault()
    assert not dialog.delete_button.isDefault()
    assert not dialog.delete_button.autoDefault()
    qtbot.keyClicks(dialog.word_field, "DELET")
    assert not dialog.delete_button.isEnabled()
    qtbot.keyClicks(dialog.word_field, "E")
    assert dialog.delete_button.isEnabled()
    qtbot.keyClick(dialog.word_field, Qt.Key.Key_Return)  # Enter keeps the data
    assert not dialog.isVisible()
    assert keyring_window.data_deletion is not None
    assert (Path(keyring_window._data_location) / "supportnet.db").exists()


def test_the_dialog_says_what_goes_and_what_stays(
    qtbot: Any, keyring_window: Any, data_dir: Path, tmp_path: Path
) -> None:
    dialog = keyring_window.delete_all_data()
    goes = " ".join(label.text() for label in dialog.goes_labels)
    assert str(data_dir) in goes
    assert "keyring" in goes
    assert str(data_dir / "backups") in goes
    assert "Back up now" in dialog.stays_label.text()
    assert dialog.extra_box is None  # no extra folder chosen
    dialog.reject()


def test_export_first_saves_a_file_and_says_so_in_the_dialog(
    qtbot: Any, keyring_window: Any, asked: Any, files: Any
) -> None:
    dialog = keyring_window.delete_all_data()
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: str(files["export"]) in dialog.export_note.text())
    assert files["export"].exists()
    assert dialog.export_button.isEnabled()
    assert dialog.isVisible()  # still there, to go on or to keep the data
    asked.answer = False  # a second time, changing one's mind: nothing said, nothing saved
    files["export"].unlink()
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert not dialog.export_note.isVisible()
    assert dialog.export_button.isEnabled()
    assert not files["export"].exists()
    dialog.reject()


def test_deleting_waits_for_the_copy_offered_first(
    qtbot: Any, keyring_window: Any, asked: Any, files: Any
) -> None:
    """While "Export all data first…" is still writing, the data can't be deleted (the copy
    may yet fail); closing the dialog meanwhile is fine, and the window says how it went."""
    gate = threading.Event()
    # The worker runs one job at a time: the export waits behind this one.
    keyring_window.background.run(lambda: gate.wait(10), lambda _r: None, lambda _e: None)
    dialog = keyring_window.delete_all_data()
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(dialog.word_field, "DELETE")
    assert not dialog.delete_button.isEnabled()
    assert "still being saved" in dialog.delete_button.toolTip()
    qtbot.keyClick(dialog.word_field, Qt.Key.Key_Return)  # keeps the data: closes
    assert not dialog.isVisible()
    gate.set()
    keyring_window.background.wait()
    qtbot.waitUntil(files["export"].exists)
    QApplication.processEvents()
    assert (Path(keyring_window._data_location) / "supportnet.db").exists()


def test_delete_is_ready_again_once_the_copy_is_saved(
    qtbot: Any, keyring_window: Any, asked: Any, files: Any
) -> None:
    dialog = keyring_window.delete_all_data()
    qtbot.keyClicks(dialog.word_field, "DELETE")
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: str(files["export"]) in dialog.export_note.text())
    assert dialog.delete_button.isEnabled()
    dialog.reject()


def _delete(qtbot: Any, window: Any, *, extra_too: bool = False) -> None:
    dialog = window.delete_all_data()
    if extra_too:
        assert dialog.extra_box is not None
        dialog.extra_box.setChecked(True)
    qtbot.keyClicks(dialog.word_field, "delete")
    qtbot.mouseClick(dialog.delete_button, Qt.MouseButton.LeftButton)


def test_deleting_removes_the_store_its_key_and_backups_and_quits(
    qtbot: Any, keyring_window: Any, data_dir: Path, memory_keyring: Any, errors: list[str]
) -> None:
    assert memory_keyring.entries
    _delete(qtbot, keyring_window)
    assert memory_keyring.entries == {}
    assert not data_dir.exists()
    assert len(errors) == 1
    said = errors[0]
    assert said.startswith("Removed from this computer:")
    assert "the database key in the keyring" in said
    assert "1 automatic backup" in said
    assert "SupportNet closes now" in said
    assert not keyring_window.isVisible()
    assert not data_dir.exists()  # closing wrote no memory file back


@pytest.fixture
def extra_folder(keyring_window: Any, tmp_path: Path) -> tuple[Path, Path, Path]:
    """The extra backup folder chosen, holding a daily copy and a file of the person's own:
    (the folder, the copy, their file)."""
    extra = tmp_path / "stick"
    extra.mkdir()
    copy = extra / "supportnet-20261201T000000Z-daily.db"
    copy.write_bytes(b"a copy")
    mine = extra / "holiday.jpg"
    mine.write_bytes(b"not ours")
    keyring_window._source.settings.update(backup_folder=str(extra))
    return extra, copy, mine


def test_the_extra_folder_is_kept_unless_ticked(
    qtbot: Any, keyring_window: Any, extra_folder: tuple[Path, Path, Path], errors: list[str]
) -> None:
    extra, copy, mine = extra_folder
    dialog = keyring_window.delete_all_data()
    assert dialog.extra_box is not None
    assert not dialog.extra_box.isChecked()
    assert str(extra) in dialog.stays_label.text()
    dialog.reject()
    _delete(qtbot, keyring_window)
    assert copy.exists()
    assert mine.exists()
    assert f"The backups in {extra} were not touched." in errors[0]


def test_ticked_the_extra_folders_copies_go_too(
    qtbot: Any, keyring_window: Any, extra_folder: tuple[Path, Path, Path], errors: list[str]
) -> None:
    extra, copy, mine = extra_folder
    # Back up now offers the extra folder and a name that starts "supportnet-" too: a file
    # the person saved is theirs, and the dialog promised to leave it.
    saved = extra / suggested_backup_name(date(2026, 12, 3))
    saved.write_bytes(b"saved by hand")
    _delete(qtbot, keyring_window, extra_too=True)
    assert not copy.exists()
    assert mine.exists()
    assert saved.exists()
    assert "backup in your extra folder" in errors[0]
    assert f"The backups in {extra}" not in errors[0]


def test_a_key_the_keyring_keeps_removes_nothing_and_says_so(
    qtbot: Any, keyring_window: Any, data_dir: Path, memory_keyring: Any, errors: list[str]
) -> None:
    class Stubborn:
        priority = 1

        def get_password(self, service: str, username: str) -> str | None:
            found: str | None = memory_keyring.get_password(service, username)
            return found

        def delete_password(self, service: str, username: str) -> None:
            raise RuntimeError("no")

    keyring_window.data_deletion = DataDeletion(keyring_window._source._store, Stubborn())
    _delete(qtbot, keyring_window)
    assert (data_dir / "supportnet.db").exists()
    assert "nothing was removed" in errors[0]
    assert f"Still in {data_dir}:" in errors[0]
    assert "supportnet.db" in errors[0]
    assert "SupportNet closes now" in errors[0]


def test_after_deleting_from_the_app_the_next_start_welcomes_afresh(
    qtbot: Any, data_dir: Path, memory_keyring: Any, errors: list[str]
) -> None:
    from supportnet.ui import app as app_module
    from supportnet.ui.start.welcome import StartChoice

    welcomed: list[bool] = []

    def choose() -> StartChoice:
        welcomed.append(True)
        return StartChoice.EMPTY

    first = app_module.launch(data_dir, choose=choose, keyring_backend=memory_keyring)
    assert first.window is not None
    assert first.store is not None
    qtbot.addWidget(first.window)
    first.window.show()
    try:
        _delete(qtbot, first.window)
    finally:
        first.store.close()  # as run_gui does when the window has closed
    assert errors[0].startswith("Removed from this computer:")
    assert not data_dir.exists()
    assert memory_keyring.entries == {}
    again = app_module.launch(data_dir, choose=choose, keyring_backend=memory_keyring)
    assert again.store is not None
    again.store.close()
    assert welcomed == [True, True]
