"""The Network page: the map's nodes from the store, the gentle notes, exporting."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from supportnet.model.checkins import CheckIn
from supportnet.model.network import Circle, Group, LifeDomain, Person, SupportType
from supportnet.scheduling.gaps import GapKind
from supportnet.scheduling.rhythm import ContactStats
from supportnet.services import Services
from supportnet.ui.network.page import NO_CONTACT_TEXT, NO_GAPS, map_nodes
from supportnet.ui.people.person_editor import PersonEditor
from supportnet.ui.shell.main_window import MainWindow
from supportnet.ui.widgets import dialogs

NOW = datetime(2025, 6, 15, 12, tzinfo=UTC)


def _window(qtbot: Any, store: Any, clock: Callable[[], datetime]) -> MainWindow:
    window = MainWindow(Services.of(store), data_location="/d", key_location="k", clock=clock)
    qtbot.addWidget(window)
    return window


def test_map_nodes_carry_circle_support_and_quietness() -> None:
    people = [
        Person("Sam Rivera", nickname="Sam", circle=Circle.INNER, id=1),
        Person("Bo Chen", support_types={SupportType.CRISIS}, id=2),
        Person("Not saved yet"),
    ]
    groups = [Group("Walkers", id=7)]
    stats = {
        1: ContactStats(count=5, last_contact=NOW - timedelta(days=2), typical_interval_days=7)
    }
    quiet_group = {
        7: ContactStats(count=4, last_contact=NOW - timedelta(days=300), typical_interval_days=7)
    }
    nodes = {n.key: n for n in map_nodes(people, groups, stats, quiet_group, NOW)}
    assert set(nodes) == {("person", 1), ("person", 2), ("group", 7)}
    sam = nodes[("person", 1)]
    assert (sam.label, sam.circle, sam.quietness) == ("Sam", Circle.INNER, 0.0)
    assert sam.last_contact_text == "2 days ago"
    bo = nodes[("person", 2)]
    assert bo.support_types == frozenset({SupportType.CRISIS})
    assert bo.last_contact_text == NO_CONTACT_TEXT
    walkers = nodes[("group", 7)]
    assert walkers.is_group
    assert walkers.quietness == 1.0
    assert walkers.domain is LifeDomain.GROUPS_COMMUNITY


def test_a_plans_rhythm_sets_how_quiet_someone_is() -> None:
    people = [Person("Sam", id=1)]
    stats = {
        1: ContactStats(count=2, last_contact=NOW - timedelta(days=20), typical_interval_days=None)
    }
    relaxed = map_nodes(people, [], stats, {}, NOW)[0]
    weekly = map_nodes(people, [], stats, {}, NOW, person_cadence={1: 7})[0]
    assert weekly.quietness > relaxed.quietness


def test_notes_about_gaps_are_few_and_gentle(
    qtbot: Any, demo_store: Any, clock: Callable[[], datetime]
) -> None:
    window = _window(qtbot, demo_store, clock)
    view = window.network.view
    model = window.network.gaps_model
    assert 0 < model.rowCount() <= 8
    messages = [model.index(r, 0).data() for r in range(model.rowCount())]
    for message in messages:
        assert "missed" not in message.casefold()
        assert "overdue" not in message.casefold()
        assert "!" not in message
    assert view.gaps_list.isVisibleTo(view)
    assert not view.no_gaps.isVisibleTo(view)


def test_activating_a_note_about_someone_shows_them_on_the_map(
    qtbot: Any, store: Any, clock: Callable[[], datetime]
) -> None:
    sam = store.people.add(Person("Sam Rivera", circle=Circle.INNER))
    store.checkins.add(CheckIn(at=clock() - timedelta(days=400), person_id=sam.id))
    store.checkins.add(CheckIn(at=clock() - timedelta(days=380), person_id=sam.id))
    window = _window(qtbot, store, clock)
    model = window.network.gaps_model
    rows = [r for r in range(model.rowCount()) if model.gap_at(r).kind == GapKind.LONG_SILENCE]
    assert rows, [model.gap_at(r) for r in range(model.rowCount())]
    index = model.index(rows[0], 0)
    window.network.view.gaps_list.activated.emit(index)
    assert window.network.view.map.focused_key() == ("person", sam.id)


def test_a_note_about_missing_support_offers_to_add_someone(
    qtbot: Any, store: Any, clock: Callable[[], datetime]
) -> None:
    store.people.add(Person("Sam Rivera", circle=Circle.INNER))
    window = _window(qtbot, store, clock)
    model = window.network.gaps_model
    crisis = next(
        r
        for r in range(model.rowCount())
        if model.gap_at(r).kind == GapKind.UNCOVERED_SUPPORT
        and model.gap_at(r).support_type == SupportType.CRISIS
    )
    window.network.view.gaps_list.activated.emit(model.index(crisis, 0))
    editor = window.editor
    assert isinstance(editor, PersonEditor)
    assert editor.crisis_check.isChecked()
    editor.reject()


def test_a_well_covered_network_says_nothing_stands_out(
    qtbot: Any, store: Any, clock: Callable[[], datetime]
) -> None:
    every = set(SupportType)
    store.people.add(Person("Sam", circle=Circle.INNER, support_types=every))
    store.people.add(Person("Bo", circle=Circle.MIDDLE, support_types=every))
    window = _window(qtbot, store, clock)
    view = window.network.view
    assert window.network.gaps_model.rowCount() == 0
    assert view.no_gaps.text() == NO_GAPS
    assert view.no_gaps.isVisibleTo(view)
    assert not view.gaps_list.isVisibleTo(view)


def test_the_clock_tick_refreshes_how_quiet_people_are(qtbot: Any, store: Any) -> None:
    sam = store.people.add(Person("Sam"))
    store.checkins.add(CheckIn(at=NOW - timedelta(days=1), person_id=sam.id))
    now = [NOW]
    window = _window(qtbot, store, lambda: now[0])
    assert window.network.nodes[0].quietness == 0.0
    now[0] = NOW + timedelta(days=400)
    window._tick()
    assert window.network.nodes[0].quietness == 1.0
    assert window.network.nodes[0].last_contact_text == "about a year ago"


# --- export --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("filter_name", "name", "start"),
    [
        ("PNG image (*.png)", "map.png", b"\x89PNG"),
        ("SVG drawing (*.svg)", "map.svg", b"<?xml"),
        ("PDF, A4 paper (*.pdf)", "map", b"%PDF"),
        ("PDF, US Letter paper (*.pdf)", "map.pdf", b"%PDF"),
    ],
)
def test_export_the_map(
    qtbot: Any,
    demo_store: Any,
    clock: Callable[[], datetime],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    filter_name: str,
    name: str,
    start: bytes,
) -> None:
    asked: list[str] = []
    exports = tmp_path / "exports"
    exports.mkdir()

    def ask(_parent: Any, directory: str, suggested: str) -> Any:
        asked.append(suggested)
        return dialogs.export_choice(str(exports / name), filter_name)

    monkeypatch.setattr(dialogs, "ask_export_path", ask)
    window = _window(qtbot, demo_store, clock)
    window.export_action.trigger()
    assert asked == ["support-network"]
    [written] = list(exports.iterdir())
    assert written.read_bytes().startswith(start)
    assert window.note.text() == f"Saved the map to {written.name}"
    assert window.network.export_dir == str(exports)


def test_export_cancelled_writes_nothing(
    qtbot: Any, store: Any, clock: Callable[[], datetime], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(dialogs, "ask_export_path", lambda *_a: None)
    window = _window(qtbot, store, clock)
    window.export_map()
    assert window.note.text() == ""


def test_export_to_a_folder_that_is_not_there_says_so_plainly(
    qtbot: Any,
    demo_store: Any,
    clock: Callable[[], datetime],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    target = tmp_path / "gone" / "map.png"
    monkeypatch.setattr(dialogs, "ask_export_path", lambda *_a: (str(target), "png", None))
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(
        dialogs, "show_error", lambda _p, message, title="": shown.append((title, message))
    )
    window = _window(qtbot, demo_store, clock)
    window.export_map()
    [(title, message)] = shown
    assert title == "SupportNet couldn't export the map"
    assert str(target) in message
    assert "Traceback" not in message
    assert not target.exists()


def test_export_choice_follows_the_typed_ending() -> None:
    assert dialogs.export_choice("/x/map", "SVG drawing (*.svg)") == ("/x/map.svg", "svg", None)
    assert dialogs.export_choice("/x/map.pdf", "PNG image (*.png)") == ("/x/map.pdf", "pdf", "A4")
    assert dialogs.export_choice("/x/map.PNG", "PNG image (*.png)") == ("/x/map.PNG", "png", None)
