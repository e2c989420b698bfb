"""Shared plumbing for repositories."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from sqlalchemy.orm import Session, sessionmaker

SessionFactory = sessionmaker[Session]
Clock = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(UTC)


class Repository:
    """Holds the session factory and the clock used for created/updated stamps."""

    def __init__(self, sessions: SessionFactory, clock: Clock = utc_now) -> None:
        self._sessions = sessions
        self._clock = clock
