"""Preferences: suggestions a day, reminders and what they say, quiet hours, time zone, crisis
lines' country."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING
from zoneinfo import available_timezones

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from supportnet.i18n import _
from supportnet.model.errors import SupportNetError
from supportnet.model.privacy import Privacy
from supportnet.model.settings import ReminderDisplay, Settings, reminder_explanation
from supportnet.services.crisis import CrisisHelpService
from supportnet.ui.plans.fields import pytime, qtime
from supportnet.ui.widgets.dialogs import DialogWidth, open_at_width
from supportnet.ui.widgets.field_message import FieldMessage

if TYPE_CHECKING:
    from supportnet.services.backups import BackupService


class PreferencesDialog(QDialog):
    """Edits a copy of :class:`Settings`; ``on_save`` stores it (and may raise)."""

    def __init__(
        self,
        settings: Settings,
        on_save: Callable[[Settings], None],
        parent: QWidget | None = None,
        *,
        system_zone: str = "UTC",
        crisis: CrisisHelpService | None = None,
        backups: BackupService | None = None,
        now: datetime | None = None,
    ) -> None:
        super().__init__(parent)
        self._original = settings
        self._on_save = on_save
        self.setWindowTitle(_("Preferences"))
        self.setAccessibleName(_("Preferences"))

        self.per_day = QSpinBox()
        self.per_day.setRange(1, 10)
        self.per_day.setValue(settings.suggestions_per_day)
        self.per_day.setAccessibleName(_("Suggestions a day"))
        self.per_day.setToolTip(_("How many people Today suggests at most"))

        self.reminders = QCheckBox(_("Remind me when a planned time comes"))
        self.reminders.setChecked(settings.reminders_enabled)
        self.reminders.setAccessibleName(_("Reminders"))

        self.reminder_privacy = QComboBox()
        self.reminder_privacy.setAccessibleName(_("What reminders say"))
        for level in Privacy:
            self.reminder_privacy.addItem(level.label, level.value)
        self.reminder_privacy.setCurrentIndex(
            self.reminder_privacy.findData(settings.reminder_level.value)
        )
        self.reminder_privacy.setToolTip(_("Reminders can show on a locked screen"))
        #: One calm line: what a reminder says at the level chosen.
        self.reminder_note = QLabel()
        self.reminder_note.setWordWrap(True)
        self.reminder_note.setAccessibleName(_("What a reminder says at this level"))
        self.reminder_privacy.currentIndexChanged.connect(self._explain_reminders)
        self._explain_reminders()

        self.keep_in_tray = QCheckBox(_("Keep running in the tray when the window is closed"))
        self.keep_in_tray.setChecked(settings.keep_in_tray)
        self.keep_in_tray.setAccessibleName(_("Keep running in the tray"))
        self.keep_in_tray.setToolTip(
            _("Reminders still come while the window is closed; Quit ends SupportNet")
        )

        #: Where reminders show: the tray where there is one, or desktop notifications.
        self.reminder_display = QComboBox()
        self.reminder_display.setAccessibleName(_("Where reminders show"))
        for where in ReminderDisplay:
            self.reminder_display.addItem(where.label, where.value)
        self.reminder_display.setCurrentIndex(
            self.reminder_display.findData(settings.reminder_where.value)
        )
        self.reminder_display.setToolTip(
            _("Without a tray (as on GNOME) reminders are desktop notifications either way")
        )

        self.quiet_from = QTimeEdit(qtime(settings.quiet_hours_start))
        self.quiet_from.setDisplayFormat("HH:mm")
        self.quiet_from.setAccessibleName(_("Quiet hours start"))
        self.quiet_until = QTimeEdit(qtime(settings.quiet_hours_end))
        self.quiet_until.setDisplayFormat("HH:mm")
        self.quiet_until.setAccessibleName(_("Quiet hours end"))

        self.zone = QComboBox()
        self.zone.setEditable(True)
        self.zone.setAccessibleName(_("Time zone"))
        zones = sorted(available_timezones())
        # Translators: the first time zone offered: the computer's own, e.g. "(Europe/Berlin)".
        self.zone.addItem(_("Follow this computer ({zone})").format(zone=system_zone), None)
        for name in zones:
            self.zone.addItem(name, name)
        completer = QCompleter(zones, self.zone)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.zone.setCompleter(completer)
        if settings.timezone is None:
            self.zone.setCurrentIndex(0)
        else:
            self.zone.setCurrentText(settings.timezone)

        #: The crisis lines' country: kept outside the store, beside it (None: not offered).
        self._crisis = crisis
        self.country: QComboBox | None = None
        self.country_message = FieldMessage(_("Note about the country"))
        if crisis is not None:
            from supportnet.ui.hard_day.lines import country_combo, select_country

            self.country = country_combo(_("Country for crisis lines"))
            self.country.setToolTip(_("Whose crisis lines Hard day? shows, and the printed plan"))
            select_country(self.country, crisis.help())
            self._country_shown = self.country.currentData()

        self.messages = {
            "suggestions_per_day": FieldMessage(_("Note about suggestions a day")),
            "timezone": FieldMessage(_("Note about the time zone")),
        }
        form = QFormLayout()
        form.addRow(_("&Suggestions a day"), self.per_day)
        form.addRow("", self.messages["suggestions_per_day"])
        form.addRow("", self.reminders)
        form.addRow(_("&What reminders say"), self.reminder_privacy)
        form.addRow("", self.reminder_note)
        form.addRow("", self.keep_in_tray)
        form.addRow(_("Show &reminders"), self.reminder_display)
        form.addRow(_("Quiet hours &from"), self.quiet_from)
        form.addRow(_("Quiet hours &until"), self.quiet_until)
        quiet_note = QLabel(_("No reminders pop up during quiet hours; they wait on Today."))
        quiet_note.setWordWrap(True)
        form.addRow("", quiet_note)
        form.addRow(_("Time &zone"), self.zone)
        form.addRow("", self.messages["timezone"])
        if self.country is not None:
            form.addRow(_("&Crisis lines for"), self.country)
            form.addRow("", self.country_message)

        #: The extra backup folder and the last backup (None: not offered).
        self.backup_folder = None
        if backups is not None:
            from supportnet.ui.backups.folder_field import BackupFolderField

            last = backups.last_backup()
            self.backup_folder = BackupFolderField(
                settings.backup_folder,
                backups.extra_folder_problem,
                last[1] if last else None,
                now or datetime.now().astimezone(),
            )
            form.addRow(_("Copy &backups to"), self.backup_folder)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setAccessibleName(_("Save preferences"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setAccessibleName(_("Cancel"))
        self.buttons.accepted.connect(self._save)
        self.buttons.rejected.connect(self.reject)
        self.why = QLabel()
        self.why.setAccessibleName(_("Why Save is unavailable"))
        self.why.setWordWrap(True)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.why)
        layout.addWidget(self.buttons)

        self.per_day.valueChanged.connect(self._check)
        self.zone.currentTextChanged.connect(self._check)
        self._check()
        # As tall as its wrapped lines need at its width: at a large font the last backup's
        # line (longer in German) was cut off under the folder's buttons.
        open_at_width(self, DialogWidth.SMALL)

    def build(self) -> Settings:
        """The settings as the form holds them now."""
        zone: str | None
        if self.zone.currentIndex() == 0 and self.zone.currentText() == self.zone.itemText(0):
            zone = None
        else:
            zone = self.zone.currentText().strip() or None
        return dataclasses.replace(
            self._original,
            suggestions_per_day=self.per_day.value(),
            reminders_enabled=self.reminders.isChecked(),
            reminder_privacy=self.reminder_level().value,
            keep_in_tray=self.keep_in_tray.isChecked(),
            reminder_display=self.reminder_display.currentData(),
            quiet_hours_start=pytime(self.quiet_from.time()),
            quiet_hours_end=pytime(self.quiet_until.time()),
            timezone=zone,
            backup_folder=(
                self.backup_folder.folder
                if self.backup_folder is not None
                else self._original.backup_folder
            ),
        )

    def reminder_level(self) -> Privacy:
        """The privacy level chosen for reminders."""
        return Privacy(self.reminder_privacy.currentData())

    def _explain_reminders(self) -> None:
        self.reminder_note.setText(reminder_explanation(self.reminder_level()))

    def _check(self) -> bool:
        problems = {p.field: p.message for p in self.build().problems()}
        for field, message in self.messages.items():
            message.set_message(problems.get(field, ""))
        ok = not problems
        self.save_button.setEnabled(ok)
        reason = "" if ok else _("Fix the note above to save.")
        self.why.setText(reason)
        self.save_button.setToolTip(reason)
        return ok

    def _save(self) -> None:
        if not self._check():
            return
        try:
            self._on_save(self.build())
        except SupportNetError as exc:
            field = getattr(exc, "field", "timezone")
            self.messages.get(field, self.messages["timezone"]).set_message(exc.message)
            return
        if not self._save_country():
            return
        self.accept()

    def _save_country(self) -> bool:
        """Keep a new country for the crisis lines; False (with a note) if it couldn't be."""
        if self._crisis is None or self.country is None:
            return True
        code = self.country.currentData()
        if code == self._country_shown:
            return True
        try:
            self._crisis.set_country(code)
        except SupportNetError as exc:
            self.country_message.set_message(exc.message)
            return False
        self._country_shown = code
        return True
