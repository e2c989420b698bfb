"""The circle map's text is 9 pt or more at its default fit, and nobody fades away.

Every line the map paints (names, support letters, ring and sector names, the centre) is
recorded as it is drawn on the demo network's Network page at the screenshots' window
size, with the size it has on screen.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QPainter
from PySide6.QtWidgets import QApplication

from tests.ui.shells import open_shell

TODAY = date(2026, 11, 25)
NOW = datetime(2026, 11, 25, 17, 30, tzinfo=UTC)
ZONE = "Europe/London"
SMALLEST_PT = 9.0


@pytest.fixture
def store_template(demo_store_folders: Callable[[date, str], Path]) -> Path:
    """Every store here holds the example network: a copy of one made once a session."""
    return demo_store_folders(TODAY, ZONE)


@pytest.fixture
def network_page(store: Any, tmp_path: Path, qtbot: Any) -> Iterator[Any]:
    from supportnet.ui.shell.sidebar import Page

    shell = open_shell(store, tmp_path, qtbot, NOW)
    shell.show_page(Page.NETWORK)
    QApplication.processEvents()
    yield shell
    shell.close()


def _drawn(view: Any, monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, float]]:
    """Each text the map paints in one full repaint, with its height on screen in points."""
    from supportnet.ui.network import map_items

    drawn: list[tuple[str, float]] = []
    real = map_items._draw_text
    dpi = view.logicalDpiY()

    def record(
        painter: QPainter, shared: Any, text: str, x: float, y: float, size: float, **kw: Any
    ) -> None:
        scale = math.sqrt(abs(painter.worldTransform().determinant()))
        drawn.append((text, size * scale * 72 / dpi))
        real(painter, shared, text, x, y, size, **kw)

    monkeypatch.setattr(map_items, "_draw_text", record)
    for item in view.scene().items():
        item.update()
    view.viewport().grab()
    return drawn


@pytest.mark.parametrize("centre", [0, 1], ids=["me", "care-team"])
def test_every_map_text_is_9pt_or_more_at_the_default_fit(
    network_page: Any, monkeypatch: pytest.MonkeyPatch, centre: int
) -> None:
    view = network_page.network.view
    view.centre.combo.setCurrentIndex(centre)
    QApplication.processEvents()
    drawn = _drawn(view.map, monkeypatch)
    assert drawn, "the map painted its text through _draw_text"
    small = [f"{text!r} {points:.1f} pt" for text, points in drawn if points < SMALLEST_PT]
    assert not small, "\n".join(small)


@pytest.mark.parametrize("dark", [False, True], ids=["light", "dark"])
def test_the_map_s_colours_read_on_every_ring(network_page: Any, dark: bool) -> None:
    """Names and the quieter ring and sector names at 4.5:1, the marks' outlines at 3:1,
    on the map's background and every ring's fill."""
    from supportnet.ui.widgets.contrast import ratio
    from tools.screenshots import dark_palette

    view = network_page.network.view.map
    if dark:
        view.setPalette(dark_palette())
    theme = view._shared.theme
    style = view._shared.node_style(40.0, False, 1.0)
    grounds = [theme.background, *(brush.color() for brush in theme.ring_fill.values())]
    for ground in grounds:
        assert ratio(theme.text, ground) >= 4.5
        assert ratio(theme.quiet_text, ground) >= 4.5
        assert ratio(style.text, ground) >= 4.5, "a quiet person's name at full strength"
        assert ratio(style.pen.color(), ground) >= 3.0
