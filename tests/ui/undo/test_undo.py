"""Adding, editing, deleting and moving through the real window and editors, with undo."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from supportnet.model.network import Circle, Group, GroupKind, LifeDomain, Person
from supportnet.services import Services
from supportnet.ui.people.person_editor import PersonEditor
from supportnet.ui.shell.main_window import MainWindow, Page
from supportnet.ui.widgets import dialogs


@pytest.fixture
def confirms(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """Every question ui/dialogs.confirm asked, answered "yes"."""
    asked: list[tuple[str, str]] = []

    def confirm(_parent: Any, title: str, question: str, **_kw: Any) -> bool:
        asked.append((title, question))
        return True

    monkeypatch.setattr(dialogs, "confirm", confirm)
    return asked


def _window(qtbot: Any, store: Any, clock: Callable[[], datetime]) -> MainWindow:
    window = MainWindow(Services.of(store), data_location="/d", key_location="k", clock=clock)
    qtbot.addWidget(window)
    with qtbot.waitExposed(window):
        window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window


def _names(store: Any) -> list[str]:
    return [p.name for p in store.people.list_all()]


def _by_name(store: Any, name: str) -> Person:
    return next(p for p in store.people.list_all() if p.name == name)


def _settled(qtbot: Any, window: MainWindow) -> None:
    """Let the refresh queued by the change signals run."""
    qtbot.waitUntil(lambda: not window._refresh_timer.isActive())


# --- people --------------------------------------------------------------------------------


def test_add_a_person_then_undo_and_redo(
    qtbot: Any, store: Any, clock: Callable[[], datetime]
) -> None:
    window = _window(qtbot, store, clock)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    editor = window.editor
    assert isinstance(editor, PersonEditor)
    qtbot.keyClicks(editor.name_field, "Sam Rivera")
    editor.circle_combo.set_value(Circle.INNER)
    qtbot.waitUntil(editor.save_button.isEnabled)
    editor.save_button.click()
    assert not editor.isVisible()
    [sam] = store.people.list_all()
    assert (sam.name, sam.circle) == ("Sam Rivera", Circle.INNER)
    assert window.note.text() == "Added Sam Rivera"
    _settled(qtbot, window)
    assert window.people_proxy.rowCount() == 1
    assert window.undo_action.text() == "&Undo add Sam Rivera"

    window.undo()
    assert _names(store) == []
    assert window.note.text() == "Undone: add Sam Rivera"
    _settled(qtbot, window)
    assert window.people_proxy.rowCount() == 0
    assert window.redo_action.text() == "&Redo add Sam Rivera"

    window.redo()
    [again] = store.people.list_all()
    assert (again.id, again.uid) == (sam.id, sam.uid)
    assert window.note.text() == "Redone: add Sam Rivera"


def test_edit_a_person_then_undo_and_redo(
    qtbot: Any, store: Any, clock: Callable[[], datetime]
) -> None:
    sam = store.people.add(Person("Sam Rivera", circle=Circle.MIDDLE, notes="Met at uni."))
    window = _window(qtbot, store, clock)
    window.show_page(Page.PEOPLE)
    window.people.view.people_table.selectRow(0)
    qtbot.keyClick(window, Qt.Key.Key_F2)
    editor = window.editor
    assert isinstance(editor, PersonEditor)
    editor.name_field.setText("Sam R.")
    editor.notes_field.setPlainText("Met at uni. Loves climbing.")
    editor.save_button.click()
    changed = store.people.get(sam.id)
    assert (changed.name, changed.notes) == ("Sam R.", "Met at uni. Loves climbing.")
    assert window.note.text() == "Saved"

    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    back = store.people.get(sam.id)
    assert (back.name, back.notes) == ("Sam Rivera", "Met at uni.")
    assert window.note.text() == "Undone: edit Sam Rivera"

    qtbot.keyClick(window, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert store.people.get(sam.id).name == "Sam R."
    assert window.note.text() == "Redone: edit Sam Rivera"
    modifiers = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    window.undo()
    qtbot.keyClick(window, Qt.Key.Key_Z, modifiers)
    assert store.people.get(sam.id).name == "Sam R."


def test_saving_without_changes_adds_nothing_to_undo(
    qtbot: Any, store: Any, clock: Callable[[], datetime]
) -> None:
    sam = store.people.add(Person("Sam Rivera"))
    window = _window(qtbot, store, clock)
    editor = window.edit("person", sam.id)
    assert editor is not None
    editor.save_button.click()
    assert not window.undo_stack.canUndo()


def test_delete_a_person_with_their_history_then_undo_brings_it_all_back(
    qtbot: Any, demo_store: Any, clock: Callable[[], datetime], confirms: list[Any]
) -> None:
    store = demo_store
    person = max(store.people.list_all(), key=lambda p: store.people.dependents(p.id))
    plans, checkins = store.people.dependents(person.id)
    assert plans >= 1
    assert checkins >= 2
    plan_ids = sorted(p.id for p in store.plans.for_person(person.id))
    checkin_uids = sorted(c.uid for c in store.checkins.for_person(person.id))
    window = _window(qtbot, store, clock)
    window.show_page(Page.PEOPLE)
    assert window.people.select("person", person.id)
    qtbot.keyClick(window.people.view.people_table, Qt.Key.Key_Delete)

    plan_words = "plan" if plans == 1 else f"{plans} plans"
    assert confirms == [
        (
            "Delete from your network",
            f"Delete {person.name}? Their {plan_words} and {checkins} check-ins will be "
            "deleted too. You can undo this.",
        )
    ]
    assert person.name not in _names(store)
    assert store.plans.for_person(person.id) == []
    assert store.checkins.for_person(person.id) == []
    assert window.note.text().startswith(f"Deleted {person.name}")
    _settled(qtbot, window)
    assert ("person", person.id) not in {n.key for n in window.network.nodes}

    window.undo()
    back = store.people.get(person.id)
    assert back == person
    assert sorted(p.id for p in store.plans.for_person(person.id)) == plan_ids
    assert sorted(c.uid for c in store.checkins.for_person(person.id)) == checkin_uids
    assert window.note.text() == f"Undone: delete {person.name}"
    _settled(qtbot, window)
    assert ("person", person.id) in {n.key for n in window.network.nodes}

    window.redo()
    assert person.name not in _names(store)
    assert store.checkins.for_person(person.id) == []


def test_saying_no_to_delete_keeps_everyone(
    qtbot: Any, store: Any, clock: Callable[[], datetime], monkeypatch: pytest.MonkeyPatch
) -> None:
    sam = store.people.add(Person("Sam Rivera"))
    monkeypatch.setattr(dialogs, "confirm", lambda *_a, **_k: False)
    window = _window(qtbot, store, clock)
    assert not window.delete("person", sam.id)
    assert _names(store) == ["Sam Rivera"]
    assert not window.undo_stack.canUndo()


def test_delete_question_without_history() -> None:
    assert dialogs.delete_question("Sam", 0, 0) == "Delete Sam? You can undo this."
    assert dialogs.delete_question("Sam", 1, 1) == (
        "Delete Sam? Their plan and check-in will be deleted too. You can undo this."
    )
    assert dialogs.delete_question("Walkers", 2, 37, group=True) == (
        "Delete Walkers? Its 2 plans and 37 check-ins will be deleted too. You can undo this."
    )


def test_undo_of_something_gone_elsewhere_says_so_and_moves_on(
    qtbot: Any, store: Any, clock: Callable[[], datetime], errors: list[str]
) -> None:
    sam = store.people.add(Person("Sam Rivera"))
    window = _window(qtbot, store, clock)
    editor = window.edit("person", sam.id)
    assert editor is not None
    editor.name_field.setText("Sam R.")
    editor.save_button.click()
    store.people.delete(sam.id)  # as if from the command line
    window.undo()
    assert errors == ["That person is no longer in your network."]
    assert not window.undo_stack.canUndo()
    assert window.note.text() != "Undone: edit Sam Rivera"


# --- groups --------------------------------------------------------------------------------


def test_add_edit_and_delete_a_group_each_undone_and_redone(
    qtbot: Any, store: Any, clock: Callable[[], datetime], confirms: list[Any]
) -> None:
    window = _window(qtbot, store, clock)
    modifiers = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    qtbot.keyClick(window, Qt.Key.Key_N, modifiers)
    editor = window.editor
    assert editor is not None
    assert editor.windowTitle() == "New group"
    qtbot.keyClicks(editor.name_field, "Riverside walkers")
    editor.kind_combo.set_value(GroupKind.CLUB)
    qtbot.keyClicks(editor.schedule_field, "Saturdays 10:00")
    qtbot.waitUntil(editor.save_button.isEnabled)
    editor.save_button.click()
    [group] = store.groups.list_all()
    assert (group.name, group.kind, group.meeting_schedule) == (
        "Riverside walkers",
        GroupKind.CLUB,
        "Saturdays 10:00",
    )
    window.undo()
    assert store.groups.list_all() == []
    window.redo()
    assert store.groups.get(group.id).uid == group.uid

    editor = window.edit("group", group.id)
    assert editor is not None
    editor.place_field.setText("The old bridge")
    editor.save_button.click()
    assert store.groups.get(group.id).place == "The old bridge"
    window.undo()
    assert store.groups.get(group.id).place == ""
    window.redo()
    assert store.groups.get(group.id).place == "The old bridge"

    assert window.delete("group", group.id)
    assert confirms[-1][1] == "Delete Riverside walkers? You can undo this."
    assert store.groups.list_all() == []
    assert window.note.text().startswith("Deleted Riverside walkers")
    window.undo()
    assert store.groups.get(group.id).place == "The old bridge"
    window.redo()
    assert store.groups.list_all() == []


def test_deleting_a_group_from_the_list(
    qtbot: Any, demo_store: Any, clock: Callable[[], datetime], confirms: list[Any]
) -> None:
    group = demo_store.groups.list_all()[0]
    plans, checkins = demo_store.groups.dependents(group.id)
    window = _window(qtbot, demo_store, clock)
    window.show_page(Page.PEOPLE)
    assert window.people.select("group", group.id)
    assert window.people.view.tabs.currentIndex() == 1
    window.people.view.delete_button.click()
    assert confirms[0][1] == dialogs.delete_question(group.name, plans, checkins, group=True)
    assert group.id not in [g.id for g in demo_store.groups.list_all()]
    window.undo()
    assert demo_store.groups.dependents(group.id) == (plans, checkins)


# --- moving on the map ---------------------------------------------------------------------


def test_moving_a_node_on_the_map_changes_the_circle_and_undo_restores_it(
    qtbot: Any, store: Any, clock: Callable[[], datetime]
) -> None:
    sam = store.people.add(Person("Sam Rivera", circle=Circle.OUTER, domain=LifeDomain.FRIENDS))
    window = _window(qtbot, store, clock)
    the_map = window.network.view.map
    the_map.node_moved.emit("person", sam.id, Circle.INNER.value, LifeDomain.FRIENDS.value)
    moved = store.people.get(sam.id)
    assert (moved.circle, moved.domain) == (Circle.INNER, LifeDomain.FRIENDS)
    assert window.note.text() == "Moved Sam Rivera to the inner circle"
    _settled(qtbot, window)
    [node] = the_map.nodes()
    assert node.circle is Circle.INNER

    window.undo()
    assert store.people.get(sam.id).circle is Circle.OUTER
    assert window.note.text() == "Undone: move Sam Rivera to the inner circle"
    _settled(qtbot, window)
    assert the_map.nodes()[0].circle is Circle.OUTER

    window.redo()
    assert store.people.get(sam.id).circle is Circle.INNER


def test_moving_with_the_keyboard_to_another_part_of_life(
    qtbot: Any, store: Any, clock: Callable[[], datetime]
) -> None:
    group = store.groups.add(Group("Walkers", circle=Circle.MIDDLE))
    window = _window(qtbot, store, clock)
    the_map = window.network.view.map
    the_map.focus_node(("group", group.id))
    assert the_map.move_focused(ring_step=0, sector_step=1)
    moved = store.groups.get(group.id)
    assert moved.circle is Circle.MIDDLE
    assert moved.domain != group.domain
    assert window.note.text() == f"Moved Walkers to {moved.domain.label}"
    window.undo()
    assert store.groups.get(group.id).domain == group.domain


def test_dropping_a_node_where_it_already_is_changes_nothing(
    qtbot: Any, store: Any, clock: Callable[[], datetime]
) -> None:
    sam = store.people.add(Person("Sam Rivera", circle=Circle.OUTER))
    window = _window(qtbot, store, clock)
    window.move_node("person", sam.id, Circle.OUTER, sam.domain)
    assert not window.undo_stack.canUndo()


def test_activating_a_node_opens_its_editor(
    qtbot: Any, store: Any, clock: Callable[[], datetime]
) -> None:
    sam = store.people.add(Person("Sam Rivera"))
    window = _window(qtbot, store, clock)
    window.network.view.map.node_activated.emit("person", sam.id)
    assert window.editor is not None
    assert window.editor.windowTitle() == "Edit Sam Rivera"
    # A second request while it is open doesn't stack another editor on top.
    first = window.editor
    window.network.view.map.node_activated.emit("person", sam.id)
    assert window.editor is first
    first.reject()
    assert window.editor is None


def test_edit_and_delete_work_on_the_person_focused_on_the_map(
    qtbot: Any, store: Any, clock: Callable[[], datetime], confirms: list[Any]
) -> None:
    sam = store.people.add(Person("Sam Rivera"))
    window = _window(qtbot, store, clock)
    window.show_page(Page.NETWORK)
    assert not window.edit_action.isEnabled()
    window.network.view.map.focus_node(("person", sam.id))
    assert window.edit_action.isEnabled()
    window.edit_action.trigger()
    assert window.editor is not None
    window.editor.reject()
    window.delete_action.trigger()
    assert _names(store) == []


# --- check-ins and postponements -------------------------------------------------------------


def _plan_context(store: Any) -> tuple[Any, Any, list[str]]:
    from PySide6.QtGui import QUndoStack

    from supportnet.ui.shell.signals import AppSignals
    from supportnet.ui.undo.commands import UndoContext

    shown: list[str] = []
    return UndoContext(Services.of(store), AppSignals(), shown.append), QUndoStack(), shown


def _sam_with_a_postponed_plan(store: Any) -> tuple[Person, Any]:
    from datetime import date

    from supportnet.model.plans import Cadence, Plan, PlanKind
    from supportnet.scheduling import Postponement

    sam = store.people.add(Person("Sam Rivera"))
    plan = store.plans.add(
        Plan(
            kind=PlanKind.FLEXIBLE,
            start_date=date(2026, 11, 1),
            person_id=sam.id,
            cadence=Cadence(7, 21),
        )
    )
    store.postponements.postpone(Postponement(plan.id, date(2026, 11, 30)))
    return sam, plan


def test_undoing_a_check_in_that_fails_half_way_keeps_it_and_its_cleared_postponements(
    qtbot: Any, store: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from datetime import UTC

    from supportnet.data import plan_bundles
    from supportnet.data.repositories.postponements import PostponementsRepository
    from supportnet.model.checkins import CheckIn
    from supportnet.model.errors import SupportNetError
    from supportnet.ui.undo.commands import CheckInCommand

    ctx, stack, shown = _plan_context(store)
    sam, plan = _sam_with_a_postponed_plan(store)
    at = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)
    stack.push(
        CheckInCommand.perform(ctx, CheckIn(at=at, person_id=sam.id, plan_id=plan.id), "Sam")
    )
    assert store.postponements.count() == 0
    assert len(store.checkins.for_person(sam.id)) == 1

    # Putting the postponements back, after the check-in is taken out, fails.
    def full(*_args: Any, **_kwargs: Any) -> None:
        raise SupportNetError("The disk is full; nothing was changed.")

    monkeypatch.setattr(plan_bundles, "replace_postponements", full)
    monkeypatch.setattr(PostponementsRepository, "postpone", full)
    stack.undo()
    assert shown == ["The disk is full; nothing was changed."]
    assert len(store.checkins.for_person(sam.id)) == 1  # the undo left no half behind
    assert store.postponements.count() == 0
    assert stack.count() == 0  # and the stack no longer offers it
