"""The export dialog's privacy cards and its quieter hint lines."""

from __future__ import annotations

from PySide6.QtCore import (
    QRectF,
    Qt,
)
from PySide6.QtGui import (
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QRadioButton,
    QSizePolicy,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from supportnet.calendar import (
    Privacy,
    export_explanation,
)
from supportnet.i18n import _
from supportnet.ui.calendar.texts import (
    PRIVACY_TEXT,
)
from supportnet.ui.plans.fields import quiet


class PrivacyCard(QFrame):
    """One privacy level: a radio button with its explanation beneath, in a framed card.

    The chosen card has a thicker outline in the palette's highlight colour; the radio
    button's dot says the same without colour. A click anywhere on the card chooses it.
    """

    def __init__(self, privacy: Privacy, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.privacy = privacy
        self.radio = QRadioButton(_(PRIVACY_TEXT[privacy]))
        self.radio.setAccessibleName(_("Privacy: {level}").format(level=privacy.label))
        self.radio.setAccessibleDescription(export_explanation(privacy))
        font = self.radio.font()
        font.setBold(True)
        self.radio.setFont(font)
        self.explanation = QLabel(export_explanation(privacy))
        self.explanation.setTextFormat(Qt.TextFormat.PlainText)
        self.explanation.setWordWrap(True)
        self.explanation.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.explanation.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        style = self.radio.style()
        indent = style.pixelMetric(
            QStyle.PixelMetric.PM_ExclusiveIndicatorWidth
        ) + style.pixelMetric(QStyle.PixelMetric.PM_RadioButtonLabelSpacing)
        self.explanation.setContentsMargins(indent, 0, 0, 0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 12, 14, 14)
        layout.setSpacing(6)
        layout.addWidget(self.radio)
        layout.addWidget(self.explanation)
        layout.addStretch(1)
        self.radio.toggled.connect(lambda _on: self.update())
        self.setAccessibleName(
            _("{level}: {explanation}").format(
                level=privacy.label, explanation=export_explanation(privacy)
            )
        )

    def paintEvent(self, event: QPaintEvent) -> None:
        chosen = self.radio.isChecked()
        palette = self.palette()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        width = 2.0 if chosen else 1.0
        role = QPalette.ColorRole.Highlight if chosen else QPalette.ColorRole.Mid
        painter.setPen(QPen(palette.color(role), width))
        painter.setBrush(
            palette.color(QPalette.ColorRole.Base) if chosen else Qt.BrushStyle.NoBrush
        )
        inset = width / 2 + 0.5
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(inset, inset, -inset, -inset), 6, 6)
        painter.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.radio.setChecked(True)
            self.radio.setFocus(Qt.FocusReason.MouseFocusReason)
            event.accept()
            return
        super().mousePressEvent(event)


def _hint(text: str) -> QLabel:
    """A quieter line of explanation under a field."""
    label = quiet(QLabel(text))
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label
