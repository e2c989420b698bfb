"""Shared plumbing for repositories."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from sqlalchemy.orm import Session, sessionmaker

from supportnet.errors import NotFoundError

SessionFactory = sessionmaker[Session]
Clock = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(UTC)


class Repository:
    """Holds the session factory and the clock used for created/updated stamps."""

    def __init__(self, sessions: SessionFactory, clock: Clock = utc_now) -> None:
        self._sessions = sessions
        self._clock = clock


def require_targets(
    session: Session, person_id: int | None, group_id: int | None, plan_id: int | None = None
) -> None:
    """Raise :class:`NotFoundError` if a linked person, group or plan is gone.

    Without this a stale id (deleted in another window) fails as a raw IntegrityError.
    """
    from sqlalchemy import select

    from supportnet.data.schema import GroupRow, PersonRow, PlanRow

    def gone(table: type[PersonRow] | type[GroupRow] | type[PlanRow], row_id: int) -> bool:
        return session.scalar(select(table.id).where(table.id == row_id)) is None

    if person_id is not None and gone(PersonRow, person_id):
        raise NotFoundError("That person is no longer in your network.")
    if group_id is not None and gone(GroupRow, group_id):
        raise NotFoundError("That group is no longer in your network.")
    if plan_id is not None and gone(PlanRow, plan_id):
        raise NotFoundError("That plan no longer exists.")
