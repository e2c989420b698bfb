"""Check boxes and radio buttons that can be seen, in light and dark.

Fusion (Qt's style on most Linux desktops, and the one that follows GNOME's dark mode)
draws their outlines a shade darker than the window: in a dark palette that is nearly
black on near-black, and a tired eye can't tell a ticked box from an empty one. This proxy
draws those indicators from the palette's text colour instead, so the outline stands at
least 3:1 against the window in either theme (WCAG 1.4.11) and the tick or dot in full
text colour. Everything else is the base style's own drawing; the change is applied only
over Fusion, so styles that draw their own clear indicators keep them.
"""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPalette, QPen
from PySide6.QtWidgets import QApplication, QProxyStyle, QStyle, QStyleOption, QWidget

_OUTLINE_MIX = 0.62  # the outline's share of the text colour (the rest is the field's)

_INDICATORS = (
    QStyle.PrimitiveElement.PE_IndicatorCheckBox,
    QStyle.PrimitiveElement.PE_IndicatorRadioButton,
    QStyle.PrimitiveElement.PE_IndicatorItemViewItemCheck,
)


def mix(first: QColor, second: QColor, share: float) -> QColor:
    """``share`` of ``first`` and the rest of ``second``, channel by channel."""
    return QColor.fromRgbF(
        first.redF() * share + second.redF() * (1 - share),
        first.greenF() * share + second.greenF() * (1 - share),
        first.blueF() * share + second.blueF() * (1 - share),
    )


class ClearIndicators(QProxyStyle):
    """The base style, with check box and radio indicators drawn to be seen."""

    def drawPrimitive(
        self,
        element: QStyle.PrimitiveElement,
        option: QStyleOption,
        painter: QPainter,
        widget: QWidget | None = None,
    ) -> None:
        if element not in _INDICATORS:
            super().drawPrimitive(element, option, painter, widget)
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


def apply_clear_indicators(app: QApplication) -> bool:
    """Draw clear indicators when ``app`` runs on Fusion; ``True`` if it now does."""
    style = app.style()
    if isinstance(style, ClearIndicators):
        return True
    if style.name().lower() != "fusion":
        return False
    app.setStyle(ClearIndicators("Fusion"))
    return True
