"""Reach-out plans."""

from __future__ import annotations

from typing import TYPE_CHECKING

from supportnet.data import reads
from supportnet.data.plan_rows import fill_plan_row
from supportnet.data.repositories.base import Repository, require_targets
from supportnet.i18n import N_, _
from supportnet.model.errors import NotFoundError
from supportnet.model.plans import Plan

if TYPE_CHECKING:
    from supportnet.data.plan_bundles import PlanBundle

_GONE = N_("That plan no longer exists.")


class PlansRepository(Repository):
    """Add, change and remove plans. A change to a plan's timing bumps its SEQUENCE."""

    def list_all(self) -> list[Plan]:
        return reads.plans(self._db)

    def for_person(self, person_id: int) -> list[Plan]:
        return reads.plans(self._db, person_id=person_id)

    def for_group(self, group_id: int) -> list[Plan]:
        return reads.plans(self._db, group_id=group_id)

    def get(self, plan_id: int) -> Plan:
        found = reads.plans(self._db, id=plan_id)
        if not found:
            raise NotFoundError(_(_GONE))
        return found[0]

    def add(self, plan: Plan) -> Plan:
        from supportnet.data.schema import PlanRow

        plan.normalised().validate()
        now = self._clock()
        with self._sessions.begin() as session:
            require_targets(session, plan.person_id, plan.group_id)
            row = PlanRow(uid=plan.uid, sequence=plan.sequence, created_at=now, updated_at=now)
            fill_plan_row(row, plan)
            session.add(row)
            session.flush()
            new_id = row.id
        return self.get(new_id)

    def update(self, plan: Plan) -> Plan:
        if plan.id is None:
            raise NotFoundError(_("This plan hasn't been saved yet."))
        return self._change(plan, id=plan.id)

    def update_by_uid(self, plan: Plan) -> Plan:
        """Give the stored plan with ``plan``'s uid ``plan``'s values (its id may have changed
        after an undo); finding it, the checks and the write are one transaction."""
        return self._change(plan, uid=plan.uid)

    def _change(self, plan: Plan, **where: object) -> Plan:
        from supportnet.data.schema import PlanRow

        plan.normalised().validate()
        with self._sessions.begin() as session:
            # Read in the write's own transaction: the timing compared is the one replaced.
            found = reads.plans(reads.SessionReader(session), **where)
            row = session.get(PlanRow, found[0].id) if found else None
            if row is None:
                raise NotFoundError(_(_GONE))
            require_targets(session, plan.person_id, plan.group_id)
            fill_plan_row(row, plan)
            if plan.timing_key() != found[0].timing_key():
                row.sequence += 1
            row.updated_at = self._clock()
            plan_id = row.id
        return self.get(plan_id)

    def delete(self, plan_id: int) -> None:
        from sqlalchemy import delete

        from supportnet.data.schema import PlanRow

        with self._sessions.begin() as session:
            result = session.execute(delete(PlanRow).where(PlanRow.id == plan_id))
            if result.rowcount == 0:  # type: ignore[attr-defined]
                raise NotFoundError(_(_GONE))

    def remove(self, plan_id: int) -> PlanBundle:
        """Delete a plan, returning what :meth:`restore` needs to undo it: the plan, the
        check-ins linked to it, its postponements and calendar rows, read and deleted in
        one transaction."""
        from supportnet.data.plan_bundles import take_out_plan

        with self._sessions.begin() as session:
            return take_out_plan(session, plan_id)

    def remove_by_uid(self, uid: str) -> PlanBundle:
        """:meth:`remove` the plan with this uid, found in the same transaction."""
        from supportnet.data.plan_bundles import take_out_plan

        with self._sessions.begin() as session:
            reader = reads.SessionReader(session)
            found = reader.execute("SELECT id FROM plans WHERE uid = ?", (uid,))
            if not found:
                raise NotFoundError(_(_GONE))
            return take_out_plan(session, int(found[0][0]))

    def restore(self, bundle: PlanBundle) -> Plan:
        """Undo :meth:`remove` in one transaction: the plan (same uid and SEQUENCE), its
        check-in links, postponements and calendar rows all come back, or nothing does."""
        from supportnet.data.plan_bundles import put_back_plan

        bundle.plan.validate()
        with self._sessions.begin() as session:
            new_id = put_back_plan(session, bundle, self._clock())
        return self.get(new_id)

    def count(self) -> int:
        return reads.count(self._db, "plans")
