"""The main window's status line: the network's size and a quiet note that fades."""

from __future__ import annotations

from PySide6.QtCore import (
    QByteArray,
    QEasingCurve,
    QPropertyAnimation,
    Qt,
    QTimer,
)
from PySide6.QtWidgets import (
    QGraphicsOpacityEffect,
    QLabel,
    QWidget,
)

from supportnet.i18n import _, ngettext

#: How long a status confirmation stays before it fades.
NOTE_SHOW_MS = 4000
#: How long a note about something that needs attention (a setting reset) stays.
NOTE_LONG_SHOW_MS = 15000
NOTE_FADE_MS = 900


def counts_text(people: int, groups: int) -> str:
    """The status line, e.g. "25 people · 3 groups"."""
    people_text = ngettext("{n} person", "{n} people", people).format(n=people)
    groups_text = ngettext("{n} group", "{n} groups", groups).format(n=groups)
    # Translators: the status bar's two counts side by side, e.g. "25 people · 3 groups".
    return _("{people} · {groups}").format(people=people_text, groups=groups_text)


class StatusNote(QLabel):
    """A quiet confirmation in the status bar ("Saved") that fades after a few seconds.

    Screen readers hear it too, as a polite announcement.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(_("Confirmation"))
        self.setTextFormat(Qt.TextFormat.PlainText)
        self._effect = QGraphicsOpacityEffect(self)
        self._effect.setOpacity(1.0)
        self.setGraphicsEffect(self._effect)
        self._fade = QPropertyAnimation(self._effect, QByteArray(b"opacity"), self)
        self._fade.setDuration(NOTE_FADE_MS)
        self._fade.setStartValue(1.0)
        self._fade.setEndValue(0.0)
        self._fade.setEasingCurve(QEasingCurve.Type.InOutQuad)
        self._fade.finished.connect(self._faded)
        self._hold = QTimer(self)
        self._hold.setSingleShot(True)
        self._hold.setInterval(NOTE_SHOW_MS)
        self._hold.timeout.connect(self._fade.start)
        # Its own timer, so a longer note leaves the usual hold as it was.
        self._long_hold = QTimer(self)
        self._long_hold.setSingleShot(True)
        self._long_hold.timeout.connect(self._fade.start)

    def show_note(self, text: str, *, hold_ms: int | None = None) -> None:
        """Show ``text``; it fades after the usual hold, or after ``hold_ms``."""
        self._fade.stop()
        self._effect.setOpacity(1.0)
        self.setText(text)
        self.setAccessibleDescription(text)
        self._hold.stop()
        self._long_hold.stop()
        if hold_ms is None:
            self._hold.start()
        else:
            self._long_hold.start(hold_ms)
        # Imported here: making Qt's accessibility classes costs milliseconds at the start.
        from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent

        if QAccessible.isActive():
            event = QAccessibleAnnouncementEvent(self, text)
            QAccessible.updateAccessibility(event)

    def _faded(self) -> None:
        self.clear()
        self.setAccessibleDescription("")
        self._effect.setOpacity(1.0)
