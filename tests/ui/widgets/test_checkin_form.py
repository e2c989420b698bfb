"""Logging a check-in and changing a logged one show the same fields, from the one form."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from supportnet.model.checkins import CheckIn, Initiator
from supportnet.model.network import ChannelKind
from supportnet.ui.plans.checkin_editor import CheckInEditor
from supportnet.ui.today.log_dialog import LogDialog
from supportnet.ui.widgets.checkin_form import FIELDS, CheckInForm
from tests.ui.conftest import NOW, ZONE

CHECKIN = CheckIn(
    at=datetime(2025, 6, 10, 17, 5, tzinfo=UTC),
    person_id=1,
    channel=ChannelKind.VIDEO,
    initiator=Initiator.THEM,
    note="Long chat",
    mood_before=2,
    mood_after=4,
    id=7,
)


def _both(qtbot: Any) -> tuple[LogDialog, CheckInEditor]:
    log = LogDialog([(("person", 1), "Sam")], lambda c: c, now=NOW, zone=ZONE)
    editor = CheckInEditor(CHECKIN, lambda c: c, name="Sam", user_zone=ZONE)
    for dialog in (log, editor):
        qtbot.addWidget(dialog)
    return log, editor


def _fields(form: CheckInForm) -> dict[str, Any]:
    return {
        "at": form.when_field,
        "channel": form.channel_combo,
        "initiator": form.initiator_group,
        "mood_before": form.mood_before,
        "mood_after": form.mood_after,
        "note": form.note_field,
    }


def test_both_dialogs_show_the_same_fields_from_the_one_form(qtbot: Any) -> None:
    log, editor = _both(qtbot)
    assert isinstance(log.form, CheckInForm)
    assert isinstance(editor.form, CheckInForm)
    for dialog in (log, editor):
        fields = _fields(dialog.form)
        assert tuple(fields) == FIELDS
        # Each dialog's controls are the form's own, not copies of them.
        when = dialog.when_field if isinstance(dialog, CheckInEditor) else dialog.when_edit
        assert when is fields["at"]
        assert dialog.channel_combo is fields["channel"]
        assert dialog.note_field is fields["note"]
        assert (dialog.me_radio, dialog.them_radio) == (
            dialog.form.me_radio,
            dialog.form.them_radio,
        )
        assert dialog.form.isAncestorOf(fields["note"])
        assert dialog.isAncestorOf(dialog.form)
    names = [
        [w.accessibleName() for w in (f["at"], f["channel"], f["mood_before"], f["mood_after"])]
        for f in (_fields(log.form), _fields(editor.form))
    ]
    assert names[0] == names[1] == ["When", "How", "Mood before", "Mood after"]
    assert log.note_field.accessibleName() == editor.note_field.accessibleName() == "Note"
    ways = [
        [combo.itemData(i) for i in range(combo.count())]
        for combo in (log.channel_combo, editor.channel_combo)
    ]
    assert ways[0] == ways[1] == [None, *(kind.value for kind in ChannelKind)]


def test_the_form_reads_back_what_it_was_given_in_either_look(qtbot: Any) -> None:
    log, editor = _both(qtbot)
    for form in (log.form, editor.form):
        form.set_when(CHECKIN.at)
        form.set_channel(CHECKIN.channel)
        form.set_initiator(CHECKIN.initiator)
        form.set_moods(CHECKIN.mood_before, CHECKIN.mood_after)
        form.note_field.setPlainText(CHECKIN.note)
        assert form.when() == CHECKIN.at
        assert form.channel() is ChannelKind.VIDEO
        assert form.initiator() is Initiator.THEM
        assert form.moods() == (2, 4)
        assert form.note() == "Long chat"
    built = log.build()
    assert (built.at, built.channel, built.initiator, built.note) == (
        CHECKIN.at,
        CHECKIN.channel,
        CHECKIN.initiator,
        CHECKIN.note,
    )
    assert (built.mood_before, built.mood_after) == (2, 4)
    assert editor.build() == CHECKIN


def test_moods_are_words_in_both_looks_the_number_only_for_screen_readers(qtbot: Any) -> None:
    """docs/voice.md: moods are words, never the scale's numbers; "2 of 5" is the
    accessible description, as the log dialog's buttons have it."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QLabel

    from supportnet.model.checkins import MOOD_MAX, MOOD_MIN, mood_word
    from supportnet.ui.widgets.checkin_form import MoodList

    log, editor = _both(qtbot)
    words = [mood_word(mood) for mood in range(MOOD_MIN, MOOD_MAX + 1)]
    assert words[1] == "Low"
    mood_list = editor.form.mood_before
    assert isinstance(mood_list, MoodList)
    items = [mood_list.itemText(i) for i in range(mood_list.count())]
    assert items[1:] == words
    described = Qt.ItemDataRole.AccessibleDescriptionRole
    assert [mood_list.itemData(i, described) for i in range(1, mood_list.count())] == [
        f"{mood} of 5" for mood in range(MOOD_MIN, MOOD_MAX + 1)
    ]
    buttons = log.form.mood_before.buttons
    assert [buttons[mood].text() for mood in range(MOOD_MIN, MOOD_MAX + 1)] == words
    assert buttons[2].accessibleDescription() == "2 of 5"
    for dialog in (log, editor):
        said = " ".join(label.text() for label in dialog.findChildren(QLabel))
        assert not any(char.isdigit() for char in said.replace("2025", "")), said
