"""Laying out one cell of the circle map (a ring's sector): font sizes, lines of nodes, labels."""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass

from supportnet.circle_map.geometry import (
    DOMAIN_ORDER,
    ELLIPSIS,
    LABEL_PAD,
    LABEL_START,
    NODE_EXTENT,
    SUPPORT_SIZE,
    MapNode,
    PlacedNode,
    Rect,
    label_extent,
    ring_bounds,
    ring_label_rect,
    sector_angles,
    support_glyphs,
)
from supportnet.model.network import Circle, LifeDomain

#: Font sizes tried, as fractions of the base size, when a cell is crowded.
_SCALES = (1.0, 0.88, 0.76, 0.66, 0.57, 0.5, 0.43, 0.37, 0.32, 0.27, 0.23, 0.2)
#: At every font size, a name too wide for its cell goes on two lines (or is shortened
#: with "…" as a last resort); only from this size down are other long names made
#: narrower too, to make room: two lines no wider than a cap (in ems), or one line
#: shortened to it.
_CAPS_FROM = 0.57
_FITS: tuple[tuple[float, bool], ...] = ((7.5, True), (7.5, False), (5.0, True), (5.0, False))
#: Every cell of a ring is laid out at this fraction of the base size or larger, when it
#: can be, so one crowded cell does not make every name in the ring small.
_SHARED_SCALE_FLOOR = 0.66
_GAP = 0.1  # ems of air kept between any two rectangles
#: How much of a cell's area its nodes can take at best: starts the search for a font size
#: near the answer instead of at the largest size.
_PACKING = 0.55
#: Cells with more nodes than this are set from the top without spreading them out.
_SPREAD_LIMIT = 40


# --- inside one cell -------------------------------------------------------------------------

Span = tuple[float, float]


class _Cell:
    """One ring-and-sector cell: an annular sector no wider than a half turn.

    With ``domain`` None it is the ring's right half (``right``) or left half: a ring laid
    out whole, its sectors ignored, is set as two halves so that labels still point away
    from the centre.
    """

    __slots__ = ("a0", "a1", "half", "obstacles", "r_in", "r_out", "side", "u0", "u1")

    def __init__(
        self, circle: Circle, domain: LifeDomain | None, radius: float, *, right: bool = True
    ) -> None:
        self.r_in, self.r_out = ring_bounds(circle, radius)
        self.half = domain is None
        if domain is not None:
            self.a0, self.a1 = sector_angles(domain)
        else:
            self.a0 = -math.pi / 2 if right else math.pi / 2
            self.a1 = self.a0 + math.pi
        self.u0 = (math.cos(self.a0), math.sin(self.a0))
        self.u1 = (math.cos(self.a1), math.sin(self.a1))
        # Labels point away from the centre: right on the right half, left on the left.
        self.side = 1 if math.cos((self.a0 + self.a1) / 2) >= -1e-9 else -1
        self.obstacles: list[Rect] = []
        # The ring names sit on the line at twelve o'clock, between the first and last sector.
        if domain is None or DOMAIN_ORDER.index(domain) in (0, len(DOMAIN_ORDER) - 1):
            self.obstacles.append(ring_label_rect(circle, radius))

    def y_range(self) -> tuple[float, float]:
        ys = [r * math.sin(a) for r in (self.r_in, self.r_out) for a in (self.a0, self.a1)]
        for top_or_bottom in (-math.pi / 2, math.pi / 2, 3 * math.pi / 2):
            if self.a0 < top_or_bottom < self.a1:
                ys.append(self.r_out * math.sin(top_or_bottom))
        return min(ys), max(ys)

    def spans(self, top: float, bottom: float, pad: float) -> list[Span]:
        """Where a box from ``top`` to ``bottom`` fits inside the cell, kept ``pad`` inside.

        The cell is the intersection of a disc, the outside of a smaller disc and two
        half-planes, so a box is inside when its corners are and it misses the small disc.
        """
        outer = self.r_out - pad
        far = max(top * top, bottom * bottom)
        if far >= outer * outer:
            return []
        reach = math.sqrt(outer * outer - far)
        lo, hi = -reach, reach
        (u0x, u0y), (u1x, u1y) = self.u0, self.u1
        for y in (top, bottom):
            # Clockwise of the first line: u0x*y - u0y*x >= pad.
            if abs(u0y) < 1e-12:
                if u0x * y < pad:
                    return []
            elif u0y < 0:
                lo = max(lo, (pad - u0x * y) / -u0y)
            else:
                hi = min(hi, (u0x * y - pad) / u0y)
            # Anticlockwise of the second line: x*u1y - y*u1x >= pad.
            if abs(u1y) < 1e-12:
                if -y * u1x < pad:
                    return []
            elif u1y > 0:
                lo = max(lo, (pad + y * u1x) / u1y)
            else:
                hi = min(hi, (pad + y * u1x) / u1y)
        if hi <= lo:
            return []
        spans = [(lo, hi)]
        inner = self.r_in + pad
        near = 0.0 if top <= 0.0 <= bottom else min(abs(top), abs(bottom))
        if near < inner:
            half = math.sqrt(inner * inner - near * near)
            spans = _cut(spans, -half, half)
        for ox, oy, ow, oh in self.obstacles:
            if oy - pad < bottom and top < oy + oh + pad:
                spans = _cut(spans, ox - pad, ox + ow + pad)
        return spans


def _cut(spans: list[Span], lo: float, hi: float) -> list[Span]:
    out = []
    for a, b in spans:
        if b <= lo or hi <= a:
            out.append((a, b))
            continue
        if a < lo:
            out.append((a, lo))
        if hi < b:
            out.append((hi, b))
    return out


@dataclass(slots=True)
class _Item:
    node: MapNode
    lines: tuple[str, ...]
    support: str
    #: Widest line (or support row), in ems, without padding.
    text_width: float
    #: Reach from the node's centre, in map units: left, right, up and down.
    before: float
    after: float
    up: float
    down: float

    @property
    def width(self) -> float:
        return self.before + self.after


@dataclass(slots=True)
class _Band:
    top: float
    spans: list[Span]

    @property
    def room(self) -> float:
        return sum(b - a for a, b in self.spans)


def _bands(cell: _Cell, em: float, height: float, smallest: float, pitch: float) -> list[_Band]:
    """Horizontal lines ``pitch`` apart, top to bottom, that can hold the smallest item."""
    pad = 0.3 * em
    top, bottom = cell.y_range()
    count = int((bottom - top - 2 * pad - height) / pitch) + 1
    if count <= 0:
        return []
    first = (top + bottom) / 2 - height / 2 - (count - 1) * pitch / 2
    bands = []
    for i in range(count):
        y = first + i * pitch
        spans = cell.spans(y, y + height, pad)
        spans = [span for span in spans if span[1] - span[0] >= smallest]
        if spans:
            bands.append(_Band(y, spans))
    return bands


def _typeset(
    bands: list[_Band], items: list[_Item], quotas: list[int] | None, gap: float
) -> list[list[tuple[_Item, int]]] | None:
    """Items into bands in order, left to right; each entry records the item's span index.

    A band takes at most its quota (the last band takes what is left). None when the items
    don't all fit.
    """
    rows: list[list[tuple[_Item, int]]] = []
    index = 0
    for band_index, band in enumerate(bands):
        last = band_index == len(bands) - 1
        quota = len(items) if quotas is None or last else quotas[band_index]
        row: list[tuple[_Item, int]] = []
        span_index = 0
        cursor = band.spans[0][0]
        while index < len(items) and len(row) < quota and span_index < len(band.spans):
            item = items[index]
            if cursor + item.width <= band.spans[span_index][1]:
                row.append((item, span_index))
                cursor += item.width + gap
                index += 1
            else:
                span_index += 1
                if span_index < len(band.spans):
                    cursor = band.spans[span_index][0]
        rows.append(row)
    return rows if index == len(items) else None


def _spread_quotas(bands: list[_Band], count: int) -> list[int]:
    """``count`` items shared over the bands in proportion to their room."""
    total = sum(band.room for band in bands)
    quotas, owed, given = [], 0.0, 0
    for band in bands:
        owed += count * band.room / total
        quota = max(1, round(owed) - given)
        quotas.append(quota)
        given += quota
    return quotas


def _arrange(cell: _Cell, items: list[_Item], em: float) -> list[tuple[_Item, float, float]] | None:
    """Centres for all items in the cell at font size ``em``, or None when they don't fit."""
    if not items:
        return []
    up = max(item.up for item in items)
    height = up + max(item.down for item in items)
    gap = _GAP * em * 2
    pitch = height + _GAP * em * 3
    smallest = min(item.width for item in items)
    bands = _bands(cell, em, height, smallest, pitch)
    rows = _typeset(bands, items, None, gap)
    if rows is None:
        return None
    used = [band for band, row in zip(bands, rows, strict=True) if row]
    chosen_bands, chosen_rows = used, [row for row in rows if row]
    if len(items) <= _SPREAD_LIMIT:
        # Packed from the top they fit; now spread them calmly over the whole cell, on
        # lines at half the pitch so that few nodes can sit evenly apart.
        halves = _bands(cell, em, height, smallest, pitch / 2)
        # A half ring is tall: even when packing took a line each, spread them over it.
        fewest = len(used) - 1 if cell.half else len(used)
        for lines in range(min(len(items), len(bands)), fewest, -1):
            pool = halves if 2 * lines <= len(halves) else bands
            picked = [pool[int((i + 0.5) * len(pool) / lines)] for i in range(lines)]
            spread = _typeset(picked, items, _spread_quotas(picked, len(items)), gap)
            if spread is not None:
                chosen_bands, chosen_rows = picked, spread
                break
    placed = []
    for band, row in zip(chosen_bands, chosen_rows, strict=True):
        for span_index, span in enumerate(band.spans):
            in_span = [item for item, s in row if s == span_index]
            if not in_span:
                continue
            # Share the room left in the span evenly around its items.
            used_width = sum(item.width for item in in_span) + gap * (len(in_span) - 1)
            extra = (span[1] - span[0] - used_width) / len(in_span)
            x = span[0] + extra / 2
            for item in in_span:
                placed.append((item, x + item.before, band.top + up))
                x += item.width + gap + extra
    return placed


def _make_item(
    node: MapNode,
    lines: tuple[str, ...],
    text_width: float,
    em: float,
    side: int,
    width_of: Callable[[str], float],
) -> _Item:
    support = support_glyphs(node.support_types) if lines else ""
    extent = NODE_EXTENT * em
    if not lines:
        return _Item(node, (), "", 0.0, extent, extent, extent, extent)
    widest = max(text_width, width_of(support) * SUPPORT_SIZE if support else 0.0)
    far = extent
    near = max(extent, (LABEL_START + widest + 2 * LABEL_PAD) * em)
    above, below = label_extent(len(lines), bool(support))
    up, down = max(extent, above * em), max(extent, below * em)
    if side > 0:
        return _Item(node, lines, support, widest, far, near, up, down)
    return _Item(node, lines, support, widest, near, far, up, down)


def _fit_label(
    text: str,
    caps: tuple[float, float],
    wrap: bool,
    width_of: Callable[[str], float],
    cut: bool = True,
) -> tuple[tuple[str, ...], float] | None:
    """The label's lines and widest line, in ems.

    One line no wider than ``caps[0]``; failing that (with ``wrap``) two lines no wider
    than ``caps[1]``, split at the space that makes the wider line narrowest, the second
    shortened with "…" if it is still too wide; failing that one line shortened with "…".
    Without ``cut`` nothing is shortened: None when the label can't fit whole.
    """
    one, two = caps
    width = width_of(text)
    if width <= one:
        return (text,), width
    if wrap:
        words = text.split(" ")
        best: tuple[float, str, str] | None = None
        for i in range(1, len(words)):
            first, second = " ".join(words[:i]), " ".join(words[i:])
            widest = max(width_of(first), width_of(second))
            if best is None or widest < best[0]:
                best = (widest, first, second)
        if best is not None and width_of(best[1]) <= two:
            first, second = best[1], best[2]
            if width_of(second) > two:
                if not cut:
                    return None
                second = _shorten(second, two, width_of)[0]
            return (first, second), max(width_of(first), width_of(second))
    if not cut:
        return None
    short, short_width = _shorten(text, one, width_of)
    return (short,), short_width


def _items(
    members: list[MapNode],
    width_of: Callable[[str], float],
    caps: tuple[float, float],
    wrap: bool,
    em: float,
    side: int,
    cut: bool = True,
) -> list[_Item] | None:
    items = []
    for node in members:
        text = " ".join(node.label.split()) or "?"
        fitted = _fit_label(text, caps, wrap, width_of, cut)
        if fitted is None:
            return None
        items.append(_make_item(node, *fitted, em, side, width_of))
    return items


def _label_room(cell: _Cell, em: float, lines: int) -> float:
    """The widest label of so many lines, in ems, that fits anywhere in the cell."""
    above, below = label_extent(lines, True)
    height = max(2 * NODE_EXTENT, above + below) * em
    spans = (span for band in _bands(cell, em, height, 0.0, height / 2) for span in band.spans)
    widest = max((b - a for a, b in spans), default=0.0)
    return widest / em - (NODE_EXTENT + LABEL_START + 2 * LABEL_PAD)


def _shorten(text: str, cap: float, width_of: Callable[[str], float]) -> tuple[str, float]:
    """The longest start of ``text`` that fits in ``cap`` ems with "…" after it."""
    lo, hi = 1, len(text) - 1
    best = text[:1] + ELLIPSIS
    while lo <= hi:
        mid = (lo + hi) // 2
        candidate = text[:mid].rstrip() + ELLIPSIS
        if width_of(candidate) <= cap:
            best, lo = candidate, mid + 1
        else:
            hi = mid - 1
    return best, width_of(best)


def _first_hopeful(
    cell: _Cell, members: list[MapNode], em: float, width_of: Callable[[str], float]
) -> int:
    """The first font size worth trying: skip sizes whose items can't fit by area alone."""
    area = (cell.r_out**2 - cell.r_in**2) * (cell.a1 - cell.a0) / 2
    total = 0.0
    for node in members:
        text_w = min(width_of(node.label.strip() or "?"), _FITS[-1][0])
        total += (text_w + 2 * LABEL_PAD + LABEL_START + NODE_EXTENT) * 2 * NODE_EXTENT
    for index, scale in enumerate(_SCALES):
        if total * (scale * em) ** 2 <= _PACKING * area:
            return index
    return len(_SCALES) - 1


def _place_cell(
    cell: _Cell,
    members: list[MapNode],
    em: float,
    width_of: Callable[[str], float],
    min_index: int,
) -> tuple[int, list[PlacedNode]]:
    """Lay out one cell at the largest font size that fits; returns the size's index too."""
    start = max(min_index, _first_hopeful(cell, members, em, width_of))
    for index in range(start, len(_SCALES)):
        size = _SCALES[index] * em
        rooms = (_label_room(cell, size, 1), _label_room(cell, size, 2))
        if rooms[0] < 1.5:
            continue  # not even a short name fits at this size
        fits = [(rooms, True)]
        if _SCALES[index] <= _CAPS_FROM:
            fits += [((min(cap, rooms[0]), min(cap, rooms[1])), wrap) for cap, wrap in _FITS]
        tried: list[tuple[str, ...]] | None = None
        for caps, wrap in fits:
            # Above _CAPS_FROM names are kept whole: a slightly smaller size reads better
            # than a name cut short.
            cut = _SCALES[index] <= _CAPS_FROM
            items = _items(members, width_of, caps, wrap, size, cell.side, cut)
            if items is None:
                break
            texts = [item.lines for item in items]
            if texts == tried:
                continue  # this way of fitting changed nothing
            tried = texts
            arranged = _arrange(cell, items, size)
            if arranged is not None:
                return index, _to_placed(arranged, size, cell.side)
    # Hundreds in one cell: nodes without labels (the card still names them).
    size = _SCALES[-1] * em
    items = [_make_item(node, (), 0.0, size, cell.side, width_of) for node in members]
    arranged = _arrange(cell, items, size)
    if arranged is None:
        arranged = _lattice(cell, items, size)
    return len(_SCALES) - 1, _to_placed(arranged, size, cell.side)


def _lattice(cell: _Cell, items: list[_Item], em: float) -> list[tuple[_Item, float, float]]:
    """More nodes than even bare nodes can fit: a regular lattice in the cell, overlapping."""
    pad = NODE_EXTENT * em
    lo, hi = cell.r_in + pad, max(cell.r_in + pad, cell.r_out - pad)
    margin = min(0.1, pad / lo)
    rows = max(1, int(math.sqrt(len(items))))
    per_row = math.ceil(len(items) / rows)
    out = []
    for i, item in enumerate(items):
        row, col = divmod(i, per_row)
        r = lo + (hi - lo) * (row + 0.5) / rows
        angle = cell.a0 + margin + (cell.a1 - cell.a0 - 2 * margin) * (col + 0.5) / per_row
        out.append((item, r * math.cos(angle), r * math.sin(angle)))
    return out


def _to_placed(
    arranged: list[tuple[_Item, float, float]], em: float, side: int
) -> list[PlacedNode]:
    placed = []
    for item, x, y in arranged:
        if item.lines:
            width = (item.text_width + 2 * LABEL_PAD) * em
            above, below = label_extent(len(item.lines), bool(item.support))
            x0 = x + LABEL_START * em if side > 0 else x - LABEL_START * em - width
            rect = (x0, y - above * em, width, (above + below) * em)
        else:
            rect = (x, y, 0.0, 0.0)
        placed.append(
            PlacedNode(item.node, x, y, rect, "\n".join(item.lines), em, side, item.support)
        )
    return placed
