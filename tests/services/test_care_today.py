"""Today's care team check-ins: which lines, in which words, and how they share the cap."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from typing import Any

import pytest

from supportnet.model.care import ME, CareTeam, RotaSlot
from supportnet.model.network import ChannelKind, Circle, Person
from supportnet.model.plans import Frequency, Plan, PlanKind, Recurrence
from supportnet.scheduling import Suggestion, Target
from supportnet.services import Services
from supportnet.services.care_today import (
    AHEAD_DAYS,
    CareToday,
    care_today,
    people_with_cards,
    share_cap,
    team_lines,
)

MONDAY = date(2026, 12, 7)
ZONE = "Europe/London"


def _weekly(hour: int, channel: ChannelKind | None = ChannelKind.CALL) -> Plan:
    return Plan(
        kind=PlanKind.FIXED,
        start_date=MONDAY,
        timezone=ZONE,
        channel=channel,
        window_start=time(hour),
        window_end=time(hour, 30),
        recurrence=Recurrence(Frequency.WEEKLY, weekdays={0}),
    )


def _any_time(channel: ChannelKind) -> Plan:
    return Plan(kind=PlanKind.ONE_OFF, start_date=MONDAY, timezone=ZONE, channel=channel)


class Teams:
    """Around Dan on Mondays: the user calls at 08:00, a text at 12:00 nobody has taken,
    Auntie Shiv calls at 19:00, Rosie visits some time of the day. And a team around the
    user: Rosie checks in at 20:00."""

    def __init__(self, services: Services) -> None:
        people = services.people
        self.dan = people.add(Person("Dan Okafor", nickname="Dan"))
        self.shiv = people.add(Person("Siobhan Kelly", nickname="Auntie Shiv"))
        self.rosie = people.add(Person("Rosie Mensah", nickname="Rosie"))
        self.around_dan = CareTeam(
            name="Around Dan",
            focus=self.dan.uid,
            comfortable_gap_days=7,  # weekly suits them: no stretch to point out
            supporters=[self.shiv.uid, self.rosie.uid, ME],
            slots=[
                RotaSlot(_weekly(19), self.shiv.uid),
                RotaSlot(_weekly(8), ME),
                RotaSlot(_weekly(12, ChannelKind.TEXT), None),
                RotaSlot(_any_time(ChannelKind.IN_PERSON), self.rosie.uid),
            ],
        )
        self.around_me = CareTeam(
            name="After the hospital",
            focus=ME,
            comfortable_gap_days=7,
            supporters=[self.rosie.uid],
            slots=[RotaSlot(_weekly(20, None), self.rosie.uid)],
        )
        services.care_teams.save(self.around_dan)
        services.care_teams.save(self.around_me)


@pytest.fixture
def services(store: Any) -> Services:
    return Services.of(store)


@pytest.fixture
def teams(services: Services) -> Teams:
    return Teams(services)


def _suggestion(person: Person, name: str) -> Suggestion:
    assert person.id is not None
    plan = Plan(kind=PlanKind.FLEXIBLE, start_date=MONDAY, person_id=person.id)
    now = datetime(2026, 12, 7, 9, tzinfo=UTC)
    return Suggestion(plan, Target("person", person.id, name, Circle.INNER), now, 1.0, "")


def test_every_team_s_check_ins_of_the_day_in_their_words(services: Services, teams: Teams) -> None:
    lines = team_lines(services, MONDAY, ZONE)
    assert sorted(line.text for line in lines) == sorted(
        [
            "You call Dan at 08:00",
            "Dan's 12:00 check-in is open — nobody planned yet",
            "Auntie Shiv calls Dan at 19:00",
            "Rosie visits Dan, any time today",
            "Rosie checks in with you at 20:00",
        ]
    )
    yours = [line.text for line in lines if line.yours]
    assert yours == ["You call Dan at 08:00"]
    opened = [line for line in lines if line.is_open]
    assert [line.line.time for line in opened] == ["12:00"]
    assert {line.team_name for line in lines} == {"Around Dan", "After the hospital"}
    for line in lines:
        assert line.line.on == MONDAY
        assert line.line.slot_uid


def test_a_day_without_check_ins_has_no_lines(services: Services, teams: Teams) -> None:
    tuesday = date(2026, 12, 8)
    assert team_lines(services, tuesday, ZONE) == []
    assert not care_today(services, tuesday, ZONE, limit=3)


def test_the_user_s_own_check_in_is_left_out_when_a_card_of_their_plan_says_it(
    services: Services, teams: Teams
) -> None:
    cards = people_with_cards(services, [_suggestion(teams.dan, "Dan")])
    assert cards == {teams.dan.uid}
    texts = [line.text for line in team_lines(services, MONDAY, ZONE, with_cards=cards)]
    assert "You call Dan at 08:00" not in texts
    assert "Auntie Shiv calls Dan at 19:00" in texts  # others' check-ins stay
    # A card for someone else leaves it in.
    others = people_with_cards(services, [_suggestion(teams.shiv, "Auntie Shiv")])
    texts = [line.text for line in team_lines(services, MONDAY, ZONE, with_cards=others)]
    assert "You call Dan at 08:00" in texts


def test_the_card_keeps_what_asks_most_of_the_user_and_shows_it_in_the_day_s_order(
    services: Services, teams: Teams
) -> None:
    today = care_today(services, MONDAY, ZONE, limit=3)
    # Kept: the user's own, the open one, then the earliest of the others; by time.
    assert [line.text for line in today.lines] == [
        "You call Dan at 08:00",
        "Dan's 12:00 check-in is open — nobody planned yet",
        "Auntie Shiv calls Dan at 19:00",
    ]
    assert today.more == 2
    assert today.more_text == "And 2 more check-ins today, on the Care team page."
    assert today.title == "Your care team today"
    everything = care_today(services, MONDAY, ZONE, limit=10)
    assert [line.text for line in everything.lines] == [
        "You call Dan at 08:00",
        "Dan's 12:00 check-in is open — nobody planned yet",
        "Auntie Shiv calls Dan at 19:00",
        "Rosie checks in with you at 20:00",
        "Rosie visits Dan, any time today",
    ]
    assert (everything.more, everything.more_text) == (0, "")
    assert everything.title == "Your care teams today"
    one = care_today(services, MONDAY, ZONE, limit=1)
    assert [line.text for line in one.lines] == ["You call Dan at 08:00"]
    assert one.more == 4


def test_the_card_offers_each_team_s_supporters_to_say_who_did_it(
    services: Services, teams: Teams
) -> None:
    today = care_today(services, MONDAY, ZONE, limit=3)
    assert today.supporters[teams.around_dan.uid] == [
        (teams.shiv.uid, "Auntie Shiv"),
        (teams.rosie.uid, "Rosie"),
        (ME, "You"),
    ]
    assert today.supporters[teams.around_me.uid] == [(teams.rosie.uid, "Rosie")]


def _cap(services: Services, cap: int, suggestions: list[Suggestion], day: date) -> Any:
    return share_cap(
        cap,
        suggestions,
        lambda own: care_today(
            services, day, ZONE, limit=cap, with_cards=people_with_cards(services, own)
        ),
    )


def test_the_team_card_takes_one_place_of_the_cap(services: Services, teams: Teams) -> None:
    mine = [_suggestion(teams.shiv, "Auntie Shiv"), _suggestion(teams.rosie, "Rosie")]
    mine.append(_suggestion(teams.dan, "Dan"))
    own, team = _cap(services, 3, mine, MONDAY)
    assert [s.target.name for s in own] == ["Auntie Shiv", "Rosie"]
    assert team
    # Dan's card is not on the page, so the user's own check-in with him is on the card.
    assert "You call Dan at 08:00" in [line.text for line in team.lines]
    # Cards: two suggestions and the team card; never more than the cap.
    assert len(own) + 1 == 3
    own, team = _cap(services, 1, mine, MONDAY)
    assert own == []
    assert len(team.lines) == 1


def test_with_the_plan_card_on_the_page_the_user_s_line_is_not_said_twice(
    services: Services, teams: Teams
) -> None:
    mine = [_suggestion(teams.dan, "Dan"), _suggestion(teams.shiv, "Auntie Shiv")]
    own, team = _cap(services, 3, mine, MONDAY)
    assert [s.target.name for s in own] == ["Dan", "Auntie Shiv"]
    assert "You call Dan at 08:00" not in [line.text for line in team.lines]


def test_without_team_check_ins_today_the_suggestions_keep_every_place(
    services: Services, teams: Teams
) -> None:
    mine = [_suggestion(teams.shiv, "Auntie Shiv"), _suggestion(teams.rosie, "Rosie")]
    mine.append(_suggestion(teams.dan, "Dan"))
    own, team = _cap(services, 3, mine, date(2026, 12, 8))
    assert len(own) == 3
    assert team == CareToday([], 0, team.supporters)
    assert not team


def _line(lines: Any, text: str) -> Any:
    return next(line for line in lines if line.text == text)


def test_a_check_in_marked_done_names_who_did_it_calmly(services: Services, teams: Teams) -> None:
    evening = datetime(2026, 12, 7, 21, tzinfo=UTC)
    lines = team_lines(services, MONDAY, ZONE)
    shiv = _line(lines, "Auntie Shiv calls Dan at 19:00").line
    mine = _line(lines, "You call Dan at 08:00").line
    for_me = _line(lines, "Rosie checks in with you at 20:00").line
    teams_ = services.care_teams
    # Rosie took Auntie Shiv's call tonight; the user made their own; Rosie checked on them.
    teams_.mark_done(
        teams.around_dan.uid, shiv.slot_uid, MONDAY, supporter=teams.rosie.uid, now=evening
    )
    teams_.mark_done(teams.around_dan.uid, mine.slot_uid, MONDAY, now=evening)
    teams_.mark_done(teams.around_me.uid, for_me.slot_uid, MONDAY, now=evening)

    today = services.care_today(MONDAY, ZONE, limit=10)
    assert [line.text for line in today.lines] == [
        "Done — you checked in",
        "Dan's 12:00 check-in is open — nobody planned yet",
        "Done — Rosie checked in",
        "Done — Rosie checked in",
        "Rosie visits Dan, any time today",
    ]
    assert [line.done for line in today.lines] == [True, False, True, True, False]
    # The rota itself names who did it (Rosie, in Auntie Shiv's place), with no reading
    # apart: the card from the function and from the services say the same.
    plain = care_today(services, MONDAY, ZONE, limit=10)
    assert [line.text for line in plain.lines] == [line.text for line in today.lines]
    assert "Done — Auntie Shiv checked in" not in [line.text for line in plain.lines]
    done_shiv = next(line.line for line in plain.lines if line.line.slot_uid == shiv.slot_uid)
    assert (done_shiv.supporter, done_shiv.done_by) == (teams.shiv.uid, teams.rosie.uid)
    assert done_shiv.done_by_name == "Rosie"
    # What is done asks nothing more: with room for three, the rest come first.
    three = services.care_today(MONDAY, ZONE, limit=3)
    assert [line.text for line in three.lines] == [
        "Done — you checked in",
        "Dan's 12:00 check-in is open — nobody planned yet",
        "Rosie visits Dan, any time today",
    ]
    assert three.more == 2


def test_a_card_with_everything_done_asks_nothing_and_takes_no_place(
    services: Services, teams: Teams
) -> None:
    evening = datetime(2026, 12, 7, 21, tzinfo=UTC)
    for line in team_lines(services, MONDAY, ZONE):
        services.care_teams.mark_done(
            line.team_uid,
            line.line.slot_uid,
            MONDAY,
            supporter=teams.rosie.uid if line.is_open else line.line.supporter,
            now=evening,
        )
    mine = [_suggestion(teams.shiv, "Auntie Shiv"), _suggestion(teams.rosie, "Rosie")]
    mine.append(_suggestion(teams.dan, "Dan"))
    own, team = _cap(services, 3, mine, MONDAY)
    assert len(own) == 3  # every place goes back to the user's own suggestions
    assert team
    assert not team.asks
    assert all(line.text.startswith("Done — ") for line in team.lines)
    # Dan's card is on the page now, so the user's own (done) call is said there.
    assert "Done — you checked in" not in [line.text for line in team.lines]


def test_a_stretch_longer_than_the_team_is_comfortable_with_is_said_once_ahead(
    services: Services, teams: Teams
) -> None:
    team = services.care_teams.get(teams.around_dan.uid)
    team.comfortable_gap_days = 2
    services.care_teams.save(team)
    # Tuesday: no check-ins today, and Tue 8 – Sun 13 has nobody planned for Dan.
    tuesday = date(2026, 12, 8)
    card = care_today(services, tuesday, ZONE, limit=3)
    assert card.lines == []
    assert card.ahead == [
        "Nobody is planned yet for Dan on Tue 8 – Sun 13 Dec, a longer stretch than the "
        "team is comfortable with."
    ]
    assert card.asks  # finding someone is something to do: the card takes a place
    assert card.title == "Your care team today"
    own, shared = share_cap(3, [_suggestion(teams.shiv, "Shiv")] * 3, lambda _own: card)
    assert (len(own), shared) == (2, card)


def test_a_stretch_further_off_than_the_next_few_days_waits(
    services: Services, teams: Teams
) -> None:
    team = services.care_teams.get(teams.around_dan.uid)
    team.comfortable_gap_days = 2
    services.care_teams.save(team)
    # Monday has its check-ins; the stretch starts tomorrow: said. From Thursday on, the
    # stretch has begun more than AHEAD_DAYS ago and the next starts next Tuesday.
    monday = care_today(services, MONDAY, ZONE, limit=3)
    assert len(monday.ahead) == 1
    thursday = date(2026, 12, 10)
    assert AHEAD_DAYS == 3
    later = care_today(services, thursday, ZONE, limit=3)
    assert later.ahead == [
        "Nobody is planned yet for Dan on Thu 10 – Sun 13 Dec, a longer stretch than the "
        "team is comfortable with."
    ]
    # A team around the user speaks to them.
    mine = services.care_teams.get(teams.around_me.uid)
    mine.comfortable_gap_days = 1
    services.care_teams.save(mine)
    texts = care_today(services, date(2026, 12, 9), ZONE, limit=3).ahead
    assert (
        "Nobody is planned yet to check in with you on Wed 9 – Sun 13 Dec, a longer "
        "stretch than the team is comfortable with."
    ) in texts


def test_a_stretch_is_said_to_its_true_end_and_counted_from_today(
    services: Services, teams: Teams
) -> None:
    team = services.care_teams.get(teams.around_dan.uid)
    team.comfortable_gap_days = 2
    services.care_teams.save(team)
    # Monday 14th: the next stretch, Tuesday to Sunday, whole (it ends past the three
    # days ahead).
    assert care_today(services, date(2026, 12, 14), ZONE, limit=3).ahead == [
        "Nobody is planned yet for Dan on Tue 15 – Sun 20 Dec, a longer stretch than the "
        "team is comfortable with."
    ]
    # Saturday 12th: what is left from today is two days, within what the team is
    # comfortable with; the days gone by are the Care team page's to show, not Today's.
    assert care_today(services, date(2026, 12, 12), ZONE, limit=3).ahead == []


def test_a_stretch_with_no_end_in_sight_is_said_from_its_first_day(
    services: Services, teams: Teams
) -> None:
    team = services.care_teams.get(teams.around_dan.uid)
    team.comfortable_gap_days = 2
    team.slots = [s for s in team.slots if s.plan.kind is PlanKind.ONE_OFF]  # 7 Dec only
    services.care_teams.save(team)
    assert care_today(services, date(2026, 12, 8), ZONE, limit=3).ahead == [
        "Nobody is planned yet for Dan from Tue 8 Dec, a longer stretch than the team is "
        "comfortable with."
    ]


def test_one_refresh_reads_each_team_s_rota_once(
    services: Services, teams: Teams, monkeypatch: pytest.MonkeyPatch
) -> None:
    from supportnet.services import care_teams

    calls: list[str] = []
    rota = care_teams.CareTeamService.rota

    def counted(self: Any, team_uid: str, *args: Any) -> Any:
        calls.append(team_uid)
        return rota(self, team_uid, *args)

    monkeypatch.setattr(care_teams.CareTeamService, "rota", counted)
    # Done: the card asks nothing, so the suggestions take every place (the case that used
    # to read every team again beside them all).
    evening = datetime(2026, 12, 7, 21, tzinfo=UTC)
    for line in team_lines(services, MONDAY, ZONE):
        services.care_teams.mark_done(
            line.team_uid,
            line.line.slot_uid,
            MONDAY,
            supporter=teams.rosie.uid if line.is_open else line.line.supporter,
            now=evening,
        )
    mine = [_suggestion(teams.shiv, "Auntie Shiv"), _suggestion(teams.rosie, "Rosie")]
    mine.append(_suggestion(teams.dan, "Dan"))
    for day in (MONDAY, date(2026, 12, 8)):
        for cap in (1, 3):
            calls.clear()
            _cap(services, cap, mine, day)
            assert sorted(calls) == sorted([teams.around_dan.uid, teams.around_me.uid])
    # Beside fewer cards, the user's own line comes back without reading again.
    calls.clear()
    _own, team = _cap(services, 3, mine, MONDAY)
    assert len(calls) == 2
    assert "Done — you checked in" not in [line.text for line in team.lines]
    assert "Done — you checked in" in [line.text for line in team.beside(mine[:2]).lines]
