"""The plan for hard days, and the people who are okay to contact in a crisis."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from supportnet.data import reads
from supportnet.model.network import Circle, Group, Person, SupportType, display_name_of
from supportnet.model.safety_plan import SafetyPlan
from supportnet.model.targets import GROUP, PERSON
from supportnet.safety.resolve import ResolvedPlan, channel_text, resolve

if TYPE_CHECKING:
    from supportnet.data.store import Store

__all__ = ["CrisisContact", "SafetyPlanService"]

_CIRCLE_ORDER = {circle: index for index, circle in enumerate(Circle)}


@dataclass(frozen=True, slots=True)
class CrisisContact:
    """Someone okay to contact in a crisis, and their preferred way to be reached ("" if
    none is known)."""

    person_id: int
    uid: str
    name: str
    circle: Circle
    reach: str


class SafetyPlanService:
    """Read the plan, show it named from the network, save it whole (undo: save the plan
    :meth:`save` returned)."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def read(self) -> SafetyPlan:
        return self._store.safety_plan.read()

    def view(self) -> ResolvedPlan:
        """The plan with each link named and reachable as the network is now."""
        db = self._store.db
        with reads.snapshot(db):
            plan = self._store.safety_plan.read()
            people: list[Person] = []
            groups: list[Group] = []
            # Only those the plan links to: a plan names a handful, a network may hold
            # thousands.
            for step in plan.steps.values():
                for entry in step:
                    if entry.target_kind == PERSON:
                        people += reads.people(db, uid=entry.target_uid)
                    elif entry.target_kind == GROUP:
                        groups += reads.groups(db, uid=entry.target_uid)
        return resolve(plan, people, groups)

    def save(self, plan: SafetyPlan) -> SafetyPlan:
        """Check ``plan`` and store it in place of the current one, with linked names
        brought up to date, in one transaction; the plan as it was before.

        Raises :class:`ValidationError` (nothing stored) if a line doesn't fit.
        """
        before, _after = self._store.safety_plan.replace(plan)
        return before

    def crisis_people(self) -> list[CrisisContact]:
        """Everyone okay to contact in a crisis: inner circle first, then middle and outer,
        each by name."""
        contacts = [
            CrisisContact(
                person_id=pid,
                uid=uid,
                name=display_name_of(name, nickname),
                circle=circle,
                reach=channel_text(channel) if channel is not None else "",
            )
            for pid, uid, name, nickname, circle, channel in (
                self._store.safety_plan.people_with_support(SupportType.CRISIS)
            )
        ]
        contacts.sort(key=lambda c: (_CIRCLE_ORDER[c.circle], c.name.casefold(), c.person_id))
        return contacts
