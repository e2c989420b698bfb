"""Everyone a plan can be for, read from a real store: as the schedule and an export see them."""

from __future__ import annotations

from typing import Any

from supportnet.calendar.slots import Who
from supportnet.model.network import ChannelKind, Circle, ContactChannel, Group, Person
from supportnet.scheduling import Target
from supportnet.services import everyone


def _network(store: Any) -> tuple[int, int, int]:
    mum = store.people.add(
        Person(
            "Margaret Okafor",
            nickname="Mum",
            circle=Circle.INNER,
            channels=[
                ContactChannel(ChannelKind.EMAIL, "m@example.org"),
                ContactChannel(ChannelKind.CALL, "0123", preferred=True),
            ],
        )
    )
    farid = store.people.add(Person("Dr Farid Rahimi"))
    club = store.groups.add(Group("Walking club", circle=Circle.OUTER))
    return mum.id, farid.id, club.id


def test_the_schedule_names_people_as_they_are_called(store: Any) -> None:
    mum, farid, club = _network(store)
    assert everyone.targets(store) == {
        ("person", mum): Target("person", mum, "Mum", Circle.INNER),
        ("person", farid): Target("person", farid, "Dr Farid Rahimi", Circle.MIDDLE),
        ("group", club): Target("group", club, "Walking club", Circle.OUTER),
    }


def test_an_export_knows_full_and_first_names_and_the_preferred_way(store: Any) -> None:
    mum, farid, club = _network(store)
    assert everyone.whos(store) == {
        ("person", mum): Who(
            "person", mum, "Margaret Okafor", "Mum", Circle.INNER, ChannelKind.CALL
        ),
        ("person", farid): Who("person", farid, "Dr Farid Rahimi", "Farid", Circle.MIDDLE),
        ("group", club): Who("group", club, "Walking club", "Walking club", Circle.OUTER),
    }


def test_one_person_already_read_is_the_same_who_as_everyone_gives(store: Any) -> None:
    mum, farid, _club = _network(store)
    ben = store.people.add(
        Person(
            "Ben Ade",
            channels=[
                ContactChannel(ChannelKind.TEXT, "0456"),
                ContactChannel(ChannelKind.EMAIL, "b@example.org"),
            ],
        )
    )
    all_of_them = everyone.whos(store)
    for pid in (mum, farid, ben.id):
        person = store.people.get(pid)
        assert everyone.person_who(person) == all_of_them[("person", pid)]
