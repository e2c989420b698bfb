"""A check-in a supporter did on a care team's rota (``by`` set) is the team's, not the
user's: the user's own last contact, contact stats (the map's paling, the "It's been a
while" notes), plans and Today's suggestions don't count it. It still counts for the team:
its flexible check-ins move on."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest

from supportnet.data import contact_reads
from supportnet.model.care import ME, CareTeam, RotaSlot
from supportnet.model.checkins import CheckIn
from supportnet.model.network import ChannelKind, Circle, Person
from supportnet.model.plans import Cadence, Plan, PlanKind
from supportnet.services import Services
from supportnet.services.schedule_reader import ReachOutReader

ZONE = "Europe/London"
NOW = datetime(2026, 12, 3, 20, tzinfo=UTC)
#: The user's own last call with Dan: three weeks ago.
OWN = NOW - timedelta(days=21)


def _flexible(**extra: Any) -> Plan:
    return Plan(
        kind=PlanKind.FLEXIBLE,
        start_date=date(2026, 11, 1),
        timezone=ZONE,
        cadence=Cadence(ideal_days=5),
        channel=ChannelKind.CALL,
        **extra,
    )


class World:
    def __init__(self, store: Any) -> None:
        self.store = store
        self.services = services = Services.of(store)
        services.settings.update(timezone=ZONE)
        self.dan = services.people.add(Person("Dan", circle=Circle.INNER))
        self.shiv = services.people.add(Person("Shiv", circle=Circle.INNER))
        assert self.dan.id is not None
        self.dan_id: int = self.dan.id
        # The user's own plan: call Dan every five days or so.
        store.plans.add(_flexible(person_id=self.dan_id))
        services.checkins.log(CheckIn(person_id=self.dan_id, at=OWN))
        self.team = CareTeam(
            "Dan",
            focus=self.dan.uid,
            supporters=[self.shiv.uid, ME],
            slots=[RotaSlot(_flexible(), self.shiv.uid)],
        )
        services.care_teams.save(self.team)

    def shiv_did_it_today(self) -> None:
        line = self.services.care_teams.rota(self.team.uid, date(2026, 12, 3), 1, ZONE)
        [first] = line.days[0].check_ins
        assert first.on is not None
        logged = self.services.care_teams.mark_done(
            self.team.uid, first.slot_uid, first.on, now=NOW
        )
        assert logged.checkin.by == self.shiv.uid

    def own_last(self) -> dict[str, datetime | None]:
        reader = ReachOutReader(self.store)
        stats = self.services.checkins.contact_stats_by_person().get(self.dan_id)
        return {
            "people page": self.services.checkins.last_contact_by_person().get(self.dan_id),
            "plans": reader.last_contact(reader.plans()).get(("person", self.dan_id)),
            "stats": stats.last_contact if stats else None,
        }

    def suggested(self) -> bool:
        return any(s.target.name == "Dan" for s in ReachOutReader(self.store).suggestions(NOW))

    def team_days(self) -> list[int]:
        view = self.services.care_teams.rota(self.team.uid, date(2026, 12, 4), 10, ZONE)
        return [d.day.day for d in view.days for _line in d.check_ins]


@pytest.fixture
def world(store: Any) -> World:
    return World(store)


def test_a_check_in_done_by_a_supporter_leaves_the_user_s_own_contact_as_it_was(
    world: World,
) -> None:
    assert world.suggested()
    before_stats = world.services.checkins.contact_stats_by_person()[world.dan_id]
    world.shiv_did_it_today()
    assert world.own_last() == {"people page": OWN, "plans": OWN, "stats": OWN}
    assert world.services.checkins.contact_stats_by_person()[world.dan_id] == before_stats
    assert world.suggested()  # the user wasn't in touch: Dan is still suggested
    # The team counts it: its flexible check-in moves five days on.
    assert world.team_days() == [8, 13]
    # And it is in Dan's history, with who did it.
    assert [c.by for c in world.services.checkins.for_person(world.dan_id)] == [
        world.shiv.uid,
        None,
    ]


def test_the_user_s_own_check_in_still_counts(world: World) -> None:
    world.shiv_did_it_today()
    own = NOW - timedelta(hours=1)
    world.services.checkins.log(CheckIn(person_id=world.dan_id, at=own))
    assert world.own_last() == {"people page": own, "plans": own, "stats": own}
    assert world.services.checkins.contact_stats_by_person()[world.dan_id].count == 2
    assert not world.suggested()


def test_own_only_is_asked_for_and_the_rota_s_reads_stay_inclusive(world: World) -> None:
    world.shiv_did_it_today()
    db = world.store.db
    assert contact_reads.last_contact_with(db, "person_id", [world.dan_id])[world.dan_id] > OWN
    own = contact_reads.last_contact_with(db, "person_id", [world.dan_id], own_only=True)
    assert own == {world.dan_id: OWN}
    assert (
        contact_reads.team_last_contact(db, world.team)
        == contact_reads.last_contact_with(db, "person_id", [world.dan_id])[world.dan_id]
    )


def test_who_did_it_is_only_named_on_a_rota_check_in() -> None:
    # Reading the user's own contact finds done-by check-ins down the rota's index.
    lone = CheckIn(at=NOW, person_id=1, by="someone")
    assert [p.field for p in lone.problems()] == ["by"]
    assert CheckIn(at=NOW, person_id=1, by="someone", rota_slot="slot").problems() == []


def test_stats_leave_out_many_done_by_check_ins_among_the_user_s_own(world: World) -> None:
    for weeks in (1, 2, 3):
        at = OWN - timedelta(weeks=weeks)
        world.services.checkins.log(CheckIn(person_id=world.dan_id, at=at))
    before = world.services.checkins.contact_stats_by_person()[world.dan_id]
    assert (before.count, before.last_contact, before.typical_interval_days) == (4, OWN, 7)
    slot = world.team.slots[0].uid
    # Supporters' check-ins newer than all, in between, and one at the very same moment.
    for at in [NOW - timedelta(days=d) for d in range(12)] + [OWN - timedelta(days=3), OWN]:
        world.services.checkins.log(
            CheckIn(person_id=world.dan_id, at=at, by=world.shiv.uid, rota_slot=slot)
        )
    assert world.services.checkins.contact_stats_by_person()[world.dan_id] == before
    assert world.own_last() == {"people page": OWN, "plans": OWN, "stats": OWN}
