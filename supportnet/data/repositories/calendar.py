"""What calendars were given: each exported event's uid, SEQUENCE and timing.

Read before an export and updated after it (see :mod:`supportnet.services.calendar_export`),
so a re-export keeps unchanged events as they are, moves changed ones and cancels what
is no longer planned. Rows outlive a deleted plan (its link is set to NULL) until its
cancellation has been exported for a while; an undone delete links them again.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from supportnet.data import reads
from supportnet.data.repositories.base import Repository

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from supportnet.calendar import StoredEvent

_COLUMNS = "plan_id, slot, uid, sequence, timing, updated_at, cancelled"


@dataclass(frozen=True, slots=True)
class CalendarRecord:
    """One row: an event as last exported, and the plan it belongs to (``None`` if gone)."""

    plan_id: int | None
    slot: int | None
    uid: str
    sequence: int
    timing: str
    updated_at: datetime
    cancelled: bool = False

    @property
    def stored(self) -> StoredEvent:
        from supportnet.calendar import StoredEvent

        return StoredEvent(
            self.slot, self.uid, self.sequence, self.timing, self.updated_at, self.cancelled
        )

    @classmethod
    def of(cls, plan_id: int | None, event: StoredEvent) -> CalendarRecord:
        return cls(
            plan_id,
            event.slot,
            event.uid,
            event.sequence,
            event.timing,
            event.modified,
            event.cancelled,
        )

    def values(self) -> dict[str, object]:
        return {
            "uid": self.uid,
            "plan_id": self.plan_id,
            "slot": self.slot,
            "sequence": self.sequence,
            "timing": self.timing,
            "cancelled": self.cancelled,
            "updated_at": self.updated_at,
        }


def _records(rows: list[tuple[object, ...]]) -> list[CalendarRecord]:
    found = []
    for plan_id, slot, uid, sequence, timing, updated_at, cancelled in rows:
        moment = reads.utc(str(updated_at))
        assert moment is not None
        found.append(
            CalendarRecord(
                None if plan_id is None else int(str(plan_id)),
                None if slot is None else int(str(slot)),
                str(uid),
                int(str(sequence)),
                str(timing),
                moment,
                bool(cancelled),
            )
        )
    return found


def read_records(db: reads.Reader, plan_ids: Sequence[int]) -> tuple[CalendarRecord, ...]:
    """The rows of these plans."""
    found: list[CalendarRecord] = []
    for chunk in reads.chunks(sorted(plan_ids)):
        found += _records(
            db.execute(
                f"SELECT {_COLUMNS} FROM calendar_events "
                f"WHERE plan_id IN ({reads.placeholders(chunk)}) ORDER BY plan_id, slot, uid",
                tuple(chunk),
            )
        )
    return tuple(found)


def relink(
    session: Session, records: Sequence[CalendarRecord], plan_ids: Mapping[int, int]
) -> None:
    """After an undone delete: link the plans' rows again (``plan_ids``: old id to new id).

    Rows forgotten meanwhile stay forgotten; a row linked again meanwhile is left alone.
    """
    from sqlalchemy import update

    from supportnet.data.schema import CalendarEventRow

    for record in records:
        if record.plan_id is None or record.plan_id not in plan_ids:
            continue
        session.execute(
            update(CalendarEventRow)
            .where(CalendarEventRow.uid == record.uid, CalendarEventRow.plan_id.is_(None))
            .values(plan_id=plan_ids[record.plan_id])
        )


def _without_gone_plans(
    session: Session, records: Sequence[CalendarRecord]
) -> list[CalendarRecord]:
    from dataclasses import replace

    from sqlalchemy import select

    from supportnet.data.schema import PlanRow

    wanted = sorted({r.plan_id for r in records if r.plan_id is not None})
    present = {
        plan_id
        for chunk in reads.chunks(wanted)
        for plan_id in session.scalars(select(PlanRow.id).where(PlanRow.id.in_(chunk)))
    }
    return [
        r if r.plan_id is None or r.plan_id in present else replace(r, plan_id=None)
        for r in records
    ]


class CalendarRepository(Repository):
    """Read and keep what calendars were given."""

    def for_plans(self, plan_ids: Sequence[int]) -> tuple[CalendarRecord, ...]:
        return read_records(self._db, plan_ids)

    def orphans(self) -> list[CalendarRecord]:
        """Rows whose plan was deleted: their events are to be withdrawn."""
        return _records(
            self._db.execute(
                f"SELECT {_COLUMNS} FROM calendar_events WHERE plan_id IS NULL ORDER BY uid"
            )
        )

    def save(self, writes: Sequence[CalendarRecord], forget: Sequence[str]) -> None:
        """Insert or update ``writes`` (by uid) and delete the rows of ``forget``, at once.

        A row whose plan was deleted since the export read it is kept without a plan, as
        the delete itself would have left it: the file did give calendars that event, so
        the next export withdraws it.
        """
        if not writes and not forget:
            return
        from sqlalchemy import delete
        from sqlalchemy.dialects.sqlite import insert

        from supportnet.data.schema import CalendarEventRow

        with self._sessions.begin() as session:
            writes = _without_gone_plans(session, writes)
            if writes:
                statement = insert(CalendarEventRow)
                session.execute(
                    statement.on_conflict_do_update(
                        index_elements=["uid"],
                        set_={
                            name: statement.excluded[name]
                            for name in (
                                "plan_id",
                                "slot",
                                "sequence",
                                "timing",
                                "cancelled",
                                "updated_at",
                            )
                        },
                        # SEQUENCE only grows: a publish that read the memory before a
                        # file export saved a newer row must not write the older one back.
                        where=CalendarEventRow.sequence <= statement.excluded.sequence,
                    ),
                    [record.values() for record in writes],
                )
            for chunk in reads.chunks(list(forget)):
                session.execute(delete(CalendarEventRow).where(CalendarEventRow.uid.in_(chunk)))

    def relink(self, records: Sequence[CalendarRecord], plan_id: int) -> None:
        """Give a restored plan (now ``plan_id``) its rows again."""
        with self._sessions.begin() as session:
            relink(session, records, {r.plan_id: plan_id for r in records if r.plan_id})

    def count(self) -> int:
        return reads.count(self._db, "calendar_events")

    @property
    def rota(self) -> RotaCalendarMemory:
        """What supporters' calendars were given of care teams' rotas."""
        return RotaCalendarMemory(self)


# -- a care team's rota, per supporter (migration 0007) --------------------------------------

_ROTA_COLUMNS = "uid, single, sequence, timing, updated_at, cancelled"


@dataclass(frozen=True, slots=True)
class RotaCalendarRecord:
    """One rota event as last given to one supporter's calendar. ``single``: one date's
    standalone event (forgotten once that date is past); else a slot's series."""

    uid: str
    single: bool
    sequence: int
    timing: str
    updated_at: datetime
    cancelled: bool = False

    @property
    def stored(self) -> StoredEvent:
        from supportnet.calendar import StoredEvent

        return StoredEvent(
            None, self.uid, self.sequence, self.timing, self.updated_at, self.cancelled
        )

    @classmethod
    def of(cls, event: StoredEvent, single: bool) -> RotaCalendarRecord:
        return cls(event.uid, single, event.sequence, event.timing, event.modified, event.cancelled)


class RotaCalendarMemory:
    """What one supporter's calendar was given of one team's rota (see
    :mod:`supportnet.services.rota_export`); reached as ``store.calendar.rota``."""

    def __init__(self, repository: CalendarRepository) -> None:
        self._repository = repository

    def for_supporter(self, team_uid: str, supporter: str) -> tuple[RotaCalendarRecord, ...]:
        rows = self._repository._db.execute(
            f"SELECT {_ROTA_COLUMNS} FROM rota_calendar_events "
            "WHERE team_uid = ? AND supporter = ? ORDER BY uid",
            (team_uid, supporter),
        )
        found = []
        for uid, single, sequence, timing, updated_at, cancelled in rows:
            moment = reads.utc(str(updated_at))
            assert moment is not None
            found.append(
                RotaCalendarRecord(
                    str(uid),
                    bool(single),
                    int(str(sequence)),
                    str(timing),
                    moment,
                    bool(cancelled),
                )
            )
        return tuple(found)

    def save(
        self,
        team_uid: str,
        supporter: str,
        writes: Sequence[RotaCalendarRecord],
        forget: Sequence[str],
    ) -> None:
        """Insert or update ``writes`` and delete the rows of ``forget`` (uids), at once."""
        if not writes and not forget:
            return
        from sqlalchemy import delete
        from sqlalchemy.dialects.sqlite import insert

        from supportnet.data.schema import RotaCalendarEventRow as Row

        with self._repository._sessions.begin() as session:
            if writes:
                statement = insert(Row)
                session.execute(
                    statement.on_conflict_do_update(
                        index_elements=["team_uid", "supporter", "uid"],
                        set_={
                            name: statement.excluded[name]
                            for name in ("single", "sequence", "timing", "cancelled", "updated_at")
                        },
                    ),
                    [
                        {
                            "team_uid": team_uid,
                            "supporter": supporter,
                            "uid": r.uid,
                            "single": r.single,
                            "sequence": r.sequence,
                            "timing": r.timing,
                            "cancelled": r.cancelled,
                            "updated_at": r.updated_at,
                        }
                        for r in writes
                    ],
                )
            for chunk in reads.chunks(list(forget)):
                session.execute(
                    delete(Row).where(
                        Row.team_uid == team_uid, Row.supporter == supporter, Row.uid.in_(chunk)
                    )
                )

    def supporters(self, team_uid: str) -> list[str]:
        """Everyone whose calendar was given some of this team's rota (and not yet forgotten),
        on the team still or not: a former supporter's file still has events to withdraw."""
        rows = self._repository._db.execute(
            "SELECT DISTINCT supporter FROM rota_calendar_events WHERE team_uid = ? "
            "ORDER BY supporter",
            (team_uid,),
        )
        return [str(row[0]) for row in rows]

    def count(self) -> int:
        rows = self._repository._db.execute("SELECT COUNT(*) FROM rota_calendar_events")
        return int(str(rows[0][0]))
