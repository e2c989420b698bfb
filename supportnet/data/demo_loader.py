"""Filling a store with the example network."""

from __future__ import annotations

from datetime import date

from sqlalchemy import delete

from supportnet.data.schema import CheckInRow, GroupRow, PersonRow, PlanRow
from supportnet.data.store import Counts, Store
from supportnet.demo import build_demo_network


def clear_network(store: Store) -> None:
    """Remove every person, group, plan and check-in (settings stay)."""
    with store.sessions.begin() as session:
        for table in (CheckInRow, PlanRow, GroupRow, PersonRow):
            session.execute(delete(table))


def load_demo(store: Store, today: date, user_zone: str) -> Counts:
    """Add the example network, generated relative to ``today``, to ``store``."""
    network = build_demo_network(today, user_zone)
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
    return store.counts()
