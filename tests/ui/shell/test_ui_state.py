"""What the window remembers lives in the data folder, private to this user."""

from __future__ import annotations

import stat
from pathlib import Path

from PySide6.QtCore import QByteArray

from supportnet.ui.shell.ui_state import UI_STATE_NAME, UiState


def test_values_survive_a_new_instance_and_the_file_is_private(tmp_path: Path) -> None:
    state = UiState.for_data_dir(tmp_path)
    state.set_value("window/page", "people")
    state.set_value("window/geometry", QByteArray(b"\x01\x02geometry"))
    state.sync()
    path = tmp_path / UI_STATE_NAME
    assert stat.S_IMODE(path.stat().st_mode) == 0o600

    again = UiState.for_data_dir(tmp_path)
    assert again.text("window/page") == "people"
    assert again.bytes_value("window/geometry") == QByteArray(b"\x01\x02geometry")
    assert again.bytes_value("missing") is None
    assert again.text("missing", "network") == "network"


def test_without_a_file_values_live_only_in_memory(tmp_path: Path) -> None:
    state = UiState(None)
    state.set_value("window/page", "people")
    state.sync()
    assert state.text("window/page") == "people"
    assert list(tmp_path.iterdir()) == []


def test_the_file_is_private_whenever_qt_writes_it(qapp: object, tmp_path: Path) -> None:
    from PySide6.QtCore import QCoreApplication, QEvent

    state = UiState.for_data_dir(tmp_path)
    state.set_value("window/page", "today")
    # Qt writes on its own a moment later (an event it posts to itself), not only on sync():
    # the umask's 0644 must not be what it gets in between.
    QCoreApplication.sendPostedEvents(None, QEvent.Type.UpdateRequest.value)
    QCoreApplication.processEvents()
    path = tmp_path / UI_STATE_NAME
    assert "today" in path.read_text()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
