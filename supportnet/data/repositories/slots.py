"""Calendar uids of flexible occurrences: made once per slot, kept, re-sequenced on change."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from supportnet.data import reads
from supportnet.data.engine import RawDatabase
from supportnet.data.repositories.base import Repository
from supportnet.network import new_uid

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from supportnet.ics_export import SlotId

#: (plan id, slot number, timing text)
Wanted = tuple[int, int, str]


@dataclass(frozen=True, slots=True)
class SlotRecord:
    """One stored slot, as it is: kept when a plan is deleted so an undo can put it back."""

    plan_id: int
    slot: int
    uid: str
    sequence: int
    timing: str | None
    updated_at: datetime


def read_records(db: RawDatabase, plan_ids: Sequence[int]) -> tuple[SlotRecord, ...]:
    """The stored slots of these plans."""
    found: list[SlotRecord] = []
    for chunk in reads.chunks(sorted(plan_ids)):
        for plan_id, slot, uid, sequence, timing, updated_at in db.execute(
            "SELECT plan_id, slot, uid, sequence, timing, updated_at FROM plan_slots "
            f"WHERE plan_id IN ({','.join('?' * len(chunk))}) ORDER BY plan_id, slot",
            tuple(chunk),
        ):
            moment = reads.utc(updated_at)
            assert moment is not None
            found.append(SlotRecord(plan_id, slot, uid, sequence, timing, moment))
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
    values = [
        {
            "plan_id": plan_ids[r.plan_id],
            "slot": r.slot,
            "uid": r.uid,
            "sequence": r.sequence,
            "timing": r.timing,
            "updated_at": r.updated_at,
        }
        for r in wanted
        if r.uid not in taken
    ]
    if values:
        session.execute(insert(PlanSlotRow), values)


class SlotsRepository(Repository):
    """Keep the uid and SEQUENCE of each exported occurrence of a flexible plan."""

    def resolve(self, wanted: Sequence[Wanted]) -> dict[tuple[int, int], SlotId]:
        """The stored identity of every wanted slot, making what is missing.

        A slot seen before keeps its uid; if its timing changed since the last export its
        SEQUENCE goes up by one and its modification time is now, so calendars update the
        event they already have. Nothing is written when nothing changed.
        """
        from supportnet.ics_export import SlotId

        plan_ids = sorted({plan_id for plan_id, _slot, _timing in wanted})
        known: dict[tuple[int, int], tuple[str, int, str | None, datetime]] = {}
        for chunk in reads.chunks(plan_ids):
            for plan_id, slot, uid, sequence, timing, updated_at in self._db.execute(
                "SELECT plan_id, slot, uid, sequence, timing, updated_at FROM plan_slots "
                f"WHERE plan_id IN ({','.join('?' * len(chunk))})",
                tuple(chunk),
            ):
                moment = reads.utc(updated_at)
                assert moment is not None
                known[(plan_id, slot)] = (uid, sequence, timing, moment)
        now = self._clock()
        inserts: list[dict[str, object]] = []
        updates: list[dict[str, object]] = []
        out: dict[tuple[int, int], SlotId] = {}
        for plan_id, slot, timing in wanted:
            found = known.get((plan_id, slot))
            if found is None:
                row = {"plan_id": plan_id, "slot": slot, "uid": new_uid(), "sequence": 0}
                inserts.append({**row, "timing": timing, "updated_at": now})
                out[(plan_id, slot)] = SlotId(str(row["uid"]), 0, now)
            elif found[2] != timing:
                sequence = found[1] + 1
                updates.append(
                    {
                        "b_plan_id": plan_id,
                        "b_slot": slot,
                        "sequence": sequence,
                        "timing": timing,
                        "updated_at": now,
                    }
                )
                out[(plan_id, slot)] = SlotId(found[0], sequence, now)
            else:
                out[(plan_id, slot)] = SlotId(found[0], found[1], found[3])
        if inserts or updates:
            self._write(inserts, updates)
        return out

    def _write(self, inserts: list[dict[str, object]], updates: list[dict[str, object]]) -> None:
        from sqlalchemy import bindparam, insert, update

        from supportnet.data.schema import PlanSlotRow

        with self._sessions.begin() as session:
            if inserts:
                session.execute(insert(PlanSlotRow), inserts)
            if updates:
                session.connection().execute(
                    update(PlanSlotRow)
                    .where(PlanSlotRow.plan_id == bindparam("b_plan_id"))
                    .where(PlanSlotRow.slot == bindparam("b_slot")),
                    updates,
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
