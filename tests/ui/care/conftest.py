"""A Care team page over a real store: Mum, two supporters and the user, a small rota."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

import pytest
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QVBoxLayout, QWidget

from supportnet.model.care import ME, CareTeam, RotaSlot
from supportnet.model.network import ChannelKind, Circle, ContactChannel, Person
from supportnet.model.plans import Frequency, Plan, PlanKind, Recurrence
from supportnet.services import Services
from supportnet.ui.care.page import CareTeamPageController
from supportnet.ui.shell.signals import AppSignals
from supportnet.ui.undo.commands import UndoContext
from tests.ui.conftest import ZONE

#: The page's today in these tests: a Sunday (tests/ui/conftest.py's NOW).
TODAY = date(2025, 6, 15)


def weekly(weekday: int, at: time, channel: ChannelKind, supporter: str | None) -> RotaSlot:
    """A slot every week on ``weekday`` (0 Monday) at ``at``, London time."""
    plan = Plan(
        kind=PlanKind.FIXED,
        start_date=date(2025, 6, 1),
        channel=channel,
        timezone=ZONE,
        window_start=at,
        window_end=time(at.hour, 30),
        recurrence=Recurrence(frequency=Frequency.WEEKLY, weekdays={weekday}),
    )
    return RotaSlot(plan, supporter)


@dataclass
class PageParts:
    page: CareTeamPageController
    services: Services
    stack: QUndoStack
    signals: AppSignals
    errors: list[str]
    people: dict[str, Person]
    team: CareTeam
    host: QWidget


def make_page(
    qtbot: Any,
    store: Any,
    clock: Callable[[], datetime],
    *,
    with_team: bool = True,
    first_weekday: int = 0,
) -> PageParts:
    people = {}
    for person in (
        Person("Mum", circle=Circle.INNER),
        Person(
            "Rosie Mensah",
            circle=Circle.INNER,
            channels=[ContactChannel(ChannelKind.CALL, "07700 900388", preferred=True)],
        ),
        Person("Owen Hughes", circle=Circle.MIDDLE),
    ):
        saved = store.people.add(person)
        people[saved.name] = saved
    services = Services.of(store)
    services.settings.update(timezone=ZONE)
    rosie, owen = people["Rosie Mensah"].uid, people["Owen Hughes"].uid
    team = CareTeam(
        "Mum's knee",
        focus=people["Mum"].uid,
        supporters=[rosie, owen, ME],
        note="A call, not a text.\nNot during the quiz.",
        comfortable_gap_days=1,
        slots=[
            weekly(1, time(20), ChannelKind.VIDEO, rosie),  # Tuesdays
            weekly(3, time(11), ChannelKind.CALL, owen),  # Thursdays
            weekly(5, time(10), ChannelKind.IN_PERSON, None),  # Saturdays, open
        ],
    )
    if with_team:
        services.care_teams.save(team)
    host = QWidget()
    qtbot.addWidget(host)
    signals = AppSignals(host)
    stack = QUndoStack(host)
    errors: list[str] = []
    ctx = UndoContext(services, signals, errors.append, stack)
    page = CareTeamPageController(
        services, clock, stack, ctx, signals, host, first_weekday=first_weekday
    )
    layout = QVBoxLayout(host)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(page.view)
    host.resize(1100, 760)
    return PageParts(page, services, stack, signals, errors, people, team, host)


@pytest.fixture
def parts(qtbot: Any, store: Any, clock: Callable[[], datetime]) -> PageParts:
    return make_page(qtbot, store, clock)
