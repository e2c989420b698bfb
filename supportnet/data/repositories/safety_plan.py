"""The plan for hard days: read it, replace it whole; and who is okay to contact in a crisis."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from supportnet.data.reads import CHANNELS, CIRCLES, Reader, SessionReader, chunks, placeholders
from supportnet.data.reads import utc as _utc
from supportnet.data.records import SafetyPlanEntryRecord
from supportnet.data.repositories.base import Repository
from supportnet.model.network import Circle, ContactChannel, SupportType, display_name_of
from supportnet.model.safety_plan import PlanEntry, SafetyPlan, Step
from supportnet.model.targets import GROUP, PERSON

if TYPE_CHECKING:
    from datetime import datetime

__all__ = ["CrisisRow", "SafetyPlanRepository"]

_STEPS = {step.value: step for step in Step}
_COLUMNS = ", ".join(SafetyPlanEntryRecord._fields)

#: person id, uid, name, nickname, circle, their preferred (else first) way to be reached
CrisisRow = tuple[int, str, str, str, Circle, ContactChannel | None]


def read_plan(db: Reader) -> SafetyPlan:
    """The stored plan, each step in the person's order (an empty plan if none)."""
    steps: dict[Step, list[PlanEntry]] = defaultdict(list)
    newest: datetime | None = None
    for row in db.execute(f"SELECT {_COLUMNS} FROM safety_plan_entries ORDER BY step, position"):
        r = SafetyPlanEntryRecord._make(row)
        step = _STEPS.get(r.step)
        if step is None:  # written by a newer version: not ours to show or lose
            continue
        steps[step].append(PlanEntry(r.text, r.target_kind, r.target_uid, bool(r.they_know)))
        at = _utc(r.updated_at)
        if at is not None and (newest is None or at > newest):
            newest = at
    return SafetyPlan({s: tuple(steps.get(s, ())) for s in Step}, newest)


def current_names(db: Reader, plan: SafetyPlan) -> dict[tuple[str, str], str]:
    """The names the plan's linked people and groups have now, by (kind, uid); those
    no longer in the network are left out."""
    uids = sorted(plan.linked_uids())
    names: dict[tuple[str, str], str] = {}
    for chunk in chunks(uids):
        marks = placeholders(chunk)
        for uid, name, nickname in db.execute(
            f"SELECT uid, name, nickname FROM people WHERE uid IN ({marks})", tuple(chunk)
        ):
            names[(PERSON, uid)] = display_name_of(name, nickname)
        for uid, name in db.execute(
            f"SELECT uid, name FROM community_groups WHERE uid IN ({marks})", tuple(chunk)
        ):
            names[(GROUP, uid)] = name
    return names


def with_current_names(plan: SafetyPlan, names: dict[tuple[str, str], str]) -> SafetyPlan:
    """``plan`` with each link's text set to the name its person or group has now."""
    steps = {}
    for step in Step:
        entries = []
        for entry in plan.entries(step):
            key = (entry.target_kind or "", entry.target_uid or "")
            name = names.get(key) if entry.is_link else None
            entries.append(replace(entry, text=name) if name else entry)
        steps[step] = tuple(entries)
    return replace(plan, steps=steps)


class SafetyPlanRepository(Repository):
    """The plan is read whole and written whole: a save replaces every line at once."""

    def read(self) -> SafetyPlan:
        return read_plan(self._db)

    def count(self) -> int:
        return int(self._db.execute("SELECT count(*) FROM safety_plan_entries")[0][0])

    def replace(self, plan: SafetyPlan) -> tuple[SafetyPlan, SafetyPlan]:
        """Store ``plan`` in place of the one there, with linked names brought up to date,
        in one transaction; the plan as it was before and as it is now."""
        from sqlalchemy import delete

        from supportnet.data.schema import SafetyPlanEntryRow

        plan.validate()
        now = self._clock()
        with self._sessions.begin() as session:
            reader = SessionReader(session)
            before = read_plan(reader)
            plan = with_current_names(plan, current_names(reader, plan))
            plan.validate()  # a name brought up to date is still a valid line
            session.execute(delete(SafetyPlanEntryRow))
            session.add_all(
                SafetyPlanEntryRow(
                    step=step.value,
                    position=position,
                    text=entry.text,
                    target_kind=entry.target_kind,
                    target_uid=entry.target_uid,
                    they_know=entry.they_know,
                    updated_at=now,
                )
                for step in Step
                for position, entry in enumerate(plan.entries(step))
            )
        return before, replace(plan, updated_at=now if not plan.is_empty else None)

    def people_with_support(self, support: SupportType) -> list[CrisisRow]:
        """Everyone with ``support`` and their preferred way to be reached, in one query
        (no person is read whole: this is on the way to the "Hard day?" panel)."""
        rows = self._db.execute(
            "SELECT p.id, p.uid, p.name, p.nickname, p.circle, c.kind, c.value "
            "FROM person_support s JOIN people p ON p.id = s.person_id "
            "LEFT JOIN person_channels c ON c.id = ("
            "  SELECT id FROM person_channels WHERE person_id = p.id"
            "  ORDER BY preferred DESC, position LIMIT 1) "
            "WHERE s.support_type = ?",
            (support.value,),
        )
        return [_crisis_row(row) for row in rows]


def _crisis_row(row: tuple[Any, ...]) -> CrisisRow:
    pid, uid, name, nickname, circle, kind, value = row
    channel = ContactChannel(CHANNELS[kind], value or "", True) if kind else None
    return pid, uid, name, nickname or "", CIRCLES[circle], channel
