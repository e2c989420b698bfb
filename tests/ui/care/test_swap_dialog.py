"""The swap dialog: one date of a check-in to someone else, back to its usual supporter,
or left open, chosen with the arrow keys; the rest of the series is untouched."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QLabel

from supportnet.model.care import ME
from supportnet.model.network import ChannelKind
from supportnet.services.care_teams import RotaLine
from supportnet.ui.care.swap_dialog import AS_USUAL, LEAVE_OPEN, SwapDialog, line_text
from tests.ui.test_alt_keys import alt_keys, clashes

SUPPORTERS: list[tuple[str | None, str]] = [("u-rosie", "Rosie"), ("u-owen", "Owen"), (ME, "You")]
ON = date(2026, 12, 8)


def _line(supporter: str | None, *, swapped: bool = False) -> RotaLine:
    return RotaLine(
        supporter_name=dict(SUPPORTERS).get(supporter),
        time="20:00",
        channel="Video call",
        swapped=swapped,
        supporter=supporter,
        channel_kind=ChannelKind.VIDEO,
        slot_uid="slot-1",
        on=ON,
    )


def _shown(qtbot: Any, line: RotaLine, **kw: Any) -> SwapDialog:
    dialog = SwapDialog(list(SUPPORTERS), line, "Tuesday 8 December", **kw)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    QApplication.processEvents()
    return dialog


def test_it_asks_who_takes_that_date_and_says_the_series_stays(qtbot: Any) -> None:
    dialog = _shown(qtbot, _line("u-rosie"))
    labels = {label.text() for label in dialog.findChildren(QLabel)}
    assert "Who takes this check-in on Tuesday 8 December?" in labels
    assert "20:00 · Video call" in labels
    assert "Only this date changes; the rest of the series stays as it is." in labels
    assert dialog.choice_texts() == ["Rosie (as usual)", "Owen", "You", LEAVE_OPEN]


def test_the_arrow_keys_choose_and_enter_accepts(qtbot: Any) -> None:
    dialog = _shown(qtbot, _line("u-rosie"))
    first = dialog.checked_button()
    assert first.text() == "Rosie (as usual)"
    assert dialog.focusWidget() is first
    assert dialog.removes_swap()
    qtbot.keyClick(first, Qt.Key.Key_Down)
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Down)
    assert dialog.checked_button().text() == "You"
    assert (dialog.removes_swap(), dialog.result_supporter()) == (False, ME)
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Down)
    assert (dialog.removes_swap(), dialog.result_supporter()) == (False, None)  # left open
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Return)
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_esc_changes_nothing(qtbot: Any) -> None:
    dialog = _shown(qtbot, _line("u-rosie"))
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Down)
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Escape)
    assert dialog.result() == QDialog.DialogCode.Rejected


def test_a_swapped_date_starts_on_whoever_has_it_and_can_go_back(qtbot: Any) -> None:
    dialog = _shown(qtbot, _line("u-owen", swapped=True), usual="u-rosie")
    assert dialog.choice_texts() == ["Rosie (as usual)", "Owen", "You", LEAVE_OPEN]
    assert dialog.checked_button().text() == "Owen"
    assert (dialog.removes_swap(), dialog.result_supporter()) == (False, "u-owen")
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Up)
    assert (dialog.removes_swap(), dialog.result_supporter()) == (True, "u-rosie")


def test_a_date_left_open_by_a_swap_starts_on_leave_it_open(qtbot: Any) -> None:
    dialog = _shown(qtbot, _line(None, swapped=True))
    # Without being told whose the series is, the first choice puts it back all the same.
    assert dialog.choice_texts() == [AS_USUAL, "Rosie", "Owen", "You", LEAVE_OPEN]
    assert dialog.checked_button().text() == LEAVE_OPEN
    dialog.buttons[0][0].setChecked(True)
    assert dialog.removes_swap()


def test_an_open_check_in_offers_everyone_once(qtbot: Any) -> None:
    dialog = _shown(qtbot, _line(None))
    assert dialog.choice_texts() == ["Open — nobody yet (as usual)", "Rosie", "Owen", "You"]
    assert dialog.removes_swap()
    dialog.buttons[1][0].setChecked(True)
    assert (dialog.removes_swap(), dialog.result_supporter()) == (False, "u-rosie")


def test_named_with_its_own_alt_keys(qtbot: Any) -> None:
    dialog = _shown(qtbot, _line("u-rosie"))
    assert all(button.accessibleName() for button, _u, _r in dialog.buttons)
    assert dialog.choices.accessibleName() == "Who takes this check-in on Tuesday 8 December?"
    assert clashes(alt_keys(dialog)) == {}
    assert line_text(_line(None)) == "20:00 · Video call"


@pytest.mark.parametrize("channel", [None, "Phone call"])
def test_a_check_in_at_any_time_of_day_reads_so(channel: str | None) -> None:
    line = RotaLine(None, None, channel, False)
    expected = "Any time of day" + (f" · {channel}" if channel else "")
    assert line_text(line) == expected
