"""A person's or a group's ways to be reached, in words: the plan for hard days shows them,
and so does a care team's rota (apart from :mod:`supportnet.safety.resolve`, so Today's
care card reads a rota without loading the plan's model and words)."""

from __future__ import annotations

from supportnet.model.network import ChannelKind, ContactChannel, Group, Person

__all__ = ["REACH_SEPARATOR", "channel_text", "group_reach", "person_reach"]

#: Ways to reach someone that are a number to ring or text.
_NUMBERS = (ChannelKind.CALL, ChannelKind.TEXT)
#: Between ways to reach someone on one line.
REACH_SEPARATOR = " · "


def channel_text(channel: ContactChannel) -> str:
    """A way to reach someone in the words the rest of the app uses: "Phone call: 0123…"."""
    label = channel.kind.label
    return f"{label}: {channel.value}" if channel.value else label


def person_reach(person: Person, *, numbers: bool = False) -> str:
    """Their preferred way to be reached (else their first), or "". With ``numbers``, then
    every phone or text number not shown already: "In person: … · Phone call: 01632 …"."""
    preferred = person.preferred_channel
    if preferred is None:
        return ""
    ways = [channel_text(preferred)]
    if numbers:
        shown = {preferred.value} if preferred.kind in _NUMBERS else set()
        for channel in person.channels:
            if channel.kind in _NUMBERS and channel.value and channel.value not in shown:
                shown.add(channel.value)
                ways.append(channel_text(channel))
    return REACH_SEPARATOR.join(ways)


def group_reach(group: Group) -> str:
    """Where a group meets and its link, as far as they are known."""
    return ", ".join(part for part in (group.place, group.link) if part)
