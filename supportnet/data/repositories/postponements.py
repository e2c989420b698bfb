"""Postponed reach-outs: "Not today" and "Reschedule" leave no trace of anything missed."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from typing import TYPE_CHECKING

from supportnet.data import reads
from supportnet.data.repositories.base import Repository, require_targets

if TYPE_CHECKING:
    from supportnet.scheduling import Postponement


class PostponementsRepository(Repository):
    """Keep, read and clear postponements of plans."""

    def list_active(self, today: date) -> list[Postponement]:
        """Postponements the schedule still needs on ``today`` (user-local date).

        Those still holding, and those that ended within the last few days: a moved
        occurrence is offered on its new day from the postponement.
        """
        from supportnet.scheduling import GATHER_DAYS, Postponement

        since = today - timedelta(days=GATHER_DAYS)
        rows = self._db.execute(
            "SELECT plan_id, to_date, from_date FROM plan_postponements WHERE to_date >= ? "
            "ORDER BY id",
            (since.isoformat(),),
        )
        return [
            Postponement(
                plan_id=plan_id,
                to_date=date.fromisoformat(to_date),
                from_date=date.fromisoformat(from_date) if from_date else None,
            )
            for plan_id, to_date, from_date in rows
        ]

    def postpone(self, postponement: Postponement) -> tuple[Postponement, ...]:
        """Move a plan (or one occurrence of it) to ``to_date``; replaces an earlier move.

        Returns the plan's postponements as they were just before, read in the same
        transaction, for :meth:`put_back` to undo it.
        """
        from sqlalchemy import delete

        from supportnet.data.plan_bundles import plan_postponements
        from supportnet.data.schema import PostponementRow

        with self._sessions.begin() as session:
            require_targets(session, None, None, postponement.plan_id)
            before = plan_postponements(session, postponement.plan_id)
            session.execute(
                delete(PostponementRow).where(
                    PostponementRow.plan_id == postponement.plan_id,
                    PostponementRow.from_date.is_(None)
                    if postponement.from_date is None
                    else PostponementRow.from_date == postponement.from_date,
                )
            )
            session.add(
                PostponementRow(
                    plan_id=postponement.plan_id,
                    from_date=postponement.from_date,
                    to_date=postponement.to_date,
                    created_at=self._clock(),
                )
            )
        return before

    def put_back(self, plan_id: int, postponements: Sequence[Postponement]) -> None:
        """Make ``postponements`` the plan's only ones again, in one transaction (undo)."""
        from supportnet.data.plan_bundles import replace_postponements

        with self._sessions.begin() as session:
            require_targets(session, None, None, plan_id)
            replace_postponements(session, plan_id, postponements, self._clock())

    def clear(self, plan_id: int) -> None:
        """Forget every postponement of a plan (after a contact, or an undo)."""
        from sqlalchemy import delete

        from supportnet.data.schema import PostponementRow

        with self._sessions.begin() as session:
            session.execute(delete(PostponementRow).where(PostponementRow.plan_id == plan_id))

    def count(self) -> int:
        return reads.count(self._db, "plan_postponements")
