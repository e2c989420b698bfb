"""A plan's timing fields at work: filled from a plan, read back, and kept consistent as the
kind, the repeat unit, the time of day and the days left out change.

The plan editor and the rota's check-in editor share it; the fields are built in
:mod:`supportnet.ui.plans.timing_layout`.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from datetime import date, datetime, time, timedelta
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidgetItem

from supportnet import scheduling
from supportnet.i18n import _
from supportnet.model.errors import Problem
from supportnet.model.plans import (
    Cadence,
    Frequency,
    MonthlyMode,
    Plan,
    PlanKind,
    Recurrence,
)
from supportnet.model.zones import same_clocks, today_in
from supportnet.ui.plans.fields import _pydate, _qdate, _select, pytime, qtime
from supportnet.ui.plans.timing_layout import TimingLayout
from supportnet.ui.plans.wording import (
    PLAN_SAVE_HINTS,
    ZONE_HINT,
    short_date,
    unit_text,
    zone_names,
    zone_place,
)


class TimingEditor(TimingLayout):
    """Fills and reads the timing fields. Subclasses set ``_clock`` and ``_user_zone``
    (today's date and the zone line follow them) and call :meth:`_fill_timing` and
    :meth:`_connect_timing` once the fields are built."""

    SAVE_HINTS = PLAN_SAVE_HINTS
    HINTS_ABOVE = False

    _clock: Callable[[], datetime]
    _user_zone: str

    def _connect_timing(self) -> None:
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

    def _timing_ready(self) -> None:
        """Show and enable the fields that fit the values just filled in."""
        self._kind_changed()
        self._frequency_changed()
        self._window_changed()

    def watch_many(self, fields: Sequence[str], signal: Any) -> None:
        """Check again when ``signal`` fires; each of ``fields`` may now show its message."""

        def touched(*_args: Any) -> None:
            self._touched.update(fields)
            self._check_timer.start()

        signal.connect(touched)

    # --- filling and reading -----------------------------------------------------------------

    def _fill_timing(self, plan: Plan) -> None:
        self._timing_base = plan
        self._skips: set[date] = set()
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

    def kind(self) -> PlanKind:
        for kind, button in self.kind_buttons.items():
            if button.isChecked():
                return kind
        return self._timing_base.kind

    def timing_of(self, base: Plan) -> Plan:
        """``base`` with the timing the fields hold now (a new plan; ``base`` is unchanged)."""
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
        return dataclasses.replace(
            base,
            kind=kind,
            start_date=_pydate(self.date_field.date()),
            timezone=self.zone_combo.currentText(),
            window_start=None if all_day else pytime(self.start_time_field.time()),
            window_end=None
            if all_day or not self.end_check.isChecked()
            else pytime(self.end_time_field.time()),
            duration_minutes=self.duration_field.value(),
            recurrence=recurrence,
            cadence=cadence,
        )

    # --- behaviour ---------------------------------------------------------------------------

    def _today(self) -> date:
        return today_in(self._clock(), self._user_zone)

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
        if kind is PlanKind.ONE_OFF:
            text, label = _("On"), _("&On")
        else:
            text, label = _("Starting on"), _("Start&ing on")
        self.date_label.setText(label)
        self.date_field.setAccessibleName(text)

    def _frequency_changed(self, *_args: Any) -> None:
        frequency = self._frequency()
        count = self.interval_field.value()
        for index in range(self.frequency_combo.count()):
            unit = Frequency(self.frequency_combo.itemData(index))
            self.frequency_combo.setItemText(index, unit_text(unit, count))
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
        elif not same_clocks(zone, self._user_zone):
            text = _("Times are in {place} time; SupportNet shows them in yours ({home}).").format(
                place=zone_place(zone), home=zone_place(self._user_zone)
            )
        else:
            text = _(ZONE_HINT)
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

    def show_skipping(self, plan: Plan, problems: Sequence[Problem]) -> None:
        """Say which months a monthly date skips (the 31st, say), once the plan is sound."""
        skipping = scheduling.describe_skipping(plan) if not problems else None
        self.skipping_note.set_message(skipping or "")

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


def _nth_of(day: date) -> int:
    """Which week of its month ``day`` falls in: 1–4, or -1 (last) for the fifth."""
    nth = (day.day - 1) // 7 + 1
    return -1 if nth >= 5 else nth
