"""The Today page's small dialogs: another day for a suggestion, and going easy."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import QDate
from PySide6.QtGui import QPalette, QTextCharFormat
from PySide6.QtWidgets import (
    QCalendarWidget,
    QDateEdit,
    QDialog,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from supportnet.i18n import _
from supportnet.scheduling.reaching_out import (
    day_phrase,
    tomorrow,
)
from supportnet.ui.today.cards import _text
from supportnet.ui.widgets.buttons import button_row, cancel_button, push_button
from supportnet.ui.widgets.checkin_form import calm_calendar


class DayPickerDialog(QDialog):
    """A small calendar to move a suggestion to another day (tomorrow at the earliest)."""

    def __init__(self, name: str, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._today = today
        title = _("Another day for {name}").format(name=name)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.question = _text(
            _("Which day would suit you better for {name}?").format(name=name), _("Question")
        )
        self.calendar = QCalendarWidget()
        self.calendar.setAccessibleName(_("Day"))
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
        self.chosen_label = _text("", _("Chosen day"))
        self.move_button = push_button(
            _("&Move"), _("Move to this day"), default=True, on_click=self.accept
        )
        self.cancel_button = cancel_button(self)
        self.calendar.selectionChanged.connect(self._update)
        self.calendar.activated.connect(lambda _d: self.accept())

        buttons = button_row(self.cancel_button, self.move_button, lead=self.chosen_label)
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
        text = _("Moves to {day}").format(day=day_phrase(self.day(), self._today))
        self.chosen_label.setText(text)
        self.chosen_label.setAccessibleDescription(text)


class GoEasyDialog(QDialog):
    """Asks until when to go easy: only the inner circle is suggested until then."""

    def __init__(self, today: date, until: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._today = today
        title = _("Go easy for a while")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        explain = _text(
            _(
                "Until the day you choose, Today suggests only people in your inner circle. "
                "You can stop whenever you like."
            ),
            _("About going easy"),
        )
        self.until_edit = QDateEdit()
        self.until_edit.setAccessibleName(_("Go easy until"))
        self.until_edit.setCalendarPopup(True)
        calm_calendar(self.until_edit.calendarWidget())
        # Translators: Qt's date format for the day chosen (names come from the locale);
        # German: "dddd, d. MMMM yyyy".
        self.until_edit.setDisplayFormat(_("dddd d MMMM yyyy"))
        self.until_edit.setMinimumDate(QDate(today.year, today.month, today.day))
        self.until_edit.setDate(QDate(until.year, until.month, until.day))
        label = QLabel(_("Go easy &until"))
        label.setBuddy(self.until_edit)
        self.ok_button = push_button(
            _("&Go easy"), _("Go easy"), default=True, on_click=self.accept
        )
        self.cancel_button = cancel_button(self)
        buttons = button_row(self.cancel_button, self.ok_button)
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
