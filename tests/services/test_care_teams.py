"""CareTeamService: save and undo, remove and restore, the rota named from the network."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from typing import Any

import pytest

from supportnet.model.care import ME, CareTeam, RotaSlot, SlotSwap
from supportnet.model.checkins import CheckIn
from supportnet.model.errors import NotFoundError, ValidationError
from supportnet.model.network import ChannelKind, ContactChannel, Person
from supportnet.model.plans import Cadence, Frequency, Plan, PlanKind, Recurrence
from supportnet.scheduling.rota import Gap
from supportnet.services import Services
from supportnet.services.care_teams import NOT_IN_NETWORK, YOU, RotaLine, RotaSupporter

MONDAY = date(2026, 12, 7)
ZONE = "Europe/London"


@pytest.fixture
def services(store: Any) -> Services:
    return Services.of(store)


def _weekly(weekday: int, hour: int, channel: ChannelKind | None = ChannelKind.CALL) -> Plan:
    return Plan(
        kind=PlanKind.FIXED,
        start_date=MONDAY,
        timezone=ZONE,
        channel=channel,
        window_start=time(hour),
        window_end=time(hour, 30),
        recurrence=Recurrence(Frequency.WEEKLY, weekdays={weekday}),
    )


class Team:
    """Dan's team: Auntie Shiv on Mondays at 19:00, Ravi on Thursdays at 18:00 (the user
    takes Thursday 10 December), the user on the list too; comfortable with one day."""

    def __init__(self, services: Services) -> None:
        self.dan = services.people.add(Person("Dan Okafor", nickname="Dan"))
        self.shiv = services.people.add(Person("Siobhan Kelly", nickname="Auntie Shiv"))
        self.ravi = services.people.add(Person("Ravi Shah"))
        monday, thursday = _weekly(0, 19), _weekly(3, 18, ChannelKind.VIDEO)
        self.team = CareTeam(
            name="  Around Dan ",
            focus=self.dan.uid,
            supporters=[self.shiv.uid, ME, self.ravi.uid],
            comfortable_gap_days=1,
            slots=[RotaSlot(monday, self.shiv.uid), RotaSlot(thursday, self.ravi.uid)],
            swaps=[SlotSwap(thursday.uid, date(2026, 12, 10), ME)],
        )


@pytest.fixture
def team(services: Services) -> Team:
    return Team(services)


def _lines(view: Any) -> dict[date, list[tuple[str | None, str | None, str | None, bool]]]:
    return {
        d.day: [(c.supporter_name, c.time, c.channel, c.swapped) for c in d.check_ins]
        for d in view.days
        if d.check_ins
    }


def test_save_returns_the_team_before_so_saving_that_undoes_it(
    services: Services, team: Team
) -> None:
    teams = services.care_teams
    assert teams.save(team.team) is None  # new: undo is remove
    assert teams.get(team.team.uid).name == "Around Dan"  # trimmed
    changed = teams.get(team.team.uid)
    changed.name = "Dan's people"
    changed.comfortable_gap_days = 3
    previous = teams.save(changed)
    assert previous is not None
    assert (previous.name, previous.comfortable_gap_days) == ("Around Dan", 1)
    undone = teams.save(previous)
    assert undone is not None
    assert undone.name == "Dan's people"
    assert teams.get(team.team.uid).name == "Around Dan"
    teams.remove(team.team.uid)
    assert teams.list() == []


def test_remove_gives_what_restore_needs(services: Services, team: Team) -> None:
    teams = services.care_teams
    teams.save(team.team)
    saved = teams.get(team.team.uid)
    removed = teams.remove(team.team.uid)
    with pytest.raises(NotFoundError):
        teams.get(team.team.uid)
    assert teams.restore(removed) == saved
    assert teams.list() == [saved]


def test_a_team_that_does_not_fit_is_refused_and_nothing_is_stored(
    services: Services, team: Team
) -> None:
    team.team.slots[0].supporter = team.dan.uid  # not on the team
    with pytest.raises(ValidationError, match="supporter must be on the team"):
        services.care_teams.save(team.team)
    assert services.care_teams.list() == []


def test_the_rota_names_everyone_and_counts_the_days_covered(
    services: Services, team: Team
) -> None:
    services.care_teams.save(team.team)
    view = services.care_teams.rota(team.team.uid, MONDAY, 7, ZONE)
    assert view.focus_name == "Dan"
    assert view.supporters == [
        RotaSupporter(team.shiv.uid, "Auntie Shiv", True),
        RotaSupporter(ME, YOU, True),
        RotaSupporter(team.ravi.uid, "Ravi Shah", True),
    ]
    assert [d.day for d in view.days] == [date(2026, 12, 7 + n) for n in range(7)]
    assert _lines(view) == {
        date(2026, 12, 7): [("Auntie Shiv", "19:00", "Phone call", False)],
        date(2026, 12, 10): [(YOU, "18:00", "Video call", True)],
    }
    cover = view.coverage
    assert (cover.covered_days, cover.days) == (2, 7)
    assert cover.longest_gap == Gap(date(2026, 12, 11), date(2026, 12, 13))
    assert cover.gaps_over_comfort == (
        Gap(date(2026, 12, 8), date(2026, 12, 9)),
        Gap(date(2026, 12, 11), date(2026, 12, 13)),
    )


def test_times_are_shown_in_the_zone_asked_for(services: Services, team: Team) -> None:
    services.care_teams.save(team.team)
    view = services.care_teams.rota(team.team.uid, MONDAY, 1, "Europe/Berlin")
    assert _lines(view) == {date(2026, 12, 7): [("Auntie Shiv", "20:00", "Phone call", False)]}


def test_someone_removed_from_the_network_leaves_their_check_ins_open_until_undone(
    services: Services, team: Team
) -> None:
    services.care_teams.save(team.team)
    assert team.shiv.id is not None
    bundle = services.people.remove(team.shiv.id)
    view = services.care_teams.rota(team.team.uid, MONDAY, 7, ZONE)
    assert view.supporters[0] == RotaSupporter(team.shiv.uid, NOT_IN_NETWORK, False)
    (monday,) = view.days[0].check_ins
    assert monday == RotaLine(
        None,
        "19:00",
        "Phone call",
        False,
        None,
        ChannelKind.CALL,
        monday.slot_uid,
        MONDAY,
        slot_zone=ZONE,
    )
    assert monday.slot_uid == team.team.slots[0].uid
    assert view.coverage.covered_days == 1
    # Nothing was lost: undoing the removal brings their name and their Mondays back.
    services.people.restore(bundle)
    view = services.care_teams.rota(team.team.uid, MONDAY, 7, ZONE)
    assert view.supporters[0] == RotaSupporter(team.shiv.uid, "Auntie Shiv", True)
    assert view.days[0].check_ins[0].supporter_name == "Auntie Shiv"
    assert view.coverage.covered_days == 2


def test_a_flexible_slot_follows_the_focus_person_s_last_check_in(
    services: Services, team: Team
) -> None:
    flexible = Plan(kind=PlanKind.FLEXIBLE, start_date=MONDAY, cadence=Cadence(3, 5))
    team.team.slots = [RotaSlot(flexible, ME)]
    team.team.swaps = []
    services.care_teams.save(team.team)
    services.checkins.log(CheckIn(at=datetime(2026, 12, 6, 12, tzinfo=UTC), person_id=team.dan.id))
    view = services.care_teams.rota(team.team.uid, MONDAY, 7, ZONE)
    assert _lines(view) == {
        date(2026, 12, 9): [(YOU, None, None, False)],
        date(2026, 12, 12): [(YOU, None, None, False)],
    }


def test_a_team_for_the_user_calls_them_you(services: Services, team: Team) -> None:
    mine = CareTeam(name="After hospital", focus=ME, supporters=[team.dan.uid])
    services.care_teams.save(mine)
    view = services.care_teams.rota(mine.uid, MONDAY, 28, ZONE)
    assert view.focus_name == YOU
    assert all(not d.check_ins for d in view.days)
    assert view.coverage.covered_days == 0
    assert view.coverage.longest_gap == Gap(MONDAY, date(2027, 1, 3))


def test_each_supporter_comes_with_their_way_to_be_reached(services: Services, team: Team) -> None:
    """Worded as the plan for hard days words a helper: the preferred way, then numbers."""
    assert team.shiv.id is not None
    shiv = services.people.get(team.shiv.id)
    shiv.channels = [
        ContactChannel(ChannelKind.MESSAGING, "WhatsApp", preferred=True),
        ContactChannel(ChannelKind.CALL, "07700 900123"),
    ]
    services.people.update(shiv)
    services.care_teams.save(team.team)
    view = services.care_teams.rota(team.team.uid, MONDAY, 7, ZONE)
    assert [s.reach for s in view.supporters] == [
        "Chat app: WhatsApp · Phone call: 07700 900123",
        "",  # the user
        "",  # Ravi has no way to be reached yet
    ]
