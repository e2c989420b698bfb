"""A full disk during a change, an undo or a redo: a calm message, and stack and store agree.

The disk is "full" through SQLite's page cap (tests/data/small_disk.py): the real
SQLITE_FULL, on any machine.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from supportnet.model.errors import DiskFullError
from supportnet.model.network import Person
from supportnet.model.targets import PERSON
from supportnet.services import Services
from supportnet.ui.shell.background import Background
from supportnet.ui.shell.main_window import MainWindow
from supportnet.ui.undo.commands import AddCommand, DeleteCommand, EditCommand
from tests.data.small_disk import free_pages, pages_capped

NOTES = "We walked by the river and talked about the garden. " * 280  # about 15,000


def _window(qtbot: Any, store: Any, clock: Callable[[], datetime]) -> MainWindow:
    window = MainWindow(Services.of(store), data_location="/d", key_location="k", clock=clock)
    qtbot.addWidget(window)
    with qtbot.waitExposed(window):
        window.show()
    return window


def _names(store: Any) -> list[str]:
    return [p.name for p in store.people.list_all()]


def _use_up_free_pages(store: Any) -> None:
    """Fill the pages a delete freed, so bringing someone back needs new ones."""
    n = 0
    while free_pages(store):
        n += 1
        store.people.add(Person(name=f"Filler {n}", notes=NOTES))


def test_a_change_that_fails_for_lack_of_space_pushes_nothing(
    qtbot: Any, store: Any, clock: Callable[[], datetime], errors: list[str]
) -> None:
    window = _window(qtbot, store, clock)
    ctx, stack = window.undo_context, window.undo_stack
    stack.push(AddCommand.perform(ctx, Person(name="Sam")))
    sam = store.people.list_all()[0]
    with pages_capped(store), pytest.raises(DiskFullError):
        EditCommand.perform(ctx, sam, Person(name="Sam", notes=NOTES, id=sam.id, uid=sam.uid))
    assert (stack.count(), stack.index(), stack.undoText()) == (1, 1, "add Sam")
    assert store.people.get(sam.id).notes == ""


def test_an_undo_that_fails_for_lack_of_space_can_be_tried_again(
    qtbot: Any, store: Any, clock: Callable[[], datetime], errors: list[str]
) -> None:
    window = _window(qtbot, store, clock)
    ctx, stack = window.undo_context, window.undo_stack
    stack.push(AddCommand.perform(ctx, Person(name="Sam", notes=NOTES)))
    sam = store.people.list_all()[0]
    stack.push(DeleteCommand.perform(ctx, PERSON, sam.id, "Sam"))
    _use_up_free_pages(store)

    with pages_capped(store):
        window.undo()
        assert len(errors) == 1
        assert "disk is full" in errors[0]
        # The delete still stands, so the stack steps back to "done" with it.
        qtbot.waitUntil(lambda: stack.index() == 2)
        assert (stack.count(), stack.undoText()) == (2, "delete Sam")
        assert "Sam" not in _names(store)

    window.undo()  # room again: the same undo now brings Sam back, notes and all
    assert store.people.get(sam.id).notes == NOTES.strip()
    assert (stack.index(), stack.redoText()) == (1, "delete Sam")
    assert len(errors) == 1


def test_a_redo_that_fails_for_lack_of_space_can_be_tried_again(
    qtbot: Any, store: Any, clock: Callable[[], datetime], errors: list[str]
) -> None:
    window = _window(qtbot, store, clock)
    ctx, stack = window.undo_context, window.undo_stack
    stack.push(AddCommand.perform(ctx, Person(name="Sam", notes=NOTES)))
    window.undo()
    assert "Sam" not in _names(store)
    _use_up_free_pages(store)

    with pages_capped(store):
        window.redo()
        assert len(errors) == 1
        assert "disk is full" in errors[0]
        qtbot.waitUntil(lambda: stack.index() == 0)
        assert (stack.count(), stack.redoText()) == (1, "add Sam")
        assert "Sam" not in _names(store)

    window.redo()
    assert "Sam" in _names(store)
    assert stack.index() == 1


def test_a_background_job_leaves_no_read_connection_open(qtbot: Any, store: Any) -> None:
    background = Background()
    before = store.db.open_connections
    done: list[int] = []
    for _ in range(3):
        background.run(
            lambda: store.db.execute("SELECT count(*) FROM people")[0][0],
            done.append,
            lambda exc: pytest.fail(str(exc)),
        )
    qtbot.waitUntil(lambda: len(done) == 3)
    assert background.wait(5000)
    QApplication.processEvents()
    assert store.db.open_connections == before
