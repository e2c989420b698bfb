"""The export, import and delete dialogs' words pass the voice rules (docs/voice.md)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import QAbstractButton, QLabel

from supportnet.services.data_export import NOT_ENCRYPTED
from supportnet.services.your_data import Deleted, ExportSummary, Places
from supportnet.ui.data import transfer
from supportnet.ui.data.delete_dialog import DeleteAllDialog
from supportnet.ui.shell.data_actions import deleted_text
from tests.voice_rules import flagged


def test_the_words_pass_the_voice_rules(qtbot: Any, tmp_path: Path) -> None:
    places = Places(tmp_path, tmp_path / "backups", tmp_path / "stick", True)
    dialog = DeleteAllDialog(places, lambda then: then("Saved a copy to a.json."))
    qtbot.addWidget(dialog)
    dialog.export_button.click()
    lines = [w.text() for w in dialog.findChildren(QLabel)]
    lines += [b.text() for b in dialog.findChildren(QAbstractButton)]
    lines += [b.toolTip() for b in dialog.findChildren(QAbstractButton)]
    summary = ExportSummary(tmp_path / "a.json", {"people": 1}, store_empty=False)
    lines += [*transfer.import_question(summary, tmp_path), transfer.EXPORT_QUESTION]
    lines += [NOT_ENCRYPTED, transfer.EXPORT_YES, transfer.IMPORT_FAILED, transfer.EXPORT_FAILED]
    lines.append(deleted_text(Deleted(["the database (x)"], ["mine.txt"], tmp_path)))
    assert "Saved a copy to a.json." in lines
    for line in lines:
        assert flagged(line) == [], line
