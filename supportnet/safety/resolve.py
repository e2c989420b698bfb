"""The plan as it is shown: each linked line with today's name and a way to reach them.

Pure: given the plan and the network, it names each line. A link whose person or group
has left the network keeps the name it last had and is marked as not in the network;
bringing them back (same uid) links it again.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from supportnet.i18n import _
from supportnet.model.network import Group, Person
from supportnet.model.safety_plan import PlanEntry, SafetyPlan, Step
from supportnet.model.targets import GROUP, PERSON
from supportnet.safety.ways import REACH_SEPARATOR, channel_text, group_reach, person_reach
from supportnet.safety.wording import NOT_IN_NETWORK

__all__ = [
    "NUMBER_STEPS",
    "REACH_SEPARATOR",
    "WITH_REACH",
    "LineParts",
    "ResolvedEntry",
    "ResolvedPlan",
    "channel_text",
    "group_reach",
    "line_parts",
    "person_reach",
    "resolve",
]

#: Steps whose lines show a way to reach the person, group or service.
WITH_REACH = (Step.DISTRACTIONS, Step.HELPERS, Step.PROFESSIONALS)
#: Steps whose people show every phone or text number, not just the preferred way: on a
#: hard day a counsellor met "in person" still needs a number to ring.
NUMBER_STEPS = (Step.HELPERS, Step.PROFESSIONALS)


@dataclass(frozen=True, slots=True)
class ResolvedEntry:
    """One line of the plan, named as it should be shown.

    ``in_network`` is False only for a link whose person or group is gone; typed text is
    always "in the network" (nothing to mark). ``kind`` and ``target_id`` say whose record
    the line opens (None for typed text or someone gone); ``reach`` is their preferred
    way to be reached, or "".
    """

    entry: PlanEntry
    name: str
    in_network: bool
    kind: str | None
    target_id: int | None
    reach: str

    @property
    def is_link(self) -> bool:
        return self.entry.is_link


@dataclass(frozen=True, slots=True)
class ResolvedPlan:
    """The plan and each step's lines, named; every step is present (maybe empty)."""

    plan: SafetyPlan
    steps: dict[Step, tuple[ResolvedEntry, ...]]

    def entries(self, step: Step) -> tuple[ResolvedEntry, ...]:
        return self.steps.get(step, ())

    @property
    def is_empty(self) -> bool:
        return self.plan.is_empty


@dataclass(frozen=True, slots=True)
class LineParts:
    """A line's words, as the page, the text and the printed page all show them: the
    name, the gentle mark if they left the network (else ""), how to reach them (else "")."""

    name: str
    marker: str
    reach: str

    @property
    def title(self) -> str:
        """The name with its mark in brackets, as plain text."""
        return f"{self.name} ({self.marker})" if self.marker else self.name


def line_parts(step: Step, line: ResolvedEntry) -> LineParts:
    """What ``line`` of ``step`` says; only steps with people or places show a reach."""
    marker = "" if line.in_network else _(NOT_IN_NETWORK)
    reach = line.reach if step in WITH_REACH and line.in_network else ""
    return LineParts(line.name, marker, reach)


def resolve(plan: SafetyPlan, people: Iterable[Person], groups: Iterable[Group]) -> ResolvedPlan:
    """Name every line of ``plan`` from the network as it is now."""
    people_by_uid = {p.uid: p for p in people}
    groups_by_uid = {g.uid: g for g in groups}
    steps: dict[Step, tuple[ResolvedEntry, ...]] = {}
    for step in Step:
        steps[step] = tuple(
            _resolved(step, entry, people_by_uid, groups_by_uid) for entry in plan.entries(step)
        )
    return ResolvedPlan(plan=plan, steps=steps)


def _resolved(
    step: Step, entry: PlanEntry, people: dict[str, Person], groups: dict[str, Group]
) -> ResolvedEntry:
    uid = entry.target_uid
    if uid is None:
        return ResolvedEntry(entry, entry.text, True, None, None, "")
    if entry.target_kind == PERSON and uid in people:
        person = people[uid]
        return ResolvedEntry(
            entry,
            person.display_name,
            True,
            PERSON,
            person.id,
            person_reach(person, numbers=step in NUMBER_STEPS),
        )
    if entry.target_kind == GROUP and uid in groups:
        group = groups[uid]
        return ResolvedEntry(entry, group.display_name, True, GROUP, group.id, group_reach(group))
    return ResolvedEntry(entry, entry.text, False, entry.target_kind, None, "")
