"""The Undo beside a note in the plans and history window: a failed undo is not "Undone"."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack

from supportnet.model.checkins import CheckIn
from supportnet.model.network import Person
from supportnet.model.plans import Plan, PlanKind
from supportnet.services import Services
from supportnet.ui.plans.history import HistoryController
from supportnet.ui.plans.panel import PlansPanelController
from supportnet.ui.shell.signals import AppSignals
from supportnet.ui.undo.commands import UndoContext
from supportnet.ui.widgets import dialogs
from tests.data.small_disk import free_pages, pages_capped
from tests.ui.conftest import ZONE

NOTE = "We walked by the river and talked about the garden. " * 360  # about 19,000


class Env:
    def __init__(self, store: Any) -> None:
        self.store = store
        self.signals = AppSignals()
        self.stack = QUndoStack()
        self.errors: list[str] = []
        # As in the main window: the context knows the stack, so a retry stays possible.
        self.ctx = UndoContext(Services.of(store), self.signals, self.errors.append, self.stack)

    def controller(self, cls: Any, person: Person, clock: Callable[[], datetime]) -> Any:
        return cls(
            Services.of(self.store),
            clock,
            self.signals,
            self.stack,
            self.ctx,
            kind="person",
            target_id=person.id,
            user_zone=ZONE,
        )


@pytest.fixture
def env(store: Any) -> Env:
    return Env(store)


def _use_up_free_pages(store: Any) -> None:
    n = 0
    while free_pages(store):
        n += 1
        store.people.add(Person(name=f"Filler {n}", notes=NOTE[:15_000]))


def test_an_undo_that_fails_for_lack_of_space_keeps_the_undo_button(
    qtbot: Any, env: Env, clock: Callable[[], datetime]
) -> None:
    sam = env.store.people.add(Person("Sam Rivera"))
    env.store.checkins.add(
        CheckIn(at=datetime(2025, 6, 8, 10, tzinfo=UTC), person_id=sam.id, note=NOTE)
    )
    history = env.controller(HistoryController, sam, clock)
    qtbot.addWidget(history.view)
    history.view.show()
    history.view.table.selectRow(0)
    history.view.delete_button.click()
    note = history.view.note
    deleted = note.label.text()
    assert deleted.startswith("Deleted the check-in")
    _use_up_free_pages(env.store)

    with pages_capped(env.store):
        qtbot.mouseClick(note.undo_button, Qt.MouseButton.LeftButton)
        assert len(env.errors) == 1
        assert "disk is full" in env.errors[0]
        assert note.label.text() == deleted, "nothing was undone, so it doesn't say so"
        assert note.undo_button.isVisible()
        qtbot.waitUntil(lambda: env.stack.index() == 1)  # the delete still stands
        assert env.store.checkins.for_person(sam.id) == []

    qtbot.mouseClick(note.undo_button, Qt.MouseButton.LeftButton)  # room again
    assert len(env.store.checkins.for_person(sam.id)) == 1
    assert note.label.text().startswith("Undone: delete the check-in")
    assert not note.undo_button.isVisible()
    assert len(env.errors) == 1


def test_an_undo_that_can_never_work_drops_the_button_and_says_nothing_was_undone(
    qtbot: Any, env: Env, clock: Callable[[], datetime], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(dialogs, "confirm", lambda *_a, **_k: True)
    sam = env.store.people.add(Person("Sam Rivera"))
    env.store.plans.add(Plan(kind=PlanKind.ONE_OFF, start_date=date(2025, 6, 1), person_id=sam.id))
    plans = env.controller(PlansPanelController, sam, clock)
    qtbot.addWidget(plans.view)
    plans.view.show()
    plans.refresh()
    plans.view.table.selectRow(0)
    assert plans.delete_selected()
    note = plans.view.note
    deleted = note.label.text()
    assert note.undo_button.isVisible()
    env.store.people.delete(sam.id)  # meanwhile, from another window

    qtbot.mouseClick(note.undo_button, Qt.MouseButton.LeftButton)
    assert len(env.errors) == 1
    assert note.label.text() == deleted
    assert not note.undo_button.isVisible()
    assert env.stack.count() == 0
