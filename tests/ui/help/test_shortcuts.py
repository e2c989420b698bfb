"""Help ▸ Keyboard shortcuts: read from the window's own actions, opened by its key, closed
by Esc, and read by screen readers line by line."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QAction, QFont, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QMenu, QPushButton

from supportnet.ui.care.view import WEEK_KEYS
from supportnet.ui.help.shortcuts import plain, window_shortcuts
from supportnet.ui.help.shortcuts_dialog import ShortcutsDialog
from supportnet.ui.network.map_keys import MAP_KEYS
from supportnet.ui.safety.entries import LINE_KEYS
from supportnet.ui.shell.main_window import MainWindow
from supportnet.ui.widgets.page_keys import KeyList, PageKey, combo

NATIVE = QKeySequence.SequenceFormat.NativeText


def _open(window: MainWindow) -> ShortcutsDialog:
    return next(d for d in window.findChildren(ShortcutsDialog) if d.isVisible())


def _rows(window: MainWindow) -> list[tuple[str, str, str]]:
    dialog = window.show_shortcuts()
    rows = dialog.rows()
    dialog.close()
    return rows


def test_every_action_with_a_shortcut_is_listed_with_its_native_keys(window: MainWindow) -> None:
    window.build_all_pages()
    named = [a for a in window.findChildren(QAction) if a.shortcuts() and plain(a.text())]
    # The window's menus and the pages' own actions (the care team's week keys) are there.
    assert len(named) > 25
    assert any(a.parent() is not window for a in named)
    listed = {(what, keys) for _group, what, keys in _rows(window)}
    for action in named:
        keys = ", ".join(dict.fromkeys(k.toString(NATIVE) for k in action.shortcuts()))
        assert (plain(action.text()), keys) in listed, action.text()


def test_the_list_follows_the_actions_it_is_not_written_down(window: MainWindow) -> None:
    before = _rows(window)
    assert ("Edit menu", "Find", QKeySequence(QKeySequence.StandardKey.Find).toString(NATIVE)) in (
        before
    )
    # An action added to a menu appears; one taken out disappears.
    added = QAction("Water the plants…", window)
    added.setShortcut(QKeySequence("Ctrl+Shift+W"))
    window.view_menu.addAction(added)
    window.removeAction(window.find_action)
    for menu in window.findChildren(QMenu):
        menu.removeAction(window.find_action)
    window.find_action.setParent(None)
    after = _rows(window)
    assert ("View menu", "Water the plants", "Ctrl+Shift+W") in after
    assert not any(what == "Find" for _g, what, _k in after)
    # A changed key shows as changed.
    window.log_action.setShortcut(QKeySequence("Ctrl+Alt+L"))
    assert ("Reach out menu", "Log a check-in", "Ctrl+Alt+L") in _rows(window)


@pytest.mark.parametrize("declared", [MAP_KEYS, WEEK_KEYS, LINE_KEYS], ids=lambda k: k.heading)
def test_keys_a_page_handles_itself_come_from_its_declaration(
    window: MainWindow, declared: KeyList
) -> None:
    rows = _rows(window)  # opening builds every page, with the widgets that declare keys
    listed = [(what, keys) for group, what, keys in rows if group == declared.heading]
    assert listed == [(key.what, key.text()) for key in declared.keys]
    assert listed


def test_the_care_teams_week_keys_are_its_named_actions(window: MainWindow) -> None:
    rows = _rows(window)
    care = [(w, k) for g, w, k in rows if g == "On the Care team page"]
    assert care
    assert ("Previous week", "Alt+Left") in care
    assert ("Add check-in", QKeySequence(Qt.Key.Key_Insert).toString(NATIVE)) in care


def test_a_declared_key_is_what_its_handler_answers_to() -> None:
    ctrl = Qt.KeyboardModifier.ControlModifier
    shift = Qt.KeyboardModifier.ShiftModifier
    move = PageKey("Move", (combo(Qt.Key.Key_Up, ctrl),))
    nearest = PageKey("Nearest", (combo(Qt.Key.Key_Up),))
    tab = PageKey("Next", (combo(Qt.Key.Key_Tab), combo(Qt.Key.Key_Tab, shift)))
    zoom = PageKey("Zoom in", (combo(Qt.Key.Key_Plus),), (Qt.Key.Key_Equal,), ctrl_too=True)

    def press(key: Qt.Key, mods: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> Any:
        return QKeyEvent(QEvent.Type.KeyPress, key, mods)

    assert move.matches(press(Qt.Key.Key_Up, ctrl))
    assert not move.matches(press(Qt.Key.Key_Up))
    assert nearest.matches(press(Qt.Key.Key_Up))
    assert not nearest.matches(press(Qt.Key.Key_Up, ctrl))
    assert tab.matches(press(Qt.Key.Key_Backtab, shift))
    assert zoom.matches(press(Qt.Key.Key_Equal))
    assert zoom.matches(press(Qt.Key.Key_Plus, ctrl))
    assert not zoom.matches(press(Qt.Key.Key_Minus))
    assert move.text() == "Ctrl+Up"
    assert tab.text() == "Tab, Shift+Tab"


@pytest.mark.parametrize(
    ("key", "mods"),
    [
        (Qt.Key.Key_Question, Qt.KeyboardModifier.ControlModifier),
        (Qt.Key.Key_F1, Qt.KeyboardModifier.NoModifier),
    ],
)
def test_opened_by_its_key_and_closed_by_esc(
    qtbot: Any, window: MainWindow, key: Qt.Key, mods: Qt.KeyboardModifier
) -> None:
    assert QKeySequence("Ctrl+?") in window.shortcuts_action.shortcuts()
    qtbot.keyClick(window, key, mods)
    qtbot.waitUntil(lambda: any(d.isVisible() for d in window.findChildren(ShortcutsDialog)))
    dialog = _open(window)
    assert dialog.windowTitle() == "Keyboard shortcuts"
    # Pressed again, the same window comes up, not a second one.
    assert window.show_shortcuts() is dialog
    qtbot.keyClick(dialog.tree, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_the_help_key_clashes_with_no_other(window: MainWindow) -> None:
    taken: dict[str, str] = {}
    for action in window.findChildren(QAction):
        for key in action.shortcuts():
            text = key.toString()
            assert text not in taken, f"{text}: {taken.get(text)} and {action.text()}"
            taken[text] = action.text()
    assert "Ctrl+?" in taken


def test_screen_readers_hear_each_line_whole(window: MainWindow) -> None:
    dialog = window.show_shortcuts()
    tree = dialog.tree
    assert tree.accessibleName()
    assert tree.hasFocus() or tree.focusPolicy() != Qt.FocusPolicy.NoFocus
    heading = tree.topLevelItem(0)
    assert heading.data(0, Qt.ItemDataRole.AccessibleTextRole) == "File menu"
    first = heading.child(0)
    spoken = first.data(0, Qt.ItemDataRole.AccessibleTextRole)
    assert spoken == f"{first.text(0)}: {first.text(1)}"
    assert all(button.accessibleName() for button in dialog.findChildren(QPushButton))
    dialog.close()


def test_the_groups_follow_the_menu_bar(window: MainWindow) -> None:
    window.build_all_pages()
    titles = [group.title for group in window_shortcuts(window)]
    assert titles[:5] == ["File menu", "Edit menu", "Reach out menu", "View menu", "Help menu"]
    declared = {MAP_KEYS.heading, WEEK_KEYS.heading, LINE_KEYS.heading}
    assert declared <= set(titles[5:])


def test_it_grows_with_the_font_and_takes_the_palette(qtbot: Any, window: MainWindow) -> None:
    """Sizes come from the font, colours from the palette (no style sheet to freeze them)."""
    groups = window_shortcuts(window)
    small = ShortcutsDialog(groups)
    qtbot.addWidget(small)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    font = app.font()
    bigger = QFont(font)
    bigger.setPointSizeF(font.pointSizeF() * 1.5)
    app.setFont(bigger)
    try:
        large = ShortcutsDialog(groups)
        qtbot.addWidget(large)
    finally:
        app.setFont(font)
    # Wider with the font, unless the screen already holds it back (the offscreen one is small).
    screen = int(small.screen().availableGeometry().width() * 0.95)
    assert large.width() > small.width() or small.width() >= screen
    assert large.tree.header().sectionSize(0) > small.tree.header().sectionSize(0)
    assert not small.styleSheet()
    assert not small.tree.styleSheet()
