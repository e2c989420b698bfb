"""A plan's delete and undo, a check-in's logging and undo, postponing and its undo: each
one transaction, all or nothing."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from typing import Any

import pytest

from supportnet.data import plan_bundles
from supportnet.data.repositories.calendar import CalendarRecord
from supportnet.data.store import Store
from supportnet.model.checkins import CheckIn
from supportnet.model.errors import NotFoundError, SupportNetError
from supportnet.model.network import Person
from supportnet.model.plans import Frequency, Plan, PlanKind, Recurrence
from supportnet.scheduling import Postponement

TODAY = date(2026, 11, 25)
NOW = datetime(2026, 11, 25, 9, 30, tzinfo=UTC)

_TABLES = {
    "plans": "SELECT * FROM plans ORDER BY id",
    "plan_skips": "SELECT * FROM plan_skips ORDER BY plan_id, day",
    "checkins": "SELECT * FROM checkins ORDER BY id",
    "postponements": "SELECT plan_id, from_date, to_date FROM plan_postponements ORDER BY id",
    "calendar": "SELECT * FROM calendar_events ORDER BY uid",
}


def _rows(store: Store) -> dict[str, list[tuple[Any, ...]]]:
    return {table: store.db.execute(sql) for table, sql in _TABLES.items()}


@dataclass
class Net:
    sam: Person
    bo: Person
    plan: Plan
    linked: CheckIn  # Sam's, linked to the plan
    across: CheckIn  # Bo's, linked to Sam's plan too
    unlinked: CheckIn


@pytest.fixture
def net(store: Store) -> Net:
    sam = store.people.add(Person(name="Sam"))
    bo = store.people.add(Person(name="Bo"))
    plan = store.plans.add(
        Plan(
            kind=PlanKind.FIXED,
            start_date=TODAY,
            person_id=sam.id,
            title="Sunday call",
            window_start=time(18, 0),
            recurrence=Recurrence(Frequency.WEEKLY, weekdays={6}, skips={date(2026, 12, 6)}),
        )
    )
    assert plan.id is not None
    plan = store.plans.update(plan)  # a SEQUENCE above 0 is kept too
    linked = store.checkins.add(CheckIn(at=NOW, person_id=sam.id, plan_id=plan.id, note="hi"))
    across = store.checkins.add(CheckIn(at=NOW, person_id=bo.id, plan_id=plan.id))
    unlinked = store.checkins.add(CheckIn(at=NOW, person_id=sam.id))
    store.postponements.postpone(Postponement(plan.id, date(2026, 11, 30), date(2026, 11, 29)))
    store.postponements.postpone(Postponement(plan.id, date(2026, 12, 1)))
    store.calendar.save(
        [CalendarRecord(plan.id, None, "sunday-call@supportnet", 3, "weekly 18:00", NOW)], []
    )
    return Net(sam, bo, plan, linked, across, unlinked)


@pytest.fixture
def commits(store: Store) -> Iterator[list[str]]:
    """One entry per transaction committed through the ORM engine."""
    from sqlalchemy import event

    seen: list[str] = []

    def count(_conn: Any) -> None:
        seen.append("commit")

    event.listen(store.engine, "commit", count)
    yield seen
    event.remove(store.engine, "commit", count)


def _fail(*_args: Any, **_kwargs: Any) -> Any:
    raise SupportNetError("The disk is full.")


# --- Deleting a plan and undoing it ---------------------------------------------------------


def test_a_plan_delete_and_its_undo_are_one_transaction_each_and_leave_it_as_it_was(
    store: Store, net: Net, commits: list[str]
) -> None:
    before = _rows(store)
    assert net.plan.id is not None
    bundle = store.plans.remove(net.plan.id)
    assert commits == ["commit"]
    assert store.plans.count() == 0
    assert store.checkins.get(net.linked.id).plan_id is None  # type: ignore[arg-type]
    assert store.postponements.count() == 0
    assert [r.plan_id for r in store.calendar.orphans()] == [None]
    assert sorted(bundle.linked) == sorted([net.linked.uid, net.across.uid])

    commits.clear()
    back = store.plans.restore(bundle)
    assert commits == ["commit"]
    assert back.id == net.plan.id
    assert _rows(store) == before


def test_a_failure_half_way_through_the_undo_changes_nothing(
    store: Store, net: Net, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert net.plan.id is not None
    bundle = store.plans.remove(net.plan.id)
    deleted = _rows(store)
    # The plan is inserted and its check-ins linked again before the calendar rows fail.
    monkeypatch.setattr(plan_bundles, "relink", _fail)
    with pytest.raises(SupportNetError):
        store.plans.restore(bundle)
    assert _rows(store) == deleted
    monkeypatch.undo()
    store.plans.restore(bundle)
    assert store.checkins.get(net.across.id).plan_id == net.plan.id  # type: ignore[arg-type]


def test_a_failure_half_way_through_the_delete_changes_nothing(
    store: Store, net: Net, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = _rows(store)
    real = plan_bundles.take_out_plan

    def delete_then_fail(session: Any, plan_id: int) -> Any:
        real(session, plan_id)
        session.flush()
        raise SupportNetError("The disk is full.")

    monkeypatch.setattr(plan_bundles, "take_out_plan", delete_then_fail)
    assert net.plan.id is not None
    with pytest.raises(SupportNetError):
        store.plans.remove(net.plan.id)
    assert _rows(store) == before


def test_undo_keeps_a_link_chosen_since_and_a_new_id_if_the_old_one_is_taken(
    store: Store, net: Net
) -> None:
    assert net.plan.id is not None
    bundle = store.plans.remove(net.plan.id)
    other = store.plans.add(
        Plan(kind=PlanKind.ONE_OFF, start_date=TODAY, person_id=net.bo.id, title="Coffee")
    )
    assert other.id == net.plan.id  # SQLite gave the highest id out again
    moved = store.checkins.get(net.across.id)  # type: ignore[arg-type]
    moved.plan_id = other.id
    store.checkins.update(moved)

    back = store.plans.restore(bundle)
    assert back.id != net.plan.id
    assert (back.uid, back.sequence) == (net.plan.uid, net.plan.sequence)
    assert store.checkins.get(net.linked.id).plan_id == back.id  # type: ignore[arg-type]
    assert store.checkins.get(net.across.id).plan_id == other.id  # type: ignore[arg-type]
    assert {p.plan_id for p in store.postponements.list_active(TODAY)} == {back.id}
    assert [r.plan_id for r in store.calendar.for_plans([back.id])] == [back.id]  # type: ignore[list-item]
    with pytest.raises(SupportNetError, match="already back"):
        store.plans.restore(bundle)


def test_undo_of_a_plan_whose_person_is_gone_is_refused_whole(store: Store, net: Net) -> None:
    assert net.plan.id is not None
    bundle = store.plans.remove(net.plan.id)
    store.people.delete(net.sam.id)  # type: ignore[arg-type]
    before = _rows(store)
    with pytest.raises(NotFoundError):
        store.plans.restore(bundle)
    assert _rows(store) == before


# --- Logging a check-in and undoing it ------------------------------------------------------


def test_logging_for_a_plan_clears_its_postponements_in_one_transaction(
    store: Store, net: Net, commits: list[str]
) -> None:
    before = _rows(store)
    logged = store.checkins.log(CheckIn(at=NOW, person_id=net.sam.id, plan_id=net.plan.id))
    assert commits == ["commit"]
    assert store.postponements.count() == 0
    assert len(logged.cleared) == 2
    commits.clear()
    store.checkins.unlog(logged)
    assert commits == ["commit"]
    assert _rows(store) == before


def test_logging_that_fails_after_the_insert_logs_nothing(
    store: Store, net: Net, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = _rows(store)
    monkeypatch.setattr(plan_bundles, "replace_postponements", _fail)
    with pytest.raises(SupportNetError):
        store.checkins.log(CheckIn(at=NOW, person_id=net.sam.id, plan_id=net.plan.id))
    assert _rows(store) == before


def test_undoing_a_log_that_fails_after_the_delete_keeps_the_check_in(
    store: Store, net: Net, monkeypatch: pytest.MonkeyPatch
) -> None:
    logged = store.checkins.log(CheckIn(at=NOW, person_id=net.sam.id, plan_id=net.plan.id))
    after = _rows(store)
    monkeypatch.setattr(plan_bundles, "replace_postponements", _fail)
    with pytest.raises(SupportNetError):
        store.checkins.unlog(logged)
    assert _rows(store) == after


def test_undoing_a_log_after_its_plan_went_takes_only_the_check_in(store: Store, net: Net) -> None:
    logged = store.checkins.log(CheckIn(at=NOW, person_id=net.sam.id, plan_id=net.plan.id))
    assert net.plan.id is not None
    store.plans.delete(net.plan.id)
    count = store.checkins.count()
    store.checkins.unlog(logged)
    assert store.checkins.count() == count - 1
    assert store.postponements.count() == 0
    with pytest.raises(NotFoundError):
        store.checkins.unlog(logged)


# --- Postponing and undoing it --------------------------------------------------------------


def test_postpone_returns_what_was_there_and_put_back_restores_it_in_one_go(
    store: Store, net: Net, commits: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert net.plan.id is not None
    before = _rows(store)
    earlier = store.postponements.postpone(Postponement(net.plan.id, date(2026, 12, 2)))
    assert commits == ["commit"]
    assert earlier == (
        Postponement(net.plan.id, date(2026, 11, 30), date(2026, 11, 29)),
        Postponement(net.plan.id, date(2026, 12, 1)),
    )
    after = _rows(store)
    real = plan_bundles.replace_postponements

    def clear_then_fail(session: Any, *args: Any) -> None:
        real(session, net.plan.id, (), NOW)
        raise SupportNetError("The disk is full.")

    monkeypatch.setattr(plan_bundles, "replace_postponements", clear_then_fail)
    with pytest.raises(SupportNetError):
        store.postponements.put_back(net.plan.id, earlier)
    assert _rows(store) == after
    monkeypatch.undo()
    commits.clear()
    store.postponements.put_back(net.plan.id, earlier)
    assert commits == ["commit"]
    assert _rows(store) == before


def test_logging_with_all_of_someones_plans_clears_and_undo_restores_each(
    store: Store, net: Net, commits: list[str]
) -> None:
    """The command line's `log`: any contact clears every plan of that person."""
    other = store.plans.add(
        Plan(kind=PlanKind.ONE_OFF, start_date=TODAY, person_id=net.sam.id, title="Walk")
    )
    assert net.plan.id is not None
    assert other.id is not None
    store.postponements.postpone(Postponement(other.id, date(2026, 12, 5)))
    before = _rows(store)
    commits.clear()
    logged = store.checkins.log(
        CheckIn(at=NOW, person_id=net.sam.id), plans=[net.plan.id, other.id]
    )
    assert commits == ["commit"]
    assert store.postponements.count() == 0
    store.checkins.unlog(logged)
    assert _rows(store) == before
