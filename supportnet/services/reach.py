"""How to reach someone on Today's card: their preferred way, said short, with its detail.

A person's way is their preferred channel (else their first) that has a number, handle or
address written down; a group's is its link. Nobody written down: no way, and nothing said.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from supportnet.data import reads
from supportnet.i18n import N_, _
from supportnet.model.network import ChannelKind, Group, Person
from supportnet.model.targets import GROUP, PERSON, TargetKey

if TYPE_CHECKING:
    from supportnet.data.store import Store

#: Short words for a channel, as a line beside its detail reads ("Text · 07700 900123").
# Translators: how to reach someone, in a word: "Text" is a text message, "Post" a letter.
_SHORT = {
    ChannelKind.CALL: N_("Phone"),
    ChannelKind.TEXT: N_("Text"),
    ChannelKind.VIDEO: N_("Video"),
    ChannelKind.MESSAGING: N_("Chat"),
    ChannelKind.EMAIL: N_("Email"),
    ChannelKind.IN_PERSON: N_("In person"),
    ChannelKind.LETTER: N_("Post"),
    ChannelKind.OTHER: "",
}
LINK_WORD = N_("Link")


@dataclass(frozen=True, slots=True)
class WayToReach:
    """One way to reach someone: what it is, in a word, and the detail to copy."""

    kind: str  # the word in English (N_), said in the language chosen
    value: str
    channel: ChannelKind | None = None

    @property
    def text(self) -> str:
        """The line on the card: "Phone · 07700 900127" (the detail alone for "other")."""
        return f"{_(self.kind)} · {self.value}" if self.kind else self.value

    @property
    def shown(self) -> str:
        """The line as the card shows it: a link without its "https://" (copied whole)."""
        if self.channel is not None:
            return self.text
        short = self.value.removeprefix("https://").removeprefix("http://").removeprefix("www.")
        return f"{_(self.kind)} · {short.rstrip('/') or self.value}"

    @property
    def what(self) -> str:
        """What the detail is, for naming its Copy button ("number", "link", …)."""
        if self.channel in (ChannelKind.CALL, ChannelKind.TEXT):
            return "number"
        if self.channel is ChannelKind.EMAIL:
            return "email address"
        if self.channel in (ChannelKind.LETTER, ChannelKind.IN_PERSON):
            return "address"
        if self.channel is None:
            return "link"
        return "contact details"


def person_way(person: Person) -> WayToReach | None:
    """Their preferred way with a detail written down; else their first that has one."""
    written = [c for c in person.channels if c.value.strip()]
    if not written:
        return None
    preferred = person.preferred_channel
    channel = preferred if preferred in written else written[0]
    assert channel is not None
    return WayToReach(_SHORT[channel.kind], channel.value.strip(), channel.kind)


def group_way(group: Group) -> WayToReach | None:
    """A group's link, if it has one."""
    link = group.link.strip()
    return WayToReach(LINK_WORD, link) if link else None


def ways_to_reach(store: Store, keys: Iterable[TargetKey]) -> dict[TargetKey, WayToReach]:
    """The way to reach each of ``keys`` that has one (the few people on Today: one read each)."""
    ways: dict[TargetKey, WayToReach] = {}
    for key in dict.fromkeys(keys):
        kind, target_id = key
        way: WayToReach | None = None
        if kind == PERSON:
            people = reads.people(store.db, id=target_id)
            way = person_way(people[0]) if people else None
        elif kind == GROUP:
            groups = reads.groups(store.db, id=target_id)
            way = group_way(groups[0]) if groups else None
        if way is not None:
            ways[key] = way
    return ways
