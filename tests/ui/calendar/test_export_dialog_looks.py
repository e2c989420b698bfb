"""The export dialog's default folder (Documents, from the desktop's own settings), a
preview that never shows half a row, and long names whole in tooltips."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QApplication

from supportnet.calendar import DEFAULT_FILE_NAME
from supportnet.ui.calendar.dialog import ExportDialog
from supportnet.ui.calendar.models import PreviewModel
from tests.ui.calendar.test_export_dialog import _dialog, home  # noqa: F401  (a fixture)


def test_the_default_file_goes_where_the_desktop_keeps_documents(
    qtbot: Any,
    demo_store: Any,
    clock: Callable[[], datetime],
    home: Path,  # noqa: F811
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # The desktop's own setting (xdg-user-dirs), in a config folder of the test's own.
    config = tmp_path / "config"
    config.mkdir()
    (config / "user-dirs.dirs").write_text('XDG_DOCUMENTS_DIR="$HOME/Dokumente"\n')
    monkeypatch.setenv("XDG_CONFIG_HOME", str(config))
    (home / "Dokumente").mkdir()
    dialog = _dialog(qtbot, demo_store, clock)
    assert dialog.path_field.text() == str(home / "Dokumente" / DEFAULT_FILE_NAME)


def test_with_no_documents_folder_the_file_goes_home(
    qtbot: Any,
    demo_store: Any,
    clock: Callable[[], datetime],
    home: Path,  # noqa: F811
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "no-config"))
    dialog = _dialog(qtbot, demo_store, clock)
    assert dialog.path_field.text() == str(home / DEFAULT_FILE_NAME)


def _whole_rows_only(dialog: ExportDialog) -> int:
    """How many rows are in sight; fails if one is cut by the foot of the list."""
    table = dialog.preview_table
    viewport = table.viewport().rect()
    shown = 0
    for row in range(dialog.preview_model.rowCount()):
        rect = table.visualRect(dialog.preview_model.index(row, 0))
        if rect.intersects(viewport):
            assert viewport.contains(rect), f"row {row} is cut: {rect} in {viewport}"
            shown += 1
    return shown


@pytest.mark.parametrize("height", [560, 600, 613, 650, 707, 760])
def test_the_preview_never_shows_half_a_row(
    qtbot: Any,
    demo_store: Any,
    clock: Callable[[], datetime],
    home: Path,  # noqa: F811
    height: int,
) -> None:
    dialog = _dialog(qtbot, demo_store, clock)
    dialog.resize(QSize(dialog.preferred_size().width(), height))
    QApplication.processEvents()
    assert dialog.preview_model.rowCount() > 10
    assert _whole_rows_only(dialog) >= 2
    # Scrolled to the end, the last row is in sight in full.
    dialog.preview_table.scrollToBottom()
    QApplication.processEvents()
    assert _whole_rows_only(dialog) >= 2
    last = dialog.preview_model.index(dialog.preview_model.rowCount() - 1, 0)
    assert dialog.preview_table.viewport().rect().contains(dialog.preview_table.visualRect(last))


def test_long_names_are_whole_in_the_tooltips(
    qtbot: Any,
    demo_store: Any,
    clock: Callable[[], datetime],
    home: Path,  # noqa: F811
) -> None:
    dialog = _dialog(qtbot, demo_store, clock)
    model = dialog.preview_model
    tip = Qt.ItemDataRole.ToolTipRole
    for row in range(model.rowCount()):
        for column in (PreviewModel.WHEN, PreviewModel.WHO, PreviewModel.REPEATS):
            index = model.index(row, column)
            assert model.data(index, tip) == model.data(index)
    # The people and groups to tick, too.
    targets = dialog.targets_proxy
    assert targets.rowCount() > 0
    for row in range(targets.rowCount()):
        index = targets.index(row, 0)
        assert targets.data(index, tip) == targets.data(index)
