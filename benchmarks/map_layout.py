"""Laying out the circle map: the example network's 28 people and groups, and 150 people.

`map_layout_ms` is one whole layout as the map does on every change to the network:
the sectors' widths worked out (circle_map/sectors.py moves their lines while that names
people better) and every cell placed. The baseline in the same run is the layout with
equal sectors (`map_equal_ms`, no settling), and the ratio between them is what widening
crowded parts of life costs. Medians of several runs, widths by character count (no Qt).
Goals: map_layout_ms <= 15 for the example network, <= 25 for 150 people.

Run alone: `.venv/bin/python -m benchmarks.map_layout` (scale.py prints it with the rest).
"""

from __future__ import annotations

import random
import statistics
import time
from collections.abc import Sequence
from datetime import date

from supportnet.circle_map.geometry import EQUAL_SPANS, MapNode, Spans
from supportnet.circle_map.layout import layout
from supportnet.demo.builder import build_demo_network
from supportnet.model.network import (
    Circle,
    Group,
    LifeDomain,
    Person,
    SupportType,
    first_name_of,
)

ROUNDS = 7
NAMES = ("Sam", "Priya", "Mohammed", "Rose", "Chris", "Elena", "Tomasz", "Aisha", "Kwame", "Zoë")
SURNAMES = ("Lee", "Okafor", "Nguyen", "García", "Andersson-Whitfield", "O'Neill")


def demo_nodes() -> list[MapNode]:
    """The example network's people and groups as the map draws them."""
    network = build_demo_network(date(2026, 3, 10), "Europe/London")
    nodes = []
    members: list[Person | Group] = [*network.people, *network.groups]
    for number, member in enumerate(members):
        if member.domain is None:
            continue
        person = isinstance(member, Person)
        called = first_name_of(member.name, member.nickname) if isinstance(member, Person) else ""
        nodes.append(
            MapNode(
                ("person" if person else "group", number),
                member.display_name,
                member.circle,
                member.domain,
                frozenset(member.support_types),
                is_group=not person,
                called=called if called != member.display_name else "",
            )
        )
    return nodes


def many_people(count: int, seed: int = 23) -> list[MapNode]:
    """A made-up network, most people in the outer ring (as networks are)."""
    rng = random.Random(seed)
    nodes = []
    for number in range(count):
        first = rng.choice(NAMES)
        name = f"{first} {rng.choice(SURNAMES)}" if rng.random() < 0.6 else first
        nodes.append(
            MapNode(
                ("person", number),
                name,
                rng.choices(list(Circle), weights=[1, 3, 10])[0],
                rng.choice(list(LifeDomain)),
                frozenset(s for s in SupportType if rng.random() < 0.3),
                called=first if name != first else "",
            )
        )
    return nodes


def _median_ms(nodes: Sequence[MapNode], spans: Spans | None, rounds: int) -> float:
    samples = []
    for _ in range(rounds):
        begin = time.perf_counter()
        layout(nodes, spans=spans)
        samples.append(time.perf_counter() - begin)
    return statistics.median(samples) * 1000


def map_figures(rounds: int = ROUNDS) -> dict[str, tuple[float, float]]:
    """For the example network and for 150 people: (map_layout_ms, map_equal_ms)."""
    figures = {}
    for name, nodes in (("example network", demo_nodes()), ("150 people", many_people(150))):
        figures[name] = (_median_ms(nodes, None, rounds), _median_ms(nodes, EQUAL_SPANS, rounds))
    return figures


def main() -> None:
    for name, (settled, equal) in map_figures().items():
        print(f"map ({name}): map_layout_ms: {settled:.1f}")
        print(
            f"map ({name}): map_equal_ms: {equal:.1f}  (equal sectors, the baseline; "
            f"ratio {settled / equal:.1f})"
        )


if __name__ == "__main__":
    main()
