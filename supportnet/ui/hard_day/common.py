"""What the panel and the crisis-lines view share: larger type, Copy buttons, a quiet "Copied"."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFont, QGuiApplication
from PySide6.QtWidgets import QLabel, QPushButton, QSizePolicy, QWidget

from supportnet.i18n import _
from supportnet.ui.widgets.labels import announce, quiet

#: How long "Copied …" stays before the line quietly empties again.
COPIED_SHOW_MS = 5000


def scaled(widget: QWidget, factor: float, *, bold: bool = False) -> QWidget:
    """Give ``widget`` its own font ``factor`` times the palette's (so the system size counts)."""
    font = QFont(widget.font())
    if font.pointSizeF() > 0:
        font.setPointSizeF(font.pointSizeF() * factor)
    elif font.pixelSize() > 0:
        font.setPixelSize(round(font.pixelSize() * factor))
    font.setBold(bold)
    widget.setFont(font)
    return widget


def text_label(
    text: str, *, factor: float = 1.0, bold: bool = False, wrap: bool = False, name: str = ""
) -> QLabel:
    """A plain-text label (a name is shown as typed), selectable with the mouse."""
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setWordWrap(wrap)
    label.setAccessibleName(name or text)
    if factor != 1.0 or bold:
        scaled(label, factor, bold=bold)
    return label


def quiet_label(text: str, *, wrap: bool = True, name: str = "") -> QLabel:
    """A secondary line in the palette's quieter colour."""
    return quiet(text_label(text, wrap=wrap, name=name))


class CopyNote(QLabel):
    """The quiet line that says what was just copied, then empties after a few seconds."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setAccessibleName(_("Copy confirmation"))
        quiet(self)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(COPIED_SHOW_MS)
        self._timer.timeout.connect(self.clear)

    def say(self, text: str) -> None:
        self.setText(text)
        announce(self, text)
        self._timer.start()


class CopyButton(QPushButton):
    """ "Copy" beside a number or a message: puts ``value`` on the clipboard, then says so."""

    def __init__(
        self, value: str, what: str, note: CopyNote | None, text: str | None = None
    ) -> None:
        super().__init__(_("Copy") if text is None else text)
        self.value = value
        self._note = note
        self._what = what
        self.setAccessibleName(_("Copy {what}").format(what=what))
        self.setToolTip(_("Copy {what} to the clipboard").format(what=what))
        # Enter presses the focused button, as Space does; there is no default to press
        # by accident (in these dialogs every button is an auto-default one).
        self.setAutoDefault(True)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.clicked.connect(self.copy)

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.value)
        if self._note is not None:
            self._note.say(_("Copied {what}").format(what=self._what))
