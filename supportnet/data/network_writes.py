"""Many people and groups added, or taken out again, in one transaction (a contacts import)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from supportnet.model.network import Group, Person

if TYPE_CHECKING:
    from supportnet.data.store import Store


def add_all(store: Store, people: Sequence[Person], groups: Sequence[Group]) -> tuple[int, ...]:
    """Add them all or none; the new ids of the people, then of the groups."""
    person_repo, group_repo = store.people, store.groups
    with store.sessions.begin() as session:
        person_ids = person_repo.add_many_in(session, people)
        rows = [group_repo.add_in(session, g) for g in groups]
        session.flush()
        return (*person_ids, *(int(row.id) for row in rows))


def remove_all(store: Store, person_ids: Sequence[int], group_ids: Sequence[int]) -> None:
    """Take them all out, with anything added to them since, or none (an import's undo)."""
    person_repo, group_repo = store.people, store.groups
    with store.sessions.begin() as session:
        for person_id in person_ids:
            person_repo.delete_in(session, person_id)
        for group_id in group_ids:
            group_repo.delete_in(session, group_id)
