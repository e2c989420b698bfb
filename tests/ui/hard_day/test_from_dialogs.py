"""Ctrl+Shift+H from SupportNet's other windows, modal ones included."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from supportnet.ui.shell.main_window import MainWindow

CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier


def test_the_shortcut_works_from_a_modal_editor(
    qtbot: Any, store: Any, make_window: Callable[[Any], MainWindow]
) -> None:
    window = make_window(store)
    editor = window.new_person()
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is editor)
    editor.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is editor)
    qtbot.keyClick(QApplication.focusWidget() or editor, Qt.Key.Key_H, CTRL_SHIFT)
    panel = window.hard_day.panel
    assert panel is not None
    assert panel.isVisible()
    # Not blocked by the editor: it takes the keyboard, and Esc closes it, not the editor.
    panel.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is panel)
    qtbot.keyClick(panel, Qt.Key.Key_Escape)
    assert not panel.isVisible()
    assert editor.isVisible()
    editor.reject()


def test_the_shortcut_works_from_a_non_modal_window(
    qtbot: Any, demo_store: Any, make_window: Callable[[Any], MainWindow]
) -> None:
    window = make_window(demo_store)
    someone = demo_store.people.list_all()[0]
    plans = window.open_plans("person", someone.id)
    plans.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is plans)
    qtbot.keyClick(QApplication.focusWidget() or plans, Qt.Key.Key_H, CTRL_SHIFT)
    panel = window.hard_day.panel
    assert panel is not None
    assert panel.isVisible()


def test_the_panel_opens_again_after_the_dialog_it_was_over_has_gone(
    qtbot: Any, store: Any, make_window: Callable[[Any], MainWindow]
) -> None:
    window = make_window(store)
    editor = window.new_person()
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is editor)
    over_editor = window.open_hard_day()
    assert over_editor.parentWidget() is editor
    editor.reject()
    editor.deleteLater()
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
    QApplication.processEvents()
    again = window.open_hard_day()
    assert again.isVisible()
    assert again.parentWidget() is window


def test_a_window_closed_for_good_stops_watching_the_app(
    qtbot: Any, store: Any, make_window: Callable[[Any], MainWindow]
) -> None:
    from PySide6.QtCore import QEvent, QObject

    window = make_window(store)
    qtbot.waitUntil(window.isVisible)
    opener = window.hard_day
    opener._watch_dialogs()  # as after the first paint (idempotent if it already came)
    seen: list[QEvent.Type] = []
    watch = opener.eventFilter

    def counted(watched: QObject, event: QEvent) -> bool:
        seen.append(event.type())
        return watch(watched, event)

    opener.eventFilter = counted  # type: ignore[method-assign]
    other = QObject()
    QApplication.sendEvent(other, QEvent(QEvent.Type.User))
    assert seen  # it watches every object's events while the window is open
    window.close()
    seen.clear()
    QApplication.sendEvent(other, QEvent(QEvent.Type.User))
    opener._watch_dialogs()  # a first paint arriving late doesn't start it again
    QApplication.sendEvent(other, QEvent(QEvent.Type.User))
    assert seen == []
