"""The check-in form: moods as words, who reached out, Enter and Esc, nothing typed ever lost."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QDate, QDateTime, Qt, QTime
from PySide6.QtWidgets import QApplication, QRadioButton

from supportnet.model.checkins import MOOD_WORDS, CheckIn, Initiator
from supportnet.model.errors import NotFoundError
from supportnet.model.network import ChannelKind
from supportnet.model.text import NOTE_MAX
from supportnet.services import Services
from supportnet.ui.shell.main_window import MainWindow
from supportnet.ui.today.log_dialog import CHOOSE_SOMEONE, NO_ONE_YET, SKIP, LogDialog
from supportnet.ui.widgets import dialogs
from tests.ui.conftest import NOW, ZONE

CHOICES = [
    (("person", 1), "Pri"),
    (("person", 2), "Rosie Mensah"),
    (("group", 1), "Walkers (group)"),
]


def _dialog(qtbot: Any, saved: list[CheckIn] | None = None, **kwargs: Any) -> LogDialog:
    sink = saved if saved is not None else []

    def on_save(checkin: CheckIn) -> CheckIn:
        sink.append(checkin)
        return checkin

    kwargs.setdefault("now", NOW)
    kwargs.setdefault("zone", ZONE)
    dialog = LogDialog(CHOICES, on_save, **kwargs)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


@pytest.fixture
def london(demo_store: Any) -> Any:
    settings = demo_store.settings.load()
    settings.timezone = ZONE
    demo_store.settings.save(settings)
    return demo_store


def _window(qtbot: Any, store: Any) -> MainWindow:
    window = MainWindow(Services.of(store), data_location="/d", key_location="k", clock=lambda: NOW)
    qtbot.addWidget(window)
    return window


def test_moods_are_five_labelled_choices_and_skip_is_the_default(qtbot: Any) -> None:
    dialog = _dialog(qtbot)
    for mood in (dialog.mood_before, dialog.mood_after):
        texts = [b.text() for b in mood.findChildren(QRadioButton)]
        assert texts == [SKIP, *MOOD_WORDS.values()]
        assert mood.value() is None
        assert mood.buttons[None].isChecked()
    assert dialog.mood_before.buttons[2].accessibleName() == "Mood before: Low"
    assert dialog.mood_before.buttons[2].accessibleDescription() == "2 of 5"


def test_mood_radio_values_are_stored(qtbot: Any, london: Any) -> None:
    window = _window(qtbot, london)
    card = window.today.cards[0]
    dialog = window.today.done(card.suggestion)
    qtbot.mouseClick(dialog.mood_before.buttons[2], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.mood_after.buttons[4], Qt.MouseButton.LeftButton)
    dialog.save_button.click()
    assert window.today.log_dialog is None or not dialog.isVisible()
    plan = card.suggestion.plan
    stored = london.checkins.for_person(plan.person_id)[0]
    assert (stored.mood_before, stored.mood_after) == (2, 4)
    assert stored.plan_id == plan.id


def test_skip_stores_no_mood_and_a_mood_can_be_taken_back(qtbot: Any) -> None:
    saved: list[CheckIn] = []
    dialog = _dialog(qtbot, saved, fixed=("person", 1))
    qtbot.mouseClick(dialog.mood_after.buttons[5], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.mood_after.buttons[None], Qt.MouseButton.LeftButton)
    dialog.save_button.click()
    assert (saved[0].mood_before, saved[0].mood_after) == (None, None)


def test_enter_in_the_note_saves_and_shift_enter_starts_a_line(qtbot: Any) -> None:
    saved: list[CheckIn] = []
    dialog = _dialog(qtbot, saved, fixed=("person", 2))
    dialog.show()
    qtbot.keyClicks(dialog.note_field, "Walked")
    qtbot.keyClick(dialog.note_field, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    qtbot.keyClicks(dialog.note_field, "and talked")
    assert saved == []
    qtbot.keyClick(dialog.note_field, Qt.Key.Key_Return)
    assert [c.note for c in saved] == ["Walked\nand talked"]
    assert saved[0].person_id == 2
    assert not dialog.isVisible()


def test_enter_elsewhere_saves_too(qtbot: Any) -> None:
    saved: list[CheckIn] = []
    dialog = _dialog(qtbot, saved, fixed=("group", 1))
    dialog.show()
    qtbot.keyClick(dialog.when_edit, Qt.Key.Key_Return)
    assert len(saved) == 1
    assert saved[0].group_id == 1
    assert saved[0].person_id is None


def test_esc_cancels_and_asks_only_when_a_note_would_be_lost(
    qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    saved: list[CheckIn] = []
    dialog = _dialog(qtbot, saved, fixed=("person", 1))
    dialog.show()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()

    asked: list[str] = []

    def keep_editing(_parent: Any, what: str) -> bool:
        asked.append(what)
        return False

    monkeypatch.setattr(dialogs, "confirm_discard", keep_editing)
    dialog = _dialog(qtbot, saved, fixed=("person", 1))
    dialog.show()
    qtbot.keyClicks(dialog.note_field, "Something worth keeping")
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert asked == ["You've made changes to this check-in that aren't saved yet."]
    assert dialog.isVisible()
    assert dialog.note_field.toPlainText() == "Something worth keeping"
    assert saved == []


def test_no_one_chosen_is_said_next_to_the_field_and_nothing_is_lost(qtbot: Any) -> None:
    saved: list[CheckIn] = []
    dialog = _dialog(qtbot, saved)
    dialog.show()
    dialog.note_field.setPlainText("A note I typed first")
    dialog.who_field.setText("nobody by that name")
    dialog.save_button.click()
    assert saved == []
    assert dialog.isVisible()
    assert dialog.who_message.text() == CHOOSE_SOMEONE
    assert dialog.who_message.isVisible()
    assert dialog.note_field.toPlainText() == "A note I typed first"
    # Typing again clears the message; choosing someone saves.
    dialog.who_field.setText("rosie")
    assert not dialog.who_message.isVisible()
    dialog.save_button.click()
    assert saved[0].person_id == 2
    assert saved[0].note == "A note I typed first"


def test_a_failed_save_keeps_the_form_and_says_why_beside_it(
    qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    def failing(_checkin: CheckIn) -> CheckIn:
        raise NotFoundError("Rosie is no longer in your network.")

    dialog = LogDialog(CHOICES, failing, now=NOW, zone=ZONE, fixed=("person", 2))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.note_field.setPlainText("Still here")
    qtbot.mouseClick(dialog.mood_before.buttons[3], Qt.MouseButton.LeftButton)
    dialog.save_button.click()
    assert dialog.isVisible()
    assert dialog.form_message.text().startswith("Rosie is no longer in your network.")
    assert dialog.note_field.toPlainText() == "Still here"
    assert dialog.mood_before.value() == 3
    monkeypatch.setattr(dialogs, "confirm_discard", lambda *_args: True)


def test_a_note_too_long_is_said_next_to_the_note(
    qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    saved: list[CheckIn] = []
    dialog = _dialog(qtbot, saved, fixed=("person", 1))
    dialog.show()
    dialog.note_field.setPlainText("x" * (NOTE_MAX + 1))
    dialog.save_button.click()
    assert saved == []
    assert dialog.note_message.isVisible()
    assert "note" in dialog.note_message.text().lower()
    assert len(dialog.note_field.toPlainText()) == NOTE_MAX + 1
    monkeypatch.setattr(dialogs, "confirm_discard", lambda *_args: True)


def test_with_no_one_in_the_network_the_form_says_so_kindly(qtbot: Any) -> None:
    dialog = LogDialog([], lambda c: c, now=NOW, zone=ZONE)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.who_message.text() == NO_ONE_YET
    dialog.save_button.click()
    assert dialog.isVisible()


def test_when_is_now_by_default_and_can_be_changed(qtbot: Any) -> None:
    saved: list[CheckIn] = []
    dialog = _dialog(qtbot, saved, fixed=("person", 1))
    zone = ZoneInfo(ZONE)
    assert dialog.when() == NOW.astimezone(zone)
    assert dialog.when_edit.dateTime().time().hour() == 13  # 12:00 UTC is 13:00 in London
    dialog.when_edit.setDateTime(QDateTime(QDate(2025, 6, 14), QTime(19, 30)))
    dialog.save_button.click()
    assert saved[0].at == datetime(2025, 6, 14, 19, 30, tzinfo=zone)
    assert saved[0].at == NOW - timedelta(hours=17, minutes=30)


def test_who_reached_out_is_a_choice_of_two(qtbot: Any) -> None:
    saved: list[CheckIn] = []
    dialog = _dialog(qtbot, saved, fixed=("person", 1), initiator=Initiator.THEM)
    assert dialog.them_radio.isChecked()
    assert dialog.them_radio.text() == "They did"
    assert dialog.me_radio.text() == "I did"
    qtbot.mouseClick(dialog.me_radio, Qt.MouseButton.LeftButton)
    dialog.save_button.click()
    assert saved[0].initiator is Initiator.ME


def test_the_channel_follows_the_plan_or_whoever_is_chosen(qtbot: Any) -> None:
    dialog = _dialog(qtbot, fixed=("person", 1), channel=ChannelKind.VIDEO)
    assert dialog.channel() is ChannelKind.VIDEO
    dialog = _dialog(
        qtbot,
        channel_for={("person", 1): ChannelKind.MESSAGING, ("person", 2): ChannelKind.TEXT},
    )
    assert dialog.channel() is None
    dialog.who_field.setText("Pri")
    assert dialog.channel() is ChannelKind.MESSAGING
    dialog.who_field.setText("Rosie Mensah")
    assert dialog.channel() is ChannelKind.TEXT
    # A way chosen by hand stays, whoever is picked after.
    dialog.channel_combo.setCurrentIndex(dialog.channel_combo.findData(ChannelKind.CALL.value))
    dialog.channel_combo.activated.emit(dialog.channel_combo.currentIndex())
    dialog.who_field.setText("Pri")
    assert dialog.channel() is ChannelKind.CALL


def test_every_control_has_an_accessible_name(qtbot: Any) -> None:
    from PySide6.QtWidgets import QAbstractButton, QComboBox, QDateTimeEdit, QPlainTextEdit

    dialog = _dialog(qtbot)
    controls: list[Any] = []
    for kind in (QAbstractButton, QComboBox, QDateTimeEdit, QPlainTextEdit):
        # Qt's own parts (the calendar popup's buttons) are named by Qt: "qt_…".
        controls += [w for w in dialog.findChildren(kind) if not w.objectName().startswith("qt_")]
    assert len(controls) > 15
    for widget in controls:
        assert widget.accessibleName(), widget
    assert QApplication.instance() is not None
