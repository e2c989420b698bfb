"""The Today page's texts and cards: a suggestion's card and the going-easy banner."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QPainter, QPainterPath, QPalette, QPen
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from supportnet.scheduling import Suggestion
from supportnet.scheduling.reaching_out import (
    clock_text,
)
from supportnet.ui.widgets.buttons import push_button

TITLE = "Today"
INTRO = "A few people you could reach out to today. Even one is plenty."
INTRO_ONE = "Someone you could reach out to today, if it feels right."
EMPTY_TITLE = "Nothing planned for today."
EMPTY_MORE = "You could still reach out to someone, or just rest."
LOG_TEXT = "Log a check-in…"
THEY_TEXT = "Someone reached out to me…"
IDEAS_TEXT = "Message ideas…"
GO_EASY_TEXT = "Go easy this week…"
STOP_EASY_TEXT = "Stop going easy"
CHANGE_EASY_TEXT = "Change…"
DONE_TEXT = "We were in touch…"
NOT_TODAY_TEXT = "Not today"
ANOTHER_DAY_TEXT = "Another day…"
COPY_TEXT = "Copy"

#: The widest the column of cards grows: long lines are hard to read when tired.
CONTENT_WIDTH_CHARS = 104


def _scaled(label: QLabel, factor: float, *, bold: bool = False) -> QLabel:
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * factor)
    font.setBold(bold)
    label.setFont(font)
    return label


def _text(text: str = "", name: str = "", *, wrap: bool = True) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(wrap)
    label.setAccessibleName(name or text)
    return label


def _button(text: str, name: str, tip: str = "") -> QPushButton:
    # On a page (not in a dialog) auto-default only lets Enter press the focused button.
    button = push_button(text, name, tip=tip, auto_default=True)
    # Roomy enough to hit with a tired hand.
    button.setMinimumHeight(round(button.fontMetrics().height() * 2.1))
    return button


class Card(QFrame):
    """A softly rounded panel drawn from the palette, so it follows light and dark."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)

    def paintEvent(self, event: Any) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        rect = QRectF(self.rect()).adjusted(0.5, 0.5, -0.5, -0.5)
        path = QPainterPath()
        path.addRoundedRect(rect, 10, 10)
        painter.fillPath(path, palette.color(QPalette.ColorRole.Base))
        pen = QPen(palette.color(QPalette.ColorRole.Mid))
        pen.setWidthF(1.0)
        painter.setPen(pen)
        painter.drawPath(path)
        painter.end()
        super().paintEvent(event)

    def focus_order(self) -> list[QWidget]:
        """The card's controls in the order Tab visits them."""
        return []


class SuggestionCard(Card):
    """One suggestion: who, why, when, a message idea to copy, and three ways to answer."""

    def __init__(self, suggestion: Suggestion, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.suggestion = suggestion
        name = suggestion.target.name
        self.setAccessibleName(f"Suggestion: {name}")
        self.setAccessibleDescription(suggestion.reason)

        self.name_label = _scaled(_text(name, f"Name: {name}", wrap=True), 1.35, bold=True)
        self.time_label = _text("", "Time today", wrap=False)
        self.time_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        _scaled(self.time_label, 1.15)
        if suggestion.time_today is not None:
            at = clock_text(suggestion.time_today)
            self.time_label.setText(f"Today at {at}")
            self.time_label.setAccessibleName(f"Today at {at}")
        plan = suggestion.plan
        about = [plan.title] if plan.title and plan.title.casefold() != name.casefold() else []
        if plan.channel is not None:
            about.append(plan.channel.label)
        self.about_label = _text(" · ".join(about), "Plan")
        self.about_label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.reason_label = _text(suggestion.reason, "Why")
        self.reason_label.setAccessibleDescription(suggestion.reason)

        idea = suggestion.plan.message_idea.strip()
        self.idea_label = _text(f"“{idea}”" if idea else "", "Message idea")
        self.idea_label.setAccessibleDescription(idea)
        self.idea_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.idea_label.font()
        font.setItalic(True)
        self.idea_label.setFont(font)
        self.copy_button = _button(
            COPY_TEXT, f"Copy the message idea for {name}", "Copy it, to paste into a message"
        )
        idea_row = QHBoxLayout()
        idea_row.setSpacing(12)
        idea_row.addWidget(self.idea_label, 1)
        idea_row.addWidget(self.copy_button, 0, Qt.AlignmentFlag.AlignVCenter)
        self.idea_holder = QWidget()
        self.idea_holder.setLayout(idea_row)
        idea_row.setContentsMargins(0, 0, 0, 0)

        self.done_button = _button(
            DONE_TEXT, f"We were in touch: {name}", f"Note that you and {name} were in touch"
        )
        # Drawn with emphasis: the one button most likely wanted. (Enter does nothing here;
        # a page has no default button.)
        self.done_button.setDefault(True)
        self.not_today_button = _button(
            NOT_TODAY_TEXT, f"Not today for {name}", "Move this to tomorrow. That's fine."
        )
        self.another_day_button = _button(
            ANOTHER_DAY_TEXT, f"Another day for {name}", "Choose a day that suits you better"
        )

        top = QHBoxLayout()
        top.setSpacing(12)
        top.addWidget(self.name_label, 1)
        top.addWidget(self.time_label)
        buttons = QHBoxLayout()
        buttons.setSpacing(8)
        buttons.addWidget(self.done_button)
        buttons.addWidget(self.not_today_button)
        buttons.addWidget(self.another_day_button)
        buttons.addStretch(1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(22, 16, 22, 16)
        layout.setSpacing(8)
        layout.addLayout(top)
        layout.addWidget(self.about_label)
        layout.addSpacing(2)
        layout.addWidget(self.reason_label)
        layout.addWidget(self.idea_holder)
        layout.addSpacing(4)
        layout.addLayout(buttons)
        # Only once they are inside the card: shown without a parent, each would be a window.
        self.time_label.setVisible(suggestion.time_today is not None)
        self.about_label.setVisible(bool(about))
        self.idea_holder.setVisible(bool(idea))

    def focus_order(self) -> list[QWidget]:
        order: list[QWidget] = [self.done_button, self.not_today_button, self.another_day_button]
        if self.idea_holder.isVisibleTo(self):
            order.append(self.copy_button)
        return order


class EasyBanner(Card):
    """The gentle line shown while going easy, with a way to stop."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Its words wrap beside the buttons: as tall as they need, never squeezed.
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.setAccessibleName("Going easy")
        self.text_label = _text("", "Going easy")
        self.change_button = _button(
            CHANGE_EASY_TEXT, "Change until when", "Choose another day to go easy until"
        )
        self.stop_button = _button(
            STOP_EASY_TEXT, STOP_EASY_TEXT, "Suggest people from every circle again"
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(18, 12, 18, 12)
        layout.setSpacing(10)
        layout.addWidget(self.text_label, 1)
        layout.addWidget(self.change_button)
        layout.addWidget(self.stop_button)

    def set_text(self, text: str) -> None:
        self.text_label.setText(text)
        self.text_label.setAccessibleDescription(text)
