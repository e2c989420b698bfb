"""The form that changes a logged check-in."""

from __future__ import annotations

import copy
import itertools
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QDateTime,
    QTimeZone,
)
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDateTimeEdit,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from supportnet.model.checkins import MOOD_MAX, MOOD_MIN, MOOD_WORDS, CheckIn, Initiator
from supportnet.model.errors import Problem
from supportnet.model.network import ChannelKind
from supportnet.model.zones import zone_or_utc
from supportnet.ui.plans.fields import quiet
from supportnet.ui.plans.history_text import (
    CHECKIN_FIELD_NAMES,
    NOT_NOTED,
)
from supportnet.ui.plans.wording import plan_save_hint
from supportnet.ui.widgets.editor_form import EditorDialog, notes_field
from supportnet.ui.widgets.labels import title_label


class DateTimeEdit(QDateTimeEdit):
    """A date-and-time field that Tab leaves in one press; Left and Right move inside it."""

    def focusNextPrevChild(self, forward: bool) -> bool:
        return QWidget.focusNextPrevChild(self, forward)


def _mood_combo(name: str) -> QComboBox:
    combo = QComboBox()
    combo.setAccessibleName(name)
    combo.addItem(NOT_NOTED, None)
    for mood in range(MOOD_MIN, MOOD_MAX + 1):
        combo.addItem(f"{mood} — {MOOD_WORDS[mood].lower()}", mood)
    return combo


class CheckInEditor(EditorDialog):
    """Change a logged check-in: when, how, who reached out, moods and the note."""

    def __init__(
        self,
        checkin: CheckIn,
        on_save: Callable[[CheckIn], Any],
        parent: QWidget | None = None,
        *,
        name: str,
        user_zone: str,
    ) -> None:
        title = f"Check-in with {name}" if name else "Check-in"
        super().__init__(title, on_save, existing=checkin.id is not None, parent=parent)
        self._base = copy.deepcopy(checkin)
        self._zone = zone_or_utc(user_zone)

        heading = title_label(title)

        self.when_field = DateTimeEdit()
        self.when_field.setAccessibleName("When")
        self.when_field.setCalendarPopup(True)
        self.when_field.setDisplayFormat("ddd d MMM yyyy, HH:mm")
        self.when_field.setTimeZone(QTimeZone(user_zone.encode()))
        self.channel_combo = QComboBox()
        self.channel_combo.setAccessibleName("How")
        self.channel_combo.addItem(NOT_NOTED, None)
        for channel in ChannelKind:
            self.channel_combo.addItem(channel.label, channel.value)
        self.who_group = QButtonGroup(self)
        self.me_radio = QRadioButton(Initiator.ME.label)
        self.me_radio.setAccessibleName(Initiator.ME.label)
        self.them_radio = QRadioButton(Initiator.THEM.label)
        self.them_radio.setAccessibleName(Initiator.THEM.label)
        self.who_group.addButton(self.me_radio)
        self.who_group.addButton(self.them_radio)
        self.mood_before_combo = _mood_combo("Mood before")
        self.mood_after_combo = _mood_combo("Mood after")
        self.note_field = notes_field("Note")
        self.note_field.setPlaceholderText("Anything you'd like to remember (optional)")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 18)
        layout.setSpacing(4)
        layout.addWidget(heading)
        layout.addSpacing(6)

        def field(text: str, widget: QWidget, name_: str, message: str) -> None:
            label = QLabel(text)
            label.setBuddy(widget)
            layout.addWidget(label)
            row = QHBoxLayout()
            row.addWidget(widget)
            row.addStretch(1)
            layout.addLayout(row)
            layout.addWidget(self.message_for(name_, message, widget))
            layout.addSpacing(4)

        field("&When (your time)", self.when_field, "at", "When: message")
        field("&How", self.channel_combo, "channel", "How: message")
        who_label = QLabel("Who reached out")
        who_label.setAccessibleName("Who reached out")
        layout.addWidget(who_label)
        layout.addWidget(self.me_radio)
        layout.addWidget(self.them_radio)
        layout.addWidget(self.message_for("initiator", "Who reached out: message", self.me_radio))
        layout.addSpacing(4)
        moods = QHBoxLayout()
        moods.setSpacing(8)
        before_label = QLabel("Mood &before")
        before_label.setBuddy(self.mood_before_combo)
        after_label = QLabel("Mood &after")
        after_label.setBuddy(self.mood_after_combo)
        moods.addWidget(before_label)
        moods.addWidget(self.mood_before_combo)
        moods.addSpacing(12)
        moods.addWidget(after_label)
        moods.addWidget(self.mood_after_combo)
        moods.addStretch(1)
        layout.addLayout(moods)
        layout.addWidget(self.message_for("mood_before", "Mood before: message"))
        layout.addWidget(self.message_for("mood_after", "Mood after: message"))
        mood_hint = QLabel("1 is low, 5 is good. Leave it out whenever you like.")
        mood_hint.setAccessibleName("About moods")
        quiet(mood_hint)
        layout.addWidget(mood_hint)
        layout.addSpacing(4)
        note_label = QLabel("&Note")
        note_label.setBuddy(self.note_field)
        layout.addWidget(note_label)
        layout.addWidget(self.note_field, 1)
        layout.addWidget(self.message_for("note", "Note: message", self.note_field))
        layout.addWidget(self.message_for("target", "Who it was with: message"))
        layout.addSpacing(8)
        layout.addLayout(self.buttons_row())

        self._fill(self._base)
        self.watch("at", self.when_field.dateTimeChanged)
        self.watch("channel", self.channel_combo.currentIndexChanged)
        self.watch("initiator", self.who_group.buttonToggled)
        self.watch("mood_before", self.mood_before_combo.currentIndexChanged)
        self.watch("mood_after", self.mood_after_combo.currentIndexChanged)
        self.watch("note", self.note_field.textChanged)
        self.finish_setup()
        for first, second in itertools.pairwise(
            [
                self.when_field,
                self.channel_combo,
                self.me_radio,
                self.them_radio,
                self.mood_before_combo,
                self.mood_after_combo,
                self.note_field,
                self.cancel_button,
                self.save_button,
            ]
        ):
            QWidget.setTabOrder(first, second)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 34)
        self.resize(self.sizeHint().expandedTo(self.minimumSizeHint()))
        self.when_field.setFocus()

    def _fill(self, checkin: CheckIn) -> None:
        local = checkin.at.astimezone(self._zone)
        self.when_field.setDateTime(
            QDateTime.fromSecsSinceEpoch(int(local.timestamp()), self.when_field.timeZone())
        )
        index = self.channel_combo.findData(checkin.channel.value if checkin.channel else None)
        self.channel_combo.setCurrentIndex(max(index, 0))
        (self.them_radio if checkin.initiator is Initiator.THEM else self.me_radio).setChecked(True)
        for combo, mood in (
            (self.mood_before_combo, checkin.mood_before),
            (self.mood_after_combo, checkin.mood_after),
        ):
            combo.setCurrentIndex(max(combo.findData(mood), 0))
        self.note_field.setPlainText(checkin.note)

    def _when(self) -> datetime:
        value = self.when_field.dateTime()
        at = datetime.fromtimestamp(value.toSecsSinceEpoch(), self._zone)
        # Keep the seconds the form can't show, so an untouched time stays exactly as it was.
        base = self._base.at.astimezone(self._zone)
        if at.replace(second=0, microsecond=0) == base.replace(second=0, microsecond=0):
            return self._base.at
        return at

    def build(self) -> CheckIn:
        base = self._base
        channel = self.channel_combo.currentData()
        return CheckIn(
            at=self._when(),
            person_id=base.person_id,
            group_id=base.group_id,
            channel=ChannelKind(channel) if channel else None,
            initiator=Initiator.THEM if self.them_radio.isChecked() else Initiator.ME,
            note=self.note_field.toPlainText(),
            mood_before=self.mood_before_combo.currentData(),
            mood_after=self.mood_after_combo.currentData(),
            plan_id=base.plan_id,
            id=base.id,
            uid=base.uid,
        )

    def subject(self) -> str:
        return "this check-in"

    def _show_problems(self, problems: Sequence[Problem]) -> None:
        super()._show_problems(problems)
        hint = plan_save_hint(problems, CHECKIN_FIELD_NAMES)
        self.save_hint.setText(hint)
        tooltip = "\n".join(p.message for p in problems)
        self.save_button.setToolTip(f"{hint}.\n{tooltip}" if hint else "")
        self.save_button.setAccessibleDescription(hint)
