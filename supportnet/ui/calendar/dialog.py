"""Export to calendar: whose plans, how much the file says, a live preview, and where it goes."""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import (
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAccessible,
    QAccessibleAnnouncementEvent,
)
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from supportnet.calendar import (
    DEFAULT_FILE_NAME,
    DEFAULT_WEEKS,
    MAX_ALARM_MINUTES,
    MAX_WEEKS,
    ExportEvent,
    ExportOptions,
    Privacy,
)
from supportnet.i18n import _, ngettext
from supportnet.model.errors import ExportError, SupportNetError
from supportnet.model.zones import zone_or_utc
from supportnet.services import calendar_export
from supportnet.services.rota_export import SupporterCalendarExport, SupporterExport
from supportnet.ui.calendar.form import (
    ExportForm,
)
from supportnet.ui.calendar.models import (
    targets_with_plans,
)
from supportnet.ui.calendar.outcome import after_close, report_late_export_error
from supportnet.ui.calendar.supporter_choice import NOTHING_FOR_SUPPORTER
from supportnet.ui.calendar.texts import (
    CHOOSE_SOME,
    DEBOUNCE_MS,
    EXISTS_NOTE,
    FILE_FILTER,
    FIX_FIRST,
    INTRO,
    NO_PATH,
    NO_PLANS,
    NO_PLANS_MORE,
    NOTHING_MORE,
    NOTHING_TO_WRITE,
    PREVIEW_LIMIT,
    STATE_ALARM,
    STATE_FOLDER,
    STATE_PRIVACY,
    STATE_WEEKS,
    TITLE,
    count_text,
    normalise_path,
    number,
    withdrawn_text,
)
from supportnet.ui.shell.background import Background
from supportnet.ui.shell.ui_state import UiState
from supportnet.ui.widgets.labels import title_label


def _confirmation(result: calendar_export.Exported | SupporterExport) -> str:
    """The status line after an export, e.g. "Exported 12 events to plans.ics"."""
    n = len(result.events)
    said = ngettext("Exported {n} event to {name}", "Exported {n} events to {name}", n)
    return said.format(n=number(n), name=result.path.name)


def ask_path(parent: QWidget | None, start: str) -> str:
    """Ask where to save the calendar file; "" if the person changed their mind."""
    path, _chosen = QFileDialog.getSaveFileName(
        parent, _("Save the calendar file"), start, _(FILE_FILTER)
    )
    return path


def show_in_file_manager(folder: Path) -> bool:
    """Open ``folder`` in the desktop's file manager; False where none answers."""
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QDesktopServices

    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


# --- the dialog --------------------------------------------------------------------------------


class ExportDialog(ExportForm):
    """Choose whose plans, how far ahead, how much the file says and where it goes; export.

    ``export`` (:class:`~supportnet.services.calendar_export.CalendarExport`) reads and writes;
    ``clock`` returns an aware now. The last privacy level, weeks, reminder and folder are
    kept in ``ui_state``. ``status`` hears a short confirmation after an export. The file
    is written on ``background``'s worker thread; :attr:`export_finished` carries what was
    written, or ``None`` after a problem. A problem met after the dialog was closed goes to
    ``report_error`` (by default a message box), so it is never lost.
    """

    export_finished = Signal(object)

    def __init__(
        self,
        export: calendar_export.CalendarExport,
        clock: Callable[[], datetime],
        *,
        ui_state: UiState | None = None,
        status: Callable[[str], None] | None = None,
        background: Background | None = None,
        open_folder: Callable[[Path], bool] | None = None,
        report_error: Callable[[str], None] | None = None,
        supporters: SupporterCalendarExport | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        # A supporter's own part of a care team's rota goes through its own service.
        self._supporters = supporters
        self._supporter_teams = supporters.teams() if supporters is not None else []
        self._report_error = report_error or report_late_export_error
        self._export = export
        self._clock = clock
        self._open_folder = open_folder or show_in_file_manager
        self._background = background or Background(self)
        self._saving = False
        self._state = ui_state or UiState(None)
        self._status = status
        self._zone = zone_or_utc(export.user_zone())
        #: The events the preview last showed (all of them, not only the first 50).
        self.events: list[ExportEvent] = []
        #: How many events given to calendars before the next export would cancel.
        self.withdrawn = 0
        #: What the last export wrote, if anything.
        self.exported: calendar_export.Exported | SupporterExport | None = None
        self._targets = targets_with_plans(export)

        self.setWindowTitle(_(TITLE))
        self.setAccessibleName(_(TITLE))
        self.setModal(True)
        heading = title_label(_(TITLE))
        intro = QLabel(_(INTRO))
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.PlainText)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 18)
        layout.setSpacing(8)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addSpacing(8)
        layout.addLayout(self._build_privacy())
        layout.addSpacing(12)
        layout.addLayout(self._build_timing())
        layout.addSpacing(12)
        middle = QHBoxLayout()
        middle.setSpacing(24)
        middle.addWidget(self._build_scope())
        middle.addLayout(self._build_preview(), 1)
        layout.addLayout(middle, 1)
        layout.addSpacing(8)
        layout.addLayout(self._build_file())
        layout.addSpacing(4)
        layout.addLayout(self._build_buttons())

        self._set_tab_order()
        self._restore()

        # Every option change reads the preview again, a moment after the last one.
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self.refresh_preview)
        self.privacy_group.idToggled.connect(self._option_toggled)
        self.scope_group.idToggled.connect(self._scope_toggled)
        self.targets_model.checked_changed.connect(self._changed)
        self.circle_combo.currentIndexChanged.connect(self._changed)
        self.weeks_spin.valueChanged.connect(self._changed)
        self.alarm_check.toggled.connect(self._alarm_toggled)
        self.alarm_spin.valueChanged.connect(self._changed)
        self.path_field.textChanged.connect(self._path_changed)
        if self.supporter_choice is not None:
            self.supporter_choice.changed.connect(self._supporter_changed)

        self._default_size()
        self.refresh_preview()
        self._path_changed()
        self.privacy_buttons[self.privacy()].setFocus()

    # --- reacting --------------------------------------------------------------------------------

    def _changed(self, *_args: Any) -> None:
        self.export_button.setDefault(True)
        self._debounce.start()

    def _option_toggled(self, _id: int, on: bool) -> None:
        if on:
            self._changed()

    def _scope_toggled(self, _id: int, on: bool) -> None:
        if not on:
            return
        self.chosen_box.setVisible(self.chosen_radio.isChecked())
        self.circle_combo.setEnabled(self.circle_radio.isChecked())
        if self._for_supporter():
            # The file goes to someone else: discreet unless the user says otherwise.
            self.privacy_buttons[Privacy.DISCREET].setChecked(True)
            self._supporter_changed()
            return
        self._name_file()
        self._changed()

    def _for_supporter(self) -> tuple[str, str] | None:
        """(team uid, supporter) when the file is one supporter's part of a rota."""
        return self.supporter_choice.choice() if self.supporter_choice is not None else None

    def _supporter_changed(self) -> None:
        """Name the file after whose it is, so it never replaces the user's own."""
        self._name_file()
        self._changed()

    def _name_file(self) -> None:
        """A supporter's file is named after them, the user's own plans as usual; a name
        the user typed themselves is kept."""
        path = self.target_path()
        if path is None or not (path.name == DEFAULT_FILE_NAME or path.name.startswith("rota-")):
            return
        choice = self.supporter_choice
        name = choice.file_name() if choice and self._for_supporter() else DEFAULT_FILE_NAME
        self.path_field.setText(str(path.with_name(name)))

    def _alarm_toggled(self, on: bool) -> None:
        self.alarm_spin.setEnabled(on)
        self._changed()

    def _path_changed(self, *_args: Any) -> None:
        self.file_message.set_message("")
        path = self.target_path()
        try:
            there = path is not None and path.is_file()
        except OSError:  # a name too long for the file system: said on Export
            there = False
        self.exists_note.set_message(_(EXISTS_NOTE) if there else "")

    def choose_path(self) -> None:
        path = self.target_path()
        start = str(path) if path is not None else str(self._start_folder() / DEFAULT_FILE_NAME)
        chosen = ask_path(self, start)
        if chosen:
            final = normalise_path(chosen)
            self.path_field.setText(str(final) if final is not None else chosen)

    def refresh_preview(self) -> None:
        """Read the events again for the options as they are now, and show them."""
        self._debounce.stop()
        options = self.options()
        problems = {p.field: p.message for p in options.problems()}
        self.weeks_message.set_message(problems.get("weeks", ""))
        self.alarm_message.set_message(problems.get("alarm_minutes", ""))
        self.events = []
        self.withdrawn = 0
        now = self._clock()
        today = now.astimezone(self._zone).date()
        if problems:
            self.preview_model.set_events([], self._zone, today, options.privacy)
            self.count_label.setText("")
            self.preview_area.show_message(_(FIX_FIRST))
            self._update_export()
            return
        try:
            self.events, self.withdrawn = self._read_preview(options, now)
        except SupportNetError as exc:
            self.preview_area.show_message(exc.message)
            self.count_label.setText("")
            self._update_export()
            return
        self.preview_model.set_events(
            self.events[:PREVIEW_LIMIT], self._zone, today, options.privacy
        )
        self._show_count()
        self._update_export()

    def _read_preview(self, options: ExportOptions, now: datetime) -> tuple[list[ExportEvent], int]:
        supporter = self._for_supporter()
        if supporter is not None and self._supporters is not None:
            return self._supporters.preview(*supporter, options, now)
        found = self._export.preview(options, now, self.scope())
        return found.events, found.withdrawn

    def _show_count(self) -> None:
        if self.events:
            self.count_label.setText(count_text(len(self.events), self.withdrawn))
            self.preview_area.show_table()
            return
        if self.withdrawn:
            # Nothing new, but a file that takes old events out of calendars is worth saving.
            self.count_label.setText(
                _("No new events. {withdrawn}").format(withdrawn=withdrawn_text(self.withdrawn))
            )
            self.preview_area.show_table()
            return
        self.count_label.setText(_("No events will be written."))
        if not self._targets:
            self.preview_area.show_message(_(NO_PLANS), _(NO_PLANS_MORE))
        elif self._for_supporter() is not None:
            self.preview_area.show_message(_(NOTHING_TO_WRITE), _(NOTHING_FOR_SUPPORTER))
        elif self.chosen_radio.isChecked() and not self.targets_model.checked():
            self.preview_area.show_message(_(NOTHING_TO_WRITE), _(CHOOSE_SOME), can_clear=True)
        else:
            can_clear = not self.everyone_radio.isChecked()
            self.preview_area.show_message(
                _(NOTHING_TO_WRITE), _(NOTHING_MORE), can_clear=can_clear
            )

    def _update_export(self) -> None:
        ok = bool(self.events or self.withdrawn) and not self._saving
        self.export_button.setEnabled(ok)
        nothing = not ok and not self._saving
        self.export_button.setToolTip(
            _("There's nothing to write with these choices.") if nothing else ""
        )

    # --- exporting -------------------------------------------------------------------------------

    def export(self) -> bool:
        """Start writing the file on the worker thread; False if it could not start.

        :attr:`export_finished` follows with what was written (or ``None``): a problem is
        said beside the file field and the dialog stays open.
        """
        if self._saving:
            return False
        if self._debounce.isActive():
            self.refresh_preview()
        if not self.export_button.isEnabled():
            return False
        self.file_message.set_message("")
        path = self.target_path()
        if path is None:
            self.file_message.set_message(_(NO_PATH))
            self.path_field.setFocus()
            return False
        self.path_field.setText(str(path))
        try:
            self._export.check_target(path)
        except ExportError as exc:
            self._failed(exc)
            return False
        options, scope, now, export = self.options(), self.scope(), self._clock(), self._export
        supporter, supporters = self._for_supporter(), self._supporters

        def work() -> calendar_export.Exported | SupporterExport:
            if supporter is not None and supporters is not None:
                return supporters.export(path, *supporter, options, now)
            # Its own reader: the preview may read on the GUI thread meanwhile.
            return export.export(path, options, now, scope)

        self._set_saving(True)
        self._background.run(
            work,
            lambda result: self._saved(result, options),
            self._failed,
            receiver=self,
            if_gone=after_close(self._status, self._report_error, _confirmation),
        )
        return True

    def _set_saving(self, saving: bool) -> None:
        self._saving = saving
        self._update_export()
        self.export_button.setText(_("Saving…") if saving else _("&Export"))
        if saving:
            self.done_message.set_message("")

    def _saved(
        self, result: calendar_export.Exported | SupporterExport, options: ExportOptions
    ) -> None:
        self._set_saving(False)
        self.exported = result
        self.exists_note.set_message("")
        n = len(result.events)
        done = ngettext(
            "Saved {n} event to {path}. You can import it into your calendar now.",
            "Saved {n} events to {path}. You can import it into your calendar now.",
            n,
        ).format(n=number(n), path=result.path)
        if result.cancelled:
            done = f"{done} {withdrawn_text(result.cancelled, by_event=True)}"
        self.done_message.set_message(done)
        self.folder_button.show()
        self._announce(done)
        self.cancel_button.setText(_("Close"))
        self.cancel_button.setAccessibleName(_("Close"))
        # Done: Enter now closes; changing anything makes Export the default again.
        self.cancel_button.setDefault(True)
        self._remember(options, result.path)
        if self._status is not None:
            self._status(_confirmation(result))
        self.export_finished.emit(result)

    def show_folder(self) -> None:
        """Open the folder of the file just saved, to drag it into a calendar."""
        if self.exported is None:
            return
        folder = self.exported.path.parent
        if not self._open_folder(folder):
            self.done_message.set_message(
                _("Couldn't open a file manager here; the file is in {folder}.").format(
                    folder=folder
                )
            )

    def _failed(self, error: BaseException) -> None:
        if self._saving:
            self._set_saving(False)
        if not isinstance(error, SupportNetError):
            self.export_finished.emit(None)
            raise error  # a bug, not bad input: the crash dialog shows it
        if not self.isVisible():  # closed, though not yet deleted: say it where it's seen
            self._report_error(error.message)
        self.file_message.set_message(error.message)
        self.done_message.set_message("")
        self.path_field.setFocus()
        self._announce(error.message)
        self.export_finished.emit(None)

    def _announce(self, text: str) -> None:
        """Screen readers hear the outcome politely, without a message box."""
        if QAccessible.isActive():
            QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(self, text))

    # --- remembering -----------------------------------------------------------------------------

    def _restore(self) -> None:
        privacy = self._state.text(STATE_PRIVACY, Privacy.DISCREET.value)
        try:
            level = Privacy(privacy)
        except ValueError:
            level = Privacy.DISCREET
        self.privacy_buttons[level].setChecked(True)
        with contextlib.suppress(TypeError, ValueError):
            weeks = int(self._state.value(STATE_WEEKS, DEFAULT_WEEKS))
            if 1 <= weeks <= MAX_WEEKS:
                self.weeks_spin.setValue(weeks)
        alarm = self._state.value(STATE_ALARM, "")
        with contextlib.suppress(TypeError, ValueError):
            minutes = int(alarm) if alarm not in ("", None) else None
            if minutes is not None and 0 <= minutes <= MAX_ALARM_MINUTES:
                self.alarm_spin.setValue(minutes)
                self.alarm_check.setChecked(True)
                self.alarm_spin.setEnabled(True)

    def _remember(self, options: ExportOptions, path: Path) -> None:
        state = self._state
        state.set_value(STATE_PRIVACY, options.privacy.value)
        state.set_value(STATE_WEEKS, options.weeks)
        alarm = options.alarm_minutes
        state.set_value(STATE_ALARM, "" if alarm is None else alarm)
        state.set_value(STATE_FOLDER, str(path.parent))
        state.sync()
