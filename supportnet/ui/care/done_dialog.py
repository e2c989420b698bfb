"""Mark a rota check-in as done on someone's behalf: who, when, how, a note.

It is for after the fact ("Rosie called her yesterday"): the time is on the check-in's own
day and never ahead of now, and it goes into the focus person's check-in history with who
checked in.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta
from typing import TypedDict

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from supportnet.i18n import N_, _
from supportnet.model.care import ME, SupporterRef
from supportnet.model.days import short_date
from supportnet.model.network import ChannelKind
from supportnet.model.zones import system_zone_name, zone_or_utc
from supportnet.services.care_teams import RotaLine
from supportnet.ui.plans.fields import _time_edit, pytime, qtime
from supportnet.ui.widgets.buttons import button_row, cancel_button, push_button
from supportnet.ui.widgets.dialogs import DialogWidth, use_width
from supportnet.ui.widgets.editor_form import hint_label, keep_height, notes_field
from supportnet.ui.widgets.field_message import FieldMessage
from supportnet.ui.widgets.keyboard import tab_order
from supportnet.ui.widgets.labels import buddy_label, quiet, title_label

NOT_NOTED = N_("Not noted")
CHOOSE_WHO = N_("Say who checked in.")
STILL_AHEAD = N_("That time is still ahead; choose one that has passed.")
#: A time that falls on no moment of the check-in's own date (only across a clock change).
OTHER_DAY = N_("That time falls on another day of the check-in; choose one nearer its time.")
#: When an any-time check-in is taken to have happened, as the service takes it.
ANY_TIME_DEFAULT = time(12, 0)


class Done(TypedDict):
    """What the dialog gives, as the keywords ``CareTeamService.mark_done`` takes."""

    supporter: SupporterRef
    at: datetime
    channel: ChannelKind | None
    note: str


def history_line(focus_name: str | None, focus: SupporterRef = None) -> str:
    """Where it goes: "It goes into Mum's check-in history, with who checked in".

    ``focus`` is whom the team is for (:data:`ME` for the user); ``focus_name`` their name
    (None when they are no longer in the network)."""
    if focus == ME:
        return _("It goes into your check-in history, with who checked in.")
    if focus_name:
        return _("It goes into {name}'s check-in history, with who checked in.").format(
            name=focus_name
        )
    return _(
        "It goes into the check-in history of the person the team is for, with who checked in."
    )


class DoneDialog(QDialog):
    """ "Mark as done" for one occurrence of a rota check-in.

    ``supporters`` are (ref, name) of the team's supporters; ``day_text`` names the day.
    Who defaults to the line's supporter (and must be chosen when it is open); the time to
    the planned one, or now when that is still ahead. ``zone`` is the zone the rota's
    times are in (the user's; the system's if not given), ``clock`` gives now, and
    ``focus_name`` names whose history it goes into. ``day`` is the local day (in
    ``zone``) the line shows on, which may differ from ``line.on`` (its date in the slot's
    own zone); by default ``line.on``.

    The time chosen is on ``zone``'s clock. The moment it gives is the one that falls on
    ``line.on`` in the slot's zone (what the service checks): on ``day`` itself when it
    can, else the local day before or after (an any-time check-in in a zone far away
    spans two local days); the row says which day that is.
    """

    def __init__(
        self,
        supporters: list[tuple[SupporterRef, str]],
        line: RotaLine,
        day_text: str,
        parent: QWidget | None = None,
        *,
        zone: str | None = None,
        clock: Callable[[], datetime] | None = None,
        focus_name: str | None = None,
        focus: SupporterRef = None,
        day: date | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Mark as done"))
        self.setAccessibleName(_("Mark as done"))
        self.setModal(True)
        self._line = line
        self._zone = zone_or_utc(zone or system_zone_name())
        self._clock = clock or (lambda: datetime.now(UTC))
        self._day = day or line.on or self._clock().astimezone(self._zone).date()
        self._day_text = day_text
        self._slot_zone = zone_or_utc(line.slot_zone) if line.slot_zone else None
        self._touched = False

        heading = title_label(_("Mark as done"))
        about = hint_label(_("The check-in on {day}.").format(day=day_text))
        about.setWordWrap(True)

        self.who_combo = QComboBox()
        self.who_combo.setAccessibleName(_("Who checked in"))
        self.who_combo.setPlaceholderText(_("Choose who it was"))
        for ref, name in supporters:
            if ref is not None:
                self.who_combo.addItem(name, ref)
        self.who_combo.setCurrentIndex(
            self.who_combo.findData(line.supporter) if line.supporter is not None else -1
        )
        self.who_message = FieldMessage(_("Who checked in: message"))

        self.time_field = _time_edit(_("Time"))
        self.time_field.setTime(qtime(self._default_time()))
        self.when_message = FieldMessage(_("When: message"))

        self.channel_combo = QComboBox()
        self.channel_combo.setAccessibleName(_("How"))
        self.channel_combo.addItem(_(NOT_NOTED), None)
        for kind in ChannelKind:
            self.channel_combo.addItem(kind.label, kind.value)
        planned = line.channel_kind.value if line.channel_kind is not None else None
        self.channel_combo.setCurrentIndex(max(self.channel_combo.findData(planned), 0))

        self.note_field = notes_field(_("Note"))
        self.note_field.setPlaceholderText(_("Anything they said worth keeping (optional)"))
        self.note_field.setFixedHeight(self.note_field.fontMetrics().height() * 4)

        self.ok_button = push_button(
            _("&Mark as done"), _("Mark as done"), default=True, on_click=self.accept
        )
        self.cancel_button = cancel_button(self)
        self.save_hint = QLabel()
        self.save_hint.setAccessibleName(_("Why Mark as done is not available yet"))
        self.save_hint.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 18)
        layout.setSpacing(4)
        layout.addWidget(heading)
        layout.addWidget(about)
        layout.addSpacing(8)
        layout.addWidget(buddy_label(_("&Who checked in"), self.who_combo))
        layout.addLayout(_left(self.who_combo))
        layout.addWidget(self.who_message)
        layout.addSpacing(4)
        when_how = QGridLayout()
        when_how.setContentsMargins(0, 0, 0, 0)
        when_how.setHorizontalSpacing(24)
        when_how.setVerticalSpacing(4)
        when_how.addWidget(buddy_label(_("W&hen"), self.time_field), 0, 0)
        # Translators: before the time field, "Thursday 3 December, at [18:00]".
        self.day_label = QLabel(_("{day}, at").format(day=day_text))
        self.day_label.setWordWrap(True)
        when_how.addLayout(_left(self.day_label, self.time_field), 1, 0)
        when_how.addWidget(buddy_label(_("H&ow"), self.channel_combo), 0, 1)
        when_how.addLayout(_left(self.channel_combo), 1, 1)
        when_how.setColumnStretch(2, 1)
        layout.addLayout(when_how)
        layout.addWidget(self.when_message)
        layout.addSpacing(4)
        layout.addWidget(buddy_label(_("&Note"), self.note_field))
        layout.addWidget(self.note_field)
        layout.addSpacing(6)
        self.history_note = quiet(hint_label(history_line(focus_name, focus)))
        self.history_note.setWordWrap(True)
        layout.addWidget(self.history_note)
        layout.addSpacing(6)
        layout.addLayout(button_row(self.cancel_button, self.ok_button, lead=self.save_hint))
        for widget in (self.who_combo, self.channel_combo):
            keep_height(widget)
        self.who_combo.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 14)

        self.who_combo.currentIndexChanged.connect(self._changed)
        self.time_field.timeChanged.connect(self._changed)
        tab_order(
            [
                self.who_combo,
                self.time_field,
                self.channel_combo,
                self.note_field,
                self.cancel_button,
                self.ok_button,
            ]
        )
        self._check()
        use_width(self, DialogWidth.SMALL)
        (self.who_combo if line.supporter is None else self.time_field).setFocus()

    def _default_time(self) -> time:
        """The planned time, or now when that is still ahead (done early, today)."""
        planned = time.fromisoformat(self._line.time) if self._line.time else ANY_TIME_DEFAULT
        now = self._clock().astimezone(self._zone)
        if self._day == now.date() and planned > now.time():
            return time(now.hour, now.minute)
        return planned

    # --- checking ----------------------------------------------------------------------------

    def _changed(self, *_args: object) -> None:
        self._touched = True
        self._check()

    def problems(self) -> dict[str, str]:
        """What stops it being marked done, by field ("who", "when")."""
        found: dict[str, str] = {}
        if self.supporter() is None:
            found["who"] = _(CHOOSE_WHO)
        when = self.when()
        if not self._on_its_date(when):
            found["when"] = _(OTHER_DAY)
        elif when > self._clock():
            found["when"] = _(STILL_AHEAD)
        return found

    def _check(self) -> dict[str, str]:
        found = self.problems()
        # The check-in's own date may be the local day before or after: name the day then.
        local = self.when().astimezone(self._zone).date()
        shown = self._day_text if local == self._day else short_date(local)
        self.day_label.setText(_("{day}, at").format(day=shown))
        # An open check-in asks who it was without a message first; a time ahead says so.
        self.who_message.set_message(found.get("who", "") if self._touched else "")
        self.when_message.set_message(found.get("when", ""))
        self.who_combo.setAccessibleDescription(self.who_message.text())
        self.time_field.setAccessibleDescription(self.when_message.text())
        self.ok_button.setEnabled(not found)
        hint = ""
        if "who" in found:
            hint = _("Choose who it was first")
        elif "when" in found:
            hint = (
                _("Choose a time that has passed")
                if found["when"] == _(STILL_AHEAD)
                else _("Choose a time on the check-in's day")
            )
        self.save_hint.setText(hint)
        self.ok_button.setAccessibleDescription(hint)
        return found

    def accept(self) -> None:
        self._touched = True
        if self._check():
            return
        super().accept()

    # --- reading -----------------------------------------------------------------------------

    def supporter(self) -> SupporterRef:
        data = self.who_combo.currentData()
        return data if isinstance(data, str) else None

    def when(self) -> datetime:
        """The chosen moment: the time chosen, in the rota's zone, on the line's local day,
        or the day either side when only that falls on the check-in's own date."""
        chosen = pytime(self.time_field.time())
        for shift in (0, -1, 1):
            moment = datetime.combine(self._day + timedelta(days=shift), chosen, self._zone)
            if self._on_its_date(moment):
                return moment
        return datetime.combine(self._day, chosen, self._zone)

    def _on_its_date(self, moment: datetime) -> bool:
        """Whether ``moment`` is on the occurrence's date in the slot's own zone."""
        if self._slot_zone is None or self._line.on is None:
            return True
        return moment.astimezone(self._slot_zone).date() == self._line.on

    def channel(self) -> ChannelKind | None:
        data = self.channel_combo.currentData()
        return ChannelKind(data) if data else None

    def as_keywords(self) -> Done:
        """(who checked in, when, how, note) by name, for
        ``mark_done(team, slot, on, **dialog.as_keywords())``."""
        return Done(
            supporter=self.supporter(),
            at=self.when(),
            channel=self.channel(),
            note=self.note_field.toPlainText().strip(),
        )


def _left(*widgets: QWidget) -> QHBoxLayout:
    """``widgets`` side by side on the left of a line."""
    row = QHBoxLayout()
    row.setSpacing(6)
    for widget in widgets:
        row.addWidget(widget)
    row.addStretch(1)
    return row
