"""The last contact a team's flexible check-ins count from: for a team for the user, the
latest check-in on the team's rota; for a team for someone else, any contact with them.
The rota and a supporter's calendar read it the same way."""

from __future__ import annotations

from datetime import UTC, date, datetime
from typing import Any

import pytest

from supportnet.calendar import ExportOptions
from supportnet.model.care import ME, CareTeam, RotaSlot
from supportnet.model.checkins import CheckIn
from supportnet.model.network import ChannelKind, Circle, Person
from supportnet.model.plans import Cadence, Plan, PlanKind
from supportnet.services import Services
from supportnet.services.rota_export import preview_supporter

ZONE = "Europe/London"
#: Thursday 3 December 2026, evening.
EVENING = datetime(2026, 12, 3, 20, tzinfo=UTC)


def _flexible() -> Plan:
    return Plan(
        kind=PlanKind.FLEXIBLE,
        start_date=date(2026, 11, 1),
        timezone=ZONE,
        cadence=Cadence(ideal_days=5),
        channel=ChannelKind.CALL,
    )


class World:
    def __init__(self, services: Services, focus_me: bool) -> None:
        services.settings.update(timezone=ZONE)
        self.services = services
        self.shiv = services.people.add(Person("Shiv", circle=Circle.INNER))
        self.dan = services.people.add(Person("Dan", circle=Circle.INNER))
        focus = ME if focus_me else self.dan.uid
        supporters = [self.shiv.uid] + ([] if focus_me else [ME])
        self.team = CareTeam(
            "T", focus=focus, supporters=supporters, slots=[RotaSlot(_flexible(), self.shiv.uid)]
        )
        services.care_teams.save(self.team)

    def days(self, start: date, days: int = 10) -> list[tuple[int, bool]]:
        view = self.services.care_teams.rota(self.team.uid, start, days, ZONE)
        return [(d.day.day, line.done) for d in view.days for line in d.check_ins]

    def exported(self) -> list[date]:
        events, _cancelled = preview_supporter(
            self.services._store, self.team.uid, self.shiv.uid, ExportOptions(weeks=2), EVENING
        )
        return sorted(e.start.date() if isinstance(e.start, datetime) else e.start for e in events)

    def mark_done_today(self) -> None:
        line = self.services.care_teams.rota(self.team.uid, date(2026, 12, 3), 1, ZONE).days[0]
        [first] = line.check_ins
        assert first.on is not None
        self.services.care_teams.mark_done(self.team.uid, first.slot_uid, first.on, now=EVENING)


@pytest.fixture
def services(store: Any) -> Services:
    return Services.of(store)


@pytest.mark.parametrize("focus_me", [True, False], ids=["for the user", "for Dan"])
def test_a_check_in_done_on_the_rota_moves_the_flexible_one_on(
    services: Services, focus_me: bool
) -> None:
    world = World(services, focus_me)
    assert world.days(date(2026, 12, 3)) == [(3, False), (8, False)]
    world.mark_done_today()
    # Done on the 3rd: the next is five days on, on the rota and in Shiv's calendar.
    assert world.days(date(2026, 12, 3)) == [(3, True), (8, False)]
    assert world.days(date(2026, 12, 4)) == [(8, False), (13, False)]
    assert world.exported()[:2] == [date(2026, 12, 8), date(2026, 12, 13)]


def test_for_the_user_only_the_team_s_own_check_ins_count(services: Services) -> None:
    world = World(services, focus_me=True)
    # The user talked with Dan (not on this team's rota): the team's check-in stays.
    assert world.dan.id is not None
    services.checkins.log(CheckIn(person_id=world.dan.id, at=datetime(2026, 12, 3, 9, tzinfo=UTC)))
    assert world.days(date(2026, 12, 3)) == [(3, False), (8, False)]


def test_for_someone_else_any_contact_with_them_counts(services: Services) -> None:
    world = World(services, focus_me=False)
    assert world.dan.id is not None
    services.checkins.log(CheckIn(person_id=world.dan.id, at=datetime(2026, 12, 3, 9, tzinfo=UTC)))
    assert world.days(date(2026, 12, 4)) == [(8, False), (13, False)]
    assert world.exported()[:2] == [date(2026, 12, 8), date(2026, 12, 13)]
