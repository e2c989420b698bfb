"""Laying out one cell of the circle map (a ring's sector): font sizes, lines of nodes, labels."""

from __future__ import annotations

import math
from collections.abc import Callable, Collection
from dataclasses import dataclass

from supportnet.circle_map.cell_shape import Span, _Cell
from supportnet.circle_map.geometry import (
    LABEL_PAD,
    LABEL_START,
    NODE_EXTENT,
    SUPPORT_SIZE,
    MapNode,
    PlacedNode,
    label_extent,
    support_glyphs,
)
from supportnet.circle_map.give_way import _FEW, _FITS, _capped, _fit_label, _text, _ways

#: Font sizes tried, as fractions of the base size, when a cell is too crowded for its
#: names at the base size even after giving way (see _place_cell). The map draws text only
#: at 9 pt or more on screen, so names set smaller are read by zooming in (and the card,
#: the keyboard and the screen reader name everyone).
_SCALES = (1.0, 0.88, 0.76, 0.66, 0.57, 0.5, 0.43, 0.37, 0.32, 0.27, 0.23, 0.2)
#: From this size down, long names are made narrower too, to make room (as at the base
#: size): two lines no wider than a cap (in ems), or one line shortened to it.
_CAPS_FROM = 0.57
_GAP = 0.1  # ems of air kept between any two rectangles
#: How much of a cell's area its nodes can take at best: starts the search for a font size
#: near the answer instead of at the largest size.
_PACKING = 0.55
#: Cells with more nodes than this are set from the top without spreading them out.
_SPREAD_LIMIT = 40


#: A label fitted: its lines and widest line (give_way._fit_label); what it was fitted to.
_Fitted = tuple[tuple[str, ...], float]
_FitKey = tuple[str, tuple[float, float], bool, bool, tuple[float, float] | None]


# --- inside one cell -------------------------------------------------------------------------


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
    #: The label is centred under the mark, not beside it.
    below: bool = False

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


def _bands(
    cell: _Cell, em: float, height: float, smallest: float, pitch: float, align: int = 0
) -> list[_Band]:
    """Horizontal lines ``pitch`` apart, top to bottom, that can hold the smallest item:
    centred in the cell's height, or (``align`` -1 or 1) from its top or its bottom."""
    key = (em, height, pitch, align)
    lines = cell.lines.get(key)
    if lines is None:  # the same lines are asked for again and again while giving way
        lines = cell.lines[key] = _lines(cell, em, height, pitch, align)
    bands = []
    for top, spans in lines:
        wide = [span for span in spans if span[1] - span[0] >= smallest]
        if wide:
            bands.append(_Band(top, wide))
    return bands


def _lines(
    cell: _Cell, em: float, height: float, pitch: float, align: int
) -> list[tuple[float, list[Span]]]:
    pad = 0.3 * em
    top, bottom = cell.y_range()
    count = int((bottom - top - 2 * pad - height) / pitch) + 1
    if count <= 0:
        return []
    first = (top + bottom) / 2 - height / 2 - (count - 1) * pitch / 2
    if align < 0:
        first = top + pad
    elif align > 0:
        first = bottom - pad - height - (count - 1) * pitch
    rows = cell.rows([first + i * pitch for i in range(count)], height, pad)
    return [(y, spans) for y, spans in rows if spans]


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


def _arrange(
    cell: _Cell, items: list[_Item], em: float, spread: bool = True
) -> list[tuple[_Item, float, float]] | None:
    """Centres for all items in the cell at font size ``em``, or None when they don't fit;
    packed from the top without ``spread`` (whether they fit is all that is asked)."""
    if not items:
        return []
    up = max(item.up for item in items)
    height = up + max(item.down for item in items)
    gap = _GAP * em * 2
    pitch = height + _GAP * em * 3
    smallest = min(item.width for item in items)
    rows = None
    # A wedge's lines fall better from its top or its bottom than centred, now and then.
    for align in (0, 1, -1):
        bands = _bands(cell, em, height, smallest, pitch, align)
        rows = _typeset(bands, items, None, gap)
        if rows is not None:
            break
    if rows is None:
        return None
    used = [band for band, row in zip(bands, rows, strict=True) if row]
    chosen_bands, chosen_rows = used, [row for row in rows if row]
    if spread and len(items) <= _SPREAD_LIMIT:
        # Packed from the top they fit; now spread them calmly over the whole cell, on
        # lines at half the pitch so that few nodes can sit evenly apart.
        halves = _bands(cell, em, height, smallest, pitch / 2)
        # A half ring is tall: even when packing took a line each, spread them over it.
        fewest = len(used) - 1 if cell.half else len(used)
        for lines in range(min(len(items), len(bands)), fewest, -1):
            pool = halves if 2 * lines <= len(halves) else bands
            picked = [pool[int((i + 0.5) * len(pool) / lines)] for i in range(lines)]
            evenly = _typeset(picked, items, _spread_quotas(picked, len(items)), gap)
            if evenly is not None:
                chosen_bands, chosen_rows = picked, evenly
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
    letters: bool = True,
    below: bool = False,
) -> _Item:
    support = support_glyphs(node.support_types) if lines and letters else ""
    extent = NODE_EXTENT * em
    if not lines:
        return _Item(node, (), "", 0.0, extent, extent, extent, extent)
    widest = max(text_width, width_of(support) * SUPPORT_SIZE if support else 0.0)
    if below:
        half = max(extent, (widest / 2 + LABEL_PAD) * em)
        above, under = label_extent(len(lines), bool(support))
        down = extent + (above + under) * em
        return _Item(node, lines, support, widest, half, half, extent, down, True)
    far = extent
    near = max(extent, (LABEL_START + widest + 2 * LABEL_PAD) * em)
    above, under = label_extent(len(lines), bool(support))
    up, down = max(extent, above * em), max(extent, under * em)
    if side > 0:
        return _Item(node, lines, support, widest, far, near, up, down)
    return _Item(node, lines, support, widest, near, far, up, down)


def _fitted(
    members: list[MapNode],
    width_of: Callable[[str], float],
    caps: tuple[float, float],
    wrap: bool,
    cut: bool,
    called: Collection[int] = (),
    wide: tuple[float, float] | None = None,
    known: dict[_FitKey, _Fitted | None] | None = None,
) -> list[_Fitted] | None:
    """Each member's label fitted to ``caps``; a name that can't be written whole there
    is fitted to ``wide`` instead, when given (narrower only where it can). None when
    some name can't be written (whole, without ``cut``). ``known`` keeps the labels fitted
    so far (the ways of giving way ask for many again)."""
    fitted = []
    for index, node in enumerate(members):
        text = _text(node, index in called)
        key = (text, caps, wrap, cut, wide)
        if known is not None and key in known:
            fit = known[key]
        else:
            fit = _fit_label(text, caps, wrap, width_of, cut)
            if fit is None and wide is not None:
                fit = _fit_label(text, wide, wrap, width_of, cut)
            if known is not None:
                known[key] = fit
        if fit is None:
            return None
        fitted.append(fit)
    return fitted


def _label_room(cell: _Cell, em: float, lines: int) -> float:
    """The widest label of so many lines, in ems, that fits anywhere in the cell."""
    above, below = label_extent(lines, True)
    height = max(2 * NODE_EXTENT, above + below) * em
    spans = (span for band in _bands(cell, em, height, 0.0, height / 2) for span in band.spans)
    widest = max((b - a for a, b in spans), default=0.0)
    return widest / em - (NODE_EXTENT + LABEL_START + 2 * LABEL_PAD)


def _below_room(cell: _Cell, em: float, lines: int) -> float:
    """The widest label of so many lines, in ems, that fits anywhere in the cell under a
    mark."""
    above, below = label_extent(lines, True)
    height = (NODE_EXTENT * 2 + above + below) * em
    spans = (span for band in _bands(cell, em, height, 0.0, height / 2) for span in band.spans)
    widest = max((b - a for a, b in spans), default=0.0)
    return widest / em - 2 * LABEL_PAD


def _below_rooms(cell: _Cell, em: float) -> tuple[float, float]:
    """The widest labels of one and of two lines under a mark (asked for only when names
    beside the marks don't fit)."""
    return _below_room(cell, em, 1), _below_room(cell, em, 2)


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
    every_name: bool = False,
    trial: bool = False,
) -> tuple[int, list[PlacedNode]]:
    """Lay out one cell; returns the index in :data:`_SCALES` of the size it took.

    At ``em`` (9 pt and more at the default fit) the ways of :func:`_ways` are tried in
    turn: whole names, the names they are called, then shortened with "…"; in a cell of a
    few, as a last resort, as many names as fit with the others' marks bare. Only then
    smaller sizes, which the map shows when zoomed in; at last bare marks. ``every_name``
    (print) neither shortens at the full size nor names only some: a printed map names
    everyone, whole and smaller if need be, as the screen does when zoomed in. Where a cell
    of a few left its letters out, they come back for whoever still has room. A ``trial``
    (sectors.py, trying widths) asks only how the names are written: its nodes are packed
    from the top, not spread, and letters don't come back.
    """
    spread = not trial
    rooms = (_label_room(cell, em, 1), _label_room(cell, em, 2))
    # Labels fitted so far: the ways of giving way, and the sizes, ask for many again.
    known: dict[_FitKey, _Fitted | None] = {}
    # Area alone rules out names only in a crowd: a few can fit where the sum says not.
    few = len(members) <= _FEW
    hopeful = min_index == 0 and (few or _first_hopeful(cell, members, em, width_of) == 0)
    if hopeful and rooms[0] >= 1.5:  # at least a short name fits somewhere
        capped = _capped(rooms)
        tried: set[tuple[tuple[object, ...], ...]] = set()
        ways = _ways(members, width_of, rooms, every_name, lambda: _below_rooms(cell, em))
        for caps, wrap, cut, letters, called, below, wide in ways:
            fitted = _fitted(members, width_of, caps, wrap, cut, called, wide, known)
            if fitted is None:
                continue  # some name can't be written whole here
            texts = tuple(
                (*lines, support_glyphs(node.support_types) if lines and letters else "", below)
                for node, (lines, _) in zip(members, fitted, strict=True)
            )
            if texts in tried:
                continue  # this way of fitting changed nothing
            tried.add(texts)
            items = [
                _make_item(node, *fit, em, cell.side, width_of, letters, below)
                for node, fit in zip(members, fitted, strict=True)
            ]
            arranged = _arrange(cell, items, em, spread)
            if arranged is not None:
                if not letters and few and not trial:
                    arranged = _letters_back(cell, items, arranged, em, width_of)
                return 0, _to_placed(arranged, em, cell.side)
        if few and not every_name:  # a few: as many names as fit, at the size that reads
            partly = _some_named(cell, members, em, width_of, capped[-1][0], spread)
            if partly is not None:
                return 0, partly
    for index in range(max(min_index, 1), len(_SCALES)):
        size = _SCALES[index] * em
        rooms = (_label_room(cell, size, 1), _label_room(cell, size, 2))
        if rooms[0] < 1.5:
            continue  # not even a short name fits at this size
        fits = [(rooms, True)]
        if _SCALES[index] <= _CAPS_FROM:
            fits += [((min(cap, rooms[0]), min(cap, rooms[1])), wrap) for cap, wrap in _FITS]
        tried_here: list[tuple[str, ...]] | None = None
        for caps, wrap in fits:
            cut = _SCALES[index] <= _CAPS_FROM  # above it, smaller reads better than cut
            fitted = _fitted(members, width_of, caps, wrap, cut, known=known)
            if fitted is None:
                break
            lines = [fit[0] for fit in fitted]
            if lines == tried_here:
                continue
            tried_here = lines
            sized = [
                _make_item(node, *fit, size, cell.side, width_of)
                for node, fit in zip(members, fitted, strict=True)
            ]
            arranged = _arrange(cell, sized, size, spread)
            if arranged is not None:
                return index, _to_placed(arranged, size, cell.side)
    # Hundreds in one cell: bare marks, on a lattice if even they don't fit.
    size = _SCALES[-1] * em
    items = [_make_item(node, (), 0.0, size, cell.side, width_of) for node in members]
    arranged = _arrange(cell, items, size)
    if arranged is None:
        arranged = _lattice(cell, items, size)
    return len(_SCALES) - 1, _to_placed(arranged, size, cell.side)


def _letters_back(
    cell: _Cell,
    items: list[_Item],
    arranged: list[tuple[_Item, float, float]],
    em: float,
    width_of: Callable[[str], float],
) -> list[tuple[_Item, float, float]]:
    """The support letters given back, one node at a time in order, wherever the cell
    still fits with them (names as they are)."""
    for index, item in enumerate(items):
        if not item.lines or not item.node.support_types:
            continue
        fitted = (item.lines, item.text_width)
        lettered = _make_item(item.node, *fitted, em, cell.side, width_of, True, item.below)
        trial = [*items[:index], lettered, *items[index + 1 :]]
        again = _arrange(cell, trial, em)
        if again is not None:
            items, arranged = trial, again
    return arranged


def _some_named(
    cell: _Cell,
    members: list[MapNode],
    em: float,
    width_of: Callable[[str], float],
    caps: tuple[float, float],
    spread: bool = True,
) -> list[PlacedNode] | None:
    """As many names as fit at ``em`` (the names they are called, shortest first, shortened
    to ``caps``, no support letters, beside or else under the marks), the others as bare
    marks of the same size; None if not even one fits."""
    texts = [_text(node, True) for node in members]
    by_length = sorted(range(len(members)), key=lambda i: (width_of(texts[i]), i))
    for count in range(len(members) - 1, 0, -1):
        named = set(by_length[:count])
        for below in (False, True):
            items = []
            for i, node in enumerate(members):
                if i in named:
                    fitted = _fit_label(texts[i], caps, True, width_of)
                    assert fitted is not None  # shortening always fits
                    items.append(_make_item(node, *fitted, em, cell.side, width_of, False, below))
                else:
                    items.append(_make_item(node, (), 0.0, em, cell.side, width_of))
            arranged = _arrange(cell, items, em, spread)
            if arranged is not None:
                return _to_placed(arranged, em, cell.side)
    return None


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
            if item.below:
                rect = (x - width / 2, y + NODE_EXTENT * em, width, (above + below) * em)
            else:
                x0 = x + LABEL_START * em if side > 0 else x - LABEL_START * em - width
                rect = (x0, y - above * em, width, (above + below) * em)
        else:
            rect = (x, y, 0.0, 0.0)
        text = "\n".join(item.lines)
        placed.append(PlacedNode(item.node, x, y, rect, text, em, side, item.support, item.below))
    return placed
