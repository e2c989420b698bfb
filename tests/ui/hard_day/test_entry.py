"""Reaching the "Hard day?" panel: the sidebar button and the shortcut from every page,
the Help menu, the tray; and the window without a crisis setting of its own."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon, QKeySequence, QPixmap
from PySide6.QtWidgets import QApplication, QWidget

from supportnet.services import Services
from supportnet.ui.hard_day.entry import HARD_DAY_KEYS
from supportnet.ui.hard_day.panel import HardDayPanel
from supportnet.ui.shell.main_window import MainWindow
from supportnet.ui.shell.reminders import ReminderService

#: More Tabs than any page has controls: reaching the button must not depend on luck.
MOST_TABS = 400


def _tab_to(qtbot: Any, window: MainWindow, target: QWidget) -> int:
    """Press Tab (as a person would, wherever the focus is) until ``target`` has the focus."""
    for presses in range(MOST_TABS):
        if QApplication.focusWidget() is target:
            return presses
        qtbot.keyClick(QApplication.focusWidget() or window, Qt.Key.Key_Tab)
    raise AssertionError(f"Tab never reached {target.accessibleName()}")


def _panel(window: MainWindow) -> HardDayPanel:
    panel = window.hard_day.panel
    assert panel is not None, "the panel did not open"
    assert panel.isVisible()
    return panel


def _close(qtbot: Any, window: MainWindow) -> None:
    panel = _panel(window)
    qtbot.keyClick(panel, Qt.Key.Key_Escape)
    assert window.hard_day.panel is None
    assert not panel.isVisible()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)


@pytest.mark.parametrize("key", [Qt.Key.Key_Space, Qt.Key.Key_Return])
def test_tab_and_a_key_reach_the_panel_from_every_page(
    qtbot: Any, demo_store: Any, make_window: Callable[[Any], MainWindow], key: Qt.Key
) -> None:
    window = make_window(demo_store)
    window.build_all_pages()
    pages = window.shown_pages
    assert len(pages) >= 4
    for number, page in enumerate(pages, start=1):
        # To the page with the keyboard too (Ctrl+1 … in sidebar order).
        qtbot.keyClick(window, Qt.Key(Qt.Key.Key_0 + number), Qt.KeyboardModifier.ControlModifier)
        assert window.current_page is page
        assert window.hard_day_button.isVisible()
        _tab_to(qtbot, window, window.hard_day_button)
        qtbot.keyClick(window.hard_day_button, key)
        _panel(window)
        _close(qtbot, window)


def test_the_shortcut_reaches_the_panel_from_every_page(
    qtbot: Any, demo_store: Any, make_window: Callable[[Any], MainWindow]
) -> None:
    window = make_window(demo_store)
    window.build_all_pages()
    for page in window.shown_pages:
        window.show_page(page)
        target = QApplication.focusWidget() or window
        qtbot.keyClick(
            target,
            Qt.Key.Key_H,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
        )
        _panel(window)
        _close(qtbot, window)


def test_the_shortcut_again_raises_the_open_panel_instead_of_a_second(
    qtbot: Any, store: Any, make_window: Callable[[Any], MainWindow]
) -> None:
    window = make_window(store)
    window.hard_day_action.trigger()
    first = _panel(window)
    window.hard_day_action.trigger()
    assert window.hard_day.panel is first
    assert (
        len(
            [
                w
                for w in QApplication.topLevelWidgets()
                if isinstance(w, HardDayPanel) and w.isVisible()
            ]
        )
        == 1
    )


def test_the_button_says_what_it_does_and_its_shortcut(
    store: Any, make_window: Callable[[Any], MainWindow]
) -> None:
    window = make_window(store)
    button = window.hard_day_button
    assert button.text() == "Hard day?"
    assert button.accessibleName() == "Hard day?"
    assert button.accessibleDescription()
    assert HARD_DAY_KEYS in button.toolTip()
    assert button.focusPolicy() & Qt.FocusPolicy.TabFocus
    # Beneath the page list, in the same column.
    assert (
        button.mapTo(window, button.rect().topLeft()).y()
        > window.sidebar.mapTo(window, window.sidebar.rect().topLeft()).y()
    )
    assert (
        abs(
            button.mapTo(window, button.rect().center()).x()
            - window.sidebar.mapTo(window, window.sidebar.rect().center()).x()
        )
        <= 2
    )


def test_the_help_menu_has_it_with_a_shortcut_of_its_own(
    store: Any, make_window: Callable[[Any], MainWindow]
) -> None:
    window = make_window(store)
    action = window.hard_day_action
    keys = QKeySequence(HARD_DAY_KEYS)
    assert action.shortcut() == keys
    assert action.shortcutContext() is Qt.ShortcutContext.ApplicationShortcut
    help_menu = next(
        a.menu() for a in window.menuBar().actions() if a.text().replace("&", "") == "Help"
    )
    assert action in help_menu.actions()
    assert action.text().replace("&", "").startswith("Hard day? Help now")
    # Nothing else answers to it, and F1 is not taken from Help.
    others = [a for a in window.findChildren(type(action)) if a is not action]
    assert all(keys not in a.shortcuts() for a in others)
    assert QKeySequence("F1") not in action.shortcuts()


def test_the_plan_button_asks_the_window_for_the_plan(
    qtbot: Any, store: Any, make_window: Callable[[Any], MainWindow]
) -> None:
    window = make_window(store)
    panel = window.open_hard_day()
    with qtbot.waitSignal(panel.plan_requested):
        panel.plan_button.click()
    assert not panel.isVisible()
    # The plan's page comes from elsewhere; without it, nothing else changes.
    window.show_safety_plan()
    assert window.isVisible()


def test_the_tray_menu_opens_the_panel(
    qtbot: Any, store: Any, make_window: Callable[[Any], MainWindow]
) -> None:
    window = make_window(store)
    pixmap = QPixmap(16, 16)
    pixmap.fill(Qt.GlobalColor.transparent)
    service = ReminderService(
        Services.of(store), tray_available=lambda: True, icon=QIcon(pixmap), parent=window
    )
    service.attach_window(window)
    assert service.menu is not None
    assert service.hard_day_action in service.menu.actions()
    assert service.hard_day_action.text() == window.hard_day_action.text()
    window.hide()
    service.hard_day_action.trigger()
    assert _panel(window).isVisible()


def test_a_bare_window_has_the_entry_too(qtbot: Any, store: Any, clock: Any) -> None:
    window = MainWindow(Services.of(store), data_location="/d", key_location="k", clock=clock)
    qtbot.addWidget(window)
    window.show()
    panel = window.open_hard_day()
    assert panel.lines.help.guidance


def test_the_panel_is_made_ready_soon_after_the_window_shows(
    qtbot: Any, store: Any, clock: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    from supportnet.ui.hard_day import entry

    # As in a fresh process; the module the other tests use is put back afterwards.
    monkeypatch.delitem(sys.modules, "supportnet.ui.hard_day.panel")
    window = MainWindow(Services.of(store), data_location="/d", key_location="k", clock=clock)
    qtbot.addWidget(window)
    window.show()
    # Building and showing the window loads none of it (checked before any event runs: on
    # a loaded machine, waiting for the window to be exposed can outlast WARM_AFTER_MS).
    assert "supportnet.ui.hard_day.panel" not in sys.modules
    qtbot.waitUntil(
        lambda: "supportnet.ui.hard_day.panel" in sys.modules, timeout=entry.WARM_AFTER_MS * 3
    )
    assert window.hard_day.panel is None  # made ready, not shown
