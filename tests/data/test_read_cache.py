"""The Today/Agenda cache sees every change whatever the clock says; idle connections close."""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest

from supportnet.data.repositories.people import PeopleRepository
from supportnet.data.repositories.plans import PlansRepository
from supportnet.data.store import Store
from supportnet.model.network import Person
from supportnet.model.plans import Cadence, Plan, PlanKind
from supportnet.services.schedule_reader import ReachOutReader

LATER = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
#: The clock stepped back a day (a wrong time fixed by hand, a dead RTC battery).
EARLIER = LATER - timedelta(days=1)


@pytest.fixture
def store(open_keyring_store: Callable[..., Store]) -> Store:
    return open_keyring_store()


def _with_clock(store: Store, repository: type[Any], now: datetime) -> Any:
    return repository(store.sessions, store.db, clock=lambda: now)


def _plan(person_id: int, title: str) -> Plan:
    return Plan(
        kind=PlanKind.FLEXIBLE,
        start_date=date(2026, 11, 1),
        person_id=person_id,
        title=title,
        cadence=Cadence(7, 21),
    )


def test_a_plan_edited_after_the_clock_stepped_back_is_seen(store: Store) -> None:
    plans = _with_clock(store, PlansRepository, LATER)
    ada = store.people.add(Person(name="Ada"))
    first = plans.add(_plan(ada.id, "Call Ada"))
    plans.add(_plan(ada.id, "Walk with Ada"))  # the newest update time stays this one's
    reader = ReachOutReader(store)
    assert [p.title for p in reader.plans()] == ["Call Ada", "Walk with Ada"]

    first.title = "Tea with Ada"
    _with_clock(store, PlansRepository, EARLIER).update(first)

    assert [p.title for p in reader.plans()] == ["Tea with Ada", "Walk with Ada"]


def test_a_person_renamed_after_the_clock_stepped_back_is_seen(store: Store) -> None:
    people = _with_clock(store, PeopleRepository, LATER)
    ada = people.add(Person(name="Ada"))
    people.add(Person(name="Bea"))
    reader = ReachOutReader(store)
    assert reader.targets()[("person", ada.id)].name == "Ada"

    ada.nickname = "Addy"
    _with_clock(store, PeopleRepository, EARLIER).update(ada)

    assert reader.targets()[("person", ada.id)].name == "Addy"


def test_a_change_made_on_the_readers_own_connection_is_seen(store: Store) -> None:
    ada = store.people.add(Person(name="Ada"))
    store.plans.add(_plan(ada.id, "Call Ada"))
    reader = ReachOutReader(store)
    assert [p.title for p in reader.plans()] == ["Call Ada"]
    # PRAGMA data_version doesn't move for a connection's own commits.
    store.db.execute("UPDATE plans SET title = 'Tea with Ada'")
    assert [p.title for p in reader.plans()] == ["Tea with Ada"]


def test_nothing_is_read_again_when_nothing_changed(store: Store) -> None:
    ada = store.people.add(Person(name="Ada"))
    store.plans.add(_plan(ada.id, "Call Ada"))
    reader = ReachOutReader(store)
    first = reader.plans()
    assert reader.plans() is first


def test_a_thread_that_ends_closes_its_read_connection(store: Store) -> None:
    import sqlcipher3

    store.people.add(Person(name="Ada"))
    before = store.db.open_connections
    used: list[Any] = []

    def read() -> None:
        store.db.execute("SELECT count(*) FROM people")
        used.append(store.db.connection())

    worker = threading.Thread(target=read)
    worker.start()
    worker.join()
    gc.collect()
    assert store.db.open_connections == before
    with pytest.raises(sqlcipher3.ProgrammingError, match="closed"):
        used[0].execute("SELECT 1")
    # The store itself reads on as before.
    assert store.db.execute("SELECT count(*) FROM people") == [(1,)]


def test_many_short_lived_threads_leave_no_connections_behind(store: Store) -> None:
    before = store.db.open_connections
    for _ in range(20):
        worker = threading.Thread(target=lambda: store.db.execute("SELECT 1"))
        worker.start()
        worker.join()
    gc.collect()
    assert store.db.open_connections == before
