"""The main window over a real temporary store."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QImage

from supportnet.checkins import CheckIn
from supportnet.network import Circle, Group, GroupKind, Person
from supportnet.ui import dialogs
from supportnet.ui.main_window import EMPTY_PEOPLE, MainWindow, counts_text
from supportnet.ui.models import ID_ROLE, GroupsTableModel, PeopleTableModel

DISPLAY = Qt.ItemDataRole.DisplayRole


def _window(qtbot: Any, store: Any, clock: Callable[[], datetime]) -> MainWindow:
    window = MainWindow(
        store, data_location="/data/here", key_location="the system keyring", clock=clock
    )
    qtbot.addWidget(window)
    return window


def _names(window: MainWindow) -> list[str]:
    proxy = window.people_proxy
    return [
        proxy.index(r, PeopleTableModel.COL_NAME).data(DISPLAY) for r in range(proxy.rowCount())
    ]


def _hand_made(store: Any) -> dict[str, int]:
    ids = {}
    for person in (
        Person("Sam Rivera", circle=Circle.INNER),
        Person("ana lima", circle=Circle.OUTER),
        Person("Bo Chen", circle=Circle.MIDDLE),
    ):
        ids[person.name] = store.people.add(person).id
    store.groups.add(
        Group(
            "Thursday peer support",
            kind=GroupKind.SUPPORT_GROUP,
            meeting_schedule="Thursdays 19:00",
        )
    )
    return ids


def test_lists_people_and_groups_from_the_store(
    qtbot: Any, store: Any, clock: Callable[[], datetime]
) -> None:
    ids = _hand_made(store)
    store.checkins.add(CheckIn(at=clock() - timedelta(days=3), person_id=ids["Bo Chen"]))
    window = _window(qtbot, store, clock)
    assert window.windowTitle() == "SupportNet"
    assert _names(window) == ["ana lima", "Bo Chen", "Sam Rivera"]
    bo = window.people_proxy.index(1, PeopleTableModel.COL_LAST_CONTACT)
    assert bo.data(DISPLAY) == "3 days ago"
    assert bo.data(ID_ROLE) == ids["Bo Chen"]
    groups = window.groups_proxy
    assert groups.rowCount() == 1
    assert groups.index(0, GroupsTableModel.COL_MEETING).data(DISPLAY) == "Thursdays 19:00"
    assert window.status_label.text() == "3 people · 1 group"
    assert [window.tabs.tabText(i) for i in range(window.tabs.count())] == [
        "People",
        "Groups and communities",
    ]


def test_lists_the_example_network(
    qtbot: Any, demo_store: Any, clock: Callable[[], datetime]
) -> None:
    window = _window(qtbot, demo_store, clock)
    counts = demo_store.counts()
    assert window.people_proxy.rowCount() == counts.people > 0
    assert window.groups_proxy.rowCount() == counts.groups > 0
    assert window.status_label.text() == counts_text(counts.people, counts.groups)
    assert not window.people_page.showing_message


def test_search_filters_as_you_type_ignoring_case(
    qtbot: Any, store: Any, clock: Callable[[], datetime]
) -> None:
    _hand_made(store)
    window = _window(qtbot, store, clock)
    window.show()
    qtbot.keyClicks(window.search_field, "SAM")
    assert _names(window) == ["Sam Rivera"]
    assert window.groups_proxy.rowCount() == 0
    assert window.groups_page.showing_message
    assert "There is a match under “People”." in window.groups_page.more.text()
    window.search_field.clear()
    qtbot.keyClicks(window.search_field, "zzz")
    assert window.people_proxy.rowCount() == 0
    assert window.people_page.showing_message
    assert window.people_page.message.text() == "No one’s name contains “zzz”."
    qtbot.keyClick(window.search_field, Qt.Key.Key_Escape)
    assert window.search_field.text() == ""
    assert len(_names(window)) == 3
    assert not window.people_page.showing_message


def test_sorting_by_a_header(qtbot: Any, store: Any, clock: Callable[[], datetime]) -> None:
    ids = _hand_made(store)
    store.checkins.add(CheckIn(at=clock() - timedelta(days=40), person_id=ids["Sam Rivera"]))
    store.checkins.add(CheckIn(at=clock() - timedelta(days=2), person_id=ids["Bo Chen"]))
    window = _window(qtbot, store, clock)
    window.show()
    window.people_view.sortByColumn(PeopleTableModel.COL_CIRCLE, Qt.SortOrder.AscendingOrder)
    assert _names(window) == ["Sam Rivera", "Bo Chen", "ana lima"]  # inner, middle, outer

    window.people_view.sortByColumn(PeopleTableModel.COL_LAST_CONTACT, Qt.SortOrder.DescendingOrder)
    assert _names(window) == ["Bo Chen", "Sam Rivera", "ana lima"]  # most recent first

    window.people_view.sortByColumn(PeopleTableModel.COL_NAME, Qt.SortOrder.DescendingOrder)
    assert _names(window) == ["Sam Rivera", "Bo Chen", "ana lima"]


def test_clicking_a_header_sorts(qtbot: Any, store: Any, clock: Callable[[], datetime]) -> None:
    _hand_made(store)
    window = _window(qtbot, store, clock)
    window.resize(1000, 600)
    window.show()
    qtbot.waitExposed(window)
    header = window.people_view.horizontalHeader()
    x = header.sectionViewportPosition(PeopleTableModel.COL_CIRCLE) + 10
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    assert header.sortIndicatorSection() == PeopleTableModel.COL_CIRCLE
    assert _names(window) in (
        ["Sam Rivera", "Bo Chen", "ana lima"],
        ["ana lima", "Bo Chen", "Sam Rivera"],
    )


def test_empty_network_says_so_kindly(
    qtbot: Any, store: Any, clock: Callable[[], datetime]
) -> None:
    window = _window(qtbot, store, clock)
    assert window.people_page.showing_message
    assert window.people_page.message.text() == EMPTY_PEOPLE
    assert window.groups_page.showing_message
    assert window.status_label.text() == "0 people · 0 groups"
    assert not window.search_field.isEnabled()
    store.people.add(Person("Sam Rivera"))
    window.refresh()
    assert not window.people_page.showing_message
    assert window.status_label.text() == "1 person · 0 groups"
    assert window.search_field.isEnabled()


def test_menus_have_quit_and_about_and_nothing_disabled(
    qtbot: Any, store: Any, clock: Callable[[], datetime], monkeypatch: pytest.MonkeyPatch
) -> None:
    window = _window(qtbot, store, clock)
    menus = {a.text().replace("&", ""): a.menu() for a in window.menuBar().actions()}
    assert set(menus) == {"File", "Help"}
    every_action = [a for m in menus.values() for a in m.actions()]
    assert all(a.isEnabled() for a in every_action)
    assert window.quit_action.shortcut().toString() == "Ctrl+Q"

    shown: list[tuple[Any, ...]] = []
    monkeypatch.setattr(dialogs, "show_about", lambda *args: shown.append(args))
    window.about_action.trigger()
    assert shown == [(window, "0.1.0", "/data/here", "the system keyring")]

    window.show()
    qtbot.waitExposed(window)
    window.quit_action.trigger()
    assert not window.isVisible()


def test_about_text_says_where_data_and_key_live() -> None:
    text = dialogs.about_text("0.1.0", "/home/sam/.local/share/SupportNet", "system keyring")
    assert "/home/sam/.local/share/SupportNet" in text
    assert "system keyring" in text
    assert "!" not in text


def test_renders_the_example_network(
    qtbot: Any, demo_store: Any, clock: Callable[[], datetime], tmp_path: Path
) -> None:
    window = _window(qtbot, demo_store, clock)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    out = tmp_path / "main-window.png"
    assert window.grab().save(str(out))
    assert out.stat().st_size > 20_000
    image = QImage(str(out))
    assert (image.width(), image.height()) == (1280, 800)
    # Text was drawn: a blank or single-colour window has only a handful of colours.
    colours = {image.pixel(x, y) for x in range(0, 1280, 7) for y in range(0, 800, 7)}
    assert len(colours) > 20


def test_the_clock_belongs_to_the_window(qtbot: Any, store: Any) -> None:
    ids = _hand_made(store)
    then = datetime(2025, 1, 1, 12, tzinfo=UTC)
    store.checkins.add(CheckIn(at=then, person_id=ids["Sam Rivera"]))
    window = _window(qtbot, store, lambda: then + timedelta(days=1))
    sam = next(
        r
        for r in range(window.people_model.rowCount())
        if window.people_model.person_at(r).name == "Sam Rivera"
    )
    index = window.people_model.index(sam, PeopleTableModel.COL_LAST_CONTACT)
    assert index.data(DISPLAY) == "yesterday"


def test_every_control_has_an_accessible_name(
    qtbot: Any, demo_store: Any, clock: Callable[[], datetime]
) -> None:
    from PySide6.QtWidgets import QLabel, QWidget

    from supportnet.ui.crash_dialog import CrashDialog
    from supportnet.ui.welcome import WelcomeDialog

    window = _window(qtbot, demo_store, clock)
    crash = CrashDialog("Traceback (most recent call last):\nValueError: x")
    welcome = WelcomeDialog()
    for top in (window, crash, welcome):
        qtbot.addWidget(top)
        controls = [
            w
            for w in top.findChildren(QWidget)
            if w.focusPolicy() != Qt.FocusPolicy.NoFocus and not isinstance(w, QLabel)
        ]
        assert controls
        unnamed = [type(w).__name__ for w in controls if not w.accessibleName()]
        assert unnamed == [], top
