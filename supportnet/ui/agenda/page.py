"""The agenda: the next four weeks of plans, day by day, in the user's time zone."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import (
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QFont, QFontMetrics, QPalette, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from supportnet import scheduling
from supportnet.i18n import N_, _
from supportnet.model.days import clock_time, long_date, rhythm
from supportnet.model.zones import known_zone, zone_or_utc
from supportnet.services import Services
from supportnet.ui.plans.fields import quiet
from supportnet.ui.plans.wording import (
    describe_plan,
    earlier_text,
    user_zone_name,
    zone_place,
)
from supportnet.ui.shell.signals import AppSignals
from supportnet.ui.undo.commands import UndoContext
from supportnet.ui.widgets.buttons import enable_or_say_why
from supportnet.ui.widgets.labels import title_label
from supportnet.ui.widgets.lists import centred_label, day_tree, empty_state
from supportnet.ui.widgets.models import DayTreeModel

#: How many days the agenda shows, today included.
AGENDA_DAYS = 28
#: The target of an entry, as ``(kind, id)``; ``None`` on a day heading.
TARGET_ROLE = Qt.ItemDataRole.UserRole
#: The plan id of an entry.
PLAN_ROLE = Qt.ItemDataRole.UserRole + 1
#: True on a day heading.
HEADING_ROLE = Qt.ItemDataRole.UserRole + 2

ANY_TIME = N_("Any time")
AROUND = N_("Around this day")
#: Today's entry that has already begun: still today's, said in words ("earlier · 12:30").
EARLIER = N_("earlier · {time}")
EARLIER_TIP = N_("Earlier today, at {time}. Later is fine too.")
EMPTY_AGENDA = N_("Nothing planned for the next four weeks.")
EMPTY_AGENDA_MORE = N_(
    "That's okay. Plans you make with people and groups will show up here, day by day."
)
NOTHING_SELECTED = N_("Choose an entry to see the plans and check-ins with them.")

Index = QModelIndex | QPersistentModelIndex


def day_heading(day: date, today: date) -> str:
    """ "Today, Wednesday 25 November", "Tomorrow, …", or "Friday 27 November"."""
    text = long_date(day, year=day.year != today.year)
    delta = (day - today).days
    if delta == 0:
        return _("Today, {date}").format(date=text)
    if delta == 1:
        return _("Tomorrow, {date}").format(date=text)
    return text


def entry_what(item: scheduling.AgendaItem, user_zone: str) -> str:
    """What the entry is: its title (or how often), the way, and the time where they are."""
    plan = item.plan
    parts = [plan.title.strip() or describe_plan(plan).split(",")[0]]
    if plan.channel is not None:
        parts.append(plan.channel.label)
    if item.flexible and plan.cadence is not None:
        days = plan.cadence.ideal_days
        parts.append(rhythm(days, about=True))
    elif item.start is not None and plan.window_start is not None:
        there = known_zone(plan.timezone)
        if there is not None and item.start.utcoffset() != item.start.astimezone(there).utcoffset():
            theirs = item.start.astimezone(there)
            # Translators: a time where they are: "18:30 Lisbon time".
            there_time = _("{time} {place} time")
            parts.append(
                there_time.format(time=clock_time(theirs), place=zone_place(plan.timezone))
            )
    return " · ".join(parts)


@dataclass(slots=True)
class _Day:
    day: date
    heading: str
    items: list[scheduling.AgendaItem] = field(default_factory=list)


class AgendaModel(DayTreeModel):
    """Days (top level) holding their entries: time, who, what."""

    COL_TIME = 0
    COL_WHO = 1
    COL_WHAT = 2
    HEADERS = (N_("Time (your time)"), N_("With"), N_("Plan"))

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._days: list[_Day] = []
        self._zone = "UTC"

    def set_items(
        self, items: Sequence[scheduling.AgendaItem], today: date, user_zone: str
    ) -> None:
        self.beginResetModel()
        self._zone = user_zone
        days: dict[date, _Day] = {}
        for item in items:
            days.setdefault(item.day, _Day(item.day, day_heading(item.day, today))).items.append(
                item
            )
        self._days = [days[d] for d in sorted(days)]
        self.endResetModel()

    @property
    def days(self) -> list[date]:
        return [d.day for d in self._days]

    def items_on(self, day: date) -> list[scheduling.AgendaItem]:
        for held in self._days:
            if held.day == day:
                return list(held.items)
        return []

    def item_at(self, index: Index) -> scheduling.AgendaItem | None:
        if not index.isValid():
            return None
        parent_row = index.internalId()
        if parent_row == 0:
            return None
        return self._days[parent_row - 1].items[index.row()]

    # --- the tree ----------------------------------------------------------------------------

    def _day_count(self) -> int:
        return len(self._days)

    def _child_count(self, day_row: int) -> int:
        return len(self._days[day_row].items)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if index.internalId() == 0:
            return Qt.ItemFlag.ItemIsEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        text_role = role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole)
        if index.internalId() == 0:
            held = self._days[index.row()]
            if role == HEADING_ROLE:
                return True
            if text_role and index.column() == 0:
                return held.heading
            if role == Qt.ItemDataRole.FontRole:
                font = QFont(QApplication.font())
                font.setBold(True)
                return font
            if role == Qt.ItemDataRole.SizeHintRole:
                # Air above each day, so the weeks read as days and not as one long list.
                return QSize(-1, int(self._line_height() * 2.6))
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom)
            return None
        item = self.item_at(index)
        if item is None:
            return None
        if role == TARGET_ROLE:
            return (item.target.kind, item.target.id)
        if role == PLAN_ROLE:
            return item.plan.id
        if role == HEADING_ROLE:
            return False
        spoken = role == Qt.ItemDataRole.AccessibleTextRole and index.column() == self.COL_TIME
        if spoken and item.earlier and item.start is not None:
            return earlier_text(item.start)
        if text_role:
            return self._text(item, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            if item.earlier and item.start is not None:
                tip = _(EARLIER_TIP).format(time=clock_time(item.start))
                return "\n\n".join(t for t in (tip, item.plan.message_idea) if t)
            return item.plan.message_idea or None
        if role == Qt.ItemDataRole.SizeHintRole:
            return QSize(-1, int(self._line_height() * 1.8))
        if item.earlier and role == Qt.ItemDataRole.ForegroundRole:
            # Quieter, never red: the word "earlier" says it, the colour only echoes it.
            return QApplication.palette().brush(QPalette.ColorRole.PlaceholderText)
        if item.flexible and role == Qt.ItemDataRole.FontRole:
            font = QFont(QApplication.font())
            font.setItalic(True)
            return font
        if item.flexible and role == Qt.ItemDataRole.ForegroundRole:
            # Softer, as the palette's quieter text; the words "Around this day" say it too.
            return QApplication.palette().brush(QPalette.ColorRole.PlaceholderText)
        return None

    @staticmethod
    def _line_height() -> int:
        return QFontMetrics(QApplication.font()).height()

    def _text(self, item: scheduling.AgendaItem, column: int) -> str:
        if column == self.COL_TIME:
            if item.flexible:
                return _(AROUND)
            if item.start is None:
                return _(ANY_TIME)
            if item.earlier:
                return _(EARLIER).format(time=clock_time(item.start))
            return clock_time(item.start)
        if column == self.COL_WHO:
            return item.target.name
        if column == self.COL_WHAT:
            return entry_what(item, self._zone)
        return ""


class AgendaPageView(QWidget):
    """Layout only: a heading, the days (or a kind line when there is nothing), a button."""

    def __init__(self, model: AgendaModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(_("Agenda"))
        heading = title_label(_("The next four weeks"))
        self.heading = heading
        self.intro = QLabel()
        self.intro.setAccessibleName(_("About the agenda"))
        self.intro.setWordWrap(True)
        quiet(self.intro)

        self.tree = QTreeView()
        widths = {AgendaModel.COL_TIME: 22, AgendaModel.COL_WHO: 34}
        fits = [_(ANY_TIME), _(AROUND), _(EARLIER).format(time="00:00")]
        day_tree(self.tree, model, _("Plans, day by day"), widths, {AgendaModel.COL_TIME: fits})

        self.empty = centred_label(_(EMPTY_AGENDA), _("Agenda: message"), larger=True)
        self.empty_more = centred_label(_(EMPTY_AGENDA_MORE), _("Agenda: more"))
        self._empty_holder = holder = empty_state(self.empty, self.empty_more)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.tree)
        self.stack.addWidget(holder)

        self.selection_label = QLabel("")
        self.selection_label.setAccessibleName(_("Selected entry"))
        quiet(self.selection_label)
        self.open_button = QPushButton(_("&Plans and check-ins…"))
        self.open_button.setAccessibleName(_("Plans and check-ins with the selected one"))
        self.open_button.setToolTip(_("See and edit the plans and check-ins with them (Enter)"))

        bottom = QHBoxLayout()
        bottom.addWidget(self.selection_label, 1)
        bottom.addWidget(self.open_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 8)
        layout.setSpacing(8)
        layout.addWidget(heading)
        layout.addWidget(self.intro)
        layout.addWidget(self.stack, 1)
        layout.addLayout(bottom)
        QWidget.setTabOrder(self.tree, self.open_button)

    def show_empty(self) -> None:
        self.stack.setCurrentWidget(self._empty_holder)

    def show_tree(self) -> None:
        self.stack.setCurrentWidget(self.tree)


class AgendaPageController(QObject):
    """Fills the agenda from the services; refreshes on changes and at midnight.

    ``open_requested(kind, id)`` asks to show the plans and history of the person or
    group of the entry chosen (Enter, double-click or the button).
    """

    open_requested = Signal(str, int)

    def __init__(
        self,
        source: Services,
        clock: Callable[[], datetime],
        signals: AppSignals,
        undo_stack: QUndoStack | None = None,
        undo_context: UndoContext | None = None,
        parent: QWidget | None = None,
        *,
        user_zone: str | None = None,
        days: int = AGENDA_DAYS,
    ) -> None:
        super().__init__(parent)
        self._source = source
        self._reader = source.reach_out_reader()
        self._clock = clock
        self._user_zone = user_zone
        self._days = days
        # Kept for symmetry with the other pages; the agenda itself changes nothing.
        self._stack = undo_stack
        self._ctx = undo_context
        self.model = AgendaModel(self)
        self.view = AgendaPageView(self.model, parent)
        self.items: list[scheduling.AgendaItem] = []
        self.today: date | None = None

        self.view.tree.activated.connect(self._activated)
        self.view.open_button.clicked.connect(self.open_selected)
        self.view.tree.selectionModel().selectionChanged.connect(self._selection_moved)
        # One change can fire several signals; the agenda is worked out once for them all.
        self.refresh_timer = QTimer(self)
        self.refresh_timer.setSingleShot(True)
        self.refresh_timer.setInterval(0)
        self.refresh_timer.timeout.connect(self.refresh)
        for signal in (
            signals.plans_changed,
            signals.checkins_changed,
            signals.people_changed,
            signals.groups_changed,
        ):
            signal.connect(self.refresh_timer.start)

        self.midnight_timer = QTimer(self)
        self.midnight_timer.setSingleShot(True)
        self.midnight_timer.timeout.connect(self._new_day)
        self.refresh()

    @property
    def user_zone(self) -> str:
        return self._user_zone or user_zone_name(self._source)

    def refresh(self) -> None:
        """Read plans, people, groups and check-ins again and lay out the days."""
        self.refresh_timer.stop()
        zone_name = self.user_zone
        zone = zone_or_utc(zone_name)
        now = self._clock()
        today = now.astimezone(zone).date()
        keep = self.selected()
        self.items = self._reader.agenda(now, self._days, zone_name)
        self.today = today
        self.model.set_items(self.items, today, zone_name)
        self.view.tree.expandAll()
        for row in range(self.model.rowCount()):
            self.view.tree.setFirstColumnSpanned(row, QModelIndex(), True)
        if self.items:
            self.view.show_tree()
        else:
            self.view.show_empty()
        self.view.intro.setText(
            _(
                "Times are in your time zone ({place}). Nothing here is a deadline: "
                "a plan that doesn't happen simply waits for the next day."
            ).format(place=zone_place(zone_name))
        )
        if keep is not None:
            self._select(keep)
        elif self.items:
            # The keyboard starts on the first entry, not on a day's heading; nothing is
            # selected until the person chooses.
            first = self.model.index(0, 0, self.model.index(0, 0))
            self.view.tree.selectionModel().setCurrentIndex(
                first, QItemSelectionModel.SelectionFlag.NoUpdate
            )
        self._selection_moved()
        self._schedule_midnight(now, zone)

    # --- the clock ---------------------------------------------------------------------------

    def _schedule_midnight(self, now: datetime, zone: ZoneInfo) -> None:
        tomorrow = now.astimezone(zone).date() + timedelta(days=1)
        midnight = scheduling.local_datetime(tomorrow, time(0), zone)
        # A minute past, so the new day has surely begun on every clock.
        wait = (midnight - now).total_seconds() + 60
        self.midnight_timer.start(int(max(wait, 60) * 1000))

    def _new_day(self) -> None:
        self.refresh()

    def tick(self) -> None:
        """Look again if the day has changed (for the window's own timer, e.g. after a sleep)."""
        zone = zone_or_utc(self.user_zone)
        if self._clock().astimezone(zone).date() != self.today:
            self.refresh()

    # --- selection ---------------------------------------------------------------------------

    def selected(self) -> scheduling.AgendaItem | None:
        rows = self.view.tree.selectionModel().selectedRows()
        if not rows:
            return None
        return self.model.item_at(rows[0])

    def _select(self, item: scheduling.AgendaItem) -> None:
        for day_row, day in enumerate(self.model.days):
            if day != item.day:
                continue
            parent = self.model.index(day_row, 0)
            for row in range(self.model.rowCount(parent)):
                index = self.model.index(row, 0, parent)
                found = self.model.item_at(index)
                if found is not None and found.plan.id == item.plan.id:
                    self.view.tree.setCurrentIndex(index)
                    return

    def _selection_moved(self, *_args: Any) -> None:
        item = self.selected()
        # Why the button can't act is said on the button, not in a line under the list.
        enable_or_say_why(self.view.open_button, item is not None, _(NOTHING_SELECTED))
        if item is None:
            self.view.selection_label.setText("")
        else:
            self.view.selection_label.setText(_("Selected: {name}").format(name=item.target.name))

    def _activated(self, index: QModelIndex) -> None:
        item = self.model.item_at(index)
        if item is not None:
            self.open_requested.emit(item.target.kind, item.target.id)

    def open_selected(self) -> None:
        item = self.selected()
        if item is not None:
            self.open_requested.emit(item.target.kind, item.target.id)

    def flexible_shown(self) -> list[scheduling.AgendaItem]:
        """The flexible plans on the agenda (shown softly, "around this day")."""
        return [item for item in self.items if item.flexible]
