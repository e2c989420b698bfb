"""Log a check-in from Today: who it was with, then the check-in form."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from supportnet.i18n import N_, _
from supportnet.model.checkins import CheckIn, Initiator
from supportnet.model.errors import SupportNetError, ValidationError
from supportnet.model.network import ChannelKind
from supportnet.model.targets import GROUP, TargetKey
from supportnet.scheduling.reaching_out import match_choice
from supportnet.ui.widgets import dialogs
from supportnet.ui.widgets.buttons import cancel_button, message_row, save_button
from supportnet.ui.widgets.checkin_form import CheckInForm, CheckInLook
from supportnet.ui.widgets.field_message import FieldMessage
from supportnet.ui.widgets.keyboard import tab_order
from supportnet.ui.widgets.labels import buddy_label, title_label

TITLE = N_("Log a check-in")
NOT_NOTED = N_("Not noted")
SKIP = N_("Skip")
CHOOSE_SOMEONE = N_("Choose someone from your network: start typing a name.")
NO_ONE_YET = N_("There is no one in your network yet. Add someone first (Ctrl+N).")
I_DID = N_("I did")
THEY_DID = N_("They did")


def look() -> CheckInLook:
    """The check-in form as Today shows it: when beside how, moods as rows of buttons (in
    the language chosen, so made when a dialog opens)."""
    return CheckInLook(
        stacked=False,
        when_label=_("Wh&en"),
        # Translators: Qt's date and time format (names come from the locale); German:
        # "dddd, d. MMMM yyyy, HH:mm".
        when_format=_("dddd d MMMM yyyy, HH:mm"),
        me=(_(I_DID), _("Who reached out: I did")),
        them=(_(THEY_DID), _("Who reached out: they did")),
        reached_label=_("Who reached out?"),
        mood_labels=(_("How did you feel &before? (optional)"), _("And &after? (optional)")),
        no_mood=_(SKIP),
        not_noted=_(NOT_NOTED),
        note_label=_("&Note (optional)"),
        note_placeholder=_("A word or two, if you like"),
        messages={
            "at": _("When: message"),
            "note": _("Note: message"),
            "mood_before": _("Mood: message"),
            "mood_after": _("Mood: message"),
        },
        calm_weekends=True,
    )


#: Saves the check-in and returns what was stored; raises SupportNetError if it can't.
SaveCheckIn = Callable[[CheckIn], Any]


class _EnterSaves(QObject):
    """In the note, Enter saves the form and Shift+Enter starts a new line."""

    def __init__(self, save: Callable[[], None], parent: QObject) -> None:
        super().__init__(parent)
        self._save = save

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            if enter and not event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                self._save()
                return True
        return False


class LogDialog(QDialog):
    """Log a contact that happened, either way round.

    Opened from a suggestion, the person (or group) and the plan are fixed; opened with
    Ctrl+L, a type-ahead list offers everyone. ``on_save`` stores the check-in; if it raises,
    the form stays open with everything typed and the message next to the field.
    """

    def __init__(
        self,
        choices: Sequence[tuple[TargetKey, str]],
        on_save: SaveCheckIn,
        *,
        now: datetime,
        zone: str,
        fixed: TargetKey | None = None,
        plan_id: int | None = None,
        plan_title: str = "",
        channel: ChannelKind | None = None,
        channel_for: Mapping[TargetKey, ChannelKind | None] | None = None,
        initiator: Initiator = Initiator.ME,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._choices = list(choices)
        self._labels = dict(self._choices)
        self._on_save = on_save
        self._zone = ZoneInfo(zone)
        self._fixed = fixed
        self._plan_id = plan_id
        self._channel_for = dict(channel_for or {})
        self._channel_touched = False
        #: What was stored, once saved.
        self.saved: Any = None

        name = self._labels.get(fixed, "") if fixed is not None else ""
        title = _("Log a check-in with {name}").format(name=name) if name else _(TITLE)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.setModal(True)

        heading = title_label(title)
        self.plan_label = QLabel(plan_title)
        self.plan_label.setTextFormat(Qt.TextFormat.PlainText)
        self.plan_label.setAccessibleName(_("Plan"))

        # --- who
        self.who_combo = QComboBox()
        self.who_combo.setAccessibleName(_("Who"))
        self.who_combo.setEditable(True)
        self.who_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for _key, label in self._choices:
            self.who_combo.addItem(label)
        self.who_combo.setCurrentIndex(-1)
        line = self.who_combo.lineEdit()
        assert line is not None  # the combo is editable
        #: Where the name is typed.
        self.who_field = line
        line.setPlaceholderText(_("Start typing a name"))
        line.setAccessibleName(_("Who"))
        completer = QCompleter([label for _key, label in self._choices], self.who_combo)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.who_combo.setCompleter(completer)
        self.who_combo.setMinimumWidth(self.fontMetrics().averageCharWidth() * 32)
        self.who_message = FieldMessage(_("Who: message"))
        if fixed is not None:
            keys = [key for key, _label in self._choices]
            self.who_combo.setCurrentIndex(keys.index(fixed) if fixed in keys else -1)
            self.who_combo.setEnabled(False)
            self.who_combo.setVisible(False)

        # --- when, how, who reached out, the note and the moods
        self.form = CheckInForm(look(), self._zone)
        self.when_edit = self.form.when_field
        self.set_when(now)
        self.when_message = self.form.messages["at"]
        self.channel_combo = self.form.channel_combo
        if channel is None and fixed is not None:
            channel = self._channel_for.get(fixed)
        self._set_channel(channel)
        self.channel_combo.activated.connect(self._channel_chosen)
        self.me_radio, self.them_radio = self.form.me_radio, self.form.them_radio
        self.form.set_initiator(initiator)
        self.note_field = self.form.note_field
        self.note_field.setAccessibleDescription(
            _("Optional. Enter saves; Shift+Enter starts a line.")
        )
        self.note_field.installEventFilter(_EnterSaves(self.save, self))
        self.note_message = self.form.messages["note"]
        self.mood_before, self.mood_after = self.form.mood_before, self.form.mood_after
        self.mood_message = self.form.messages["mood_before"]

        # --- buttons
        self.form_message = FieldMessage(_("Saving: message"))
        self.save_button = save_button(self.save)
        self.cancel_button = cancel_button(self)

        if fixed is None:
            who_label = buddy_label(_("&With whom"), self.who_combo)
            self.form.put_first([who_label, self.who_combo, self.who_message], space_after=8)

        buttons = message_row(self.form_message, self.cancel_button, self.save_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 18)
        layout.setSpacing(8)
        layout.addWidget(heading)
        layout.addWidget(self.plan_label)
        layout.addSpacing(4)
        layout.addWidget(self.form)
        layout.addSpacing(8)
        layout.addLayout(buttons)
        self.plan_label.setVisible(bool(plan_title))
        who = [self.who_combo] if fixed is None else []
        tab_order([*who, *self.form.focus_order(), self.cancel_button, self.save_button])

        self.who_combo.currentIndexChanged.connect(self._who_changed)
        self.who_combo.editTextChanged.connect(self._who_typed)
        # Wide enough for the moods' row in longer languages too (German "Überspringen").
        chars = self.fontMetrics().averageCharWidth() * 78
        self.setMinimumWidth(max(chars, layout.sizeHint().width()))
        if fixed is None:
            if not self._choices:
                self.who_message.set_message(_(NO_ONE_YET))
            self.who_combo.setFocus()
        else:
            self.note_field.setFocus()

    # --- reading and filling -------------------------------------------------------------------

    def set_when(self, at: datetime) -> None:
        self.form.set_when(at)

    def when(self) -> datetime:
        """The chosen moment, in the person's zone (wall time as shown, minute precision)."""
        return self.form.when()

    def who(self) -> TargetKey | None:
        if self._fixed is not None:
            return self._fixed
        return match_choice(self.who_combo.currentText(), self._choices)

    def channel(self) -> ChannelKind | None:
        return self.form.channel()

    def _set_channel(self, channel: ChannelKind | None) -> None:
        self.form.set_channel(channel)

    def _channel_chosen(self, _index: int) -> None:
        self._channel_touched = True

    def _who_typed(self, _text: str) -> None:
        self.who_message.set_message("")
        self._who_changed(-1)

    def _who_changed(self, _index: int) -> None:
        if self._fixed is None and not self._channel_touched:
            key = self.who()
            self._set_channel(self._channel_for.get(key) if key is not None else None)

    def build(self) -> CheckIn:
        key = self.who()
        person_id = key[1] if key is not None and key[0] != GROUP else None
        group_id = key[1] if key is not None and key[0] == GROUP else None
        return CheckIn(
            at=self.when(),
            person_id=person_id,
            group_id=group_id,
            channel=self.channel(),
            initiator=self.form.initiator(),
            note=self.form.note(),
            mood_before=self.mood_before.value(),
            mood_after=self.mood_after.value(),
            plan_id=self._plan_id,
        )

    # --- saving --------------------------------------------------------------------------------

    def _clear_messages(self) -> None:
        for message in (
            self.who_message,
            self.when_message,
            self.note_message,
            self.mood_message,
            self.form_message,
        ):
            message.set_message("")

    def _show_problems(self, problems: Sequence[Any]) -> None:
        places = {
            "target": self.who_message,
            "at": self.when_message,
            "note": self.note_message,
            "mood_before": self.mood_message,
            "mood_after": self.mood_message,
        }
        for problem in problems:
            places.get(problem.field, self.form_message).set_message(problem.message)

    def save(self) -> None:
        """Store the check-in; close only if that worked. Nothing typed is ever cleared."""
        self._clear_messages()
        if self.who() is None:
            self.who_message.set_message(_(NO_ONE_YET) if not self._choices else _(CHOOSE_SOMEONE))
            self.who_combo.setFocus()
            return
        checkin = self.build().normalised()
        problems = checkin.problems()
        if problems:
            self._show_problems(problems)
            return
        try:
            self.saved = self._on_save(checkin)
        except ValidationError as exc:
            self._show_problems(exc.problems)
            return
        except SupportNetError as exc:
            self.form_message.set_message(
                _("{problem} What you typed is still here.").format(problem=exc.message)
            )
            return
        except OSError as exc:
            self.form_message.set_message(
                _(
                    "Couldn't save just now; what you typed is still here. "
                    "The computer said: {error}"
                ).format(error=exc)
            )
            return
        self.accept()

    def reject(self) -> None:
        # Only a typed note is worth asking about; the rest takes seconds to choose again.
        typed = self.saved is None and self.note_field.toPlainText().strip()
        if typed and not dialogs.confirm_discard(self, dialogs.unsaved_changes("check-in")):
            return
        super().reject()
