"""The plan for hard days as a value: the person's order, edits, links and what can't be saved."""

from __future__ import annotations

import pytest

from supportnet.model.errors import ValidationError
from supportnet.model.safety_plan import (
    MAX_ENTRIES_PER_STEP,
    MAX_ENTRY_LENGTH,
    PlanEntry,
    SafetyPlan,
    Step,
)
from supportnet.model.targets import GROUP, PERSON

A, B, C = (PlanEntry.typed(t) for t in ("A walk", "Music", "A shower"))


def _texts(plan: SafetyPlan, step: Step) -> list[str]:
    return [e.text for e in plan.entries(step)]


def test_six_numbered_steps_then_what_im_living_for() -> None:
    assert [s.number for s in Step] == [1, 2, 3, 4, 5, 6, None]
    assert list(Step)[-1] is Step.LIVING_FOR
    assert [s for s in Step if s.has_they_know] == [Step.HELPERS]


def test_a_new_plan_is_empty_and_every_step_reads_as_empty() -> None:
    plan = SafetyPlan()
    assert plan.is_empty
    assert all(plan.entries(s) == () for s in Step)
    assert plan.problems() == []


def test_lines_keep_the_order_they_were_added_in() -> None:
    plan = SafetyPlan().added(Step.ON_MY_OWN, A).added(Step.ON_MY_OWN, B).added(Step.ON_MY_OWN, C)
    assert _texts(plan, Step.ON_MY_OWN) == ["A walk", "Music", "A shower"]
    assert not plan.is_empty
    assert plan.entries(Step.WARNING_SIGNS) == ()


def test_moving_a_line_up_and_down_and_past_either_end() -> None:
    plan = SafetyPlan().with_entries(Step.ON_MY_OWN, [A, B, C])
    assert _texts(plan.moved(Step.ON_MY_OWN, 2, 1), Step.ON_MY_OWN) == [
        "A walk",
        "A shower",
        "Music",
    ]
    assert _texts(plan.moved(Step.ON_MY_OWN, 0, 1), Step.ON_MY_OWN) == [
        "Music",
        "A walk",
        "A shower",
    ]
    # Alt+Up on the first line, or a drop past the end, stays in the list.
    assert _texts(plan.moved(Step.ON_MY_OWN, 0, -1), Step.ON_MY_OWN) == _texts(plan, Step.ON_MY_OWN)
    assert _texts(plan.moved(Step.ON_MY_OWN, 0, 99), Step.ON_MY_OWN) == [
        "Music",
        "A shower",
        "A walk",
    ]


def test_removing_and_replacing_a_line_leaves_the_others_in_place() -> None:
    plan = SafetyPlan().with_entries(Step.LIVING_FOR, [A, B, C])
    assert _texts(plan.removed(Step.LIVING_FOR, 1), Step.LIVING_FOR) == ["A walk", "A shower"]
    swapped = plan.replaced(Step.LIVING_FOR, 1, PlanEntry.typed("  My niece "))
    assert _texts(swapped, Step.LIVING_FOR) == ["A walk", "My niece", "A shower"]
    # Edits make new plans: the one edited is as it was (undo keeps it).
    assert _texts(plan, Step.LIVING_FOR) == ["A walk", "Music", "A shower"]


def test_a_link_names_its_person_by_uid_and_keeps_their_name() -> None:
    entry = PlanEntry.link(PERSON, "uid-sam", "Sam", they_know=True)
    assert entry.is_link
    assert (entry.text, entry.target_kind, entry.target_uid, entry.they_know) == (
        "Sam",
        PERSON,
        "uid-sam",
        True,
    )
    assert not PlanEntry.typed("A park").is_link
    plan = SafetyPlan().added(Step.HELPERS, entry).added(Step.DISTRACTIONS, A)
    assert plan.linked_uids() == {"uid-sam"}


def test_the_they_know_tick_starts_unticked() -> None:
    assert not PlanEntry.link(PERSON, "uid-sam", "Sam").they_know


@pytest.mark.parametrize(
    ("step", "entry"),
    [
        (Step.WARNING_SIGNS, PlanEntry.link(PERSON, "u", "Sam")),
        (Step.HELPERS, PlanEntry.link(GROUP, "u", "Walkers")),
        (Step.LIVING_FOR, PlanEntry.link(PERSON, "u", "Sam")),
        (Step.DISTRACTIONS, PlanEntry("Sam", "plan", "u")),
    ],
    ids=["signs", "helper-group", "living-for", "unknown-kind"],
)
def test_a_step_links_only_to_what_it_can(step: Step, entry: PlanEntry) -> None:
    plan = SafetyPlan().added(step, entry)
    assert [p.message for p in plan.problems()] == ["This step can't link to that entry."]
    with pytest.raises(ValidationError, match="can't link"):
        plan.validate()


def test_steps_that_take_links_take_them() -> None:
    plan = (
        SafetyPlan()
        .added(Step.DISTRACTIONS, PlanEntry.link(GROUP, "g", "Walkers"))
        .added(Step.DISTRACTIONS, PlanEntry.link(PERSON, "p", "Sam"))
        .added(Step.HELPERS, PlanEntry.link(PERSON, "p", "Sam", they_know=True))
        .added(Step.PROFESSIONALS, PlanEntry.link(GROUP, "c", "CMHT"))
    )
    plan.validate()


def test_only_helpers_carry_the_tick() -> None:
    plan = SafetyPlan().added(Step.PROFESSIONALS, PlanEntry.link(PERSON, "p", "GP", they_know=True))
    assert [p.message for p in plan.problems()] == ["Only helpers can be ticked as told."]


def test_empty_and_overlong_lines_and_too_many_are_refused() -> None:
    assert SafetyPlan().added(Step.ON_MY_OWN, PlanEntry.typed("   ")).problems()
    long_line = PlanEntry.typed("x" * (MAX_ENTRY_LENGTH + 1))
    assert SafetyPlan().added(Step.LIVING_FOR, long_line).problems()
    SafetyPlan().added(Step.LIVING_FOR, PlanEntry.typed("x" * MAX_ENTRY_LENGTH)).validate()
    many = SafetyPlan().with_entries(Step.ON_MY_OWN, [A] * (MAX_ENTRIES_PER_STEP + 1))
    assert many.problems()
    SafetyPlan().with_entries(Step.ON_MY_OWN, [A] * MAX_ENTRIES_PER_STEP).validate()


def test_every_problem_is_reported_at_once() -> None:
    plan = (
        SafetyPlan()
        .added(Step.ON_MY_OWN, PlanEntry.typed(""))
        .added(Step.WARNING_SIGNS, PlanEntry.link(PERSON, "u", "Sam"))
    )
    with pytest.raises(ValidationError) as raised:
        plan.validate()
    assert len(raised.value.problems) == 2


def test_the_length_message_says_the_longest_line_that_is_kept() -> None:
    (problem,) = SafetyPlan().added(Step.LIVING_FOR, PlanEntry.typed("x" * 2001)).problems()
    # 2,000 characters are kept, so the message can't say "under 2000".
    assert MAX_ENTRY_LENGTH == 2000
    assert "up to 2,000 characters" in problem.message
    assert "under" not in problem.message


def test_a_typed_line_is_one_line() -> None:
    assert PlanEntry.typed("  My niece.\nHer laugh.\r\n ").text == "My niece. Her laugh."


@pytest.mark.parametrize("text", ["a\x00b", "bell\x07", "esc\x1b[31m", "del\x7f"])
def test_control_characters_are_refused_in_words(text: str) -> None:
    entry = PlanEntry.typed(text)
    (problem,) = entry.problems(Step.ON_MY_OWN)
    assert problem.message == (
        "This line holds an invisible control character; please type it again."
    )
    with pytest.raises(ValidationError):
        SafetyPlan().added(Step.ON_MY_OWN, entry).validate()


def test_emoji_and_right_to_left_text_are_welcome() -> None:
    # Zero-width joiners and bidi marks are format characters, not control characters.
    for text in ("👩‍👧 My daughter", "\u200fשלום", "Café ☕"):
        assert PlanEntry.typed(text).problems(Step.LIVING_FOR) == []
