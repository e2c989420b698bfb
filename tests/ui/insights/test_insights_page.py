"""The Insights page on real widgets and a real store: charts, sentences, tables, saving,
dark mode and the keyboard."""

from __future__ import annotations

import stat
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
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
    # Filled only when first shown (thousands of rows on a big network).
    assert all(s.table.model().rowCount() == 0 for s in page.view.sections.values())
    page.view.tables.setChecked(True)
    for kind, section in page.view.sections.items():
        expected = page.insights.table(kind)
        assert section.stack.currentWidget() is section.table
        assert section.table.model().rowCount() == len(expected.rows) > 0
        cells = [
            tuple(section.table.cell(r, c) for c in range(len(expected.header)))
            for r in range(section.table.model().rowCount())
        ]
        assert cells == list(expected.rows)
        assert section.table.accessibleName() == f"{kind.label}, as a table"
    page.view.tables.setChecked(False)
    assert all(s.stack.currentWidget() is s.chart_holder for s in page.view.sections.values())


def test_weeks_stack_by_who_reached_out_and_look_back_a_year(window: Any, qtbot: Any) -> None:
    page = _opened(window, qtbot)
    section = page.view.sections[ChartKind.CONNECTION]
    page.view.tables.setChecked(True)
    page.view.split.setCurrentIndex(1)
    headers = [section.table.header_text(c) for c in range(3)]
    assert headers == ["Week of", "I reached out", "They reached out"]
    assert "you reached out" in section.summary.text()
    page.view.span.setCurrentIndex(1)
    qtbot.waitUntil(
        lambda: page.insights.weeks == 52 and not page.busy and not page.drawing, timeout=20_000
    )
    assert section.table.model().rowCount() == 52


def test_save_chart_writes_each_format_privately(window: Any, qtbot: Any, tmp_path: Path) -> None:
    page = _opened(window, qtbot)
    heads = {"png": b"\x89PNG", "svg": b"<?xml", "pdf": b"%PDF"}
    for suffix, head in heads.items():
        path = tmp_path / f"chart.{suffix}"
        page.save_chart(ChartKind.COVERAGE, path)
        qtbot.waitUntil(lambda p=path: f"Saved {p.name}" in window.note.text(), timeout=20_000)
        assert path.read_bytes().startswith(head)
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert "isn't encrypted" in window.note.text()
    assert page.save_dir == str(tmp_path)


def test_a_chart_that_cannot_be_saved_there_says_so(
    window: Any, qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from supportnet.ui.widgets import dialogs

    said: list[str] = []
    monkeypatch.setattr(dialogs, "show_error", lambda _parent, text: said.append(text))
    page = _opened(window, qtbot)
    page.save_chart(ChartKind.COVERAGE, tmp_path / "no such folder" / "chart.png")
    qtbot.waitUntil(lambda: bool(said), timeout=20_000)
    assert said == ["chart.png couldn't be saved there (No such file or directory)."]
    assert not (tmp_path / "no such folder").exists()


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


def test_the_charts_follow_a_larger_font(window: Any, qtbot: Any) -> None:
    page = _opened(window, qtbot)
    section = page.view.sections[ChartKind.CONNECTION]
    before = section.canvas.figure.axes[0].yaxis.label.get_fontsize()
    font = page.view.font()
    font.setPointSizeF(font.pointSizeF() * 1.5)
    page.view.setFont(font)
    assert page.drawing
    qtbot.waitUntil(lambda: not page.drawing, timeout=20_000)
    after = section.canvas.figure.axes[0].yaxis.label.get_fontsize()
    assert after == pytest.approx(before * 1.5)


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


def test_tab_goes_through_the_tables_and_on(window: Any, qtbot: Any) -> None:
    """With the tables shown, the Tab key moves from each table to the next control (a
    table that took Tab for its cells kept the keyboard in it for good)."""
    page = _opened(window, qtbot)
    page.view.tables.setChecked(True)
    wanted = [
        widget
        for section in page.view.sections.values()
        for widget in (section.table, section.save_button)
    ]
    page.view.tables.setFocus()
    reached = []
    for _ in range(40):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        focused = QApplication.focusWidget()
        if focused in wanted and focused not in reached:
            reached.append(focused)
    assert reached == wanted


def test_a_resize_while_drawing_ends_with_charts_that_fit(window: Any, qtbot: Any) -> None:
    """Narrowed while the worker is busy, then widened back before the narrow drawing
    arrives: the narrow pixels are not left in the wide canvas."""
    page = _opened(window, qtbot)
    section = page.view.sections[ChartKind.CONNECTION]
    canvas = section.canvas
    wide = canvas.width()
    gate = threading.Event()
    window.background.run(lambda: gate.wait(20), lambda _r: None, lambda _e: None)
    column = section.parentWidget()
    widest = column.maximumWidth()
    column.setMaximumWidth(column.width() - 200)
    qtbot.waitUntil(lambda: canvas.width() < wide)
    qtbot.waitUntil(lambda: page.drawing)  # the narrow drawing is asked for, and waits
    column.setMaximumWidth(widest)
    qtbot.waitUntil(lambda: canvas.width() == wide)
    gate.set()
    qtbot.waitUntil(
        lambda: not page.drawing and canvas.drawn.asked == canvas.width(), timeout=20_000
    )
    assert not canvas.out_of_date


def test_the_first_chart_is_saved_once_every_number_is_in(
    window: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from supportnet.services.insights import InsightsService

    page = _opened(window, qtbot)
    gate = threading.Event()
    gather = InsightsService.gather

    def slow(self: Any, *args: Any, **kwargs: Any) -> Any:
        gate.wait(20)
        return gather(self, *args, **kwargs)

    monkeypatch.setattr(InsightsService, "gather", slow)
    page.view.span.setCurrentIndex(1)  # a year: add up again
    section = page.view.sections[ChartKind.CONNECTION]
    qtbot.waitUntil(lambda: page._ready is not None)
    assert section.canvas is not None
    assert not section.save_button.isEnabled()  # shown, but the rest isn't in yet
    gate.set()
    qtbot.waitUntil(lambda: not page.busy and not page.drawing, timeout=20_000)
    assert section.save_button.isEnabled()


def test_charts_that_cannot_be_drawn_say_so_calmly(
    window: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    from supportnet.model.errors import ChartsUnavailableError
    from supportnet.ui.insights import page as page_module

    page = _opened(window, qtbot)

    def unavailable(*_args: Any) -> Any:
        raise ChartsUnavailableError(page_module.CANT_DRAW)

    monkeypatch.setattr(page_module, "draw_chart", unavailable)
    page.draw()
    qtbot.waitUntil(lambda: not page.drawing, timeout=20_000)
    for section in page.view.sections.values():
        assert section.canvas is None
        assert section.placeholder.isVisibleTo(section)
        assert section.placeholder.text() == page_module.CANT_DRAW
        assert not section.save_button.isEnabled()


def test_matplotlibs_folder_that_cannot_be_made_is_not_a_crash(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """matplotlib isn't loaded then, so it never picks a folder of its own in the home."""
    import sys

    from supportnet.charts import setup
    from supportnet.model.errors import ChartsUnavailableError
    from supportnet.ui.insights import page as page_module

    monkeypatch.delitem(sys.modules, "supportnet.ui.insights.canvas")

    def refuse() -> None:
        raise NotADirectoryError(20, "Not a directory")

    monkeypatch.setattr(setup, "prepare_matplotlib", refuse)
    with pytest.raises(ChartsUnavailableError):
        page_module._load_matplotlib()


def test_an_ending_added_to_the_name_asks_before_replacing(
    window: Any, qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The file dialog asked about "chart", not "chart.png": replacing that is asked here."""
    from PySide6.QtWidgets import QFileDialog

    from supportnet.ui.widgets import dialogs

    page = _opened(window, qtbot)
    mine = tmp_path / "chart.png"
    mine.write_bytes(b"my own picture")
    monkeypatch.setattr(
        QFileDialog,
        "getSaveFileName",
        lambda *_a, **_k: (str(tmp_path / "chart"), "PNG picture (*.png)"),
    )
    asked: list[str] = []

    def keep(_parent: Any, _title: str, question: str, **_kw: Any) -> bool:
        asked.append(question)
        return False

    monkeypatch.setattr(dialogs, "confirm", keep)
    assert page._ask_path(ChartKind.COVERAGE) is None
    assert asked == [f"There is already a file called chart.png in {tmp_path}. Replace it?"]
    assert mine.read_bytes() == b"my own picture"


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


def test_charts_are_drawn_off_the_gui_thread(
    window: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Sentences and tables at once; every chart is drawn on the worker and shown when it
    is done, so the window answers clicks and keys meanwhile."""
    from matplotlib.figure import Figure

    page = _opened(window, qtbot)
    threads: list[int] = []
    draw = Figure.draw

    def watched(figure: Figure, renderer: Any) -> None:
        threads.append(threading.get_ident())
        draw(figure, renderer)

    monkeypatch.setattr(Figure, "draw", watched)
    shown = {kind: section.canvas.drawn for kind, section in page.view.sections.items()}
    page.draw()
    sections = list(page.view.sections.values())
    assert page.drawing
    assert sections[-1].summary.text() == page.insights.summary(sections[-1].kind)
    qtbot.waitUntil(lambda: not page.drawing, timeout=20_000)
    assert len(threads) == len(sections)
    assert threading.main_thread().ident not in threads
    for kind, section in page.view.sections.items():
        assert section.canvas is not None
        assert section.canvas.drawn is not shown[kind]  # the new drawing is the one shown


def test_a_narrower_page_draws_the_charts_again_to_fit(window: Any, qtbot: Any) -> None:
    """The page's column narrows (a smaller window, a larger font): the charts are drawn
    again at the new width, on the worker, once the resizing settles."""
    page = _opened(window, qtbot)
    section = page.view.sections[ChartKind.CONNECTION]
    canvas = section.canvas
    before = canvas.drawn.width
    assert before == canvas.width()
    column = section.parentWidget()
    column.setMaximumWidth(column.width() - 200)
    qtbot.waitUntil(lambda: canvas.width() < before)
    assert canvas.out_of_date  # the old pixels, until the worker draws the new ones
    qtbot.waitUntil(lambda: not page.drawing and canvas.drawn.width == canvas.width())
    assert not canvas.out_of_date
    assert round(canvas.figure.get_size_inches()[0] * canvas.figure.dpi) == canvas.width()


def test_a_newer_drawing_replaces_one_still_waiting(window: Any, qtbot: Any) -> None:
    """A palette change and a new split in quick succession: only the newest is shown."""
    page = _opened(window, qtbot)
    page.draw()
    page.view.split.setCurrentIndex(1)
    qtbot.waitUntil(lambda: not page.drawing, timeout=20_000)
    section = page.view.sections[ChartKind.CONNECTION]
    labels = [text.get_text() for text in section.canvas.figure.axes[0].get_legend().get_texts()]
    assert labels == ["I reached out", "They reached out"]


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
