"""A week of a care team's rota as a tree: each day, then its check-ins (or a calm line
saying nobody is planned yet), with the words a screen reader reads for each row."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
)
from PySide6.QtGui import QFont, QFontMetrics, QPalette
from PySide6.QtWidgets import QApplication

from supportnet.i18n import N_, _, ngettext, pgettext
from supportnet.model.days import long_date
from supportnet.scheduling.rota_words import NOBODY_YET
from supportnet.ui.widgets.labels import inside_line
from supportnet.ui.widgets.models import DayTreeModel, header_text

if TYPE_CHECKING:
    from supportnet.services.care_teams import RotaDay, RotaLine

Index = QModelIndex | QPersistentModelIndex

#: A check-in nobody has taken yet.
OPEN_SLOT = N_("Open — nobody yet")
ANY_TIME = N_("Any time of day")
#: A flexible check-in's day is a suggestion: it moves with the last contact.
AROUND = N_("Around this day")
ANY_WAY = N_("Any way")
SWAPPED = N_("Swapped for this date")
#: The day of a row (heading or line).
DAY_ROLE = Qt.ItemDataRole.UserRole
#: The :class:`RotaLine` of a check-in row; None on a heading or an empty day's line.
LINE_ROLE = Qt.ItemDataRole.UserRole + 1
#: True on a day heading.
HEADING_ROLE = Qt.ItemDataRole.UserRole + 2


def day_heading(day: date, today: date) -> str:
    """E.g. "Thursday 3 December (today)"; the year only when it isn't today's."""
    text = long_date(day, year=day.year != today.year)
    # Translators: a day heading on the care team's week, "Thursday 3 December (today)".
    return _("{day} (today)").format(day=text) if day == today else text


def line_state(line: RotaLine) -> str:
    """What else is true of a check-in: "Done", "Swapped for this date", both, or ""."""
    parts = []
    if line.done:
        # Translators: a check-in on the care team's rota that happened.
        parts.append(pgettext("check-in", "Done"))
    if line.swapped:
        parts.append(_(SWAPPED))
    return " · ".join(parts)


def when_text(line: RotaLine, flexible: frozenset[str] = frozenset()) -> str:
    """ "20:00", "Any time of day", or "Around this day" for a flexible check-in."""
    if line.slot_uid in flexible:
        return _(AROUND)
    return line.time or _(ANY_TIME)


def line_sentence(line: RotaLine, day: date, flexible: frozenset[str] = frozenset()) -> str:
    """The whole check-in in words, e.g. "Tuesday 8 December, 20:00, Rosie, video call"."""
    who = line.supporter_name if line.supporter_name is not None else _(OPEN_SLOT)
    when = when_text(line, flexible)
    parts = [long_date(day), when, who, inside_line(line.channel or _(ANY_WAY))]
    state = line_state(line)
    if state:
        parts.append(inside_line(state).replace(" · ", ", "))
    return ", ".join(parts)


@dataclass(slots=True)
class _Day:
    day: date
    heading: str
    lines: list[RotaLine]


class WeekModel(DayTreeModel):
    """Days (top level) holding their check-ins: when, who, how, and what else is so.

    A day with none holds one line, "Nobody planned yet", so each day reads the same.
    """

    COL_WHEN = 0
    COL_WHO = 1
    COL_HOW = 2
    COL_STATE = 3
    HEADERS = (N_("When"), N_("Who"), N_("How"), "")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._days: list[_Day] = []

    def set_days(
        self, days: list[RotaDay], today: date, flexible: frozenset[str] = frozenset()
    ) -> None:
        """Show ``days``; check-ins of the ``flexible`` slots read "Around this day"."""
        self.beginResetModel()
        self._days = [_Day(d.day, day_heading(d.day, today), list(d.check_ins)) for d in days]
        self._today = today
        self._flexible = flexible
        self.endResetModel()

    _flexible: frozenset[str] = frozenset()

    @property
    def flexible(self) -> frozenset[str]:
        """The slots whose check-ins move with the last contact."""
        return self._flexible

    _today: date | None = None

    @property
    def days(self) -> list[date]:
        return [d.day for d in self._days]

    def day_index(self, day: date) -> QModelIndex:
        for row, held in enumerate(self._days):
            if held.day == day:
                return self.index(row, 0)
        return QModelIndex()

    def line_index(self, slot_uid: str, on: date | None) -> QModelIndex:
        """The row of the check-in ``slot_uid`` on ``on``, or an invalid index."""
        for row, held in enumerate(self._days):
            for n, line in enumerate(held.lines):
                if line.slot_uid == slot_uid and line.on == on:
                    return self.index(n, 0, self.index(row, 0))
        return QModelIndex()

    def first_line_index(self, slot_uid: str) -> QModelIndex:
        """The row of the slot's first check-in shown, whatever its date in the slot's own
        zone, or an invalid index."""
        for row, held in enumerate(self._days):
            for n, line in enumerate(held.lines):
                if line.slot_uid == slot_uid:
                    return self.index(n, 0, self.index(row, 0))
        return QModelIndex()

    def line_at(self, index: Index) -> RotaLine | None:
        if not index.isValid() or index.internalId() == 0:
            return None
        lines = self._days[index.internalId() - 1].lines
        return lines[index.row()] if index.row() < len(lines) else None

    def day_at(self, index: Index) -> date | None:
        if not index.isValid():
            return None
        row = index.row() if index.internalId() == 0 else index.internalId() - 1
        return self._days[row].day

    # --- the tree ----------------------------------------------------------------------------

    def _day_count(self) -> int:
        return len(self._days)

    def _child_count(self, day_row: int) -> int:
        # An empty day still has its one calm line.
        return max(1, len(self._days[day_row].lines))

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if index.internalId() == 0:
            return self._heading_data(self._days[index.row()], index.column(), role)
        held = self._days[index.internalId() - 1]
        line = self.line_at(index)
        if role == DAY_ROLE:
            return held.day
        if role == LINE_ROLE:
            return line
        if role == HEADING_ROLE:
            return False
        if role == Qt.ItemDataRole.SizeHintRole:
            return QSize(-1, int(_line_height() * 1.8))
        if line is None:
            return self._empty_data(held, index.column(), role)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(line, index.column())
        if role == Qt.ItemDataRole.AccessibleTextRole:
            # Each cell reads as the whole check-in: a screen reader moving by rows hears it.
            return line_sentence(line, held.day, self._flexible)
        done = bool(line.done)
        if role == Qt.ItemDataRole.FontRole and (line.supporter is None or done):
            font = QFont(QApplication.font())
            # Words say it; italic and bold only help the eye.
            font.setItalic(line.supporter is None)
            font.setBold(done and index.column() == self.COL_STATE)
            return font
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        shown = tuple(_(head) if head else head for head in self.HEADERS)
        return header_text(shown, section, orientation, role)

    def _heading_data(self, held: _Day, column: int, role: int) -> Any:
        if role == DAY_ROLE:
            return held.day
        if role == HEADING_ROLE:
            return True
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            if column != 0:
                return None
            if role == Qt.ItemDataRole.AccessibleTextRole and not held.lines:
                return _("{day}: {nobody}").format(day=held.heading, nobody=_(NOBODY_YET))
            if role == Qt.ItemDataRole.AccessibleTextRole:
                count = len(held.lines)
                said = ngettext("{day}: {n} check-in", "{day}: {n} check-ins", count)
                return said.format(day=held.heading, n=count)
            return held.heading
        if role == Qt.ItemDataRole.FontRole:
            font = QFont(QApplication.font())
            font.setBold(True)
            if held.day == self._today:
                # Today is said in words; a little larger helps the eye find it.
                font.setPointSizeF(font.pointSizeF() * 1.1)
            return font
        if role == Qt.ItemDataRole.SizeHintRole:
            # Air above each day, so the week reads as days and not as one long list.
            return QSize(-1, int(_line_height() * 2.4))
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom)
        return None

    def _empty_data(self, held: _Day, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return _(NOBODY_YET) if column == self.COL_WHEN else None
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return _("{day}: {nobody}").format(day=long_date(held.day), nobody=_(NOBODY_YET))
        if role == Qt.ItemDataRole.ForegroundRole:
            # Softer, never a warning colour: the words say it.
            return QApplication.palette().brush(QPalette.ColorRole.PlaceholderText)
        if role == Qt.ItemDataRole.FontRole:
            font = QFont(QApplication.font())
            font.setItalic(True)
            return font
        return None

    def _text(self, line: RotaLine, column: int) -> str:
        if column == self.COL_WHEN:
            return when_text(line, self._flexible)
        if column == self.COL_WHO:
            if line.supporter_name is None:
                return _(OPEN_SLOT)
            return line.supporter_name
        if column == self.COL_HOW:
            return line.channel or _(ANY_WAY)
        return line_state(line)


def _line_height() -> int:
    return QFontMetrics(QApplication.font()).height()
