"""A care team's view of the circle map: the same nodes, its focus person in the centre."""

from __future__ import annotations

import math

from supportnet.circle_map import geometry as ml
from supportnet.circle_map.focus import YOU_KEY, YOU_LABEL, centred_on
from supportnet.circle_map.geometry import MapNode
from supportnet.circle_map.layout import layout
from supportnet.model.network import Circle, LifeDomain

MUM = MapNode(("person", 1), "Mum", Circle.INNER, LifeDomain.FAMILY)
ROSIE = MapNode(("person", 2), "Rosie", Circle.MIDDLE, LifeDomain.FRIENDS)
OWEN = MapNode(("person", 3), "Owen", Circle.OUTER, LifeDomain.FAMILY)
SAM = MapNode(("person", 4), "Sam", Circle.OUTER, LifeDomain.WORK_SCHOOL)
WALKERS = MapNode(
    ("group", 1), "Walkers", Circle.MIDDLE, LifeDomain.GROUPS_COMMUNITY, is_group=True
)
DAN = MapNode(("person", 5), "Dan", Circle.INNER, LifeDomain.FRIENDS)
NODES = [MUM, ROSIE, OWEN, SAM, WALKERS, DAN]


def test_the_focus_leaves_the_rings_and_the_team_comes_to_the_inner_circle() -> None:
    seen = centred_on(NODES, MUM.key, {ROSIE.key, OWEN.key})
    by_key = {node.key: node for node in seen}
    assert MUM.key not in by_key  # the centre now
    assert by_key[ROSIE.key].circle is Circle.INNER
    assert by_key[ROSIE.key].domain is LifeDomain.FRIENDS  # their own part of life
    assert by_key[OWEN.key].circle is Circle.INNER
    assert by_key[SAM.key] == SAM  # everyone else as they are
    assert by_key[WALKERS.key] == WALKERS
    # The user's own inner circle steps out: the inner circle is the team's alone.
    assert by_key[DAN.key].circle is Circle.MIDDLE
    assert by_key[DAN.key].domain is LifeDomain.FRIENDS
    assert [n.key for n in seen] == [ROSIE.key, OWEN.key, SAM.key, WALKERS.key, DAN.key]
    assert YOU_KEY not in by_key


def test_the_user_on_the_team_is_you_beside_the_focus_person() -> None:
    seen = centred_on(NODES, MUM.key, {ROSIE.key}, you_support=True)
    you = seen[-1]
    assert (you.key, you.label, you.circle, you.domain) == (
        YOU_KEY,
        YOU_LABEL,
        Circle.INNER,
        LifeDomain.FAMILY,
    )


def test_nobody_outside_the_inner_circle_moves_without_a_team() -> None:
    outside = [ROSIE, OWEN, SAM, WALKERS]
    assert centred_on(outside, ("person", 99), set()) == outside


def test_the_team_is_laid_out_inside_the_inner_ring() -> None:
    seen = centred_on(NODES, MUM.key, {ROSIE.key, OWEN.key}, you_support=True)
    placed = {p.node.key: p for p in layout(seen, radius=1000.0)}
    low, high = ml.ring_bounds(Circle.INNER, 1000.0)
    for key in (ROSIE.key, OWEN.key, YOU_KEY):
        distance = math.hypot(placed[key].x, placed[key].y)
        assert low < distance < high, key
    sam = placed[SAM.key]
    assert math.hypot(sam.x, sam.y) > ml.ring_bounds(Circle.OUTER, 1000.0)[0]
