"""The circle map view: drawing, dragging, the keyboard path, the card and the exports."""

from __future__ import annotations

import math
import random
import re
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QImage, QMouseEvent, QPalette
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from supportnet.circle_map import geometry as ml
from supportnet.circle_map.geometry import MapNode
from supportnet.model.network import Circle, LifeDomain, SupportType
from supportnet.ui.network.map_style import (
    ACCESSIBLE_NAME,
    SUPPORT_GLYPHS,
    card_lines,
    legend_items,
)
from supportnet.ui.network.map_view import CircleMapView

E, P, A, C, X = (
    SupportType.EMOTIONAL,
    SupportType.PRACTICAL,
    SupportType.INFORMATIONAL,
    SupportType.COMPANIONSHIP,
    SupportType.CRISIS,
)


def _node(
    i: int,
    label: str,
    circle: Circle,
    domain: LifeDomain,
    support: set[SupportType],
    quiet: float = 0.0,
    last: str = "",
    group: bool = False,
) -> MapNode:
    kind = "group" if group else "person"
    return MapNode((kind, i), label, circle, domain, frozenset(support), quiet, last, group)


NETWORK = [
    _node(1, "Sam", Circle.INNER, LifeDomain.HOUSEHOLD, {E, P, C, X}, 0.0, "today"),
    _node(2, "Mum", Circle.INNER, LifeDomain.FAMILY, {E, P, X}, 0.2, "2 days ago"),
    _node(3, "Jess", Circle.INNER, LifeDomain.FRIENDS, {E, C, X}, 0.7, "3 weeks ago"),
    _node(4, "Dad", Circle.MIDDLE, LifeDomain.FAMILY, {P, A}, 0.5, "10 days ago"),
    _node(5, "Priya", Circle.MIDDLE, LifeDomain.FRIENDS, {E, C}, 0.3, "5 days ago"),
    _node(6, "Maria (therapist)", Circle.MIDDLE, LifeDomain.PROFESSIONALS, {E, A}),
    _node(
        1,
        "Tuesday walking group",
        Circle.MIDDLE,
        LifeDomain.GROUPS_COMMUNITY,
        {C},
        0.2,
        "4 days ago",
        group=True,
    ),
    _node(7, "Uncle Dev", Circle.OUTER, LifeDomain.FAMILY, {P}, 0.9, "5 months ago"),
    _node(8, "Kwame", Circle.OUTER, LifeDomain.FRIENDS, {C}, 0.4, "2 weeks ago"),
    _node(9, "Joan next door", Circle.OUTER, LifeDomain.NEIGHBOURS, {P, C}),
    _node(2, "Book club", Circle.OUTER, LifeDomain.GROUPS_COMMUNITY, {C}, group=True),
    _node(10, "Manager (Lee)", Circle.OUTER, LifeDomain.WORK_SCHOOL, {P}),
    _node(3, "Art forum", Circle.OUTER, LifeDomain.ONLINE, {C}, group=True),
]


def _many(count: int, seed: int = 3) -> list[MapNode]:
    rng = random.Random(seed)
    names = [
        "Sam",
        "Alex",
        "Jo",
        "Priya",
        "Rose",
        "Lucy",
        "Chris",
        "Kim",
        "Taylor",
        "Elena",
        "Ben",
        "Chloe",
        "Nora",
        "Oscar",
        "Zoë",
    ]
    return [
        _node(
            i,
            f"{rng.choice(names)} {rng.choice(['Lee', 'Okafor', 'García', 'Brown', ''])}".strip(),
            rng.choices(list(Circle), weights=[1, 3, 10])[0],
            rng.choice(list(LifeDomain)),
            {s for s in SupportType if rng.random() < 0.3},
            rng.random(),
        )
        for i in range(count)
    ]


@pytest.fixture
def view(qtbot) -> CircleMapView:
    widget = CircleMapView()
    qtbot.addWidget(widget)
    widget.resize(1000, 720)
    widget.show()
    qtbot.waitExposed(widget)
    widget.set_nodes(NETWORK)
    return widget


def _viewport_point(view: CircleMapView, x: float, y: float) -> QPoint:
    return view.mapFromScene(QPointF(x, y))


def _placed(view: CircleMapView, key: tuple[str, int]) -> ml.PlacedNode:
    return next(p for p in view.placed_nodes() if p.node.key == key)


def _cell_centre(
    circle: Circle, domain: LifeDomain, spans: ml.Spans | None = None
) -> tuple[float, float]:
    low, high = ml.ring_bounds(circle)
    a0, a1 = ml.sector_angles(domain, spans)
    r, a = (low + high) / 2, (a0 + a1) / 2
    return r * math.cos(a), r * math.sin(a)


def _mouse(view: CircleMapView, kind: QEvent.Type, point: QPoint, buttons) -> None:
    button = Qt.MouseButton.LeftButton if kind != QEvent.Type.MouseMove else Qt.MouseButton.NoButton
    event = QMouseEvent(
        kind,
        QPointF(point),
        QPointF(view.viewport().mapToGlobal(point)),
        button,
        buttons,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(view.viewport(), event)


def _drag(view: CircleMapView, start: QPoint, end: QPoint) -> None:
    left = Qt.MouseButton.LeftButton
    _mouse(view, QEvent.Type.MouseButtonPress, start, left)
    for step in range(1, 6):
        t = step / 5
        point = QPoint(
            round(start.x() + (end.x() - start.x()) * t),
            round(start.y() + (end.y() - start.y()) * t),
        )
        _mouse(view, QEvent.Type.MouseMove, point, left)
    _mouse(view, QEvent.Type.MouseButtonRelease, end, Qt.MouseButton.NoButton)


# --- building ------------------------------------------------------------------------------


def test_set_nodes_builds_an_item_for_every_node(view: CircleMapView) -> None:
    assert len(view.placed_nodes()) == len(NETWORK)
    for node in NETWORK:
        item = view.node_item(node.key)
        assert item.scene() is view.scene()
        placed = _placed(view, node.key)
        assert (item.pos().x(), item.pos().y()) == pytest.approx((placed.x, placed.y))


def test_the_view_is_named_for_screen_readers(view: CircleMapView) -> None:
    assert view.accessibleName() == ACCESSIBLE_NAME
    assert view.accessibleDescription()


def test_setting_nodes_again_replaces_them(view: CircleMapView) -> None:
    view.set_nodes(NETWORK[:3])
    assert {p.node.key for p in view.placed_nodes()} == {n.key for n in NETWORK[:3]}
    with pytest.raises(KeyError):
        view.node_item(NETWORK[5].key)


# --- dragging -------------------------------------------------------------------------------


def test_dragging_a_node_to_another_ring_and_sector_emits_node_moved(
    view: CircleMapView, qtbot
) -> None:
    kwame = _placed(view, ("person", 8))
    target = _cell_centre(Circle.MIDDLE, LifeDomain.WORK_SCHOOL, view.sector_spans())
    start = _viewport_point(view, kwame.x, kwame.y)
    end = _viewport_point(view, *target)
    with qtbot.waitSignal(view.node_moved, timeout=1000) as blocker:
        _drag(view, start, end)
    assert blocker.args == ["person", 8, "middle", "work_school"]


def test_dropping_in_the_same_cell_emits_nothing_and_snaps_back(view: CircleMapView, qtbot) -> None:
    kwame = _placed(view, ("person", 8))
    start = _viewport_point(view, kwame.x, kwame.y)
    end = start + QPoint(0, 12)
    assert ml.locate(*_scene_xy(view, end), spans=view.sector_spans()) == (
        Circle.OUTER,
        LifeDomain.FRIENDS,
    )
    with qtbot.assertNotEmitted(view.node_moved):
        _drag(view, start, end)
    item = view.node_item(("person", 8))
    assert (item.pos().x(), item.pos().y()) == pytest.approx((kwame.x, kwame.y))


def _scene_xy(view: CircleMapView, point: QPoint) -> tuple[float, float]:
    scene = view.mapToScene(point)
    return scene.x(), scene.y()


def test_dropping_on_me_or_outside_snaps_back(view: CircleMapView, qtbot) -> None:
    with qtbot.assertNotEmitted(view.node_moved):
        assert view.drop_node(("person", 8), 0.0, 0.0) is False
        assert view.drop_node(("person", 8), 0.0, -1500.0) is False
    item = view.node_item(("person", 8))
    kwame = _placed(view, ("person", 8))
    assert (item.pos().x(), item.pos().y()) == pytest.approx((kwame.x, kwame.y))


def test_drop_logic_reports_the_target_cell(view: CircleMapView, qtbot) -> None:
    x, y = _cell_centre(Circle.INNER, LifeDomain.ONLINE, view.sector_spans())
    with qtbot.waitSignal(view.node_moved) as blocker:
        assert view.drop_node(("group", 3), x, y) is True
    assert blocker.args == ["group", 3, "inner", "online"]


# --- activating -------------------------------------------------------------------------------


def test_double_click_activates(view: CircleMapView, qtbot) -> None:
    mum = _placed(view, ("person", 2))
    point = _viewport_point(view, mum.x, mum.y)
    with qtbot.waitSignal(view.node_activated) as blocker:
        QTest.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert blocker.args == ["person", 2]


def test_enter_activates_the_focused_node(view: CircleMapView, qtbot) -> None:
    view.setFocus()
    view.focus_node(("group", 1))
    with qtbot.waitSignal(view.node_activated) as blocker:
        QTest.keyClick(view, Qt.Key.Key_Return)
    assert blocker.args == ["group", 1]


def test_clicking_a_node_focuses_it(view: CircleMapView) -> None:
    dad = _placed(view, ("person", 4))
    QTest.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=_viewport_point(view, dad.x, dad.y)
    )
    assert view.focused_key() == ("person", 4)


# --- the keyboard path ------------------------------------------------------------------------


def test_tab_visits_every_node_once_per_cycle(view: CircleMapView) -> None:
    view.setFocus()
    QApplication.processEvents()
    view.focus_node(None)
    QTest.keyClick(view, Qt.Key.Key_Tab)
    first = view.focused_key()
    assert first == view.tab_order()[0]
    visited = [first]
    for _ in range(len(NETWORK) - 1):
        QTest.keyClick(view, Qt.Key.Key_Tab)
        visited.append(view.focused_key())
    assert sorted(visited) == sorted(n.key for n in NETWORK)
    assert view.hasFocus(), "Tab stays in the map while there are nodes to visit"
    QTest.keyClick(view, Qt.Key.Key_Tab)
    assert view.focused_key() == first, "the cycle starts again"
    QTest.keyClick(view, Qt.Key.Key_Backtab)
    assert view.focused_key() == visited[-1]


def test_tab_goes_from_the_inner_circle_outwards_clockwise(view: CircleMapView) -> None:
    order = view.tab_order()
    rings = [next(n for n in NETWORK if n.key == key).circle for key in order]
    ranks = [ml.CIRCLE_ORDER.index(c) for c in rings]
    assert ranks == sorted(ranks)
    inner = [next(n for n in NETWORK if n.key == key) for key in order[:3]]
    assert [n.label for n in inner] == ["Sam", "Mum", "Jess"]  # household, family, friends


def test_arrow_keys_move_to_the_nearest_node_that_way(view: CircleMapView) -> None:
    view.setFocus()
    view.focus_node(("person", 1))  # Sam, inner household, near twelve o'clock
    sam = _placed(view, ("person", 1))
    QTest.keyClick(view, Qt.Key.Key_Down)
    below = view.focused_key()
    assert below is not None
    assert below != ("person", 1)
    assert _placed(view, below).y > sam.y
    QTest.keyClick(view, Qt.Key.Key_Right)
    right = view.focused_key()
    assert right is not None
    assert _placed(view, right).x > _placed(view, below).x


def test_ctrl_arrows_move_the_focused_node(view: CircleMapView, qtbot) -> None:
    view.setFocus()
    view.focus_node(("person", 8))  # Kwame, outer friends
    with qtbot.waitSignal(view.node_moved) as blocker:
        QTest.keyClick(view, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert blocker.args == ["person", 8, "middle", "friends"]
    with qtbot.waitSignal(view.node_moved) as blocker:
        QTest.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    assert blocker.args == ["person", 8, "outer", "work_school"]
    with qtbot.waitSignal(view.node_moved) as blocker:
        QTest.keyClick(view, Qt.Key.Key_Left, Qt.KeyboardModifier.ControlModifier)
    assert blocker.args == ["person", 8, "outer", "family"]
    with qtbot.assertNotEmitted(view.node_moved):
        QTest.keyClick(view, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)


def test_ctrl_up_in_the_inner_circle_goes_nowhere(view: CircleMapView, qtbot) -> None:
    view.setFocus()
    view.focus_node(("person", 1))
    with qtbot.assertNotEmitted(view.node_moved):
        QTest.keyClick(view, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)


def test_the_sector_wraps_round(view: CircleMapView, qtbot) -> None:
    view.setFocus()
    view.focus_node(("group", 3))  # online, the last sector
    with qtbot.waitSignal(view.node_moved) as blocker:
        QTest.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    assert blocker.args == ["group", 3, "outer", "household"]


def test_focus_survives_set_nodes_while_the_node_exists(view: CircleMapView) -> None:
    view.focus_node(("person", 5))
    view.set_nodes(NETWORK)
    assert view.focused_key() == ("person", 5)
    view.set_nodes([n for n in NETWORK if n.key != ("person", 5)])
    assert view.focused_key() is None


def test_focus_announces_the_card(view: CircleMapView) -> None:
    view.setFocus()
    view.focus_node(("person", 3))
    description = view.accessibleDescription()
    assert "Jess" in description
    assert "Inner circle" in description
    assert "Friends" in description
    assert "emotional" in description.lower()
    assert "crisis" in description.lower()
    assert "3 weeks ago" in description
    assert view.card_text() == description


def test_the_card_shows_on_hover_without_a_system_tooltip(view: CircleMapView) -> None:
    view.clearFocus()
    priya = _placed(view, ("person", 5))
    QTest.mouseMove(view.viewport(), _viewport_point(view, priya.x, priya.y))
    QApplication.processEvents()
    assert view.card_text().startswith("Priya")


def test_card_lines_use_words() -> None:
    lines = card_lines(NETWORK[6])
    assert lines[0] == "Tuesday walking group"
    assert lines[1].startswith("Group · Middle circle")
    assert lines[2] == "Support: Company"
    assert lines[3] == "Last in touch: 4 days ago"


def test_zoom_keys_and_methods(view: CircleMapView) -> None:
    view.setFocus()
    assert view.zoom_factor() == pytest.approx(1.0, rel=0.01)
    view.zoom_in()
    assert view.zoom_factor() > 1.1
    QTest.keyClick(view, Qt.Key.Key_Plus)
    bigger = view.zoom_factor()
    QTest.keyClick(view, Qt.Key.Key_Minus)
    assert view.zoom_factor() < bigger
    QTest.keyClick(view, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert view.zoom_factor() > 1.1
    QTest.keyClick(view, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert view.zoom_factor() == pytest.approx(1.0, rel=0.01)
    view.zoom_out()
    assert view.zoom_factor() < 0.9
    QTest.keyClick(view, Qt.Key.Key_0)
    assert view.zoom_factor() == pytest.approx(1.0, rel=0.01)


# --- how things look --------------------------------------------------------------------------


def test_legend_explains_every_support_letter() -> None:
    items = legend_items()
    glyphs = {item.glyph: item for item in items}
    for support, glyph in SUPPORT_GLYPHS.items():
        assert glyphs[glyph].label == support.label
    assert any("group" in item.description.lower() for item in items)
    assert any("while" in item.label.lower() for item in items)


def _is_reddish(color: QColor) -> bool:
    hue = color.hslHueF()
    return color.hslSaturationF() > 0.25 and (hue < 0.05 or hue > 0.93) and hue >= 0


def _dark_palette() -> QPalette:
    palette = QPalette()
    for role, value in (
        (QPalette.ColorRole.Window, "#1f2326"),
        (QPalette.ColorRole.WindowText, "#e4e6e8"),
        (QPalette.ColorRole.Base, "#181b1e"),
        (QPalette.ColorRole.Text, "#e4e6e8"),
        (QPalette.ColorRole.Highlight, "#3d7ab8"),
        (QPalette.ColorRole.Mid, "#4a5056"),
    ):
        palette.setColor(role, QColor(value))
    return palette


@pytest.mark.parametrize("dark", [False, True])
def test_quiet_nodes_are_dashed_never_faded_never_red(view: CircleMapView, dark: bool) -> None:
    """ "It's been a while" is a dashed outline; the person stays as present as anyone
    (same fill, outline colour and name), never paler."""
    if dark:
        view.setPalette(_dark_palette())
    shared = view._shared
    recent = shared.node_style(30.0, False, 0.0)
    quiet = shared.node_style(30.0, False, 1.0)
    assert recent.pen.style() == Qt.PenStyle.SolidLine
    assert quiet.pen.style() == Qt.PenStyle.CustomDashLine
    assert quiet.pen.widthF() >= recent.pen.widthF()
    assert quiet.fill.color() == recent.fill.color()
    assert quiet.pen.color() == recent.pen.color()
    assert quiet.text == recent.text
    for level in range(11):
        for group in (False, True):
            style = shared.node_style(30.0, group, level / 10)
            for color in (style.fill.color(), style.pen.color(), style.text, style.support):
                assert not _is_reddish(color)


def test_dark_palette_gives_dark_rings(view: CircleMapView) -> None:
    view.setPalette(_dark_palette())
    theme = view._shared.theme
    assert theme.background.lightnessF() < 0.3
    for brush in theme.ring_fill.values():
        assert brush.color().lightnessF() < 0.35
    assert theme.text.lightnessF() > 0.7


def test_labels_hide_when_too_small_and_come_back_when_zoomed(view: CircleMapView) -> None:
    from supportnet.ui.network import map_style as circle_map

    assert not circle_map.label_drawn(circle_map.MIN_LABEL_PX - 0.5, exporting=False)
    assert circle_map.label_drawn(circle_map.MIN_LABEL_PX + 0.5, exporting=False)
    assert circle_map.label_drawn(0.1, exporting=True), "print always has every name"
    # Painting works at every zoom, from smaller than the window to close up.
    for _ in range(3):
        view.zoom_out()
        assert not view.grab().isNull()
    for _ in range(8):
        view.zoom_in()
        assert not view.grab().isNull()
    assert view.zoom_factor() > 3


# --- exports -------------------------------------------------------------------------------


def test_png_export_decodes(view: CircleMapView, tmp_path: Path) -> None:
    view.setPalette(_dark_palette())  # exports are for paper: white whatever the theme
    path = tmp_path / "map.png"
    view.export_png(path, scale=1.0)
    image = QImage(str(path))
    assert not image.isNull()
    assert image.width() > 800
    assert image.height() > 800
    assert QColor(image.pixel(2, 2)) == QColor("white")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["map.png"]
    bigger = tmp_path / "big.png"
    view.export_png(bigger, scale=2.0)
    assert QImage(str(bigger)).width() == pytest.approx(2 * image.width(), abs=2)


def test_svg_export_parses_and_names_everyone(view: CircleMapView, tmp_path: Path) -> None:
    path = tmp_path / "map.svg"
    view.export_svg(path, title="My support network", date_text="15 June 2025")
    root = ET.parse(path).getroot()
    assert root.tag.endswith("svg")
    text = " ".join(" ".join(element.itertext()) for element in root.iter())
    for node in NETWORK:
        for word in node.label.split():
            assert word in text, word
    assert "My support network" in text
    assert "15 June 2025" in text


def _media_box(data: bytes) -> tuple[float, float]:
    match = re.search(rb"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]", data)
    assert match, "no MediaBox"
    return float(match.group(1)), float(match.group(2))


def test_pdf_export_a4_and_letter(view: CircleMapView, tmp_path: Path) -> None:
    a4 = tmp_path / "map-a4.pdf"
    letter = tmp_path / "map-letter.pdf"
    view.export_pdf(a4, "A4", date_text="15 June 2025")
    view.export_pdf(letter, "Letter")
    a4_bytes, letter_bytes = a4.read_bytes(), letter.read_bytes()
    assert a4_bytes.startswith(b"%PDF")
    assert letter_bytes.startswith(b"%PDF")
    assert _media_box(a4_bytes) == pytest.approx((595, 842), abs=1.5)
    assert _media_box(letter_bytes) == pytest.approx((612, 792), abs=1.5)
    with pytest.raises(ValueError, match="page size"):
        view.export_pdf(tmp_path / "x.pdf", "A3")


def test_exports_raise_oserror_and_leave_nothing_behind(
    view: CircleMapView, tmp_path: Path
) -> None:
    missing = tmp_path / "no such folder" / "map.png"
    for export in (view.export_png, view.export_svg, view.export_pdf):
        # An OSError the caller can show; here the folder is missing.
        with pytest.raises(FileNotFoundError):
            export(missing.with_suffix(".x"))
    assert list(tmp_path.iterdir()) == []


def test_export_replaces_an_existing_file_whole(view: CircleMapView, tmp_path: Path) -> None:
    path = tmp_path / "map.pdf"
    path.write_bytes(b"old")
    view.export_pdf(path)
    assert path.read_bytes().startswith(b"%PDF")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["map.pdf"]


def test_export_leaves_the_view_as_it_was(view: CircleMapView, tmp_path: Path) -> None:
    view.setPalette(_dark_palette())
    before = view._shared.theme.background.name()
    view.focus_node(("person", 1))
    view.export_png(tmp_path / "map.png", scale=0.5)
    assert view._shared.theme.background.name() == before
    assert not view._shared.exporting
    assert view.focused_key() == ("person", 1)


# --- a thousand ------------------------------------------------------------------------------


def test_a_thousand_nodes_build_and_paint(qtbot) -> None:
    view = CircleMapView()
    qtbot.addWidget(view)
    view.resize(1280, 800)
    view.show()
    qtbot.waitExposed(view)
    nodes = _many(1000)
    started = time.perf_counter()
    view.set_nodes(nodes)
    built = time.perf_counter()
    assert not view.grab().isNull()
    painted = time.perf_counter()
    view.zoom_in()
    view.zoom_in()
    assert not view.grab().isNull()
    zoomed = time.perf_counter()
    print(
        f"\n1,000 nodes: set_nodes {(built - started) * 1000:.0f} ms, "
        f"paint {(painted - built) * 1000:.0f} ms, "
        f"zoom and repaint {(zoomed - painted) * 1000:.0f} ms"
    )
    assert len(view.placed_nodes()) == 1000
    view.setFocus()
    QTest.keyClick(view, Qt.Key.Key_Tab)
    assert view.focused_key() is not None
