"""A care team's view of the circle map: its focus person in the centre, the team around them.

The same people as the user's own map, not a second network: the focus person leaves the
rings (they are the centre now), their supporters come to the inner circle, the user among
them when they are on the team ("You"), and everyone else keeps their part of life outside
the team: the user's own inner circle steps out to the middle ring (the inner circle is
the team's alone, so it neither claims closeness to the focus person nor crowds the team's
names), the rest stay where they are. The team keep their own parts of life ("You" the
focus person's), but the view lays the inner circle out as one ring (``TEAM_RING``).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Collection, Sequence

from supportnet.circle_map.geometry import MapNode, NodeKey
from supportnet.i18n import N_, _
from supportnet.model.network import Circle, LifeDomain

__all__ = ["TEAM_RING", "YOU_KEY", "YOU_LABEL", "centred_on"]

#: The user's own node in a team view (no person has id 0).
YOU_KEY: NodeKey = ("me", 0)
#: The user's node's name (marked: shown through ``_()``).
YOU_LABEL = N_("You")
#: The ring that is the team's in a team view, laid out as one (``layout(whole_ring=…)``):
#: a team mostly from one part of life would otherwise crowd one narrow sector.
TEAM_RING = Circle.INNER


def centred_on(
    nodes: Sequence[MapNode],
    focus: NodeKey,
    supporters: Collection[NodeKey],
    *,
    you_support: bool = False,
) -> list[MapNode]:
    """``nodes`` as ``focus``'s team sees them: ``supporters`` (people's keys) move to the
    inner circle, anyone else there to the middle ring, ``focus`` is left out (the
    centre), and ``you_support`` adds the user as "You" in the inner circle. The order of
    ``nodes`` is kept."""
    centre = next((node for node in nodes if node.key == focus), None)
    out: list[MapNode] = []
    for node in nodes:
        if node.key == focus:
            continue
        if node.key in supporters and node.circle is not Circle.INNER:
            out.append(dataclasses.replace(node, circle=Circle.INNER))
        elif node.key not in supporters and node.circle is Circle.INNER:
            out.append(dataclasses.replace(node, circle=Circle.MIDDLE))
        else:
            out.append(node)
    if you_support:
        # Beside them in their own part of life: how the user is in the focus person's life.
        domain = centre.domain if centre is not None else LifeDomain.FAMILY
        out.append(MapNode(YOU_KEY, _(YOU_LABEL), Circle.INNER, domain))
    return out
