"""A short message under a field: an icon and words, never colour alone."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QStyle, QWidget

from supportnet.i18n import pgettext


class FieldMessage(QWidget):
    """A short message under a field: an icon and words, never colour alone. Hidden if empty."""

    def __init__(self, accessible_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(accessible_name)
        self._icon = QLabel()
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        icon = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation)
        self._icon.setPixmap(icon.pixmap(QSize(size, size)))
        self._icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        self._icon.setAccessibleName(pgettext("a notice beside a field", "Note"))
        self._text = QLabel()
        self._text.setWordWrap(True)
        self._text.setTextFormat(Qt.TextFormat.PlainText)
        self._text.setAccessibleName(accessible_name)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self._icon)
        layout.addWidget(self._text, 1)
        self.setVisible(False)

    def text(self) -> str:
        return self._text.text()

    def set_message(self, message: str) -> None:
        self._text.setText(message)
        self._text.setAccessibleDescription(message)
        self.setVisible(bool(message))
