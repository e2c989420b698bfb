"""The data export service over a real store: merge keeps what is there; all or nothing."""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

from supportnet.cli import data_commands
from supportnet.model.data_document import DataFileError
from supportnet.model.errors import SupportNetError, UsageError
from supportnet.services import Services

NOW = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)


@pytest.fixture
def store_template(demo_store_folders: Callable[[date, str], Path]) -> Path:
    """Every store here holds the example network: a copy of one made once a session."""
    return demo_store_folders(NOW.date(), "Europe/London")


@pytest.fixture
def services(store: Any) -> Services:
    return Services.of(store)


def _write(path: Path, document: dict[str, Any]) -> Path:
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def test_merge_keeps_the_plan_for_hard_days_and_settings_already_here(
    services: Services, store: Any, tmp_path: Path
) -> None:
    store.settings.update(suggestions_per_day=2)
    export = services.data_export()
    before = export.document_bytes(NOW)
    document = json.loads(before)
    for entry in document["safety_plan"]:
        entry["text"] = "changed elsewhere"
    document["settings"]["suggestions_per_day"] = 9
    document["settings"]["reminders_enabled"] = False  # not set here: taken from the file
    document["message_ideas"].append({"position": 99, "text": "A new idea"})
    done = export.import_from(_write(tmp_path / "in.json", document), merge=True)
    assert done.added["people"] == 0
    assert done.added["message_ideas"] == 1
    after = json.loads(export.document_bytes(NOW))
    assert after["safety_plan"] == json.loads(before)["safety_plan"]
    assert after["settings"] == {"suggestions_per_day": 2, "reminders_enabled": False}
    assert after["message_ideas"][-1]["text"] == "A new idea"


def test_a_file_the_store_cannot_hold_adds_nothing_at_all(
    services: Services, store: Any, tmp_path: Path
) -> None:
    document = json.loads(services.data_export().document_bytes(NOW))
    document["checkins"][-1]["mood_after"] = 9  # the store's own check refuses this
    source = _write(tmp_path / "in.json", document)
    with store.sessions.begin() as session:  # an empty store, as a fresh one would be
        from sqlalchemy import delete

        from supportnet.data import schema

        for row in (
            schema.CheckInRow,
            schema.PlanRow,
            schema.PersonRow,
            schema.GroupRow,
            schema.CareTeamRow,
            schema.SafetyPlanEntryRow,
        ):
            session.execute(delete(row))
    assert store.is_empty()
    with pytest.raises(DataFileError, match="nothing was changed"):
        services.data_export().import_from(source, merge=False)
    assert store.is_empty()


def test_a_store_with_data_needs_merge(services: Services, tmp_path: Path) -> None:
    source = tmp_path / "all.json"
    services.data_export().export_to(source, NOW)
    with pytest.raises(SupportNetError, match="--merge"):
        services.data_export().import_from(source, merge=False)


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_typing_delete_on_a_terminal_is_what_goes_ahead(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr("sys.stdin", _Terminal("DELETE\n"))
    data_commands._confirm(tmp_path, None)  # goes ahead: no error
    monkeypatch.setattr("sys.stdin", _Terminal("delete\n"))
    with pytest.raises(SupportNetError, match="Nothing was removed"):
        data_commands._confirm(tmp_path, None)
    with pytest.raises(UsageError, match="--yes"):
        data_commands._confirm(tmp_path, None, stdin=io.StringIO("DELETE\n"))
