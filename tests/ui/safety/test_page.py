"""The plan page over a real store: adding, linking, reordering, the tick, a removed person."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QDialog

from supportnet.model.safety_plan import PlanEntry, Step
from supportnet.model.targets import GROUP, PERSON
from supportnet.safety.wording import NOT_IN_NETWORK, TELL_THEM_IDEA
from supportnet.ui.safety import dialogs as safety_dialogs
from supportnet.ui.safety.entries import drop_target
from tests.ui.safety.conftest import PageParts

DISPLAY = Qt.ItemDataRole.DisplayRole


def _texts(parts: PageParts, step: Step) -> list[str]:
    return [e.text for e in parts.services.safety_plan.read().entries(step)]


def _shown(parts: PageParts, step: Step) -> list[str]:
    model = parts.page.view.sections[step].model
    return [model.index(r, 0).data(DISPLAY) for r in range(model.rowCount())]


def _pick(monkeypatch: pytest.MonkeyPatch, search: str) -> list[list[str]]:
    """The picker, answered by typing ``search`` and pressing Enter; records what it listed."""
    listed: list[list[str]] = []

    def exec_(picker: safety_dialogs.NetworkPicker) -> int:
        proxy = picker.proxy
        listed.append([proxy.index(r, 0).data(DISPLAY) for r in range(proxy.rowCount())])
        picker.search.setText(search)
        picker.accept()
        return int(picker.result())

    monkeypatch.setattr(safety_dialogs.NetworkPicker, "exec", exec_)
    return listed


def _add(parts: PageParts, step: Step, *texts: str) -> None:
    for text in texts:
        assert parts.page.add_typed(step, text)


def test_typing_a_line_and_pressing_enter_adds_it(qtbot: Any, parts: PageParts) -> None:
    section = parts.page.view.sections[Step.WARNING_SIGNS]
    assert section.empty_label.isVisibleTo(parts.page.view)
    qtbot.keyClicks(section.field, "Not answering messages")
    qtbot.keyClick(section.field, Qt.Key.Key_Return)
    assert _texts(parts, Step.WARNING_SIGNS) == ["Not answering messages"]
    assert _shown(parts, Step.WARNING_SIGNS) == ["Not answering messages"]
    assert section.field.text() == ""
    assert not section.empty_label.isVisibleTo(parts.page.view)
    # An empty field adds nothing.
    qtbot.keyClick(section.field, Qt.Key.Key_Return)
    assert _texts(parts, Step.WARNING_SIGNS) == ["Not answering messages"]


def test_adding_from_the_network_links_the_person_with_their_reach(
    parts: PageParts, monkeypatch: pytest.MonkeyPatch
) -> None:
    listed = _pick(monkeypatch, "sam")
    assert parts.page.add_linked(Step.HELPERS)
    entry = parts.services.safety_plan.read().entries(Step.HELPERS)[0]
    assert (entry.target_kind, entry.target_uid) == (PERSON, parts.people["Sam Rivera"].uid)
    assert entry.they_know is False
    # Helpers are people only.
    assert not any("Walking group" in line for line in listed[0])
    assert _shown(parts, Step.HELPERS) == ["Sam Rivera\nPhone call: 07700 900123"]
    # Someone already in the step isn't offered again.
    _pick(monkeypatch, "sam")
    assert not parts.page.add_linked(Step.HELPERS)


def test_the_professionals_picker_lists_professionals_and_services_first(
    parts: PageParts, monkeypatch: pytest.MonkeyPatch
) -> None:
    listed = _pick(monkeypatch, "mind")
    assert parts.page.add_linked(Step.PROFESSIONALS)
    names = [line.split("\n")[0] for line in listed[0]]
    assert names[:2] == ["Dr Okafor", "Mind the Gap team"]
    assert set(names[2:]) == {"Ana Lima", "Sam Rivera", "Walking group"}
    entry = parts.services.safety_plan.read().entries(Step.PROFESSIONALS)[0]
    assert (entry.target_kind, entry.target_uid) == (GROUP, parts.groups["Mind the Gap team"].uid)


def test_the_picker_is_searched_and_chosen_with_the_keyboard(qtbot: Any, parts: PageParts) -> None:
    found = safety_dialogs.candidates(
        Step.DISTRACTIONS,
        parts.services.people.list_all(),
        parts.services.groups.list_all(),
    )
    picker = safety_dialogs.NetworkPicker(Step.DISTRACTIONS, found)
    qtbot.addWidget(picker)
    picker.show()
    picker.activateWindow()
    qtbot.waitUntil(picker.search.hasFocus)
    qtbot.keyClicks(picker.search, "walk")
    assert picker.proxy.rowCount() == 1
    qtbot.keyClick(picker.search, Qt.Key.Key_Down)
    assert picker.list.hasFocus()
    qtbot.keyClick(picker.list, Qt.Key.Key_Return)
    assert picker.result() == QDialog.DialogCode.Accepted
    assert picker.chosen is not None
    assert picker.chosen.name == "Walking group"


def test_alt_up_and_down_reorder_and_the_order_is_kept(qtbot: Any, parts: PageParts) -> None:
    _add(parts, Step.LIVING_FOR, "My niece", "The sea", "My cat")
    section = parts.page.view.sections[Step.LIVING_FOR]
    section.list.select_row(2)
    qtbot.keyClick(section.list, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert _texts(parts, Step.LIVING_FOR) == ["My niece", "My cat", "The sea"]
    # The moved line stays chosen, so pressing again moves it on.
    qtbot.keyClick(section.list, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert _texts(parts, Step.LIVING_FOR) == ["My cat", "My niece", "The sea"]
    # At the top it stays put.
    qtbot.keyClick(section.list, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    assert _texts(parts, Step.LIVING_FOR) == ["My cat", "My niece", "The sea"]
    qtbot.keyClick(section.list, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    assert _texts(parts, Step.LIVING_FOR) == ["My niece", "My cat", "The sea"]
    assert _shown(parts, Step.LIVING_FOR) == ["My niece", "My cat", "The sea"]
    # Read back from a fresh service: the order is stored.
    parts.page.refresh()
    assert _shown(parts, Step.LIVING_FOR) == ["My niece", "My cat", "The sea"]


def test_a_drop_lands_where_the_line_was_dropped(parts: PageParts) -> None:
    # Rows as shown before the move: dropping row 0 before row 2 puts it at 1.
    assert drop_target(0, 2) == 1
    assert drop_target(2, 0) == 0
    assert drop_target(1, 3) == 2
    _add(parts, Step.ON_MY_OWN, "A", "B", "C")
    parts.page.view.sections[Step.ON_MY_OWN].list.move_requested.emit(0, drop_target(0, 3))
    assert _texts(parts, Step.ON_MY_OWN) == ["B", "C", "A"]


def test_delete_and_f2_act_on_the_chosen_line(
    qtbot: Any, parts: PageParts, monkeypatch: pytest.MonkeyPatch
) -> None:
    _add(parts, Step.ON_MY_OWN, "A walk", "A shower")
    section = parts.page.view.sections[Step.ON_MY_OWN]
    section.list.select_row(0)
    qtbot.keyClick(section.list, Qt.Key.Key_Delete)
    assert _texts(parts, Step.ON_MY_OWN) == ["A shower"]

    def exec_(dialog: safety_dialogs.EntryDialog) -> int:
        dialog.field.setText("A hot shower")
        dialog.accept()
        return int(dialog.result())

    monkeypatch.setattr(safety_dialogs.EntryDialog, "exec", exec_)
    section.list.select_row(0)
    qtbot.keyClick(section.list, Qt.Key.Key_F2)
    assert _texts(parts, Step.ON_MY_OWN) == ["A hot shower"]


def test_the_they_know_tick_is_the_persons_own(
    qtbot: Any, parts: PageParts, monkeypatch: pytest.MonkeyPatch
) -> None:
    _pick(monkeypatch, "sam")
    parts.page.add_linked(Step.HELPERS)
    _pick(monkeypatch, "ana")
    parts.page.add_linked(Step.HELPERS)
    section = parts.page.view.sections[Step.HELPERS]
    assert [e.they_know for e in parts.services.safety_plan.read().entries(Step.HELPERS)] == [
        False,
        False,
    ]
    # Unticked helpers get a gentle suggestion and a message idea to copy.
    assert section.tell_row.isVisibleTo(parts.page.view)
    assert "Sam Rivera and Ana Lima" in section.tell_label.text()
    assert section.copy_button is not None
    section.copy_button.click()
    assert QGuiApplication.clipboard().text() == TELL_THEM_IDEA
    # Copying the idea ticks nothing.
    assert not any(e.they_know for e in parts.services.safety_plan.read().entries(Step.HELPERS))

    index = section.model.index(0, 0)
    assert index.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    with qtbot.waitSignal(section.model.they_know_toggled):
        section.model.setData(index, Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole)
    assert [e.they_know for e in parts.services.safety_plan.read().entries(Step.HELPERS)] == [
        True,
        False,
    ]
    assert section.model.index(0, 0).data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    assert "Sam" not in section.tell_label.text()
    # Unticking works the same way, by the person's own hand.
    with qtbot.waitSignal(section.model.they_know_toggled):
        section.model.setData(
            section.model.index(0, 0), Qt.CheckState.Unchecked, Qt.ItemDataRole.CheckStateRole
        )
    assert not parts.services.safety_plan.read().entries(Step.HELPERS)[0].they_know


def test_the_tick_follows_space_on_the_chosen_line(
    qtbot: Any, parts: PageParts, monkeypatch: pytest.MonkeyPatch
) -> None:
    _pick(monkeypatch, "sam")
    parts.page.add_linked(Step.HELPERS)
    parts.page.view.window().show()
    section = parts.page.view.sections[Step.HELPERS]
    section.list.setFocus()
    section.list.select_row(0)
    with qtbot.waitSignal(section.model.they_know_toggled):
        qtbot.keyClick(section.list, Qt.Key.Key_Space)
    assert parts.services.safety_plan.read().entries(Step.HELPERS)[0].they_know


def test_changing_who_a_helper_line_links_to_clears_the_tick(
    parts: PageParts, monkeypatch: pytest.MonkeyPatch
) -> None:
    sam = parts.people["Sam Rivera"]
    plan = parts.services.safety_plan.read().added(
        Step.HELPERS, PlanEntry.link(PERSON, sam.uid, sam.name, they_know=True)
    )
    parts.services.safety_plan.save(plan)
    parts.page.refresh()
    _pick(monkeypatch, "ana")

    def exec_(dialog: safety_dialogs.EntryDialog) -> int:
        dialog.choose_button.click()
        dialog.accept()
        return int(dialog.result())

    monkeypatch.setattr(safety_dialogs.EntryDialog, "exec", exec_)
    assert parts.page.edit(Step.HELPERS, 0)
    entry = parts.services.safety_plan.read().entries(Step.HELPERS)[0]
    assert entry.target_uid == parts.people["Ana Lima"].uid
    assert entry.they_know is False


def test_a_person_who_left_the_network_stays_in_the_plan_marked(
    qtbot: Any, parts: PageParts, monkeypatch: pytest.MonkeyPatch
) -> None:
    _pick(monkeypatch, "sam")
    parts.page.add_linked(Step.HELPERS)
    opened: list[tuple[str, int]] = []
    parts.page.open_person_requested.connect(lambda kind, i: opened.append((kind, i)))
    section = parts.page.view.sections[Step.HELPERS]
    section.list.open_requested.emit(0)
    assert opened == [(PERSON, parts.people["Sam Rivera"].id)]

    parts.services.network.remove(PERSON, parts.people["Sam Rivera"].id)
    parts.signals.people_changed.emit()
    qtbot.waitUntil(lambda: NOT_IN_NETWORK in _shown(parts, Step.HELPERS)[0])
    line = _shown(parts, Step.HELPERS)[0]
    # Words, not colour alone; the kept name stays.
    assert line == f"Sam Rivera ({NOT_IN_NETWORK})"
    assert "Sam Rivera" not in section.tell_label.text()
    assert _texts(parts, Step.HELPERS) == ["Sam Rivera"]

    # Until the person changes the line: here they keep the words, unlinked.
    def exec_(dialog: safety_dialogs.EntryDialog) -> int:
        assert NOT_IN_NETWORK in dialog.link_label.text()
        dialog.unlink_button.click()
        dialog.accept()
        return int(dialog.result())

    monkeypatch.setattr(safety_dialogs.EntryDialog, "exec", exec_)
    section.list.open_requested.emit(0)  # not in the network: opens the change dialog
    assert opened == [(PERSON, parts.people["Sam Rivera"].id)]
    assert _shown(parts, Step.HELPERS) == ["Sam Rivera"]
    entry = parts.services.safety_plan.read().entries(Step.HELPERS)[0]
    assert entry.target_uid is None
    assert entry.text == "Sam Rivera"


def test_a_renamed_person_shows_their_new_name(qtbot: Any, parts: PageParts) -> None:
    sam = parts.people["Sam Rivera"]
    plan = parts.services.safety_plan.read().added(
        Step.DISTRACTIONS, PlanEntry.link(PERSON, sam.uid, sam.name)
    )
    parts.services.safety_plan.save(plan)
    parts.page.refresh()
    sam.name = "Samantha Rivera"
    parts.services.network.update(sam)
    parts.signals.people_changed.emit()
    qtbot.waitUntil(lambda: _shown(parts, Step.DISTRACTIONS)[0].startswith("Samantha"))


def test_a_line_that_cant_be_kept_is_said_beside_its_field(
    qtbot: Any, parts: PageParts, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    from supportnet.ui.widgets import dialogs

    monkeypatch.setattr(dialogs, "show_error", lambda _p, message, **_kw: shown.append(message))
    section = parts.page.view.sections[Step.WARNING_SIGNS]
    parts.page.view.window().show()
    for text, words in (("x" * 3000, "up to 2,000 characters"), ("a\x00b", "control character")):
        section.field.setText(text)
        qtbot.keyClick(section.field, Qt.Key.Key_Return)
        assert words in section.problem.text()
        assert section.problem.isVisibleTo(parts.page.view)
        assert section.field.accessibleDescription() == section.problem.text()
        # The words stay in the field, to be changed.
        assert section.field.text() == text
    assert shown == []
    assert _texts(parts, Step.WARNING_SIGNS) == []
    assert parts.stack.count() == 0
    # Typing again clears the message; a good line is added.
    section.field.clear()
    qtbot.keyClicks(section.field, "Not answering")
    assert not section.problem.isVisibleTo(parts.page.view)
    qtbot.keyClick(section.field, Qt.Key.Key_Return)
    assert _texts(parts, Step.WARNING_SIGNS) == ["Not answering"]


def test_the_edit_dialog_says_why_its_words_cant_be_kept(
    qtbot: Any, parts: PageParts, monkeypatch: pytest.MonkeyPatch
) -> None:
    _add(parts, Step.ON_MY_OWN, "A walk")
    said: list[str] = []

    def exec_(dialog: safety_dialogs.EntryDialog) -> int:
        dialog.field.setText("A\x07walk")
        dialog.accept()
        said.append(dialog.problem.text())
        assert dialog.result() != QDialog.DialogCode.Accepted
        assert dialog.field.accessibleDescription() == dialog.problem.text()
        dialog.field.setText("A long walk")
        dialog.accept()
        return int(dialog.result())

    monkeypatch.setattr(safety_dialogs.EntryDialog, "exec", exec_)
    assert parts.page.edit(Step.ON_MY_OWN, 0)
    assert said == ["This line holds an invisible control character; please type it again."]
    assert _texts(parts, Step.ON_MY_OWN) == ["A long walk"]


def test_a_plan_the_store_refuses_is_said_and_nothing_changes(
    parts: PageParts, monkeypatch: pytest.MonkeyPatch
) -> None:
    from supportnet.model.safety_plan import MAX_ENTRIES_PER_STEP
    from supportnet.ui.widgets import dialogs

    shown: list[str] = []
    monkeypatch.setattr(dialogs, "show_error", lambda _p, message, **_kw: shown.append(message))
    full = parts.services.safety_plan.read().with_entries(
        Step.WARNING_SIGNS, [PlanEntry.typed(f"Line {n}") for n in range(MAX_ENTRIES_PER_STEP)]
    )
    parts.services.safety_plan.save(full)
    parts.page.refresh()
    assert not parts.page.add_typed(Step.WARNING_SIGNS, "One more")
    assert shown
    assert "up to" in shown[0]
    assert len(_texts(parts, Step.WARNING_SIGNS)) == MAX_ENTRIES_PER_STEP
    assert parts.stack.count() == 0


def test_a_drop_point_names_the_row_it_lands_before(parts: PageParts) -> None:
    from PySide6.QtCore import QPoint

    _add(parts, Step.ON_MY_OWN, "A", "B", "C")
    parts.page.view.window().show()
    listed = parts.page.view.sections[Step.ON_MY_OWN].list
    first = listed.visualRect(listed.model().index(0, 0))
    second = listed.visualRect(listed.model().index(1, 0))
    # The upper half of a line: before it; the lower half: after it.
    assert listed.drop_before(QPoint(first.left() + 4, first.top() + 2)) == 0
    assert listed.drop_before(QPoint(first.left() + 4, first.bottom() - 2)) == 1
    assert listed.drop_before(QPoint(second.left() + 4, second.top() + 2)) == 1
    # Below the last line: at the end.
    assert listed.drop_before(QPoint(4, listed.viewport().height() + 50)) == 3


def test_an_empty_living_for_leaves_room_rather_than_nothing(parts: PageParts) -> None:
    living = parts.page.view.sections[Step.LIVING_FOR]
    assert living.empty_label.text() == "Room for your own words."
    assert parts.page.view.sections[Step.ON_MY_OWN].empty_label.text() == "Nothing here yet."
