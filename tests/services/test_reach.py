"""The way to reach someone on Today's card: their preferred way with a detail, said short."""

from __future__ import annotations

from typing import Any

import pytest

from supportnet.model.network import ChannelKind, ContactChannel, Group, GroupKind, Person
from supportnet.model.targets import GROUP, PERSON
from supportnet.services import Services
from supportnet.services.reach import WayToReach, group_way, person_way


@pytest.fixture
def services(store: Any) -> Services:
    return Services.of(store)


def _person(*channels: ContactChannel) -> Person:
    return Person(name="Sam Rivers", channels=list(channels))


def test_the_preferred_way_wins_and_reads_short() -> None:
    sam = _person(
        ContactChannel(ChannelKind.CALL, "01632 960001"),
        ContactChannel(ChannelKind.MESSAGING, "Signal @sam", preferred=True),
    )
    way = person_way(sam)
    assert way == WayToReach("Chat", "Signal @sam", ChannelKind.MESSAGING)
    assert way.text == way.shown == "Chat · Signal @sam"
    texting = person_way(_person(ContactChannel(ChannelKind.TEXT, " 07700 900123 ", True)))
    assert texting is not None
    assert texting.text == "Text · 07700 900123"
    assert texting.what == "number"


def test_no_detail_written_down_is_no_way() -> None:
    assert person_way(_person()) is None
    assert person_way(_person(ContactChannel(ChannelKind.CALL, "  ", preferred=True))) is None
    # A preferred way with nothing written down gives way to one that has a detail.
    way = person_way(
        _person(
            ContactChannel(ChannelKind.VIDEO, "", preferred=True),
            ContactChannel(ChannelKind.EMAIL, "sam@example.org"),
        )
    )
    assert way is not None
    assert (way.text, way.what) == ("Email · sam@example.org", "email address")


def test_a_group_s_way_is_its_link_shown_without_the_scheme() -> None:
    forum = Group(name="Forum", kind=GroupKind.ONLINE_COMMUNITY, link="https://www.ex.org/a/")
    way = group_way(forum)
    assert way is not None
    assert way.value == "https://www.ex.org/a/"  # what Copy gives
    assert way.shown == "Link · ex.org/a"
    assert way.what == "link"
    assert group_way(Group(name="Walkers", place="The park café")) is None


def test_services_read_the_ways_of_whoever_is_asked_about(services: Services) -> None:
    sam = services.people.add(_person(ContactChannel(ChannelKind.TEXT, "07700 900123", True)))
    nobody = services.people.add(Person(name="Quiet Person"))
    forum = services.groups.add(Group(name="Forum", link="https://forum.example.org"))
    walkers = services.groups.add(Group(name="Walkers"))
    assert None not in (sam.id, nobody.id, forum.id, walkers.id)
    keys = [
        (PERSON, sam.id or 0),
        (PERSON, nobody.id or 0),
        (GROUP, forum.id or 0),
        (GROUP, walkers.id or 0),
        (PERSON, 9999),  # gone since: nothing, no error
    ]
    ways = services.ways_to_reach(keys)
    assert {key: way.text for key, way in ways.items()} == {
        (PERSON, sam.id): "Text · 07700 900123",
        (GROUP, forum.id): "Link · https://forum.example.org",
    }
