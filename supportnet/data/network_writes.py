"""Many people and groups added, or taken out again, in one transaction (a contacts import)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from supportnet.model.network import Group, Person

if TYPE_CHECKING:
    from supportnet.data.store import Store


def add_all(
    store: Store,
    people: Sequence[Person],
    groups: Sequence[Group],
    changed: Sequence[Person] = (),
) -> tuple[int, ...]:
    """Add them all or none, and store ``changed`` people's new values (contacts merged into
    them) in the same transaction; the new ids of the people, then of the groups."""
    person_repo, group_repo = store.people, store.groups
    for person in changed:
        person.normalised().validate()
    with store.sessions.begin() as session:
        for person in changed:
            person_repo.update_in(session, person)
        person_ids = person_repo.add_many_in(session, people)
        rows = [group_repo.add_in(session, g) for g in groups]
        session.flush()
        return (*person_ids, *(int(row.id) for row in rows))


def remove_all(
    store: Store,
    person_ids: Sequence[int],
    group_ids: Sequence[int],
    restored: Sequence[Person] = (),
) -> None:
    """Take them all out, with anything added to them since, and put ``restored`` people's
    values back (as before a merge), or none of it (an import's undo)."""
    person_repo, group_repo = store.people, store.groups
    with store.sessions.begin() as session:
        for person in restored:
            person_repo.update_in(session, person)
        person_repo.delete_many_in(session, person_ids)
        group_repo.delete_many_in(session, group_ids)
