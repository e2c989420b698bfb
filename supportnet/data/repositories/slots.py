"""Calendar uids of flexible occurrences: made once per slot, kept, moved or cancelled."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING

from supportnet.data import reads
from supportnet.data.engine import RawDatabase
from supportnet.data.repositories.base import Repository
from supportnet.network import new_uid

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from supportnet.ics_export import SlotPlan, StoredSlot


@dataclass(frozen=True, slots=True)
class SlotRecord:
    """One stored slot, as it is: kept when a plan is deleted so an undo can put it back."""

    plan_id: int
    slot: int
    uid: str
    sequence: int
    timing: str | None
    updated_at: datetime
    cancelled: bool = False

    @property
    def stored(self) -> StoredSlot:
        from supportnet.ics_export import StoredSlot

        return StoredSlot(
            self.slot, self.uid, self.sequence, self.timing or "", self.updated_at, self.cancelled
        )

    @classmethod
    def of(cls, plan_id: int, slot: StoredSlot) -> SlotRecord:
        return cls(
            plan_id, slot.slot, slot.uid, slot.sequence, slot.timing, slot.modified, slot.cancelled
        )

    def values(self) -> dict[str, object]:
        return {
            "plan_id": self.plan_id,
            "slot": self.slot,
            "uid": self.uid,
            "sequence": self.sequence,
            "timing": self.timing,
            "cancelled": self.cancelled,
            "updated_at": self.updated_at,
        }


def read_records(db: RawDatabase, plan_ids: Sequence[int]) -> tuple[SlotRecord, ...]:
    """The stored slots of these plans."""
    found: list[SlotRecord] = []
    for chunk in reads.chunks(sorted(plan_ids)):
        for plan_id, slot, uid, sequence, timing, updated_at, cancelled in db.execute(
            "SELECT plan_id, slot, uid, sequence, timing, updated_at, cancelled FROM plan_slots "
            f"WHERE plan_id IN ({','.join('?' * len(chunk))}) ORDER BY plan_id, slot",
            tuple(chunk),
        ):
            moment = reads.utc(updated_at)
            assert moment is not None
            found.append(SlotRecord(plan_id, slot, uid, sequence, timing, moment, bool(cancelled)))
    return tuple(found)


def insert_records(
    session: Session, records: Sequence[SlotRecord], plan_ids: Mapping[int, int]
) -> None:
    """Put ``records`` back for the plans' new ids (``plan_ids``: old id to new id).

    A uid that is in use again is left out: that slot gets a fresh one on the next export.
    """
    from sqlalchemy import insert, select

    from supportnet.data.schema import PlanSlotRow

    wanted = [r for r in records if r.plan_id in plan_ids]
    if not wanted:
        return
    taken = set(
        session.scalars(select(PlanSlotRow.uid).where(PlanSlotRow.uid.in_([r.uid for r in wanted])))
    )
    values = [{**r.values(), "plan_id": plan_ids[r.plan_id]} for r in wanted if r.uid not in taken]
    if values:
        session.execute(insert(PlanSlotRow), values)


class SlotsRepository(Repository):
    """Keep the uid and SEQUENCE of each exported occurrence of a flexible plan."""

    def plan(
        self, wanted: Mapping[int, Sequence[str]], today: Mapping[int, date], now: datetime
    ) -> dict[int, SlotPlan]:
        """For each flexible plan (id to the timings it is exported with, in order), which
        stored slot each occurrence takes and which are cancelled; the changes are saved.

        ``today`` is each plan's own local date. See :func:`ics_export.match_slots`.
        Nothing is written when nothing changed.
        """
        from supportnet.ics_export import match_slots

        stored: dict[int, list[StoredSlot]] = {plan_id: [] for plan_id in wanted}
        for record in read_records(self._db, list(wanted)):
            stored[record.plan_id].append(record.stored)
        plans: dict[int, SlotPlan] = {}
        writes: list[SlotRecord] = []
        forgets: list[tuple[int, int]] = []
        for plan_id, timings in wanted.items():
            found = match_slots(stored[plan_id], timings, today[plan_id], now, new_uid)
            plans[plan_id] = found
            writes += [SlotRecord.of(plan_id, slot) for slot in found.write]
            forgets += [(plan_id, number) for number in found.forget]
        if writes or forgets:
            self._save(writes, forgets)
        return plans

    def _save(self, writes: list[SlotRecord], forgets: list[tuple[int, int]]) -> None:
        from sqlalchemy import delete
        from sqlalchemy.dialects.sqlite import insert

        from supportnet.data.schema import PlanSlotRow

        with self._sessions.begin() as session:
            if writes:
                statement = insert(PlanSlotRow)
                session.execute(
                    statement.on_conflict_do_update(
                        index_elements=["plan_id", "slot"],
                        set_={
                            "uid": statement.excluded.uid,
                            "sequence": statement.excluded.sequence,
                            "timing": statement.excluded.timing,
                            "cancelled": statement.excluded.cancelled,
                            "updated_at": statement.excluded.updated_at,
                        },
                    ),
                    [record.values() for record in writes],
                )
            for plan_id, number in forgets:
                session.execute(
                    delete(PlanSlotRow).where(
                        PlanSlotRow.plan_id == plan_id, PlanSlotRow.slot == number
                    )
                )

    def records(self, plan_ids: Sequence[int]) -> tuple[SlotRecord, ...]:
        """The stored slots of these plans, to :meth:`put_back` after an undone delete."""
        return read_records(self._db, plan_ids)

    def put_back(self, records: Sequence[SlotRecord], plan_id: int) -> None:
        """Give a restored plan (now ``plan_id``) its slots again, uids and sequences kept."""
        with self._sessions.begin() as session:
            insert_records(session, records, {r.plan_id: plan_id for r in records})

    def count(self) -> int:
        return reads.count(self._db, "plan_slots")
