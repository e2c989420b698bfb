"""How a crowded cell of the circle map gives way, at the size that reads: the order of
the ways of writing its names (cells.py tries them in turn), and fitting one name to a
width (on one, two or three lines, or shortened with "…")."""

from __future__ import annotations

from collections.abc import Callable, Iterator

from supportnet.circle_map.geometry import ELLIPSIS, MapNode

#: When a name can't be written whole, names are made narrower to make room: two lines no
#: wider than a cap (in ems), or one line shortened to it.
_FITS: tuple[tuple[float, bool], ...] = (
    (7.5, True),
    (7.5, False),
    (5.0, True),
    (5.0, False),
    (3.5, False),
    (2.5, False),
)
#: Cells with this many nodes or fewer (a personal network's usual) name as many as fit at the
#: full size rather than all of them smaller; bigger cells go smaller, read by zooming in.
_FEW = 8
#: Before shortening, long names are tried whole on lines no wider than these (in ems):
#: on two or three lines.
_NARROWER = (7.0, 5.0)


def _text(node: MapNode, called: bool) -> str:
    """The label written on one line, or the name they are called (``called``)."""
    if called:
        short = " ".join(node.called.split())
        if short:
            return short
    return " ".join(node.label.split()) or "?"


#: (caps, wrap, cut, letters, who is written by the name they are called, label below).
#: And the caps a name that can't be whole within the first is fitted to instead (or None).
_Way = tuple[
    tuple[float, float], bool, bool, bool, frozenset[int], bool, tuple[float, float] | None
]


def _ways(
    members: list[MapNode],
    width_of: Callable[[str], float],
    rooms: tuple[float, float],
    every_name: bool,
    below_rooms: Callable[[], tuple[float, float]],
) -> Iterator[_Way]:
    """The ways of fitting a cell at the size that reads, in the order they are tried.

    Beside the marks: names whole, with their letters and then without (the card has
    them); the name they are called in place of the whole name, for the widest names
    first; long names with no shorter one whole on narrower lines (two or three). Then
    all that under the marks (a ring near three or nine o'clock is too shallow for a name
    beside a mark; ``below_rooms`` is asked for only then). Only then shortened with "…"
    (no letters: a name comes before them). Print (``every_name``) writes whole names only.
    """
    none: frozenset[int] = frozenset()
    widest_first: list[int] = []
    if not every_name:
        widest_first = sorted(
            (i for i, node in enumerate(members) if _text(node, True) != _text(node, False)),
            key=lambda i: (-width_of(_text(members[i], False)), i),
        )
    counts = range(1, len(widest_first) + 1) if len(members) <= _FEW else [len(widest_first)]
    everyone = frozenset(widest_first)
    under_rooms: tuple[float, float] | None = None
    for below in (False, True):
        if below:
            under_rooms = below_rooms()
        room = under_rooms if under_rooms is not None else rooms
        for letters in (True, False):
            yield (room, True, False, letters, none, below, None)
        if every_name:
            continue
        for count in counts:
            called = frozenset(widest_first[:count])
            for letters in (True, False):
                yield (room, True, False, letters, called, below, None)
        # Long names with no shorter one (a group's, mostly) whole on narrower lines, each
        # name as narrow as it can be whole.
        for cap in _NARROWER:
            narrow = (min(cap, room[0]), min(cap, room[1]))
            for letters in (True, False):
                yield (narrow, True, False, letters, everyone, below, room)
    if every_name or under_rooms is None:
        return
    # Shortened: for each width, beside the mark and then under it.
    beside = [(rooms, True), *_capped(rooms)]
    under = [(under_rooms, True), *_capped(under_rooms)]
    for (c, w), (c_under, w_under) in zip(beside, under, strict=True):
        yield (c, w, True, False, everyone, False, None)
        yield (c_under, w_under, True, False, everyone, True, None)


def _capped(rooms: tuple[float, float]) -> list[tuple[tuple[float, float], bool]]:
    return [((min(cap, rooms[0]), min(cap, rooms[1])), wrap) for cap, wrap in _FITS]


def _fit_label(
    text: str,
    caps: tuple[float, float],
    wrap: bool,
    width_of: Callable[[str], float],
    cut: bool = True,
) -> tuple[tuple[str, ...], float] | None:
    """The label's lines and widest line, in ems.

    One line no wider than ``caps[0]``; failing that (with ``wrap``) two lines no wider
    than ``caps[1]``, split at the space that makes the wider line narrowest, or three
    lines so, or two with the second shortened with "…"; failing that one line shortened.
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
        if best is not None and best[0] > two and len(words) > 2:
            # A long name (a group's, mostly) whole on three lines beats it shortened.
            three = min(
                (
                    max(width_of(" ".join(part)) for part in parts),
                    tuple(" ".join(part) for part in parts),
                )
                for i in range(1, len(words) - 1)
                for j in range(i + 1, len(words))
                for parts in ((words[:i], words[i:j], words[j:]),)
            )
            if three[0] <= two:
                return three[1], three[0]
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
