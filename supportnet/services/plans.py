"""Plans: read them; add, change (pause and resume too), remove and bring back."""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING

from supportnet.model.plans import Plan

if TYPE_CHECKING:
    from supportnet.data.plan_bundles import PlanBundle
    from supportnet.data.store import Store

__all__ = ["PlanBundle", "PlanService"]


class PlanService:
    """Each change is one transaction and returns what undoing it needs.

    Plans are found by ``uid``, not id: bringing a removed plan back keeps its uid
    (calendars that imported it still know it) but the store may give it a new id.
    """

    def __init__(self, store: Store) -> None:
        self._store = store

    def list_all(self) -> list[Plan]:
        return self._store.plans.list_all()

    def for_person(self, person_id: int) -> list[Plan]:
        return self._store.plans.for_person(person_id)

    def for_group(self, group_id: int) -> list[Plan]:
        return self._store.plans.for_group(group_id)

    def get(self, plan_id: int) -> Plan:
        return self._store.plans.get(plan_id)

    def count(self) -> int:
        return self._store.plans.count()

    def add(self, plan: Plan) -> Plan:
        """Store a new plan; what was stored, with its id (undo: :meth:`remove`)."""
        return self._store.plans.add(copy.deepcopy(plan))

    def update(self, values: Plan) -> Plan:
        """Give the plan with ``values``' uid those values; what was stored.

        SEQUENCE goes up when the timing changes (undo included), so a calendar that
        imports it again sees the newest version.
        """
        return self._store.plans.update_by_uid(copy.deepcopy(values))

    def remove(self, plan: Plan) -> PlanBundle:
        """Delete the plan with ``plan``'s uid; its check-ins stay but are unlinked, its
        postponements go. Returns what :meth:`restore` needs."""
        return self._store.plans.remove_by_uid(plan.uid)

    def restore(self, bundle: PlanBundle) -> Plan:
        """Undo :meth:`remove`: the plan (same uid), its links and postponements come back."""
        return self._store.plans.restore(bundle)
