"""The person and group editors: every field, inline messages, Save that explains itself."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt

from supportnet.model.errors import NotFoundError, Problem, ValidationError
from supportnet.model.network import (
    ChannelKind,
    Circle,
    ContactChannel,
    Group,
    GroupKind,
    HelpDirection,
    LifeDomain,
    Person,
    SupportType,
)
from supportnet.ui.people.group_editor import GroupEditor
from supportnet.ui.people.person_editor import PersonEditor
from supportnet.ui.widgets import dialogs
from supportnet.ui.widgets.editor_form import save_hint
from supportnet.ui.widgets.editor_widgets import CRISIS_TEXT
from tests.ui.tab_walk import tab_walk


@pytest.fixture(autouse=True)
def _close_freely(monkeypatch: pytest.MonkeyPatch) -> None:
    """Editors left with changes close at teardown without asking (tests that ask override)."""
    monkeypatch.setattr(dialogs, "confirm_discard", lambda *_a: True)


class Saves:
    """Stands in for the window's save: records what it was given, or raises."""

    def __init__(self, error: Exception | None = None) -> None:
        self.saved: list[Any] = []
        self.error = error

    def __call__(self, item: Any) -> Any:
        if self.error is not None:
            raise self.error
        self.saved.append(item)
        return item


def _full_person() -> Person:
    return Person(
        "Sam Rivera",
        circle=Circle.INNER,
        domain=LifeDomain.FAMILY,
        nickname="Sam",
        pronouns="they/them",
        support_types={SupportType.EMOTIONAL, SupportType.CRISIS},
        direction=HelpDirection.THEY_HELP_ME,
        channels=[
            ContactChannel(ChannelKind.CALL, "07700 900123", preferred=False),
            ContactChannel(ChannelKind.TEXT, "07700 900123", preferred=True),
        ],
        best_times="Weekday evenings",
        notes="Met at uni.\nLikes long walks.",
        tags=["uni", "walks"],
        knows_situation=True,
        id=4,
    )


def _editor(qtbot: Any, person: Person | None, saves: Saves, **kw: Any) -> PersonEditor:
    editor = PersonEditor(person, saves, **kw)
    qtbot.addWidget(editor)
    editor.show()
    return editor


def test_person_editor_shows_and_keeps_every_field(qtbot: Any) -> None:
    saves = Saves()
    person = _full_person()
    editor = _editor(qtbot, person, saves)
    assert editor.windowTitle() == "Edit Sam Rivera"
    assert editor.name_field.text() == "Sam Rivera"
    assert editor.crisis_check.text() == CRISIS_TEXT
    assert editor.crisis_check.isChecked()
    assert editor.knows_check.isChecked()
    assert [r.value.text() for r in editor.channels_editor.rows] == ["07700 900123"] * 2
    assert editor.channels_editor.rows[1].preferred.isChecked()
    assert editor.tags_field.text() == "uni, walks"
    assert editor.save_button.isEnabled()
    # Saving an unchanged form gives back exactly the person it was given.
    editor.save_button.click()
    assert saves.saved == [person]
    assert editor.result() == editor.DialogCode.Accepted


def test_person_editor_builds_a_new_person_from_the_keyboard(qtbot: Any) -> None:
    saves = Saves()
    editor = _editor(qtbot, None, saves)
    assert editor.windowTitle() == "New person"
    # Nothing typed yet: no scolding under the name, but Save explains what it needs.
    assert not editor.messages["name"].isVisibleTo(editor)
    assert not editor.save_button.isEnabled()
    assert editor.save_hint.text() == "Add a name to save"
    assert "Add a name to save" in editor.save_button.toolTip()

    qtbot.keyClicks(editor.name_field, "  Priya Sharma ")
    qtbot.keyClicks(editor.nickname_field, "Pri")
    qtbot.keyClicks(editor.pronouns_field, "she/her")
    editor.circle_combo.set_value(Circle.INNER)
    editor.domain_combo.set_value(LifeDomain.FRIENDS)
    editor.direction_combo.set_value(HelpDirection.BOTH)
    editor.support_checks.boxes[SupportType.COMPANIONSHIP].setChecked(True)
    editor.crisis_check.setChecked(True)
    editor.knows_check.setChecked(True)
    editor.channels_editor.add_button.click()
    editor.channels_editor.add_button.click()
    first, second = editor.channels_editor.rows
    qtbot.keyClicks(first.value, "priya@example.org")
    first.kind.set_value(ChannelKind.EMAIL)
    second.kind.set_value(ChannelKind.VIDEO)
    second.preferred.click()
    qtbot.keyClicks(editor.best_times_field, "Sunday mornings")
    qtbot.keyClicks(editor.notes_field, "From the climbing wall.")
    qtbot.keyClicks(editor.tags_field, "climbing, , Climbing, uni")
    qtbot.waitUntil(editor.save_button.isEnabled)
    assert editor.save_hint.text() == ""
    editor.save_button.click()

    [saved] = saves.saved
    assert saved.name == "Priya Sharma"
    assert saved.nickname == "Pri"
    assert saved.pronouns == "she/her"
    assert saved.circle is Circle.INNER
    assert saved.domain is LifeDomain.FRIENDS
    assert saved.support_types == {SupportType.COMPANIONSHIP, SupportType.CRISIS}
    assert saved.crisis_ok
    assert saved.knows_situation
    assert saved.channels == [
        ContactChannel(ChannelKind.EMAIL, "priya@example.org", False),
        ContactChannel(ChannelKind.VIDEO, "", True),
    ]
    assert saved.best_times == "Sunday mornings"
    assert saved.notes == "From the climbing wall."
    assert saved.tags == ["climbing", "uni"]


def test_new_person_for_a_missing_kind_of_support_has_it_ticked(qtbot: Any) -> None:
    editor = _editor(qtbot, None, Saves(), support=SupportType.PRACTICAL)
    assert editor.support_checks.boxes[SupportType.PRACTICAL].isChecked()


def test_removing_a_way_to_reach_them(qtbot: Any) -> None:
    saves = Saves()
    editor = _editor(qtbot, _full_person(), saves)
    editor.channels_editor.rows[0].remove.click()
    assert len(editor.channels_editor.rows) == 1
    assert editor.channels_editor.rows[0].kind.accessibleName() == "Way 1: how"
    editor.save_button.click()
    assert saves.saved[0].channels == [ContactChannel(ChannelKind.TEXT, "07700 900123", True)]


def test_problems_show_under_their_field_as_you_type(qtbot: Any) -> None:
    saves = Saves()
    editor = _editor(qtbot, _full_person(), saves)
    editor.name_field.clear()
    qtbot.keyClicks(editor.best_times_field, "x" * 600)
    # Checked after a short pause, not on every key.
    assert editor.save_button.isEnabled()
    qtbot.waitUntil(lambda: not editor.save_button.isEnabled())
    assert editor.messages["name"].text() == "Please add a name."
    assert editor.messages["name"].isVisibleTo(editor)
    # Screen readers hear it with the field.
    assert editor.name_field.accessibleDescription() == "Please add a name."
    assert "Please keep best times under 500 characters" in editor.messages["best_times"].text()
    assert not editor.messages["notes"].isVisibleTo(editor)
    assert editor.save_hint.text() == "Add a name to save (and 1 more thing above)"
    tooltip = editor.save_button.toolTip()
    assert "Please add a name." in tooltip
    assert "under 500" in tooltip
    editor.save_button.click()  # disabled: nothing happens
    assert saves.saved == []
    assert editor.isVisible()
    # Everything typed is still there.
    assert editor.best_times_field.text() == "Weekday evenings" + "x" * 600
    assert editor.notes_field.toPlainText() == "Met at uni.\nLikes long walks."

    qtbot.keyClicks(editor.name_field, "Sam")
    editor.best_times_field.setText("Evenings")
    qtbot.waitUntil(editor.save_button.isEnabled)
    assert not editor.messages["name"].isVisibleTo(editor)
    assert editor.save_hint.text() == ""


def test_a_failed_save_keeps_the_dialog_open_with_everything_typed(
    qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(dialogs, "show_error", lambda _p, message, **_k: shown.append(message))
    saves = Saves(NotFoundError("That person is no longer in your network."))
    editor = _editor(qtbot, _full_person(), saves)
    editor.notes_field.setPlainText("A long note I'd hate to lose.")
    editor.save_button.click()
    assert shown == ["That person is no longer in your network."]
    assert editor.isVisible()
    assert editor.notes_field.toPlainText() == "A long note I'd hate to lose."


def test_a_save_refused_by_the_store_puts_the_message_by_the_field(qtbot: Any) -> None:
    problem = Problem("tags", "There's an invisible control character in a tag.")
    saves = Saves(ValidationError("tags", problem.message, [problem]))
    editor = _editor(qtbot, _full_person(), saves)
    editor.save_button.click()
    assert editor.isVisible()
    assert editor.messages["tags"].text() == problem.message


def test_closing_with_changes_asks_first(qtbot: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    answers = [False, True]
    asked: list[str] = []

    def confirm(_parent: Any, what: str) -> bool:
        asked.append(what)
        return answers.pop(0)

    monkeypatch.setattr(dialogs, "confirm_discard", confirm)
    editor = _editor(qtbot, _full_person(), Saves())
    editor.reject()  # unchanged: closes without asking
    assert asked == []
    assert not editor.isVisible()

    editor = _editor(qtbot, _full_person(), Saves())
    qtbot.keyClicks(editor.notes_field, " More.")
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    sam = "You've made changes to Sam Rivera that aren't saved yet."
    assert asked == [sam]
    assert editor.isVisible()  # "Keep editing"
    editor.cancel_button.click()
    assert asked == [sam, sam]
    assert not editor.isVisible()


def test_group_editor_covers_every_field(qtbot: Any) -> None:
    saves = Saves()
    editor = GroupEditor(None, saves)
    qtbot.addWidget(editor)
    editor.show()
    assert editor.windowTitle() == "New group"
    assert not editor.save_button.isEnabled()
    qtbot.keyClicks(editor.name_field, "Harbour forum")
    # A new group's part of life follows its kind until one is chosen.
    editor.kind_combo.set_value(GroupKind.ONLINE_COMMUNITY)
    assert editor.domain_combo.value() is LifeDomain.ONLINE
    editor.circle_combo.set_value(Circle.MIDDLE)
    editor.support_checks.boxes[SupportType.INFORMATIONAL].setChecked(True)
    editor.crisis_check.setChecked(True)
    qtbot.keyClicks(editor.schedule_field, "Any time")
    qtbot.keyClicks(editor.place_field, "Online")
    qtbot.keyClicks(editor.link_field, "https://forum.example.org")
    qtbot.keyClicks(editor.notes_field, "Kind people.")
    qtbot.keyClicks(editor.tags_field, "online, evenings")
    qtbot.waitUntil(editor.save_button.isEnabled)
    editor.save_button.click()
    [group] = saves.saved
    assert group == Group(
        "Harbour forum",
        kind=GroupKind.ONLINE_COMMUNITY,
        circle=Circle.MIDDLE,
        domain=LifeDomain.ONLINE,
        support_types={SupportType.INFORMATIONAL, SupportType.CRISIS},
        meeting_schedule="Any time",
        place="Online",
        link="https://forum.example.org",
        notes="Kind people.",
        tags=["online", "evenings"],
        uid=group.uid,
    )


def test_group_link_with_spaces_is_explained_by_the_field(qtbot: Any) -> None:
    editor = GroupEditor(Group("Walkers", id=3), Saves())
    qtbot.addWidget(editor)
    editor.show()
    qtbot.keyClicks(editor.link_field, "not a link")
    qtbot.waitUntil(lambda: not editor.save_button.isEnabled())
    assert editor.messages["link"].text() == "A link can't contain spaces."
    assert editor.save_hint.text() == "Check the link to save"


def test_save_hint_wording() -> None:
    assert save_hint([]) == ""
    assert save_hint([Problem("name", "Please add a name.")]) == "Add a name to save"
    assert save_hint([Problem("notes", "x"), Problem("notes", "y")]) == "Check the notes to save"


@pytest.mark.parametrize("make", [PersonEditor, GroupEditor])
def test_every_editor_field_is_named_and_reached_by_tab(qtbot: Any, make: Any) -> None:
    editor = make(None, Saves())
    qtbot.addWidget(editor)
    editor.show()
    if isinstance(editor, PersonEditor):
        editor.channels_editor.add_button.click()
    qtbot.waitExposed(editor)
    editor.activateWindow()
    # Walk the Tab chain from the name field: every field comes round once.
    focusable, reached = tab_walk(editor, editor.name_field)
    assert [type(w).__name__ for w in focusable if not w.accessibleName()] == []
    assert set(focusable) <= set(reached)


def test_save_hint_knows_a_missing_name_in_german_too() -> None:
    """The missing name is told by its own sentence in the language in use, not by English
    words ("Please add…"), so German says "add a name" too, not "check the name"."""
    from supportnet import i18n
    from supportnet.model import field_words

    i18n.set_language("de")
    try:
        missing = Problem("name", i18n._(field_words.NAME.missing))
        assert save_hint([missing]) == i18n._("Add a name to save")
        assert save_hint([missing]) != i18n._("Check the name to save")
    finally:
        i18n.set_language(i18n.ENGLISH)
