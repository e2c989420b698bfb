"""The plan editor's small fields and helpers: date and time edits, spin boxes, rows."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, time
from typing import Any

from PySide6.QtCore import QDate, QTime
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QTimeEdit,
    QWidget,
)

from supportnet.i18n import _
from supportnet.ui.plans.wording import (
    DATE_FORMAT,
    TIME_FORMAT,
)
from supportnet.ui.widgets.labels import quiet as quiet  # noqa: PLC0414  (re-exported for the pages)


def _spin(name: str, low: int, high: int, suffix: str = "") -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(low, high)
    spin.setAccessibleName(name)
    if suffix:
        spin.setSuffix(suffix)
    spin.setMinimumWidth(spin.fontMetrics().averageCharWidth() * 9)
    return spin


class DateEdit(QDateEdit):
    """A date field that Tab leaves in one press; Left and Right move between its parts."""

    def focusNextPrevChild(self, forward: bool) -> bool:
        # Qt's date fields make Tab walk day, month and year first: four presses a field.
        return QWidget.focusNextPrevChild(self, forward)


class TimeEdit(QTimeEdit):
    """A time field that Tab leaves in one press; Left and Right move between its parts."""

    def focusNextPrevChild(self, forward: bool) -> bool:
        return QWidget.focusNextPrevChild(self, forward)


def _date_edit(name: str) -> QDateEdit:
    edit = DateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(_(DATE_FORMAT))
    edit.setAccessibleName(name)
    # Wide enough for the longest date the language writes ("Sa., 19. Juli 2025").
    edit.setMinimumWidth(max(edit.fontMetrics().averageCharWidth() * 18, edit.sizeHint().width()))
    return edit


def _time_edit(name: str) -> QTimeEdit:
    edit = TimeEdit()
    edit.setDisplayFormat(TIME_FORMAT)
    edit.setAccessibleName(name)
    return edit


def _combo(name: str, items: Sequence[tuple[str, Any]]) -> QComboBox:
    combo = QComboBox()
    combo.setAccessibleName(name)
    for text, data in items:
        combo.addItem(text, data)
    return combo


def _select(combo: QComboBox, data: Any) -> None:
    index = combo.findData(data)
    if index >= 0:
        combo.setCurrentIndex(index)


def _row(*items: QWidget | str | int) -> QHBoxLayout:
    """Widgets and words side by side; an int is a stretch."""
    row = QHBoxLayout()
    row.setContentsMargins(0, 0, 0, 0)
    row.setSpacing(6)
    for item in items:
        if isinstance(item, int):
            row.addStretch(item)
        elif isinstance(item, str):
            label = QLabel(item)
            label.setAccessibleName(item)
            row.addWidget(label)
        else:
            row.addWidget(item)
    return row


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def qtime(at: time) -> QTime:
    return QTime(at.hour, at.minute)


def pytime(value: QTime) -> time:
    return time(value.hour(), value.minute())
