"""The Today page: one to three gentle suggestions, each a calm card with one click to act."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from datetime import date, datetime, timedelta
from typing import Any

from PySide6.QtCore import QDate, QObject, QRectF, Qt, Signal
from PySide6.QtGui import QPainter, QPainterPath, QPalette, QPen, QTextCharFormat, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QCalendarWidget,
    QDateEdit,
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from supportnet.checkins import CheckIn, Initiator
from supportnet.clock import system_zone_name, user_zone_name
from supportnet.data.reachouts import ReachOutReader
from supportnet.reachout import (
    PERSON,
    TargetKey,
    clock_text,
    day_phrase,
    default_channel,
    default_easy_until,
    going_easy_text,
    is_going_easy,
    local_today,
    long_date,
    moved_text,
    picker_choices,
    plan_target_key,
    postponement_for,
    tomorrow,
)
from supportnet.schedule import Suggestion
from supportnet.settings import Settings
from supportnet.ui.ideas import IdeasDialog, copy_text
from supportnet.ui.log_dialog import LogDialog, calm_calendar
from supportnet.ui.undo import CheckInCommand, PostponeCommand, UndoContext

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
DONE_TEXT = "Done…"
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
    button = QPushButton(text)
    button.setAccessibleName(name)
    if tip:
        button.setToolTip(tip)
    # On a page (not in a dialog) this only lets Enter press the focused button.
    button.setAutoDefault(True)
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
            DONE_TEXT, f"Done with {name}", f"You were in touch with {name}: note how it went"
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


class TodayPageView(QWidget):
    """Layout only: the day, the going-easy line, the cards or a kind empty state, and a footer."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Today")
        self.cards: list[SuggestionCard] = []

        self.title_label = _scaled(_text(TITLE, "Today", wrap=False), 1.6, bold=True)
        self.date_label = _scaled(_text("", "Date"), 1.1)
        self.banner = EasyBanner()
        self.banner.setVisible(False)
        self.intro_label = _text(INTRO, "About these suggestions")

        self.cards_holder = QWidget()
        self.cards_holder.setAccessibleName("Suggestions")
        self.cards_layout = QVBoxLayout(self.cards_holder)
        self.cards_layout.setContentsMargins(0, 0, 0, 0)
        self.cards_layout.setSpacing(14)

        self.empty_holder = QWidget()
        self.empty_holder.setAccessibleName("Nothing planned for today")
        self.empty_title = _scaled(_text(EMPTY_TITLE), 1.25, bold=False)
        self.empty_more = _text(EMPTY_MORE)
        self.empty_log_button = _button(
            LOG_TEXT, "Log a check-in", "Note a contact with anyone (Ctrl+L)"
        )
        empty_layout = QVBoxLayout(self.empty_holder)
        empty_layout.setContentsMargins(0, 24, 0, 24)
        empty_layout.setSpacing(10)
        empty_layout.addWidget(self.empty_title)
        empty_layout.addWidget(self.empty_more)
        empty_row = QHBoxLayout()
        empty_row.addWidget(self.empty_log_button)
        empty_row.addStretch(1)
        empty_layout.addSpacing(6)
        empty_layout.addLayout(empty_row)

        self.log_button = _button(LOG_TEXT, "Log a check-in", "Note a contact with anyone (Ctrl+L)")
        self.they_button = _button(
            THEY_TEXT,
            "Someone reached out to me",
            "Note that someone got in touch with you (Ctrl+Shift+L)",
        )
        self.ideas_button = _button(
            IDEAS_TEXT, "Message ideas", "First sentences to copy, change and add to"
        )
        self.easy_button = _button(
            GO_EASY_TEXT,
            "Go easy this week",
            "For a while, suggest only your inner circle",
        )
        footer = QHBoxLayout()
        footer.setSpacing(8)
        footer.addWidget(self.log_button)
        footer.addWidget(self.they_button)
        footer.addStretch(1)
        footer.addWidget(self.ideas_button)

        heading = QVBoxLayout()
        heading.setSpacing(4)
        heading.addWidget(self.title_label)
        heading.addWidget(self.date_label)
        top = QHBoxLayout()
        top.addLayout(heading, 1)
        top.addWidget(self.easy_button, 0, Qt.AlignmentFlag.AlignBottom)

        column = QWidget()
        column.setMaximumWidth(self.fontMetrics().averageCharWidth() * CONTENT_WIDTH_CHARS + 48)
        column_layout = QVBoxLayout(column)
        column_layout.setContentsMargins(24, 24, 24, 24)
        column_layout.setSpacing(10)
        column_layout.addLayout(top)
        column_layout.addSpacing(8)
        column_layout.addWidget(self.banner)
        column_layout.addWidget(self.intro_label)
        column_layout.addSpacing(4)
        column_layout.addWidget(self.cards_holder)
        column_layout.addWidget(self.empty_holder)
        column_layout.addSpacing(12)
        column_layout.addLayout(footer)
        column_layout.addStretch(1)

        inner = QWidget()
        inner_layout = QHBoxLayout(inner)
        inner_layout.setContentsMargins(0, 0, 0, 0)
        inner_layout.addStretch(1)
        inner_layout.addWidget(column, 100)
        inner_layout.addStretch(1)
        # The page sits on the window colour; the cards are the "paper" on it.
        inner.setBackgroundRole(QPalette.ColorRole.Window)

        self.scroll_area = QScrollArea()
        self.scroll_area.setAccessibleName("Today")
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll_area.setWidget(inner)
        self.scroll_area.viewport().setBackgroundRole(QPalette.ColorRole.Window)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scroll_area)

    def set_date(self, text: str) -> None:
        self.date_label.setText(text)
        self.date_label.setAccessibleDescription(text)

    def set_going_easy(self, text: str | None) -> None:
        self.banner.setVisible(text is not None)
        self.banner.set_text(text or "")
        self.easy_button.setVisible(text is None)

    def set_cards(self, cards: Sequence[SuggestionCard]) -> None:
        for old in self.cards:
            self.cards_layout.removeWidget(old)
            old.hide()
            old.deleteLater()
        self.cards = list(cards)
        for card in self.cards:
            self.cards_layout.addWidget(card)
            card.show()  # at once, not at the next turn of the event loop
        has = bool(self.cards)
        self.cards_holder.setVisible(has)
        self.intro_label.setText(INTRO_ONE if len(self.cards) == 1 else INTRO)
        self.intro_label.setVisible(has)
        self.empty_holder.setVisible(not has)
        # The empty state has its own "Log a check-in…"; one is enough.
        self.log_button.setVisible(has)
        self._order_focus()

    def _order_focus(self) -> None:
        order: list[QWidget] = [self.banner.change_button, self.banner.stop_button]
        for card in self.cards:
            order.extend(card.focus_order())
        order += [
            self.empty_log_button,
            self.log_button,
            self.they_button,
            self.ideas_button,
            self.easy_button,
        ]
        for first, second in itertools.pairwise(order):
            QWidget.setTabOrder(first, second)

    def visible_texts(self) -> list[str]:
        """Every piece of text a person can see on the page (for checking its words)."""
        texts: list[str] = []
        for widget in self.findChildren(QWidget):
            if not widget.isVisibleTo(self):
                continue
            if isinstance(widget, (QLabel, QPushButton)) and widget.text():
                texts.append(widget.text().replace("&", ""))
        return texts


class DayPickerDialog(QDialog):
    """A small calendar to move a suggestion to another day (tomorrow at the earliest)."""

    def __init__(self, name: str, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._today = today
        title = f"Another day for {name}"
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.question = _text(f"Which day would suit you better for {name}?", "Question")
        self.calendar = QCalendarWidget()
        self.calendar.setAccessibleName("Day")
        self.calendar.setGridVisible(False)
        self.calendar.setVerticalHeaderFormat(QCalendarWidget.VerticalHeaderFormat.NoVerticalHeader)
        calm_calendar(self.calendar)
        first = tomorrow(today)
        self.calendar.setMinimumDate(QDate(first.year, first.month, first.day))
        # Days that can't be chosen look it (the style doesn't grey them by itself).
        past = QTextCharFormat()
        past.setForeground(self.palette().color(QPalette.ColorRole.PlaceholderText))
        for back in range(0, 42):
            day = today - timedelta(days=back)
            self.calendar.setDateTextFormat(QDate(day.year, day.month, day.day), past)
        self.calendar.setSelectedDate(QDate(first.year, first.month, first.day))
        self.chosen_label = _text("", "Chosen day")
        self.move_button = QPushButton("&Move")
        self.move_button.setAccessibleName("Move to this day")
        self.move_button.setDefault(True)
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setAccessibleName("Cancel")
        self.cancel_button.setAutoDefault(False)
        self.move_button.clicked.connect(self.accept)
        self.cancel_button.clicked.connect(self.reject)
        self.calendar.selectionChanged.connect(self._update)
        self.calendar.activated.connect(lambda _d: self.accept())

        buttons = QHBoxLayout()
        buttons.addWidget(self.chosen_label, 1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.move_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(10)
        layout.addWidget(self.question)
        layout.addWidget(self.calendar)
        layout.addLayout(buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 60)
        self._update()
        self.calendar.setFocus()

    def day(self) -> date:
        chosen = self.calendar.selectedDate()
        return date(chosen.year(), chosen.month(), chosen.day())

    def set_day(self, day: date) -> None:
        self.calendar.setSelectedDate(QDate(day.year, day.month, day.day))

    def _update(self) -> None:
        text = f"Moves to {day_phrase(self.day(), self._today)}"
        self.chosen_label.setText(text)
        self.chosen_label.setAccessibleDescription(text)


class GoEasyDialog(QDialog):
    """Asks until when to go easy: only the inner circle is suggested until then."""

    def __init__(self, today: date, until: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._today = today
        title = "Go easy for a while"
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        explain = _text(
            "Until the day you choose, Today suggests only people in your inner circle. "
            "You can stop whenever you like.",
            "About going easy",
        )
        self.until_edit = QDateEdit()
        self.until_edit.setAccessibleName("Go easy until")
        self.until_edit.setCalendarPopup(True)
        calm_calendar(self.until_edit.calendarWidget())
        self.until_edit.setDisplayFormat("dddd d MMMM yyyy")
        self.until_edit.setMinimumDate(QDate(today.year, today.month, today.day))
        self.until_edit.setDate(QDate(until.year, until.month, until.day))
        label = QLabel("Go easy &until")
        label.setBuddy(self.until_edit)
        self.ok_button = QPushButton("&Go easy")
        self.ok_button.setAccessibleName("Go easy")
        self.ok_button.setDefault(True)
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setAccessibleName("Cancel")
        self.cancel_button.setAutoDefault(False)
        self.ok_button.clicked.connect(self.accept)
        self.cancel_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.ok_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(10)
        layout.addWidget(explain)
        layout.addWidget(label)
        layout.addWidget(self.until_edit)
        layout.addLayout(buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 56)
        self.until_edit.setFocus()

    def until(self) -> date:
        chosen = self.until_edit.date()
        return date(chosen.year(), chosen.month(), chosen.day())

    def set_until(self, day: date) -> None:
        self.until_edit.setDate(QDate(day.year, day.month, day.day))


class TodayPageController(QObject):
    """Fills Today from the repositories and the schedule; turns the cards' buttons into changes.

    Check-ins and postponements go through undoable commands; the status line hears
    "Saved", "Copied", "Moved to tomorrow" through :attr:`status`.
    """

    status = Signal(str)
    #: Going easy started (True) or stopped (False), for the menu's wording.
    going_easy_changed = Signal(bool)

    def __init__(
        self,
        source: Any,
        clock: Callable[[], datetime],
        undo_context: UndoContext,
        undo_stack: QUndoStack,
        parent: QWidget | None = None,
        *,
        system_zone: Callable[[], str] = system_zone_name,
    ) -> None:
        super().__init__(parent)
        self._source = source
        self._clock = clock
        self._ctx = undo_context
        self._stack = undo_stack
        self._system_zone = system_zone
        self._reader = ReachOutReader(source)
        self._parent = parent
        self._settings = Settings()
        self._zone = "UTC"
        self._today = date.min
        self._going_easy = False
        self.suggestions: list[Suggestion] = []
        #: The dialogs on screen, if any (for tests, and so two never open at once).
        self.log_dialog: LogDialog | None = None
        self.day_picker: DayPickerDialog | None = None
        self.easy_dialog: GoEasyDialog | None = None
        self.ideas_dialog: IdeasDialog | None = None

        self.view = TodayPageView(parent)
        view = self.view
        # clicked() passes "checked"; these lambdas keep it from becoming the initiator.
        view.empty_log_button.clicked.connect(lambda _c=False: self.log_checkin(Initiator.ME))
        view.log_button.clicked.connect(lambda _c=False: self.log_checkin(Initiator.ME))
        view.they_button.clicked.connect(lambda _c=False: self.log_checkin(Initiator.THEM))
        view.ideas_button.clicked.connect(self.show_ideas)
        view.easy_button.clicked.connect(self.go_easy)
        view.banner.change_button.clicked.connect(self.go_easy)
        view.banner.stop_button.clicked.connect(self.stop_going_easy)
        self.refresh()

    # --- reading -------------------------------------------------------------------------------

    @property
    def zone(self) -> str:
        """The person's zone, as of the last refresh."""
        return self._zone

    @property
    def today(self) -> date:
        return self._today

    @property
    def going_easy(self) -> bool:
        return self._going_easy

    @property
    def cards(self) -> list[SuggestionCard]:
        return list(self.view.cards)

    def refresh(self) -> None:
        """Ask the schedule again who to suggest, and show them."""
        source = self._source
        now = self._clock()
        settings = source.settings.load()
        self._settings = settings
        self._zone = user_zone_name(settings.timezone, self._system_zone())
        today = local_today(now, self._zone)
        self._today = today
        # The reader keeps plans and names between refreshes; Today refreshes often.
        self.suggestions = self._reader.suggestions(now, self._zone)
        self.view.set_date(long_date(today))
        easy = is_going_easy(settings.low_energy_until, today)
        until = settings.low_energy_until
        self.view.set_going_easy(going_easy_text(until, today) if easy and until else None)
        if easy != self._going_easy:
            self._going_easy = easy
            self.going_easy_changed.emit(easy)
        self._show_cards()

    def _focused_card(self) -> int | None:
        """Which card holds the keyboard focus, if one does."""
        focus = QApplication.focusWidget()
        if focus is None:
            return None
        for index, card in enumerate(self.view.cards):
            if card.isAncestorOf(focus):
                return index
        return None

    def _show_cards(self) -> None:
        focused = self._focused_card()
        cards = []
        for suggestion in self.suggestions:
            card = SuggestionCard(suggestion, self.view.cards_holder)
            card.done_button.clicked.connect(lambda _c=False, s=suggestion: self.done(s))
            card.not_today_button.clicked.connect(lambda _c=False, s=suggestion: self.not_today(s))
            card.another_day_button.clicked.connect(
                lambda _c=False, s=suggestion: self.another_day(s)
            )
            card.copy_button.clicked.connect(lambda _c=False, s=suggestion: self.copy_idea(s))
            cards.append(card)
        self.view.set_cards(cards)
        if focused is not None:
            # The keyboard stays where it was, not back at the top of the window.
            self._focus_after(focused)

    def card_for(self, name: str) -> SuggestionCard | None:
        return next((c for c in self.view.cards if c.suggestion.target.name == name), None)

    def _focus_after(self, index: int) -> None:
        cards = self.view.cards
        if cards:
            cards[min(index, len(cards) - 1)].done_button.setFocus()
        else:
            self.view.empty_log_button.setFocus()

    # --- logging a check-in --------------------------------------------------------------------

    def _channels(self, people: Sequence[Any]) -> dict[TargetKey, Any]:
        return {
            (PERSON, p.id): default_channel(None, p.preferred_channel)
            for p in people
            if p.id is not None
        }

    def _open(self, attr: str, dialog: QDialog) -> QDialog:
        current = getattr(self, attr)
        if current is not None:
            current.activateWindow()
            dialog.deleteLater()
            return current
        setattr(self, attr, dialog)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _r, a=attr, d=dialog: self._closed(a, d))
        dialog.open()
        return dialog

    def _closed(self, attr: str, dialog: QDialog) -> None:
        if getattr(self, attr) is dialog:
            setattr(self, attr, None)

    def log_checkin(self, initiator: Initiator = Initiator.ME) -> LogDialog:
        """The log form for anyone (Ctrl+L); "They did" is chosen when someone reached out."""
        people = self._source.people.list_all()
        groups = self._source.groups.list_all()
        choices = picker_choices(people, groups)
        names = dict(choices)
        dialog = LogDialog(
            choices,
            lambda checkin: self._save_checkin(checkin, names),
            now=self._clock(),
            zone=self._zone,
            channel_for=self._channels(people),
            initiator=initiator,
            parent=self._parent,
        )
        return self._open("log_dialog", dialog)  # type: ignore[return-value]

    def done(self, suggestion: Suggestion) -> LogDialog:
        """The log form for a suggestion: who and the plan are already filled in."""
        plan = suggestion.plan
        key = plan_target_key(plan)
        assert key is not None
        preferred = None
        if key[0] == PERSON:
            person = next((p for p in self._source.people.list_all() if p.id == key[1]), None)
            preferred = person.preferred_channel if person is not None else None
        names = {key: suggestion.target.name}
        dialog = LogDialog(
            [(key, suggestion.target.name)],
            lambda checkin: self._save_checkin(checkin, names),
            now=self._clock(),
            zone=self._zone,
            fixed=key,
            plan_id=plan.id,
            plan_title=plan.title,
            channel=default_channel(plan.channel, preferred),
            parent=self._parent,
        )
        return self._open("log_dialog", dialog)  # type: ignore[return-value]

    def _save_checkin(self, checkin: CheckIn, names: dict[TargetKey, str]) -> CheckIn:
        key: TargetKey = (
            (PERSON, checkin.person_id)
            if checkin.person_id is not None
            else ("group", checkin.group_id or 0)
        )
        name = names.get(key, "someone").removesuffix(" (group)")
        command = CheckInCommand.perform(self._ctx, checkin, name)
        self._stack.push(command)
        self.status.emit("Saved")
        saved: CheckIn = command.saved
        return saved

    # --- not today, another day ----------------------------------------------------------------

    def not_today(self, suggestion: Suggestion) -> None:
        """Move a suggestion to tomorrow. No penalty, no trace: it simply shows then."""
        self.postpone(suggestion, tomorrow(self._today))

    def another_day(self, suggestion: Suggestion) -> DayPickerDialog:
        dialog = DayPickerDialog(suggestion.target.name, self._today, self._parent)
        dialog.accepted.connect(lambda d=dialog, s=suggestion: self.postpone(s, d.day()))
        return self._open("day_picker", dialog)  # type: ignore[return-value]

    def postpone(self, suggestion: Suggestion, day: date) -> None:
        index = next((i for i, c in enumerate(self.view.cards) if c.suggestion is suggestion), 0)
        postponement = postponement_for(suggestion.plan, suggestion.due_at, day, self._zone)
        command = PostponeCommand.perform(self._ctx, postponement, suggestion.target.name)
        self._stack.push(command)
        self.status.emit(moved_text(day, self._today))
        self.refresh()
        self._focus_after(index)

    # --- message ideas -------------------------------------------------------------------------

    def copy_idea(self, suggestion: Suggestion) -> None:
        copy_text(suggestion.plan.message_idea.strip())
        self.status.emit("Copied")

    def show_ideas(self) -> IdeasDialog:
        dialog = IdeasDialog(self._source.ideas, self._parent)
        return self._open("ideas_dialog", dialog)  # type: ignore[return-value]

    # --- going easy ----------------------------------------------------------------------------

    def go_easy(self) -> GoEasyDialog:
        """Ask until when to go easy (a week from today, unless already going easy)."""
        until = self._settings.low_energy_until
        if not is_going_easy(until, self._today) or until is None:
            until = default_easy_until(self._today)
        dialog = GoEasyDialog(self._today, until, self._parent)
        dialog.accepted.connect(lambda d=dialog: self.set_going_easy(d.until()))
        return self._open("easy_dialog", dialog)  # type: ignore[return-value]

    def set_going_easy(self, until: date | None) -> None:
        settings = self._source.settings.load()
        settings.low_energy_until = until
        self._source.settings.save(settings)
        self.refresh()
        if until is None:
            self.status.emit("Back to the usual suggestions")
        else:
            self.status.emit(f"Going easy until {day_phrase(until, self._today)}")

    def stop_going_easy(self) -> None:
        self.set_going_easy(None)
