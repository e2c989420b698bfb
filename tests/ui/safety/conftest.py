"""A plan page over a real store holding a small hand-made network."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import pytest
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QVBoxLayout, QWidget

from supportnet.model.network import (
    ChannelKind,
    Circle,
    ContactChannel,
    Group,
    GroupKind,
    LifeDomain,
    Person,
)
from supportnet.services import Services
from supportnet.ui.safety.page import SafetyPlanPageController
from supportnet.ui.shell.signals import AppSignals
from supportnet.ui.undo.commands import UndoContext


@dataclass
class PageParts:
    page: SafetyPlanPageController
    services: Services
    stack: QUndoStack
    signals: AppSignals
    errors: list[str]
    people: dict[str, Person]
    groups: dict[str, Group]


@pytest.fixture
def parts(qtbot: Any, store: Any, clock: Callable[[], datetime]) -> PageParts:
    people = {}
    for person in (
        Person(
            "Sam Rivera",
            circle=Circle.INNER,
            channels=[ContactChannel(ChannelKind.CALL, "07700 900123", preferred=True)],
        ),
        Person("Ana Lima", circle=Circle.MIDDLE, domain=LifeDomain.FAMILY),
        Person(
            "Dr Okafor",
            circle=Circle.OUTER,
            domain=LifeDomain.PROFESSIONALS,
            channels=[ContactChannel(ChannelKind.CALL, "0161 496 0000")],
        ),
    ):
        saved = store.people.add(person)
        people[saved.name] = saved
    groups = {}
    for group in (
        Group("Walking group", kind=GroupKind.CLUB, place="The park gate"),
        Group("Mind the Gap team", kind=GroupKind.SERVICE),
    ):
        saved_group = store.groups.add(group)
        groups[saved_group.name] = saved_group
    host = QWidget()
    qtbot.addWidget(host)
    services = Services.of(store)
    signals = AppSignals(host)
    stack = QUndoStack(host)
    errors: list[str] = []
    ctx = UndoContext(services, signals, errors.append, stack)
    page = SafetyPlanPageController(services, clock, stack, ctx, signals, host)
    layout = QVBoxLayout(host)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(page.view)
    host.resize(900, 700)
    return PageParts(page, services, stack, signals, errors, people, groups)
