"""The check-in log."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, func, select

from supportnet.checkins import CheckIn, Initiator
from supportnet.data.repositories.base import Repository, require_targets
from supportnet.data.schema import CheckInRow
from supportnet.errors import NotFoundError
from supportnet.network import ChannelKind


def _to_checkin(row: CheckInRow) -> CheckIn:
    return CheckIn(
        id=row.id,
        uid=row.uid,
        at=row.at,
        person_id=row.person_id,
        group_id=row.group_id,
        plan_id=row.plan_id,
        channel=ChannelKind(row.channel) if row.channel else None,
        initiator=Initiator(row.initiator),
        note=row.note,
        mood_before=row.mood_before,
        mood_after=row.mood_after,
    )


def _fill(row: CheckInRow, checkin: CheckIn) -> None:
    row.at = checkin.at
    row.person_id = checkin.person_id
    row.group_id = checkin.group_id
    row.plan_id = checkin.plan_id
    row.channel = checkin.channel.value if checkin.channel else None
    row.initiator = checkin.initiator.value
    row.note = checkin.note
    row.mood_before = checkin.mood_before
    row.mood_after = checkin.mood_after


class CheckInsRepository(Repository):
    """Log, change and remove check-ins; ask when someone was last in touch."""

    def add(self, checkin: CheckIn) -> CheckIn:
        checkin.normalised().validate()
        with self._sessions.begin() as session:
            require_targets(session, checkin.person_id, checkin.group_id, checkin.plan_id)
            row = CheckInRow(uid=checkin.uid)
            _fill(row, checkin)
            session.add(row)
            session.flush()
            return _to_checkin(row)

    def add_many(self, checkins: list[CheckIn]) -> None:
        """Log many check-ins in one transaction (imports, the example network)."""
        for checkin in checkins:
            checkin.normalised().validate()
        with self._sessions.begin() as session:
            for person_id, group_id, plan_id in {
                (c.person_id, c.group_id, c.plan_id) for c in checkins
            }:
                require_targets(session, person_id, group_id, plan_id)
            for checkin in checkins:
                row = CheckInRow(uid=checkin.uid)
                _fill(row, checkin)
                session.add(row)

    def update(self, checkin: CheckIn) -> CheckIn:
        if checkin.id is None:
            raise NotFoundError("This check-in hasn't been saved yet.")
        checkin.normalised().validate()
        with self._sessions.begin() as session:
            row = session.get(CheckInRow, checkin.id)
            if row is None:
                raise NotFoundError("That check-in no longer exists.")
            require_targets(session, checkin.person_id, checkin.group_id, checkin.plan_id)
            _fill(row, checkin)
            session.flush()
            return _to_checkin(row)

    def get(self, checkin_id: int) -> CheckIn:
        with self._sessions() as session:
            row = session.get(CheckInRow, checkin_id)
            if row is None:
                raise NotFoundError("That check-in no longer exists.")
            return _to_checkin(row)

    def delete(self, checkin_id: int) -> None:
        with self._sessions.begin() as session:
            result = session.execute(delete(CheckInRow).where(CheckInRow.id == checkin_id))
            if result.rowcount == 0:  # type: ignore[attr-defined]
                raise NotFoundError("That check-in no longer exists.")

    def for_person(self, person_id: int, limit: int | None = None) -> list[CheckIn]:
        """A person's check-ins, newest first."""
        with self._sessions() as session:
            query = (
                select(CheckInRow)
                .where(CheckInRow.person_id == person_id)
                .order_by(CheckInRow.at.desc())
                .limit(limit)
            )
            return [_to_checkin(r) for r in session.scalars(query)]

    def for_group(self, group_id: int, limit: int | None = None) -> list[CheckIn]:
        """A group's check-ins, newest first."""
        with self._sessions() as session:
            query = (
                select(CheckInRow)
                .where(CheckInRow.group_id == group_id)
                .order_by(CheckInRow.at.desc())
                .limit(limit)
            )
            return [_to_checkin(r) for r in session.scalars(query)]

    def last_contact_by_person(self) -> dict[int, datetime]:
        """When each person was last in touch, either way round (one indexed query)."""
        with self._sessions() as session:
            rows = session.execute(
                select(CheckInRow.person_id, func.max(CheckInRow.at))
                .where(CheckInRow.person_id.is_not(None))
                .group_by(CheckInRow.person_id)
            )
            return {int(pid): _aware(at) for pid, at in rows if pid is not None}

    def last_contact_by_group(self) -> dict[int, datetime]:
        with self._sessions() as session:
            rows = session.execute(
                select(CheckInRow.group_id, func.max(CheckInRow.at))
                .where(CheckInRow.group_id.is_not(None))
                .group_by(CheckInRow.group_id)
            )
            return {int(gid): _aware(at) for gid, at in rows if gid is not None}

    def count(self) -> int:
        with self._sessions() as session:
            return int(session.scalar(select(func.count()).select_from(CheckInRow)) or 0)


def _aware(value: datetime) -> datetime:
    # func.max() loses the column type, so the UTC marker has to be put back here.
    from datetime import UTC

    return value.replace(tzinfo=UTC) if value.tzinfo is None else value
