"""The Network map centred on a care team's focus person: the same people, the team in the
inner circle, read-only, and back to the user's own circles."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPalette
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QStyleOptionGraphicsItem

from supportnet.circle_map import geometry as ml
from supportnet.circle_map.focus import YOU_KEY
from supportnet.model.care import ME
from supportnet.model.network import Circle, Person
from supportnet.services import Services
from supportnet.ui.network.centre import ME_CHOICE, team_line
from supportnet.ui.network.map_items import _Backdrop
from supportnet.ui.network.map_style import MAP_RADIUS, MIN_GLYPH_PX, _Shared, label_drawn
from supportnet.ui.network.page import NetworkPageController
from supportnet.ui.people.person_editor import KNOWS_TEXT, PersonEditor
from tools.screenshots import dark_palette


@pytest.fixture
def page(qtbot: Any, demo_store: Any, clock: Callable[[], datetime]) -> NetworkPageController:
    controller = NetworkPageController(Services.of(demo_store), clock)
    qtbot.addWidget(controller.view)
    controller.view.resize(1100, 760)
    controller.view.show()
    qtbot.waitExposed(controller.view)
    return controller


def _team(demo_store: Any) -> tuple[Any, dict[str, Person]]:
    (team,) = demo_store.care_teams.list()
    people = {p.uid: p for p in demo_store.people.list_all()}
    return team, people


def _choose_team_by_keyboard(qtbot: Any, page: NetworkPageController) -> None:
    combo = page.view.centre.combo
    page.view.window().activateWindow()
    combo.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(combo.hasFocus)
    QTest.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentIndex() == 1


def test_the_choice_offers_me_and_each_team_s_focus_person(
    page: NetworkPageController, demo_store: Any
) -> None:
    combo = page.view.centre.combo
    assert not combo.isHidden()
    assert [combo.itemText(i) for i in range(combo.count())] == [ME_CHOICE, "Mum (Mum's knee)"]
    assert combo.accessibleName() == "Whose circles the map shows"
    assert page.view.map.centre_text() == "Me"
    assert page.view.centre.line.isHidden()


def test_a_network_without_teams_shows_no_choice(
    qtbot: Any, store: Any, clock: Callable[[], datetime]
) -> None:
    store.people.add(Person("Sam Rivera"))
    controller = NetworkPageController(Services.of(store), clock)
    qtbot.addWidget(controller.view)
    assert controller.view.centre.combo.isHidden()
    assert controller.view.centre.label.isHidden()


def test_a_team_view_puts_the_focus_in_the_centre_and_the_team_in_the_inner_circle(
    qtbot: Any, page: NetworkPageController, demo_store: Any
) -> None:
    team, people = _team(demo_store)
    _choose_team_by_keyboard(qtbot, page)
    view = page.view.map
    assert view.centre_text() == "Mum"
    assert view.accessibleName() == "Circle map of Mum's team"
    shown = {node.key: node for node in view.nodes()}
    focus = people[team.focus]
    assert ("person", focus.id) not in shown  # the centre, not a node
    for ref in team.supporters:
        key = YOU_KEY if ref == ME else ("person", people[ref].id)
        assert shown[key].circle is Circle.INNER, ref
    # Everyone else keeps their part of life; the user's own inner circle steps out.
    supporters = {("person", people[r].id) for r in team.supporters if r != ME}
    own = {node.key: node for node in page.nodes}
    stepped_out = 0
    for key, node in shown.items():
        if key not in supporters and key != YOU_KEY:
            if own[key].circle is Circle.INNER:
                assert node.circle is Circle.MIDDLE, node.label
                assert node.domain is own[key].domain
                stepped_out += 1
            else:
                assert node == own[key]
    assert stepped_out > 0  # the demo has inner-circle people who aren't on Mum's team
    line = page.view.centre.line
    assert not line.isHidden()
    assert line.text() == team_line("Mum")
    assert page.centre_name() == "Mum"


def test_a_team_view_moves_nobody(qtbot: Any, page: NetworkPageController, demo_store: Any) -> None:
    _choose_team_by_keyboard(qtbot, page)
    view = page.view.map
    moved: list[tuple[object, ...]] = []
    page.move_requested.connect(lambda *args: moved.append(args))
    key = next(n.key for n in view.nodes() if n.key != YOU_KEY)
    view.focus_node(key)
    assert view.move_focused(1, 0) is False
    assert view.drop_node(key, 0.0, -900.0) is False
    view.setFocus()
    QTest.keyClick(view, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert moved == []


def test_you_in_a_team_view_opens_nothing_and_selects_nothing(
    qtbot: Any, page: NetworkPageController
) -> None:
    _choose_team_by_keyboard(qtbot, page)
    asked: list[tuple[str, int]] = []
    page.edit_requested.connect(lambda kind, item_id: asked.append((kind, item_id)))
    view = page.view.map
    view.focus_node(YOU_KEY)
    assert page.selected() is None
    view.setFocus()
    QTest.keyClick(view, Qt.Key.Key_Return)
    assert asked == []
    other = next(n.key for n in view.nodes() if n.key != YOU_KEY)
    view.focus_node(other)
    QTest.keyClick(view, Qt.Key.Key_Return)
    assert asked == [other]


def test_switching_back_shows_the_user_s_own_circles_again(
    qtbot: Any, page: NetworkPageController
) -> None:
    before = page.view.map.nodes()
    _choose_team_by_keyboard(qtbot, page)
    combo = page.view.centre.combo
    QTest.keyClick(combo, Qt.Key.Key_Up)
    assert combo.currentIndex() == 0
    view = page.view.map
    assert view.nodes() == before
    assert view.centre_text() == "Me"
    assert view.movable
    assert page.view.centre.line.isHidden()
    assert page.centre_name() is None


def test_the_chosen_team_survives_a_refresh_and_a_removed_team_falls_back_to_me(
    qtbot: Any, page: NetworkPageController, demo_store: Any
) -> None:
    _choose_team_by_keyboard(qtbot, page)
    page.refresh()
    assert page.view.map.centre_text() == "Mum"
    (team,) = demo_store.care_teams.list()
    demo_store.care_teams.remove(team.uid)
    page.refresh()
    assert page.view.map.centre_text() == "Me"
    assert page.view.centre.combo.isHidden()


def test_the_centre_renders_in_light_and_dark(qtbot: Any, page: NetworkPageController) -> None:
    _choose_team_by_keyboard(qtbot, page)
    view = page.view.map
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    before = app.palette()
    shots = {}
    try:
        for name, palette in (("light", before), ("dark", dark_palette())):
            view.setPalette(palette)
            image = view.grab().toImage()
            centre = view.mapFromScene(0.0, 0.0)
            shots[name] = image.pixelColor(centre.x(), centre.y() - 3)
            background = palette.color(QPalette.ColorRole.Base)
            assert not image.isNull()
            assert shots[name] != background
    finally:
        view.setPalette(before)
    assert shots["light"] != shots["dark"]


def test_the_person_editor_speaks_to_the_user_in_a_team_view(qtbot: Any) -> None:
    plain = PersonEditor(Person("Rosie"), lambda p: p)
    qtbot.addWidget(plain)
    assert plain.knows_check.text() == KNOWS_TEXT == "Knows what you're going through"
    assert plain.knows_hint.isHidden()
    from_team = PersonEditor(Person("Rosie"), lambda p: p, centre="<b>Mum</b>")
    qtbot.addWidget(from_team)
    assert from_team.knows_check.text() == KNOWS_TEXT
    assert not from_team.knows_hint.isHidden()
    assert from_team.knows_hint.textFormat() == Qt.TextFormat.PlainText
    assert "About you, not <b>Mum</b>" in from_team.knows_hint.text()
    assert from_team.knows_check.accessibleDescription() == from_team.knows_hint.text()


def test_a_team_view_is_saved_under_its_own_title(
    qtbot: Any, page: NetworkPageController, tmp_path: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from supportnet.ui.widgets import dialogs

    target = tmp_path / "team.svg"
    monkeypatch.setattr(
        dialogs,
        "ask_export_path",
        lambda *_args: dialogs.export_choice(str(target), "SVG drawing (*.svg)"),
    )
    _choose_team_by_keyboard(qtbot, page)
    page.export_map()
    text = target.read_text(encoding="utf-8")
    assert "Mum&apos;s team" in text or "Mum's team" in text
    assert "My support network" not in text


def test_editing_someone_from_a_team_view_says_whose_the_tick_is(
    qtbot: Any, demo_store: Any, clock: Callable[[], datetime]
) -> None:
    from supportnet.ui.shell.main_window import MainWindow, Page

    window = MainWindow(Services.of(demo_store), data_location="/d", key_location="k", clock=clock)
    qtbot.addWidget(window)
    window.show_page(Page.NETWORK)
    team, people = _team(demo_store)
    rosie = next(p for p in people.values() if p.uid in team.supporters)
    assert rosie.id is not None
    editor = window.edit("person", rosie.id)
    assert isinstance(editor, PersonEditor)
    assert editor.knows_hint.isHidden()  # the user's own map: no extra line
    editor.reject()
    combo = window.network.view.centre.combo
    combo.setCurrentIndex(1)
    editor = window.edit("person", rosie.id)
    assert isinstance(editor, PersonEditor)
    assert not editor.knows_hint.isHidden()
    assert "About you, not Mum" in editor.knows_hint.text()
    editor.reject()


def test_the_team_reads_at_the_inner_circle_s_usual_size(
    qtbot: Any, page: NetworkPageController
) -> None:
    view = page.view.map
    own = view.placed_nodes()
    _choose_team_by_keyboard(qtbot, page)
    team = [p for p in view.placed_nodes() if p.node.circle is Circle.INNER]
    assert len(team) == 4  # Grandad, Owen Hughes, Rosie Mensah and You
    usual = ml.BASE_FONT * MAP_RADIUS * ml.RING_FONT[Circle.INNER]
    for p in team:
        assert p.font_size == pytest.approx(usual), p.node.label
        assert p.label_text.replace("\n", " ") == p.node.label
        # A half ring short of room leaves the letters out (the card has them), not the size.
        assert p.support_text in (ml.support_glyphs(p.node.support_types), "")
    assert any(p.support_text for p in team)
    # Written large enough on screen that the letters are drawn, not left out.
    scale = view.transform().m11()
    for p in team:
        pixels = p.font_size * ml.SUPPORT_SIZE * scale
        assert label_drawn(pixels, exporting=False, minimum=MIN_GLYPH_PX), p.node.label
    # Tab reads the team first as laid out: the right half, then the left.
    order = view.tab_order()[: len(team)]
    by_key = {p.node.key: p for p in team}
    sides = [by_key[key].label_side for key in order]
    assert sides == sorted(sides, reverse=True)
    assert set(order) == set(by_key)
    # Back in the user's own circles, every node is where it was.
    QTest.keyClick(page.view.centre.combo, Qt.Key.Key_Up)
    assert view.placed_nodes() == own


def _backdrop_pixels(whole_ring: Circle | None, radius: float) -> tuple[QColor, QColor]:
    """The backdrop's colour on the three o'clock sector line at ``radius``, and just off it."""
    backdrop = _Backdrop(_Shared(QFont(), QApplication.palette()))
    backdrop.set_whole_ring(whole_ring)
    size = int(2.2 * MAP_RADIUS)
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(QColor(0, 0, 0, 0))
    painter = QPainter(image)
    painter.translate(size / 2, size / 2)
    backdrop.paint(painter, QStyleOptionGraphicsItem(), None)
    painter.end()
    x = round(size / 2 + radius)
    return image.pixelColor(x, size // 2), image.pixelColor(x, size // 2 + 12)


def test_a_team_view_leaves_the_sector_lines_out_of_the_inner_circle(qtbot: Any) -> None:
    inner = sum(ml.ring_bounds(Circle.INNER, MAP_RADIUS)) / 2
    middle = sum(ml.ring_bounds(Circle.MIDDLE, MAP_RADIUS)) / 2
    on_line, off_line = _backdrop_pixels(None, inner)
    assert on_line != off_line  # the user's own map: a line between parts of life
    on_line, off_line = _backdrop_pixels(Circle.INNER, inner)
    assert on_line == off_line  # the team's circle is one
    on_line, off_line = _backdrop_pixels(Circle.INNER, middle)
    assert on_line != off_line  # further out, parts of life as ever
