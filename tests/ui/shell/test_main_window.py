"""The main window over a real temporary store: pages, lists, menus, memory, keyboard."""

from __future__ import annotations

import stat
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QImage, QKeySequence
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from supportnet.model.checkins import CheckIn
from supportnet.model.network import Circle, Group, GroupKind, LifeDomain, Person, SupportType
from supportnet.services import Services
from supportnet.ui.people.page import EMPTY_PEOPLE
from supportnet.ui.plans.dialog import PlansAndHistoryDialog
from supportnet.ui.shell.main_window import MainWindow, Page
from supportnet.ui.shell.status_note import counts_text
from supportnet.ui.shell.ui_state import UI_STATE_NAME, UiState
from supportnet.ui.widgets import dialogs
from supportnet.ui.widgets.models import ID_ROLE, GroupsTableModel, PeopleTableModel

DISPLAY = Qt.ItemDataRole.DisplayRole


def _window(
    qtbot: Any, store: Any, clock: Callable[[], datetime], ui_state: UiState | None = None
) -> MainWindow:
    window = MainWindow(
        Services.of(store),
        data_location="/data/here",
        key_location="the system keyring",
        clock=clock,
        ui_state=ui_state,
    )
    qtbot.addWidget(window)
    return window


def _shown(qtbot: Any, window: MainWindow) -> MainWindow:
    """Show the window and make it the active one, so shortcuts and Tab work."""
    with qtbot.waitExposed(window):
        window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window


def _names(window: MainWindow) -> list[str]:
    proxy = window.people_proxy
    return [
        proxy.index(r, PeopleTableModel.COL_NAME).data(DISPLAY) for r in range(proxy.rowCount())
    ]


def _hand_made(store: Any) -> dict[str, int]:
    ids = {}
    for person in (
        Person(
            "Sam Rivera",
            circle=Circle.INNER,
            domain=LifeDomain.FRIENDS,
            support_types={SupportType.EMOTIONAL, SupportType.CRISIS},
            tags=["climbing"],
        ),
        Person("ana lima", circle=Circle.OUTER, domain=LifeDomain.FAMILY),
        Person(
            "Bo Chen",
            circle=Circle.MIDDLE,
            domain=LifeDomain.WORK_SCHOOL,
            support_types={SupportType.PRACTICAL},
        ),
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


# --- the lists -----------------------------------------------------------------------------


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
    tabs = window.people.view.tabs
    assert [tabs.tabText(i) for i in range(tabs.count())] == ["People", "Groups and communities"]


def test_lists_the_example_network(
    qtbot: Any, demo_store: Any, clock: Callable[[], datetime]
) -> None:
    window = _window(qtbot, demo_store, clock)
    counts = demo_store.counts()
    assert window.people_proxy.rowCount() == counts.people > 0
    assert window.groups_proxy.rowCount() == counts.groups > 0
    assert window.status_label.text() == counts_text(counts.people, counts.groups)
    assert not window.people.view.people_list.showing_message
    assert len(window.network.view.map.nodes()) == counts.people + counts.groups


def test_search_filters_as_you_type_ignoring_case(
    qtbot: Any, store: Any, clock: Callable[[], datetime]
) -> None:
    _hand_made(store)
    window = _shown(qtbot, _window(qtbot, store, clock))
    window.show_page(Page.PEOPLE)
    view = window.people.view
    qtbot.keyClicks(window.search_field, "SAM")
    assert _names(window) == ["Sam Rivera"]
    assert window.groups_proxy.rowCount() == 0
    assert view.groups_list.showing_message
    assert "There is a match under “People”." in view.groups_list.more.text()
    window.search_field.clear()
    qtbot.keyClicks(window.search_field, "climb")  # a tag
    assert _names(window) == ["Sam Rivera"]
    window.search_field.clear()
    qtbot.keyClicks(window.search_field, "zzz")
    assert window.people_proxy.rowCount() == 0
    assert view.people_list.showing_message
    assert view.people_list.message.text() == "No one here matches “zzz”."
    assert view.people_list.clear_button.isVisibleTo(view)
    qtbot.keyClick(window.search_field, Qt.Key.Key_Escape)
    assert window.search_field.text() == ""
    assert len(_names(window)) == 3
    assert not view.people_list.showing_message


def test_filters_by_circle_part_of_life_and_support(
    qtbot: Any, store: Any, clock: Callable[[], datetime]
) -> None:
    _hand_made(store)
    window = _window(qtbot, store, clock)
    view = window.people.view
    assert view.circle_filter.currentText() == "Any circle"
    assert view.domain_filter.currentText() == "Any part of life"
    assert view.support_filter.currentText() == "Any kind of support"

    view.circle_filter.setCurrentIndex(view.circle_filter.findData(Circle.INNER.value))
    assert _names(window) == ["Sam Rivera"]
    assert window.groups_proxy.rowCount() == 0  # the group is in the outer circle
    view.circle_filter.setCurrentIndex(0)

    view.domain_filter.setCurrentIndex(view.domain_filter.findData(LifeDomain.WORK_SCHOOL.value))
    assert _names(window) == ["Bo Chen"]
    view.domain_filter.setCurrentIndex(0)

    crisis = view.support_filter.findData(SupportType.CRISIS.value)
    assert view.support_filter.itemText(crisis) == "Okay in a crisis"
    view.support_filter.setCurrentIndex(crisis)
    assert _names(window) == ["Sam Rivera"]
    # Filters combine.
    view.circle_filter.setCurrentIndex(view.circle_filter.findData(Circle.OUTER.value))
    assert _names(window) == []
    assert view.people_list.message.text() == "No one here matches these filters."
    view.people_list.clear_button.click()
    assert len(_names(window)) == 3
    assert view.support_filter.currentIndex() == 0


def test_sorting_by_a_header(qtbot: Any, store: Any, clock: Callable[[], datetime]) -> None:
    ids = _hand_made(store)
    store.checkins.add(CheckIn(at=clock() - timedelta(days=40), person_id=ids["Sam Rivera"]))
    store.checkins.add(CheckIn(at=clock() - timedelta(days=2), person_id=ids["Bo Chen"]))
    window = _window(qtbot, store, clock)
    table = window.people.view.people_table
    table.sortByColumn(PeopleTableModel.COL_CIRCLE, Qt.SortOrder.AscendingOrder)
    assert _names(window) == ["Sam Rivera", "Bo Chen", "ana lima"]  # inner, middle, outer
    table.sortByColumn(PeopleTableModel.COL_LAST_CONTACT, Qt.SortOrder.DescendingOrder)
    assert _names(window) == ["Bo Chen", "Sam Rivera", "ana lima"]  # most recent first
    table.sortByColumn(PeopleTableModel.COL_NAME, Qt.SortOrder.DescendingOrder)
    assert _names(window) == ["Sam Rivera", "Bo Chen", "ana lima"]


def test_clicking_a_header_sorts(qtbot: Any, store: Any, clock: Callable[[], datetime]) -> None:
    _hand_made(store)
    window = _window(qtbot, store, clock)
    window.resize(1100, 700)
    _shown(qtbot, window)
    window.show_page(Page.PEOPLE)
    header = window.people.view.people_table.horizontalHeader()
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
    view = window.people.view
    assert view.people_list.showing_message
    assert view.people_list.message.text() == EMPTY_PEOPLE
    assert not view.people_list.clear_button.isVisibleTo(view)
    assert view.groups_list.showing_message
    assert window.status_label.text() == "0 people · 0 groups"
    assert not window.search_field.isEnabled()
    network = window.network.view
    assert network.map_area.currentWidget() is not network.map
    # No notes about gaps in a network that has nobody in it yet.
    assert not network.side.isVisibleTo(network)
    assert not network.export_button.isVisibleTo(network)
    store.people.add(Person("Sam Rivera"))
    window.signals.people_changed.emit()
    qtbot.waitUntil(lambda: window.status_label.text() == "1 person · 0 groups")
    assert not view.people_list.showing_message
    assert window.search_field.isEnabled()
    assert network.map_area.currentWidget() is network.map
    assert network.side.isVisibleTo(network)


def test_selecting_a_row_names_it_and_enables_edit_and_delete(
    qtbot: Any, store: Any, clock: Callable[[], datetime]
) -> None:
    _hand_made(store)
    window = _window(qtbot, store, clock)
    window.show_page(Page.PEOPLE)
    view = window.people.view
    assert not view.edit_button.isEnabled()
    assert not window.edit_action.isEnabled()
    assert not window.delete_action.isEnabled()
    view.people_table.selectRow(1)
    assert view.selection_label.text() == "Selected: Bo Chen"
    assert view.edit_button.isEnabled()
    assert window.edit_action.isEnabled()
    assert window.delete_action.isEnabled()


# --- the shell -----------------------------------------------------------------------------


def test_sidebar_lists_only_the_pages_that_exist(
    qtbot: Any, store: Any, clock: Callable[[], datetime]
) -> None:
    window = _window(qtbot, store, clock)
    sidebar = window.sidebar
    assert [sidebar.item(i).text() for i in range(sidebar.count())] == [
        "Today",
        "Agenda",
        "Network",
        "People",
        "Safety plan",
        "Care team",
        "Insights",
    ]
    sidebar.setCurrentRow(3)
    assert window.current_page is Page.PEOPLE
    assert window.pages.currentWidget() is window.people.view
    assert window.page_actions[Page.PEOPLE].isChecked()


def test_ctrl_1_to_4_switch_pages(qtbot: Any, store: Any, clock: Callable[[], datetime]) -> None:
    window = _shown(qtbot, _window(qtbot, store, clock))
    assert window.current_page is Page.TODAY
    qtbot.keyClick(window, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page is Page.PEOPLE
    assert window.sidebar.currentRow() == 3
    qtbot.keyClick(window, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page is Page.NETWORK
    assert window.sidebar.currentRow() == 2
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page is Page.AGENDA
    assert window.sidebar.currentRow() == 1
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page is Page.TODAY
    assert window.sidebar.currentRow() == 0


def test_ctrl_f_goes_to_the_search(qtbot: Any, store: Any, clock: Callable[[], datetime]) -> None:
    _hand_made(store)
    window = _shown(qtbot, _window(qtbot, store, clock))
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.current_page is Page.PEOPLE
    qtbot.waitUntil(window.search_field.hasFocus)


def test_menus_carry_every_action_with_its_shortcut(
    qtbot: Any, store: Any, clock: Callable[[], datetime], monkeypatch: pytest.MonkeyPatch
) -> None:
    window = _window(qtbot, store, clock)
    menus = {a.text().replace("&", ""): a.menu() for a in window.menuBar().actions()}
    assert list(menus) == ["File", "Edit", "Reach out", "View", "Help"]

    def keys(action: Any) -> list[str]:
        return [s.toString(QKeySequence.SequenceFormat.PortableText) for s in action.shortcuts()]

    assert keys(window.new_person_action) == ["Ctrl+N"]
    assert keys(window.new_group_action) == ["Ctrl+Shift+N"]
    assert keys(window.find_action) == ["Ctrl+F"]
    assert keys(window.undo_action) == ["Ctrl+Z"]
    assert keys(window.redo_action) == ["Ctrl+Shift+Z", "Ctrl+Y"]
    assert keys(window.quit_action) == ["Ctrl+Q"]
    assert keys(window.edit_action) == ["F2"]
    assert keys(window.delete_action) == ["Del"]
    assert keys(window.page_actions[Page.TODAY]) == ["Ctrl+1"]
    assert keys(window.page_actions[Page.AGENDA]) == ["Ctrl+2"]
    assert keys(window.page_actions[Page.NETWORK]) == ["Ctrl+3"]
    assert keys(window.page_actions[Page.PEOPLE]) == ["Ctrl+4"]
    assert keys(window.plans_action) == ["Ctrl+P"]
    assert keys(window.history_action) == ["Ctrl+H"]
    assert keys(window.log_action) == ["Ctrl+L"]
    assert keys(window.they_action) == ["Ctrl+Shift+L"]
    assert keys(window.zoom_in_action)[0] == "Ctrl++"
    assert keys(window.zoom_out_action) == ["Ctrl+-"]
    assert keys(window.fit_action) == ["Ctrl+0"]
    in_menus = {a for m in menus.values() for a in m.actions() if not a.isSeparator()}
    for action in window.actions():
        assert action in in_menus, action.text()
    # With nothing to undo or select these wait; everything else is ready.
    waiting = {
        window.undo_action,
        window.redo_action,
        window.edit_action,
        window.plans_action,
        window.history_action,
        window.delete_action,
    }
    assert {a for a in in_menus if not a.isEnabled()} == waiting

    shown: list[tuple[Any, ...]] = []
    monkeypatch.setattr(dialogs, "show_about", lambda *args: shown.append(args))
    window.about_action.trigger()
    assert shown == [(window, "0.1.0", "/data/here", "the system keyring")]

    _shown(qtbot, window)
    window.quit_action.trigger()
    assert not window.isVisible()


def test_zoom_actions_show_the_map_and_zoom(
    qtbot: Any, demo_store: Any, clock: Callable[[], datetime]
) -> None:
    window = _window(qtbot, demo_store, clock)
    window.resize(1100, 700)
    _shown(qtbot, window)
    window.show_page(Page.PEOPLE)
    the_map = window.network.view.map
    before = the_map.zoom_factor()
    window.zoom_in_action.trigger()
    assert window.current_page is Page.NETWORK
    assert the_map.zoom_factor() > before
    window.zoom_out_action.trigger()
    window.zoom_out_action.trigger()
    assert the_map.zoom_factor() < before
    window.fit_action.trigger()
    assert the_map.zoom_factor() == pytest.approx(1.0, abs=0.02)


def test_geometry_and_last_page_are_remembered_in_the_data_folder(
    qtbot: Any, store: Any, clock: Callable[[], datetime]
) -> None:
    state_file = store.data_dir / UI_STATE_NAME
    first = _window(qtbot, store, clock, UiState.for_data_dir(store.data_dir))
    # Smaller than the offscreen screen (800×600), which restoring clamps to.
    first.resize(760, 540)
    _shown(qtbot, first)
    first.show_page(Page.PEOPLE)
    first.people.view.tabs.setCurrentIndex(1)
    first.close()
    assert state_file.is_file()
    assert stat.S_IMODE(state_file.stat().st_mode) == 0o600

    second = _window(qtbot, store, clock, UiState.for_data_dir(store.data_dir))
    _shown(qtbot, second)
    assert (second.width(), second.height()) == (760, 540)
    assert second.current_page is Page.PEOPLE
    assert second.sidebar.currentRow() == 3
    assert second.people.view.tabs.currentIndex() == 1


def test_a_damaged_state_file_is_ignored(
    qtbot: Any, store: Any, clock: Callable[[], datetime]
) -> None:
    (store.data_dir / UI_STATE_NAME).write_text("[window]\ngeometry=nonsense\npage=42\n")
    window = _window(qtbot, store, clock, UiState.for_data_dir(store.data_dir))
    assert window.current_page is Page.TODAY
    assert window.width() > 600


def test_status_confirmations_fade(qtbot: Any, store: Any, clock: Callable[[], datetime]) -> None:
    window = _shown(qtbot, _window(qtbot, store, clock))
    window.note._hold.setInterval(20)
    window.note.fade.setDuration(20)
    window.show_note("Saved")
    assert window.note.text() == "Saved"
    assert window.note.accessibleDescription() == "Saved"
    qtbot.waitUntil(lambda: window.note.text() == "", timeout=2000)


def test_the_palette_can_change_under_the_window(
    qtbot: Any, demo_store: Any, clock: Callable[[], datetime]
) -> None:
    from PySide6.QtGui import QColor, QPalette

    window = _shown(qtbot, _window(qtbot, demo_store, clock))
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before = app.palette()
    dark = QPalette(before)
    dark.setColor(QPalette.ColorRole.Window, QColor("#202124"))
    dark.setColor(QPalette.ColorRole.WindowText, QColor("#e8eaed"))
    try:
        app.setPalette(dark)
        QApplication.processEvents()
        assert window.palette().color(QPalette.ColorRole.Window) == QColor("#202124")
        assert window.sidebar.palette().color(QPalette.ColorRole.WindowText) == QColor("#e8eaed")
        assert not window.grab().isNull()
    finally:
        app.setPalette(before)


def test_renders_the_example_network(
    qtbot: Any, demo_store: Any, clock: Callable[[], datetime], tmp_path: Path
) -> None:
    window = _window(qtbot, demo_store, clock)
    window.resize(1280, 800)
    _shown(qtbot, window)
    for page in Page:
        window.show_page(page)
        out = tmp_path / f"main-window-{page.value}.png"
        assert window.grab().save(str(out))
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
    model = window.people.people_model
    row = model.row_of(ids["Sam Rivera"])
    assert row is not None
    assert model.index(row, PeopleTableModel.COL_LAST_CONTACT).data(DISPLAY) == "yesterday"
    node = next(n for n in window.network.nodes if n.key == ("person", ids["Sam Rivera"]))
    assert node.last_contact_text == "yesterday"


# --- keyboard and screen readers -----------------------------------------------------------


def _focusable(top: QWidget) -> list[QWidget]:
    return [
        w
        for w in top.findChildren(QWidget)
        if w.focusPolicy() != Qt.FocusPolicy.NoFocus
        and not isinstance(w, QLabel)
        and w.window() is top
    ]


def test_every_control_has_an_accessible_name(
    qtbot: Any, demo_store: Any, clock: Callable[[], datetime]
) -> None:
    from supportnet.ui.people.group_editor import GroupEditor
    from supportnet.ui.people.person_editor import PersonEditor
    from supportnet.ui.start.crash_dialog import CrashDialog
    from supportnet.ui.start.welcome import WelcomeDialog

    window = _window(qtbot, demo_store, clock)
    window.build_all_pages()
    person = demo_store.people.list_all()[0]
    group = demo_store.groups.list_all()[0]
    tops: list[QWidget] = [
        window,
        PersonEditor(person, lambda p: p),
        PersonEditor(None, lambda p: p),
        GroupEditor(group, lambda g: g),
        CrashDialog("Traceback (most recent call last):\nValueError: x"),
        WelcomeDialog(),
    ]
    for top in tops:
        qtbot.addWidget(top)
        controls = _focusable(top)
        assert controls
        unnamed = [
            f"{type(w).__name__} under {type(w.parentWidget()).__name__}"
            for w in controls
            if not w.accessibleName()
        ]
        assert unnamed == [], top


def _tab_until(qtbot: Any, window: MainWindow, target: QWidget, limit: int = 40) -> list[str]:
    """Press Tab until ``target`` has the focus; returns the names passed on the way."""
    passed = []
    for _ in range(limit):
        focused = QApplication.focusWidget()
        if focused is target:
            return passed
        assert focused is not None
        passed.append(focused.accessibleName())
        qtbot.keyClick(focused, Qt.Key.Key_Tab)
    pytest.fail(f"Tab never reached {target.accessibleName()}; passed {passed}")


def test_the_keyboard_reaches_the_sidebar_search_filters_and_list(
    qtbot: Any, demo_store: Any, clock: Callable[[], datetime]
) -> None:
    window = _shown(qtbot, _window(qtbot, demo_store, clock))
    window.show_page(Page.PEOPLE)
    view = window.people.view
    window.sidebar.setFocus()
    qtbot.waitUntil(window.sidebar.hasFocus)
    passed = _tab_until(qtbot, window, view.search_field)
    # The "Hard day?" button sits beneath the page list, so Tab visits it next.
    assert passed == ["Pages", "Hard day?"]
    for target in (
        view.circle_filter,
        view.domain_filter,
        view.support_filter,
        view.people_table,
    ):
        _tab_until(qtbot, window, target, limit=6)
    # In the list, the arrow keys choose and Enter opens the editor.
    qtbot.keyClick(view.people_table, Qt.Key.Key_Down)
    assert window.people.selected() is not None
    qtbot.keyClick(view.people_table, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.editor is not None)
    assert window.editor is not None
    assert window.editor.windowTitle().startswith("Edit ")
    window.editor.reject()


def test_plans_and_history_open_for_the_selected_person(
    qtbot: Any, demo_store: Any, clock: Callable[[], datetime]
) -> None:
    window = _shown(qtbot, _window(qtbot, demo_store, clock))
    window.show_page(Page.PEOPLE)
    mum = demo_store.people.find("Margaret Hughes")[0]
    window.people.select("person", mum.id)
    assert window.plans_action.isEnabled()
    window.plans_action.trigger()
    dialog = window.findChild(PlansAndHistoryDialog)
    assert dialog is not None
    assert dialog.isVisible()
    again = window.open_plans("person", mum.id, tab=PlansAndHistoryDialog.HISTORY_TAB)
    assert again is dialog  # brought to the front, not opened twice
    dialog.close()


def test_the_sidebar_is_worked_with_the_arrow_keys(
    qtbot: Any, store: Any, clock: Callable[[], datetime]
) -> None:
    window = _shown(qtbot, _window(qtbot, store, clock))
    window.sidebar.setFocus()
    qtbot.keyClick(window.sidebar, Qt.Key.Key_Down)
    assert window.current_page is Page.AGENDA
    qtbot.keyClick(window.sidebar, Qt.Key.Key_Down)
    assert window.current_page is Page.NETWORK
    qtbot.keyClick(window.sidebar, Qt.Key.Key_Up)
    assert window.current_page is Page.AGENDA


def test_about_text_says_where_data_and_key_live() -> None:
    text = dialogs.about_text("0.1.0", "/home/sam/.local/share/SupportNet", "system keyring")
    assert "/home/sam/.local/share/SupportNet" in text
    assert "system keyring" in text
    assert "!" not in text


def test_only_today_is_built_before_the_first_paint(
    qtbot: Any, demo_store: Any, clock: Callable[[], datetime]
) -> None:
    window = _window(qtbot, demo_store, clock)
    assert [p for p in Page if window.is_built(p)] == [Page.TODAY]
    # The status line counts the network without the People page.
    people, groups = demo_store.people.count(), demo_store.groups.count()
    assert window.status_label.text() == counts_text(people, groups)
    # A change while they wait builds nothing; the page shows it when it is built.
    demo_store.people.add(Person(name="Noor Haddad"))
    window.signals.people_changed.emit()
    window.refresh()
    assert not window.is_built(Page.PEOPLE)
    assert window.status_label.text() == counts_text(people + 1, groups)
    assert "Noor Haddad" in _names(window)
    assert window.is_built(Page.PEOPLE)


def test_showing_a_page_builds_it_in_its_place(
    qtbot: Any, demo_store: Any, clock: Callable[[], datetime]
) -> None:
    window = _window(qtbot, demo_store, clock)
    window.show_page(Page.NETWORK)
    assert window.is_built(Page.NETWORK)
    assert window.pages.currentWidget() is window.network.view
    assert window.sidebar.currentRow() == window.shown_pages.index(Page.NETWORK)
    assert window.pages.count() == len(Page)
    # Building another page in the background leaves the one on screen where it is.
    window.agenda  # noqa: B018 - the property builds it
    assert window.pages.currentWidget() is window.network.view
    assert window.pages.widget(window.shown_pages.index(Page.AGENDA)) is window.agenda.view


def test_the_other_pages_are_built_soon_after_the_window_appears(
    qtbot: Any, demo_store: Any, clock: Callable[[], datetime]
) -> None:
    window = _shown(qtbot, _window(qtbot, demo_store, clock))
    assert window.current_page is Page.TODAY
    later = [p for p in Page if p is not Page.INSIGHTS]
    qtbot.waitUntil(lambda: all(window.is_built(p) for p in later), timeout=5000)
    # Insights waits to be shown: it loads matplotlib, which nothing else needs.
    assert not window.is_built(Page.INSIGHTS)
    assert window.current_page is Page.TODAY
    assert window.pages.currentWidget() is window.today.view
    for index, page in enumerate(window.shown_pages):
        assert window.pages.widget(index).accessibleName(), page
    assert [type(window.pages.widget(i)).__name__ for i in range(window.pages.count() - 1)] == [
        type(window.today.view).__name__,
        type(window.agenda.view).__name__,
        type(window.network.view).__name__,
        type(window.people.view).__name__,
        type(window.safety_plan.view).__name__,
        type(window.care_team.view).__name__,
    ]


def test_a_window_closed_before_its_pages_are_built_goes_quietly(
    qtbot: Any, demo_store: Any, clock: Callable[[], datetime]
) -> None:
    from supportnet.ui.shell.sidebar import BUILD_LATER_AFTER_MS

    window = MainWindow(Services.of(demo_store), data_location="/d", key_location="k", clock=clock)
    with qtbot.waitExposed(window):
        window.show()
    window.close()
    window.deleteLater()
    with qtbot.waitSignal(window.destroyed, timeout=5000):
        pass
    # The queued build finds no window and does nothing (pytest-qt fails on any error).
    qtbot.wait(BUILD_LATER_AFTER_MS + 200)
