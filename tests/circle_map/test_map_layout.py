"""The circle map's geometry: every node in its own ring and sector, no label over another."""

from __future__ import annotations

import math
import random
import time
from collections.abc import Sequence

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from supportnet.circle_map import geometry as ml
from supportnet.circle_map.cells import _FEW
from supportnet.circle_map.geometry import MapNode, PlacedNode, Rect, locate
from supportnet.circle_map.layout import layout, layout_spans
from supportnet.model.network import Circle, LifeDomain, SupportType

FIRST = [
    "Sam",
    "Alex",
    "Jo",
    "Priya",
    "Mohammed",
    "Rose",
    "Lucy",
    "Chris",
    "Kim",
    "Taylor",
    "Morgan",
    "Jamie",
    "Elena",
    "Tomasz",
    "Aisha",
    "Ben",
    "Chloe",
    "Dmitri",
    "Fatima",
    "George",
    "Hannah",
    "Inés",
    "Jun",
    "Kwame",
    "Leila",
    "Mateo",
    "Nora",
    "Oscar",
    "Pia",
    "Zoë",
]
LAST = [
    "Lee",
    "Smith",
    "Okafor",
    "Nguyen",
    "García",
    "Kowalski",
    "Brown",
    "Haddad",
    "Andersson-Whitfield",
    "O'Neill",
]


def _people(count: int, seed: int = 1, skew: int = 0) -> list[MapNode]:
    """Realistic networks: most people in the outer ring; ``skew`` of them in one cell."""
    rng = random.Random(seed)
    nodes = []
    for i in range(count):
        if i < skew:
            circle, domain = Circle.OUTER, LifeDomain.FRIENDS
        else:
            circle = rng.choices(list(Circle), weights=[1, 3, 10])[0]
            domain = rng.choice(list(LifeDomain))
        name = rng.choice(FIRST)
        if rng.random() < 0.6:
            name += " " + rng.choice(LAST)
        support = frozenset(s for s in SupportType if rng.random() < 0.3)
        nodes.append(MapNode(("person", i), name, circle, domain, support, rng.random(), "", False))
    return nodes


def _overlap(a: Rect, b: Rect) -> bool:
    ax, ay, aw, ah = a
    bx, by, bw, bh = b
    if aw <= 0 or ah <= 0 or bw <= 0 or bh <= 0:
        return False
    return ax < bx + bw and bx < ax + aw and ay < by + bh and by < ay + ah


def _collisions(placed: Sequence[PlacedNode]) -> list[tuple[str, str]]:
    """Pairs of nodes whose label or footprint overlaps the other's label or footprint."""
    boxes = []
    for p in placed:
        boxes.append((p.node.label, p.node.key, p.label_rect))
        boxes.append((p.node.label, p.node.key, p.node_rect))
    # Sweep along x so that 1,000 nodes stay quick.
    boxes.sort(key=lambda b: b[2][0])
    found = []
    for i, (name, key, rect) in enumerate(boxes):
        right = rect[0] + rect[2]
        for other_name, other_key, other in boxes[i + 1 :]:
            if other[0] >= right:
                break
            if other_key != key and _overlap(rect, other):
                found.append((name, other_name))
    return found


def _outside_own_cell(placed: Sequence[PlacedNode], spans: ml.Spans | None = None) -> list[str]:
    """Nodes whose centre, label or footprint reaches out of their own ring and sector
    (the sectors as laid out for them: wider where a part of life is crowded)."""
    if spans is None:
        spans = layout_spans([p.node for p in placed])
    wrong = []
    for p in placed:
        cell = (p.node.circle, p.node.domain)
        points = [(p.x, p.y)]
        for x, y, w, h in (p.label_rect, p.node_rect):
            if w > 0:
                points += [(x, y), (x + w, y), (x, y + h), (x + w, y + h)]
        if any(locate(x, y, spans=spans) != cell for x, y in points):
            wrong.append(p.node.label)
    return wrong


node_strategy = st.builds(
    MapNode,
    key=st.tuples(st.sampled_from(["person", "group"]), st.integers(0, 10**6)),
    label=st.text(
        alphabet=st.sampled_from("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ éøü-'()"),
        min_size=0,
        max_size=40,
    ),
    circle=st.sampled_from(list(Circle)),
    domain=st.sampled_from(list(LifeDomain)),
    support_types=st.frozensets(st.sampled_from(list(SupportType))),
    quietness=st.floats(0.0, 1.0),
    is_group=st.booleans(),
)


def _unique(nodes: list[MapNode]) -> list[MapNode]:
    seen: dict[tuple[str, int], MapNode] = {}
    for node in nodes:
        seen.setdefault(node.key, node)
    return list(seen.values())


# --- locate() inverts layout() -------------------------------------------------------------


def test_locate_names_each_ring_and_sector() -> None:
    for circle in ml.CIRCLE_ORDER:
        low, high = ml.ring_bounds(circle)
        for domain in ml.DOMAIN_ORDER:
            a0, a1 = ml.sector_angles(domain)
            r, a = (low + high) / 2, (a0 + a1) / 2
            assert locate(r * math.cos(a), r * math.sin(a)) == (circle, domain)


def test_locate_is_none_on_me_and_outside() -> None:
    assert locate(0.0, 0.0) is None
    assert locate(ml.me_radius() * 0.9, 0.0) is None
    assert locate(1000.5, 0.0) is None
    assert locate(0.0, -2000.0) is None
    assert locate(0.0, -999.0) == (Circle.OUTER, LifeDomain.HOUSEHOLD)


def test_sectors_go_clockwise_from_twelve() -> None:
    # Screen coordinates: y grows downwards, so "just right of twelve o'clock" is (+x, -y).
    assert locate(10.0, -800.0) == (Circle.OUTER, LifeDomain.HOUSEHOLD)
    assert locate(-10.0, -800.0) == (Circle.OUTER, LifeDomain.ONLINE)
    assert locate(800.0, 10.0) == (Circle.OUTER, LifeDomain.FRIENDS)
    assert locate(10.0, 800.0) == (Circle.OUTER, LifeDomain.WORK_SCHOOL)


def test_locate_scales_with_the_radius() -> None:
    assert locate(0.0, -450.0, radius=500.0) == (Circle.OUTER, LifeDomain.HOUSEHOLD)
    assert locate(0.0, -450.0, radius=1000.0) == (Circle.MIDDLE, LifeDomain.HOUSEHOLD)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(node_strategy, max_size=60))
def test_every_node_lands_in_its_own_cell(nodes: list[MapNode]) -> None:
    nodes = _unique(nodes)
    placed = layout(nodes)
    assert [p.node for p in placed] == nodes
    spans = layout_spans(nodes)
    for p in placed:
        assert locate(p.x, p.y, spans=spans) == (p.node.circle, p.node.domain)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(node_strategy, min_size=100, max_size=150), st.floats(300.0, 3000.0))
def test_no_overlaps_at_dunbar_scale_random(nodes: list[MapNode], radius: float) -> None:
    nodes = _unique(nodes)
    placed = layout(nodes, radius=radius)
    assert _collisions(placed) == []
    spans = layout_spans(nodes, radius=radius)
    for p in placed:
        assert locate(p.x, p.y, radius=radius, spans=spans) == (p.node.circle, p.node.domain)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(0, 10**6), st.integers(40, 90))
def test_no_overlaps_when_one_cell_is_crowded(seed: int, crowd: int) -> None:
    nodes = _people(150, seed=seed, skew=crowd)
    placed = layout(nodes)
    assert _collisions(placed) == []
    assert _outside_own_cell(placed) == []
    # A name is left out only in a cell of a few, where others are named at the full size
    # rather than everyone smaller; a printed map names everyone.
    _unnamed_only_among_a_few(placed)
    assert all(p.label_text for p in layout(nodes, every_name=True))


def test_realistic_150_keeps_every_label_inside_its_cell_and_whole() -> None:
    placed = layout(_people(150, seed=7))
    assert _collisions(placed) == []
    assert _outside_own_cell(placed) == []
    # A name at the size that reads (shortened if need be) beats a whole one written smaller,
    # which the map shows only zooming in: 15 of these 150 before issue 13's give-way
    # (called names, shortening at the full size, wider crowded sectors), 24 now.
    base = ml.BASE_FONT * 1000.0
    readable = sum(1 for p in placed if p.label_text and p.font_size == pytest.approx(base))
    assert readable >= 0.15 * len(placed)
    _unnamed_only_among_a_few(placed)


def _unnamed_only_among_a_few(placed: list[ml.PlacedNode]) -> None:
    cells: dict[tuple[Circle, LifeDomain], list[ml.PlacedNode]] = {}
    for p in placed:
        cells.setdefault((p.node.circle, p.node.domain), []).append(p)
    for members in cells.values():
        if any(not p.label_text for p in members):
            assert len(members) <= _FEW
            base = ml.BASE_FONT * 1000.0 * ml.RING_FONT[members[0].node.circle]
            assert all(p.font_size == pytest.approx(base) for p in members)
            assert any(p.label_text for p in members)


def test_labels_are_the_name_or_its_start_with_an_ellipsis() -> None:
    long = "Alexandra Bartholomew-Featherstonehaugh of the Community Garden Collective"
    nodes = [*_people(40, seed=3), MapNode(("group", 1), long, Circle.INNER, LifeDomain.FAMILY)]
    for p in layout(nodes):
        shown = p.label_text.replace("\n", " ")
        if shown and shown != p.node.label:
            assert shown.endswith(ml.ELLIPSIS)
            start = shown[:-1].rstrip()
            assert p.node.label.startswith(start.split(" ")[0])
        assert p.label_text.count("\n") <= 1


def test_a_blank_label_still_gets_a_mark() -> None:
    (placed,) = layout([MapNode(("person", 1), "   ", Circle.INNER, LifeDomain.FAMILY)])
    assert placed.label_text == "?"


def test_support_letters_come_in_a_fixed_order() -> None:
    support = frozenset({SupportType.CRISIS, SupportType.EMOTIONAL, SupportType.PRACTICAL})
    assert ml.support_glyphs(support) == "E P +"
    (placed,) = layout([MapNode(("person", 1), "Sam", Circle.INNER, LifeDomain.FAMILY, support)])
    assert placed.support_text == "E P +"
    assert ml.support_glyphs(frozenset()) == ""


def test_every_ring_writes_names_at_the_size_that_reads() -> None:
    """No ring writes smaller than the base size (9 pt and more at the default fit): the
    outer ring's names used to be 0.85 of it, 7 pt on screen."""
    nodes = [
        MapNode(("person", 1), "Sam", Circle.INNER, LifeDomain.FAMILY),
        MapNode(("person", 2), "Kim", Circle.MIDDLE, LifeDomain.FAMILY),
        MapNode(("person", 3), "Jo", Circle.OUTER, LifeDomain.FAMILY),
    ]
    for placed in layout(nodes):
        assert placed.font_size == pytest.approx(ml.BASE_FONT * 1000.0)
        assert placed.label_text == placed.node.label


def test_measure_sets_label_widths() -> None:
    node = MapNode(("person", 1), "Sam", Circle.OUTER, LifeDomain.WORK_SCHOOL)
    narrow = layout([node], measure=lambda text: 0.4 * len(text))[0]
    wide = layout([node], measure=lambda text: 0.8 * len(text))[0]
    assert wide.label_rect[2] > narrow.label_rect[2]


def test_labels_point_away_from_the_centre() -> None:
    right = MapNode(("person", 1), "Sam", Circle.OUTER, LifeDomain.FRIENDS)
    left = MapNode(("person", 2), "Kim", Circle.OUTER, LifeDomain.NEIGHBOURS)
    placed_right, placed_left = layout([right, left])
    assert placed_right.label_side == 1
    assert placed_right.label_rect[0] > placed_right.x
    assert placed_left.label_side == -1
    assert placed_left.label_rect[0] + placed_left.label_rect[2] < placed_left.x


# --- determinism and stability -----------------------------------------------------------------


def _by_key(placed: Sequence[PlacedNode]) -> dict[tuple[str, int], PlacedNode]:
    return {p.node.key: p for p in placed}


def test_same_nodes_in_any_order_give_the_same_map() -> None:
    nodes = _people(150, seed=11)
    shuffled = list(nodes)
    random.Random(5).shuffle(shuffled)
    assert _by_key(layout(nodes)) == _by_key(layout(shuffled))
    assert layout(nodes) == layout(list(nodes))


def test_adding_someone_leaves_the_other_rings_as_they_were() -> None:
    """While the sectors stay (their widths move in steps of crowding, so one more person
    in most parts of life leaves them), someone new moves nobody in the other rings."""
    nodes = _people(150, seed=13)
    spans = layout_spans(nodes)
    staying = []
    for domain in ml.DOMAIN_ORDER:
        newcomer = MapNode(("person", 999), "Jo", Circle.OUTER, domain)
        if layout_spans([*nodes, newcomer]) == spans:
            staying.append(newcomer)
    assert len(staying) >= len(ml.DOMAIN_ORDER) // 2
    newcomer = staying[0]
    before = _by_key(layout(nodes))
    after = _by_key(layout([*nodes, newcomer]))
    for key, placed in before.items():
        if placed.node.circle is not Circle.OUTER:
            assert after[key] == placed
    assert locate(after[newcomer.key].x, after[newcomer.key].y, spans=spans) == (
        Circle.OUTER,
        newcomer.domain,
    )


def test_sectors_are_equal_unless_a_part_of_life_is_crowded() -> None:
    few = [MapNode(("person", i), "Sam", Circle.OUTER, d) for i, d in enumerate(LifeDomain)]
    assert layout_spans(few) == ml.EQUAL_SPANS
    crowded = [
        *few,
        *(
            MapNode(("person", 10 + i), f"Friend {i}", Circle.INNER, LifeDomain.FRIENDS)
            for i in range(6)
        ),
    ]
    spans = layout_spans(crowded)
    width = {d: spans[i][1] - spans[i][0] for i, d in enumerate(ml.DOMAIN_ORDER)}
    assert width[LifeDomain.FRIENDS] > max(
        w for d, w in width.items() if d is not LifeDomain.FRIENDS
    )
    assert sum(width.values()) == pytest.approx(2 * math.pi)
    assert min(width.values()) >= math.radians(29.9)
    assert spans[0][0] == pytest.approx(ml.START_ANGLE)


def test_order_within_a_cell_follows_the_labels() -> None:
    names = ["Zoë", "ada", "Bea", "Cy"]
    nodes = [
        MapNode(("person", i), name, Circle.OUTER, LifeDomain.GROUPS_COMMUNITY)
        for i, name in enumerate(names)
    ]
    placed = layout(nodes)
    # Lines go top to bottom; within a line, left to right.
    reading = sorted(placed, key=lambda p: (round(p.y, 3), p.x))
    assert [p.node.label for p in reading] == sorted(names, key=str.casefold)


def test_empty_network() -> None:
    assert layout([]) == []


# --- big networks --------------------------------------------------------------------------


def test_a_thousand_nodes_stay_in_their_cells_and_mostly_apart() -> None:
    nodes = _people(1000, seed=17)
    started = time.perf_counter()
    placed = layout(nodes)
    elapsed = (time.perf_counter() - started) * 1000
    hidden = sum(1 for p in placed if not p.label_text)
    print(f"\nlayout of 1,000 nodes: {elapsed:.0f} ms, {hidden} labels hidden")
    assert len(placed) == 1000
    spans = layout_spans(nodes)
    for p in placed:
        assert locate(p.x, p.y, spans=spans) == (p.node.circle, p.node.domain)
    assert _collisions(placed) == []


def test_hundreds_in_one_cell_fall_back_to_bare_marks_in_the_cell() -> None:
    nodes = _people(600, seed=19, skew=600)
    placed = layout(nodes)
    spans = layout_spans(nodes)
    assert {locate(p.x, p.y, spans=spans) for p in placed} == {(Circle.OUTER, LifeDomain.FRIENDS)}
    hidden = [p for p in placed if not p.label_text]
    assert hidden, "600 names can't all be written in one cell"
    assert all(p.label_rect[2] == 0 for p in hidden)


def test_timing_of_typical_sizes() -> None:
    for count in (25, 150, 1000):
        nodes = _people(count, seed=23)
        best = math.inf
        for _ in range(3):
            started = time.perf_counter()
            placed = layout(nodes)
            best = min(best, time.perf_counter() - started)
        print(f"\nlayout of {count} nodes: best of 3 {best * 1000:.1f} ms")
        assert len(placed) == count
