"""Nobody is raised on Today and in the Network page's notes at the same time.

The example network at the screenshots' clock (Wednesday 25 November 2026, 17:30 in
London), where Lucía is both a Today card and, read alone, the quietest person in the
notes: the notes ask Today's own answer (services.today_cards) and leave her to Today.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from supportnet.model.targets import GROUP, PERSON, TargetKey
from supportnet.scheduling.gaps import Gap, GapKind, find_gaps
from supportnet.scheduling.rhythm import cadence_by_group, cadence_by_person
from supportnet.services import Services
from supportnet.services.today_cards import on_today
from supportnet.ui.shell.main_window import MainWindow
from supportnet.ui.shell.sidebar import Page

TODAY = date(2026, 11, 25)
NOW = datetime(2026, 11, 25, 17, 30, tzinfo=UTC)
ZONE = "Europe/London"


@pytest.fixture
def store_template(demo_store_folders: Callable[[date, str], Path]) -> Path:
    """Every store here holds the example network: a copy of one made once a session."""
    return demo_store_folders(TODAY, ZONE)


@pytest.fixture
def window(store: Any, qtbot: Any) -> Iterator[MainWindow]:
    Services.of(store).settings.update(timezone=ZONE)
    shell = MainWindow(Services.of(store), data_location="/d", key_location="k", clock=lambda: NOW)
    qtbot.addWidget(shell)
    shell.show()
    shell.show_page(Page.NETWORK)
    shell.show_page(Page.TODAY)
    QApplication.processEvents()
    yield shell
    shell.close()


def _on_cards(window: MainWindow) -> set[TargetKey]:
    return {(c.suggestion.target.kind, c.suggestion.target.id) for c in window.today.cards}


def _notes(window: MainWindow) -> list[Gap]:
    model = window.network.gaps_model
    return [model.gap_at(row) for row in range(model.rowCount())]


def _names(services: Services, key: TargetKey) -> set[str]:
    """Every name the notes could call them by."""
    kind, item_id = key
    if kind == GROUP:
        return {services.groups.get(item_id).name}
    person = services.people.get(item_id)
    return {person.name, person.first_name, person.display_name}


def _raised(notes: list[Gap], services: Services, key: TargetKey) -> list[str]:
    """The notes about ``key``, by any of their names or pointing at them (activating a
    note shows whoever it points at on the map: that raises them too)."""
    kind, item_id = key
    words = [re.compile(rf"\b{re.escape(n)}\b") for n in _names(services, key) if n]
    return [
        gap.message
        for gap in notes
        if item_id in (gap.people if kind == PERSON else gap.groups)
        or any(w.search(gap.message) for w in words)
    ]


def test_nobody_on_today_is_named_in_the_notes(window: MainWindow, store: Any) -> None:
    services = Services.of(store)
    cards = _on_cards(window)
    assert cards  # the example's Wednesday has suggestions
    # One answer: the notes ask what Today shows, not a copy of its rules.
    assert on_today(services, NOW) == frozenset(cards)
    notes = _notes(window)
    assert notes  # the notes still speak (Mateo has been quiet for months)
    for key in cards:
        assert not _raised(notes, services, key), (key, _raised(notes, services, key))


def test_without_asking_today_the_notes_would_raise_lucia(window: MainWindow, store: Any) -> None:
    """The check above bites: read alone, the notes name Lucía, who is on Today."""
    services = Services.of(store)
    lucia = next(p for p in services.people.list_all() if p.first_name == "Lucía")
    assert (PERSON, lucia.id) in _on_cards(window)
    plans = services.plans.list_all()
    alone = find_gaps(
        services.people.list_all(),
        services.groups.list_all(),
        services.checkins.contact_stats_by_person(),
        services.checkins.contact_stats_by_group(),
        NOW,
        cadence_by_person=cadence_by_person(plans),
        cadence_by_group=cadence_by_group(plans),
    )
    assert _raised(alone, services, (PERSON, lucia.id))
    assert not _raised(_notes(window), services, (PERSON, lucia.id))


def test_once_lucia_waits_for_tomorrow_the_notes_may_speak_of_her(
    window: MainWindow, store: Any, qtbot: Any
) -> None:
    """ "Not today" takes her off Today; the notes, asking Today again, have room for her
    (and Undo brings her back to Today and off the notes)."""
    services = Services.of(store)
    lucia = next(p for p in services.people.list_all() if p.first_name == "Lucía")
    key = (PERSON, lucia.id)
    card = next(c for c in window.today.cards if c.suggestion.target.id == lucia.id)
    window.today.not_today(card.suggestion)
    qtbot.waitUntil(lambda: bool(_raised(_notes(window), services, key)))
    assert key not in _on_cards(window)
    window.undo_stack.undo()
    qtbot.waitUntil(lambda: not _raised(_notes(window), services, key))
    assert key in _on_cards(window)
    for shown in _on_cards(window):
        assert not _raised(_notes(window), services, shown)


def test_going_easy_and_back_keeps_the_notes_apart_from_today(
    window: MainWindow, store: Any
) -> None:
    """Going easy changes whom Today suggests without any change to the network; the notes
    follow at once (Lucía, in the middle circle, waits while going easy)."""
    services = Services.of(store)
    lucia = next(p for p in services.people.list_all() if p.first_name == "Lucía")
    key = (PERSON, lucia.id)
    window.today.set_going_easy(date(2026, 11, 30))
    assert key not in _on_cards(window)
    assert _raised(_notes(window), services, key)  # nothing on Today: the notes may
    window.today.stop_going_easy()
    assert key in _on_cards(window)
    assert not _raised(_notes(window), services, key)


def test_the_one_who_alone_gives_a_support_is_left_to_today(
    store: Any, qtbot: Any, window: MainWindow
) -> None:
    """Lucía on Today, and the only one who helps with everyday things: no note points at
    her (activating one would show her on the map), named or not."""
    from supportnet.model.network import SupportType

    services = Services.of(store)
    lucia = next(p for p in services.people.list_all() if p.first_name == "Lucía")
    for person in services.people.list_all():
        wanted = set(person.support_types) - {SupportType.PRACTICAL}
        if person.id == lucia.id:
            wanted.add(SupportType.PRACTICAL)
        if wanted != set(person.support_types):
            person.support_types = wanted
            services.people.update(person)
    for group in services.groups.list_all():
        if SupportType.PRACTICAL in group.support_types:
            group.support_types = set(group.support_types) - {SupportType.PRACTICAL}
            services.groups.update(group)
    window.signals.people_changed.emit()
    window.signals.groups_changed.emit()
    QApplication.processEvents()
    key = (PERSON, lucia.id)
    assert key in _on_cards(window)
    notes = _notes(window)
    assert not _raised(notes, services, key), _raised(notes, services, key)
    assert not any(g.kind is GapKind.SINGLE_SUPPORTER and "everyday" in g.message for g in notes)
