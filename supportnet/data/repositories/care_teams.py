"""Care teams: read them, save one whole, remove one and bring it back as it was."""

from __future__ import annotations

from collections import defaultdict
from datetime import date
from typing import TYPE_CHECKING, Any

from supportnet.data.reads import (
    Reader,
    SessionReader,
    chunks,
    placeholders,
    plan_from_record,
    utc,
)
from supportnet.data.records import CareTeamRecord, RotaSlotRecord
from supportnet.data.repositories.base import Repository
from supportnet.i18n import N_, _
from supportnet.model.care import CareTeam, RotaSlot, SlotSwap
from supportnet.model.errors import NotFoundError, ValidationError
from supportnet.model.plans import PlanKind

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

__all__ = ["CareTeamsRepository", "read_teams"]

_TEAM_COLUMNS = ", ".join(CareTeamRecord._fields)
_SLOT_COLUMNS = ", ".join(RotaSlotRecord._fields)
_GONE = N_("That care team is no longer here.")


def _owned(db: Reader, sql: str, ids: list[int]) -> list[tuple[Any, ...]]:
    """The rows of ``sql`` (its ``{marks}`` one per id) for ``ids``, in chunks."""
    rows: list[tuple[Any, ...]] = []
    for chunk in chunks(ids):
        rows += db.execute(sql.format(marks=placeholders(chunk)), tuple(chunk))
    return rows


def read_teams(db: Reader, uid: str | None = None) -> list[CareTeam]:
    """Every care team (or the one with ``uid``) whole, by name."""
    where, params = (" WHERE uid = ?", (uid,)) if uid is not None else ("", ())
    teams = [
        CareTeamRecord._make(row)
        for row in db.execute(f"SELECT {_TEAM_COLUMNS} FROM care_teams{where}", params)
    ]
    team_ids = [t.id for t in teams]
    supporters: dict[int, list[str]] = defaultdict(list)
    for team_id, ref in _owned(
        db,
        "SELECT team_id, ref FROM care_team_supporters WHERE team_id IN ({marks}) "
        "ORDER BY team_id, position",
        team_ids,
    ):
        supporters[team_id].append(ref)
    slot_records = [
        RotaSlotRecord._make(row)
        for row in _owned(
            db,
            f"SELECT {_SLOT_COLUMNS} FROM rota_slots WHERE team_id IN ({{marks}}) "
            "ORDER BY team_id, position",
            team_ids,
        )
    ]
    slot_ids = [s.id for s in slot_records]
    skips: dict[int, set[date]] = defaultdict(set)
    for slot_id, day in _owned(
        db, "SELECT slot_id, day FROM rota_slot_skips WHERE slot_id IN ({marks})", slot_ids
    ):
        skips[slot_id].add(date.fromisoformat(day))
    swaps: dict[int, list[SlotSwap]] = defaultdict(list)
    for team_id, slot_uid, day, supporter in _owned(
        db,
        "SELECT s.team_id, s.uid, w.day, w.supporter FROM rota_swaps w "
        "JOIN rota_slots s ON s.id = w.slot_id WHERE w.slot_id IN ({marks}) "
        "ORDER BY s.team_id, w.day, s.position",
        slot_ids,
    ):
        swaps[team_id].append(SlotSwap(slot_uid, date.fromisoformat(day), supporter))
    slots: dict[int, list[RotaSlot]] = defaultdict(list)
    for r in slot_records:
        slots[r.team_id].append(RotaSlot(plan_from_record(r, skips[r.id]), r.supporter))
    # A swap of a flexible check-in (stored before they were refused) is left aside: its
    # date drifts with the last contact, so it names no check-in. The next save drops it.
    flexible = {s.uid for held in slots.values() for s in held if s.plan.kind is PlanKind.FLEXIBLE}
    for team_id, held_swaps in swaps.items():
        swaps[team_id] = [w for w in held_swaps if w.slot_uid not in flexible]
    out = [
        CareTeam(
            name=t.name,
            focus=t.focus,
            supporters=supporters[t.id],
            note=t.note,
            comfortable_gap_days=t.comfortable_gap_days,
            slots=slots[t.id],
            swaps=swaps[t.id],
            id=t.id,
            uid=t.uid,
            created_at=utc(t.created_at),
            updated_at=utc(t.updated_at),
        )
        for t in teams
    ]
    out.sort(key=lambda team: (team.name.casefold(), team.id or 0))
    return out


class CareTeamsRepository(Repository):
    """Teams are read whole and written whole: a save replaces the team's rows at once."""

    def list(self) -> list[CareTeam]:
        return read_teams(self._db)

    def get(self, uid: str) -> CareTeam:
        found = read_teams(self._db, uid)
        if not found:
            raise NotFoundError(_(_GONE))
        return found[0]

    def count(self) -> int:
        return int(self._db.execute("SELECT count(*) FROM care_teams")[0][0])

    def save(self, team: CareTeam) -> tuple[CareTeam | None, CareTeam]:
        """Store ``team`` in place of the one with its uid (or as a new team), in one
        transaction; the team as it was before (None when new) and as it is now."""
        team.validate()
        with self._sessions.begin() as session:
            before = self._write(session, team, restoring=False)
            now = read_teams(SessionReader(session), team.uid)[0]
        return before, now

    def remove(self, uid: str) -> CareTeam:
        """Take the team out (its rota with it); the team as it was, for :meth:`restore`."""
        from sqlalchemy import delete

        from supportnet.data.schema import CareTeamRow

        with self._sessions.begin() as session:
            found = read_teams(SessionReader(session), uid)
            if not found:
                raise NotFoundError(_(_GONE))
            session.execute(delete(CareTeamRow).where(CareTeamRow.uid == uid))
        return found[0]

    def restore(self, team: CareTeam) -> CareTeam:
        """Bring a removed team back with the same ids and uids, in one transaction."""
        team.validate()
        with self._sessions.begin() as session:
            self._write(session, team, restoring=True)
            return read_teams(SessionReader(session), team.uid)[0]

    def _write(self, session: Session, team: CareTeam, *, restoring: bool) -> CareTeam | None:
        """Replace the rows of the team with ``team``'s uid; what was there before. A team
        restored keeps its times (it comes back as it was); a saved one is updated now."""
        from sqlalchemy import delete, select

        from supportnet.data.plan_rows import fill_plan_row
        from supportnet.data.schema import (
            CareTeamRow,
            CareTeamSupporterRow,
            RotaSlotRow,
            RotaSwapRow,
        )

        found = read_teams(SessionReader(session), team.uid)
        before = found[0] if found else None
        # Children go with the team (ON DELETE CASCADE); the ids come back below.
        session.execute(delete(CareTeamRow).where(CareTeamRow.uid == team.uid))
        # What is left with one of these slot uids is another team's: a copied slot (or a
        # restore after one was copied) would otherwise fail the unique uid deep down.
        slot_uids = [slot.uid for slot in team.slots]
        for chunk in chunks(slot_uids):
            if session.scalar(select(RotaSlotRow.id).where(RotaSlotRow.uid.in_(chunk)).limit(1)):
                raise ValidationError(
                    "slots",
                    _(
                        "One of these check-ins is already on another care team's rota; add it "
                        "here as a new check-in instead."
                    ),
                )
        now = self._clock()
        wanted_team_id = before.id if before is not None else team.id
        wanted_slot_ids = [s.plan.id for s in team.slots if s.plan.id is not None]
        taken_slots = set(
            session.scalars(select(RotaSlotRow.id).where(RotaSlotRow.id.in_(wanted_slot_ids)))
        )
        team_id_taken = wanted_team_id is not None and (
            session.get(CareTeamRow, wanted_team_id) is not None
        )
        row = CareTeamRow(
            id=None if team_id_taken else wanted_team_id,
            uid=team.uid,
            name=team.name,
            focus=team.focus,
            note=team.note,
            comfortable_gap_days=team.comfortable_gap_days,
            created_at=(before.created_at if before else team.created_at) or now,
            updated_at=(team.updated_at if restoring else None) or now,
        )
        row.supporters = [
            CareTeamSupporterRow(position=i, ref=ref) for i, ref in enumerate(team.supporters)
        ]
        for position, slot in enumerate(team.slots):
            slot_row = RotaSlotRow(
                id=None if slot.plan.id in taken_slots else slot.plan.id,
                uid=slot.uid,
                position=position,
                supporter=slot.supporter,
                sequence=slot.plan.sequence,
            )
            fill_plan_row(slot_row, slot.plan)
            slot_row.swaps = [
                RotaSwapRow(day=swap.on, supporter=swap.supporter)
                for swap in team.swaps
                if swap.slot_uid == slot.uid
            ]
            row.slots.append(slot_row)
        session.add(row)
        session.flush()
        return before
