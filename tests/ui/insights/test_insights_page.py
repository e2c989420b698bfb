"""The Insights page on real widgets and a real store: charts, sentences, tables, saving,
dark mode and the keyboard."""

from __future__ import annotations

import stat
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from supportnet.insights import words
from supportnet.insights.overview import ChartKind
from supportnet.model.checkins import CheckIn
from supportnet.ui.insights.page import focus_order
from supportnet.ui.insights.section import LOADING
from supportnet.ui.shell.sidebar import Page
from tests.conftest import fresh_python
from tests.ui.conftest import NOW
from tests.ui.shells import open_shell


def _opened(window: Any, qtbot: Any) -> Any:
    window.show_page(Page.INSIGHTS)
    page = window.insights
    qtbot.waitUntil(
        lambda: page.insights is not None and not page.busy and not page.drawing, timeout=20_000
    )
    return page


@pytest.fixture
def window(demo_store: Any, tmp_path: Path, qtbot: Any) -> Iterator[Any]:
    shell = open_shell(demo_store, tmp_path, qtbot, NOW)
    yield shell
    shell.background.wait()
    shell.close()


def test_four_charts_each_with_its_sentence_and_a_name(window: Any, qtbot: Any) -> None:
    page = _opened(window, qtbot)
    for kind, section in page.view.sections.items():
        assert section.summary.text() == page.insights.summary(kind)
        assert section.summary.text() not in (LOADING, words.NOT_ENOUGH)
        assert section.canvas is not None, kind
        assert section.canvas.isVisible()
        assert section.canvas.accessibleName() == f"Chart: {kind.label}"
        assert section.canvas.accessibleDescription() == section.summary.text()
        assert section.save_button.isEnabled()


def test_show_as_tables_gives_the_same_numbers(window: Any, qtbot: Any) -> None:
    page = _opened(window, qtbot)
    page.view.tables.setChecked(True)
    for kind, section in page.view.sections.items():
        expected = page.insights.table(kind)
        assert section.stack.currentWidget() is section.table
        assert section.table.rowCount() == len(expected.rows) > 0
        cells = [
            tuple(section.table.item(r, c).text() for c in range(len(expected.header)))
            for r in range(section.table.rowCount())
        ]
        assert cells == list(expected.rows)
        assert section.table.accessibleName() == f"{kind.label}, as a table"
    page.view.tables.setChecked(False)
    assert all(s.stack.currentWidget() is s.chart_holder for s in page.view.sections.values())


def test_weeks_stack_by_who_reached_out_and_look_back_a_year(window: Any, qtbot: Any) -> None:
    page = _opened(window, qtbot)
    section = page.view.sections[ChartKind.CONNECTION]
    page.view.split.setCurrentIndex(1)
    headers = [section.table.horizontalHeaderItem(c).text() for c in range(3)]
    assert headers == ["Week of", "I reached out", "They reached out"]
    assert "you reached out" in section.summary.text()
    page.view.span.setCurrentIndex(1)
    qtbot.waitUntil(
        lambda: page.insights.weeks == 52 and not page.busy and not page.drawing, timeout=20_000
    )
    assert section.table.rowCount() == 52


def test_save_chart_writes_each_format_privately(window: Any, qtbot: Any, tmp_path: Path) -> None:
    page = _opened(window, qtbot)
    heads = {"png": b"\x89PNG", "svg": b"<?xml", "pdf": b"%PDF"}
    for suffix, head in heads.items():
        path = page.save_chart(ChartKind.COVERAGE, tmp_path / f"chart.{suffix}")
        assert path is not None
        assert path.read_bytes().startswith(head)
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert "isn't encrypted" in window.note.text()


def test_the_charts_follow_a_palette_change(window: Any, qtbot: Any) -> None:
    from tools.screenshots import dark_palette

    page = _opened(window, qtbot)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    light = app.palette()
    try:
        app.setPalette(dark_palette())
        QApplication.processEvents()  # the palette reaches the page: it draws again
        qtbot.waitUntil(lambda: not page.drawing)
        ground = page.view.palette().color(QPalette.ColorRole.Window)
        for section in page.view.sections.values():
            assert section.canvas is not None
            face = QColor.fromRgbF(*section.canvas.figure.get_facecolor())
            assert face.name() == ground.name()
        assert ground.lightnessF() < 0.5
    finally:
        app.setPalette(light)


def test_the_keyboard_reaches_every_control(window: Any, qtbot: Any) -> None:
    page = _opened(window, qtbot)
    wanted = focus_order(page.view)
    page.view.span.setFocus()
    reached = set()
    for _ in range(60):
        focused = QApplication.focusWidget()
        if focused in wanted:
            reached.add(focused)
        window.focusNextChild()
    assert reached == set(wanted)
    assert all(widget.accessibleName() for widget in wanted)


def test_new_check_ins_are_added_up_again(window: Any, qtbot: Any, demo_store: Any) -> None:
    page = _opened(window, qtbot)
    before = page.insights.by_who.total
    person = demo_store.people.list_all()[0]
    window._source.checkins.log(CheckIn(at=NOW, person_id=person.id))
    window.signals.checkins_changed.emit()
    qtbot.waitUntil(lambda: page.insights.by_who.total == before + 1, timeout=20_000)


def test_an_empty_network_says_there_is_not_enough_yet(
    store: Any, tmp_path: Path, qtbot: Any
) -> None:
    shell = open_shell(store, tmp_path, qtbot, NOW)
    page = _opened(shell, qtbot)
    for kind in (ChartKind.CONNECTION, ChartKind.LIFT):
        section = page.view.sections[kind]
        assert section.canvas is None
        assert section.summary.text().startswith(words.NOT_ENOUGH)
        assert not section.save_button.isEnabled()
    shell.background.wait()
    shell.close()


def test_matplotlib_waits_until_the_page_is_opened(tmp_path: Path) -> None:
    """The window, shown with every other page built, has not loaded matplotlib."""
    script = f"""
import sys
from datetime import UTC, datetime
from pathlib import Path
from PySide6.QtWidgets import QApplication
from benchmarks.store_open import MemoryKeyring
from supportnet.data.store import open_store
from supportnet.services import Services
from supportnet.ui.shell.main_window import MainWindow

app = QApplication([])
with open_store(Path({str(tmp_path / "data")!r}), keyring_backend=MemoryKeyring()) as store:
    window = MainWindow(Services.of(store), data_location="d", key_location="k",
                        clock=lambda: datetime(2026, 1, 1, tzinfo=UTC))
    window.show()
    window.build_all_pages()
    app.processEvents()
    loaded = sorted(m for m in sys.modules if m.split(".")[0] == "matplotlib")
    print("loaded:", loaded[:3])
    window.close()
"""
    result = fresh_python(script)
    assert result.returncode == 0, result.stderr
    assert "loaded: []" in result.stdout, result.stdout


def test_the_page_scrolls_rather_than_squeezing_a_chart(window: Any, qtbot: Any) -> None:
    """At 1280×800 the four charts are taller than the window: each keeps its height and
    the page scrolls (a canvas swapped in must reach the scroll area), charts and tables."""
    page = _opened(window, qtbot)
    for tables in (False, True):
        page.view.tables.setChecked(tables)
        QApplication.processEvents()
        for section in page.view.sections.values():
            assert section.height() >= section.minimumSizeHint().height(), section.kind
        assert page.view.scroller.verticalScrollBar().maximum() > 0


def test_charts_are_drawn_one_turn_at_a_time(window: Any, qtbot: Any) -> None:
    """Sentences and tables at once; the first chart now and each other on a later turn of
    the event loop, so clicks and keys are handled between them."""
    page = _opened(window, qtbot)
    page.draw()
    sections = list(page.view.sections.values())
    assert page.drawing
    assert sections[0].canvas is not None
    assert sections[-1].summary.text() == page.insights.summary(sections[-1].kind)
    qtbot.waitUntil(lambda: not page.drawing)
    assert all(section.canvas is not None for section in sections)


def test_a_new_day_where_the_user_lives_adds_up_again(
    demo_store: Any, tmp_path: Path, qtbot: Any
) -> None:
    """In Auckland a day ends at 12:00 UTC: the page adds up again then, not at UTC's
    midnight half a day later (the week's last bar would hold yesterday meanwhile)."""
    from datetime import UTC, datetime

    settings = demo_store.settings.load()
    settings.timezone = "Pacific/Auckland"
    demo_store.settings.save(settings)
    moments = [datetime(2025, 6, 15, 11, 30, tzinfo=UTC)]  # 23:30 on the 15th there
    shell = open_shell(demo_store, tmp_path, qtbot, moments[0])
    page = _opened(shell, qtbot)
    page._clock = lambda: moments[-1]
    gathered = page.insights
    moments.append(datetime(2025, 6, 15, 11, 50, tzinfo=UTC))  # still the 15th there
    page.tick()
    assert not page.busy
    moments.append(datetime(2025, 6, 15, 12, 10, tzinfo=UTC))  # the 16th there, not in UTC
    page.tick()
    qtbot.waitUntil(lambda: page.insights is not gathered and not page.busy, timeout=20_000)
    assert page.insights.now == moments[-1]
    shell.background.wait()
    shell.close()
