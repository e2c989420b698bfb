"""Plain-SQL reads: records match the schema, rows are chosen by known columns only."""

from __future__ import annotations

import types
from datetime import UTC, date, datetime
from typing import Any, NamedTuple, Union, get_args, get_origin, get_type_hints

import pytest
from sqlalchemy import Boolean, Integer

from supportnet.data import reads
from supportnet.data.records import (
    COLUMNS,
    CareTeamRecord,
    CheckInRecord,
    GroupRecord,
    PersonRecord,
    PlanRecord,
    RotaSlotRecord,
    SafetyPlanEntryRecord,
)
from supportnet.data.schema import Base
from supportnet.data.store import Store
from supportnet.model.checkins import CheckIn
from supportnet.model.network import Group, Person
from supportnet.model.plans import Plan, PlanKind

RECORDS: dict[str, type[NamedTuple]] = {
    "people": PersonRecord,
    "community_groups": GroupRecord,
    "plans": PlanRecord,
    "checkins": CheckInRecord,
    "safety_plan_entries": SafetyPlanEntryRecord,
    "care_teams": CareTeamRecord,
    "rota_slots": RotaSlotRecord,
}
T0 = datetime(2026, 11, 25, 9, 30, tzinfo=UTC)


def _storage_type(hint: Any) -> tuple[type, bool]:
    """``int | None`` → (int, True): the type a record field holds and whether it may be NULL."""
    if get_origin(hint) in (Union, types.UnionType):
        args = get_args(hint)
        (inner,) = [a for a in args if a is not type(None)]
        return inner, type(None) in args
    return hint, False


@pytest.mark.parametrize("table", sorted(RECORDS))
def test_a_record_has_the_schema_columns_in_order(table: str) -> None:
    columns = Base.metadata.tables[table].columns
    assert RECORDS[table]._fields == tuple(columns.keys())
    assert COLUMNS[table] == RECORDS[table]._fields


@pytest.mark.parametrize("table", sorted(RECORDS))
def test_a_record_field_holds_what_sqlite_returns_for_its_column(table: str) -> None:
    hints = get_type_hints(RECORDS[table])
    for column in Base.metadata.tables[table].columns:
        kind, nullable = _storage_type(hints[column.key])
        # SQLite returns integers and booleans as int; text, dates and times as ISO text.
        expected = int if isinstance(column.type, Integer | Boolean) else str
        assert (kind, nullable) == (expected, bool(column.nullable)), column.key


@pytest.fixture
def two(store: Store) -> tuple[Person, Person, Group]:
    ada = store.people.add(Person(name="Ada"))
    bo = store.people.add(Person(name="Bo"))
    choir = store.groups.add(Group(name="Choir"))
    return ada, bo, choir


def _plan(person_id: int | None = None, group_id: int | None = None, **more: Any) -> Plan:
    return Plan(
        kind=PlanKind.ONE_OFF,
        start_date=date(2026, 12, 1),
        person_id=person_id,
        group_id=group_id,
        **more,
    )


def test_rows_are_chosen_by_column_values(store: Store, two: tuple[Person, Person, Group]) -> None:
    ada, bo, choir = two
    for_ada = store.plans.add(_plan(ada.id))
    held = store.plans.add(_plan(ada.id, paused=True))
    store.plans.add(_plan(bo.id))
    store.plans.add(_plan(group_id=choir.id))

    assert [p.id for p in reads.plans(store.db, person_id=ada.id)] == [for_ada.id, held.id]
    assert [p.id for p in reads.plans(store.db, person_id=ada.id, paused=True)] == [held.id]
    assert [p.id for p in reads.plans(store.db, person_id=ada.id, paused=False)] == [for_ada.id]
    assert len(reads.plans(store.db)) == 4
    assert [p.name for p in reads.people(store.db, id=bo.id)] == ["Bo"]
    assert [g.name for g in reads.groups(store.db, name="Choir")] == ["Choir"]
    assert reads.count(store.db, "plans", person_id=ada.id) == 2
    assert reads.count(store.db, "plans", group_id=choir.id) == 1
    assert reads.count(store.db, "people") == 2


def test_none_chooses_the_rows_where_a_column_is_empty(
    store: Store, two: tuple[Person, Person, Group]
) -> None:
    ada, _bo, _choir = two
    plan = store.plans.add(_plan(ada.id))
    linked = store.checkins.add(CheckIn(at=T0, person_id=ada.id, plan_id=plan.id))
    unlinked = store.checkins.add(CheckIn(at=T0, person_id=ada.id))

    assert [c.id for c in reads.checkins(store.db, plan_id=None)] == [unlinked.id]
    assert [c.id for c in reads.checkins(store.db, plan_id=plan.id)] == [linked.id]
    assert reads.count(store.db, "checkins", group_id=None) == 2


@pytest.mark.parametrize(
    "read",
    [
        lambda db: reads.plans(db, persn_id=1),
        lambda db: reads.plans(db, **{"1 = 1 OR person_id": 1}),
        lambda db: reads.people(db, nickname_or_name="Ada"),
        lambda db: reads.groups(db, person_id=1),
        lambda db: reads.checkins(db, paused=False),
        lambda db: reads.count(db, "checkins", paused=False),
        lambda db: reads.count(db, "calendar_events", plan_id=1),
    ],
    ids=["misspelt", "sql", "unknown", "another table's", "plans'", "count", "unfilterable"],
)
def test_an_unknown_column_is_refused(
    store: Store, two: tuple[Person, Person, Group], read: Any
) -> None:
    with pytest.raises(ValueError, match="has no column"):
        read(store.db)


def test_only_known_tables_are_counted(store: Store) -> None:
    with pytest.raises(ValueError, match="not a table"):
        reads.count(store.db, "sqlite_master")  # type: ignore[arg-type]


def test_people_are_read_by_uid_in_chunks(
    store: Store, two: tuple[Person, Person, Group], monkeypatch: pytest.MonkeyPatch
) -> None:
    ada, bo, _choir = two
    cy = store.people.add(Person(name="Cy", tags=["night owl"]))
    wanted = [ada.uid, cy.uid, "gone", cy.uid]
    found = reads.people_by_uid(store.db, wanted)
    assert sorted(found) == sorted([ada.uid, cy.uid])
    assert found[cy.uid] == reads.people(store.db, uid=cy.uid)[0]
    assert reads.people_by_uid(store.db, []) == {}
    # Chunked: two uids a query still finds them all.
    real = reads.chunks
    monkeypatch.setattr(reads, "chunks", lambda ids, size=500: real(ids, 2))
    assert set(reads.people_by_uid(store.db, [ada.uid, bo.uid, cy.uid])) == {
        ada.uid,
        bo.uid,
        cy.uid,
    }


def test_every_person_s_uid_is_read_alone(store: Store, two: tuple[Person, Person, Group]) -> None:
    ada, bo, _choir = two
    assert sorted(reads.person_uids(store.db)) == sorted([ada.uid, bo.uid])
