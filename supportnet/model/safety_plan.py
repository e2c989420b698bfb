"""The safety plan: six steps for a hard time and what the person is living for.

After the structure of the Stanley–Brown Safety Planning Intervention (every word here is
our own). Each step is an ordered list of entries; an entry is either typed text or a
link to someone in the network (by uid, so undoing a removal links it again), keeping
the name it last had so a person removed from the network still shows in the plan.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime

from supportnet.i18n import _
from supportnet.i18n.calendar_words import words
from supportnet.model.errors import Problem
from supportnet.model.network import raise_problems
from supportnet.model.targets import GROUP, PERSON
from supportnet.model.text import clean_line, has_control, has_lone_surrogate

#: The longest entry we keep (a reason for living may be a few sentences).
MAX_ENTRY_LENGTH = 2000
#: Enough room in every step; a plan is meant to be short.
MAX_ENTRIES_PER_STEP = 50


class Step(enum.Enum):
    """The parts of the plan, in the order they are used."""

    WARNING_SIGNS = "warning_signs"
    ON_MY_OWN = "on_my_own"
    DISTRACTIONS = "distractions"
    HELPERS = "helpers"
    PROFESSIONALS = "professionals"
    SAFER_SURROUNDINGS = "safer_surroundings"
    LIVING_FOR = "living_for"

    @property
    def number(self) -> int | None:
        """1–6 for the six steps; None for "What I'm living for"."""
        index = list(Step).index(self)
        return index + 1 if self is not Step.LIVING_FOR else None

    @property
    def links(self) -> frozenset[str]:
        """Which kinds of network entry this step can link to (empty: typed text only)."""
        return _LINKS[self]

    @property
    def has_they_know(self) -> bool:
        """Whether entries here carry the "they know they're in my plan" tick."""
        return self is Step.HELPERS


_LINKS: dict[Step, frozenset[str]] = {
    Step.WARNING_SIGNS: frozenset(),
    Step.ON_MY_OWN: frozenset(),
    Step.DISTRACTIONS: frozenset({PERSON, GROUP}),
    Step.HELPERS: frozenset({PERSON}),
    Step.PROFESSIONALS: frozenset({PERSON, GROUP}),
    Step.SAFER_SURROUNDINGS: frozenset(),
    Step.LIVING_FOR: frozenset(),
}


@dataclass(frozen=True, slots=True)
class PlanEntry:
    """One line of the plan.

    ``text`` is what the person typed, or, for a link, the name the person or group had
    when the plan was last saved. ``target_kind`` is ``"person"`` or ``"group"`` and
    ``target_uid`` their uid; both are None for typed text. ``they_know`` is the person's
    own tick (helpers only) and is never set by SupportNet on its own.
    """

    text: str
    target_kind: str | None = None
    target_uid: str | None = None
    they_know: bool = False

    @property
    def is_link(self) -> bool:
        return self.target_uid is not None

    @classmethod
    def typed(cls, text: str) -> PlanEntry:
        """Words typed as one line: trimmed, line breaks folded into spaces (anything else
        unprintable is left for :meth:`problems` to name, not silently dropped)."""
        return cls(text=clean_line(text))

    def problems(self, step: Step) -> list[Problem]:
        """What keeps this line from being saved in ``step``, one message each."""
        problems: list[Problem] = []
        where = step.value
        if not self.text.strip():
            problems.append(Problem(where, _("A line can't be empty.")))
        elif len(self.text) > MAX_ENTRY_LENGTH:
            problems.append(
                Problem(
                    where,
                    _("A line can hold up to {max} characters ({now} now).").format(
                        max=words().number(MAX_ENTRY_LENGTH), now=words().number(len(self.text))
                    ),
                )
            )
        if has_lone_surrogate(self.text):
            problems.append(
                Problem(where, _("Part of this line isn't valid text; please type it again."))
            )
        # Line breaks are allowed: a line kept from before lines were one line each.
        elif has_control(self.text, allow_newlines=True):
            problems.append(
                Problem(
                    where,
                    _("This line holds an invisible control character; please type it again."),
                )
            )
        if self.is_link and self.target_kind not in step.links:
            problems.append(Problem(where, _("This step can't link to that entry.")))
        if self.they_know and not step.has_they_know:
            problems.append(Problem(where, _("Only helpers can be ticked as told.")))
        return problems

    @classmethod
    def link(cls, kind: str, uid: str, name: str, *, they_know: bool = False) -> PlanEntry:
        return cls(text=name, target_kind=kind, target_uid=uid, they_know=they_know)


@dataclass(frozen=True, slots=True)
class SafetyPlan:
    """The whole plan: each step's entries in the person's own order."""

    steps: Mapping[Step, tuple[PlanEntry, ...]] = field(default_factory=dict)
    updated_at: datetime | None = None

    def entries(self, step: Step) -> tuple[PlanEntry, ...]:
        return tuple(self.steps.get(step, ()))

    @property
    def is_empty(self) -> bool:
        return not any(self.steps.get(step) for step in Step)

    def with_entries(self, step: Step, entries: Iterable[PlanEntry]) -> SafetyPlan:
        """This plan with ``step``'s entries replaced (in the order given)."""
        steps = {s: self.entries(s) for s in Step}
        steps[step] = tuple(entries)
        return replace(self, steps=steps)

    def added(self, step: Step, entry: PlanEntry) -> SafetyPlan:
        return self.with_entries(step, (*self.entries(step), entry))

    def removed(self, step: Step, index: int) -> SafetyPlan:
        entries = list(self.entries(step))
        del entries[index]
        return self.with_entries(step, entries)

    def replaced(self, step: Step, index: int, entry: PlanEntry) -> SafetyPlan:
        entries = list(self.entries(step))
        entries[index] = entry
        return self.with_entries(step, entries)

    def moved(self, step: Step, index: int, new_index: int) -> SafetyPlan:
        """The entry at ``index`` moved to ``new_index`` (clamped to the list)."""
        entries = list(self.entries(step))
        entry = entries.pop(index)
        new_index = max(0, min(new_index, len(entries)))
        entries.insert(new_index, entry)
        return self.with_entries(step, entries)

    def linked_uids(self) -> set[str]:
        return {
            entry.target_uid
            for step in Step
            for entry in self.entries(step)
            if entry.target_uid is not None
        }

    def problems(self) -> list[Problem]:
        """Everything that keeps this plan from being saved, one message each."""
        problems: list[Problem] = []
        for step in Step:
            entries = self.entries(step)
            if len(entries) > MAX_ENTRIES_PER_STEP:
                problems.append(
                    Problem(
                        step.value,
                        _("A step can hold up to {most} lines.").format(most=MAX_ENTRIES_PER_STEP),
                    )
                )
            for entry in entries:
                problems.extend(entry.problems(step))
        return problems

    def validate(self) -> None:
        """Raise :class:`ValidationError` naming the first problem, carrying all of them."""
        raise_problems(self.problems())
