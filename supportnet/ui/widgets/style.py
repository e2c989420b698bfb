"""Check boxes, radio buttons and fields that can be seen, in light and dark.

Fusion (Qt's style on most Linux desktops, and the one that follows GNOME's dark mode)
draws their outlines a shade darker than the window: in a dark palette that is nearly
black on near-black, and a tired eye can't tell a ticked box from an empty one. This proxy
draws those indicators from the palette's text colour instead, so the outline stands at
least 3:1 against the window in either theme (WCAG 1.4.11) and the tick or dot in full
text colour. Fields get the same care: Fusion outlines line edits, spin boxes, combo boxes
and text areas at about 2:1 in light and not at all in dark (a near-black field on a
near-black window), so their outlines are redrawn from the palette at 3:1 or more against
both the window and the field, and focus as a two-pixel ring. Flat buttons (quiet links),
which Fusion draws with no focus at all, get the same ring while they have the focus.
Everything else is the base style's own drawing; the change is applied only over Fusion,
so styles that draw their own clear controls keep them. :func:`apply_style` also keeps
quiet text legible (contrast.py).
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QPainter, QPainterPath, QPalette, QPen
from PySide6.QtWidgets import (
    QAbstractScrollArea,
    QApplication,
    QProxyStyle,
    QStyle,
    QStyleOption,
    QStyleOptionButton,
    QStyleOptionComboBox,
    QStyleOptionComplex,
    QStyleOptionSpinBox,
    QWidget,
)

from supportnet.ui.widgets.contrast import (
    border_colour,
    focus_colour,
    keep_quiet_text_legible,
    mix,
)
from supportnet.ui.widgets.reading_page import WINDOW_COLOURED

_OUTLINE_MIX = 0.62  # the outline's share of the text colour (the rest is the field's)

_INDICATORS = (
    QStyle.PrimitiveElement.PE_IndicatorCheckBox,
    QStyle.PrimitiveElement.PE_IndicatorRadioButton,
    QStyle.PrimitiveElement.PE_IndicatorItemViewItemCheck,
)


_FIELDS = (QStyle.ComplexControl.CC_SpinBox, QStyle.ComplexControl.CC_ComboBox)


def _group(option: QStyleOption) -> QPalette.ColorGroup:
    enabled = bool(option.state & QStyle.StateFlag.State_Enabled)
    return QPalette.ColorGroup.Active if enabled else QPalette.ColorGroup.Disabled


def _outline(option: QStyleOption, painter: QPainter, radius: float) -> None:
    """A field's outline over ``option.rect``: the palette's border colour, or a two-pixel
    ring in the highlight colour (raised to the border contrast) while it has focus."""
    palette, group = option.palette, _group(option)
    rect = QRectF(option.rect).adjusted(0.5, 0.5, -0.5, -0.5)
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setBrush(Qt.BrushStyle.NoBrush)
    if option.state & QStyle.StateFlag.State_HasFocus:
        painter.setPen(QPen(focus_colour(palette, group), 1.0))
        painter.drawRoundedRect(rect, radius, radius)
        painter.drawRoundedRect(rect.adjusted(1, 1, -1, -1), radius - 0.5, radius - 0.5)
    else:
        painter.setPen(QPen(border_colour(palette, group), 1.0))
        painter.drawRoundedRect(rect, radius, radius)
    painter.restore()


def _framed_area(widget: QWidget | None) -> bool:
    """A scroll area that shows the field colour (a text area, a list): it gets an outline.
    Its viewport is never asked for: Qt may paint the area's frame while the viewport is
    being torn down (a dialog closing), and handing that half-gone widget to Python
    crashed the app."""
    if not isinstance(widget, QAbstractScrollArea):
        return False
    return not widget.property(WINDOW_COLOURED)


def _alive(widget: QWidget | None) -> QWidget | None:
    """``widget``, or None once its C++ side is gone: Qt may still paint a widget it is
    tearing down (a dialog's date field as the dialog closes), and handing the dead wrapper
    back to the base style raised "Internal C++ object already deleted" in the middle of a
    paint. The option alone says how to draw it."""
    if widget is not None and not shiboken6.isValid(widget):
        return None
    return widget


class ClearIndicators(QProxyStyle):
    """The base style, with check box and radio indicators and field outlines drawn to be
    seen."""

    def drawPrimitive(
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        if element is QStyle.PrimitiveElement.PE_FrameLineEdit:
            _outline(option, painter, 2.0)
            return
        if element is QStyle.PrimitiveElement.PE_Frame and _framed_area(widget):
            _outline(option, painter, 0.0)
            return
        if element not in _INDICATORS:
            super().drawPrimitive(element, option, painter, _alive(widget))
            return
        state = option.state
        enabled = bool(state & QStyle.StateFlag.State_Enabled)
        group = QPalette.ColorGroup.Active if enabled else QPalette.ColorGroup.Disabled
        palette = option.palette
        text = palette.color(group, QPalette.ColorRole.Text)
        field = palette.color(group, QPalette.ColorRole.Base)
        hovered = enabled and bool(state & QStyle.StateFlag.State_MouseOver)
        outline = text if hovered else mix(text, field, _OUTLINE_MIX)
        if state & QStyle.StateFlag.State_Sunken:
            field = mix(text, field, 0.15)
        rect = QRectF(option.rect)
        side = min(rect.width(), rect.height()) - 2.0
        box = QRectF(0, 0, side, side)
        box.moveCenter(rect.center())
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(outline, 1.4))
        painter.setBrush(field)
        if element is QStyle.PrimitiveElement.PE_IndicatorRadioButton:
            painter.drawEllipse(box)
            if state & QStyle.StateFlag.State_On:
                dot = QRectF(0, 0, side * 0.5, side * 0.5)
                dot.moveCenter(box.center())
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(text)
                painter.drawEllipse(dot)
        else:
            painter.drawRoundedRect(box, 2.0, 2.0)
            mark = QPen(text, max(1.6, side / 7.5))
            mark.setCapStyle(Qt.PenCapStyle.RoundCap)
            mark.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
            painter.setPen(mark)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            x, y, w = box.x(), box.y(), box.width()
            if state & QStyle.StateFlag.State_NoChange:
                painter.drawLine(
                    QPointF(x + w * 0.25, y + w * 0.5), QPointF(x + w * 0.75, y + w * 0.5)
                )
            elif state & QStyle.StateFlag.State_On:
                tick = QPainterPath(QPointF(x + w * 0.24, y + w * 0.52))
                tick.lineTo(QPointF(x + w * 0.43, y + w * 0.71))
                tick.lineTo(QPointF(x + w * 0.77, y + w * 0.31))
                painter.drawPath(tick)
        painter.restore()

    def drawControl(
        self,
        element: QStyle.ControlElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        super().drawControl(element, option, painter, _alive(widget))
        # Fusion shows no focus on a flat button (a quiet link: "Go easy this week…", "Need
        # help now?"), so a keyboard user can't see where they are: the fields' ring.
        if (
            element is QStyle.ControlElement.CE_PushButton
            and isinstance(option, QStyleOptionButton)
            and option.features & QStyleOptionButton.ButtonFeature.Flat
            and option.state & QStyle.StateFlag.State_HasFocus
        ):
            _outline(option, painter, 4.0)

    def drawComplexControl(
        self,
        control: QStyle.ComplexControl,
        option: QStyleOptionComplex,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        super().drawComplexControl(control, option, painter, _alive(widget))
        # Spin boxes (dates and times too) and combo boxes draw their own outline in one
        # piece with their buttons; the clear one goes over it.
        framed = isinstance(option, QStyleOptionSpinBox | QStyleOptionComboBox) and option.frame
        if control in _FIELDS and framed:
            _outline(option, painter, 2.0)


def apply_clear_indicators(app: QApplication) -> bool:
    """Draw clear indicators when ``app`` runs on Fusion; ``True`` if it now does."""
    style = app.style()
    if isinstance(style, ClearIndicators):
        return True
    if style.name().lower() != "fusion":
        return False
    app.setStyle(ClearIndicators("Fusion"))
    return True


def use_clear_indicators() -> None:
    """:func:`apply_clear_indicators` on the running app, if there is one. The app's start
    leaves it until the main window's first paint (Today's first frame draws alike without
    it, and loading Qt's QStyle cost ~7 ms), or until a dialog is about to show before."""
    app = QApplication.instance()
    if isinstance(app, QApplication):
        apply_clear_indicators(app)


def apply_style(app: QApplication) -> None:
    """The app's look wherever a QApplication is made (the app, tests, screenshots): clear
    indicators and field outlines on Fusion, and quiet text legible in any palette."""
    apply_clear_indicators(app)
    keep_quiet_text_legible(app)
