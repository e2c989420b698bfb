"""How wide each part of life's sector is: equal, unless some part of life is crowded.

A crowded part of life gets a wider angle and an emptier one a narrower one, so that names
can be written whole at the size that reads instead of shortened or left out. The widths
depend only on who is where (not on their order) and move in steps, so that a small change
to a network seldom moves its sector lines.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Callable, Sequence

from supportnet.circle_map.cell_shape import _Cell
from supportnet.circle_map.cells import _place_cell
from supportnet.circle_map.geometry import (
    CIRCLE_ORDER,
    DOMAIN_ORDER,
    ELLIPSIS,
    EQUAL_SPANS,
    LABEL_PAD,
    LABEL_START,
    NODE_EXTENT,
    START_ANGLE,
    MapNode,
    Spans,
    label_extent,
    ring_bounds,
    sort_key,
    support_glyphs,
)
from supportnet.model.network import Circle, LifeDomain

#: How much of a cell its labels can cover and still be laid out in lines (cells.py):
#: below this everyone is written whole; the measure of a cell's crowding. The inner ring's
#: cells are narrow wedges, and much of them too narrow for a name.
_PACKING: dict[Circle, float] = {Circle.INNER: 0.22, Circle.MIDDLE: 0.35, Circle.OUTER: 0.4}
#: Text wider than this (in ems) is set on two lines, about half as wide.
_WRAP_FROM = 6.5


def _footprint(node: MapNode, width_of: Callable[[str], float]) -> float:
    """About the area, in ems squared, a node takes with its whole name and letters."""
    text = " ".join(node.label.split()) or "?"
    width = width_of(text)
    lines = 1
    if width > _WRAP_FROM and " " in text:
        words = text.split(" ")
        width = min(
            max(width_of(" ".join(words[:i])), width_of(" ".join(words[i:])))
            for i in range(1, len(words))
        )
        lines = 2
    support = support_glyphs(node.support_types)
    width = max(width, width_of(support) if support else 0.0)
    above, below = label_extent(lines, bool(support))
    reach = NODE_EXTENT + LABEL_START + 2 * LABEL_PAD + width + 0.2
    return reach * (max(2 * NODE_EXTENT, above + below) + 0.3)


def sector_spans(
    nodes: Sequence[MapNode],
    *,
    em: float,
    width_of: Callable[[str], float],
    radius: float = 1000.0,
) -> Spans:
    """Each sector's start and end angle for these nodes (see :data:`EQUAL_SPANS`).

    Equal when no cell is crowded. Otherwise each part of life gets an angle in proportion
    to the crowding of its most crowded ring (in steps), never narrower than
    :data:`_NARROWEST`, or :data:`_INNER_ONE` / :data:`_INNER_MORE` with one or more people
    in its inner ring, nor wider than :data:`_WIDEST`. (A ring laid out whole, a team
    view's, has no sectors: ``layout_spans`` leaves its nodes out.)
    """
    covered: dict[tuple[Circle, LifeDomain], float] = {}
    inner: dict[LifeDomain, int] = {}
    for node in nodes:
        key = (node.circle, node.domain)
        covered[key] = covered.get(key, 0.0) + _footprint(node, width_of) * em * em
        if node.circle is Circle.INNER:
            inner[node.domain] = inner.get(node.domain, 0) + 1
    if not covered:
        return EQUAL_SPANS
    crowding = []
    for domain in DOMAIN_ORDER:
        worst = 0.0
        for circle in CIRCLE_ORDER:
            low, high = ring_bounds(circle, radius)
            cell_area = (high * high - low * low) * math.pi / len(DOMAIN_ORDER)
            fill = covered.get((circle, domain), 0.0) / (_PACKING[circle] * cell_area)
            worst = max(worst, fill)
        crowding.append(worst)
    if max(crowding) <= 1.0:
        return EQUAL_SPANS
    shares = [max(_STEP, math.ceil(c / _STEP) * _STEP) for c in crowding]
    least = [
        (_INNER_MORE if inner[d] > 1 else _INNER_ONE) if d in inner else _NARROWEST
        for d in DOMAIN_ORDER
    ]
    # Settled from equal sectors and from sectors in proportion to the area their names
    # need: the first keeps the lines where they were when a little crowding is to be
    # eased, the second reaches further when a part of life is very crowded. The better
    # of the two is taken (the first when nobody is left out or written smaller by it).
    if len(nodes) > _SETTLED_NETWORK:
        return _spans_from(_bounded(shares, least))
    eased = _settled(EQUAL_SPANS, nodes, em, width_of, radius)
    if eased[1] < _LEFT_OUT:
        return eased[0]
    reached = _settled(_spans_from(_bounded(shares, least)), nodes, em, width_of, radius)
    return reached[0] if reached[1] < eased[1] else eased[0]


#: Crowding is rounded up to steps of this much of a full cell, so that one more or one
#: fewer person seldom moves the lines.
_STEP = 0.5
#: A sector is never narrower than this (an empty part of life stays a place to drop
#: someone, with room for a name in the middle and outer rings); with someone in its inner
#: ring (whose cells are narrow wedges) never narrower than these; nor wider than this.
_NARROWEST = math.radians(30)
_INNER_ONE = math.radians(48)
_INNER_MORE = math.radians(60)
_WIDEST = math.radians(150)


#: The line between two sectors moves by this much at a time, at most this many times.
_NUDGE = math.radians(4)
_NUDGES = 30
#: What a name left out (or written smaller than reads) costs; a shortened one costs less.
_LEFT_OUT = 100.0
#: How far a line may move in one go (a cell's room doesn't grow evenly with its angle:
#: a little more may change nothing where a little more again makes room).
_STEPS = tuple(k * _NUDGE for k in (1, -1, 2, -2, 3, -3, 4, -4, 5, -5, 6, -6))
#: Two neighbouring lines moving together (a sector shifted whole) move less far.
_RUN_STEPS = _STEPS[:6]
#: Cells of more than this many are left as the area says: laying them out again and
#: again would be slow, and they are seldom the ones a line's move helps.
_SETTLED_UP_TO = 16
#: Networks of more than this many people and groups take sectors as the area says:
#: settling lays cells out again and again, too slow for hundreds (each move of a line
#: would be felt), and in such a crowd a line's move helps few names.
_SETTLED_NETWORK = 60


def _settled(
    spans: Spans,
    nodes: Sequence[MapNode],
    em: float,
    width_of: Callable[[str], float],
    radius: float,
) -> tuple[Spans, float]:
    """Move the lines between neighbouring sectors a step at a time, each time the move
    that writes the names on its two sides best (see :func:`_cell_cost`), while one helps. Only
    the two sectors beside a line change, so each try lays out just their cells. The line
    at twelve o'clock stays. Returns the sectors and what their names cost."""
    costs = _Costs(nodes, em, width_of, radius)
    lines = [a0 for a0, _ in spans] + [spans[-1][1]]
    for _ in range(_NUDGES):
        best = _best_move(lines, costs)
        if best is None:
            break
        lines = best
    return tuple(itertools.pairwise(lines)), sum(
        costs.of(k, lines[k], lines[k + 1]) for k in range(len(DOMAIN_ORDER))
    )


class _Costs:
    """What each sector's names cost at the angles tried: each of its cells laid out once
    at each pair of angles (a move of a line changes the cells beside it only)."""

    def __init__(
        self,
        nodes: Sequence[MapNode],
        em: float,
        width_of: Callable[[str], float],
        radius: float,
    ) -> None:
        cells: dict[tuple[Circle, LifeDomain], list[MapNode]] = {}
        for node in nodes:
            cells.setdefault((node.circle, node.domain), []).append(node)
        for members in cells.values():
            members.sort(key=sort_key)
        self.cells = cells
        #: Each sector's rings with someone to name, from the centre out.
        self.rings = [
            [c for c in CIRCLE_ORDER if 0 < len(cells.get((c, d), ())) <= _SETTLED_UP_TO]
            for d in DOMAIN_ORDER
        ]
        self.em, self.width_of, self.radius = em, width_of, radius
        self.found: dict[tuple[Circle, int, float, float], tuple[float, ...]] = {}

    def known(self, circle: Circle, index: int, a0: float, a1: float) -> bool:
        return (circle, index, round(a0, 9), round(a1, 9)) in self.found

    def of_cell(self, circle: Circle, index: int, a0: float, a1: float) -> tuple[float, ...]:
        """What each name of one cell costs, in order (see :func:`_cell_cost`)."""
        key = (circle, index, round(a0, 9), round(a1, 9))
        found = self.found.get(key)
        if found is None:
            domain = DOMAIN_ORDER[index]
            trial = (*EQUAL_SPANS[:index], (a0, a1), *EQUAL_SPANS[index + 1 :])
            cell = _Cell(circle, domain, self.radius, spans=trial)
            members = self.cells[(circle, domain)]
            found = self.found[key] = _cell_cost(cell, members, self.em, self.width_of)
        return found

    def of(self, index: int, a0: float, a1: float) -> float:
        """What a sector's names cost between these angles."""
        total = 0.0
        for circle in self.rings[index]:
            for cost in self.of_cell(circle, index, a0, a1):
                total += cost
        return total


#: A move that may lower the cost by less than the best found, by more than rounding, is
#: passed over.
_ROUNDING = 1e-6


def _best_move(lines: list[float], costs: _Costs) -> list[float] | None:
    """The lines after the move that lowers the cost most (the first such in the order
    moves are listed), or None when no move lowers it.

    A move can lower the cost by at most what its sectors cost now, so moves are tried
    from the costliest sectors on; once the best gain found is more than a move's sectors
    cost, or than that less what some of its moved sectors cost already, the move (and,
    in the first case, every move after it) is passed over before its other sectors are
    laid out: the same move is found as trying every one, with far fewer cells laid out.
    """
    count = len(DOMAIN_ORDER)
    moves: list[tuple[float, int, int, int, list[float]]] = []
    # Move one line, or two side by side together (a sector shifted whole).
    for first in range(1, count):
        for last in range(first, min(first + 2, count)):
            before = 0.0
            for k in range(first - 1, last + 1):
                before += costs.of(k, lines[k], lines[k + 1])
            if before == 0:
                continue
            for step in _STEPS if first == last else _RUN_STEPS:
                moved = list(lines)
                for k in range(first, last + 1):
                    moved[k] += step
                widths = [moved[k + 1] - moved[k] for k in range(first - 1, last + 1)]
                if all(_NARROWEST <= w <= _WIDEST for w in widths):
                    moves.append((before, len(moves), first, last, moved))
    moves.sort(key=lambda move: (-move[0], move[1]))
    best: tuple[float, int, list[float]] | None = None
    floor = 1e-9  # the gain a move must pass
    for before, order, first, last, moved in moves:
        if best is not None and not (before > floor or (before == floor and order < best[1])):
            break  # sorted: no later move can lower the cost more either
        cells = [
            (circle, k, moved[k], moved[k + 1])
            for k in range(first - 1, last + 1)
            for circle in costs.rings[k]
        ]
        # Cells already laid out first (they may rule the move out for nothing), then the
        # most crowded (the likeliest to cost most).
        cells.sort(
            key=lambda c: (not costs.known(*c), -len(costs.cells[(c[0], DOMAIN_ORDER[c[1]])]))
        )
        after = 0.0
        for cell in cells:
            after += sum(costs.of_cell(*cell))
            if before - after < floor - _ROUNDING:
                break  # what is left can only cost more
        else:
            # Summed in order, as the sectors' costs are everywhere.
            after = 0.0
            for k in range(first - 1, last + 1):
                after += costs.of(k, moved[k], moved[k + 1])
            gain = before - after
            if gain > floor or (best is not None and gain == floor and order < best[1]):
                best = (gain, order, moved)
                floor = gain
    return None if best is None else best[2]


def _cell_cost(
    cell: _Cell, members: list[MapNode], em: float, width_of: Callable[[str], float]
) -> tuple[float, ...]:
    """How far each name in a cell is from whole, in order of the give-way: letters left
    out, the name they are called, under the mark, shortened, left out or smaller (a
    sector's cost is these summed in order, ring by ring)."""
    costs: list[float] = []
    size, placed = _place_cell(cell, members, em, width_of, 0, trial=True)
    for one in placed:
        shown = one.label_text.replace("\n", " ")
        if size or not shown:
            # Written smaller (each step smaller costs more, so that widening a sector
            # step by step shows as better) or left out.
            costs.append(_LEFT_OUT + 20.0 * size)
        elif ELLIPSIS in shown and shown != " ".join(one.node.label.split()):
            costs.append(10.0 + 0.5 * max(0, len(one.node.label) - len(shown)))
        else:
            costs.append((shown != " ".join(one.node.label.split())) + 1.5 * one.label_below)
            costs.append(0.3 * (bool(one.node.support_types) and not one.support_text))
    return tuple(costs)


def _bounded(shares: list[float], least: list[float]) -> list[float]:
    """Angles in proportion to ``shares`` where they can be, never under ``least`` nor over
    :data:`_WIDEST`, summing to a turn (the proportion is found by halving)."""

    def angles_at(scale: float) -> list[float]:
        return [
            min(_WIDEST, max(low, scale * share)) for share, low in zip(shares, least, strict=True)
        ]

    low, high = 0.0, 2 * math.pi / min(shares)
    for _ in range(60):
        middle = (low + high) / 2
        if sum(angles_at(middle)) > 2 * math.pi:
            high = middle
        else:
            low = middle
    angles = angles_at(low)
    # What halving leaves over (or too much, when the bounds alone pass a turn) is shared
    # in proportion.
    total = sum(angles)
    return [a * 2 * math.pi / total for a in angles]


def _spans_from(angles: list[float]) -> Spans:
    spans = []
    start = START_ANGLE
    for angle in angles:
        spans.append((start, start + angle))
        start += angle
    # The last sector ends exactly where the first begins, a turn on.
    last = spans[-1]
    spans[-1] = (last[0], START_ANGLE + 2 * math.pi)
    return tuple(spans)
