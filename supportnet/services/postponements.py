"""Postponing a plan ("Not today", "Another day…") and putting it back."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from supportnet.data.store import Store
    from supportnet.scheduling import Postponement

__all__ = ["PostponementService"]


class PostponementService:
    """Each change is one transaction and returns what undoing it needs."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def list_active(self, today: date) -> list[Postponement]:
        """The postponements the schedule still needs on ``today`` (user-local date)."""
        return self._store.postponements.list_active(today)

    def postpone(self, postponement: Postponement) -> tuple[Postponement, ...]:
        """Move a plan to a later day; the plan's postponements as they were, for
        :meth:`put_back`."""
        return self._store.postponements.postpone(postponement)

    def put_back(self, plan_id: int, before: Sequence[Postponement]) -> None:
        """Undo :meth:`postpone`: the plan's postponements are ``before`` again."""
        self._store.postponements.put_back(plan_id, before)
