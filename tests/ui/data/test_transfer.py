"""File ▸ Export all data… and Import data… on real stores and a real window."""

from __future__ import annotations

import json
import stat
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from supportnet.model.network import Person
from supportnet.services.data_export import NOT_ENCRYPTED, DataExport
from supportnet.ui.data.transfer import MERGE_LINE, export_name

WHEN = datetime(2026, 12, 3, 9, 0, tzinfo=UTC)


def _settle(qtbot: Any, window: Any) -> None:
    """The worker done and its outcome delivered on the GUI thread."""
    qtbot.waitUntil(lambda: not window.background.busy)


def _export_file(store: Any, path: Path) -> Path:
    DataExport(store).export_to(path, WHEN)
    return path


def test_export_says_it_is_not_encrypted_and_writes_a_private_file_import_reads_back(
    qtbot: Any, demo_store: Any, make_window: Any, asked: Any, files: Any, other_store: Any
) -> None:
    window = make_window(demo_store)
    window.export_all_data()
    _settle(qtbot, window)
    out = files["export"]
    assert asked[0]["details"] == NOT_ENCRYPTED
    assert "names" in asked[0]["question"]
    assert "safety plan" in asked[0]["question"]
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert out.name in window.note.text()
    assert "not encrypted" in window.note.text()
    fresh = other_store("fresh")
    DataExport(fresh).import_from(out, merge=False)  # what `import-data` does
    assert DataExport(fresh).document_bytes(WHEN) == DataExport(demo_store).document_bytes(WHEN)


def test_export_offers_a_dated_name_and_saves_nothing_when_declined(
    qtbot: Any, demo_store: Any, make_window: Any, asked: Any, files: Any
) -> None:
    assert export_name(WHEN) == "supportnet-data-2026-12-03.json"
    window = make_window(demo_store)
    asked.answer = False
    window.export_all_data()
    _settle(qtbot, window)
    assert len(asked) == 1
    assert not files["export"].exists()


def test_import_into_an_empty_store_brings_everything_and_the_window_shows_it(
    qtbot: Any, store: Any, make_window: Any, asked: Any, files: Any, other_store: Any
) -> None:
    from supportnet.demo.loader import load_demo
    from tests.ui.conftest import TODAY, ZONE

    source = other_store("source")
    load_demo(source, TODAY, ZONE)
    files["import"] = _export_file(source, files["export"])
    window = make_window(store)
    assert window._source.people.count() == 0
    window.import_data()
    _settle(qtbot, window)
    assert asked[0]["question"].startswith("Bring in everything from all.json")
    assert MERGE_LINE not in asked[0]["details"]
    _settle(qtbot, window)
    people = source.counts().people
    assert store.counts() == source.counts()
    qtbot.waitUntil(lambda: str(people) in window.status_label.text())
    assert window.note.text().startswith(f"Brought in {people} people")
    assert not (store.data_dir / "backups").exists()  # nothing was there to keep


def test_import_into_a_store_with_data_merges_after_a_backup(
    qtbot: Any, demo_store: Any, make_window: Any, asked: Any, files: Any, other_store: Any
) -> None:
    source = other_store("source")
    source.people.add(Person("Noor Haddad"))
    files["import"] = _export_file(source, files["export"])
    before = demo_store.counts().people
    window = make_window(demo_store)
    window.import_data()
    _settle(qtbot, window)
    _settle(qtbot, window)
    assert asked[0]["question"] == "Add what's new from all.json?"
    assert MERGE_LINE in asked[0]["details"]
    assert "backup" in asked[0]["details"]
    assert demo_store.counts().people == before + 1
    kept = list((demo_store.data_dir / "backups").glob("supportnet-*-before-import.db"))
    assert len(kept) == 1
    assert kept[0].name in window.note.text()
    # The same file again: everything in it is here already, so nothing changes.
    window.import_data()
    _settle(qtbot, window)
    _settle(qtbot, window)
    assert demo_store.counts().people == before + 1
    assert "already here were left as they are" in window.note.text()


def _broken_files(folder: Path) -> dict[str, bytes]:
    newer = {"format": "supportnet-data", "version": 999, "exported_at": "2026-12-03T09:00:00Z"}
    return {
        "broken": b'{"format": "supportnet-data", "version": 1, "people": [',
        "not ours": json.dumps({"hello": "world"}).encode(),
        "newer": json.dumps(newer).encode(),
        "binary": b"\xff\xfe\x00 not text at all",
    }


def test_a_file_that_is_not_an_export_changes_nothing_and_says_so(
    qtbot: Any,
    demo_store: Any,
    make_window: Any,
    asked: Any,
    files: Any,
    errors: list[str],
    tmp_path: Path,
) -> None:
    before = DataExport(demo_store).document_bytes(WHEN)
    window = make_window(demo_store)
    for name, data in _broken_files(tmp_path).items():
        bad = tmp_path / f"{name}.json"
        bad.write_bytes(data)
        files["import"] = bad
        window.import_data()
        _settle(qtbot, window)
    assert asked == []  # refused before any question
    assert len(errors) == 4
    for message in errors:
        assert "nothing was changed" in message.lower()
    assert "update SupportNet" in errors[2]
    files["import"] = tmp_path / "gone.json"  # chosen, then moved away before it was read
    window.import_data()
    _settle(qtbot, window)
    assert errors[-1] == f"There is no file {tmp_path / 'gone.json'}. Nothing was changed."
    assert DataExport(demo_store).document_bytes(WHEN) == before
    assert not (demo_store.data_dir / "backups").exists()


def test_the_save_dialog_adds_json_and_asks_before_replacing(
    qtbot: Any, tmp_path: Path, monkeypatch: Any
) -> None:
    from PySide6.QtWidgets import QFileDialog

    from supportnet.ui.data.transfer import ask_export_path

    seen: list[QFileDialog] = []

    def answer(dialog: QFileDialog) -> int:
        seen.append(dialog)
        return 0

    monkeypatch.setattr(QFileDialog, "exec", answer)
    assert ask_export_path(None, tmp_path / "supportnet-data-2026-12-03.json") is None
    dialog = seen[0]
    assert dialog.defaultSuffix() == "json"
    assert dialog.acceptMode() is QFileDialog.AcceptMode.AcceptSave
    assert not dialog.testOption(QFileDialog.Option.DontConfirmOverwrite)
