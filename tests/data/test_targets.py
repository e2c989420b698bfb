"""People and groups share one repository base: each keeps its own messages and search."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime

import pytest

from supportnet.data.store import Store
from supportnet.model.checkins import CheckIn
from supportnet.model.errors import NotFoundError
from supportnet.model.network import Group, Person
from supportnet.model.plans import Plan, PlanKind

GONE = {
    "person": "That person is no longer in your network.",
    "group": "That group is no longer in your network.",
}
UNSAVED = {
    "person": "This person hasn't been saved yet.",
    "group": "This group hasn't been saved yet.",
}
Make = Callable[[str], Person | Group]
KINDS: dict[str, Make] = {
    "person": lambda name: Person(name=name),
    "group": lambda n: Group(name=n),
}


def _repo(store: Store, kind: str) -> object:
    return store.people if kind == "person" else store.groups


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_each_says_what_is_missing_in_its_own_words(store: Store, kind: str) -> None:
    repo = _repo(store, kind)
    never_saved = KINDS[kind]("Nobody yet")
    calls: list[tuple[Callable[[], object], str]] = [
        (lambda: repo.get(404), GONE[kind]),  # type: ignore[attr-defined]
        (lambda: repo.delete(404), GONE[kind]),  # type: ignore[attr-defined]
        (lambda: repo.bundle(404), GONE[kind]),  # type: ignore[attr-defined]
        (lambda: repo.update(never_saved), UNSAVED[kind]),  # type: ignore[attr-defined]
    ]
    saved = repo.add(KINDS[kind]("Soon gone"))  # type: ignore[attr-defined]
    repo.delete(saved.id)  # type: ignore[attr-defined]
    calls.append((lambda: repo.update(saved), GONE[kind]))  # type: ignore[attr-defined]
    for call, message in calls:
        with pytest.raises(NotFoundError) as caught:
            call()
        assert caught.value.message == message


def test_groups_are_found_by_name_exact_matches_first(store: Store) -> None:
    for name in ("Choir", "Chamber choir", "Walking group"):
        store.groups.add(Group(name=name))
    assert [g.name for g in store.groups.find(" CHOIR ")] == ["Choir"]
    assert [g.name for g in store.groups.find("ch")] == ["Chamber choir", "Choir"]
    assert [g.name for g in store.groups.find("group")] == ["Walking group"]
    assert store.groups.find("  ") == []


def test_people_are_found_by_nickname_too_exact_matches_first(store: Store) -> None:
    store.people.add(Person(name="Robert", nickname="Bob"))
    store.people.add(Person(name="Bobby"))
    store.people.add(Person(name="Ada", nickname="Bobbin"))
    assert [p.name for p in store.people.find("bob")] == ["Robert"]
    assert [p.name for p in store.people.find("bobb")] == ["Ada", "Bobby"]


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_dependents_and_count_are_each_their_own(store: Store, kind: str) -> None:
    ada = store.people.add(Person(name="Ada"))
    choir = store.groups.add(Group(name="Choir"))
    mine, other = (ada, choir) if kind == "person" else (choir, ada)
    assert mine.id == other.id, "ids are per table, so the column must tell them apart"
    column = f"{kind}_id"
    at = datetime(2026, 11, 25, tzinfo=UTC)
    for _ in range(2):
        store.plans.add(
            Plan(kind=PlanKind.ONE_OFF, start_date=date(2026, 12, 1), **{column: mine.id})
        )
    store.checkins.add(CheckIn(at=at, **{column: mine.id}))
    repo = _repo(store, kind)
    assert repo.dependents(mine.id) == (2, 1)  # type: ignore[attr-defined]
    other_repo = _repo(store, "group" if kind == "person" else "person")
    assert other_repo.dependents(other.id) == (0, 0)  # type: ignore[attr-defined]
    repo.add(KINDS[kind]("Bo"))  # type: ignore[attr-defined]
    assert repo.count() == 2  # type: ignore[attr-defined]
