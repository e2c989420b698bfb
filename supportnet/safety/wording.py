"""The words of the plan for hard days: each step's heading, hint and a few examples.

Written for this project: the plan follows the structure of the Stanley–Brown Safety
Planning Intervention, whose published template is not ours to copy. Calm and plain, as
DOMAIN.md asks; the step about safer surroundings never names any means or method.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from supportnet.i18n import N_, _
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


# The words below are marked, not translated: show them through ``_()`` (the language is
# chosen after import). STEP_TEXT translates itself when a step is looked up.

PAGE_TITLE = N_("My plan for hard days")

#: What an empty step says, on the page and as text (print leaves room to write by hand).
EMPTY_STEP = N_("Nothing here yet.")
#: What an empty "What I'm living for" says instead: "nothing here" reads bleakly there.
EMPTY_LIVING_FOR = N_("Room for your own words.")

#: The gentle mark on a line whose person or group has left the network.
NOT_IN_NETWORK = N_("no longer in your network")

#: The helpers' tick: the person has told them, in their own time.
THEY_KNOW = N_("They know they're in my plan")

#: A message idea for telling a helper they are in the plan (to copy and send).
TELL_THEM_IDEA = N_(
    "I'm putting together a plan for days when things get hard, and I'd like you to be "
    "in it as someone I could reach out to. Would that be okay with you?"
)

_STEP_TEXT: dict[Step, StepText] = {
    Step.WARNING_SIGNS: StepText(
        heading=N_("Signs a hard time is starting"),
        hint=N_("Thoughts, moods or situations that tell me things are getting harder."),
        examples=(
            N_("Not wanting to answer messages"),
            N_("Sleeping much more or much less"),
            N_("Thinking nothing will change"),
        ),
    ),
    Step.ON_MY_OWN: StepText(
        heading=N_("Things I can do on my own to feel a bit better"),
        hint=N_("Small things that have helped before, even a little."),
        examples=(
            N_("A shower and clean clothes"),
            N_("A short walk around the block"),
            N_("Music I like, with the volume up"),
        ),
    ),
    Step.DISTRACTIONS: StepText(
        heading=N_("People and places that take my mind off things"),
        hint=N_("People from the network, groups, or places to go, like a café or a park."),
        examples=(
            N_("The library"),
            N_("Coffee with a neighbour"),
            N_("The Tuesday walking group"),
        ),
    ),
    Step.HELPERS: StepText(
        heading=N_("People I can ask for help"),
        hint=N_(
            "People from the network I could tell that things are hard. Tick when they "
            "know they're in the plan."
        ),
        examples=(N_("A close friend"), N_("My sister"), N_("My partner")),
    ),
    Step.PROFESSIONALS: StepText(
        heading=N_("Professionals and services"),
        hint=N_(
            "A GP, a therapist or a mental-health team, with their numbers. The crisis "
            "lines for the country are shown with them."
        ),
        examples=(N_("My GP surgery"), N_("My therapist"), N_("The community mental-health team")),
    ),
    Step.SAFER_SURROUNDINGS: StepText(
        heading=N_("Making my surroundings safer"),
        hint=N_(
            "Ways to keep things that could be dangerous for me out of reach for now. "
            "Someone I trust can help with this."
        ),
        examples=(
            N_("Ask someone I trust to keep some things for a while"),
            N_("Spend the evening somewhere I feel safe"),
        ),
    ),
    Step.LIVING_FOR: StepText(
        heading=N_("What I'm living for"),
        hint=N_("People, hopes, plans and small joys. As many as come to mind, in my own words."),
        examples=(N_("My niece"), N_("Seeing the sea again"), N_("My cat, who waits for me")),
    ),
}


class _TranslatedSteps(Mapping[Step, StepText]):
    """:data:`STEP_TEXT`: each step's words in the language in use, looked up when shown."""

    def __getitem__(self, step: Step) -> StepText:
        text = _STEP_TEXT[step]
        return StepText(_(text.heading), _(text.hint), tuple(_(e) for e in text.examples))

    def __iter__(self) -> Iterator[Step]:
        return iter(_STEP_TEXT)

    def __len__(self) -> int:
        return len(_STEP_TEXT)


#: How each step is introduced, translated when looked up (``STEP_TEXT[step].heading``).
STEP_TEXT: Mapping[Step, StepText] = _TranslatedSteps()


def numbered_heading(step: Step) -> str:
    """The heading with its number, as in print: "1. Signs a hard time is starting"."""
    heading = STEP_TEXT[step].heading
    return f"{step.number}. {heading}" if step.number is not None else heading


def empty_text(step: Step) -> str:
    """What ``step`` says while it holds no lines."""
    return _(EMPTY_LIVING_FOR) if step is Step.LIVING_FOR else _(EMPTY_STEP)
