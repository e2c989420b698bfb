"""Marking a rota check-in done: who (asked for when it was open), when (the planned time,
never ahead of now), how and a note, filled with the keyboard alone."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt, QTime
from PySide6.QtWidgets import QApplication, QDialog, QLabel

from supportnet.model.care import ME
from supportnet.model.network import ChannelKind
from supportnet.services.care_teams import YOU, RotaLine
from supportnet.ui.care.done_dialog import (
    CHOOSE_WHO,
    NOT_NOTED,
    STILL_AHEAD,
    DoneDialog,
    history_line,
)
from tests.ui.tab_walk import tab_walk
from tests.ui.test_alt_keys import alt_keys, clashes

ZONE = "Europe/London"
LONDON = ZoneInfo(ZONE)
SUPPORTERS: list[tuple[str | None, str]] = [("u-rosie", "Rosie"), ("u-owen", "Owen"), (ME, YOU)]
TUESDAY = date(2026, 12, 8)


def _line(
    supporter: str | None, at: str | None = "20:00", on: date = TUESDAY, **kw: Any
) -> RotaLine:
    return RotaLine(
        supporter_name=dict(SUPPORTERS).get(supporter),
        time=at,
        channel="Video call",
        swapped=False,
        supporter=supporter,
        channel_kind=kw.get("channel_kind", ChannelKind.VIDEO),
        slot_uid="slot-1",
        on=on,
    )


def _shown(qtbot: Any, line: RotaLine, now: datetime, **kw: Any) -> DoneDialog:
    dialog = DoneDialog(
        list(SUPPORTERS), line, "Tuesday 8 December", zone=ZONE, clock=lambda: now, **kw
    )
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    QApplication.processEvents()
    return dialog


def test_a_planned_check_in_is_done_with_enter(qtbot: Any) -> None:
    later = datetime(2026, 12, 9, 9, 0, tzinfo=LONDON)
    dialog = _shown(qtbot, _line("u-rosie"), later, focus_name="Mum")
    assert dialog.who_combo.currentText() == "Rosie"
    assert dialog.time_field.time() == QTime(20, 0)
    assert dialog.channel_combo.currentText() == "Video call"
    assert dialog.focusWidget() is dialog.time_field
    assert dialog.ok_button.isEnabled()
    labels = {label.text() for label in dialog.findChildren(QLabel)}
    assert "It goes into Mum's check-in history, with who checked in." in labels
    assert "Tuesday 8 December, at" in labels
    qtbot.keyClick(dialog.time_field, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.as_keywords() == {
        "supporter": "u-rosie",
        "at": datetime(2026, 12, 8, 20, 0, tzinfo=LONDON),
        "channel": ChannelKind.VIDEO,
        "note": "",
    }


def test_an_open_check_in_asks_who_and_the_keyboard_fills_the_rest(qtbot: Any) -> None:
    later = datetime(2026, 12, 9, 9, 0, tzinfo=LONDON)
    dialog = _shown(qtbot, _line(None, at=None, channel_kind=None), later)
    assert dialog.focusWidget() is dialog.who_combo
    assert dialog.who_combo.currentIndex() == -1
    assert not dialog.ok_button.isEnabled()
    assert dialog.save_hint.text() == "Choose who it was first"
    assert dialog.who_message.text() == ""  # asked for, not scolded, before anything is done
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)  # Enter waits for an answer
    assert QDialog.result(dialog) != QDialog.DialogCode.Accepted
    assert not dialog.isHidden()
    dialog.accept()  # and so does anything that gets past the button
    assert not dialog.isHidden()
    assert dialog.who_message.text() == CHOOSE_WHO
    assert dialog.who_combo.accessibleDescription() == CHOOSE_WHO
    qtbot.keyClick(dialog.who_combo, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.who_combo, Qt.Key.Key_Down)
    assert dialog.who_combo.currentText() == "Owen"
    assert dialog.who_message.text() == ""
    assert dialog.ok_button.isEnabled()
    qtbot.keyClick(dialog.who_combo, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.time_field
    assert dialog.time_field.time() == QTime(12, 0)  # any time of day: noon, as the service
    qtbot.keyClick(dialog.time_field, Qt.Key.Key_Down)  # an hour earlier
    qtbot.keyClick(dialog.time_field, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.channel_combo
    assert dialog.channel_combo.currentText() == NOT_NOTED
    qtbot.keyClick(dialog.channel_combo, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.channel_combo, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.note_field
    qtbot.keyClicks(dialog.note_field, "  Mum sounded brighter. ")
    qtbot.keyClick(dialog.note_field, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.cancel_button
    qtbot.keyClick(dialog.cancel_button, Qt.Key.Key_Tab)
    assert dialog.focusWidget() is dialog.ok_button
    qtbot.keyClick(dialog.ok_button, Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.as_keywords() == {
        "supporter": "u-owen",
        "at": datetime(2026, 12, 8, 11, 0, tzinfo=LONDON),
        "channel": ChannelKind.CALL,
        "note": "Mum sounded brighter.",
    }


def test_today_early_defaults_to_now_and_never_the_future(qtbot: Any) -> None:
    now = datetime(2026, 12, 8, 17, 42, tzinfo=LONDON)
    dialog = _shown(qtbot, _line("u-rosie"), now)
    assert dialog.time_field.time() == QTime(17, 42)  # done early, before the planned 20:00
    assert dialog.when_message.text() == ""
    dialog.time_field.setTime(QTime(18, 0))
    assert dialog.when_message.text() == STILL_AHEAD
    assert dialog.time_field.accessibleDescription() == STILL_AHEAD
    assert not dialog.ok_button.isEnabled()
    dialog.accept()
    assert QDialog.result(dialog) != QDialog.DialogCode.Accepted
    dialog.time_field.setTime(QTime(17, 30))
    assert dialog.ok_button.isEnabled()
    assert dialog.when() == datetime(2026, 12, 8, 17, 30, tzinfo=LONDON)


def test_esc_cancels(qtbot: Any) -> None:
    dialog = _shown(qtbot, _line("u-rosie"), datetime(2026, 12, 9, tzinfo=LONDON))
    qtbot.keyClick(dialog.time_field, Qt.Key.Key_Escape)
    assert QDialog.result(dialog) == QDialog.DialogCode.Rejected


def test_whose_history_it_goes_into() -> None:
    assert history_line("Dan") == "It goes into Dan's check-in history, with who checked in."
    assert history_line(YOU, ME) == "It goes into your check-in history, with who checked in."
    assert history_line(None).startswith("It goes into the check-in history of the person")


def test_named_in_tab_order_with_its_own_alt_keys(qtbot: Any) -> None:
    dialog = _shown(qtbot, _line("u-rosie"), datetime(2026, 12, 9, tzinfo=LONDON))
    focusable, reached = tab_walk(dialog, dialog.who_combo, lambda w: w.focusProxy() is None)
    assert [type(w).__name__ for w in focusable if not w.accessibleName()] == []
    order = [*reached, reached[0]]  # round to the start again
    assert order == [
        dialog.who_combo,
        dialog.time_field,
        dialog.channel_combo,
        dialog.note_field,
        dialog.cancel_button,
        dialog.ok_button,
        dialog.who_combo,
    ]
    assert clashes(alt_keys(dialog)) == {}
    assert time(20, 0) == dialog.when().time()


def test_whose_history_it_goes_into_in_german() -> None:
    from supportnet import i18n
    from supportnet.services.care_teams import name_of

    i18n.set_language("de")
    try:
        you = name_of(ME, {})
        assert you == i18n._(YOU) != YOU  # the user is named in German
        mine = i18n._("It goes into your check-in history, with who checked in.")
        assert history_line(you, ME) == mine != history_line("Dan")
        assert history_line(None, "u-gone") == history_line(None)
    finally:
        i18n.set_language(i18n.ENGLISH)
