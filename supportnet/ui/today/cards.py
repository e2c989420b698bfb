"""The Today page's texts and cards: a suggestion's card and the going-easy line."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QRectF, QSize, Qt, QTimer
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

from supportnet.i18n import N_, _
from supportnet.scheduling import Suggestion
from supportnet.scheduling.reaching_out import (
    clock_text,
)
from supportnet.ui.widgets.buttons import push_button
from supportnet.ui.widgets.labels import announce, quiet

if TYPE_CHECKING:
    from supportnet.services.reach import WayToReach

TITLE = N_("Today")
INTRO = N_("A few people you could reach out to today. Even one is plenty.")
INTRO_ONE = N_("Someone you could reach out to today, if it feels right.")
EMPTY_TITLE = N_("Nothing planned for today.")
EMPTY_MORE = N_("You could still reach out to someone, or just rest.")
LOG_TEXT = N_("Log a check-in…")
THEY_TEXT = N_("Someone reached out to me…")
IDEAS_TEXT = N_("Message ideas…")
GO_EASY_TEXT = N_("Go easy this week…")
LOW_ENERGY_TEXT = N_("Low on energy?")
STOP_EASY_TEXT = N_("Stop going easy")
EDIT_EASY_TEXT = N_("Edit…")
DONE_TEXT = N_("We were in touch…")
NOT_TODAY_TEXT = N_("Not today")
ANOTHER_DAY_TEXT = N_("Another day…")
COPY_TEXT = N_("Copy")
COPIED_TEXT = N_("Copied")

#: Each way to reach's Copy button, named whole for each kind of detail.
_COPY_WAY = {
    "number": N_("Copy {name}'s number"),
    "email address": N_("Copy {name}'s email address"),
    "address": N_("Copy {name}'s address"),
    "link": N_("Copy {name}'s link"),
    "contact details": N_("Copy {name}'s contact details"),
}
#: What a screen reader hears once it is copied.
_COPIED_WAY = {
    "number": N_("Copied {name}'s number"),
    "email address": N_("Copied {name}'s email address"),
    "address": N_("Copied {name}'s address"),
    "link": N_("Copied {name}'s link"),
    "contact details": N_("Copied {name}'s contact details"),
}


def copy_way_name(name: str, what: str | None) -> str:
    """The way to reach's Copy button, named: "Copy Tom's number"."""
    return _(_COPY_WAY.get(what or "", _COPY_WAY["contact details"])).format(name=name)


def copied_way(name: str, what: str) -> str:
    """What is said once it is copied: "Copied Tom's number"."""
    return _(_COPIED_WAY.get(what, _COPIED_WAY["contact details"])).format(name=name)


def copied_idea(name: str) -> str:
    """What is said once a message idea is copied."""
    return _("Copied the message idea for {name}").format(name=name)


#: How long a Copy button says "Copied" before it reads "Copy" again.
COPIED_SHOW_MS = 2500
#: Room round a quiet link's text, in pixels.
_LINK_PAD = 8

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


class QuietLink(QPushButton):
    """A flat, underlined button: findable without pulling the eye (never colour alone)."""

    def __init__(self, text: str, name: str, tip: str = "") -> None:
        super().__init__(text)
        self.setFlat(True)
        self.setAccessibleName(name)
        if tip:
            self.setToolTip(tip)
        self.setAutoDefault(True)  # on a page: Enter presses it only while it has the focus
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        font = self.font()
        font.setUnderline(True)
        self.setFont(font)

    def sizeHint(self) -> QSize:
        # A line of text and a little room round it (at least 24 px high, WCAG 2.5.8):
        # the full bevelled height of a button would push the page apart.
        metrics = self.fontMetrics()
        return QSize(
            metrics.horizontalAdvance(self.text()) + 2 * _LINK_PAD,
            max(24, metrics.height() + _LINK_PAD),
        )

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()


class CopyButton(QuietLink):
    """ "Copy" beside what it copies; says "Copied" in words for a moment once it has."""

    def __init__(self, name: str, tip: str) -> None:
        super().__init__(_(COPY_TEXT), name, tip)
        # As wide as "Copied", so the row doesn't shift when the word changes.
        self.setText(_(COPIED_TEXT))
        self.setMinimumWidth(self.sizeHint().width())
        self.setText(_(COPY_TEXT))
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(COPIED_SHOW_MS)
        self._timer.timeout.connect(self.reset)

    def show_copied(self, said: str) -> None:
        """Say "Copied" on the button, and tell a screen reader ``said`` ("Copied …")."""
        self.setText(_(COPIED_TEXT))
        announce(self, said)
        self._timer.start()

    def reset(self) -> None:
        """ "Copy" again (the timer's end)."""
        self._timer.stop()
        self.setText(_(COPY_TEXT))
        self.setAccessibleDescription("")


class ElidedLabel(QLabel):
    """One line that gives way with "…" when the row is narrow; the whole in its tooltip."""

    def __init__(self, text: str, name: str) -> None:
        super().__init__()
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setAccessibleName(name)
        self.full_text = text
        self.setAccessibleDescription(text)
        self.setToolTip(text)
        self.setText(text)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)

    def sizeHint(self) -> QSize:
        metrics = self.fontMetrics()
        return QSize(metrics.horizontalAdvance(self.full_text) + 4, metrics.height())

    def minimumSizeHint(self) -> QSize:
        metrics = self.fontMetrics()
        return QSize(
            min(self.sizeHint().width(), metrics.averageCharWidth() * 14), metrics.height()
        )

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        shown = self.fontMetrics().elidedText(
            self.full_text, Qt.TextElideMode.ElideMiddle, self.width()
        )
        if shown != self.text():
            self.setText(shown)


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

    def landing(self) -> QWidget | None:
        """Where the keyboard lands when a change moves it onto this card."""
        order = self.focus_order()
        return order[0] if order else None


class SuggestionCard(Card):
    """One suggestion: who, why, a message idea and the way to reach them (each to copy),
    and three ways to answer. No button is emphasised: the choice is the person's."""

    def __init__(
        self,
        suggestion: Suggestion,
        parent: QWidget | None = None,
        *,
        way: WayToReach | None = None,
    ) -> None:
        super().__init__(parent)
        self.suggestion = suggestion
        self.way = way
        name = suggestion.target.name
        self.setAccessibleName(_("Suggestion: {name}").format(name=name))
        self.setAccessibleDescription(suggestion.reason)

        self.name_label = _scaled(
            _text(name, _("Name: {name}").format(name=name), wrap=True), 1.35, bold=True
        )
        self.time_label = _text("", _("Time today"), wrap=False)
        self.time_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        _scaled(self.time_label, 1.15)
        if suggestion.time_today is not None:
            at = clock_text(suggestion.time_today)
            today_at = _("Today at {time}").format(time=at)
            self.time_label.setText(today_at)
            self.time_label.setAccessibleName(today_at)
        plan = suggestion.plan
        about = [plan.title] if plan.title and plan.title.casefold() != name.casefold() else []
        if plan.channel is not None:
            about.append(plan.channel.label)
        self.about_label = quiet(_text(" · ".join(about), _("Plan")))
        self.reason_label = _text(suggestion.reason, _("Why"))
        self.reason_label.setAccessibleDescription(suggestion.reason)

        idea = suggestion.plan.message_idea.strip()
        # Translators: a message idea in quotation marks; German takes „…“.
        quoted = _("“{idea}”").format(idea=idea) if idea else ""
        self.idea_label = _text(quoted, _("Message idea"))
        self.idea_label.setAccessibleDescription(idea)
        self.idea_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.idea_label.font()
        font.setItalic(True)
        self.idea_label.setFont(font)
        self.copy_button = CopyButton(
            _("Copy the message idea for {name}").format(name=name),
            _("Copy it, to paste into a message"),
        )
        self.idea_holder = _copy_row(self.idea_label, self.copy_button)

        # The way to reach them, beside what the plan is: nothing at all when none is known.
        self.reach_label = ElidedLabel(
            way.shown if way else "", _("How to reach {name}").format(name=name)
        )
        self.reach_copy_button = CopyButton(
            copy_way_name(name, way.what if way else None),
            _("Copy it, to paste where you reach {name}").format(name=name),
        )
        reach_row = QHBoxLayout()
        reach_row.setContentsMargins(0, 0, 0, 0)
        reach_row.setSpacing(4)
        reach_row.addWidget(self.reach_label)
        reach_row.addWidget(self.reach_copy_button)
        self.reach_holder = QWidget()
        self.reach_holder.setLayout(reach_row)
        about_row = QHBoxLayout()
        about_row.setSpacing(16)
        about_row.addWidget(self.about_label, 1)
        about_row.addWidget(self.reach_holder, 0, Qt.AlignmentFlag.AlignVCenter)

        self.done_button = _button(
            _(DONE_TEXT),
            _("We were in touch: {name}").format(name=name),
            _("Note that you and {name} were in touch").format(name=name),
        )
        self.not_today_button = _button(
            _(NOT_TODAY_TEXT),
            _("Not today for {name}").format(name=name),
            _("Move this to tomorrow. That's fine."),
        )
        self.another_day_button = _button(
            _(ANOTHER_DAY_TEXT),
            _("Another day for {name}").format(name=name),
            _("Choose a day that suits you better"),
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
        layout.addLayout(about_row)
        layout.addWidget(self.reason_label)
        layout.addWidget(self.idea_holder)
        layout.addSpacing(2)
        layout.addLayout(buttons)
        # Only once they are inside the card: shown without a parent, each would be a window.
        self.time_label.setVisible(suggestion.time_today is not None)
        self.about_label.setVisible(bool(about))
        self.idea_holder.setVisible(bool(idea))
        self.reach_holder.setVisible(way is not None)

    def focus_order(self) -> list[QWidget]:
        order: list[QWidget] = []
        # In reading order: the way to reach's Copy, the message idea's, then the answers.
        if self.reach_holder.isVisibleTo(self):
            order.append(self.reach_copy_button)
        if self.idea_holder.isVisibleTo(self):
            order.append(self.copy_button)
        return [*order, self.done_button, self.not_today_button, self.another_day_button]

    def landing(self) -> QWidget | None:
        # After "Not today" on the card above, the next answer, not a Copy button.
        return self.done_button


def _copy_row(label: QLabel, button: QPushButton) -> QWidget:
    """A line of text and, on the right, the Copy button for it."""
    row = QHBoxLayout()
    row.setContentsMargins(0, 0, 0, 0)
    row.setSpacing(12)
    row.addWidget(label, 1)
    row.addWidget(button, 0, Qt.AlignmentFlag.AlignVCenter)
    holder = QWidget()
    holder.setLayout(row)
    return holder


class EasyBanner(QWidget):
    """The going-easy line under the day: until when, and the ways to change or stop it.

    A line of text, not a panel: it says how things are, and its links stay quiet.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(_("Going easy"))
        self.text_label = _text("", _("Going easy"))
        self.edit_button = QuietLink(
            _(EDIT_EASY_TEXT), _("Edit going easy"), _("Choose another day to go easy until")
        )
        self.stop_button = QuietLink(
            _(STOP_EASY_TEXT), _(STOP_EASY_TEXT), _("Suggest people from every circle again")
        )
        # The words take the line; the links sit under them (side by side, a long date
        # would squeeze the words into a narrow column).
        links = QHBoxLayout()
        links.setContentsMargins(0, 0, 0, 0)
        links.setSpacing(6)
        links.addWidget(self.edit_button)
        links.addWidget(self.stop_button)
        links.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.text_label)
        layout.addLayout(links)

    def set_text(self, text: str) -> None:
        self.text_label.setText(text)
        self.text_label.setAccessibleDescription(text)


class LowEnergyLine(QWidget):
    """ "Low on energy? Go easy this week…": a quiet offer under the day, there when wanted."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(_("Going easy"))
        self.text_label = quiet(_text(_(LOW_ENERGY_TEXT), _(LOW_ENERGY_TEXT), wrap=False))
        self.easy_button = QuietLink(
            _(GO_EASY_TEXT),
            _("Go easy this week"),
            _("For a while, suggest only your inner circle"),
        )
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.text_label)
        layout.addWidget(self.easy_button)
        layout.addStretch(1)
