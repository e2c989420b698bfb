"""The circle map's geometry and tables: rings, sectors, node and label sizes, the nodes."""

from __future__ import annotations

import functools
import math
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from supportnet.i18n import language, pgettext
from supportnet.model.network import Circle, LifeDomain, SupportType

NodeKey = tuple[str, int]
#: ``(x, y, width, height)`` in map units; y grows downwards, as on screen.
Rect = tuple[float, float, float, float]

#: The rings from the centre outwards.
CIRCLE_ORDER: tuple[Circle, ...] = (Circle.INNER, Circle.MIDDLE, Circle.OUTER)
#: The sectors clockwise from twelve o'clock. Household and family sit beside each other,
#: then friends, then the wider world, ending with online communities beside home.
DOMAIN_ORDER: tuple[LifeDomain, ...] = (
    LifeDomain.HOUSEHOLD,
    LifeDomain.FAMILY,
    LifeDomain.FRIENDS,
    LifeDomain.WORK_SCHOOL,
    LifeDomain.GROUPS_COMMUNITY,
    LifeDomain.NEIGHBOURS,
    LifeDomain.PROFESSIONALS,
    LifeDomain.ONLINE,
)
#: Outer edge of the "me" disc and of each ring, as a fraction of the map radius. The outer
#: ring usually holds most people (Dunbar's 5 / 15 / 50 / 150), so it gets most of the area:
#: about half, against a third for the middle ring and a sixth for the inner one, which
#: still needs room for a few names written large.
ME_FRACTION = 0.1
RING_EDGES: dict[Circle, tuple[float, float]] = {
    Circle.INNER: (ME_FRACTION, 0.43),
    Circle.MIDDLE: (0.43, 0.71),
    Circle.OUTER: (0.71, 1.0),
}
#: The base label size, as a fraction of the map radius: at the map's default fit in a
#: usual window (about 0.29 pixels a unit) the outer ring's names are over 10 pt and the
#: support letters under them over 9 pt. Crowded cells never write smaller (cells.py).
BASE_FONT = 0.0425
#: Label size in each ring relative to the base size: the closest people are written largest.
RING_FONT: dict[Circle, float] = {Circle.INNER: 1.0, Circle.MIDDLE: 1.0, Circle.OUTER: 1.0}
SECTOR_SPAN = 2 * math.pi / len(DOMAIN_ORDER)
#: Twelve o'clock. Angles are screen angles (y down), so they grow clockwise.
START_ANGLE = -math.pi / 2
#: Each sector's start and end screen angle, in :data:`DOMAIN_ORDER`. Sectors are equal
#: unless a part of life is crowded (circle_map/sectors.py widens it for a network).
Spans = tuple[tuple[float, float], ...]
EQUAL_SPANS: Spans = tuple(
    (START_ANGLE + i * SECTOR_SPAN, START_ANGLE + (i + 1) * SECTOR_SPAN)
    for i in range(len(DOMAIN_ORDER))
)

# Node drawing, in ems of the node's font size (PlacedNode.font_size). The Qt side draws
# with the same numbers, so what is laid out is what is painted.
DOT_RADIUS = 0.5
#: A second, thin ring around people it's okay to contact in a crisis (shape, not colour).
CRISIS_RING = 0.68
#: Half-size of a node's own footprint: its shape and crisis ring, with a little air.
NODE_EXTENT = 0.92
#: From the node's centre to the near edge of its label.
LABEL_START = DOT_RADIUS + 0.22
LABEL_PAD = 0.2
#: The first line of a label is this tall, centred on the node; each further line adds
#: LINE_STEP, and the row of support letters under the name adds SUPPORT_ROW.
LINE_HEIGHT = 1.3
LINE_STEP = 1.1
SUPPORT_SIZE = 1.0
SUPPORT_ROW = 1.1
#: Text width per character, in ems, when no measuring function is given.
CHAR_WIDTH = 0.55
ELLIPSIS = "…"

#: The support letters under a name, always in this order.
BADGE_ORDER: tuple[SupportType, ...] = (
    SupportType.EMOTIONAL,
    SupportType.PRACTICAL,
    SupportType.INFORMATIONAL,
    SupportType.COMPANIONSHIP,
    SupportType.CRISIS,
)


def _glyph(support: SupportType) -> str:
    """The letter for ``support`` in the language in use (German "R" for Rat)."""
    if support is SupportType.EMOTIONAL:
        # Translators: the one-letter badge for emotional support on the map.
        return pgettext("support letter", "E")
    if support is SupportType.PRACTICAL:
        # Translators: the one-letter badge for practical support on the map.
        return pgettext("support letter", "P")
    if support is SupportType.INFORMATIONAL:
        # Translators: the one-letter badge for advice on the map.
        return pgettext("support letter", "A")
    if support is SupportType.COMPANIONSHIP:
        # Translators: the one-letter badge for company on the map.
        return pgettext("support letter", "C")
    return "+"


class _Glyphs(Mapping[SupportType, str]):
    """:data:`SUPPORT_GLYPHS`: each letter in the language in use, when looked up."""

    def __getitem__(self, support: SupportType) -> str:
        return _glyph(support)

    def __iter__(self) -> Iterator[SupportType]:
        return iter(BADGE_ORDER)

    def __len__(self) -> int:
        return len(BADGE_ORDER)


#: The letter under a name for each kind of support ("E", "P", "A", "C", "+" in English).
SUPPORT_GLYPHS: Mapping[SupportType, str] = _Glyphs()


def support_glyphs(support: frozenset[SupportType] | set[SupportType]) -> str:
    """The letters shown under a name, e.g. "E P +"."""
    return _glyphs(frozenset(support), language())


@functools.lru_cache(maxsize=64)
def _glyphs(support: frozenset[SupportType], _language: str) -> str:
    return " ".join(SUPPORT_GLYPHS[s] for s in BADGE_ORDER if s in support)


def below_offset(em: float) -> float:
    """From a node's centre down to the middle of its first line, for a label under it."""
    return (NODE_EXTENT + LINE_HEIGHT / 2) * em


def label_extent(lines: int, has_support: bool) -> tuple[float, float]:
    """How far a label block reaches above and below the node's centre, in ems."""
    below = LINE_HEIGHT / 2 + (lines - 1) * LINE_STEP + (SUPPORT_ROW if has_support else 0.0)
    return LINE_HEIGHT / 2, below


@dataclass(frozen=True, slots=True)
class MapNode:
    """One person or group as the map needs them."""

    key: NodeKey
    label: str
    circle: Circle
    domain: LifeDomain
    support_types: frozenset[SupportType] = frozenset()
    #: 0 = in touch recently, relative to their own rhythm … 1 = a long silence.
    quietness: float = 0.0
    #: e.g. "3 days ago", shown in the card.
    last_contact_text: str = ""
    is_group: bool = False
    #: The name they are called ("Grandad", "Owen", "Farid"), written where the whole
    #: label doesn't fit; "" when it is the label itself.
    called: str = ""


@dataclass(frozen=True, slots=True)
class PlacedNode:
    """A node with its place, in map units; the centre (0, 0) is "me"."""

    node: MapNode
    x: float
    y: float
    #: ``(x, y, width, height)`` of the label block (name and support letters); zero size
    #: when the label is hidden.
    label_rect: Rect
    #: The name as drawn: one or two lines ("\n"), shortened with "…" when long, "" when
    #: hidden for lack of room.
    label_text: str = ""
    #: Font size in map units for this node's label and shape (an "em").
    font_size: float = 0.0
    #: +1 when the label is to the right of the node, -1 when it is to the left.
    label_side: int = 1
    #: The support letters drawn under the name ("" when none or hidden).
    support_text: str = ""
    #: The label sits centred under the mark instead of beside it (where a ring is too
    #: shallow for a name beside a mark: near three and nine o'clock).
    label_below: bool = False

    @property
    def node_rect(self) -> Rect:
        """The node's own footprint: its shape, crisis ring and focus ring."""
        return node_rect(self.x, self.y, self.font_size)


def me_radius(radius: float = 1000.0) -> float:
    """Radius of the "me" disc at the centre."""
    return ME_FRACTION * radius


def ring_bounds(circle: Circle, radius: float = 1000.0) -> tuple[float, float]:
    """Inner and outer radius of a ring."""
    low, high = RING_EDGES[circle]
    return low * radius, high * radius


def sector_angles(domain: LifeDomain, spans: Spans | None = None) -> tuple[float, float]:
    """Start and end screen angle of a sector, in radians, clockwise from twelve o'clock."""
    return (spans or EQUAL_SPANS)[DOMAIN_ORDER.index(domain)]


def ring_label_rect(circle: Circle, radius: float = 1000.0) -> Rect:
    """Where the ring's name ("Inner", "Middle", "Outer") sits: a tab on the ring's outer
    line at twelve o'clock. Nodes keep clear of it.
    """
    width, height = 0.2 * radius, 0.06 * radius
    edge = ring_bounds(circle, radius)[1]
    return (-width / 2, -edge - height / 2, width, height)


def node_rect(x: float, y: float, em: float) -> Rect:
    """Footprint of a node drawn at ``(x, y)`` with font size ``em``."""
    ext = NODE_EXTENT * em
    return (x - ext, y - ext, 2 * ext, 2 * ext)


def locate(
    x: float, y: float, *, radius: float = 1000.0, spans: Spans | None = None
) -> tuple[Circle, LifeDomain] | None:
    """The ring and sector a point falls in; None on the "me" disc or outside the map."""
    distance = math.hypot(x, y)
    if distance < me_radius(radius) or distance > radius:
        return None
    circle = Circle.OUTER
    for candidate in CIRCLE_ORDER:
        if distance < RING_EDGES[candidate][1] * radius:
            circle = candidate
            break
    turn = (math.atan2(y, x) - START_ANGLE) % (2 * math.pi)
    ends = [end - START_ANGLE for _, end in (spans or EQUAL_SPANS)]
    index = next((i for i, end in enumerate(ends) if turn < end), len(DOMAIN_ORDER) - 1)
    return circle, DOMAIN_ORDER[index]


def sort_key(node: MapNode) -> tuple[str, str, NodeKey]:
    """The stable order of nodes within a cell: by label, then by key."""
    return (node.label.casefold(), node.label, node.key)
