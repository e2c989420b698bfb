"""The plan editor: on a schedule, every so often, or once; checked as you type.

Also holds the plain wording of plans that the plans panel and the agenda share
(:func:`describe_plan`, :func:`time_text`) and :func:`user_zone_name`.
"""

from __future__ import annotations

import copy
import itertools
from collections.abc import Callable, Mapping, Sequence
from datetime import date, datetime, time, timedelta
from functools import cache
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError, available_timezones

from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QStackedWidget,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from supportnet import clock, schedule
from supportnet.clock import system_zone_name
from supportnet.errors import Problem
from supportnet.network import ChannelKind
from supportnet.plans import (
    ORDINALS,
    WEEKDAY_NAMES,
    Cadence,
    Frequency,
    MonthlyMode,
    Plan,
    PlanKind,
    Recurrence,
)
from supportnet.ui.editor_form import (
    EditorDialog,
    heading_label,
    hint_label,
    keep_height,
    notes_field,
)
from supportnet.ui.labels import title_label
from supportnet.ui.unlock_dialog import FieldMessage

#: What each kind is called in the editor and the lists.
KIND_TEXT = {
    PlanKind.FIXED: "On a schedule",
    PlanKind.FLEXIBLE: "Every so often",
    PlanKind.ONE_OFF: "Once",
}
KIND_HINT = {
    PlanKind.FIXED: "The same days each week or month, like Sunday evenings.",
    PlanKind.FLEXIBLE: "About every few days, counted from the last time you were in touch.",
    PlanKind.ONE_OFF: "A single day, like a birthday or a thank-you.",
}
NO_CHANNEL = "Any way"
WEEKDAY_SHORT = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
UNIT_TEXT = {
    Frequency.DAILY: ("day", "days"),
    Frequency.WEEKLY: ("week", "weeks"),
    Frequency.MONTHLY: ("month", "months"),
}
DATE_FORMAT = "ddd d MMM yyyy"
TIME_FORMAT = "HH:mm"
FLEXIBLE_HINT = "Any time you're in touch counts — even when they reach out first."

#: How each field is named in "Check … to save".
PLAN_FIELD_NAMES = {
    "kind": "the kind of plan",
    "target": "who the plan is for",
    "title": "the title",
    "channel": "the way to reach out",
    "timezone": "the time zone",
    "duration_minutes": "how long it takes",
    "window_end": "the time of day",
    "recurrence": "how it repeats",
    "frequency": "how it repeats",
    "interval": "how often it repeats",
    "until": "the end date",
    "weekdays": "the days of the week",
    "month_day": "the day of the month",
    "nth": "the week of the month",
    "nth_weekday": "the day of the week",
    "cadence": "the rhythm",
    "ideal_days": "the ideal interval",
    "too_long_days": "“too long”",
    "message_idea": "the conversation starter",
    "notes": "the notes",
}


# --- wording shared with the plans panel and the agenda ---------------------------------------


def user_zone_name(source: Any) -> str:
    """The user's zone: the one chosen in the settings, else the system's."""
    settings = getattr(source, "settings", None)
    chosen = settings.load().timezone if settings is not None else None
    return clock.user_zone_name(chosen, system_zone_name())


def zone_place(zone: str) -> str:
    """The place a zone is named after: "America/New_York" -> "New York"."""
    return zone.rsplit("/", 1)[-1].replace("_", " ")


def short_date(day: date, today: date | None = None) -> str:
    """ "Thu 3 Dec", with the year when it isn't this year's."""
    text = f"{WEEKDAY_NAMES[day.weekday()][:3]} {day.day} {day:%b}"
    if today is not None and day.year != today.year:
        text += f" {day.year}"
    return text


def time_text(plan: Plan, user_zone: str | None = None) -> str:
    """ "18:00–19:00", "any time of day", or "13:00 New York time" for a zone not the user's."""
    if plan.window_start is None:
        return "any time of day"
    text = f"{plan.window_start:%H:%M}"
    if plan.window_end is not None:
        text += f"–{plan.window_end:%H:%M}"
    if user_zone is not None and not _same_zone(plan.timezone, user_zone):
        text += f" {zone_place(plan.timezone)} time"
    return text


def describe_plan(plan: Plan, user_zone: str | None = None, today: date | None = None) -> str:
    """When a plan happens, in a few words: "Sundays, 18:00–19:00", "About every 10 days"."""
    if plan.kind is PlanKind.FLEXIBLE:
        days = plan.cadence.ideal_days if plan.cadence else 0
        text = "About every day" if days == 1 else f"About every {days} days"
    elif plan.kind is PlanKind.ONE_OFF:
        text = f"Once on {short_date(plan.start_date, today)}"
    elif plan.recurrence is None:
        text = "On a schedule"
    else:
        rec = copy.copy(plan.recurrence)
        rec.weekdays = set(rec.weekdays)
        until, rec.until = rec.until, None
        text = rec.describe()
        text = text[:1].upper() + text[1:]  # "last Friday of every month" opens a line
        if until is not None:
            text += f", until {short_date(until, today)}"
    when = time_text(plan, user_zone)
    return f"{text}, {when}"


def _same_zone(a: str, b: str) -> bool:
    if a == b:
        return True
    try:
        za, zb = ZoneInfo(a), ZoneInfo(b)
    except (ZoneInfoNotFoundError, ValueError):
        return False
    # Two names for one set of clocks (an alias, or neighbours) read as the same zone.
    probe = datetime(2025, 1, 15, 12)
    summer = datetime(2025, 7, 15, 12)
    return all(
        m.replace(tzinfo=za).utcoffset() == m.replace(tzinfo=zb).utcoffset()
        for m in (probe, summer)
    )


@cache
def zone_names() -> list[str]:
    """Every IANA zone name worth offering, sorted."""
    skip = {"Factory", "localtime", "posixrules"}
    return sorted(z for z in available_timezones() if z not in skip)


def new_plan(kind: str, target_id: int, today: date, zone: str) -> Plan:
    """A fresh plan for a person (``kind`` "person") or a group, starting ``today``."""
    plan = Plan(
        kind=PlanKind.FIXED,
        start_date=today,
        timezone=zone,
        recurrence=Recurrence(frequency=Frequency.WEEKLY, weekdays={today.weekday()}),
    )
    if kind == "person":
        plan.person_id = target_id
    else:
        plan.group_id = target_id
    return plan


def next_occurrence(plan: Plan, now: datetime) -> schedule.Occurrence | None:
    """The next time a fixed or one-off plan happens (today's all-day one counts), or None."""
    try:
        zone = ZoneInfo(plan.timezone)
    except (ZoneInfoNotFoundError, ValueError):
        return None
    today_plan = now.astimezone(zone).date()
    for occ in schedule.occurrences(plan, today_plan, today_plan + timedelta(days=800)):
        if (occ.start is None and occ.day >= today_plan) or (
            occ.start is not None and occ.start >= now
        ):
            return occ
    return None


def _flexible_day(plan: Plan, now: datetime, last_contact: datetime | None) -> date | None:
    """The plan-local day a flexible plan comes round again; None if it's due already."""
    zone = ZoneInfo(plan.timezone)
    due_day = schedule.flexible_due(plan, last_contact, now).astimezone(zone).date()
    return None if due_day <= now.astimezone(zone).date() else due_day


def next_text(
    plan: Plan, now: datetime, user_zone: str, last_contact: datetime | None = None
) -> str:
    """The preview line: "Next: Sun 29 Nov, 18:00 (your time 23:00)"."""
    try:
        user_tz = ZoneInfo(user_zone)
        ZoneInfo(plan.timezone)
    except (ZoneInfoNotFoundError, ValueError):
        return ""
    today_user = now.astimezone(user_tz).date()
    if plan.paused:
        return "Paused: it won't be suggested until you resume it."
    if plan.kind is PlanKind.FLEXIBLE:
        due_day = _flexible_day(plan, now, last_contact)
        when = "today" if due_day is None else short_date(due_day, today_user)
        counted = " (counted from when you were last in touch)" if last_contact is not None else ""
        return f"Next: around {when}{counted}"
    occ = next_occurrence(plan, now)
    if occ is None:
        return "This day has passed." if plan.kind is PlanKind.ONE_OFF else "No more dates ahead."
    text = f"Next: {short_date(occ.day, today_user)}"
    if occ.start is None:
        return f"{text}, any time of day"
    text += f", {occ.start:%H:%M}"
    if not _same_zone(plan.timezone, user_zone):
        mine = occ.start.astimezone(user_tz)
        there = f"{mine:%H:%M}"
        if mine.date() != occ.day:
            there = f"{short_date(mine.date(), today_user)}, {there}"
        text += f" (your time {there})"
    return text


def next_short(
    plan: Plan, now: datetime, user_zone: str, last_contact: datetime | None = None
) -> str:
    """When a plan comes next, on the user's clock: "Sat 5 Dec, 18:00", "Around Mon 30 Nov"."""
    try:
        user_tz = ZoneInfo(user_zone)
        ZoneInfo(plan.timezone)
    except (ZoneInfoNotFoundError, ValueError):
        return ""
    today_user = now.astimezone(user_tz).date()
    if plan.paused:
        return "Paused"
    if plan.kind is PlanKind.FLEXIBLE:
        due_day = _flexible_day(plan, now, last_contact)
        return "Around today" if due_day is None else f"Around {short_date(due_day, today_user)}"
    occ = next_occurrence(plan, now)
    if occ is None:
        return "Passed" if plan.kind is PlanKind.ONE_OFF else "No more dates"
    if occ.start is None:
        return f"{short_date(occ.day, today_user)}, any time"
    mine = occ.start.astimezone(user_tz)
    return f"{short_date(mine.date(), today_user)}, {mine:%H:%M}"


# --- the editor -------------------------------------------------------------------------------


def quiet(label: QLabel) -> QLabel:
    """A secondary line in the palette's quieter text colour (follows light and dark)."""
    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    return label


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
    edit.setDisplayFormat(DATE_FORMAT)
    edit.setAccessibleName(name)
    edit.setMinimumWidth(edit.fontMetrics().averageCharWidth() * 18)
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


def zone_or_utc(name: str) -> ZoneInfo:
    """The zone called ``name``, or UTC if this machine doesn't know it."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def qtime(at: time) -> QTime:
    return QTime(at.hour, at.minute)


def pytime(value: QTime) -> time:
    return time(value.hour(), value.minute())


class PlanEditor(EditorDialog):
    """Add or change a plan of any kind. Every field of :class:`Plan` is here.

    ``plan`` is the plan to change, or a fresh one (without an id) holding the target and
    the defaults; :func:`new_plan` makes one. ``clock`` and ``user_zone`` drive the
    "Next: …" preview; ``last_contact`` is the target's latest check-in (flexible plans
    count from it); ``ideas`` fill the "Ideas" menu beside the conversation starter.
    """

    def __init__(
        self,
        plan: Plan,
        on_save: Callable[[Plan], Any],
        parent: QWidget | None = None,
        *,
        target_name: str,
        clock: Callable[[], datetime],
        user_zone: str,
        last_contact: datetime | None = None,
        ideas: Sequence[str] = (),
    ) -> None:
        existing = plan.id is not None
        title = f"Change a plan for {target_name}" if existing else f"New plan for {target_name}"
        super().__init__(title, on_save, existing=existing, parent=parent)
        self._base = copy.deepcopy(plan)
        self._clock = clock
        self._user_zone = user_zone
        self._last_contact = last_contact
        self._skips: set[date] = set()

        heading = title_label(title)
        intro = hint_label("A plan is a gentle reminder, never a deadline. Change it any time.")
        intro.setWordWrap(True)

        self._build_when()
        self._build_how()
        self.set_ideas(ideas)

        left = QVBoxLayout()
        left.setSpacing(4)
        left.addWidget(heading_label("When"))
        left.addWidget(self.kind_box)
        left.addWidget(self.message_for("kind", "Kind of plan: message", self.kind_box))
        left.addWidget(self.message_for("target", "Who it is for: message"))
        left.addSpacing(6)
        left.addWidget(self.date_holder)
        left.addWidget(self.pages)
        left.addStretch(1)

        right = QVBoxLayout()
        right.setSpacing(4)
        right.addWidget(heading_label("How"))
        right.addLayout(self.how_layout)
        right.addStretch(1)

        columns = QHBoxLayout()
        columns.setSpacing(32)
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)

        self.preview = QLabel()
        self.preview.setAccessibleName("Next time")
        self.preview.setTextFormat(Qt.TextFormat.PlainText)
        self.preview.setWordWrap(True)
        preview_font = self.preview.font()
        preview_font.setPointSizeF(preview_font.pointSizeF() * 1.08)
        self.preview.setFont(preview_font)

        layout = QVBoxLayout(self)
        # The window grows when messages appear, rather than squeezing the fields together.
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
        layout.setContentsMargins(24, 18, 24, 18)
        layout.setSpacing(8)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addSpacing(4)
        layout.addLayout(columns, 1)
        layout.addWidget(self.preview)
        layout.addLayout(self.buttons_row())

        self._fill(self._base)
        self._connect()
        self._kind_changed()
        self._frequency_changed()
        self._window_changed()
        self.finish_setup()
        self._set_tab_order()
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 64)
        self.resize(self.sizeHint().expandedTo(self.minimumSizeHint()))
        self.kind_buttons[self._base.kind].setFocus()

    # --- building ----------------------------------------------------------------------------

    def _build_when(self) -> None:
        # The kind: three radio buttons, each with a line saying what it means.
        self.kind_box = QWidget()
        self.kind_box.setAccessibleName("Kind of plan")
        kind_layout = QGridLayout(self.kind_box)
        kind_layout.setContentsMargins(0, 0, 0, 0)
        kind_layout.setHorizontalSpacing(8)
        kind_layout.setVerticalSpacing(0)
        self.kind_group = QButtonGroup(self)
        self.kind_buttons: dict[PlanKind, QRadioButton] = {}
        for row, kind in enumerate(PlanKind):
            button = QRadioButton(KIND_TEXT[kind])
            button.setAccessibleName(KIND_TEXT[kind])
            button.setAccessibleDescription(KIND_HINT[kind])
            button.setToolTip(KIND_HINT[kind])
            self.kind_group.addButton(button)
            self.kind_buttons[kind] = button
            hint = hint_label(KIND_HINT[kind])
            hint.setWordWrap(True)
            hint.setContentsMargins(26, 0, 0, 6)
            quiet(hint)
            kind_layout.addWidget(button, row * 2, 0)
            kind_layout.addWidget(hint, row * 2 + 1, 0)

        # The date: "Starting on" for a schedule, "On" for once; a rhythm needs none.
        self.date_field = _date_edit("Starting on")
        self.date_label = QLabel("Start&ing on")
        self.date_label.setBuddy(self.date_field)
        self.date_holder = QWidget()
        date_layout = QVBoxLayout(self.date_holder)
        date_layout.setContentsMargins(0, 0, 0, 0)
        date_layout.setSpacing(2)
        date_layout.addWidget(self.date_label)
        date_layout.addLayout(_row(self.date_field, 1))

        self.pages = QStackedWidget()
        self.pages.setAccessibleName("Details of the plan")
        self.fixed_page = self._build_fixed_page()
        self.flexible_page = self._build_flexible_page()
        self.once_page = QWidget()
        once_layout = QVBoxLayout(self.once_page)
        once_layout.setContentsMargins(0, 0, 0, 0)
        once_layout.addStretch(1)
        self.pages.addWidget(self.fixed_page)
        self.pages.addWidget(self.flexible_page)
        self.pages.addWidget(self.once_page)

    def _build_fixed_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.setSpacing(4)

        # Repeat every N days / weeks / months.
        self.interval_field = _spin("Repeat every", 0, 366)
        self.frequency_combo = _combo(
            "Repeat unit", [(UNIT_TEXT[f][0], f.value) for f in Frequency]
        )
        repeat_label = QLabel("&Repeat every")
        repeat_label.setBuddy(self.interval_field)
        layout.addLayout(_row(repeat_label, self.interval_field, self.frequency_combo, 1))
        layout.addWidget(self.message_for("interval", "Repeat every: message", self.interval_field))
        layout.addWidget(
            self.message_for("frequency", "Repeat unit: message", self.frequency_combo)
        )
        layout.addWidget(self.message_for("recurrence", "How it repeats: message"))

        # Weekly: which days.
        self.weekly_box = QWidget()
        self.weekly_box.setAccessibleName("Days of the week")
        weekly_layout = QVBoxLayout(self.weekly_box)
        weekly_layout.setContentsMargins(0, 4, 0, 0)
        weekly_layout.setSpacing(2)
        on_label = QLabel("On")
        on_label.setAccessibleName("On")
        weekly_layout.addWidget(on_label)
        self.weekday_checks: list[QCheckBox] = []
        days_row = QHBoxLayout()
        days_row.setSpacing(10)
        for number, short in enumerate(WEEKDAY_SHORT):
            box = QCheckBox(short)
            box.setAccessibleName(WEEKDAY_NAMES[number])
            self.weekday_checks.append(box)
            days_row.addWidget(box)
        days_row.addStretch(1)
        weekly_layout.addLayout(days_row)
        weekly_layout.addWidget(
            self.message_for("weekdays", "Days of the week: message", self.weekly_box)
        )

        # Monthly: on a date, or on the nth weekday.
        self.monthly_box = QWidget()
        self.monthly_box.setAccessibleName("Day of the month")
        monthly_layout = QVBoxLayout(self.monthly_box)
        monthly_layout.setContentsMargins(0, 4, 0, 0)
        monthly_layout.setSpacing(2)
        self.by_date_radio = QRadioButton("On day")
        self.by_date_radio.setAccessibleName("On a day of the month")
        self.by_weekday_radio = QRadioButton("On the")
        self.by_weekday_radio.setAccessibleName("On a weekday of the month")
        self.monthly_group = QButtonGroup(self)
        self.monthly_group.addButton(self.by_date_radio)
        self.monthly_group.addButton(self.by_weekday_radio)
        self.month_day_field = _spin("Day of the month", 1, 31)
        self.nth_combo = _combo(
            "Which week of the month", [(ORDINALS[n], n) for n in (1, 2, 3, 4, 5, -1)]
        )
        self.nth_weekday_combo = _combo(
            "Weekday of the month", [(name, n) for n, name in enumerate(WEEKDAY_NAMES)]
        )
        monthly_layout.addLayout(_row(self.by_date_radio, self.month_day_field, "of the month", 1))
        monthly_layout.addWidget(
            self.message_for("month_day", "Day of the month: message", self.month_day_field)
        )
        monthly_layout.addLayout(
            _row(self.by_weekday_radio, self.nth_combo, self.nth_weekday_combo, "of the month", 1)
        )
        monthly_layout.addWidget(
            self.message_for("nth", "Week of the month: message", self.nth_combo)
        )
        monthly_layout.addWidget(
            self.message_for("nth_weekday", "Weekday of the month: message", self.nth_weekday_combo)
        )
        self.skipping_note = FieldMessage("About skipped months")
        monthly_layout.addWidget(self.skipping_note)

        layout.addWidget(self.weekly_box)
        layout.addWidget(self.monthly_box)

        # An end date.
        self.until_check = QCheckBox("Stop repeating after")
        self.until_check.setAccessibleName("Stop repeating after a date")
        self.until_field = _date_edit("Last day")
        layout.addSpacing(4)
        layout.addLayout(_row(self.until_check, self.until_field, 1))
        layout.addWidget(self.message_for("until", "End date: message", self.until_field))

        # Days left out.
        layout.addSpacing(4)
        skips_label = QLabel("Days to leave out")
        skips_label.setAccessibleName("Days to leave out")
        layout.addWidget(skips_label)
        self.skip_field = _date_edit("Day to leave out")
        self.add_skip_button = QPushButton("Leave &out")
        self.add_skip_button.setAccessibleName("Leave this day out")
        self.add_skip_button.setToolTip("Leave the chosen day out, e.g. while they're away")
        self.remove_skip_button = QPushButton("Put &back")
        self.remove_skip_button.setAccessibleName("Put the selected day back")
        self.skips_list = QListWidget()
        self.skips_list.setAccessibleName("Days left out")
        self.skips_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        row_height = self.skips_list.fontMetrics().height() + 6
        self.skips_list.setFixedHeight(row_height * 3 + 6)
        layout.addLayout(_row(self.skip_field, self.add_skip_button, 1))
        layout.addLayout(_row(self.skips_list, self.remove_skip_button))
        self.no_skips_label = hint_label("No days left out.")
        quiet(self.no_skips_label)
        layout.addWidget(self.no_skips_label)
        layout.addStretch(1)
        return page

    def _build_flexible_page(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.setSpacing(4)
        self.ideal_field = _spin("Ideally about every, in days", 0, 3650, " days")
        self.too_long_field = _spin("Too long after, in days", 0, 3650, " days")
        ideal_label = QLabel("&Ideally about every")
        ideal_label.setBuddy(self.ideal_field)
        too_long_label = QLabel("It feels like too &long after")
        too_long_label.setBuddy(self.too_long_field)
        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(8)
        grid.addWidget(ideal_label, 0, 0)
        grid.addWidget(self.ideal_field, 0, 1)
        grid.addWidget(
            self.message_for("ideal_days", "Ideal interval: message", self.ideal_field), 1, 0, 1, 3
        )
        grid.addWidget(too_long_label, 2, 0)
        grid.addWidget(self.too_long_field, 2, 1)
        grid.addWidget(
            self.message_for("too_long_days", "Too long after: message", self.too_long_field),
            3,
            0,
            1,
            3,
        )
        grid.setColumnStretch(2, 1)
        layout.addLayout(grid)
        layout.addWidget(self.message_for("cadence", "Rhythm: message"))
        hint = hint_label(FLEXIBLE_HINT)
        hint.setWordWrap(True)
        layout.addSpacing(4)
        layout.addWidget(hint)
        layout.addStretch(1)
        return page

    def _build_how(self) -> None:
        self.title_field = QLineEdit()
        self.title_field.setAccessibleName("Title")
        self.title_field.setPlaceholderText("e.g. Sunday call with Mum (optional)")
        self.channel_combo = _combo(
            "Way to reach out", [(NO_CHANNEL, None)] + [(c.label, c.value) for c in ChannelKind]
        )

        self.all_day_check = QCheckBox("Any time of day")
        self.all_day_check.setAccessibleName("Any time of day")
        self.start_time_field = _time_edit("From")
        self.end_check = QCheckBox("until")
        self.end_check.setAccessibleName("Until a time")
        self.end_time_field = _time_edit("Until")
        self.duration_field = _spin("How long, in minutes", 1, 24 * 60, " min")
        self.duration_field.setSingleStep(5)
        from_label = QLabel("&From")
        from_label.setBuddy(self.start_time_field)
        self.from_label = from_label

        self.zone_combo = QComboBox()
        self.zone_combo.setEditable(True)
        self.zone_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.zone_combo.setAccessibleName("Time zone")
        self.zone_combo.addItems(zone_names())
        self.zone_combo.setMaxVisibleItems(14)
        completer = QCompleter(zone_names(), self.zone_combo)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.zone_combo.setCompleter(completer)
        line = self.zone_combo.lineEdit()
        if line is not None:
            line.setAccessibleName("Time zone")
            line.setPlaceholderText("e.g. Europe/London")
        self.zone_hint = hint_label("")
        self.zone_hint.setWordWrap(True)
        quiet(self.zone_hint)

        self.idea_field = notes_field("Conversation starter")
        self.idea_field.setPlaceholderText("A first sentence, e.g. “Thinking of you”")
        self.idea_field.setFixedHeight(self.idea_field.fontMetrics().height() * 3 + 12)
        self.ideas_button = QPushButton("I&deas")
        self.ideas_button.setAccessibleName("Choose a conversation starter")
        self.ideas_button.setToolTip("Pick a first sentence from your list of ideas")
        self.ideas_menu = QMenu(self.ideas_button)
        self.ideas_menu.setAccessibleName("Conversation starters")
        self.ideas_button.setMenu(self.ideas_menu)
        self.notes_field = notes_field("Notes")
        self.notes_field.setPlaceholderText("Anything that helps (optional)")
        self.notes_field.setFixedHeight(self.notes_field.fontMetrics().height() * 3 + 12)
        self.paused_check = QCheckBox("Paused: keep this plan, but don't suggest it for now")
        self.paused_check.setAccessibleName("Paused")
        self.paused_check.setAccessibleDescription("Keep this plan, but don't suggest it for now")

        how = QVBoxLayout()
        how.setSpacing(2)

        def labelled(text: str, field: QWidget) -> None:
            label = QLabel(text)
            label.setBuddy(field)
            keep_height(field)
            how.addWidget(label)

        labelled("&Title", self.title_field)
        how.addWidget(self.title_field)
        how.addWidget(self.message_for("title", "Title: message", self.title_field))
        how.addSpacing(4)
        labelled("&Way to reach out", self.channel_combo)
        how.addLayout(_row(self.channel_combo, 1))
        how.addWidget(self.message_for("channel", "Way to reach out: message", self.channel_combo))
        how.addSpacing(4)
        time_label = QLabel("Time of day")
        time_label.setAccessibleName("Time of day")
        how.addWidget(time_label)
        how.addWidget(self.all_day_check)
        how.addLayout(
            _row(from_label, self.start_time_field, self.end_check, self.end_time_field, 1)
        )
        how.addWidget(self.message_for("window_end", "Time of day: message", self.end_time_field))
        duration_label = QLabel("It takes &about")
        duration_label.setBuddy(self.duration_field)
        how.addLayout(_row(duration_label, self.duration_field, 1))
        how.addWidget(
            self.message_for("duration_minutes", "How long: message", self.duration_field)
        )
        how.addSpacing(4)
        labelled("Time &zone", self.zone_combo)
        how.addWidget(self.zone_combo)
        how.addWidget(self.message_for("timezone", "Time zone: message", self.zone_combo))
        how.addWidget(self.zone_hint)
        how.addSpacing(4)
        starter_label = QLabel("&Conversation starter")
        starter_label.setBuddy(self.idea_field)
        starter_row = QHBoxLayout()
        starter_row.addWidget(starter_label, 1)
        starter_row.addWidget(self.ideas_button)
        how.addLayout(starter_row)
        how.addWidget(self.idea_field)
        how.addWidget(
            self.message_for("message_idea", "Conversation starter: message", self.idea_field)
        )
        labelled("&Notes", self.notes_field)
        how.addWidget(self.notes_field)
        how.addWidget(self.message_for("notes", "Notes: message", self.notes_field))
        how.addSpacing(6)
        how.addWidget(self.paused_check)
        self.how_layout = how

    def set_ideas(self, ideas: Sequence[str]) -> None:
        """The first sentences offered under "Ideas"."""
        self.ideas_menu.clear()
        for text in ideas:
            action = self.ideas_menu.addAction(text.replace("&", "&&"))
            action.triggered.connect(lambda _=False, t=text: self._use_idea(t))
        self.ideas_button.setVisible(bool(ideas))

    def _use_idea(self, text: str) -> None:
        self.idea_field.setPlainText(text)
        self.idea_field.setFocus()

    def _connect(self) -> None:
        for button in self.kind_buttons.values():
            button.toggled.connect(self._kind_changed)
        self.watch_many(("kind", "until", "target"), self.kind_group.buttonToggled)
        self.watch_many(("until",), self.date_field.dateChanged)
        self.date_field.dateChanged.connect(self._start_date_changed)
        self.watch_many(("interval",), self.interval_field.valueChanged)
        self.interval_field.valueChanged.connect(self._frequency_changed)
        self.watch_many(
            ("frequency", "weekdays", "month_day", "nth", "nth_weekday"),
            self.frequency_combo.currentIndexChanged,
        )
        self.frequency_combo.currentIndexChanged.connect(self._frequency_changed)
        for box in self.weekday_checks:
            self.watch_many(("weekdays",), box.toggled)
        self.watch_many(("month_day", "nth", "nth_weekday"), self.monthly_group.buttonToggled)
        self.monthly_group.buttonToggled.connect(self._monthly_mode_changed)
        self.watch_many(("month_day",), self.month_day_field.valueChanged)
        self.watch_many(("nth",), self.nth_combo.currentIndexChanged)
        self.watch_many(("nth_weekday",), self.nth_weekday_combo.currentIndexChanged)
        self.watch_many(("until",), self.until_check.toggled)
        self.until_check.toggled.connect(self.until_field.setEnabled)
        self.watch_many(("until",), self.until_field.dateChanged)
        self.add_skip_button.clicked.connect(self._add_skip)
        self.remove_skip_button.clicked.connect(self._remove_skip)
        self.skips_list.itemSelectionChanged.connect(self._update_skip_buttons)
        self.watch_many(("ideal_days", "too_long_days"), self.ideal_field.valueChanged)
        self.watch_many(("too_long_days",), self.too_long_field.valueChanged)
        self.watch_many(("title",), self.title_field.textChanged)
        self.watch_many(("channel",), self.channel_combo.currentIndexChanged)
        self.watch_many(("window_end",), self.all_day_check.toggled)
        self.watch_many(("window_end",), self.start_time_field.timeChanged)
        self.watch_many(("window_end",), self.end_check.toggled)
        self.watch_many(("window_end",), self.end_time_field.timeChanged)
        for signal in (
            self.all_day_check.toggled,
            self.end_check.toggled,
        ):
            signal.connect(self._window_changed)
        self.watch_many(("duration_minutes",), self.duration_field.valueChanged)
        self.watch_many(("timezone",), self.zone_combo.editTextChanged)
        self.zone_combo.editTextChanged.connect(self._update_zone_hint)
        self.watch_many(("message_idea",), self.idea_field.textChanged)
        self.watch_many(("notes",), self.notes_field.textChanged)
        self.watch_many(("paused",), self.paused_check.toggled)

    def watch_many(self, fields: Sequence[str], signal: Any) -> None:
        """Check again when ``signal`` fires; each of ``fields`` may now show its message."""

        def touched(*_args: Any) -> None:
            self._touched.update(fields)
            self._check_timer.start()

        signal.connect(touched)

    def _set_tab_order(self) -> None:
        order: list[QWidget] = [
            *self.kind_buttons.values(),
            self.date_field,
            self.interval_field,
            self.frequency_combo,
            *self.weekday_checks,
            self.by_date_radio,
            self.month_day_field,
            self.by_weekday_radio,
            self.nth_combo,
            self.nth_weekday_combo,
            self.until_check,
            self.until_field,
            self.skip_field,
            self.add_skip_button,
            self.skips_list,
            self.remove_skip_button,
            self.ideal_field,
            self.too_long_field,
            self.title_field,
            self.channel_combo,
            self.all_day_check,
            self.start_time_field,
            self.end_check,
            self.end_time_field,
            self.duration_field,
            self.zone_combo,
            self.ideas_button,
            self.idea_field,
            self.notes_field,
            self.paused_check,
            self.cancel_button,
            self.save_button,
        ]
        for first, second in itertools.pairwise(order):
            QWidget.setTabOrder(first, second)

    # --- filling and reading -----------------------------------------------------------------

    def _fill(self, plan: Plan) -> None:
        today = self._today()
        start = plan.start_date
        self.kind_buttons[plan.kind].setChecked(True)
        self.date_field.setDate(_qdate(start))
        rec = plan.recurrence or Recurrence(frequency=Frequency.WEEKLY, weekdays={start.weekday()})
        self.interval_field.setValue(rec.interval)
        _select(self.frequency_combo, rec.frequency.value)
        weekdays = rec.weekdays or {start.weekday()}
        for number, box in enumerate(self.weekday_checks):
            box.setChecked(number in weekdays)
        by_weekday = rec.monthly_mode is MonthlyMode.BY_WEEKDAY
        self.by_weekday_radio.setChecked(by_weekday)
        self.by_date_radio.setChecked(not by_weekday)
        self.month_day_field.setValue(rec.month_day or start.day)
        _select(self.nth_combo, rec.nth if rec.nth is not None else _nth_of(start))
        _select(
            self.nth_weekday_combo,
            rec.nth_weekday if rec.nth_weekday is not None else start.weekday(),
        )
        self.until_check.setChecked(rec.until is not None)
        self.until_field.setDate(_qdate(rec.until or start + timedelta(days=90)))
        self.until_field.setEnabled(rec.until is not None)
        self._skips = set(rec.skips)
        self.skip_field.setDate(_qdate(max(today, start)))
        self._show_skips()

        cadence = plan.cadence or Cadence()
        self.ideal_field.setValue(cadence.ideal_days)
        self.too_long_field.setValue(cadence.too_long_days)

        self.title_field.setText(plan.title)
        _select(self.channel_combo, plan.channel.value if plan.channel else None)
        self.all_day_check.setChecked(plan.window_start is None)
        self.start_time_field.setTime(qtime(plan.window_start or time(18, 0)))
        self.end_check.setChecked(plan.window_end is not None)
        end_default = (
            datetime.combine(today, plan.window_start or time(18, 0)) + timedelta(hours=1)
        ).time()
        self.end_time_field.setTime(qtime(plan.window_end or end_default))
        self.duration_field.setValue(plan.duration_minutes)
        self.zone_combo.setEditText(plan.timezone)
        self._update_zone_hint()
        self.idea_field.setPlainText(plan.message_idea)
        self.notes_field.setPlainText(plan.notes)
        self.paused_check.setChecked(plan.paused)

    def kind(self) -> PlanKind:
        for kind, button in self.kind_buttons.items():
            if button.isChecked():
                return kind
        return self._base.kind

    def build(self) -> Plan:
        base = self._base
        kind = self.kind()
        recurrence = None
        cadence = None
        if kind is PlanKind.FIXED:
            recurrence = Recurrence(
                frequency=Frequency(self.frequency_combo.currentData()),
                interval=self.interval_field.value(),
                weekdays={n for n, box in enumerate(self.weekday_checks) if box.isChecked()}
                if self._frequency() is Frequency.WEEKLY
                else set(),
                monthly_mode=MonthlyMode.BY_WEEKDAY
                if self.by_weekday_radio.isChecked()
                else MonthlyMode.BY_DATE,
                until=_pydate(self.until_field.date()) if self.until_check.isChecked() else None,
                skips=set(self._skips),
            )
            if self._frequency() is Frequency.MONTHLY:
                if recurrence.monthly_mode is MonthlyMode.BY_WEEKDAY:
                    recurrence.nth = self.nth_combo.currentData()
                    recurrence.nth_weekday = self.nth_weekday_combo.currentData()
                else:
                    recurrence.month_day = self.month_day_field.value()
        elif kind is PlanKind.FLEXIBLE:
            cadence = Cadence(self.ideal_field.value(), self.too_long_field.value())
        all_day = self.all_day_check.isChecked()
        channel = self.channel_combo.currentData()
        return Plan(
            kind=kind,
            start_date=_pydate(self.date_field.date()),
            person_id=base.person_id,
            group_id=base.group_id,
            title=self.title_field.text(),
            channel=ChannelKind(channel) if channel else None,
            timezone=self.zone_combo.currentText(),
            window_start=None if all_day else pytime(self.start_time_field.time()),
            window_end=None
            if all_day or not self.end_check.isChecked()
            else pytime(self.end_time_field.time()),
            duration_minutes=self.duration_field.value(),
            message_idea=self.idea_field.toPlainText(),
            notes=self.notes_field.toPlainText(),
            paused=self.paused_check.isChecked(),
            recurrence=recurrence,
            cadence=cadence,
            sequence=base.sequence,
            id=base.id,
            uid=base.uid,
            created_at=base.created_at,
            updated_at=base.updated_at,
        )

    def subject(self) -> str:
        title = self.title_field.text().strip()
        return f"“{title}”" if title else "this plan"

    # --- behaviour ---------------------------------------------------------------------------

    def _today(self) -> date:
        try:
            return self._clock().astimezone(ZoneInfo(self._user_zone)).date()
        except (ZoneInfoNotFoundError, ValueError):
            return self._clock().date()

    def _frequency(self) -> Frequency:
        return Frequency(self.frequency_combo.currentData())

    def _kind_changed(self, *_args: Any) -> None:
        kind = self.kind()
        self.pages.setCurrentWidget(
            {
                PlanKind.FIXED: self.fixed_page,
                PlanKind.FLEXIBLE: self.flexible_page,
                PlanKind.ONE_OFF: self.once_page,
            }[kind]
        )
        # A rhythm starts from the last contact, so it has no date of its own to show.
        self.date_holder.setVisible(kind is not PlanKind.FLEXIBLE)
        text, label = ("On", "&On") if kind is PlanKind.ONE_OFF else ("Starting on", "Start&ing on")
        self.date_label.setText(label)
        self.date_field.setAccessibleName(text)

    def _frequency_changed(self, *_args: Any) -> None:
        frequency = self._frequency()
        plural = self.interval_field.value() != 1
        for index in range(self.frequency_combo.count()):
            unit = Frequency(self.frequency_combo.itemData(index))
            self.frequency_combo.setItemText(index, UNIT_TEXT[unit][1 if plural else 0])
        self.weekly_box.setVisible(frequency is Frequency.WEEKLY)
        self.monthly_box.setVisible(frequency is Frequency.MONTHLY)
        self._monthly_mode_changed()

    def _monthly_mode_changed(self, *_args: Any) -> None:
        by_weekday = self.by_weekday_radio.isChecked()
        self.month_day_field.setEnabled(not by_weekday)
        self.nth_combo.setEnabled(by_weekday)
        self.nth_weekday_combo.setEnabled(by_weekday)

    def _window_changed(self, *_args: Any) -> None:
        timed = not self.all_day_check.isChecked()
        self.from_label.setEnabled(timed)
        self.start_time_field.setEnabled(timed)
        self.end_check.setEnabled(timed)
        self.end_time_field.setEnabled(timed and self.end_check.isChecked())

    def _start_date_changed(self, *_args: Any) -> None:
        # On a new plan the repeat days follow the start date until they're chosen by hand.
        if self._existing:
            return
        start = _pydate(self.date_field.date())
        if "weekdays" not in self._touched:
            for number, box in enumerate(self.weekday_checks):
                box.blockSignals(True)
                box.setChecked(number == start.weekday())
                box.blockSignals(False)
        if not {"month_day", "nth", "nth_weekday"} & self._touched:
            for widget in (self.month_day_field, self.nth_combo, self.nth_weekday_combo):
                widget.blockSignals(True)
            self.month_day_field.setValue(start.day)
            _select(self.nth_combo, _nth_of(start))
            _select(self.nth_weekday_combo, start.weekday())
            for widget in (self.month_day_field, self.nth_combo, self.nth_weekday_combo):
                widget.blockSignals(False)

    def _update_zone_hint(self, *_args: Any) -> None:
        zone = self.zone_combo.currentText().strip()
        if zone not in zone_names():
            text = ""  # the message above says what's wrong
        elif not _same_zone(zone, self._user_zone):
            text = (
                f"Times are in {zone_place(zone)} time; SupportNet shows them in yours "
                f"({zone_place(self._user_zone)})."
            )
        else:
            text = "Someone abroad? Choose their zone and the times follow their clocks."
        self.zone_hint.setText(text)
        self.zone_hint.setVisible(bool(text))

    def _add_skip(self) -> None:
        day = _pydate(self.skip_field.date())
        if day in self._skips:
            return
        self._skips.add(day)
        self._show_skips(select=day)
        self._touched.add("skips")
        self._check_timer.start()

    def _remove_skip(self) -> None:
        item = self.skips_list.currentItem()
        if item is None:
            return
        row = self.skips_list.row(item)
        self._skips.discard(date.fromisoformat(item.data(Qt.ItemDataRole.UserRole)))
        self._show_skips()
        if self.skips_list.count():
            self.skips_list.setCurrentRow(min(row, self.skips_list.count() - 1))
            self.skips_list.setFocus()
        else:
            self.skip_field.setFocus()
        self._check_timer.start()

    def _show_skips(self, select: date | None = None) -> None:
        self.skips_list.clear()
        today = self._today()
        for day in sorted(self._skips):
            item = QListWidgetItem(short_date(day, today))
            item.setData(Qt.ItemDataRole.UserRole, day.isoformat())
            self.skips_list.addItem(item)
            if day == select:
                self.skips_list.setCurrentItem(item)
        has = bool(self._skips)
        self.skips_list.setVisible(has)
        self.no_skips_label.setVisible(not has)
        self._update_skip_buttons()

    def _update_skip_buttons(self) -> None:
        has = self.skips_list.currentItem() is not None
        self.remove_skip_button.setEnabled(has)
        self.remove_skip_button.setVisible(bool(self._skips))

    def skips(self) -> list[date]:
        return sorted(self._skips)

    def check_now(self) -> list[Problem]:
        problems = super().check_now()
        plan = self.build().normalised()
        skipping = schedule.describe_skipping(plan) if not problems else None
        self.skipping_note.set_message(skipping or "")
        self.preview.setText(
            "" if problems else next_text(plan, self._clock(), self._user_zone, self._last_contact)
        )
        self.preview.setAccessibleDescription(self.preview.text())
        return problems

    def _show_problems(self, problems: Sequence[Problem]) -> None:
        super()._show_problems(problems)
        hint = plan_save_hint(problems)
        self.save_hint.setText(hint)
        tooltip = "\n".join(p.message for p in problems)
        self.save_button.setToolTip(f"{hint}.\n{tooltip}" if hint else "")
        self.save_button.setAccessibleDescription(hint)
        self.grow_to_fit()

    def grow_to_fit(self) -> None:
        """Grow taller when messages appear, so no field is squeezed under another."""
        layout = self.layout()
        if layout is None:
            return
        layout.activate()
        needed = (
            layout.totalHeightForWidth(self.width())
            if layout.hasHeightForWidth()
            else layout.totalSizeHint().height()
        )
        if needed > self.height():
            self.resize(self.width(), needed)


def plan_save_hint(problems: Sequence[Problem], names: Mapping[str, str] = PLAN_FIELD_NAMES) -> str:
    """One short line beside a disabled Save button, e.g. "Check the end date to save"."""
    if not problems:
        return ""
    first = problems[0]
    hint = f"Check {names.get(first.field, 'the form')} to save"
    others = len({p.field for p in problems} - {first.field})
    if others:
        hint += f" (and {others} more {'thing' if others == 1 else 'things'})"
    return hint


def _nth_of(day: date) -> int:
    """Which week of its month ``day`` falls in: 1–4, or -1 (last) for the fifth."""
    nth = (day.day - 1) // 7 + 1
    return -1 if nth >= 5 else nth
