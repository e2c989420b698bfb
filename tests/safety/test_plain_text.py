"""The plan as plain text: every step in order, links with their reach, the crisis lines last."""

from __future__ import annotations

from supportnet.model.network import ChannelKind, ContactChannel, Person
from supportnet.model.safety_plan import PlanEntry, SafetyPlan, Step
from supportnet.model.targets import PERSON
from supportnet.safety.plain_text import plan_text
from supportnet.safety.resolve import resolve
from supportnet.safety.wording import (
    EMPTY_LIVING_FOR,
    EMPTY_STEP,
    NOT_IN_NETWORK,
    PAGE_TITLE,
    STEP_TEXT,
)

CRISIS = "Crisis lines: United Kingdom (GB)\nIn an emergency, call 999.\n"
DAN = Person("Daniel Okafor", nickname="Dan", channels=[ContactChannel(ChannelKind.CALL, "0123")])


def _text(plan: SafetyPlan, people: list[Person], crisis: str = CRISIS) -> str:
    return plan_text(resolve(plan, people, []), crisis)


def test_an_empty_plan_names_every_step_calmly_then_the_crisis_lines() -> None:
    text = _text(SafetyPlan(), [])
    lines = text.splitlines()
    assert lines[0] == PAGE_TITLE
    headings = [f"{s.number}. {STEP_TEXT[s].heading}" for s in Step if s.number is not None]
    positions = [lines.index(h) for h in headings]
    assert positions == sorted(positions)
    assert STEP_TEXT[Step.LIVING_FOR].heading in lines
    assert text.count(EMPTY_STEP) == len(Step) - 1
    living = lines.index(STEP_TEXT[Step.LIVING_FOR].heading)
    assert lines[living + 1] == f"    {EMPTY_LIVING_FOR}"
    assert text.endswith(CRISIS)
    assert lines.index(STEP_TEXT[Step.LIVING_FOR].heading) < lines.index(CRISIS.splitlines()[0])
    assert "!" not in text


def test_entries_come_in_order_under_their_step() -> None:
    plan = (
        SafetyPlan()
        .added(Step.ON_MY_OWN, PlanEntry.typed("A walk"))
        .added(Step.ON_MY_OWN, PlanEntry.typed("Music"))
        .added(Step.HELPERS, PlanEntry.link(PERSON, DAN.uid, "Dan"))
    )
    lines = _text(plan, [DAN]).splitlines()
    start = lines.index(f"2. {STEP_TEXT[Step.ON_MY_OWN].heading}")
    assert lines[start + 1 : start + 3] == ["  - A walk", "  - Music"]
    helpers = lines.index(f"4. {STEP_TEXT[Step.HELPERS].heading}")
    assert lines[helpers + 1] == "  - Dan — Phone call: 0123"


def test_someone_who_left_the_network_keeps_their_name_gently_marked() -> None:
    plan = SafetyPlan().added(Step.HELPERS, PlanEntry.link(PERSON, "gone-uid", "Sam"))
    assert f"  - Sam ({NOT_IN_NETWORK})" in _text(plan, []).splitlines()


def test_a_reason_over_several_lines_stays_under_its_bullet() -> None:
    # Typed lines are one line now; a line kept from before may still hold a line break.
    plan = SafetyPlan().added(Step.LIVING_FOR, PlanEntry("My niece.\nHer laugh."))
    lines = _text(plan, []).splitlines()
    index = lines.index("  - My niece.")
    assert lines[index + 1] == "    Her laugh."


def test_without_crisis_text_the_plan_ends_with_its_last_step() -> None:
    text = _text(SafetyPlan(), [], crisis="")
    assert text.rstrip().endswith(EMPTY_LIVING_FOR)


def test_a_professional_met_in_person_keeps_their_number_in_the_text() -> None:
    ruth = Person(
        "Ruth Adeyemi",
        channels=[
            ContactChannel(ChannelKind.IN_PERSON, "Riverside Wellbeing Centre", preferred=True),
            ContactChannel(ChannelKind.CALL, "01632 960442"),
        ],
    )
    plan = SafetyPlan().added(Step.PROFESSIONALS, PlanEntry.link(PERSON, ruth.uid, "Ruth"))
    assert (
        "  - Ruth Adeyemi — In person: Riverside Wellbeing Centre · Phone call: 01632 960442"
        in _text(plan, [ruth]).splitlines()
    )
