"""Shared plumbing for repositories."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from supportnet.i18n import _
from supportnet.model.errors import NotFoundError

if TYPE_CHECKING:
    from sqlalchemy.orm import Session, sessionmaker

    from supportnet.data.engine import RawDatabase

    SessionFactory = sessionmaker[Session]

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(UTC)


class LazySessions:
    """A session factory made on first use: the ORM is imported only when something writes."""

    def __init__(self, make: Callable[[], SessionFactory]) -> None:
        self._make = make

    def get(self) -> SessionFactory:
        return self._make()


class Repository:
    """Holds the ORM session factory (writes), the plain reader (reads) and the clock."""

    def __init__(
        self,
        sessions: SessionFactory | LazySessions,
        db: RawDatabase,
        clock: Clock = utc_now,
    ) -> None:
        self._session_source = sessions
        self._db = db
        self._clock = clock

    @property
    def _sessions(self) -> SessionFactory:
        source = self._session_source
        return source.get() if isinstance(source, LazySessions) else source


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
        raise NotFoundError(_("That person is no longer in your network."))
    if group_id is not None and gone(GroupRow, group_id):
        raise NotFoundError(_("That group is no longer in your network."))
    if plan_id is not None and gone(PlanRow, plan_id):
        raise NotFoundError(_("That plan no longer exists."))
