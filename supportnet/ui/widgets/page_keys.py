"""Keys a widget handles itself (not through an action), declared once as data.

The widget's key handler asks each :class:`PageKey` whether an event is its key, and
Help ▸ Keyboard shortcuts lists the same entries, so the two never drift. A widget class
shows its keys there by naming them in a ``PAGE_KEYS`` class attribute (a :class:`KeyList`).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QKeyCombination, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence

_CTRL = Qt.KeyboardModifier.ControlModifier
_ALT = Qt.KeyboardModifier.AltModifier


@dataclass(frozen=True)
class PageKey:
    """What a key does, the keys shown for it, and keys it also answers to unshown."""

    what: str
    shown: tuple[QKeyCombination, ...]
    #: Keys that do the same without being listed (Enter beside Return, "=" beside "+").
    also: tuple[Qt.Key, ...] = ()
    #: Whether the keys work with Control held too (zooming, as in the window's View menu).
    ctrl_too: bool = False

    @property
    def _modifiers(self) -> Qt.KeyboardModifier:
        return self.shown[0].keyboardModifiers() & (_CTRL | _ALT)

    def matches(self, event: QKeyEvent) -> bool:
        """Whether ``event`` is one of this entry's keys (Control and Alt must agree;
        Shift and the keypad don't count, so Shift+Tab arrives as Backtab and still fits)."""
        key = Qt.Key(event.key())
        if key == Qt.Key.Key_Backtab:
            key = Qt.Key.Key_Tab
        keys = {combo.key() for combo in self.shown} | set(self.also)
        held = event.modifiers() & (_CTRL | _ALT)
        if self.ctrl_too:
            held &= ~_CTRL
        return key in keys and held == self._modifiers

    def text(self) -> str:
        """The shown keys as this desktop writes them ("Ctrl+Up, Ctrl+Down")."""
        native = QKeySequence.SequenceFormat.NativeText
        return ", ".join(QKeySequence(combo).toString(native) for combo in self.shown)


@dataclass(frozen=True)
class KeyList:
    """A widget's own keys under a heading ("On the circle map")."""

    heading: str
    keys: tuple[PageKey, ...]


def combo(key: Qt.Key, modifiers: Qt.KeyboardModifier | None = None) -> QKeyCombination:
    """``key`` with ``modifiers`` (none by default), for :attr:`PageKey.shown`."""
    return QKeyCombination(modifiers or Qt.KeyboardModifier.NoModifier, key)
