"""Deleting someone who is on a care team: the real question says what it means for the team,
calmly, and undo brings their check-ins there back."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, time
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton

from supportnet.model.care import ME, CareTeam, RotaSlot
from supportnet.model.network import ChannelKind, Person
from supportnet.model.plans import Frequency, Plan, PlanKind, Recurrence
from supportnet.services import Services
from supportnet.ui.shell.main_window import MainWindow, Page
from tests.ui.undo.test_undo import _window


class Asked:
    """The real message boxes shown, answered by clicking the button named ``answer``."""

    def __init__(self, answer: str) -> None:
        self.answer = answer
        self.boxes: list[tuple[str, str, list[str], str]] = []

    def __call__(self, box: QMessageBox) -> int:
        buttons = [b.text() for b in box.findChildren(QPushButton)]
        default = box.defaultButton()
        self.boxes.append(
            (box.windowTitle(), box.text(), buttons, default.text() if default else "")
        )
        for button in box.buttons():
            if button.text() == self.answer:
                button.click()
        return 0


def _team(store: Any) -> tuple[Person, Person, CareTeam]:
    services = Services.of(store)
    mum = services.people.add(Person("Margaret Doyle", nickname="Mum"))
    rosie = services.people.add(Person("Rosie"))
    monday = Plan(
        kind=PlanKind.FIXED,
        start_date=date(2026, 12, 7),
        timezone="Europe/London",
        channel=ChannelKind.CALL,
        window_start=time(19),
        recurrence=Recurrence(Frequency.WEEKLY, weekdays={0}),
    )
    team = CareTeam(
        name="Mum's knee",
        focus=mum.uid,
        supporters=[rosie.uid, ME],
        slots=[RotaSlot(monday, rosie.uid)],
    )
    services.care_teams.save(team)
    return mum, rosie, team


def _delete_from_people_page(qtbot: Any, window: MainWindow, person: Person) -> None:
    window.show_page(Page.PEOPLE)
    assert window.people.select("person", person.id)
    qtbot.keyClick(window.people.view.people_table, Qt.Key.Key_Delete)


def test_deleting_a_supporter_says_what_happens_to_their_check_ins(
    qtbot: Any, store: Any, clock: Callable[[], datetime], monkeypatch: pytest.MonkeyPatch
) -> None:
    _mum, rosie, team = _team(store)
    asked = Asked("Delete Rosie")
    monkeypatch.setattr(QMessageBox, "exec", lambda box: asked(box))
    window = _window(qtbot, store, clock)
    _delete_from_people_page(qtbot, window, rosie)

    (box,) = asked.boxes
    title, text, buttons, default = box
    assert title == "Delete from your network"
    assert text == (
        "Delete Rosie? Rosie is a supporter on Mum's knee; their check-ins there will show "
        "as open until someone takes them. You can undo this."
    )
    assert default == "Keep", "keeping them is the safe default"
    assert set(buttons) >= {"Delete Rosie", "Keep"}
    services = Services.of(store)
    line = services.care_teams.rota(team.uid, date(2026, 12, 7), 1, "Europe/London")
    assert line.days[0].check_ins[0].supporter is None, "open while they are gone"

    window.undo()
    line = services.care_teams.rota(team.uid, date(2026, 12, 7), 1, "Europe/London")
    assert line.days[0].check_ins[0].supporter_name == "Rosie"


def test_deleting_the_person_a_team_is_for_says_the_team_stays(
    qtbot: Any, store: Any, clock: Callable[[], datetime], monkeypatch: pytest.MonkeyPatch
) -> None:
    mum, _rosie, _made = _team(store)
    asked = Asked("Keep")
    monkeypatch.setattr(QMessageBox, "exec", lambda box: asked(box))
    window = _window(qtbot, store, clock)
    _delete_from_people_page(qtbot, window, mum)

    ((_title, text, _buttons, _default),) = asked.boxes
    assert text == (
        "Delete Margaret Doyle? Mum's knee is there for Margaret Doyle; the team and its "
        "rota stay as they are. You can undo this."
    )
    assert [p.name for p in store.people.list_all()] == ["Margaret Doyle", "Rosie"]
    assert not window.undo_stack.canUndo()


def test_someone_on_no_team_is_asked_as_before(
    qtbot: Any, store: Any, clock: Callable[[], datetime], monkeypatch: pytest.MonkeyPatch
) -> None:
    _team(store)
    sam = store.people.add(Person("Sam"))
    asked = Asked("Keep")
    monkeypatch.setattr(QMessageBox, "exec", lambda box: asked(box))
    window = _window(qtbot, store, clock)
    _delete_from_people_page(qtbot, window, sam)
    assert [text for _t, text, _b, _d in asked.boxes] == ["Delete Sam? You can undo this."]
