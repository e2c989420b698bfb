"""Where each person and group sits on the circle map: rings, sectors and label placement."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from supportnet.circle_map.cell_shape import _Cell
from supportnet.circle_map.cells import _place_cell
from supportnet.circle_map.geometry import (
    BASE_FONT,
    CHAR_WIDTH,
    RING_FONT,
    MapNode,
    PlacedNode,
    Spans,
    sort_key,
)
from supportnet.circle_map.sectors import sector_spans
from supportnet.model.network import Circle, LifeDomain

#: The halves of a ring laid out whole (see ``layout``'s ``whole_ring``).
_RIGHT, _LEFT = "right", "left"
_Part = LifeDomain | str


def _shape(key: tuple[Circle, _Part], radius: float, spans: Spans) -> _Cell:
    circle, part = key
    if isinstance(part, LifeDomain):
        return _Cell(circle, part, radius, spans=spans)
    return _Cell(circle, None, radius, right=part == _RIGHT)


def _width_cache(
    measure: Callable[[str], float] | None, char_width: float
) -> Callable[[str], float]:
    measure_text = measure if measure is not None else (lambda text: char_width * len(text))
    widths: dict[str, float] = {}

    def width_of(text: str) -> float:
        found = widths.get(text)
        if found is None:
            found = widths[text] = measure_text(text)
        return found

    return width_of


def _spans_of(
    nodes: Sequence[MapNode],
    font_size: float | None,
    width_of: Callable[[str], float],
    radius: float,
    whole_ring: Circle | None,
) -> Spans:
    """The sectors' angles for ``nodes``; a ring laid out whole has none, so its nodes
    don't count."""
    counted = [node for node in nodes if node.circle is not whole_ring]
    return sector_spans(counted, em=_em(font_size, radius), width_of=width_of, radius=radius)


def _em(font_size: float | None, radius: float) -> float:
    return font_size if font_size is not None else BASE_FONT * radius


def layout_spans(
    nodes: Sequence[MapNode],
    *,
    radius: float = 1000.0,
    font_size: float | None = None,
    measure: Callable[[str], float] | None = None,
    char_width: float = CHAR_WIDTH,
    whole_ring: Circle | None = None,
) -> Spans:
    """The sectors' angles :func:`layout` gives these nodes (the map draws its lines so).

    A ring laid out whole has no sectors: its nodes don't count."""
    width_of = _width_cache(measure, char_width)
    return _spans_of(nodes, font_size, width_of, radius, whole_ring)


def layout(
    nodes: Sequence[MapNode],
    *,
    radius: float = 1000.0,
    font_size: float | None = None,
    measure: Callable[[str], float] | None = None,
    char_width: float = CHAR_WIDTH,
    whole_ring: Circle | None = None,
    every_name: bool = False,
    spans: Spans | None = None,
) -> list[PlacedNode]:
    """Place every node, with its label and markers, inside its own ring and sector.

    Within a cell, nodes are set in horizontal lines like text, in order of their labels,
    spread evenly over the cell. Nothing overlaps anything else, and nothing crosses a ring
    or sector line.

    Args:
        nodes: what to place, in any order; the result is the same for the same nodes.
        radius: radius of the outer ring in map units.
        font_size: base label size in map units (default :data:`BASE_FONT` of the
            radius). Crowded cells use a smaller size (the map draws a name only when it is
            9 pt or more on screen, so those are read by zooming in), shorten long labels
            with "…", and as a last resort (hundreds of people in one cell) hide labels.
        measure: width of a text at a font size of 1, e.g. Qt font metrics divided by the
            font's pixel size. Without it every character is ``char_width`` ems wide.
        char_width: see ``measure``.
        whole_ring: a ring laid out as one, its sectors ignored (a care team's view: the
            team in the inner circle isn't about parts of life, and a team mostly from one
            part of life would otherwise crowd one narrow sector). Its nodes, in order of
            their labels, fill its right half and then its left half, the first half taking
            the odd one, so nothing crosses the vertical line through the centre; the map
            leaves that ring's sector lines out.
        every_name: a name for everyone, smaller where need be (print); on screen a
            crowded cell of a few names as many as fit at the size that reads instead.
        spans: the sectors' angles; by default :func:`layout_spans` of the same nodes and
            ``whole_ring``.

    Returns:
        One :class:`PlacedNode` per node, in the order of ``nodes``.
    """
    em = _em(font_size, radius)
    # One cache of text widths for the sector search and the cells: measured once each.
    width_of = _width_cache(measure, char_width)
    if spans is None:
        spans = _spans_of(nodes, font_size, width_of, radius, whole_ring)

    cells: dict[tuple[Circle, _Part], list[MapNode]] = {}
    whole: list[MapNode] = []
    for node in nodes:
        if node.circle is whole_ring:
            whole.append(node)
        else:
            cells.setdefault((node.circle, node.domain), []).append(node)
    if whole_ring is not None and whole:
        whole.sort(key=sort_key)
        half = (len(whole) + 1) // 2
        cells[(whole_ring, _RIGHT)] = whole[:half]
        if whole[half:]:
            cells[(whole_ring, _LEFT)] = whole[half:]
    shapes = {key: _shape(key, radius, spans) for key in cells}
    done: dict[tuple[Circle, _Part], tuple[int, list[PlacedNode]]] = {}
    for key, members in cells.items():
        members.sort(key=sort_key)
        done[key] = _place_cell(
            shapes[key], members, em * RING_FONT[key[0]], width_of, 0, every_name
        )
    placed = {item.node.key: item for _, items in done.values() for item in items}
    return [placed[node.key] for node in nodes]
