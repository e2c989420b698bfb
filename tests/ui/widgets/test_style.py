"""Check boxes and radio buttons stand out from the window in light and dark palettes."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QRect
from PySide6.QtGui import QColor, QImage, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCheckBox,
    QRadioButton,
    QStyle,
    QStyleOption,
    QStyleOptionButton,
)

from supportnet.ui.widgets.style import ClearIndicators, apply_clear_indicators

PE = QStyle.PrimitiveElement
ELEMENTS = pytest.mark.parametrize(
    "element",
    [PE.PE_IndicatorCheckBox, PE.PE_IndicatorRadioButton, PE.PE_IndicatorItemViewItemCheck],
    ids=["check-box", "radio-button", "list-check"],
)


def _palette(theme: str) -> QPalette:
    """A desktop's dark theme (the colours Fusion draws its near-invisible outlines on)."""
    roles = {
        "dark": ("#202326", "#17191b", "#e6e7e8"),
        "light": ("#efefef", "#ffffff", "#000000"),
    }[theme]
    palette = QPalette()
    for role, colour in zip(
        (QPalette.ColorRole.Window, QPalette.ColorRole.Base, QPalette.ColorRole.Text),
        roles,
        strict=True,
    ):
        palette.setColor(role, QColor(colour))
    palette.setColor(QPalette.ColorRole.WindowText, QColor(roles[2]))
    palette.setColor(QPalette.ColorRole.Button, QColor(roles[0]))
    palette.setColor(QPalette.ColorRole.ButtonText, QColor(roles[2]))
    return palette


def _luminance(colour: QColor) -> float:
    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4

    red, green, blue = (channel(c) for c in (colour.redF(), colour.greenF(), colour.blueF()))
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast(first: QColor, second: QColor) -> float:
    """The WCAG contrast ratio of two colours, 1 to 21."""
    light, dark = sorted((_luminance(first), _luminance(second)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def _pixels(image: QImage, rect: QRect) -> list[QColor]:
    return [
        image.pixelColor(x, y)
        for x in range(rect.left(), rect.right() + 1)
        for y in range(rect.top(), rect.bottom() + 1)
    ]


def _strongest(image: QImage, rect: QRect, against: QColor) -> float:
    return max(contrast(pixel, against) for pixel in _pixels(image, rect))


@pytest.fixture
def clear() -> Iterator[ClearIndicators]:
    style = ClearIndicators("Fusion")
    yield style
    style.deleteLater()


def _draw(style: QStyle, element: QStyle.PrimitiveElement, palette: QPalette, on: bool) -> QImage:
    """One indicator, 16 px, drawn on the window colour the way a dialog draws it."""
    image = QImage(24, 24, QImage.Format.Format_ARGB32)
    image.fill(palette.color(QPalette.ColorRole.Window))
    option = QStyleOption()
    option.rect = QRect(4, 4, 16, 16)
    option.palette = palette
    option.state = QStyle.StateFlag.State_Enabled | (
        QStyle.StateFlag.State_On if on else QStyle.StateFlag.State_Off
    )
    painter = QPainter(image)
    style.drawPrimitive(element, option, painter)
    painter.end()
    return image


@pytest.mark.parametrize("theme", ["dark", "light"])
@ELEMENTS
def test_an_empty_indicator_stands_out_from_the_window(
    qapp: QApplication, clear: ClearIndicators, theme: str, element: QStyle.PrimitiveElement
) -> None:
    palette = _palette(theme)
    image = _draw(clear, element, palette, on=False)
    # WCAG 1.4.11: the parts needed to see a control at least 3:1 against what is around it.
    window = palette.color(QPalette.ColorRole.Window)
    assert _strongest(image, QRect(4, 4, 16, 16), window) >= 3.0


@pytest.mark.parametrize("theme", ["dark", "light"])
@ELEMENTS
def test_a_ticked_indicator_is_plainly_different_from_an_empty_one(
    qapp: QApplication, clear: ClearIndicators, theme: str, element: QStyle.PrimitiveElement
) -> None:
    palette = _palette(theme)
    field = palette.color(QPalette.ColorRole.Base)
    middle = QRect(8, 8, 8, 8)  # inside the outline, where the tick or dot goes
    empty = _draw(clear, element, palette, on=False)
    ticked = _draw(clear, element, palette, on=True)
    assert _strongest(empty, middle, field) < 1.2
    assert _strongest(ticked, middle, field) >= 4.5


def test_a_real_check_box_and_radio_button_in_a_dark_window(
    qtbot: object, clear: ClearIndicators
) -> None:
    palette = _palette("dark")
    buttons: list[tuple[QAbstractButton, QStyle.SubElement]] = [
        (QCheckBox("Remind me"), QStyle.SubElement.SE_CheckBoxIndicator),
        (QRadioButton("Discreet"), QStyle.SubElement.SE_RadioButtonIndicator),
    ]
    for button, sub in buttons:
        qtbot.addWidget(button)  # type: ignore[attr-defined]
        button.setStyle(clear)
        button.setPalette(palette)
        button.resize(button.sizeHint())
        option = QStyleOptionButton()
        button.initStyleOption(option)  # type: ignore[attr-defined]
        indicator = clear.subElementRect(sub, option, button)
        image = button.grab().toImage()
        window = palette.color(QPalette.ColorRole.Window)
        assert _strongest(image, indicator, window) >= 3.0, button.text()


def test_it_is_applied_over_fusion_once(qapp: QApplication) -> None:
    qapp.setStyle("Fusion")
    assert apply_clear_indicators(qapp)
    applied = qapp.style()
    assert isinstance(applied, ClearIndicators)
    assert apply_clear_indicators(qapp)
    assert qapp.style() is applied


def test_other_styles_keep_their_own_indicators(qapp: QApplication) -> None:
    try:
        qapp.setStyle("Windows")
        assert not apply_clear_indicators(qapp)
        assert not isinstance(qapp.style(), ClearIndicators)
        assert qapp.style().name().lower() == "windows"
    finally:
        qapp.setStyle("Fusion")
        apply_clear_indicators(qapp)


def test_field_like_areas_are_known_without_asking_for_their_viewport(qapp: QApplication) -> None:
    from PySide6.QtWidgets import QPlainTextEdit, QScrollArea, QWidget

    from supportnet.ui.widgets.reading_page import window_coloured_viewport
    from supportnet.ui.widgets.style import _framed_area

    class NoViewport(QPlainTextEdit):
        def viewport(self) -> QWidget:  # Qt may be tearing it down while the frame paints
            raise AssertionError("the viewport was asked for")

    text_area = NoViewport()
    assert _framed_area(text_area)  # a field-coloured area: outlined like a field
    page = QScrollArea()
    window_coloured_viewport(page)
    assert not _framed_area(page)  # on the window colour: no outline
    assert not _framed_area(QWidget())
    assert not _framed_area(None)
