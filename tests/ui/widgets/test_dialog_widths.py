"""One default width per kind of dialog: the editors open alike, so do the small questions,
so do the big pickers and exports (ui/widgets/dialogs.DialogWidth)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QWidget

from supportnet.services import Services
from supportnet.ui.widgets.dialogs import DialogWidth, dialog_width
from tools.screenshots import TODAY, care_dialogs


@pytest.fixture
def store_template(demo_store_folders: Callable[[date, str], Path]) -> Path:
    """Every store here holds the example network: a copy of one made once a session."""
    return demo_store_folders(TODAY, "Europe/London")


@pytest.fixture
def demo(store: Any) -> Any:
    """The demo network on the pictures' day, where the care team's dialogs open."""
    return store


def _opened(qtbot: Any, dialog: QWidget) -> QWidget:
    qtbot.addWidget(dialog)
    dialog.show()
    QApplication.processEvents()
    return dialog


def _at_least(qtbot: Any, dialog: QWidget, kind: DialogWidth) -> None:
    """Open at ``kind``'s width; wider only when its fields can't be narrower."""
    _opened(qtbot, dialog)
    width = dialog_width(dialog, kind)
    assert dialog.width() == max(width, dialog.minimumSizeHint().width()), type(dialog).__name__


def test_the_kinds_grow_from_small_to_big() -> None:
    assert DialogWidth.SMALL.value < DialogWidth.EDITOR.value < DialogWidth.BIG.value


def test_every_editor_opens_at_the_editors_width(qtbot: Any, demo: Any) -> None:
    from supportnet.ui.people.group_editor import GroupEditor
    from supportnet.ui.people.person_editor import PersonEditor

    services = Services.of(demo)
    person = demo.people.list_all()[0]
    group = demo.groups.list_all()[0]
    dialogs = dict(care_dialogs(services))
    for editor in (
        PersonEditor(person, lambda p: p),
        GroupEditor(group, lambda g: g),
        dialogs["care-team-editor"],
        dialogs["care-team-checkin-editor"],
    ):
        _at_least(qtbot, editor, DialogWidth.EDITOR)


def test_the_small_questions_open_at_the_small_width(qtbot: Any, demo: Any) -> None:
    dialogs = dict(care_dialogs(Services.of(demo)))
    widths = set()
    for name in ("care-team-swap", "care-team-done"):
        _at_least(qtbot, dialogs[name], DialogWidth.SMALL)
        widths.add(dialogs[name].width())
    assert len(widths) == 1


def test_the_help_windows_open_at_least_at_their_kinds_width(qtbot: Any) -> None:
    """Keyboard shortcuts is a big list to read; Getting started reads like an editor's form."""
    from supportnet.ui.help.getting_started import GettingStartedDialog, PageLine
    from supportnet.ui.help.shortcuts import Group, Row
    from supportnet.ui.help.shortcuts_dialog import ShortcutsDialog

    shortcuts = _opened(qtbot, ShortcutsDialog([Group("File menu", [Row("Save", "Ctrl+S")])]))
    started = _opened(
        qtbot,
        GettingStartedDialog(
            [PageLine("Today", "Who to reach")],
            hard_day=("Hard day?", "F9", "help"),
            shortcuts_keys="",
        ),
    )
    for dialog, kind in ((shortcuts, DialogWidth.BIG), (started, DialogWidth.EDITOR)):
        width = dialog_width(dialog, kind)
        assert dialog.minimumWidth() == width, type(dialog).__name__
        assert dialog.width() >= width, type(dialog).__name__
