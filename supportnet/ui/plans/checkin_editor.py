"""The form that changes a logged check-in."""

from __future__ import annotations

import copy
from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtWidgets import (
    QLabel,
    QVBoxLayout,
    QWidget,
)

from supportnet.i18n import _
from supportnet.model.checkins import CheckIn, Initiator
from supportnet.model.zones import zone_or_utc
from supportnet.ui.plans.fields import quiet
from supportnet.ui.plans.history_text import (
    CHECKIN_SAVE_HINTS,
    NOT_NOTED,
)
from supportnet.ui.widgets.checkin_form import CheckInForm, CheckInLook
from supportnet.ui.widgets.dialogs import DialogWidth, open_at_width, unsaved_changes
from supportnet.ui.widgets.editor_form import EditorDialog
from supportnet.ui.widgets.keyboard import tab_order
from supportnet.ui.widgets.labels import title_label


def look() -> CheckInLook:
    """The check-in form as the history shows it: one field under another, moods as lists
    (built when shown, in the language chosen at start)."""
    return CheckInLook(
        stacked=True,
        when_label=_("&When (your time)"),
        # Translators: Qt's date and time format for when a check-in was (see "ddd d MMM yyyy").
        when_format=_("ddd d MMM yyyy, HH:mm"),
        me=(Initiator.ME.label, Initiator.ME.label),
        them=(Initiator.THEM.label, Initiator.THEM.label),
        reached_label=_("Who reached out"),
        mood_labels=(_("Mood &before"), _("Mood &after")),
        no_mood=_(NOT_NOTED),
        not_noted=_(NOT_NOTED),
        note_label=_("&Note"),
        note_placeholder=_("Anything you'd like to remember (optional)"),
        messages={
            "at": _("When: message"),
            "channel": _("How: message"),
            "initiator": _("Who reached out: message"),
            "mood_before": _("Mood before: message"),
            "mood_after": _("Mood after: message"),
            "note": _("Note: message"),
        },
        mood_hint=_("From very low to very good. Leave it out whenever you like."),
        one_tab_when=True,
        zoned_field=True,
    )


class CheckInEditor(EditorDialog):
    """Change a logged check-in: when, how, who reached out, moods and the note."""

    SAVE_HINTS = CHECKIN_SAVE_HINTS
    HINTS_ABOVE = False

    def __init__(
        self,
        checkin: CheckIn,
        on_save: Callable[[CheckIn], Any],
        parent: QWidget | None = None,
        *,
        name: str,
        user_zone: str,
        done_by: str = "",
    ) -> None:
        """``done_by`` words who did it on the user's behalf (the history's words), which
        takes the place of the "who reached out" choice."""
        title = _("Check-in with {name}").format(name=name) if name else _("Check-in")
        super().__init__(title, on_save, existing=checkin.id is not None, parent=parent)
        self._base = copy.deepcopy(checkin)
        self._zone = zone_or_utc(user_zone)

        heading = title_label(title)
        self.form = CheckInForm(look(), self._zone)
        form = self.form
        self.when_field, self.channel_combo = form.when_field, form.channel_combo
        self.me_radio, self.them_radio = form.me_radio, form.them_radio
        self.mood_before_combo, self.mood_after_combo = form.mood_before, form.mood_after
        self.note_field = form.note_field
        self.messages.update(form.messages)
        self.field_widgets.update(form.described)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 18)
        layout.setSpacing(4)
        layout.addWidget(heading)
        self.done_by_label: QLabel | None = None
        if done_by:
            self.done_by_label = QLabel(f"{done_by}.")
            self.done_by_label.setAccessibleName(_("Who checked in"))
            self.done_by_label.setWordWrap(True)
            quiet(self.done_by_label)
            layout.addWidget(self.done_by_label)
            form.hide_initiator()  # they checked in, not the user
        layout.addSpacing(6)
        layout.addWidget(form, 1)
        layout.addWidget(self.message_for("target", _("Who it was with: message")))
        layout.addSpacing(8)
        layout.addLayout(self.buttons_row())

        self._fill(self._base)
        self.watch("at", self.when_field.dateTimeChanged)
        self.watch("channel", self.channel_combo.currentIndexChanged)
        self.watch("initiator", form.initiator_group.buttonToggled)
        self.watch("mood_before", form.mood_before.changed)
        self.watch("mood_after", form.mood_after.changed)
        self.watch("note", self.note_field.textChanged)
        self.finish_setup()
        tab_order([*form.focus_order(), self.cancel_button, self.save_button])
        open_at_width(self, DialogWidth.EDITOR)
        self.when_field.setFocus()

    def _fill(self, checkin: CheckIn) -> None:
        self.form.set_when(checkin.at)
        self.form.set_channel(checkin.channel)
        self.form.set_initiator(checkin.initiator)
        self.form.set_moods(checkin.mood_before, checkin.mood_after)
        self.note_field.setPlainText(checkin.note)

    def _when(self) -> datetime:
        at = self.form.when()
        # Keep the seconds the form can't show, so an untouched time stays exactly as it was.
        base = self._base.at.astimezone(self._zone)
        if at == base.replace(second=0, microsecond=0):
            return self._base.at
        return at

    def build(self) -> CheckIn:
        base = self._base
        mood_before, mood_after = self.form.moods()
        return CheckIn(
            at=self._when(),
            person_id=base.person_id,
            group_id=base.group_id,
            channel=self.form.channel(),
            initiator=self.form.initiator(),
            note=self.form.note(),
            mood_before=mood_before,
            mood_after=mood_after,
            plan_id=base.plan_id,
            id=base.id,
            uid=base.uid,
            by=base.by,
            rota_slot=base.rota_slot,
        )

    def unsaved_message(self) -> str:
        return unsaved_changes("check-in")
