"""Whom a plan or check-in is with: a person or a group, named by a key like ``("person", 3)``."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from supportnet.model.plans import Plan

PERSON = "person"
GROUP = "group"

#: ``("person", 3)`` or ``("group", 1)``: how the schedule names whom a plan is for.
TargetKey = tuple[str, int]


def target_key_of(person_id: int | None, group_id: int | None) -> TargetKey | None:
    """The key of whoever a plan or check-in is with, or None if it names no one."""
    if person_id is not None:
        return (PERSON, person_id)
    if group_id is not None:
        return (GROUP, group_id)
    return None


def plan_target_key(plan: Plan) -> TargetKey | None:
    return target_key_of(plan.person_id, plan.group_id)
