"""Filling a store with the example network."""

from __future__ import annotations

from datetime import date

from sqlalchemy import delete

from supportnet.data.schema import CheckInRow, GroupRow, PersonRow, PlanRow
from supportnet.data.store import Counts, Store
from supportnet.demo import DemoNetwork, build_demo_network
from supportnet.errors import SupportNetError


def clear_network(store: Store) -> None:
    """Remove every person, group, plan and check-in (settings stay)."""
    with store.sessions.begin() as session:
        for table in (CheckInRow, PlanRow, GroupRow, PersonRow):
            session.execute(delete(table))


def load_demo(store: Store, today: date, user_zone: str) -> Counts:
    """Add the example network, generated relative to ``today``, to an empty ``store``.

    If anything fails halfway, what was added is taken out again, so a half-made example
    never mixes into the store.
    """
    if not store.is_empty():
        raise SupportNetError("The example network goes only into an empty store.")
    network = build_demo_network(today, user_zone)
    try:
        _add(store, network)
    except BaseException:
        clear_network(store)
        raise
    return store.counts()


def _add(store: Store, network: DemoNetwork) -> None:
    ids: dict[str, tuple[int | None, int | None]] = {}
    for person in network.people:
        saved = store.people.add(person)
        ids[saved.uid] = (saved.id, None)
    for group in network.groups:
        saved_group = store.groups.add(group)
        ids[saved_group.uid] = (None, saved_group.id)
    for target, plan in network.plans:
        plan.person_id, plan.group_id = ids[target]
        store.plans.add(plan)
    checkins = []
    for target, checkin in network.checkins:
        checkin.person_id, checkin.group_id = ids[target]
        checkins.append(checkin)
    store.checkins.add_many(checkins)
