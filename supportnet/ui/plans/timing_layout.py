"""The timing fields of a plan, built and laid out: the kind, the date, the details of each
kind, the time of day and the time zone. The plan editor and the rota's check-in editor
(:mod:`supportnet.ui.care.slot_editor`) both use them; :mod:`.timing` fills and reads them."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QCompleter,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QPushButton,
    QRadioButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from supportnet.i18n import _
from supportnet.model.days import weekday_name
from supportnet.model.plans import (
    ORDINALS,
    Frequency,
    PlanKind,
)
from supportnet.ui.plans.fields import (
    _combo,
    _date_edit,
    _row,
    _spin,
    _time_edit,
    quiet,
)
from supportnet.ui.plans.wording import (
    FLEXIBLE_HINT,
    KIND_HINT,
    KIND_TEXT,
    unit_text,
    zone_names,
)
from supportnet.ui.widgets.editor_form import (
    EditorDialog,
    hint_label,
    keep_height,
)
from supportnet.ui.widgets.field_message import FieldMessage


def days_suffix() -> str:
    # Translators: after a number in a field ("21 days"); keep the leading space.
    return _(" days")


def minutes_suffix() -> str:
    # Translators: after a number in a field ("30 min"); keep the leading space.
    return _(" min")


def label_above(layout: QVBoxLayout, text: str, field: QWidget) -> None:
    """``field``'s label (its "&" letter gives it the focus) on a line of its own."""
    label = QLabel(text)
    label.setBuddy(field)
    keep_height(field)
    layout.addWidget(label)


class TimingLayout(EditorDialog):
    """A plan's timing fields; :class:`~supportnet.ui.plans.timing.TimingEditor` fills
    and reads them."""

    # --- building ----------------------------------------------------------------------------

    def _build_when(
        self,
        hints: Mapping[PlanKind, str] = KIND_HINT,
        flexible_hint: str = FLEXIBLE_HINT,
    ) -> None:
        """The kind, the date and a page of details for each kind (``hints`` say what each
        kind means; ``flexible_hint`` what counts as being in touch)."""
        # The kind: three radio buttons, each with a line saying what it means.
        self.kind_box = QWidget()
        self.kind_box.setAccessibleName(_("Kind of plan"))
        kind_layout = QGridLayout(self.kind_box)
        kind_layout.setContentsMargins(0, 0, 0, 0)
        kind_layout.setHorizontalSpacing(8)
        kind_layout.setVerticalSpacing(0)
        self.kind_group = QButtonGroup(self)
        self.kind_buttons: dict[PlanKind, QRadioButton] = {}
        for row, kind in enumerate(PlanKind):
            button = QRadioButton(_(KIND_TEXT[kind]))
            button.setAccessibleName(_(KIND_TEXT[kind]))
            button.setAccessibleDescription(_(hints[kind]))
            button.setToolTip(_(hints[kind]))
            self.kind_group.addButton(button)
            self.kind_buttons[kind] = button
            hint = hint_label(_(hints[kind]))
            hint.setWordWrap(True)
            hint.setContentsMargins(26, 0, 0, 6)
            quiet(hint)
            kind_layout.addWidget(button, row * 2, 0)
            kind_layout.addWidget(hint, row * 2 + 1, 0)

        # The date: "Starting on" for a schedule, "On" for once; a rhythm needs none.
        self.date_field = _date_edit(_("Starting on"))
        self.date_label = QLabel(_("Start&ing on"))
        self.date_label.setBuddy(self.date_field)
        self.date_holder = QWidget()
        date_layout = QVBoxLayout(self.date_holder)
        date_layout.setContentsMargins(0, 0, 0, 0)
        date_layout.setSpacing(2)
        date_layout.addWidget(self.date_label)
        date_layout.addLayout(_row(self.date_field, 1))

        self.pages = QStackedWidget()
        self.pages.setAccessibleName(_("Details of the plan"))
        self.fixed_page = self._build_fixed_page()
        self.flexible_page = self._build_flexible_page(flexible_hint)
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
        self.interval_field = _spin(_("Repeat every"), 0, 366)
        self.frequency_combo = _combo(
            _("Repeat unit"), [(unit_text(f, 1), f.value) for f in Frequency]
        )
        repeat_label = QLabel(_("&Repeat every"))
        repeat_label.setBuddy(self.interval_field)
        layout.addLayout(_row(repeat_label, self.interval_field, self.frequency_combo, 1))
        layout.addWidget(
            self.message_for("interval", _("Repeat every: message"), self.interval_field)
        )
        layout.addWidget(
            self.message_for("frequency", _("Repeat unit: message"), self.frequency_combo)
        )
        layout.addWidget(self.message_for("recurrence", _("How it repeats: message")))

        # Weekly: which days.
        self.weekly_box = QWidget()
        self.weekly_box.setAccessibleName(_("Days of the week"))
        weekly_layout = QVBoxLayout(self.weekly_box)
        weekly_layout.setContentsMargins(0, 4, 0, 0)
        weekly_layout.setSpacing(2)
        on_label = QLabel(_("On"))
        on_label.setAccessibleName(_("On"))
        weekly_layout.addWidget(on_label)
        self.weekday_checks: list[QCheckBox] = []
        days_row = QHBoxLayout()
        days_row.setSpacing(10)
        for number in range(7):
            box = QCheckBox(weekday_name(number, short=True))
            box.setAccessibleName(weekday_name(number))
            self.weekday_checks.append(box)
            days_row.addWidget(box)
        days_row.addStretch(1)
        weekly_layout.addLayout(days_row)
        weekly_layout.addWidget(
            self.message_for("weekdays", _("Days of the week: message"), self.weekly_box)
        )

        # Monthly: on a date, or on the nth weekday.
        self.monthly_box = QWidget()
        self.monthly_box.setAccessibleName(_("Day of the month"))
        monthly_layout = QVBoxLayout(self.monthly_box)
        monthly_layout.setContentsMargins(0, 4, 0, 0)
        monthly_layout.setSpacing(2)
        self.by_date_radio = QRadioButton(_("On day"))
        self.by_date_radio.setAccessibleName(_("On a day of the month"))
        self.by_weekday_radio = QRadioButton(_("On the"))
        self.by_weekday_radio.setAccessibleName(_("On a weekday of the month"))
        self.monthly_group = QButtonGroup(self)
        self.monthly_group.addButton(self.by_date_radio)
        self.monthly_group.addButton(self.by_weekday_radio)
        self.month_day_field = _spin(_("Day of the month"), 1, 31)
        self.nth_combo = _combo(
            _("Which week of the month"), [(_(ORDINALS[n]), n) for n in (1, 2, 3, 4, 5, -1)]
        )
        self.nth_weekday_combo = _combo(
            _("Weekday of the month"), [(weekday_name(n), n) for n in range(7)]
        )
        monthly_layout.addLayout(
            _row(self.by_date_radio, self.month_day_field, _("of the month"), 1)
        )
        monthly_layout.addWidget(
            self.message_for("month_day", _("Day of the month: message"), self.month_day_field)
        )
        monthly_layout.addLayout(
            _row(
                self.by_weekday_radio, self.nth_combo, self.nth_weekday_combo, _("of the month"), 1
            )
        )
        monthly_layout.addWidget(
            self.message_for("nth", _("Week of the month: message"), self.nth_combo)
        )
        monthly_layout.addWidget(
            self.message_for(
                "nth_weekday", _("Weekday of the month: message"), self.nth_weekday_combo
            )
        )
        self.skipping_note = FieldMessage(_("About skipped months"))
        monthly_layout.addWidget(self.skipping_note)

        layout.addWidget(self.weekly_box)
        layout.addWidget(self.monthly_box)

        # An end date and days left out: less common, so the plan editor may move them.
        self.fixed_extras = QWidget()
        self.fixed_extras.setAccessibleName(_("End date and days left out"))
        extras = QVBoxLayout(self.fixed_extras)
        extras.setContentsMargins(0, 0, 0, 0)
        extras.setSpacing(4)
        layout.addWidget(self.fixed_extras)
        layout.addStretch(1)
        self.until_check = QCheckBox(_("Stop repeating after"))
        self.until_check.setAccessibleName(_("Stop repeating after a date"))
        self.until_field = _date_edit(_("Last day"))
        extras.addSpacing(4)
        extras.addLayout(_row(self.until_check, self.until_field, 1))
        extras.addWidget(self.message_for("until", _("End date: message"), self.until_field))

        # Days left out.
        extras.addSpacing(4)
        skips_label = QLabel(_("Days to leave out"))
        skips_label.setAccessibleName(_("Days to leave out"))
        extras.addWidget(skips_label)
        self.skip_field = _date_edit(_("Day to leave out"))
        self.add_skip_button = QPushButton(_("Leave &out"))
        self.add_skip_button.setAccessibleName(_("Leave this day out"))
        self.add_skip_button.setToolTip(_("Leave the chosen day out, e.g. while they're away"))
        self.remove_skip_button = QPushButton(_("Put &back"))
        self.remove_skip_button.setAccessibleName(_("Put the selected day back"))
        self.skips_list = QListWidget()
        self.skips_list.setAccessibleName(_("Days left out"))
        self.skips_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        row_height = self.skips_list.fontMetrics().height() + 6
        self.skips_list.setFixedHeight(row_height * 3 + 6)
        extras.addLayout(_row(self.skip_field, self.add_skip_button, 1))
        extras.addLayout(_row(self.skips_list, self.remove_skip_button))
        self.no_skips_label = hint_label(_("No days left out."))
        quiet(self.no_skips_label)
        extras.addWidget(self.no_skips_label)
        return page

    def _build_flexible_page(self, flexible_hint: str) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 6, 0, 0)
        layout.setSpacing(4)
        self.ideal_field = _spin(_("Ideally about every, in days"), 0, 3650, days_suffix())
        self.too_long_field = _spin(_("Nudge me gently after, in days"), 0, 3650, days_suffix())
        ideal_label = QLabel(_("&Ideally about every"))
        ideal_label.setBuddy(self.ideal_field)
        too_long_label = QLabel(_("Nudge me &gently after"))
        too_long_label.setBuddy(self.too_long_field)
        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(8)
        grid.addWidget(ideal_label, 0, 0)
        grid.addWidget(self.ideal_field, 0, 1)
        grid.addWidget(
            self.message_for("ideal_days", _("Ideal interval: message"), self.ideal_field),
            1,
            0,
            1,
            3,
        )
        grid.addWidget(too_long_label, 2, 0)
        grid.addWidget(self.too_long_field, 2, 1)
        grid.addWidget(
            self.message_for("too_long_days", _("Gentle nudge: message"), self.too_long_field),
            3,
            0,
            1,
            3,
        )
        grid.setColumnStretch(2, 1)
        layout.addLayout(grid)
        layout.addWidget(self.message_for("cadence", _("Rhythm: message")))
        hint = hint_label(_(flexible_hint))
        hint.setWordWrap(True)
        layout.addSpacing(4)
        layout.addWidget(hint)
        layout.addStretch(1)
        return page

    def _build_time_of_day(self) -> None:
        """The time of day, how long it takes and the time zone."""
        self.all_day_check = QCheckBox(_("Any time of day"))
        self.all_day_check.setAccessibleName(_("Any time of day"))
        self.start_time_field = _time_edit(_("From"))
        self.end_check = QCheckBox(_("until"))
        self.end_check.setAccessibleName(_("Until a time"))
        self.end_time_field = _time_edit(_("Until"))
        self.duration_field = _spin(_("How long, in minutes"), 1, 24 * 60, minutes_suffix())
        self.duration_field.setSingleStep(5)
        from_label = QLabel(_("&From"))
        from_label.setBuddy(self.start_time_field)
        self.from_label = from_label

        self.zone_combo = QComboBox()
        self.zone_combo.setEditable(True)
        self.zone_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.zone_combo.setAccessibleName(_("Time zone"))
        self.zone_combo.addItems(zone_names())
        self.zone_combo.setMaxVisibleItems(14)
        completer = QCompleter(zone_names(), self.zone_combo)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.zone_combo.setCompleter(completer)
        line = self.zone_combo.lineEdit()
        if line is not None:
            line.setAccessibleName(_("Time zone"))
            line.setPlaceholderText(_("e.g. Europe/London"))
        self.zone_hint = hint_label("")
        self.zone_hint.setWordWrap(True)
        quiet(self.zone_hint)

    def add_time_of_day(self, how: QVBoxLayout, *, with_duration: bool = True) -> None:
        """ "Time of day": any time, or from (until); then how long it takes (unless
        ``with_duration`` is false: :meth:`add_duration` puts it elsewhere)."""
        time_label = QLabel(_("Time of day"))
        time_label.setAccessibleName(_("Time of day"))
        how.addWidget(time_label)
        how.addWidget(self.all_day_check)
        how.addLayout(
            _row(self.from_label, self.start_time_field, self.end_check, self.end_time_field, 1)
        )
        how.addWidget(
            self.message_for("window_end", _("Time of day: message"), self.end_time_field)
        )
        if with_duration:
            self.add_duration(how)

    def add_duration(self, how: QVBoxLayout) -> None:
        """ "It takes about N min", and its message."""
        duration_label = QLabel(_("It takes &about"))
        duration_label.setBuddy(self.duration_field)
        how.addLayout(_row(duration_label, self.duration_field, 1))
        how.addWidget(
            self.message_for("duration_minutes", _("How long: message"), self.duration_field)
        )

    def add_zone(self, how: QVBoxLayout) -> None:
        """The time zone, its message and the line about whose clocks the times follow."""
        label_above(how, _("Time &zone"), self.zone_combo)
        how.addWidget(self.zone_combo)
        how.addWidget(self.message_for("timezone", _("Time zone: message"), self.zone_combo))
        how.addWidget(self.zone_hint)

    def when_tab_order(self) -> list[QWidget]:
        """The kind, the date and the details, in the order Tab visits them."""
        return [
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
        ]

    def time_tab_order(self) -> list[QWidget]:
        """The time of day and how long, in the order Tab visits them (the zone apart)."""
        return [
            self.all_day_check,
            self.start_time_field,
            self.end_check,
            self.end_time_field,
            self.duration_field,
        ]
