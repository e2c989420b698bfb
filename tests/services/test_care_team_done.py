"""Marking a rota check-in done on someone's behalf, who is on which team, slot uids kept apart."""

from __future__ import annotations

import copy
from datetime import date, datetime, time
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from supportnet.model.care import ME, CareTeam, RotaSlot
from supportnet.model.checkins import CheckIn, Initiator
from supportnet.model.errors import NotFoundError, ValidationError
from supportnet.model.network import ChannelKind, Person
from supportnet.model.plans import Cadence, Plan, PlanKind
from supportnet.services import Services
from tests.services.test_care_teams import MONDAY, ZONE, Team, _weekly

LONDON = ZoneInfo(ZONE)
#: Thursday 10 December, evening: Monday's and Thursday's check-ins are past.
THURSDAY_EVENING = datetime(2026, 12, 10, 21, tzinfo=LONDON)


@pytest.fixture
def services(store: Any) -> Services:
    return Services.of(store)


@pytest.fixture
def team(services: Services) -> Team:
    made = Team(services)
    services.care_teams.save(made.team)
    return made


def _slot(team: Team, n: int) -> str:
    return team.team.slots[n].uid


def _history(services: Services, person: Person) -> list[CheckIn]:
    assert person.id is not None
    return services.checkins.for_person(person.id)


def test_done_by_a_supporter_goes_into_the_focus_person_s_history(
    services: Services, team: Team
) -> None:
    logged = services.care_teams.mark_done(
        team.team.uid, _slot(team, 0), MONDAY, note="He sounded brighter", now=THURSDAY_EVENING
    )
    (done,) = _history(services, team.dan)
    assert done == logged.checkin
    assert (done.by, done.rota_slot, done.plan_id) == (team.shiv.uid, _slot(team, 0), None)
    # When it was planned (Monday 19:00 London), in the slot's channel.
    assert done.at == datetime(2026, 12, 7, 19, tzinfo=LONDON)
    assert (done.channel, done.note, done.initiator) == (
        ChannelKind.CALL,
        "He sounded brighter",
        Initiator.ME,
    )
    assert _history(services, team.shiv) == [], "not in the supporter's own history"


def test_the_rota_shows_it_done_and_undo_takes_it_back(services: Services, team: Team) -> None:
    teams = services.care_teams
    logged = teams.mark_done(team.team.uid, _slot(team, 0), MONDAY, now=THURSDAY_EVENING)
    view = teams.rota(team.team.uid, MONDAY, 7, ZONE)
    monday = view.days[0].check_ins[0]
    assert (monday.done, monday.checkin_uid) == (True, logged.checkin.uid)
    thursday = view.days[3].check_ins[0]
    assert (thursday.done, thursday.checkin_uid) == (False, None)
    # The next Monday is another occurrence of the same slot: not done.
    later = teams.rota(team.team.uid, date(2026, 12, 14), 1, ZONE).days[0].check_ins[0]
    assert (later.slot_uid, later.done) == (_slot(team, 0), False)

    services.checkins.unlog(logged)
    assert _history(services, team.dan) == []
    assert not teams.rota(team.team.uid, MONDAY, 1, ZONE).days[0].check_ins[0].done


def test_a_swapped_date_is_done_by_whoever_took_it(services: Services, team: Team) -> None:
    # Thursday 10 December was swapped to the user: done by the user, so no "by".
    logged = services.care_teams.mark_done(
        team.team.uid, _slot(team, 1), date(2026, 12, 10), now=THURSDAY_EVENING
    )
    assert (logged.checkin.by, logged.checkin.rota_slot) == (None, _slot(team, 1))
    assert logged.checkin.channel is ChannelKind.VIDEO
    assert logged.checkin.at == datetime(2026, 12, 10, 18, tzinfo=LONDON)


def test_someone_else_can_be_named_and_the_time_and_channel_given(
    services: Services, team: Team
) -> None:
    at = datetime(2026, 12, 7, 20, 30, tzinfo=LONDON)
    logged = services.care_teams.mark_done(
        team.team.uid,
        _slot(team, 0),
        MONDAY,
        supporter=team.ravi.uid,
        at=at,
        channel=ChannelKind.TEXT,
        now=THURSDAY_EVENING,
    )
    assert (logged.checkin.by, logged.checkin.at, logged.checkin.channel) == (
        team.ravi.uid,
        at,
        ChannelKind.TEXT,
    )


def test_done_today_before_its_time_is_done_now(services: Services, team: Team) -> None:
    early = datetime(2026, 12, 7, 15, tzinfo=LONDON)
    logged = services.care_teams.mark_done(team.team.uid, _slot(team, 0), MONDAY, now=early)
    assert logged.checkin.at == early
    assert services.care_teams.rota(team.team.uid, MONDAY, 1, ZONE).days[0].check_ins[0].done


def test_a_flexible_or_any_time_check_in_is_done_at_noon(services: Services, team: Team) -> None:
    flexible = Plan(kind=PlanKind.FLEXIBLE, start_date=MONDAY, cadence=Cadence(3, 5))
    any_time = Plan(kind=PlanKind.ONE_OFF, start_date=date(2026, 12, 8), timezone="Asia/Tokyo")
    team.team.slots += [RotaSlot(flexible, ME), RotaSlot(any_time, team.ravi.uid)]
    services.care_teams.save(team.team)
    flex = services.care_teams.mark_done(team.team.uid, flexible.uid, MONDAY, now=THURSDAY_EVENING)
    assert flex.checkin.at == datetime(2026, 12, 7, 12, tzinfo=LONDON)
    tokyo = services.care_teams.mark_done(
        team.team.uid, any_time.uid, date(2026, 12, 8), now=THURSDAY_EVENING
    )
    assert tokyo.checkin.at == datetime(2026, 12, 8, 12, tzinfo=ZoneInfo("Asia/Tokyo"))
    # Its date is the slot's own (Tokyo), whatever zone the rota is read in.
    view = services.care_teams.rota(team.team.uid, MONDAY, 7, "America/Los_Angeles")
    done = [line for day in view.days for line in day.check_ins if line.done]
    assert [(line.checkin_uid, line.on) for line in done] == [
        (flex.checkin.uid, MONDAY),
        (tokyo.checkin.uid, date(2026, 12, 8)),
    ]


def test_a_flexible_check_in_done_stays_on_its_day_and_the_next_moves_on(
    services: Services, team: Team
) -> None:
    flexible = Plan(kind=PlanKind.FLEXIBLE, start_date=MONDAY, cadence=Cadence(3, 5))
    team.team.slots = [RotaSlot(flexible, team.ravi.uid)]
    team.team.swaps = []
    services.care_teams.save(team.team)
    teams = services.care_teams
    before = teams.rota(team.team.uid, MONDAY, 7, ZONE)
    assert [(d.day, [c.done for c in d.check_ins]) for d in before.days if d.check_ins] == [
        (MONDAY, [False]),
        (date(2026, 12, 10), [False]),
        (date(2026, 12, 13), [False]),
    ]
    logged = teams.mark_done(team.team.uid, flexible.uid, date(2026, 12, 8), now=THURSDAY_EVENING)
    view = teams.rota(team.team.uid, MONDAY, 7, ZONE)
    lines = {
        d.day: [(c.supporter_name, c.time, c.done, c.checkin_uid) for c in d.check_ins]
        for d in view.days
        if d.check_ins
    }
    # Ravi was in touch on Tuesday: that shows done, and the next is three days on.
    assert lines == {
        date(2026, 12, 8): [("Ravi Shah", "12:00", True, logged.checkin.uid)],
        date(2026, 12, 11): [("Ravi Shah", None, False, None)],
    }
    assert view.coverage.covered_days == 2
    services.checkins.unlog(logged)
    again = teams.rota(team.team.uid, MONDAY, 7, ZONE)
    assert again.days == before.days, "undone: as it was"


def test_a_team_for_the_user_logs_the_supporter_reaching_out(
    services: Services, team: Team
) -> None:
    mine = CareTeam(
        name="After hospital",
        focus=ME,
        supporters=[team.dan.uid],
        slots=[RotaSlot(_weekly(1, 10), team.dan.uid)],
    )
    services.care_teams.save(mine)
    logged = services.care_teams.mark_done(
        mine.uid, mine.slots[0].uid, date(2026, 12, 8), now=THURSDAY_EVENING
    )
    (done,) = _history(services, team.dan)
    assert (done.initiator, done.by, done.rota_slot) == (
        Initiator.THEM,
        None,
        mine.slots[0].uid,
    )
    assert done.uid == logged.checkin.uid
    view = services.care_teams.rota(mine.uid, MONDAY, 7, ZONE)
    tuesday = view.days[1].check_ins[0]
    assert (tuesday.supporter_name, tuesday.done, tuesday.checkin_uid) == (
        "Dan",
        True,
        logged.checkin.uid,
    )


def test_an_open_check_in_needs_to_know_who(services: Services, team: Team) -> None:
    one_off = Plan(kind=PlanKind.ONE_OFF, start_date=date(2026, 12, 9), window_start=time(11))
    team.team.slots.append(RotaSlot(one_off))
    services.care_teams.save(team.team)
    with pytest.raises(ValidationError, match="Say who checked in"):
        services.care_teams.mark_done(
            team.team.uid, one_off.uid, date(2026, 12, 9), now=THURSDAY_EVENING
        )
    with pytest.raises(ValidationError, match="Say who checked in"):
        services.care_teams.mark_done(
            team.team.uid, one_off.uid, date(2026, 12, 9), supporter=None, now=THURSDAY_EVENING
        )
    assert services.checkins.count() == 0
    logged = services.care_teams.mark_done(
        team.team.uid, one_off.uid, date(2026, 12, 9), supporter=ME, now=THURSDAY_EVENING
    )
    assert logged.checkin.by is None


def test_what_cannot_be_done_is_said_calmly_and_nothing_is_stored(
    services: Services, team: Team
) -> None:
    teams = services.care_teams
    slot = _slot(team, 0)
    with pytest.raises(ValidationError, match="still ahead"):
        teams.mark_done(team.team.uid, slot, date(2026, 12, 14), now=THURSDAY_EVENING)
    with pytest.raises(ValidationError, match="own day"):
        teams.mark_done(
            team.team.uid,
            slot,
            MONDAY,
            at=datetime(2026, 12, 8, 9, tzinfo=LONDON),
            now=THURSDAY_EVENING,
        )
    with pytest.raises(ValidationError, match="Choose the supporter"):
        teams.mark_done(team.team.uid, slot, MONDAY, supporter=team.dan.uid, now=THURSDAY_EVENING)
    with pytest.raises(NotFoundError, match="no longer on the rota"):
        teams.mark_done(team.team.uid, "no-such-slot", MONDAY, now=THURSDAY_EVENING)
    assert services.checkins.count() == 0


def test_someone_no_longer_in_the_network(services: Services, team: Team) -> None:
    teams = services.care_teams
    assert team.ravi.id is not None
    assert team.dan.id is not None
    ravi = services.people.remove(team.ravi.id)
    with pytest.raises(NotFoundError) as caught:
        teams.mark_done(
            team.team.uid, _slot(team, 0), MONDAY, supporter=team.ravi.uid, now=THURSDAY_EVENING
        )
    assert str(caught.value) == "The supporter who checked in is no longer in your network."
    services.people.restore(ravi)
    # Shiv gone: her Monday shows open on the rota, so the default asks who did it.
    assert team.shiv.id is not None
    services.people.remove(team.shiv.id)
    with pytest.raises(ValidationError, match="Say who checked in"):
        teams.mark_done(team.team.uid, _slot(team, 0), MONDAY, now=THURSDAY_EVENING)
    services.people.remove(team.dan.id)
    with pytest.raises(NotFoundError, match="The person this team is there for is no longer"):
        teams.mark_done(team.team.uid, _slot(team, 0), MONDAY, supporter=ME, now=THURSDAY_EVENING)
    assert services.checkins.count() == 0


def test_who_did_it_shows_the_supporter_s_current_name_after_their_removal_is_undone(
    services: Services, team: Team
) -> None:
    logged = services.care_teams.mark_done(
        team.team.uid, _slot(team, 0), MONDAY, now=THURSDAY_EVENING
    )
    assert team.shiv.id is not None
    bundle = services.people.remove(team.shiv.id)
    (kept,) = _history(services, team.dan)
    assert kept.by == team.shiv.uid, "removing the supporter keeps who did it"
    services.people.restore(bundle)
    assert _history(services, team.dan) == [logged.checkin]


# --- Who is on which team --------------------------------------------------------------------


def test_teams_with_someone_as_focus_or_supporter(services: Services, team: Team) -> None:
    mine = CareTeam(name="After hospital", focus=ME, supporters=[team.ravi.uid])
    services.care_teams.save(mine)
    names = {
        who: [t.name for t in services.care_teams.teams_with(ref)]
        for who, ref in (
            ("dan", team.dan.uid),
            ("ravi", team.ravi.uid),
            ("me", ME),
            ("nobody", "someone-else"),
        )
    }
    assert names == {
        "dan": ["Around Dan"],
        "ravi": ["After hospital", "Around Dan"],
        "me": ["After hospital", "Around Dan"],
        "nobody": [],
    }


def test_removal_words_name_the_teams_calmly(services: Services, team: Team) -> None:
    teams = services.care_teams
    assert teams.removal_words(team.shiv.uid) == (
        "Auntie Shiv is a supporter on Around Dan; their check-ins there will show as open "
        "until someone takes them."
    )
    assert teams.removal_words(team.dan.uid) == (
        "Around Dan is there for Dan; the team and its rota stay as they are."
    )
    assert teams.removal_words(team.dan.uid, "Dan Okafor").startswith(
        "Around Dan is there for Dan Okafor;"
    )
    loner = services.people.add(Person("Noa"))
    assert teams.removal_words(loner.uid) == ""
    teams.save(CareTeam(name="Mum's knee", focus=loner.uid, supporters=[team.shiv.uid]))
    assert teams.removal_words(team.shiv.uid).startswith(
        "Auntie Shiv is a supporter on Around Dan and Mum's knee;"
    )


# --- Slot uids belong to one team ------------------------------------------------------------


def test_a_slot_already_on_another_team_is_refused_in_words(services: Services, team: Team) -> None:
    copied = CareTeam(
        name="Copy",
        focus=team.ravi.uid,
        supporters=[ME],
        slots=[copy.deepcopy(team.team.slots[0])],
    )
    copied.slots[0].supporter = ME
    copied.slots[0].plan.id = None
    with pytest.raises(ValidationError, match="already on another care team's rota"):
        services.care_teams.save(copied)
    assert [t.name for t in services.care_teams.list()] == ["Around Dan"]
    # A team taken out and brought back after its slot was reused elsewhere: the same words.
    removed = services.care_teams.remove(team.team.uid)
    services.care_teams.save(copied)
    with pytest.raises(ValidationError, match="already on another care team's rota"):
        services.care_teams.restore(removed)
    assert [t.name for t in services.care_teams.list()] == ["Copy"]


def test_the_same_team_saved_again_keeps_its_own_slots(services: Services, team: Team) -> None:
    again = services.care_teams.get(team.team.uid)
    again.note = "Evenings are best."
    services.care_teams.save(again)
    assert services.care_teams.get(team.team.uid).note == "Evenings are best."


# --- One transaction ----------------------------------------------------------------------------


def test_marking_done_and_its_undo_are_each_all_or_nothing(
    services: Services, team: Team, store: Any
) -> None:
    from tests.services.atomic import INJECTED, dump, failing

    teams = services.care_teams

    def mark() -> Any:
        return teams.mark_done(team.team.uid, _slot(team, 0), MONDAY, now=THURSDAY_EVENING)

    before = dump(store)
    with failing(store, "INSERT", "checkins"), pytest.raises(Exception, match=INJECTED):
        mark()
    assert dump(store) == before
    logged = mark()
    after = dump(store)
    with failing(store, "DELETE", "checkins"), pytest.raises(Exception, match=INJECTED):
        services.checkins.unlog(logged)
    assert dump(store) == after
    services.checkins.unlog(logged)
    assert dump(store) == before
