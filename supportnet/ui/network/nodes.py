"""What the circle map draws: every person and group, with how quiet contact has gone."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime
from typing import Any

from supportnet.circle_map.geometry import MapNode
from supportnet.i18n import N_, _
from supportnet.model.network import Group, Person, first_name_of
from supportnet.model.targets import GROUP, PERSON
from supportnet.scheduling.phrasing import since_phrase
from supportnet.scheduling.rhythm import NO_CONTACT, ContactStats, quietness

NO_CONTACT_TEXT = N_("Nothing logged yet")


def map_nodes(
    people: Sequence[Person],
    groups: Sequence[Group],
    person_stats: Mapping[int, ContactStats],
    group_stats: Mapping[int, ContactStats],
    now: datetime,
    person_cadence: Mapping[int, int] | None = None,
    group_cadence: Mapping[int, int] | None = None,
) -> list[MapNode]:
    """What the circle map draws: every person and group, with how quiet contact has gone."""
    person_cadence = person_cadence or {}
    group_cadence = group_cadence or {}
    nodes: list[MapNode] = []
    members: list[tuple[str, Sequence[Person] | Sequence[Group], Any, Mapping[int, int]]] = [
        (PERSON, people, person_stats, person_cadence),
        (GROUP, groups, group_stats, group_cadence),
    ]
    for kind, listed, stats_by_id, cadence in members:
        for member in listed:
            # A group not yet placed in a part of life has no place on the map.
            if member.id is None or member.domain is None:
                continue
            stats = stats_by_id.get(member.id, NO_CONTACT)
            # The name they are called, where the map has no room for the whole one.
            called = (
                first_name_of(member.name, member.nickname) if isinstance(member, Person) else ""
            )
            nodes.append(
                MapNode(
                    key=(kind, member.id),
                    label=member.display_name,
                    circle=member.circle,
                    domain=member.domain,
                    support_types=frozenset(member.support_types),
                    quietness=quietness(stats, now, cadence.get(member.id)),
                    last_contact_text=_since(stats, now),
                    is_group=kind == GROUP,
                    called=called if called != member.display_name else "",
                )
            )
    return nodes


def _since(stats: ContactStats, now: datetime) -> str:
    if stats.last_contact is None:
        return _(NO_CONTACT_TEXT)
    return since_phrase(stats.last_contact, now)
