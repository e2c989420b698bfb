"""One cell of the circle map (a ring's sector) as a shape: where a box fits inside it."""

from __future__ import annotations

import math

from supportnet.circle_map.geometry import (
    DOMAIN_ORDER,
    Rect,
    Spans,
    ring_bounds,
    ring_label_rect,
    sector_angles,
)
from supportnet.model.network import Circle, LifeDomain

Span = tuple[float, float]
#: What every box of one padding shares: the discs' squared radii and the obstacles.
_Frame = tuple[float, float, float, list[tuple[float, float, float, float]]]


class _Cell:
    """One ring-and-sector cell: an annular sector no wider than a half turn.

    With ``domain`` None it is the ring's right half (``right``) or left half: a ring laid
    out whole, its sectors ignored, is set as two halves so that labels still point away
    from the centre.
    """

    __slots__ = ("a0", "a1", "half", "lines", "obstacles", "r_in", "r_out", "side", "u0", "u1")

    def __init__(
        self,
        circle: Circle,
        domain: LifeDomain | None,
        radius: float,
        *,
        right: bool = True,
        spans: Spans | None = None,
    ) -> None:
        self.r_in, self.r_out = ring_bounds(circle, radius)
        self.half = domain is None
        if domain is not None:
            self.a0, self.a1 = sector_angles(domain, spans)
        else:
            self.a0 = -math.pi / 2 if right else math.pi / 2
            self.a1 = self.a0 + math.pi
        self.u0 = (math.cos(self.a0), math.sin(self.a0))
        self.u1 = (math.cos(self.a1), math.sin(self.a1))
        # Labels point away from the centre: right on the right half, left on the left.
        self.side = 1 if math.cos((self.a0 + self.a1) / 2) >= -1e-9 else -1
        self.obstacles: list[Rect] = []
        #: Lines of boxes already worked out (cells.py asks for the same ones many times).
        self.lines: dict[tuple[float, float, float, int], list[tuple[float, list[Span]]]] = {}
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
        return self._spans(top, bottom, pad, self._frame(pad))

    def rows(self, tops: list[float], height: float, pad: float) -> list[tuple[float, list[Span]]]:
        """:meth:`spans` of boxes ``height`` tall at each of ``tops`` (what is the same for
        every box worked out once: cells.py asks for many at a time)."""
        frame = self._frame(pad)
        return [(top, self._spans(top, top + height, pad, frame)) for top in tops]

    def _frame(self, pad: float) -> _Frame:
        outer, inner = self.r_out - pad, self.r_in + pad
        blocks = [
            (oy - pad, oy + oh + pad, ox - pad, ox + ow + pad) for ox, oy, ow, oh in self.obstacles
        ]
        return outer * outer, inner, inner * inner, blocks

    def _spans(self, top: float, bottom: float, pad: float, frame: _Frame) -> list[Span]:
        outer2, inner, inner2, blocks = frame
        (u0x, u0y), (u1x, u1y) = self.u0, self.u1
        far = max(top * top, bottom * bottom)
        if far >= outer2:
            return []
        reach = math.sqrt(outer2 - far)
        lo, hi = -reach, reach
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
        near = 0.0 if top <= 0.0 <= bottom else min(abs(top), abs(bottom))
        if near < inner:
            half = math.sqrt(inner2 - near * near)
            spans = _cut(spans, -half, half)
        for y0, y1, x0, x1 in blocks:
            if y0 < bottom and top < y1:
                spans = _cut(spans, x0, x1)
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
