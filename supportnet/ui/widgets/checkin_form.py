"""The one check-in form: when, how, who reached out, how it felt and a note."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate, QDateTime, Qt, QTime, QTimeZone, Signal
from PySide6.QtGui import QPalette, QTextCharFormat
from PySide6.QtWidgets import (
    QButtonGroup,
    QCalendarWidget,
    QComboBox,
    QDateTimeEdit,
    QHBoxLayout,
    QLabel,
    QLayout,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from supportnet.i18n import _
from supportnet.model.checkins import MOOD_MAX, MOOD_MIN, Initiator, mood_word
from supportnet.model.network import ChannelKind
from supportnet.ui.widgets.editor_form import notes_field
from supportnet.ui.widgets.field_message import FieldMessage
from supportnet.ui.widgets.labels import buddy_label, quiet

#: The fields the form holds, as CheckIn names them (and as its problems name them).
FIELDS = ("at", "channel", "initiator", "mood_before", "mood_after", "note")


@dataclass(frozen=True)
class CheckInLook:
    """The words and arrangement of the form, which differ between logging and changing.

    ``stacked`` puts every field under the one before and offers the moods as lists (the
    history's editor); otherwise "when" and "how" sit side by side and the moods are rows
    of buttons (logging from Today). ``messages`` names the message line of each field
    that has one; fields given the same name share one line.
    """

    stacked: bool
    when_label: str
    when_format: str
    me: tuple[str, str]  # the button's text and its accessible name
    them: tuple[str, str]
    reached_label: str
    mood_labels: tuple[str, str]
    no_mood: str
    not_noted: str
    note_label: str
    note_placeholder: str
    messages: Mapping[str, str]
    mood_hint: str = ""
    #: Tab leaves the date in one press (instead of stepping through day, month, …).
    one_tab_when: bool = False
    #: Weekends in the calendar popup in the ordinary text colour.
    calm_weekends: bool = False
    #: The field holds a moment in the zone (the history); otherwise it holds a wall-clock time
    #: that is read as the zone's (logging), as each dialog always did and its tests pin.
    zoned_field: bool = False


def calm_calendar(calendar: QCalendarWidget | None) -> None:
    """Weekends in the ordinary text colour: Qt paints them red, and no day here is alarming."""
    if calendar is None:
        return
    plain = QTextCharFormat()
    plain.setForeground(calendar.palette().color(QPalette.ColorRole.Text))
    for weekend in (Qt.DayOfWeek.Saturday, Qt.DayOfWeek.Sunday):
        calendar.setWeekdayTextFormat(weekend, plain)


class DateTimeEdit(QDateTimeEdit):
    """A date-and-time field that Tab leaves in one press; Left and Right move inside it."""

    def focusNextPrevChild(self, forward: bool) -> bool:
        return QWidget.focusNextPrevChild(self, forward)


def _mood_description(mood: int) -> str:
    """Where a mood sits on the scale, for screen readers only ("2 of 5"): the text is a word."""
    # Translators: a mood's place on the scale, e.g. "2 of 5".
    return _("{mood} of {most}").format(mood=mood, most=MOOD_MAX)


class MoodChoice(QWidget):
    """Five moods as labelled radio buttons, plus "Skip" (no mood noted), which is the default."""

    #: The chosen mood changed.
    changed = Signal()

    def __init__(self, name: str, skip: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(name)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        self.buttons: dict[int | None, QRadioButton] = {}
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(14)
        moods = range(MOOD_MIN, MOOD_MAX + 1)
        for value, text in [(None, skip), *((mood, mood_word(mood)) for mood in moods)]:
            button = QRadioButton(text)
            button.setAccessibleName(f"{name}: {text}")
            if value is not None:
                button.setAccessibleDescription(_mood_description(value))
            self.group.addButton(button, 0 if value is None else value)
            self.buttons[value] = button
            layout.addWidget(button)
        layout.addStretch(1)
        self.buttons[None].setChecked(True)
        self.group.idToggled.connect(self._toggled)

    def _toggled(self, _id: int, checked: bool) -> None:
        if checked:
            self.changed.emit()

    def value(self) -> int | None:
        chosen = self.group.checkedId()
        return chosen if chosen > 0 else None

    def set_value(self, value: int | None) -> None:
        self.buttons[value].setChecked(True)

    def focus_order(self) -> list[QWidget]:
        return list(self.buttons.values())


class MoodList(QComboBox):
    """Five moods as words ("Low") in a list, after "Not noted"."""

    #: The chosen mood changed.
    changed = Signal()

    def __init__(self, name: str, not_noted: str) -> None:
        super().__init__()
        self.setAccessibleName(name)
        self.addItem(not_noted, None)
        for mood in range(MOOD_MIN, MOOD_MAX + 1):
            self.addItem(mood_word(mood), mood)
            self.setItemData(
                self.count() - 1,
                _mood_description(mood),
                Qt.ItemDataRole.AccessibleDescriptionRole,
            )
        self.currentIndexChanged.connect(lambda _index: self.changed.emit())

    def value(self) -> int | None:
        value: int | None = self.currentData()
        return value

    def set_value(self, value: int | None) -> None:
        self.setCurrentIndex(max(self.findData(value), 0))

    def focus_order(self) -> list[QWidget]:
        return [self]


class CheckInForm(QWidget):
    """The fields of a check-in, read and filled as values, in one of two looks.

    Both the log dialog (Today) and the check-in editor (history) hold one; each adds its own
    extras around it (who it was with, the plan, the buttons).
    """

    def __init__(self, look: CheckInLook, zone: ZoneInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.look = look
        self._zone = zone

        self.when_field = DateTimeEdit() if look.one_tab_when else QDateTimeEdit()
        self.when_field.setAccessibleName(_("When"))
        self.when_field.setCalendarPopup(True)
        if look.calm_weekends:
            calm_calendar(self.when_field.calendarWidget())
        self.when_field.setDisplayFormat(look.when_format)
        if look.zoned_field:
            self.when_field.setTimeZone(QTimeZone(zone.key.encode()))

        self.channel_combo = QComboBox()
        self.channel_combo.setAccessibleName(_("How"))
        self.channel_combo.addItem(look.not_noted, None)
        for kind in ChannelKind:
            self.channel_combo.addItem(kind.label, kind.value)

        self.initiator_group = QButtonGroup(self)
        self.me_radio = QRadioButton(look.me[0])
        self.me_radio.setAccessibleName(look.me[1])
        self.them_radio = QRadioButton(look.them[0])
        self.them_radio.setAccessibleName(look.them[1])
        self.initiator_group.addButton(self.me_radio)
        self.initiator_group.addButton(self.them_radio)
        self.me_radio.setChecked(True)

        before, after = (_("Mood before"), _("Mood after"))
        self.mood_before: MoodChoice | MoodList
        self.mood_after: MoodChoice | MoodList
        if look.stacked:
            self.mood_before = MoodList(before, look.not_noted)
            self.mood_after = MoodList(after, look.not_noted)
        else:
            self.mood_before = MoodChoice(before, look.no_mood)
            self.mood_after = MoodChoice(after, look.no_mood)

        self.note_field = notes_field(_("Note"))
        self.note_field.setPlaceholderText(look.note_placeholder)

        #: The message line under each field that has one, by field.
        self.messages: dict[str, FieldMessage] = {}
        lines: dict[str, FieldMessage] = {}
        for field, name in look.messages.items():
            self.messages[field] = lines.setdefault(name, FieldMessage(name))
        #: The control a screen reader hears each field's message with, where there is one.
        self.described: dict[str, QWidget] = {
            "at": self.when_field,
            "channel": self.channel_combo,
            "initiator": self.me_radio,
            "note": self.note_field,
        }

        #: "Who reached out" and its row (what hide_initiator() hides), set by the arrangement.
        self.initiator_label = QLabel(look.reached_label)
        self._initiator_row: list[QWidget] = [self.me_radio, self.them_radio]

        self.rows = QVBoxLayout(self)
        self.rows.setContentsMargins(0, 0, 0, 0)
        self.rows.setSpacing(4)
        if look.stacked:
            self._stack()
        else:
            self.note_field.setFixedHeight(self.note_field.fontMetrics().height() * 4)
            self._side_by_side()

    def hide_initiator(self) -> None:
        """Someone else checked in for the user: "who reached out" doesn't apply."""
        for widget in [self.initiator_label, *self._initiator_row]:
            widget.hide()

    # --- the two arrangements ----------------------------------------------------------------

    def _message(self, layout: QVBoxLayout, field: str) -> None:
        if field in self.messages:
            layout.addWidget(self.messages[field])

    def _side_by_side(self) -> None:
        look, rows = self.look, self.rows
        when_how = QHBoxLayout()
        when_how.setSpacing(16)
        when_col = QVBoxLayout()
        when_col.setSpacing(4)
        when_col.addWidget(buddy_label(look.when_label, self.when_field))
        when_col.addWidget(self.when_field)
        self._message(when_col, "at")
        how_col = QVBoxLayout()
        how_col.setSpacing(4)
        how_col.addWidget(buddy_label(_("&How"), self.channel_combo))
        how_col.addWidget(self.channel_combo)
        self._message(how_col, "channel")
        how_col.addStretch(1)
        when_how.addLayout(when_col, 3)
        when_how.addLayout(how_col, 2)
        rows.addLayout(when_how)
        rows.addSpacing(8)
        self.initiator_label = buddy_label(look.reached_label, self.me_radio)
        rows.addWidget(self.initiator_label)
        initiator_row = QWidget()
        initiator_row.setAccessibleName(look.reached_label)
        row = QHBoxLayout(initiator_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(18)
        row.addWidget(self.me_radio)
        row.addWidget(self.them_radio)
        row.addStretch(1)
        rows.addWidget(initiator_row)
        self._initiator_row.append(initiator_row)
        self._message(rows, "initiator")
        rows.addSpacing(8)
        rows.addWidget(buddy_label(look.note_label, self.note_field))
        rows.addWidget(self.note_field)
        self._message(rows, "note")
        rows.addSpacing(8)
        rows.addWidget(buddy_label(look.mood_labels[0], self.mood_before))
        rows.addWidget(self.mood_before)
        rows.addSpacing(4)
        rows.addWidget(buddy_label(look.mood_labels[1], self.mood_after))
        rows.addWidget(self.mood_after)
        self._message(rows, "mood_before")
        if self.messages.get("mood_after") is not self.messages.get("mood_before"):
            self._message(rows, "mood_after")

    def _stack(self) -> None:
        look, rows = self.look, self.rows

        def field(text: str, widget: QWidget, name: str) -> None:
            rows.addWidget(buddy_label(text, widget))
            row = QHBoxLayout()
            row.addWidget(widget)
            row.addStretch(1)
            rows.addLayout(row)
            self._message(rows, name)
            rows.addSpacing(4)

        field(look.when_label, self.when_field, "at")
        field(_("&How"), self.channel_combo, "channel")
        self.initiator_label.setAccessibleName(look.reached_label)
        rows.addWidget(self.initiator_label)
        rows.addWidget(self.me_radio)
        rows.addWidget(self.them_radio)
        self._message(rows, "initiator")
        rows.addSpacing(4)
        moods = QHBoxLayout()
        moods.setSpacing(8)
        moods.addWidget(buddy_label(look.mood_labels[0], self.mood_before))
        moods.addWidget(self.mood_before)
        moods.addSpacing(12)
        moods.addWidget(buddy_label(look.mood_labels[1], self.mood_after))
        moods.addWidget(self.mood_after)
        moods.addStretch(1)
        rows.addLayout(moods)
        self._message(rows, "mood_before")
        self._message(rows, "mood_after")
        if look.mood_hint:
            hint = QLabel(look.mood_hint)
            hint.setAccessibleName(_("About moods"))
            rows.addWidget(quiet(hint))
        rows.addSpacing(4)
        rows.addWidget(buddy_label(look.note_label, self.note_field))
        rows.addWidget(self.note_field, 1)
        self._message(rows, "note")

    def put_first(self, widgets: Sequence[QWidget | QLayout], space_after: int) -> None:
        """Put a dialog's own field (who it was with) above the form's fields."""
        for index, item in enumerate(widgets):
            if isinstance(item, QLayout):
                self.rows.insertLayout(index, item)
            else:
                self.rows.insertWidget(index, item)
        self.rows.insertSpacing(len(widgets), space_after)

    # --- keyboard ----------------------------------------------------------------------------

    def focus_order(self) -> list[QWidget]:
        """The fields in the order Tab visits them."""
        order: list[QWidget] = [self.when_field, self.channel_combo, self.me_radio, self.them_radio]
        moods = [*self.mood_before.focus_order(), *self.mood_after.focus_order()]
        if self.look.stacked:
            return [*order, *moods, self.note_field]
        return [*order, self.note_field, *moods]

    # --- values ------------------------------------------------------------------------------

    def set_when(self, at: datetime) -> None:
        local = at.astimezone(self._zone)
        if self.look.zoned_field:
            shown = QDateTime.fromSecsSinceEpoch(int(local.timestamp()), self.when_field.timeZone())
        else:
            day, clock = QDate(local.year, local.month, local.day), QTime(local.hour, local.minute)
            shown = QDateTime(day, clock)
        self.when_field.setDateTime(shown)

    def when(self) -> datetime:
        """The chosen moment in the zone, to the minute the field shows."""
        shown = self.when_field.dateTime()
        if self.look.zoned_field:
            at = datetime.fromtimestamp(shown.toSecsSinceEpoch(), self._zone)
            return at.replace(second=0, microsecond=0)
        day, clock = shown.date(), shown.time()
        naive = datetime(day.year(), day.month(), day.day(), clock.hour(), clock.minute())
        return naive.replace(tzinfo=self._zone)

    def channel(self) -> ChannelKind | None:
        data = self.channel_combo.currentData()
        return ChannelKind(data) if data else None

    def set_channel(self, channel: ChannelKind | None) -> None:
        index = self.channel_combo.findData(channel.value if channel is not None else None)
        self.channel_combo.setCurrentIndex(max(index, 0))

    def initiator(self) -> Initiator:
        return Initiator.THEM if self.them_radio.isChecked() else Initiator.ME

    def set_initiator(self, initiator: Initiator) -> None:
        (self.them_radio if initiator is Initiator.THEM else self.me_radio).setChecked(True)

    def note(self) -> str:
        return self.note_field.toPlainText()

    def moods(self) -> tuple[int | None, int | None]:
        return self.mood_before.value(), self.mood_after.value()

    def set_moods(self, before: int | None, after: int | None) -> None:
        self.mood_before.set_value(before)
        self.mood_after.set_value(after)
