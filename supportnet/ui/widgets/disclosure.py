"""A "More options" disclosure: a checkable tool button with an arrow that shows or hides a
section of a form. It starts closed each time; nothing about it is remembered."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QSizePolicy, QToolButton, QVBoxLayout, QWidget

from supportnet.i18n import _


class Disclosure(QWidget):
    """``text`` on a button (its "&" letter opens it); :attr:`body` holds the hidden section.

    Put the section's widgets in :attr:`body_layout`. :meth:`open` shows them (a form calls
    it when a hidden field holds a value or a message, so nothing that matters is hidden).
    """

    def __init__(self, text: str, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.button = QToolButton()
        self.button.setText(text)
        self.button.setCheckable(True)
        self.button.setAutoRaise(True)
        self.button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.button.setArrowType(Qt.ArrowType.RightArrow)
        self.button.setAccessibleName(name)
        self.button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.button.setSizePolicy(QSizePolicy.Policy.Maximum, QSizePolicy.Policy.Fixed)
        self.body = QWidget()
        self.body.setAccessibleName(name)
        self.body_layout = QVBoxLayout(self.body)
        self.body_layout.setContentsMargins(0, 4, 0, 0)
        self.body.setVisible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.body)
        self.button.toggled.connect(self._toggled)
        self._toggled(False)

    def is_open(self) -> bool:
        return self.button.isChecked()

    def open(self) -> None:
        self.button.setChecked(True)

    def _toggled(self, shown: bool) -> None:
        self.body.setVisible(shown)
        self.button.setArrowType(Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow)
        # A screen reader hears whether the section is open, as the arrow shows it.
        self.button.setAccessibleDescription(_("Shown") if shown else _("Hidden"))
        self.button.setToolTip(
            _("Hide the less common options") if shown else _("Show more options")
        )
