"""Care teams: who is on the team, the rota's slots and swaps, and what makes a team wrong."""

from __future__ import annotations

from datetime import date, time

import pytest

from supportnet.model.care import ME, CareTeam, RotaSlot, SlotSwap
from supportnet.model.errors import ValidationError
from supportnet.model.plans import Frequency, Plan, PlanKind, Recurrence

SUNDAY = 6


def weekly(day: int = SUNDAY) -> Plan:
    return Plan(
        PlanKind.FIXED,
        date(2026, 12, 6),
        timezone="Europe/London",
        window_start=time(19, 0),
        recurrence=Recurrence(Frequency.WEEKLY, weekdays={day}),
    )


def team() -> CareTeam:
    shiv, sam = "uid-shiv", "uid-sam"
    calls = RotaSlot(weekly(), shiv)
    walks = RotaSlot(weekly(2), sam)
    return CareTeam(
        "Dan's team",
        "uid-dan",
        [shiv, sam, ME],
        note="Texts first, calls after 6.",
        slots=[calls, walks, RotaSlot(weekly(4))],
        swaps=[SlotSwap(calls.uid, date(2026, 12, 13), sam)],
    )


def test_a_good_team_has_no_problems() -> None:
    team().validate()


def test_a_slots_plan_needs_no_target_of_its_own() -> None:
    slot = RotaSlot(weekly(), ME)
    assert slot.plan.person_id is None
    assert slot.problems() == []
    assert slot.uid == slot.plan.uid
    assert RotaSlot(weekly()).is_open


def test_the_slots_timing_is_checked_like_a_plans() -> None:
    broken = weekly()
    broken.recurrence = Recurrence(Frequency.WEEKLY, weekdays=set())
    assert [p.field for p in RotaSlot(broken, ME).problems()] == ["weekdays"]


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (lambda t: setattr(t, "name", "  "), "name"),
        (lambda t: setattr(t, "focus", ""), "focus"),
        (lambda t: t.supporters.append("uid-dan"), "supporters"),
        (lambda t: t.supporters.append("uid-shiv"), "supporters"),
        (lambda t: setattr(t, "comfortable_gap_days", 61), "comfortable_gap_days"),
        (lambda t: setattr(t, "comfortable_gap_days", -1), "comfortable_gap_days"),
        (lambda t: setattr(t.slots[0], "supporter", "uid-stranger"), "slots"),
        (lambda t: t.slots.append(t.slots[0]), "slots"),
        (lambda t: t.swaps.append(SlotSwap("no-such-slot", date(2026, 12, 6), ME)), "swaps"),
        (lambda t: t.swaps.append(SlotSwap(t.slots[0].uid, date(2026, 12, 20), "x")), "swaps"),
        (lambda t: t.swaps.append(SlotSwap(t.slots[0].uid, date(2026, 12, 13), ME)), "swaps"),
    ],
)
def test_what_makes_a_team_wrong_is_named(change: object, field: str) -> None:
    broken = team()
    change(broken)  # type: ignore[operator]
    with pytest.raises(ValidationError) as raised:
        broken.normalised().validate()
    assert field in [p.field for p in raised.value.problems]


def test_taking_a_supporter_off_leaves_their_slots_open_and_loses_nothing_else() -> None:
    before = team()
    calls, walks, open_slot = before.slots
    after = team()
    after.slots = [calls, walks, open_slot]
    after.swaps = list(before.swaps)
    after.without_supporter("uid-shiv")
    assert after.supporters == ["uid-sam", ME]
    assert [slot.supporter for slot in after.slots] == [None, "uid-sam", None]
    # Timing is untouched, and the swap to Sam stays.
    assert [slot.plan.timing_key() for slot in after.slots] == [
        s.plan.timing_key() for s in before.slots
    ]
    assert after.swap_on(calls.uid, date(2026, 12, 13)) == SlotSwap(
        calls.uid, date(2026, 12, 13), "uid-sam"
    )
    after.validate()


def test_a_swap_to_someone_taken_off_becomes_open_for_that_date() -> None:
    t = team()
    calls = t.slots[0]
    t.without_supporter("uid-sam")
    assert t.swap_on(calls.uid, date(2026, 12, 13)) == SlotSwap(calls.uid, date(2026, 12, 13), None)
    assert t.slot(calls.uid) is calls
    assert t.slot("nope") is None


def test_words_are_tidied() -> None:
    t = team()
    t.name = "  Dan's team \n"
    t.note = "  a note  "
    t.normalised()
    assert t.name == "Dan's team"
    assert t.note == "a note"


def test_a_team_s_refs_are_everyone_it_names() -> None:
    plan = Plan(kind=PlanKind.ONE_OFF, start_date=date(2026, 12, 7))
    slot = RotaSlot(plan, "slot-taker")
    team = CareTeam(
        name="Around Dan",
        focus="dan",
        supporters=["shiv", ME],
        slots=[slot, RotaSlot(plan, None)],
        swaps=[SlotSwap(slot.uid, date(2026, 12, 7), "swap-taker")],
    )
    assert team.refs() == {"dan", "shiv", ME, "slot-taker", "swap-taker"}


def test_the_rota_s_names_live_beside_the_team() -> None:
    from supportnet.model import care
    from supportnet.model.network import Person
    from supportnet.services import care_teams

    assert (care_teams.YOU, care_teams.NOT_IN_NETWORK) == (care.YOU, care.NOT_IN_NETWORK)
    rosie = Person("Rosie Mensah", nickname="Rosie", uid="rosie")
    people = {"rosie": rosie}
    assert care_teams.name_of(ME, people) == care.YOU
    assert care_teams.name_of("rosie", people) == "Rosie"
    assert care_teams.name_of("gone", people) == care.NOT_IN_NETWORK
