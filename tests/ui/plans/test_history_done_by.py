"""A check-in a supporter did on the user's behalf reads with their name now, in the history
and in the form that changes it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time
from typing import Any

import pytest

from supportnet.model.care import ME, CareTeam, RotaSlot
from supportnet.model.checkins import CheckIn, Initiator
from supportnet.model.network import ChannelKind, Person
from supportnet.model.plans import Frequency, Plan, PlanKind, Recurrence
from supportnet.services import Services
from supportnet.ui.plans.history import HistoryModel
from supportnet.ui.plans.history_text import who_text
from tests.ui.conftest import ZONE
from tests.ui.plans.test_history import LONDON, Env, _history, _row

ROTA = "(on the care team rota)"


@pytest.fixture
def env(store: Any) -> Env:
    return Env(store)


class Team:
    def __init__(self, services: Services) -> None:
        self.dan = services.people.add(Person("Dan Okafor", nickname="Dan"))
        self.shiv = services.people.add(Person("Siobhan Kelly", nickname="Auntie Shiv"))
        monday = Plan(
            kind=PlanKind.FIXED,
            start_date=date(2026, 12, 7),
            timezone=ZONE,
            channel=ChannelKind.CALL,
            window_start=time(19),
            recurrence=Recurrence(Frequency.WEEKLY, weekdays={0}),
        )
        self.team = CareTeam(
            name="Around Dan",
            focus=self.dan.uid,
            supporters=[self.shiv.uid, ME],
            slots=[RotaSlot(monday, self.shiv.uid)],
        )
        services.care_teams.save(self.team)
        self.logged = services.care_teams.mark_done(
            self.team.uid,
            monday.uid,
            date(2026, 12, 7),
            note="He sounded brighter",
            now=datetime(2026, 12, 8, 9, tzinfo=LONDON),
        )


def test_who_text_words_each_case() -> None:
    at = datetime(2026, 12, 7, 19, tzinfo=LONDON)
    names = {"shiv": "Auntie Shiv"}
    assert who_text(CheckIn(at=at, person_id=1), names) == "I did"
    assert who_text(CheckIn(at=at, person_id=1, initiator=Initiator.THEM), names) == "They did"
    assert who_text(CheckIn(at=at, person_id=1, by="shiv", rota_slot="s"), names) == (
        f"Auntie Shiv checked in {ROTA}"
    )
    assert who_text(CheckIn(at=at, person_id=1, by="shiv"), names) == "Auntie Shiv checked in"
    assert who_text(CheckIn(at=at, person_id=1, by="gone", rota_slot="s"), names) == (
        f"Someone no longer in your network checked in {ROTA}"
    )
    # A team for the user: the supporter reached out to them, on the rota.
    them = CheckIn(at=at, person_id=1, initiator=Initiator.THEM, rota_slot="s")
    assert who_text(them, names) == f"They did {ROTA}"


def test_the_history_names_who_did_it_as_they_are_called_now(
    qtbot: Any, env: Env, clock: Callable[[], datetime]
) -> None:
    services = Services.of(env.store)
    team = Team(services)
    history = _history(qtbot, env, clock, team.dan)
    assert _row(history, 0)[1:3] == ["Phone call", f"Auntie Shiv checked in {ROTA}"]
    # Read whole, not cut short.
    table = history.view.table
    wanted = table.fontMetrics().horizontalAdvance(f"Auntie Shiv checked in {ROTA}")
    assert table.columnWidth(HistoryModel.COL_WHO) >= wanted
    # Renamed: the history follows (it refreshes when people change).
    shiv = services.people.get(team.shiv.id)
    shiv.nickname = "Shiv"
    services.people.update(shiv)
    env.signals.people_changed.emit()
    assert _row(history, 0)[2] == f"Shiv checked in {ROTA}"
    # Removed from the network: the check-in stays, and says so without a name.
    assert team.shiv.id is not None
    bundle = services.people.remove(team.shiv.id)
    env.signals.people_changed.emit()
    assert _row(history, 0)[2] == f"Someone no longer in your network checked in {ROTA}"
    services.people.restore(bundle)
    env.signals.people_changed.emit()
    assert _row(history, 0)[2] == f"Shiv checked in {ROTA}"


def test_the_form_says_who_checked_in_and_a_change_keeps_it(
    qtbot: Any, env: Env, clock: Callable[[], datetime]
) -> None:
    services = Services.of(env.store)
    team = Team(services)
    history = _history(qtbot, env, clock, team.dan)
    history.view.table.selectRow(0)
    editor = history.edit_selected()
    assert editor is not None
    qtbot.addWidget(editor)
    assert editor.done_by_label is not None
    assert editor.done_by_label.text() == f"Auntie Shiv checked in {ROTA}."
    assert editor.done_by_label.isVisible()
    # "Who reached out" doesn't apply to someone else's check-in.
    assert not editor.me_radio.isVisible()
    assert not editor.form.initiator_label.isVisible()
    assert not editor.them_radio.isVisible()
    editor.note_field.setPlainText("He sounded brighter; they talked about work")
    editor.save_button.click()
    (kept,) = services.checkins.for_person(team.dan.id)  # type: ignore[arg-type]
    assert kept.note == "He sounded brighter; they talked about work"
    assert (kept.by, kept.rota_slot) == (team.shiv.uid, team.team.slots[0].uid)
    env.stack.undo()
    (back,) = services.checkins.for_person(team.dan.id)  # type: ignore[arg-type]
    assert back == team.logged.checkin


def test_the_user_s_own_check_in_keeps_the_choice(
    qtbot: Any, env: Env, clock: Callable[[], datetime]
) -> None:
    dan = env.store.people.add(Person("Dan"))
    env.store.checkins.add(CheckIn(at=datetime(2026, 12, 1, 9, tzinfo=LONDON), person_id=dan.id))
    history = _history(qtbot, env, clock, dan)
    history.view.table.selectRow(0)
    editor = history.edit_selected()
    assert editor is not None
    qtbot.addWidget(editor)
    assert editor.done_by_label is None
    assert editor.me_radio.isVisible()
    assert editor.form.initiator_label.isVisible()
    assert editor.form.initiator_label.text().replace("&", "") == "Who reached out"
