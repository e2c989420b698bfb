"""The check-in history: newest first in the user's zone, a form to change one, undoable delete."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QDateTime, Qt, QTimeZone
from PySide6.QtGui import QUndoStack

from supportnet.model.checkins import CheckIn, Initiator, mood_word
from supportnet.model.network import ChannelKind, Person
from supportnet.services import Services
from supportnet.ui.plans.checkin_editor import CheckInEditor
from supportnet.ui.plans.history import HistoryController, HistoryModel
from supportnet.ui.plans.history_text import mood_text
from supportnet.ui.shell.signals import AppSignals
from supportnet.ui.undo.commands import UndoContext
from supportnet.ui.widgets import dialogs
from tests.ui.conftest import ZONE
from tests.ui.plans.test_plan_editor import assert_keyboard_ready

LONDON = ZoneInfo(ZONE)


@pytest.fixture(autouse=True)
def _close_freely(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(dialogs, "confirm_discard", lambda *_a: True)


class Env:
    def __init__(self, store: Any) -> None:
        self.store = store
        self.signals = AppSignals()
        self.stack = QUndoStack()
        self.errors: list[str] = []
        self.ctx = UndoContext(Services.of(store), self.signals, self.errors.append)


@pytest.fixture
def env(store: Any) -> Env:
    return Env(store)


@pytest.fixture
def sam(store: Any) -> Person:
    return store.people.add(Person("Sam Rivera", nickname="Sam"))


def _log(store: Any, person: Person, at: datetime, **kw: Any) -> CheckIn:
    return store.checkins.add(CheckIn(at=at, person_id=person.id, **kw))


def _history(
    qtbot: Any, env: Env, clock: Callable[[], datetime], person: Person
) -> HistoryController:
    history = HistoryController(
        Services.of(env.store),
        clock,
        env.signals,
        env.stack,
        env.ctx,
        kind="person",
        target_id=person.id,
        user_zone=ZONE,
    )
    qtbot.addWidget(history.view)
    history.view.show()
    return history


def _row(history: HistoryController, row: int) -> list[str]:
    model = history.model
    return [model.data(model.index(row, col)) for col in range(model.columnCount())]


def test_newest_first_in_the_users_zone_with_moods_in_words(
    qtbot: Any, env: Env, clock: Callable[[], datetime], sam: Person
) -> None:
    _log(
        env.store,
        sam,
        datetime(2025, 6, 10, 17, 5, tzinfo=UTC),
        channel=ChannelKind.CALL,
        initiator=Initiator.THEM,
        note="Talked about the weekend.\nFelt lighter after.",
        mood_before=2,
        mood_after=4,
    )
    _log(env.store, sam, datetime(2024, 12, 30, 9, 0, tzinfo=UTC), mood_after=3)
    _log(env.store, sam, datetime(2025, 6, 14, 22, 30, tzinfo=UTC), channel=ChannelKind.TEXT)
    history = _history(qtbot, env, clock, sam)
    assert history.view.heading.text() == "Check-ins with Sam"
    assert history.model.rowCount() == 3
    # 22:30 UTC on the 14th is 23:30 on Saturday in London (summer time).
    assert _row(history, 0) == ["Sat 14 Jun, 23:30", "Text message", "I did", "", ""]
    assert _row(history, 1) == [
        "Tue 10 Jun, 18:05",
        "Phone call",
        "They did",
        "Low → Good",
        "Talked about the weekend. Felt lighter after.",
    ]
    # Another year shows its year; winter is GMT.
    assert _row(history, 2) == ["Mon 30 Dec 2024, 09:00", "", "I did", "After: Okay", ""]
    assert mood_text(5, None) == "Before: Very good"
    # Words, never the scale's numbers.
    assert not any(ch.isdigit() for ch in mood_text(1, 5))
    assert mood_word(3) == "Okay"
    assert mood_word(None) == ""
    assert HistoryModel.HEADERS[2] == "Who reached out"


def test_an_empty_history_says_so_kindly(
    qtbot: Any, env: Env, clock: Callable[[], datetime], sam: Person
) -> None:
    history = _history(qtbot, env, clock, sam)
    assert history.view.stack.currentWidget() is not history.view.table
    assert history.view.empty.text() == "Nothing logged with Sam yet."
    assert not history.view.edit_button.isEnabled()
    assert not history.view.delete_button.isEnabled()
    assert history.delete_selected() is False


def test_change_a_check_in_then_undo_and_redo(
    qtbot: Any, env: Env, clock: Callable[[], datetime], sam: Person
) -> None:
    at = datetime(2025, 6, 10, 17, 5, 42, tzinfo=UTC)
    original = _log(env.store, sam, at, channel=ChannelKind.CALL, note="Quick chat")
    history = _history(qtbot, env, clock, sam)
    assert history.select_uid(original.uid)
    editor = history.edit_selected()
    assert isinstance(editor, CheckInEditor)
    qtbot.addWidget(editor)
    assert editor.windowTitle() == "Check-in with Sam"
    assert editor.build() == original  # the seconds it can't show are kept
    editor.channel_combo.setCurrentIndex(editor.channel_combo.findData("video"))
    editor.them_radio.setChecked(True)
    editor.mood_before_combo.setCurrentIndex(editor.mood_before_combo.findData(2))
    editor.mood_after_combo.setCurrentIndex(editor.mood_after_combo.findData(4))
    editor.note_field.setPlainText("Long chat, actually.")
    # Thursday 12 June, 19:15 in London.
    editor.when_field.setDateTime(
        QDateTime.fromSecsSinceEpoch(
            int(datetime(2025, 6, 12, 19, 15, tzinfo=LONDON).timestamp()),
            QTimeZone(ZONE.encode()),
        )
    )
    with qtbot.waitSignal(env.signals.checkins_changed):
        qtbot.mouseClick(editor.save_button, Qt.MouseButton.LeftButton)
    assert not editor.isVisible()
    changed = env.store.checkins.get(original.id)
    assert changed.at == datetime(2025, 6, 12, 18, 15, tzinfo=UTC)
    assert (changed.channel, changed.initiator) == (ChannelKind.VIDEO, Initiator.THEM)
    assert (changed.mood_before, changed.mood_after, changed.note) == (
        2,
        4,
        "Long chat, actually.",
    )
    assert env.stack.undoText() == "edit the check-in of Tue 10 Jun"
    assert _row(history, 0)[0] == "Thu 12 Jun, 19:15"

    with qtbot.waitSignal(env.signals.checkins_changed):
        env.stack.undo()
    back = env.store.checkins.get(original.id)
    assert back == original
    assert _row(history, 0)[:2] == ["Tue 10 Jun, 18:05", "Phone call"]
    env.stack.redo()
    assert env.store.checkins.get(original.id).note == "Long chat, actually."
    assert env.errors == []


def test_the_form_checks_as_you_type_and_keeps_what_was_typed(
    qtbot: Any, env: Env, clock: Callable[[], datetime], sam: Person
) -> None:
    original = _log(env.store, sam, datetime(2025, 6, 10, 17, 5, tzinfo=UTC))
    history = _history(qtbot, env, clock, sam)
    history.select_uid(original.uid)
    editor = history.edit_selected()
    assert editor is not None
    qtbot.addWidget(editor)
    editor.note_field.setPlainText("A bell \x07 in the note")
    editor.check_now()
    message = editor.messages["note"]
    assert message.isVisible()
    assert message.text() == "There's an invisible control character in the note."
    assert editor.note_field.accessibleDescription() == message.text()
    assert not editor.save_button.isEnabled()
    assert editor.save_hint.text() == "Check the note to save"
    editor.save()
    assert editor.isVisible()
    assert editor.note_field.toPlainText() == "A bell \x07 in the note"
    assert env.store.checkins.get(original.id).note == ""
    editor.note_field.setPlainText("A bell in the note")
    editor.check_now()
    assert editor.save_button.isEnabled()
    assert not message.isVisible()
    assert assert_keyboard_ready(editor) >= 8


def test_delete_then_undo_brings_back_the_same_check_in_and_redo_removes_it(
    qtbot: Any, env: Env, clock: Callable[[], datetime], sam: Person
) -> None:
    first = _log(env.store, sam, datetime(2025, 6, 1, 10, 0, tzinfo=UTC), note="One")
    second = _log(
        env.store,
        sam,
        datetime(2025, 6, 8, 10, 0, tzinfo=UTC),
        note="Two",
        mood_before=1,
        mood_after=3,
        channel=ChannelKind.IN_PERSON,
    )
    history = _history(qtbot, env, clock, sam)
    history.select_uid(second.uid)
    history.view.table.setFocus()
    with qtbot.waitSignal(env.signals.checkins_changed):
        qtbot.mouseClick(history.view.delete_button, Qt.MouseButton.LeftButton)
    assert [c.uid for c in env.store.checkins.for_person(sam.id)] == [first.uid]
    assert history.view.note.label.text() == "Deleted the check-in of Sun 8 Jun."
    assert history.view.note.undo_button.isVisible()
    assert history.selected() is not None
    assert history.selected().uid == first.uid

    # The Undo button beside the note brings it back: same uid, same everything.
    with qtbot.waitSignal(env.signals.checkins_changed):
        qtbot.mouseClick(history.view.note.undo_button, Qt.MouseButton.LeftButton)
    [newest, oldest] = env.store.checkins.for_person(sam.id)
    assert oldest.uid == first.uid
    assert newest.uid == second.uid
    restored = dict(vars_of(newest), id=None)
    assert restored == dict(vars_of(second), id=None)
    assert history.view.note.label.text() == "Undone: delete the check-in of Sun 8 Jun"
    env.stack.redo()
    assert [c.uid for c in env.store.checkins.for_person(sam.id)] == [first.uid]
    env.stack.undo()
    assert len(env.store.checkins.for_person(sam.id)) == 2
    assert env.errors == []


def test_an_earlier_edit_still_undoes_after_a_delete_and_its_undo(
    qtbot: Any, env: Env, clock: Callable[[], datetime], sam: Person
) -> None:
    """Undo finds a check-in by its uid, so a new id after a delete and undo doesn't matter."""
    original = _log(env.store, sam, datetime(2025, 6, 1, 10, 0, tzinfo=UTC), note="Before")
    history = _history(qtbot, env, clock, sam)
    history.select_uid(original.uid)
    editor = history.edit_selected()
    assert editor is not None
    qtbot.addWidget(editor)
    editor.note_field.setPlainText("After")
    editor.save()
    history.select_uid(original.uid)
    assert history.delete_selected()
    env.stack.undo()  # the delete
    env.stack.undo()  # the edit
    [back] = env.store.checkins.for_person(sam.id)
    assert (back.uid, back.note) == (original.uid, "Before")
    env.stack.redo()
    env.stack.redo()
    assert env.store.checkins.for_person(sam.id) == []
    assert env.errors == []


def test_an_undo_that_can_no_longer_work_is_reported_plainly(
    qtbot: Any, env: Env, clock: Callable[[], datetime], sam: Person
) -> None:
    original = _log(env.store, sam, datetime(2025, 6, 1, 10, 0, tzinfo=UTC), note="Before")
    history = _history(qtbot, env, clock, sam)
    history.select_uid(original.uid)
    editor = history.edit_selected()
    assert editor is not None
    qtbot.addWidget(editor)
    editor.note_field.setPlainText("After")
    editor.save()
    env.store.checkins.delete(original.id)  # gone behind the history's back
    env.stack.undo()
    assert env.errors == ["That check-in no longer exists."]
    assert history.model.rowCount() == 0


def test_the_demo_history_and_the_keyboard(
    qtbot: Any, demo_store: Any, clock: Callable[[], datetime]
) -> None:
    env = Env(demo_store)
    mum = next(p for p in demo_store.people.list_all() if p.nickname == "Mum")
    history = _history(qtbot, env, clock, mum)
    rows = history.model.rowCount()
    assert rows == len(demo_store.checkins.for_person(mum.id)) > 10
    times = [history.model.checkin_at(r).at for r in range(rows)]
    assert times == sorted(times, reverse=True)
    assert assert_keyboard_ready(history.view) >= 3
    # Del on the list deletes the selected check-in; Ctrl+Z (the stack) brings it back.
    history.view.table.selectRow(0)
    history.view.table.setFocus()
    history.view.activateWindow()
    qtbot.waitUntil(history.view.table.hasFocus)
    qtbot.keyClick(history.view.table, Qt.Key.Key_Delete)
    assert history.model.rowCount() == rows - 1
    env.stack.undo()
    assert history.model.rowCount() == rows


def vars_of(checkin: CheckIn) -> dict[str, Any]:
    return {name: getattr(checkin, name) for name in CheckIn.__slots__}
