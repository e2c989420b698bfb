"""WCAG contrast in light and dark: quiet text at 4.5:1, field outlines at 3:1, map text 9 pt.

Measured twice: from the palette the app ends up with, and from the pixels of every page of
the main window on the example network and of the main dialogs, as tools/screenshots.py
renders them. Light is the offscreen platform's own Fusion palette; dark is the screenshots'
dark palette (Fusion's, what GNOME's dark theme gives), the hard case.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QAbstractListModel, QAbstractTableModel, QModelIndex, QPoint, QRect, Qt
from PySide6.QtGui import QBrush, QColor, QImage, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTextEdit,
    QWidget,
)

from supportnet.ui.widgets.contrast import border_colour, focus_colour, ratio
from tests.ui.shells import gb_crisis, open_shell

TODAY = date(2026, 11, 25)
NOW = datetime(2026, 11, 25, 17, 30, tzinfo=UTC)
ZONE = "Europe/London"
TEXT, LARGE_TEXT, BORDER = 4.5, 3.0, 3.0
Role = QPalette.ColorRole


# --- the WCAG formula itself ------------------------------------------------------------------


def test_the_wcag_formula_gives_the_known_figures() -> None:
    white, black = QColor("#ffffff"), QColor("#000000")
    assert ratio(black, white) == pytest.approx(21.0)
    assert ratio(white, white) == pytest.approx(1.0)
    assert ratio(QColor("#767676"), white) == pytest.approx(4.54, abs=0.01)  # the AA grey
    assert ratio(QColor("#777777"), white) == pytest.approx(4.48, abs=0.01)
    half = QColor(0, 0, 0, 128)  # Qt's own placeholder: text at half strength
    assert ratio(half, QColor("#efefef")) < TEXT, "blended over its background first"


# --- themes -----------------------------------------------------------------------------------


@pytest.fixture
def store_template(demo_store_folders: Callable[[date, str], Path]) -> Path:
    """Every store here holds the example network: a copy of one made once a session."""
    return demo_store_folders(TODAY, ZONE)


@pytest.fixture(params=["light", "dark"])
def theme(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    from tools.screenshots import dark_palette

    qapp.setPalette(QPalette() if request.param == "light" else dark_palette())
    QApplication.processEvents()
    yield request.param
    qapp.setPalette(QPalette())
    QApplication.processEvents()


def test_quiet_text_and_field_outlines_from_the_palette(theme: str, qapp: QApplication) -> None:
    palette = qapp.palette()
    for group in (QPalette.ColorGroup.Active, QPalette.ColorGroup.Inactive):
        for role in (Role.PlaceholderText, Role.Text, Role.WindowText, Role.Link):
            for ground in (Role.Window, Role.Base, Role.AlternateBase):
                seen = ratio(palette.color(group, role), palette.color(group, ground))
                assert seen >= TEXT, f"{theme} {role.name} on {ground.name}: {seen:.2f}:1"
        for what, outline in (
            ("field outline", border_colour(palette, group)),
            ("focus ring", focus_colour(palette, group)),
        ):
            for ground in (Role.Window, Role.Base):
                seen = ratio(outline, palette.color(group, ground))
                assert seen >= BORDER, f"{theme} {what} on {ground.name}: {seen:.2f}:1"


def test_quiet_text_follows_a_palette_change(qapp: QApplication) -> None:
    """A theme that brings a faint quiet colour of its own is lifted as it arrives."""
    faint = QPalette()
    faint.setColor(Role.PlaceholderText, QColor("#c8c8c8"))
    qapp.setPalette(faint)
    try:
        placed = qapp.palette().color(Role.PlaceholderText)
        assert ratio(placed, qapp.palette().color(Role.Window)) >= TEXT
        assert ratio(placed, qapp.palette().color(Role.Text)) > 1.5, "still quieter than text"
    finally:
        qapp.setPalette(QPalette())


# --- pixels -----------------------------------------------------------------------------------


def _background(image: QImage, rect: QRect) -> QColor:
    """The most common colour in ``rect`` of ``image``: what the text stands on."""
    counts: Counter[int] = Counter()
    step = max(1, rect.height() // 12)
    for y in range(rect.top(), rect.bottom() + 1, step):
        for x in range(rect.left(), rect.right() + 1):
            counts[image.pixel(x, y)] += 1
    return QColor.fromRgb(counts.most_common(1)[0][0])


def _strongest(image: QImage, rect: QRect, ground: QColor) -> float:
    """The highest contrast of any pixel in ``rect`` against ``ground``."""
    best = 1.0
    for y in range(rect.top(), rect.bottom() + 1):
        for x in range(rect.left(), rect.right() + 1):
            best = max(best, ratio(QColor.fromRgb(image.pixel(x, y)), ground))
    return best


def _large(widget: QWidget) -> bool:
    font = widget.font()
    points = font.pointSizeF()
    return points >= 18 or (points >= 14 and font.bold())


def _texts(top: QWidget) -> Iterator[tuple[QWidget, str]]:
    """Visible, enabled labels and flat (link-like) buttons with words, and their words."""
    for widget in top.findChildren(QLabel) + top.findChildren(QPushButton):
        if isinstance(widget, QPushButton) and not widget.isFlat():
            continue
        if widget.isVisibleTo(top) and widget.isEnabled() and widget.text().strip():
            yield widget, widget.text()


def _label_problems(top: QWidget, image: QImage, where: str) -> list[str]:
    """Every visible, enabled label and flat button whose text (palette colour and
    darkest-or-lightest pixel) stands under 4.5:1 (3:1 large) on the background under it."""
    problems = []
    frame = QRect(QPoint(0, 0), image.size())
    for widget, text in _texts(top):
        rect = QRect(widget.mapTo(top, QPoint(0, 0)), widget.size()).intersected(frame)
        rect = rect.intersected(widget.visibleRegion().boundingRect().translated(rect.topLeft()))
        if rect.width() < 4 or rect.height() < 4:
            continue
        ground = _background(image, rect)
        colour = widget.palette().color(widget.foregroundRole())
        wanted = LARGE_TEXT if _large(widget) else TEXT
        by_palette = ratio(colour, ground)
        by_pixels = _strongest(image, rect, ground)
        if min(by_palette, by_pixels) < wanted:
            problems.append(
                f"{where}: {text[:40]!r} {by_palette:.2f}:1 by palette, "
                f"{by_pixels:.2f}:1 by pixels (wants {wanted})"
            )
    return problems


def _fields(top: QWidget) -> Iterator[QWidget]:
    for widget in top.findChildren(QWidget):
        small = widget.width() < 12 or widget.height() < 12
        # Disabled fields are left out, as WCAG leaves out inactive controls.
        if not widget.isVisibleTo(top) or not widget.isEnabled() or small:
            continue
        if isinstance(widget, QLineEdit):
            inside = isinstance(widget.parentWidget(), QAbstractSpinBox | QComboBox)
            if widget.hasFrame() and not inside:
                yield widget
        elif isinstance(widget, QAbstractSpinBox | QComboBox):
            if widget.hasFrame():
                yield widget
        elif (
            isinstance(widget, QTextEdit | QPlainTextEdit)
            and isinstance(widget, QAbstractScrollArea)
            and widget.frameShape() != widget.Shape.NoFrame
        ):
            yield widget


def _field_problems(top: QWidget, image: QImage, where: str) -> list[str]:
    """Fields whose outline (the strongest of the outer three pixels at the middle of the
    left and of the top edge) stands under 3:1 against the window around them."""
    problems = []
    frame = QRect(QPoint(0, 0), image.size())
    for field in _fields(top):
        rect = QRect(field.mapTo(top, QPoint(0, 0)), field.size())
        if not frame.contains(rect.adjusted(-3, -3, 3, 3)):
            continue
        ground = field.parentWidget().palette().color(Role.Window)
        mid_y, mid_x = rect.center().y(), rect.center().x()
        edges = [
            [QColor.fromRgb(image.pixel(rect.left() + i, mid_y)) for i in range(3)],
            [QColor.fromRgb(image.pixel(mid_x, rect.top() + i)) for i in range(3)],
        ]
        for edge in edges:
            seen = max(ratio(pixel, ground) for pixel in edge)
            if seen < BORDER:
                name = field.accessibleName() or type(field).__name__
                problems.append(f"{where}: field {name!r} outline {seen:.2f}:1")
                break
    return problems


def _rows(model: Any, parent: QModelIndex, depth: int = 0) -> Iterator[QModelIndex]:
    """Every index of ``model`` under ``parent``, two levels deep (the trees are shallow)."""
    flat = isinstance(model, QAbstractListModel | QAbstractTableModel)
    columns = 1 if isinstance(model, QAbstractListModel) else model.columnCount(parent)
    for row in range(model.rowCount(parent)):
        for column in range(columns):
            index = model.index(row, column, parent)
            yield index
            if column == 0 and depth < 1 and not flat:
                yield from _rows(model, index, depth + 1)


def _colour(value: object) -> QColor | None:
    if isinstance(value, QBrush):
        return value.color()
    return value if isinstance(value, QColor) else None


def _item_view_problems(top: QWidget, where: str) -> list[str]:
    """Rows of every visible list, tree and table whose text (the model's foreground, else
    the view's Text) stands under 4.5:1 on the view's Base or AlternateBase (striped or
    not: a style may stripe any of them); disabled rows are left out, as WCAG does."""
    problems = []
    for view in top.findChildren(QAbstractItemView):
        model = view.model()
        if not view.isVisibleTo(top) or model is None:
            continue
        palette = view.palette()
        for index in _rows(model, QModelIndex()):
            if not model.flags(index) & Qt.ItemFlag.ItemIsEnabled:
                continue
            text = model.data(index, Qt.ItemDataRole.DisplayRole)
            if not isinstance(text, str) or not text.strip():
                continue
            colour = _colour(model.data(index, Qt.ItemDataRole.ForegroundRole))
            colour = colour or palette.color(Role.Text)
            own = _colour(model.data(index, Qt.ItemDataRole.BackgroundRole))
            grounds = (
                [own] if own else [palette.color(Role.Base), palette.color(Role.AlternateBase)]
            )
            seen = min(ratio(colour, ground) for ground in grounds)
            if seen < TEXT:
                name = view.accessibleName() or type(view).__name__
                problems.append(f"{where}: {name!r} row {text[:40]!r} {seen:.2f}:1")
    return problems


def _problems(top: QWidget, where: str) -> list[str]:
    QApplication.processEvents()
    image = top.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
    return (
        _label_problems(top, image, where)
        + _field_problems(top, image, where)
        + _item_view_problems(top, where)
    )


@pytest.fixture
def window(store: Any, tmp_path: Path, qtbot: Any, theme: str) -> Iterator[Any]:
    shell = open_shell(store, tmp_path, qtbot, NOW, crisis=gb_crisis(tmp_path))
    yield shell
    shell.close()


def test_every_page_passes_in_pixels(window: Any, theme: str) -> None:
    from supportnet.ui.shell.sidebar import Page

    problems: list[str] = []
    measured = 0
    for page in Page:
        window.show_page(page)
        problems += _problems(window, f"{theme} {page.name}")
        measured += 1
    assert measured == len(Page)
    assert not problems, "\n".join(problems)


def test_the_main_dialogs_pass_in_pixels(window: Any, store: Any, theme: str) -> None:
    problems: list[str] = []
    person = next(p for p in store.people.list_all() if p.nickname)
    group = store.groups.list_all()[0]
    for kind, item_id in (("person", person.id), ("group", group.id)):
        window.edit(kind, item_id)
        problems += _problems(window.editor, f"{theme} {kind} editor")
        window.editor.reject()
    tom = next(p for p in store.people.list_all() if p.name == "Tom Whitaker")
    plans = window.open_plans("person", tom.id)
    for tab in (0, 1):
        plans.tabs.setCurrentIndex(tab)
        problems += _problems(plans, f"{theme} plans tab {tab}")
    plans.tabs.setCurrentIndex(0)
    plans.plans.select_uid(store.plans.for_person(tom.id)[0].uid)
    editor = plans.plans.edit_selected()
    problems += _problems(editor, f"{theme} plan editor")
    editor.reject()
    plans.close()
    log = window.today.log_checkin()
    problems += _problems(log, f"{theme} log dialog")
    log.reject()
    export = window.open_calendar_export()
    export.resize(export.preferred_size())
    problems += _problems(export, f"{theme} calendar export")
    export.reject()
    preferences = window.open_preferences()
    problems += _problems(preferences, f"{theme} preferences")
    preferences.reject()
    hard_day = window.open_hard_day()
    problems += _problems(hard_day, f"{theme} hard day")
    hard_day.close()
    assert not problems, "\n".join(problems)


def _focus_ring_problems(top: QWidget, theme: str, kinds: set[type]) -> list[str]:
    """Each flat button shown in ``top``, focused in turn: its ring's strongest pixel on the
    left edge against the window around it, if under 3:1. Adds their types to ``kinds``."""
    problems = []
    links = [b for b in top.findChildren(QPushButton) if b.isFlat() and b.isVisibleTo(top)]
    assert links
    kinds.update(type(link) for link in links)
    for link in links:
        link.setFocus(Qt.FocusReason.TabFocusReason)
        QApplication.processEvents()
        assert link.hasFocus(), link.text()
        image = top.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
        rect = QRect(link.mapTo(top, QPoint(0, 0)), link.size())
        ground = link.parentWidget().palette().color(Role.Window)
        mid = rect.center().y()
        edge = [QColor.fromRgb(image.pixel(rect.left() + i, mid)) for i in range(4)]
        seen = max(ratio(pixel, ground) for pixel in edge)
        if seen < BORDER:
            problems.append(f"{theme} {link.text()!r} focus ring {seen:.2f}:1")
    return problems


def test_quiet_links_show_their_focus_at_3_to_1(window: Any, theme: str, qtbot: Any) -> None:
    """Every flat button, which Fusion draws with no focus at all, gets the fields' ring from
    the style: Today's "Go easy this week…" (and the going-easy line's "Edit…" and "Stop
    going easy"), the unlock dialog's "Need help now?" and "Forgot your passphrase?"."""
    from supportnet.data.keys import PassphrasePurpose
    from supportnet.ui.hard_day.entry import HelpLink
    from supportnet.ui.shell.sidebar import Page
    from supportnet.ui.start.unlock_dialog import UnlockDialog
    from supportnet.ui.today.cards import QuietLink

    window.show_page(Page.TODAY)
    window.activateWindow()
    kinds: set[type] = set()
    problems = _focus_ring_problems(window, theme, kinds)  # "Go easy this week…"
    window.today.set_going_easy(date(2026, 11, 30))  # "Edit…" and "Stop going easy"
    QApplication.processEvents()
    problems += _focus_ring_problems(window, theme, kinds)
    unlock = UnlockDialog(PassphrasePurpose.UNLOCK, offer_recovery=True)
    qtbot.addWidget(unlock)
    unlock.show()
    unlock.activateWindow()
    problems += _focus_ring_problems(unlock, theme, kinds)
    unlock.reject()
    assert {QuietLink, HelpLink} <= kinds
    assert not problems, "\n".join(problems)
