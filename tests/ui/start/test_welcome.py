"""The first-run choice dialog."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt

from supportnet.ui.start.welcome import (
    EMPTY_TITLE,
    EXAMPLE_TITLE,
    StartChoice,
    WelcomeDialog,
)


def _dialog(qtbot: Any) -> WelcomeDialog:
    dialog = WelcomeDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_example_button_chooses_the_example(qtbot: Any) -> None:
    dialog = _dialog(qtbot)
    assert dialog.example_button.accessibleName() == EXAMPLE_TITLE
    assert dialog.example_button.accessibleDescription()
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.example_button, Qt.MouseButton.LeftButton)
    assert dialog.choice is StartChoice.EXAMPLE


def test_empty_button_chooses_empty(qtbot: Any) -> None:
    dialog = _dialog(qtbot)
    assert dialog.empty_button.accessibleName() == EMPTY_TITLE
    with qtbot.waitSignal(dialog.accepted):
        # A click on the button's words still counts as a click on the button.
        label = dialog.empty_button.title_label
        qtbot.mouseClick(
            dialog.empty_button, Qt.MouseButton.LeftButton, pos=label.geometry().center()
        )
    assert dialog.choice is StartChoice.EMPTY


def test_keyboard_reaches_both_choices(qtbot: Any) -> None:
    dialog = _dialog(qtbot)
    with qtbot.waitActive(dialog):
        dialog.activateWindow()
    # The example is where the keyboard starts; Tab moves to "Start empty".
    assert dialog.example_button.hasFocus()
    qtbot.keyClick(dialog.example_button, Qt.Key.Key_Tab)
    assert dialog.empty_button.hasFocus()
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(dialog.empty_button, Qt.Key.Key_Space)
    assert dialog.choice is StartChoice.EMPTY


def test_escape_means_start_empty(qtbot: Any) -> None:
    dialog = _dialog(qtbot)
    dialog.choice = StartChoice.EXAMPLE
    with qtbot.waitSignal(dialog.rejected):
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.choice is StartChoice.EMPTY
