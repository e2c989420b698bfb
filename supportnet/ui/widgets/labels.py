"""Titles at the top of pages and dialogs, labels for fields, and lines read out on change."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QLabel, QWidget


def title_label(text: str) -> QLabel:
    """A bold title, a little larger than the text; plain text, so a name is shown as typed."""
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * 1.3)
    font.setBold(True)
    label.setFont(font)
    label.setAccessibleName(text)
    return label


def buddy_label(text: str, buddy: QWidget) -> QLabel:
    """A field's label; its "&" letter (Alt+letter) and a click give ``buddy`` the focus."""
    label = QLabel(text)
    label.setBuddy(buddy)
    return label


def quiet(label: QLabel) -> QLabel:
    """A secondary line in the palette's quieter text colour (follows light and dark)."""
    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    return label


def announce(widget: QWidget, text: str) -> None:
    """Screen readers hear ``text`` politely (a line that changed, such as "Copied")."""
    # Imported here: making Qt's accessibility classes costs milliseconds at the start.
    from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent

    widget.setAccessibleDescription(text)
    if QAccessible.isActive():
        QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(widget, text))


def lower_first(text: str) -> str:
    """``text`` with a small first letter, as English says a word inside a line; other
    languages keep theirs (a German noun stays capitalised)."""
    from supportnet.i18n import ENGLISH, language

    return text[:1].lower() + text[1:] if language() == ENGLISH else text


def inside_line(text: str) -> str:
    """A label said inside a line ("Phone call" in "…, Rosie, phone call"): small letters in
    English, as it always was; other languages keep theirs (a German noun stays capitalised)."""
    from supportnet.i18n import ENGLISH, language

    return text.lower() if language() == ENGLISH else text
