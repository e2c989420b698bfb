"""Everything in the store as plain records (see model/data_document.py), and back.

Rows are read and written through one SQLAlchemy session, so an import is one
transaction: a file refused half-way leaves the store as it was.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

from sqlalchemy import delete, func, insert, select

from supportnet.data.schema import (
    CareTeamRow,
    CareTeamSupporterRow,
    CheckInRow,
    GroupRow,
    GroupSupportRow,
    GroupTagRow,
    MessageIdeaRow,
    PersonChannelRow,
    PersonRow,
    PersonSupportRow,
    PersonTagRow,
    PlanRow,
    PlanSkipRow,
    PostponementRow,
    RotaSlotRow,
    RotaSlotSkipRow,
    RotaSwapRow,
    SafetyPlanEntryRow,
    SettingRow,
)
from supportnet.i18n import _
from supportnet.model.data_document import (
    CARE_TEAM_FIELDS,
    CHECKIN_FIELDS,
    GROUP_FIELDS,
    PERSON_FIELDS,
    PLAN_FIELDS,
    SAFETY_PLAN_FIELDS,
    SLOT_FIELDS,
    TIMING_FIELDS,
    DataDocument,
    DataFileError,
    Field,
    Record,
)

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

#: Fields that are not columns of the row of the same name (lists, or uids for ids).
_NOT_COLUMNS = frozenset(
    {"support", "channels", "tags", "skips", "postponements", "swaps", "supporters", "slots"}
    | {"person", "group", "plan", "by"}
)


def _columns(row: object, fields: tuple[Field, ...]) -> Record:
    return {f.name: getattr(row, f.name) for f in fields if f.name not in _NOT_COLUMNS}


def _row_values(record: Record, fields: tuple[Field, ...]) -> Record:
    return {f.name: record[f.name] for f in fields if f.name not in _NOT_COLUMNS}


def read_all(session: Session) -> DataDocument:
    """The whole store as one document (not yet sorted: model/data_document sorts)."""
    person_uid = {a: b for a, b in session.execute(select(PersonRow.id, PersonRow.uid))}
    group_uid = {a: b for a, b in session.execute(select(GroupRow.id, GroupRow.uid))}
    plan_uid = {a: b for a, b in session.execute(select(PlanRow.id, PlanRow.uid))}
    people = []
    for p in session.scalars(select(PersonRow)):
        record = _columns(p, PERSON_FIELDS)
        record["support"] = sorted(s.support_type for s in p.support)
        record["channels"] = [
            {"kind": c.kind, "value": c.value, "preferred": c.preferred} for c in p.channels
        ]
        record["tags"] = [t.tag for t in p.tags]
        people.append(record)
    groups = []
    for g in session.scalars(select(GroupRow)):
        record = _columns(g, GROUP_FIELDS)
        record["support"] = sorted(s.support_type for s in g.support)
        record["tags"] = [t.tag for t in g.tags]
        groups.append(record)
    postponed: dict[int, list[Record]] = {}
    for pp in session.scalars(select(PostponementRow).order_by(PostponementRow.id)):
        postponed.setdefault(pp.plan_id, []).append(
            {"from_date": pp.from_date, "to_date": pp.to_date, "created_at": pp.created_at}
        )
    plans = []
    for pl in session.scalars(select(PlanRow)):
        record = _columns(pl, PLAN_FIELDS)
        record["person"] = person_uid.get(pl.person_id) if pl.person_id else None
        record["group"] = group_uid.get(pl.group_id) if pl.group_id else None
        record["skips"] = [s.day for s in pl.skips]
        record["postponements"] = postponed.get(pl.id, [])
        plans.append(record)
    checkins = []
    # Columns, not ORM objects: a store can hold 100,000 check-ins.
    for c in session.execute(select(*CheckInRow.__table__.columns)).mappings():
        record = {f.name: c[f.name] for f in CHECKIN_FIELDS if f.name not in _NOT_COLUMNS}
        record["person"] = person_uid.get(c["person_id"]) if c["person_id"] else None
        record["group"] = group_uid.get(c["group_id"]) if c["group_id"] else None
        record["plan"] = plan_uid.get(c["plan_id"]) if c["plan_id"] else None
        record["by"] = c["by_ref"]
        checkins.append(record)
    ideas = [
        {"position": i.position, "text": i.text} for i in session.scalars(select(MessageIdeaRow))
    ]
    safety = [_columns(e, SAFETY_PLAN_FIELDS) for e in session.scalars(select(SafetyPlanEntryRow))]
    teams = [_team_record(t) for t in session.scalars(select(CareTeamRow))]
    settings = {s.key: json.loads(s.value) for s in session.scalars(select(SettingRow))}
    sections = {
        "people": people,
        "groups": groups,
        "plans": plans,
        "checkins": checkins,
        "message_ideas": ideas,
        "safety_plan": safety,
        "care_teams": teams,
    }
    return DataDocument(sections, settings)


def _team_record(team: CareTeamRow) -> Record:
    record = _columns(team, CARE_TEAM_FIELDS)
    record["supporters"] = [s.ref for s in team.supporters]
    slots = []
    for slot in team.slots:
        one = _columns(slot, SLOT_FIELDS)
        one["skips"] = [s.day for s in slot.skips]
        one["swaps"] = [{"day": s.day, "supporter": s.supporter} for s in slot.swaps]
        slots.append(one)
    record["slots"] = slots
    return record


def _uid_ids(session: Session, row: Any) -> dict[str, int]:
    return {a: b for a, b in session.execute(select(row.uid, row.id))}


def _ref(ids: dict[str, int], uid: str | None, where: str) -> int | None:
    if uid is None:
        return None
    found = ids.get(uid)
    if found is None:
        raise DataFileError(
            _(
                "This file is not a SupportNet data export that can be read ({where} names "
                "someone or something not in it); nothing was changed."
            ).format(where=where)
        )
    return found


def write_all(session: Session, document: DataDocument, *, merge: bool) -> dict[str, int]:
    """Add the document's records; with ``merge``, what is already there (by uid) is
    skipped, as are the safety plan and settings when the store has its own. Returns how
    many of each were added."""
    s = document.sections
    added = dict.fromkeys(s, 0)
    person_ids = _uid_ids(session, PersonRow)
    group_ids = _uid_ids(session, GroupRow)
    for record in s["people"]:
        if record["uid"] in person_ids:
            continue
        row = PersonRow(**_row_values(record, PERSON_FIELDS))
        row.support = [PersonSupportRow(support_type=t) for t in dict.fromkeys(record["support"])]
        row.channels = [PersonChannelRow(position=i, **c) for i, c in enumerate(record["channels"])]
        row.tags = [PersonTagRow(tag=t, position=i) for i, t in enumerate(_once(record["tags"]))]
        session.add(row)
        session.flush()
        person_ids[row.uid] = row.id
        added["people"] += 1
    for record in s["groups"]:
        if record["uid"] in group_ids:
            continue
        row_g = GroupRow(**_row_values(record, GROUP_FIELDS))
        row_g.support = [GroupSupportRow(support_type=t) for t in dict.fromkeys(record["support"])]
        row_g.tags = [GroupTagRow(tag=t, position=i) for i, t in enumerate(_once(record["tags"]))]
        session.add(row_g)
        session.flush()
        group_ids[row_g.uid] = row_g.id
        added["groups"] += 1
    plan_ids = _uid_ids(session, PlanRow)
    for i, record in enumerate(s["plans"]):
        if record["uid"] in plan_ids:
            continue
        where = f"plans[{i}]"
        row_p = PlanRow(
            person_id=_ref(person_ids, record["person"], where),
            group_id=_ref(group_ids, record["group"], where),
            **_row_values(record, PLAN_FIELDS),
        )
        row_p.skips = [PlanSkipRow(day=d) for d in sorted(set(record["skips"]))]
        session.add(row_p)
        session.flush()
        for pp in record["postponements"]:
            session.add(PostponementRow(plan_id=row_p.id, **pp))
        plan_ids[row_p.uid] = row_p.id
        added["plans"] += 1
    checkin_uids = set(session.scalars(select(CheckInRow.uid)))
    rows = []
    for i, record in enumerate(s["checkins"]):
        if record["uid"] in checkin_uids:
            continue
        where = f"checkins[{i}]"
        rows.append(
            {
                "person_id": _ref(person_ids, record["person"], where),
                "group_id": _ref(group_ids, record["group"], where),
                "plan_id": _ref(plan_ids, record["plan"], where),
                "by_ref": record["by"],
                **_row_values(record, CHECKIN_FIELDS),
            }
        )
    if rows:  # one executemany, not 100,000 ORM objects
        session.execute(insert(CheckInRow), rows)
    added["checkins"] = len(rows)
    added["care_teams"] = _write_teams(session, s["care_teams"])
    added["message_ideas"] = _write_ideas(session, s["message_ideas"], merge=merge)
    has_plan = session.scalar(select(func.count()).select_from(SafetyPlanEntryRow))
    if not (merge and has_plan):
        session.execute(delete(SafetyPlanEntryRow))
        for record in s["safety_plan"]:
            session.add(SafetyPlanEntryRow(**_row_values(record, SAFETY_PLAN_FIELDS)))
        added["safety_plan"] = len(s["safety_plan"])
    _write_settings(session, document.settings, merge=merge)
    session.flush()
    return added


def _once(items: list[str]) -> list[str]:
    return list(dict.fromkeys(items))


def _write_teams(session: Session, teams: list[Record]) -> int:
    have = set(session.scalars(select(CareTeamRow.uid)))
    slot_uids = set(session.scalars(select(RotaSlotRow.uid)))
    count = 0
    for record in teams:
        if record["uid"] in have:
            continue
        team = CareTeamRow(**_row_values(record, CARE_TEAM_FIELDS))
        team.supporters = [
            CareTeamSupporterRow(position=i, ref=ref) for i, ref in enumerate(record["supporters"])
        ]
        slots = []
        for position, slot in enumerate(record["slots"]):
            if slot["uid"] in slot_uids:
                continue
            values = _row_values(slot, SLOT_FIELDS)
            row = RotaSlotRow(position=position, **values)
            row.skips = [RotaSlotSkipRow(day=d) for d in sorted(set(slot["skips"]))]
            row.swaps = [RotaSwapRow(**swap) for swap in slot["swaps"]]
            slots.append(row)
        team.slots = slots
        session.add(team)
        count += 1
    return count


def _write_ideas(session: Session, ideas: list[Record], *, merge: bool) -> int:
    if not merge:
        session.execute(delete(MessageIdeaRow))
        for idea in ideas:
            session.add(MessageIdeaRow(text=idea["text"], position=idea["position"]))
        return len(ideas)
    have = set(session.scalars(select(MessageIdeaRow.text)))
    last = session.scalar(select(func.max(MessageIdeaRow.position))) or 0
    count = 0
    for idea in ideas:
        if idea["text"] in have:
            continue
        last += 1
        session.add(MessageIdeaRow(text=idea["text"], position=last))
        have.add(idea["text"])
        count += 1
    return count


def _write_settings(session: Session, settings: dict[str, Any], *, merge: bool) -> None:
    have = set(session.scalars(select(SettingRow.key)))
    for key, value in settings.items():
        if not isinstance(key, str) or len(key) > 64:
            continue
        if key in have:
            if merge:
                continue
            session.execute(delete(SettingRow).where(SettingRow.key == key))
        session.add(SettingRow(key=key, value=json.dumps(value)))


assert all(f.name != "id" for f in TIMING_FIELDS)  # ids never leave the store
