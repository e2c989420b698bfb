"""The plan for hard days in the encrypted store: kept whole, in order, migrated and backed up."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest

from supportnet.data.migrations import HEAD_REVISION
from supportnet.data.restore import restore_backup
from supportnet.data.store import Store, open_store
from supportnet.data.store_files import DB_NAME
from supportnet.model.errors import BackupError, ValidationError
from supportnet.model.network import ChannelKind, Circle, ContactChannel, Person, SupportType
from supportnet.model.safety_plan import PlanEntry, SafetyPlan, Step
from supportnet.model.targets import GROUP, PERSON
from tests.data.storekit import TEST_PASSPHRASE, MemoryKeyring, query, raw_key
from tests.data.test_migrations import FIXTURES, _install_fixture

OpenKeyringStore = Callable[..., Store]


def _plan(store: Store) -> SafetyPlan:
    sam = store.people.add(Person("Sam Rivera", nickname="Sam"))
    return (
        SafetyPlan()
        .added(Step.WARNING_SIGNS, PlanEntry.typed("Not answering messages"))
        .added(Step.WARNING_SIGNS, PlanEntry.typed("Sleeping all day"))
        .added(Step.HELPERS, PlanEntry.link(PERSON, sam.uid, "Sam", they_know=True))
        .added(Step.LIVING_FOR, PlanEntry.typed("My niece 🌻"))
        .added(Step.LIVING_FOR, PlanEntry.typed("Seeing the sea again"))
        .added(Step.LIVING_FOR, PlanEntry.typed("The garden in spring"))
    )


def _texts(plan: SafetyPlan, step: Step) -> list[str]:
    return [e.text for e in plan.entries(step)]


def test_a_new_store_has_an_empty_plan(store: Store) -> None:
    plan = store.safety_plan.read()
    assert plan.is_empty
    assert plan.updated_at is None


def test_a_plan_comes_back_as_it_was_saved(store: Store) -> None:
    plan = _plan(store)
    before, saved = store.safety_plan.replace(plan)
    assert before.is_empty
    read = store.safety_plan.read()
    assert read.steps == saved.steps
    assert {s: read.entries(s) for s in Step} == {s: plan.entries(s) for s in Step}
    assert _texts(read, Step.LIVING_FOR) == [
        "My niece 🌻",
        "Seeing the sea again",
        "The garden in spring",
    ]
    (helper,) = read.entries(Step.HELPERS)
    assert helper.they_know
    assert read.updated_at is not None
    assert read.updated_at.tzinfo is UTC


def test_a_save_replaces_the_whole_plan_and_keeps_the_new_order(store: Store) -> None:
    plan = _plan(store)
    store.safety_plan.replace(plan)
    reordered = plan.moved(Step.LIVING_FOR, 2, 0).removed(Step.WARNING_SIGNS, 0)
    before, _ = store.safety_plan.replace(reordered)
    assert _texts(before, Step.LIVING_FOR)[0] == "My niece 🌻"
    read = store.safety_plan.read()
    assert _texts(read, Step.LIVING_FOR) == [
        "The garden in spring",
        "My niece 🌻",
        "Seeing the sea again",
    ]
    assert _texts(read, Step.WARNING_SIGNS) == ["Sleeping all day"]
    assert store.safety_plan.count() == 5


def test_saving_brings_linked_names_up_to_date_and_keeps_those_gone(store: Store) -> None:
    ada = store.people.add(Person("Ada Lovelace"))
    plan = (
        SafetyPlan()
        .added(Step.HELPERS, PlanEntry.link(PERSON, ada.uid, "Old name"))
        .added(Step.HELPERS, PlanEntry.link(PERSON, "left-uid", "Bo"))
    )
    store.safety_plan.replace(plan)
    assert _texts(store.safety_plan.read(), Step.HELPERS) == ["Ada Lovelace", "Bo"]


def test_a_plan_that_does_not_fit_is_not_stored(store: Store) -> None:
    store.safety_plan.replace(_plan(store))
    before = store.safety_plan.read()
    bad = before.added(Step.WARNING_SIGNS, PlanEntry.link(PERSON, "u", "Sam"))
    with pytest.raises(ValidationError):
        store.safety_plan.replace(bad)
    assert store.safety_plan.read() == before


def test_the_plan_is_encrypted_at_rest(store: Store) -> None:
    store.safety_plan.replace(SafetyPlan().added(Step.LIVING_FOR, PlanEntry.typed("Zanzibar 1987")))
    store.close()
    for path in store.data_dir.rglob("*"):
        if path.is_file():
            assert b"Zanzibar" not in path.read_bytes(), path


def test_a_store_holding_only_a_plan_is_not_empty(store: Store) -> None:
    assert store.is_empty()
    store.safety_plan.replace(SafetyPlan().added(Step.LIVING_FOR, PlanEntry.typed("My cat")))
    assert not store.is_empty()


def test_people_okay_in_a_crisis_in_one_query_with_their_way_to_be_reached(store: Store) -> None:
    store.people.add(
        Person(
            "Ada",
            circle=Circle.OUTER,
            support_types={SupportType.CRISIS, SupportType.EMOTIONAL},
            channels=[
                ContactChannel(ChannelKind.EMAIL, "ada@example.org"),
                ContactChannel(ChannelKind.TEXT, "07700 900001", preferred=True),
            ],
        )
    )
    store.people.add(Person("Bo", support_types={SupportType.CRISIS}))
    store.people.add(Person("Cy", support_types={SupportType.EMOTIONAL}))
    rows = sorted(store.safety_plan.people_with_support(SupportType.CRISIS), key=lambda r: r[2])
    assert [(r[2], r[4], r[5]) for r in rows] == [
        ("Ada", Circle.OUTER, ContactChannel(ChannelKind.TEXT, "07700 900001", True)),
        ("Bo", Circle.MIDDLE, None),
    ]


# --- Migration --------------------------------------------------------------------------------


def test_a_store_from_0003_gains_an_empty_plan_and_keeps_its_network(data_dir: Path) -> None:
    _install_fixture(FIXTURES / "rev_0003.db", data_dir)
    with open_store(data_dir, passphrase=lambda _p: TEST_PASSPHRASE) as store:
        assert store.revision() == HEAD_REVISION
        assert store.safety_plan.read().is_empty
        ada = store.people.find("Ada Okonkwo-Lindqvist")[0]
        walkers = store.groups.list_all()[0]
        plan = (
            SafetyPlan()
            .added(Step.HELPERS, PlanEntry.link(PERSON, ada.uid, "Ada"))
            .added(Step.DISTRACTIONS, PlanEntry.link(GROUP, walkers.uid, "Walkers"))
        )
        store.safety_plan.replace(plan)
    with open_store(data_dir, passphrase=lambda _p: TEST_PASSPHRASE) as store:
        read = store.safety_plan.read()
        assert _texts(read, Step.HELPERS) == ["Ada 🌻"]
        assert _texts(read, Step.DISTRACTIONS) == ["Riverside walking group"]
        assert store.counts().people == 3
        assert store.integrity_problems() == []


# --- Backups -----------------------------------------------------------------------------------


def test_a_backup_carries_the_plan_and_a_restore_brings_it_back(
    open_keyring_store: OpenKeyringStore,
    data_dir: Path,
    memory_keyring: MemoryKeyring,
    tmp_path: Path,
) -> None:
    store = open_keyring_store()
    plan = _plan(store)
    store.safety_plan.replace(plan)
    out = store.backup(tmp_path / "backup.db")
    key = raw_key(store.data_dir, memory_keyring)
    rows = query(out, key, "SELECT text FROM safety_plan_entries WHERE step = 'living_for'")
    assert len(rows) == 3
    store.safety_plan.replace(SafetyPlan().added(Step.LIVING_FOR, PlanEntry.typed("Changed")))
    store.close()

    result = restore_backup(data_dir, out, keyring_backend=memory_keyring, force=True)
    with result.store as restored:
        read = restored.safety_plan.read()
        assert {s: read.entries(s) for s in Step} == {s: plan.entries(s) for s in Step}


def test_a_restore_over_a_store_holding_only_a_plan_needs_force(
    open_keyring_store: OpenKeyringStore,
    data_dir: Path,
    memory_keyring: MemoryKeyring,
    tmp_path: Path,
) -> None:
    store = open_keyring_store()
    out = store.backup(tmp_path / "empty-backup.db")
    store.safety_plan.replace(SafetyPlan().added(Step.LIVING_FOR, PlanEntry.typed("My cat")))
    store.close()
    with pytest.raises(BackupError, match="--force"):
        restore_backup(data_dir, out, keyring_backend=memory_keyring)
    with open_store(data_dir, keyring_backend=memory_keyring) as reopened:
        assert _texts(reopened.safety_plan.read(), Step.LIVING_FOR) == ["My cat"]
    assert (data_dir / DB_NAME).exists()


def test_updated_at_is_the_time_of_the_save(store: Store) -> None:
    from supportnet.data.repositories.safety_plan import SafetyPlanRepository

    moment = datetime(2026, 12, 3, 9, 30, tzinfo=UTC)
    repository = SafetyPlanRepository(store.sessions, store.db, clock=lambda: moment)
    repository.replace(SafetyPlan().added(Step.ON_MY_OWN, PlanEntry.typed("A walk")))
    assert store.safety_plan.read().updated_at == moment
