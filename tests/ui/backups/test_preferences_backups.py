"""Preferences' backup rows: the extra folder round-trips, and a folder that can't be written
is said next to it; the last automatic backup is said in plain words."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from supportnet.ui.backups import folder_field
from supportnet.ui.backups.words import last_backup_text
from tests.ui.conftest import NOW
from tests.ui.shells import open_shell


def test_the_extra_folder_is_shown_chosen_saved_and_cleared(
    store: Any, tmp_path: Path, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    shell = open_shell(store, tmp_path, qtbot, NOW)
    usb = tmp_path / "usb"
    usb.mkdir()
    dialog = shell.open_preferences()
    field = dialog.backup_folder
    assert field.path_field.text() == ""
    assert not field.clear_button.isEnabled()
    monkeypatch.setattr(folder_field, "ask_folder", lambda *_a: usb)
    field.choose_button.click()
    assert field.path_field.text() == str(usb.resolve())
    assert field.message.isHidden()
    dialog.save_button.click()
    assert store.settings.load().backup_folder == str(usb.resolve())
    assert shell._source.backups.extra_folder() == usb.resolve()

    again = shell.open_preferences()
    assert again.backup_folder.path_field.text() == str(usb.resolve())
    again.backup_folder.clear_button.click()
    assert again.backup_folder.path_field.text() == ""
    again.save_button.click()
    assert store.settings.load().backup_folder == ""
    shell.close()


def test_a_folder_that_cant_be_written_is_said_next_to_the_field(
    store: Any, tmp_path: Path, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    gone = tmp_path / "stick"
    gone.mkdir()
    store.settings.update(backup_folder=str(gone))
    gone.rmdir()  # the USB stick was taken out
    shell = open_shell(store, tmp_path, qtbot, NOW)
    dialog = shell.open_preferences()
    field = dialog.backup_folder
    assert field.path_field.text() == str(gone)
    assert not field.message.isHidden()
    assert "isn't there right now" in field.message._text.text()

    # A folder inside SupportNet's own data folder isn't taken at all.
    monkeypatch.setattr(folder_field, "ask_folder", lambda *_a: store.data_dir)
    field.choose_button.click()
    assert "inside SupportNet's own data folder" in field.message._text.text()
    assert field.path_field.text() == str(gone)

    read_only = tmp_path / "read-only"
    read_only.mkdir()
    read_only.chmod(0o500)
    try:
        monkeypatch.setattr(folder_field, "ask_folder", lambda *_a: read_only)
        field.choose_button.click()
        if not _can_write(read_only):  # root writes anywhere: nothing to say then
            assert "can't write in" in field.message._text.text()
    finally:
        read_only.chmod(0o700)
    dialog.reject()
    shell.close()


def _can_write(folder: Path) -> bool:
    try:
        (folder / "probe").touch()
    except OSError:
        return False
    (folder / "probe").unlink()
    return True


def test_the_last_backup_is_said_in_plain_words() -> None:
    now = datetime(2026, 12, 3, 15, 0, tzinfo=UTC)
    today = last_backup_text(now - timedelta(minutes=30), now)
    assert today.startswith("Last backup: today ")
    assert last_backup_text(now - timedelta(days=1), now).startswith("Last backup: yesterday ")
    assert "2026" in last_backup_text(now - timedelta(days=9), now)
    assert "none yet" in last_backup_text(None, now)


def test_preferences_show_the_last_automatic_backup(store: Any, tmp_path: Path, qtbot: Any) -> None:
    from supportnet.services import Services

    backups = Services.of(store).backups
    assert backups.auto_backup_if_due(datetime.now(UTC)).problem == ""
    shell = open_shell(store, tmp_path, qtbot, datetime.now(UTC))
    dialog = shell.open_preferences()
    assert dialog.backup_folder.last_label.text().startswith("Last backup: today ")
    dialog.reject()
    shell.close()


def test_a_folder_that_refuses_writing_is_said_even_where_permissions_dont_stop_root(
    store: Any, tmp_path: Path, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from supportnet.services import backups as backup_service

    def refuse(**_kw: Any) -> Any:
        raise PermissionError(13, "Permission denied")

    locked = tmp_path / "locked"
    locked.mkdir()
    monkeypatch.setattr(backup_service.tempfile, "TemporaryFile", refuse)
    shell = open_shell(store, tmp_path, qtbot, NOW)
    dialog = shell.open_preferences()
    monkeypatch.setattr(folder_field, "ask_folder", lambda *_a: locked)
    dialog.backup_folder.choose_button.click()
    # Still chosen (it may be writable later), and said plainly next to the field.
    assert dialog.backup_folder.folder == str(locked.resolve())
    assert f"can't write in {locked.resolve()}" in dialog.backup_folder.message._text.text()
    dialog.reject()
    shell.close()


def test_the_backup_words_keep_the_voice(tmp_path: Path) -> None:
    from supportnet.services.backups import INSIDE_DATA_FOLDER, BackupWritten, Restored
    from supportnet.ui.backups import key_dialog, words
    from tests.voice_rules import flagged

    path = tmp_path / "b.db"
    texts = [
        words.backup_done_text(BackupWritten(path, passphrase_too=True, new_key_unseen=False)),
        words.backup_done_text(BackupWritten(path, passphrase_too=False, new_key_unseen=True)),
        words.restore_question(tmp_path),
        words.restored_text(
            Restored(3, 1, 2, 9, path, from_elsewhere=True, new_recovery_key=False)
        ),
        words.restored_text(Restored(0, 0, 0, 0, None, from_elsewhere=True, new_recovery_key=True)),
        key_dialog.intro(True),
        INSIDE_DATA_FOLDER,
        folder_field.NO_FOLDER,
        *(
            v
            for name in dir(words)
            if name.isupper() and isinstance(v := getattr(words, name), str)
        ),
    ]
    for text in texts:
        assert flagged(text) == [], text
        assert "!" not in text


def test_a_restore_counts_one_of_each_in_the_singular() -> None:
    from supportnet.services.backups import Restored
    from supportnet.ui.backups.words import restored_text

    restored = Restored(1, 1, 1, 1, None, from_elsewhere=False, new_recovery_key=False)
    text = restored_text(restored)
    assert text.startswith("Restored 1 person, 1 group, 1 plan and 1 check-in.")


def test_a_folder_inside_the_data_folder_is_refused_in_german_too(
    tmp_path: Path, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from supportnet import i18n
    from supportnet.services.backups import INSIDE_DATA_FOLDER, folder_problem

    data_dir = tmp_path / "data"
    data_dir.mkdir()
    i18n.set_language("de")
    try:
        field = folder_field.BackupFolderField(
            "", lambda folder: folder_problem(folder, data_dir), None, NOW
        )
        qtbot.addWidget(field)
        monkeypatch.setattr(folder_field, "ask_folder", lambda *_a: data_dir / "inside")
        field.choose_button.click()
        assert field.folder == ""
        assert field.message._text.text() == i18n._(INSIDE_DATA_FOLDER)
        assert field.message._text.text() != INSIDE_DATA_FOLDER  # it is German
    finally:
        i18n.set_language(i18n.ENGLISH)
