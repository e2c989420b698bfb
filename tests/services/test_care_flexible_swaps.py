"""A flexible check-in has no fixed dates to swap: its day moves with the last contact, so a
swap of one date would silently go astray. Such a swap is refused in words; one stored
before is left aside harmlessly."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import pytest

from supportnet.model.care import FLEXIBLE_SWAP, ME, CareTeam, RotaSlot, SlotSwap
from supportnet.model.checkins import CheckIn
from supportnet.model.errors import ValidationError
from supportnet.model.network import Person
from supportnet.model.plans import Cadence, Plan, PlanKind
from supportnet.services import Services

ZONE = "Europe/London"


def _flexible() -> Plan:
    return Plan(
        kind=PlanKind.FLEXIBLE,
        start_date=date(2026, 11, 1),
        timezone=ZONE,
        cadence=Cadence(ideal_days=5),
    )


@pytest.fixture
def services(store: Any) -> Services:
    services = Services.of(store)
    services.settings.update(timezone=ZONE)
    return services


def _team(services: Services) -> tuple[CareTeam, Person, Person, Person]:
    mum = services.people.add(Person("Mum"))
    owen = services.people.add(Person("Owen"))
    rosie = services.people.add(Person("Rosie"))
    team = CareTeam(
        "T",
        focus=mum.uid,
        supporters=[owen.uid, rosie.uid, ME],
        slots=[RotaSlot(_flexible(), owen.uid)],
    )
    services.care_teams.save(team)
    return team, mum, owen, rosie


def test_the_words() -> None:
    from tests.voice_rules import flagged

    assert FLEXIBLE_SWAP == (
        "Flexible check-ins move with the last contact; change who takes it instead."
    )
    assert flagged(FLEXIBLE_SWAP) == []


def test_a_swap_of_a_flexible_check_in_is_refused_in_words(services: Services) -> None:
    team, _mum, _owen, rosie = _team(services)
    swapped = services.care_teams.get(team.uid)
    swapped.swaps = [SlotSwap(team.slots[0].uid, date(2026, 12, 8), rosie.uid)]
    assert [p.message for p in swapped.problems()] == [FLEXIBLE_SWAP]
    with pytest.raises(ValidationError) as raised:
        services.care_teams.save(swapped)
    assert raised.value.message == FLEXIBLE_SWAP
    assert services.care_teams.get(team.uid).swaps == []


def test_a_swap_stored_before_is_left_aside_harmlessly(services: Services) -> None:
    team, mum, _owen, rosie = _team(services)
    # As a page before this fix could store it.
    services._store.db.execute(
        "INSERT INTO rota_swaps (slot_id, day, supporter) "
        "SELECT id, '2026-12-08', ? FROM rota_slots WHERE uid = ?",
        (rosie.uid, team.slots[0].uid),
    )
    again = services.care_teams.get(team.uid)
    assert again.swaps == []
    view = services.care_teams.rota(team.uid, date(2026, 12, 3), 14, ZONE)
    lines = [
        (d.day.day, line.supporter_name, line.swapped) for d in view.days for line in d.check_ins
    ]
    assert lines == [(3, "Owen", False), (8, "Owen", False), (13, "Owen", False)]
    assert mum.id is not None
    services.checkins.log(CheckIn(person_id=mum.id, at=datetime(2026, 12, 4, 10, tzinfo=UTC)))
    # The team can still be changed and saved; the stray swap goes then.
    again.note = "Calls, not texts"
    services.care_teams.save(again)
    assert services.care_teams.get(team.uid).note == "Calls, not texts"
    [(count,)] = services._store.db.execute("SELECT count(*) FROM rota_swaps")
    assert count == 0
