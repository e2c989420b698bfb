"""The words of the plan for hard days: each step's heading, hint and a few examples.

Written for this project: the plan follows the structure of the Stanley–Brown Safety
Planning Intervention, whose published template is not ours to copy. Calm and plain, as
DOMAIN.md asks; the step about safer surroundings never names any means or method.
"""

from __future__ import annotations

from dataclasses import dataclass

from supportnet.model.safety_plan import Step

__all__ = [
    "EMPTY_LIVING_FOR",
    "EMPTY_STEP",
    "NOT_IN_NETWORK",
    "PAGE_TITLE",
    "STEP_TEXT",
    "TELL_THEM_IDEA",
    "THEY_KNOW",
    "StepText",
    "empty_text",
    "numbered_heading",
]


@dataclass(frozen=True, slots=True)
class StepText:
    """How one step is introduced: a short heading, a hint under it, a few examples."""

    heading: str
    hint: str
    examples: tuple[str, ...] = ()


PAGE_TITLE = "My plan for hard days"

#: What an empty step says, on the page and as text (print leaves room to write by hand).
EMPTY_STEP = "Nothing here yet."
#: What an empty "What I'm living for" says instead: "nothing here" reads bleakly there.
EMPTY_LIVING_FOR = "Room for your own words."

#: The gentle mark on a line whose person or group has left the network.
NOT_IN_NETWORK = "no longer in your network"

#: The helpers' tick: the person has told them, in their own time.
THEY_KNOW = "They know they're in my plan"

#: A message idea for telling a helper they are in the plan (to copy and send).
TELL_THEM_IDEA = (
    "I'm putting together a plan for days when things get hard, and I'd like you to be "
    "in it as someone I could reach out to. Would that be okay with you?"
)

STEP_TEXT: dict[Step, StepText] = {
    Step.WARNING_SIGNS: StepText(
        heading="Signs a hard time is starting",
        hint="Thoughts, moods or situations that tell me things are getting harder.",
        examples=(
            "Not wanting to answer messages",
            "Sleeping much more or much less",
            "Thinking nothing will change",
        ),
    ),
    Step.ON_MY_OWN: StepText(
        heading="Things I can do on my own to feel a bit better",
        hint="Small things that have helped before, even a little.",
        examples=(
            "A shower and clean clothes",
            "A short walk around the block",
            "Music I like, with the volume up",
        ),
    ),
    Step.DISTRACTIONS: StepText(
        heading="People and places that take my mind off things",
        hint="People from the network, groups, or places to go, like a café or a park.",
        examples=("The library", "Coffee with a neighbour", "The Tuesday walking group"),
    ),
    Step.HELPERS: StepText(
        heading="People I can ask for help",
        hint=(
            "People from the network I could tell that things are hard. Tick when they "
            "know they're in the plan."
        ),
        examples=("A close friend", "My sister", "My partner"),
    ),
    Step.PROFESSIONALS: StepText(
        heading="Professionals and services",
        hint=(
            "A GP, a therapist or a mental-health team, with their numbers. The crisis "
            "lines for the country are shown with them."
        ),
        examples=("My GP surgery", "My therapist", "The community mental-health team"),
    ),
    Step.SAFER_SURROUNDINGS: StepText(
        heading="Making my surroundings safer",
        hint=(
            "Ways to keep things that could be dangerous for me out of reach for now. "
            "Someone I trust can help with this."
        ),
        examples=(
            "Ask someone I trust to keep some things for a while",
            "Spend the evening somewhere I feel safe",
        ),
    ),
    Step.LIVING_FOR: StepText(
        heading="What I'm living for",
        hint="People, hopes, plans and small joys. As many as come to mind, in my own words.",
        examples=("My niece", "Seeing the sea again", "My cat, who waits for me"),
    ),
}


def numbered_heading(step: Step) -> str:
    """The heading with its number, as in print: "1. Signs a hard time is starting"."""
    heading = STEP_TEXT[step].heading
    return f"{step.number}. {heading}" if step.number is not None else heading


def empty_text(step: Step) -> str:
    """What ``step`` says while it holds no lines."""
    return EMPTY_LIVING_FOR if step is Step.LIVING_FOR else EMPTY_STEP
