"""The care team card on Today, over the example network ("Mum's knee") in a real store."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from supportnet.model.care import ME, CareTeam, RotaSlot
from supportnet.model.network import ChannelKind
from supportnet.model.plans import Frequency, Plan, PlanKind, Recurrence
from supportnet.services import Services
from supportnet.ui.shell.main_window import MainWindow
from supportnet.ui.today.care_card import MARK_DONE_TEXT
from tests.ui.conftest import NOW, ZONE

PRESSING = ("uncovered", "overdue", "missed", "late", "streak", "!")
#: The example team's check-ins at NOW (a Sunday): Mum's own card is not on the page.
TEAM_TODAY = ["You call Mum at 18:00", "Owen Hughes messages Mum, any time today"]


@pytest.fixture
def london(demo_store: Any) -> Any:
    settings = demo_store.settings.load()
    settings.timezone = ZONE
    demo_store.settings.save(settings)
    return demo_store


def _window(qtbot: Any, store: Any, now: datetime = NOW) -> MainWindow:
    window = MainWindow(
        Services.of(store),
        data_location="/data/here",
        key_location="the system keyring",
        clock=lambda: now,
    )
    qtbot.addWidget(window)
    window.resize(1280, 800)
    return window


def _shown(qtbot: Any, window: MainWindow) -> MainWindow:
    with qtbot.waitExposed(window):
        window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    return window


def test_the_team_s_check_ins_of_the_day_are_one_calm_card_after_the_suggestions(
    qtbot: Any, london: Any
) -> None:
    window = _shown(qtbot, _window(qtbot, london))
    today = window.today
    card = today.team_card
    assert card is not None
    assert today.view.cards[-1] is card  # the user's own suggestions come first
    assert card.title_label.text() == "Your care team today"
    assert card.accessibleName() == "Your care team today"
    assert card.accessibleDescription() == "Mum's knee"
    assert card.texts() == TEAM_TODAY
    assert not card.more_label.isVisibleTo(card)
    for row in card.rows:
        assert row.done_button.text() == MARK_DONE_TEXT
        assert row.done_button.accessibleName() == f"Mark as done: {row.line.text}"
        assert row.accessibleName() == row.line.text
    texts = today.view.visible_texts()
    assert "You call Mum at 18:00" in texts
    for text in texts:
        assert not any(word in text.lower() for word in PRESSING), text


@pytest.mark.parametrize("cap", [1, 2, 3, 4, 6])
def test_never_more_cards_than_the_gentle_cap(qtbot: Any, london: Any, cap: int) -> None:
    settings = london.settings.load()
    settings.suggestions_per_day = cap
    london.settings.save(settings)
    window = _window(qtbot, london)
    view = window.today.view
    assert len(view.cards) == cap  # the example network has more than enough to say
    card = window.today.team_card
    assert card is not None
    assert view.cards[-1] is card
    assert len(card.rows) <= cap
    if cap == 1:
        # One line fits; the other is pointed to, calmly.
        assert card.texts() == ["You call Mum at 18:00"]
        assert card.more_label.isVisibleTo(card)
        assert card.more_label.text() == "And one more check-in today, on the Care team page."


def test_a_day_with_no_team_check_ins_leaves_every_place_to_the_suggestions(
    qtbot: Any, london: Any
) -> None:
    services = Services.of(london)
    for team in services.care_teams.list():
        services.care_teams.remove(team.uid)
    window = _window(qtbot, london)
    assert window.today.team_card is None
    assert len(window.today.cards) == 3


def test_a_team_for_the_user_says_who_checks_in_with_them(qtbot: Any, london: Any) -> None:
    services = Services.of(london)
    rosie = next(p for p in services.people.list_all() if p.name == "Rosie Mensah")
    plan = Plan(
        kind=PlanKind.FIXED,
        start_date=NOW.date() - timedelta(days=7),
        timezone=ZONE,
        channel=None,
        window_start=time(19),
        window_end=time(19, 30),
        recurrence=Recurrence(Frequency.WEEKLY, weekdays={6}),
    )
    open_call = Plan(
        kind=PlanKind.FIXED,
        start_date=NOW.date() - timedelta(days=7),
        timezone=ZONE,
        channel=ChannelKind.CALL,
        window_start=time(9),
        window_end=time(9, 30),
        recurrence=Recurrence(Frequency.WEEKLY, weekdays={6}),
    )
    services.care_teams.save(
        CareTeam(
            name="After the hospital",
            focus=ME,
            supporters=[rosie.uid],
            slots=[RotaSlot(plan, rosie.uid), RotaSlot(open_call, None)],
        )
    )
    settings = london.settings.load()
    settings.suggestions_per_day = 5
    london.settings.save(settings)
    window = _window(qtbot, london)
    card = window.today.team_card
    assert card is not None
    assert card.title_label.text() == "Your care teams today"
    assert card.texts() == [
        "Your 09:00 check-in is open — nobody planned yet",
        "You call Mum at 18:00",
        "Rosie Mensah checks in with you at 19:00",
        "Owen Hughes messages Mum, any time today",
    ]


def test_the_card_works_from_the_keyboard(qtbot: Any, london: Any) -> None:
    window = _shown(qtbot, _window(qtbot, london))
    today = window.today
    card = today.team_card
    assert card is not None
    last = today.cards[-1]
    last.another_day_button.setFocus()
    qtbot.waitUntil(last.another_day_button.hasFocus)
    # Past the last suggestion's buttons, Tab reaches each "Mark as done…" in turn.
    focus = QApplication.focusWidget()
    while focus is not card.rows[0].done_button:
        qtbot.keyClick(focus, Qt.Key.Key_Tab)
        assert QApplication.focusWidget() is not focus
        focus = QApplication.focusWidget()
        assert focus is not None
        assert focus is not today.view.log_button, "Tab skipped the care team card"
    qtbot.keyClick(focus, Qt.Key.Key_Tab)
    assert card.rows[1].done_button.hasFocus()
    qtbot.keyClick(card.rows[1].done_button, Qt.Key.Key_Tab)
    assert today.view.log_button.hasFocus()


def test_the_card_follows_the_day(qtbot: Any, london: Any) -> None:
    tuesday = datetime.combine(date(2025, 6, 17), time(12), NOW.tzinfo)
    window = _window(qtbot, london, tuesday)
    card = window.today.team_card
    assert card is not None
    assert card.texts() == [
        "Rosie Mensah has a video call with Mum at 20:00",
        "Owen Hughes messages Mum, any time today",
    ]


def _settle(qtbot: Any, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: not window._refresh_timer.isActive())


def _mum_history(store: Any) -> list[Any]:
    mum = next(p for p in store.people.list_all() if p.nickname == "Mum" or p.name == "Mum")
    return list(store.checkins.for_person(mum.id))


def test_mark_as_done_on_someone_s_behalf_then_undo_and_redo(qtbot: Any, london: Any) -> None:
    window = _shown(qtbot, _window(qtbot, london))
    today = window.today
    card = today.team_card
    assert card is not None
    before = _mum_history(london)
    row = card.row_for("You call Mum at 18:00")
    assert row is not None
    row.done_button.setFocus()
    qtbot.waitUntil(row.done_button.hasFocus)
    qtbot.keyClick(row.done_button, Qt.Key.Key_Space)  # the keyboard alone
    dialog = today.done_dialog
    assert dialog is not None
    assert dialog.windowTitle() == "Mark as done"
    assert dialog.history_note.text() == "It goes into Mum's check-in history, with who checked in."
    # Rosie made the call instead, and said so.
    rosie = next(p for p in london.people.list_all() if p.name == "Rosie Mensah")
    dialog.who_combo.setCurrentIndex(dialog.who_combo.findData(rosie.uid))
    dialog.note_field.setPlainText("Knee much better")
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: today.done_dialog is None)

    after = _mum_history(london)
    assert len(after) == len(before) + 1
    logged = next(c for c in after if c.uid not in {b.uid for b in before})
    assert logged.by == rosie.uid
    assert logged.rota_slot == row.line.line.slot_uid
    assert logged.note == "Knee much better"
    assert logged.at <= NOW
    assert window.note.text() == "Saved"
    _settle(qtbot, window)
    card = today.team_card
    assert card is not None
    done = card.row_for("Done — Rosie Mensah checked in")
    assert done is not None
    assert not done.done_button.isVisibleTo(done)  # nothing more to do there
    assert done.accessibleName() == "Done — Rosie Mensah checked in"

    window.undo()
    assert [c.uid for c in _mum_history(london)] == [c.uid for c in before]
    _settle(qtbot, window)
    card = today.team_card
    assert card is not None
    assert "You call Mum at 18:00" in card.texts()

    window.redo()
    again = _mum_history(london)
    assert logged.uid in [c.uid for c in again]  # the same check-in, not a copy
    _settle(qtbot, window)
    card = today.team_card
    assert card is not None
    assert "Done — Rosie Mensah checked in" in card.texts()


def test_cancelling_mark_as_done_changes_nothing(qtbot: Any, london: Any) -> None:
    window = _window(qtbot, london)
    card = window.today.team_card
    assert card is not None
    before = _mum_history(london)
    card.rows[0].done_button.click()
    dialog = window.today.done_dialog
    assert dialog is not None
    dialog.reject()
    qtbot.waitUntil(lambda: window.today.done_dialog is None)
    assert [c.uid for c in _mum_history(london)] == [c.uid for c in before]
    assert not window.undo_stack.canUndo()


def test_once_all_is_done_the_card_gives_its_place_back(qtbot: Any, london: Any) -> None:
    services = Services.of(london)
    for line in services.care_today(NOW.date(), ZONE, limit=5).lines:
        assert line.line.on is not None
        services.care_teams.mark_done(line.team_uid, line.line.slot_uid, line.line.on, now=NOW)
    window = _window(qtbot, london)
    today = window.today
    card = today.team_card
    assert card is not None
    assert sorted(card.texts()) == ["Done — Owen Hughes checked in", "Done — you checked in"]
    assert card.focus_order() == []  # nothing left to press
    assert len(today.cards) == 3  # the suggestions have every place the cap gives
    assert today.view.cards[-1] is card


def test_a_stretch_coming_up_with_nobody_planned_is_said_with_the_way_to_the_rota(
    qtbot: Any, london: Any
) -> None:
    from supportnet.ui.shell.sidebar import Page

    # Wednesday 2 December: the example team has nobody planned on Fri 4 – Sat 5 Dec,
    # longer than the one day it is comfortable with.
    wednesday = datetime(2026, 12, 2, 9, tzinfo=NOW.tzinfo)
    window = _shown(qtbot, _window(qtbot, london, wednesday))
    card = window.today.team_card
    assert card is not None
    assert card.today.ahead == [
        "Nobody is planned yet for Mum on Fri 4 – Sat 5 Dec, a longer stretch than the team "
        "is comfortable with."
    ]
    assert [label.text() for label in card.ahead_labels] == card.today.ahead
    button = card.open_rota_button
    assert button.isVisible()
    assert button.accessibleName() == "Open the rota on the Care team page"
    assert button in card.focus_order()
    assert not any(word in card.today.ahead[0].lower() for word in PRESSING)
    button.setFocus()
    qtbot.keyClick(button, Qt.Key.Key_Space)
    assert window.current_page is Page.CARE_TEAM
    # On Sunday the next such stretch is further off than three days: no note, no button.
    sunday = _shown(qtbot, _window(qtbot, london))
    sunday_card = sunday.today.team_card
    assert sunday_card is not None
    assert sunday_card.today.ahead == []
    assert sunday_card.open_rota_button.isHidden()


def test_a_team_removed_before_mark_as_done_is_accepted_says_so_and_reads_again(
    qtbot: Any, london: Any, monkeypatch: Any
) -> None:
    from supportnet.ui.care.edits import SAVE_ERROR_TITLE
    from supportnet.ui.widgets import dialogs

    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(
        dialogs, "show_error", lambda _p, message, title="": shown.append((title, message))
    )
    window = _window(qtbot, london)
    today = window.today
    card = today.team_card
    assert card is not None
    before = _mum_history(london)
    card.rows[0].done_button.click()
    dialog = today.done_dialog
    assert dialog is not None
    team = london.care_teams.list()[0]
    Services.of(london).care_teams.remove(team.uid)  # elsewhere, while the dialog is open
    dialog.ok_button.click()
    qtbot.waitUntil(lambda: today.done_dialog is None)
    assert len(shown) == 1
    assert shown[0][0] == SAVE_ERROR_TITLE
    assert "undo" not in shown[0][1].lower()
    assert [c.uid for c in _mum_history(london)] == [c.uid for c in before]
    assert not window.undo_stack.canUndo()
    assert today.team_card is None  # read again: the team has gone
