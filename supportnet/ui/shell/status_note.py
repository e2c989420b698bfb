"""The main window's status line: the network's size and a quiet note that fades."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QLabel, QWidget

from supportnet.i18n import _, ngettext

if TYPE_CHECKING:
    from PySide6.QtCore import QPropertyAnimation
    from PySide6.QtWidgets import QGraphicsOpacityEffect

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
        # The fade (an opacity effect and its animation) is made with the first note: the
        # window's first frame holds none, and those Qt classes cost a millisecond or two.
        self._effect: QGraphicsOpacityEffect | None = None
        self._fade: QPropertyAnimation | None = None
        self._hold = QTimer(self)
        self._hold.setSingleShot(True)
        self._hold.setInterval(NOTE_SHOW_MS)
        self._hold.timeout.connect(self._start_fade)
        # Its own timer, so a longer note leaves the usual hold as it was.
        self._long_hold = QTimer(self)
        self._long_hold.setSingleShot(True)
        self._long_hold.timeout.connect(self._start_fade)

    @property
    def fade(self) -> QPropertyAnimation:
        """The note's fade to nothing (made when first wanted)."""
        if self._fade is None:
            from PySide6.QtCore import QByteArray, QEasingCurve, QPropertyAnimation
            from PySide6.QtWidgets import QGraphicsOpacityEffect

            effect = self._effect = QGraphicsOpacityEffect(self)
            effect.setOpacity(1.0)
            self.setGraphicsEffect(effect)
            fade = self._fade = QPropertyAnimation(effect, QByteArray(b"opacity"), self)
            fade.setDuration(NOTE_FADE_MS)
            fade.setStartValue(1.0)
            fade.setEndValue(0.0)
            fade.setEasingCurve(QEasingCurve.Type.InOutQuad)
            fade.finished.connect(self._faded)
        return self._fade

    def _start_fade(self) -> None:
        self.fade.start()

    def show_note(self, text: str, *, hold_ms: int | None = None) -> None:
        """Show ``text``; it fades after the usual hold, or after ``hold_ms``."""
        self.fade.stop()
        if self._effect is not None:
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
        if self._effect is not None:
            self._effect.setOpacity(1.0)
