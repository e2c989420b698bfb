"""Undoing a delete: a person's or group's bundle puts every row back as it was."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

import pytest

from supportnet.data.bundles import GroupBundle, PersonBundle
from supportnet.data.store import Store
from supportnet.model.checkins import CheckIn, Initiator
from supportnet.model.errors import NotFoundError, SupportNetError, ValidationError
from supportnet.model.network import (
    ChannelKind,
    Circle,
    ContactChannel,
    Group,
    GroupKind,
    Person,
    SupportType,
)
from supportnet.model.plans import Cadence, Frequency, MonthlyMode, Plan, PlanKind, Recurrence

T0 = datetime(2026, 11, 25, 9, 30, 15, 250_000, tzinfo=UTC)

_TABLES = {
    "people": "SELECT * FROM people ORDER BY id",
    "person_support": "SELECT * FROM person_support ORDER BY person_id, support_type",
    # The channel rows' own ids are internal (every edit replaces them), so they are left out.
    "person_channels": "SELECT person_id, position, kind, value, preferred FROM person_channels "
    "ORDER BY person_id, position",
    "person_tags": "SELECT * FROM person_tags ORDER BY person_id, position",
    "community_groups": "SELECT * FROM community_groups ORDER BY id",
    "group_support": "SELECT * FROM group_support ORDER BY group_id, support_type",
    "group_tags": "SELECT * FROM group_tags ORDER BY group_id, position",
    "plans": "SELECT * FROM plans ORDER BY id",
    "plan_skips": "SELECT * FROM plan_skips ORDER BY plan_id, day",
    "checkins": "SELECT * FROM checkins ORDER BY id",
}


def _rows(store: Store) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, as stored."""
    return {table: store.db.execute(sql) for table, sql in _TABLES.items()}


def _objects(store: Store) -> dict[str, list[Any]]:
    """Everything the repositories return."""
    people = store.people.list_all()
    groups = store.groups.list_all()
    checkins = [c for p in people for c in store.checkins.for_person(p.id)]  # type: ignore[arg-type]
    checkins += [c for g in groups for c in store.checkins.for_group(g.id)]  # type: ignore[arg-type]
    return {
        "people": people,
        "groups": groups,
        "plans": store.plans.list_all(),
        "checkins": sorted(checkins, key=lambda c: c.id or 0),
    }


@dataclass
class Net:
    ada: Person
    bo: Person
    choir: Group
    ada_fixed: Plan
    ada_flexible: Plan
    bo_plan: Plan
    choir_plan: Plan


def _network(store: Store) -> Net:
    """Bo and the choir first, Ada last (so hers are the highest ids), with links across."""
    bo = store.people.add(Person(name="Bo"))
    choir = store.groups.add(
        Group(
            name="Choir",
            kind=GroupKind.CLUB,
            circle=Circle.MIDDLE,
            support_types={SupportType.COMPANIONSHIP},
            meeting_schedule="Thursdays 19:00",
            tags=["music", "Thursday"],
        )
    )
    ada = store.people.add(
        Person(
            name="Ada Lovelace",
            nickname="Ada",
            circle=Circle.INNER,
            pronouns="she/her",
            support_types={SupportType.EMOTIONAL, SupportType.CRISIS},
            channels=[
                ContactChannel(ChannelKind.CALL, "+44 7700 900123"),
                ContactChannel(ChannelKind.MESSAGING, "@ada", preferred=True),
            ],
            tags=["family", "close"],
            notes="Line one\nLine two",
            knows_situation=True,
        )
    )
    assert bo.id is not None
    assert ada.id is not None
    assert choir.id is not None
    bo_plan = store.plans.add(
        Plan(kind=PlanKind.ONE_OFF, start_date=date(2026, 12, 1), person_id=bo.id)
    )
    choir_plan = store.plans.add(
        Plan(
            kind=PlanKind.FIXED,
            start_date=date(2026, 1, 15),
            group_id=choir.id,
            timezone="Europe/London",
            window_start=time(19, 0),
            window_end=time(21, 0),
            recurrence=Recurrence(
                Frequency.MONTHLY, monthly_mode=MonthlyMode.BY_WEEKDAY, nth=3, nth_weekday=3
            ),
        )
    )
    ada_flexible = store.plans.add(
        Plan(
            kind=PlanKind.FLEXIBLE,
            start_date=date(2026, 11, 1),
            person_id=ada.id,
            cadence=Cadence(10, 21),
            message_idea="Thinking of you",
        )
    )
    ada_fixed = store.plans.add(
        Plan(
            kind=PlanKind.FIXED,
            start_date=date(2026, 11, 2),
            person_id=ada.id,
            title="Sunday call",
            timezone="Europe/Berlin",
            window_start=time(18, 0),
            window_end=time(18, 30),
            recurrence=Recurrence(Frequency.WEEKLY, weekdays={6}, skips={date(2026, 12, 27)}),
        )
    )
    # Two timing changes: SEQUENCE 2, which calendars that imported the plan remember.
    assert ada_fixed.recurrence is not None
    ada_fixed.recurrence.skips.add(date(2027, 1, 3))
    ada_fixed = store.plans.update(ada_fixed)
    ada_fixed.window_start = time(18, 15)
    ada_fixed = store.plans.update(ada_fixed)
    assert ada_fixed.sequence == 2

    for checkin in [
        CheckIn(at=T0 - timedelta(days=20), person_id=bo.id, plan_id=bo_plan.id),
        CheckIn(at=T0 - timedelta(days=9), person_id=bo.id, plan_id=ada_fixed.id),  # a link in
        CheckIn(at=T0 - timedelta(days=30), group_id=choir.id, plan_id=choir_plan.id),
        CheckIn(at=T0 - timedelta(days=2), group_id=choir.id, plan_id=ada_flexible.id),
        CheckIn(
            at=T0 - timedelta(days=14),
            person_id=ada.id,
            plan_id=ada_fixed.id,
            channel=ChannelKind.CALL,
            note="Good talk",
            mood_before=2,
            mood_after=4,
            by=bo.uid,  # Bo did it on the user's behalf, on a care team's rota
            rota_slot="5e5e0006-0000-4000-8000-00000000510t",
        ),
        CheckIn(
            at=T0 - timedelta(days=3),
            person_id=ada.id,
            plan_id=ada_flexible.id,
            initiator=Initiator.THEM,
        ),
        CheckIn(at=T0 - timedelta(days=1), person_id=ada.id, plan_id=choir_plan.id),  # a link out
        CheckIn(at=T0, person_id=ada.id),
    ]:
        store.checkins.add(checkin)
    return Net(ada, bo, choir, ada_fixed, ada_flexible, bo_plan, choir_plan)


def _plan_of(store: Store, uid: str) -> int | None:
    rows = store.db.execute("SELECT plan_id FROM checkins WHERE uid = ?", (uid,))
    return rows[0][0]  # type: ignore[no-any-return]


# --- people ----------------------------------------------------------------------------------


def test_a_person_comes_back_exactly_as_they_were(store: Store) -> None:
    net = _network(store)
    assert net.ada.id is not None
    before_rows, before_objects = _rows(store), _objects(store)

    bundle = store.people.bundle(net.ada.id)
    assert isinstance(bundle, PersonBundle)
    assert bundle.person == net.ada
    assert [p.id for p in bundle.plans] == [net.ada_flexible.id, net.ada_fixed.id]
    assert len(bundle.checkins) == 4
    assert [c.at for c in bundle.checkins] == sorted(c.at for c in bundle.checkins)
    assert len(bundle.plan_links) == 2, "Bo's and the choir's check-ins linked to Ada's plans"

    for _ in range(2):  # undo, redo, undo, redo
        store.people.delete(net.ada.id)
        assert store.people.count() == 1
        assert store.plans.for_person(net.ada.id) == []
        assert store.checkins.for_person(net.ada.id) == []
        unlinked = store.db.execute("SELECT count(*) FROM checkins WHERE plan_id IS NULL")[0][0]
        assert unlinked == 2, "the links from Bo's and the choir's check-ins were cut"

        restored = store.people.restore(bundle)
        assert restored == net.ada
        assert _rows(store) == before_rows
        assert _objects(store) == before_objects

    got = store.plans.get(net.ada_fixed.id)  # type: ignore[arg-type]
    assert (got.uid, got.sequence, got.created_at, got.updated_at) == (
        net.ada_fixed.uid,
        2,
        net.ada_fixed.created_at,
        net.ada_fixed.updated_at,
    )


def test_restoring_twice_is_refused_plainly(store: Store) -> None:
    net = _network(store)
    bundle = store.people.bundle(net.ada.id)  # type: ignore[arg-type]
    before = _rows(store)
    with pytest.raises(SupportNetError, match=r"^That person is already back in your network\.$"):
        store.people.restore(bundle)
    assert _rows(store) == before


def test_an_id_taken_since_goes_to_the_newcomer_and_the_uid_stays(store: Store) -> None:
    net = _network(store)
    assert net.ada.id is not None
    bundle = store.people.bundle(net.ada.id)
    store.people.delete(net.ada.id)
    # SQLite gives the highest id out again once its row is gone.
    cy = store.people.add(Person(name="Cy"))
    assert cy.id == net.ada.id
    cy_plan = store.plans.add(
        Plan(kind=PlanKind.ONE_OFF, start_date=date(2026, 12, 5), person_id=cy.id)
    )
    assert cy_plan.id == net.ada_flexible.id
    cy_checkin = store.checkins.add(CheckIn(at=T0, person_id=cy.id, plan_id=cy_plan.id))
    assert cy_checkin.id in {c.id for c in bundle.checkins}
    cy_rows = _rows(store)

    ada = store.people.restore(bundle)
    assert ada.id != cy.id
    assert ada.uid == net.ada.uid
    assert dataclasses.replace(ada, id=net.ada.id) == net.ada
    plans = store.plans.for_person(ada.id)  # type: ignore[arg-type]
    assert sorted(p.uid for p in plans) == sorted(p.uid for p in bundle.plans)
    by_uid = {p.uid: p for p in plans}
    fixed, flexible = by_uid[net.ada_fixed.uid], by_uid[net.ada_flexible.uid]
    assert fixed.id == net.ada_fixed.id, "a free id is kept"
    assert flexible.id not in (net.ada_flexible.id, net.ada_fixed.id)
    assert fixed.sequence == 2
    checkins = store.checkins.for_person(ada.id)  # type: ignore[arg-type]
    assert {c.uid for c in checkins} == {c.uid for c in bundle.checkins}
    links = {c.uid: c.plan_id for c in checkins}
    ids = {c.uid: c.id for c in checkins}
    for old in bundle.checkins:
        assert (ids[old.uid] == old.id) is (old.id != cy_checkin.id), "free ids are kept"
    for old in bundle.checkins:
        want = {net.ada_flexible.id: flexible.id}.get(old.plan_id, old.plan_id)
        assert links[old.uid] == want
    # The check-ins of Bo and the choir point at the plans' new ids too.
    for checkin_id, old_plan in bundle.plan_links:
        new_plan = flexible.id if old_plan == net.ada_flexible.id else old_plan
        assert store.checkins.get(checkin_id).plan_id == new_plan
    # Cy is untouched.
    assert store.people.get(cy.id) == cy
    assert store.plans.get(cy_plan.id) == cy_plan  # type: ignore[arg-type]
    assert store.checkins.get(cy_checkin.id) == cy_checkin  # type: ignore[arg-type]
    assert _rows(store)["people"][: len(cy_rows["people"])] == cy_rows["people"]


def test_a_link_to_a_plan_gone_since_is_dropped(store: Store) -> None:
    net = _network(store)
    bundle = store.people.bundle(net.ada.id)  # type: ignore[arg-type]
    store.people.delete(net.ada.id)  # type: ignore[arg-type]
    store.plans.delete(net.choir_plan.id)  # type: ignore[arg-type]
    store.people.restore(bundle)
    linked_out = next(c for c in bundle.checkins if c.plan_id == net.choir_plan.id)
    assert _plan_of(store, linked_out.uid) is None


def test_a_link_chosen_since_the_delete_is_kept(store: Store) -> None:
    net = _network(store)
    bundle = store.people.bundle(net.ada.id)  # type: ignore[arg-type]
    store.people.delete(net.ada.id)  # type: ignore[arg-type]
    bos = store.checkins.for_person(net.bo.id)  # type: ignore[arg-type]
    relinked = next(c for c in bos if c.plan_id is None)
    relinked.plan_id = net.bo_plan.id
    store.checkins.update(relinked)
    store.people.restore(bundle)
    assert _plan_of(store, relinked.uid) == net.bo_plan.id


def test_a_failed_restore_writes_nothing(store: Store) -> None:
    net = _network(store)
    bundle = store.people.bundle(net.ada.id)  # type: ignore[arg-type]
    store.people.delete(net.ada.id)  # type: ignore[arg-type]
    # A plan with one of Ada's plan uids has turned up since (an import, say).
    store.plans.add(
        Plan(
            kind=PlanKind.ONE_OFF,
            start_date=date(2026, 12, 9),
            person_id=net.bo.id,
            uid=bundle.plans[0].uid,
        )
    )
    after_delete = _rows(store)
    with pytest.raises(SupportNetError, match="already back"):
        store.people.restore(bundle)
    assert _rows(store) == after_delete, "the person row went back out with the rest"

    unfit = dataclasses.replace(bundle, person=dataclasses.replace(bundle.person, name=" "))
    with pytest.raises(ValidationError):
        store.people.restore(unfit)
    assert _rows(store) == after_delete


def test_bundle_of_someone_not_there(store: Store) -> None:
    with pytest.raises(NotFoundError):
        store.people.bundle(12345)
    with pytest.raises(NotFoundError):
        store.groups.bundle(12345)


def test_someone_with_nothing_but_themselves(store: Store) -> None:
    solo = store.people.add(Person(name="Solo"))
    before = _rows(store)
    bundle = store.people.bundle(solo.id)  # type: ignore[arg-type]
    assert bundle == PersonBundle(solo)
    store.people.delete(solo.id)  # type: ignore[arg-type]
    assert store.people.restore(bundle) == solo
    assert _rows(store) == before


# --- groups ----------------------------------------------------------------------------------


def test_a_group_comes_back_exactly_as_it_was(store: Store) -> None:
    net = _network(store)
    assert net.choir.id is not None
    before_rows, before_objects = _rows(store), _objects(store)

    bundle = store.groups.bundle(net.choir.id)
    assert isinstance(bundle, GroupBundle)
    assert bundle.group == net.choir
    assert [p.id for p in bundle.plans] == [net.choir_plan.id]
    assert len(bundle.checkins) == 2
    assert len(bundle.plan_links) == 1, "Ada's check-in linked to the choir's plan"

    for _ in range(2):
        store.groups.delete(net.choir.id)
        assert store.groups.count() == 0
        restored = store.groups.restore(bundle)
        assert restored == net.choir
        assert _rows(store) == before_rows
        assert _objects(store) == before_objects

    with pytest.raises(SupportNetError, match=r"^That group is already back in your network\.$"):
        store.groups.restore(bundle)


def test_person_and_group_both_deleted_and_restored_in_either_order(store: Store) -> None:
    net = _network(store)
    before = _rows(store)
    ada = store.people.bundle(net.ada.id)  # type: ignore[arg-type]
    store.people.delete(net.ada.id)  # type: ignore[arg-type]
    choir = store.groups.bundle(net.choir.id)  # type: ignore[arg-type]
    store.groups.delete(net.choir.id)  # type: ignore[arg-type]
    # Undo in reverse order: the choir first, then Ada; every link is whole again.
    store.groups.restore(choir)
    store.people.restore(ada)
    assert _rows(store) == before
