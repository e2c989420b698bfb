"""The Care team page: a team's week of check-ins, the coverage of the next four weeks,
its supporters and note; every change one step on the undo stack.

Each change saves the whole team through ``services.care_teams.save`` (or removes it, or
marks a check-in done), as a command from :mod:`supportnet.ui.undo.care_commands`; the page
then reads the rota again. Names follow the network: the page reads again when it changes.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QLocale, QModelIndex, QObject, QPoint, QStandardPaths, QTimer, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QDialog, QMenu, QWidget

from supportnet.i18n import N_, _, ngettext
from supportnet.model.care import FLEXIBLE_SWAP, ME, CareTeam
from supportnet.model.days import month_name
from supportnet.model.errors import SupportNetError
from supportnet.model.plans import PlanKind
from supportnet.model.zones import today_in
from supportnet.scheduling.rota import week_of
from supportnet.scheduling.rota_words import coverage_text
from supportnet.services import Services
from supportnet.ui.care.edits import CareTeamEdits
from supportnet.ui.care.view import CareTeamPageView
from supportnet.ui.care.week_model import WeekModel, day_heading, line_sentence
from supportnet.ui.plans.wording import user_zone_name
from supportnet.ui.shell.signals import AppSignals
from supportnet.ui.undo.commands import UndoContext
from supportnet.ui.widgets import dialogs
from supportnet.ui.widgets.buttons import enable_or_say_why

if TYPE_CHECKING:
    from supportnet.safety.crisis_lines import CountryHelp
    from supportnet.services.care_teams import RotaLine, RotaView

#: How many days the coverage (and the printed rota) looks ahead, today included.
COVERAGE_DAYS = 28
PRINT_ERROR_TITLE = N_("SupportNet couldn't print the rota")
PDF_ERROR_TITLE = N_("SupportNet couldn't save the PDF")
NOTHING_CHOSEN = N_("Choose a check-in in the week to edit it, swap one date or mark it as done.")
ALREADY_DONE = N_("This one happened; it stays as it was.")
LATER_DONE = N_("It can be marked as done from its day.")
NO_NOTE = N_(
    "No note yet. Edit team… to add what helps, what to avoid, how they like to be reached."
)
NO_SUPPORTERS = N_("Nobody yet. Edit team… to add supporters from your network.")


def locale_first_weekday() -> int:
    """The locale's first day of the week, 0 Monday to 6 Sunday (as ``date.weekday``)."""
    return QLocale().firstDayOfWeek().value - 1


def week_text(week: list[date], today: date) -> str:
    """E.g. "This week: 30 Nov – 6 Dec" or "Week of 7 – 13 Dec 2027"."""
    first, last = week[0], week[-1]
    parts = {
        "first_day": first.day,
        "first_month": month_name(first.month, short=True),
        "last_day": last.day,
        "last_month": month_name(last.month, short=True),
        "year": last.year,
    }
    span = _SPANS[(first.month == last.month, last.year != today.year)]
    dates = _(span).format(**parts)
    if first <= today <= last:
        return _("This week: {dates}").format(dates=dates)
    return _("Week of {dates}").format(dates=dates)


#: A week's dates, by (in one month, with the year): "7 – 13 Dec 2027".
_SPANS = {
    # Translators: a week in one month, "1 – 7 Dec"; German "{first_day}. – {last_day}. …".
    (True, False): N_("{first_day} – {last_day} {last_month}"),
    (True, True): N_("{first_day} – {last_day} {last_month} {year}"),
    # Translators: a week's dates over two months; German "{first_day}. {first_month} – …".
    (False, False): N_("{first_day} {first_month} – {last_day} {last_month}"),
    (False, True): N_("{first_day} {first_month} – {last_day} {last_month} {year}"),
}


class CareTeamPageController(CareTeamEdits, QObject):
    """Reads the teams and their rota, and turns the person's actions into undoable changes."""

    #: A quiet confirmation for the status bar.
    status = Signal(str)
    #: The team shown changed (its uid), for the window to remember across restarts.
    team_chosen = Signal(str)

    def __init__(
        self,
        services: Services,
        clock: Callable[[], datetime],
        undo_stack: QUndoStack,
        undo_context: UndoContext,
        signals: AppSignals,
        parent: QWidget | None = None,
        *,
        crisis_help: Callable[[], CountryHelp] | None = None,
        first_weekday: int | None = None,
        team_uid: str | None = None,
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._clock = clock
        self._stack = undo_stack
        self._ctx = undo_context
        self._parent = parent
        self._crisis_help = crisis_help
        self.first_weekday = locale_first_weekday() if first_weekday is None else first_weekday
        self.model = WeekModel(self)
        self.view = CareTeamPageView(self.model, parent)
        self.teams: list[CareTeam] = []
        #: The team shown (its uid), kept across reads; at first the one remembered, if any.
        self.team_uid: str | None = team_uid
        #: The teams' uids at the last read (None before the first): one that appears, as
        #: a new team or one brought back by undo, is shown.
        self._known: set[str] | None = None
        #: The week shown: this many weeks from this one.
        self.week_offset = 0
        self.week: RotaView | None = None
        self.ahead: RotaView | None = None
        self.today = date.min
        self.pdf_dir = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        )

        v = self.view
        v.team_picker.currentIndexChanged.connect(self._picked)
        v.new_team_button.clicked.connect(lambda _c=False: self.new_team())
        v.empty_button.clicked.connect(lambda _c=False: self.new_team())
        v.edit_team_button.clicked.connect(lambda _c=False: self.edit_team())
        v.remove_team_button.clicked.connect(lambda _c=False: self.remove_team())
        v.previous_button.clicked.connect(lambda _c=False: self.show_week(self.week_offset - 1))
        v.next_button.clicked.connect(lambda _c=False: self.show_week(self.week_offset + 1))
        v.this_week_button.clicked.connect(lambda _c=False: self.show_week(0))
        v.add_button.clicked.connect(lambda _c=False: self.add_checkin())
        v.edit_button.clicked.connect(lambda _c=False: self.edit_checkin())
        v.remove_button.clicked.connect(lambda _c=False: self.remove_checkin())
        v.swap_button.clicked.connect(lambda _c=False: self.swap_date())
        v.done_button.clicked.connect(lambda _c=False: self.mark_done())
        v.gap_spin.valueChanged.connect(self.set_gap)
        v.tree.edit_requested.connect(self._enter)
        v.tree.remove_requested.connect(self.remove_checkin)
        v.tree.activated.connect(lambda _index: self._enter())
        v.tree.customContextMenuRequested.connect(self._context_menu)
        # The tree keeps its selection model across the model's resets.
        v.tree.selectionModel().currentChanged.connect(self._current_changed)

        # The network changing renames people or opens their check-ins: read again once
        # the signals settle. The team's own changes show at once.
        self._later = QTimer(self)
        self._later.setSingleShot(True)
        self._later.setInterval(0)
        self._later.timeout.connect(self.refresh)
        for signal in (signals.people_changed, signals.checkins_changed, signals.plans_changed):
            signal.connect(self._later.start)
        signals.care_teams_changed.connect(self.refresh)
        self.refresh()

    # --- reading -----------------------------------------------------------------------------

    @property
    def team(self) -> CareTeam | None:
        return next((t for t in self.teams if t.uid == self.team_uid), None)

    def _zone(self) -> str:
        return user_zone_name(self._services)

    def refresh(self) -> None:
        """Read the teams and the rota again and show them, keeping the choice made."""
        self._later.stop()
        chosen = self.selected_key()
        shown = self.team_uid
        try:
            self.teams = self._services.care_teams.list()
            zone = self._zone()
            self.today = today_in(self._clock(), zone)
            uids = {t.uid for t in self.teams}
            appeared = uids - self._known if self._known is not None else set()
            self._known = uids
            if len(appeared) == 1:
                self.team_uid = appeared.pop()
                self.week_offset = 0
            if self.team is None:
                self.team_uid = self.teams[0].uid if self.teams else None
            team = self.team
            if team is not None:
                week = week_of(self.today + timedelta(weeks=self.week_offset), self.first_weekday)
                rota = self._services.care_teams.rota
                self.week = rota(team.uid, week[0], 7, zone)
                self.ahead = rota(team.uid, self.today, COVERAGE_DAYS, zone)
        except SupportNetError as exc:
            dialogs.show_error(self._parent, exc.message)
            return
        self._show_teams()
        if self.team_uid is not None and self.team_uid != shown and shown is not None:
            # A team that appeared, or the first after the one shown went: remember it.
            self.team_chosen.emit(self.team_uid)
        if team is None:
            self.week = self.ahead = None
            self.model.set_days([], self.today)
            self.view.show_empty(True)
            self.view.title_label.setText(_("Care team"))
            self.view.title_label.setAccessibleName(_("Care team"))
            self._update_actions()
            return
        self.view.show_empty(False)
        self._show_team()
        self.select(chosen)

    def _show_teams(self) -> None:
        picker = self.view.team_picker
        blocked = picker.blockSignals(True)
        picker.clear()
        for team in self.teams:
            picker.addItem(team.name, team.uid)
            if team.uid == self.team_uid:
                picker.setCurrentIndex(picker.count() - 1)
        picker.blockSignals(blocked)
        several = len(self.teams) > 1
        picker.setVisible(several)
        self.view.team_picker_label.setVisible(several)

    def _show_team(self) -> None:
        assert self.week is not None
        assert self.ahead is not None
        v, team = self.view, self.week.team
        v.title_label.setText(team.name)
        v.title_label.setAccessibleName(_("Care team: {name}").format(name=team.name))
        if team.focus == ME:
            focus = _("Check-ins with you: who checks in when, and how")
        elif self.week.focus_id is None:  # no longer in the network
            focus = _(
                "Check-ins with someone no longer in your network: who checks in when, and how"
            )
        else:
            focus = _("Check-ins with {name}: who checks in when, and how").format(
                name=self.week.focus_name
            )
        v.focus_label.setText(focus)
        days = [d.day for d in self.week.days]
        v.week_label.setText(week_text(days, self.today))
        flexible = frozenset(s.uid for s in team.slots if s.plan.kind is PlanKind.FLEXIBLE)
        self.model.set_days(self.week.days, self.today, flexible)
        v.span_empty_days(self.model)
        cover = coverage_text(self.ahead.coverage, team.comfortable_gap_days, today=self.today)
        # A blank line between the sentences: read at a glance, not as one block.
        v.coverage_label.setText("\n\n".join(cover))
        blocked = v.gap_spin.blockSignals(True)
        v.gap_spin.setValue(team.comfortable_gap_days)
        v.gap_spin.blockSignals(blocked)
        v.gap_after.setText(
            ngettext(
                "day with nobody planned", "days with nobody planned", team.comfortable_gap_days
            )
        )
        lines = []
        for supporter in self.week.supporters:
            text = supporter.name
            if supporter.reach:
                text = _("{name} — {reach}").format(name=text, reach=supporter.reach)
            elif not supporter.in_network:
                text = _("{name} (their check-ins are open)").format(name=text)
            lines.append(text)
        v.supporters_label.setText("\n".join(lines) or _(NO_SUPPORTERS))
        v.note_label.setText(team.note or _(NO_NOTE))

    def show_week(self, offset: int) -> None:
        """The week ``offset`` weeks from this one (0: this week)."""
        self.week_offset = offset
        self.refresh()

    def _first_day_of_interest(self) -> date:
        days = self.model.days
        return self.today if self.today in days else (days[0] if days else self.today)

    def choose_team(self, uid: str) -> None:
        """Show the team ``uid`` (the first team when it is gone) from this week."""
        self.team_uid = uid
        self.week_offset = 0
        self._known = None  # the choice made wins over a team that just appeared
        self.refresh()
        if self.team_uid and self.team_uid == uid:
            self.team_chosen.emit(self.team_uid)

    def _picked(self, row: int) -> None:
        uid = self.view.team_picker.itemData(row)
        if uid and uid != self.team_uid:
            self.choose_team(uid)

    # --- the chosen line ---------------------------------------------------------------------

    def selected_key(self) -> tuple[str, date | None] | date | None:
        """What is chosen: (slot uid, date) of a check-in, or a day."""
        index = self.view.tree.currentIndex()
        line = self.model.line_at(index)
        if line is not None:
            return (line.slot_uid, line.on)
        return self.model.day_at(index)

    def select(self, key: tuple[str, date | None] | date | None) -> None:
        index = QModelIndex()
        if isinstance(key, tuple):
            index = self.model.line_index(*key)
        elif isinstance(key, date):
            index = self.model.day_index(key)
        if not index.isValid():
            # Gone, or in another week: today, or the week's first day.
            index = self.model.day_index(self._first_day_of_interest())
        self._select_index(index)

    def _select_index(self, index: QModelIndex) -> None:
        tree = self.view.tree
        if index.isValid():
            tree.setCurrentIndex(index)
        self._update_actions()

    def _current_changed(self, *_args: Any) -> None:
        self._update_actions()

    def current_line(self) -> RotaLine | None:
        return self.model.line_at(self.view.tree.currentIndex())

    def current_day(self) -> date | None:
        return self.model.day_at(self.view.tree.currentIndex())

    def _update_actions(self) -> None:
        v = self.view
        line = self.current_line()
        has_team = self.team is not None
        v.add_button.setEnabled(has_team)
        # Why a button can't act is said on the button, not in the line under the week.
        for button in (v.edit_button, v.remove_button):
            enable_or_say_why(button, line is not None, _(NOTHING_CHOSEN))
        # A check-in that happened stays whose it was; a flexible one has no dates to swap.
        flexible = line is not None and line.slot_uid in self.model.flexible
        day = self.current_day()
        swap_why = (
            NOTHING_CHOSEN
            if line is None
            else ALREADY_DONE
            if line.done
            else FLEXIBLE_SWAP
            if flexible
            else ""
        )
        enable_or_say_why(v.swap_button, not swap_why, _(swap_why) if swap_why else "")
        done_why = (
            NOTHING_CHOSEN
            if line is None or day is None
            else ALREADY_DONE
            if line.done
            else LATER_DONE
            if day > self.today
            else ""
        )
        enable_or_say_why(v.done_button, not done_why, _(done_why) if done_why else "")
        if line is not None and day is not None:
            sentence = line_sentence(line, day, self.model.flexible)
            # Translators: the chosen check-in or day as a sentence, ending in a full stop.
            v.selection_label.setText(_("{text}.").format(text=sentence))
        elif day is not None:
            v.selection_label.setText(_("{text}.").format(text=day_heading(day, self.today)))
        else:
            v.selection_label.setText("")

    def _enter(self) -> None:
        # Enter on a check-in changes it; on a day (or a day with nobody) adds one.
        if self.current_line() is not None:
            self.edit_checkin()
        elif self.team is not None:
            self.add_checkin()

    def context_menu(self) -> QMenu:
        """What the buttons under the week do, for the chosen line (a right click, the menu key)."""
        v = self.view
        menu = QMenu(v.tree)
        for button in (v.edit_button, v.swap_button, v.done_button, v.remove_button, v.add_button):
            action = menu.addAction(button.text(), button.click)
            action.setEnabled(button.isEnabled())
        return menu

    def _context_menu(self, point: QPoint) -> None:
        self.menu = self.context_menu()
        self.menu.popup(self.view.tree.viewport().mapToGlobal(point))

    menu: QMenu | None = None

    # --- printing ----------------------------------------------------------------------------

    def _print_parts(self) -> tuple[RotaView, CountryHelp] | None:
        from supportnet.ui.widgets.one_page import help_to_print

        self.refresh()
        if self.ahead is None:
            return None
        return self.ahead, help_to_print(self._crisis_help() if self._crisis_help else None)

    def save_pdf(self, path: Path | None = None) -> Path | None:
        """Save the next four weeks as a one-page PDF (asks where, unless ``path`` is given)."""
        parts = self._print_parts()
        if parts is None:
            self.status.emit(_("There is no care team to save yet"))
            return None
        view, help = parts
        if path is None:
            path = dialogs.ask_pdf_path(
                self._parent,
                _("Save the rota as a PDF"),
                self.pdf_dir or str(Path.home()),
                _("rota.pdf"),
            )
            if path is None:
                return None
        from supportnet.ui.care.printing import write_rota_pdf

        try:
            write_rota_pdf(view, help, path, first_weekday=self.first_weekday)
        except OSError as exc:
            reason = exc.strerror or _("the folder can't be written to")
            dialogs.show_error(
                self._parent,
                _("The rota wasn't saved to {path}: {reason}.").format(path=path, reason=reason),
                title=_(PDF_ERROR_TITLE),
            )
            return None
        self.pdf_dir = str(path.parent)
        self.status.emit(_("Saved the rota as {name}").format(name=path.name))
        return path

    def print_rota(self) -> bool:
        """Print the next four weeks on one page, on a printer the person chooses."""
        parts = self._print_parts()
        if parts is None:
            self.status.emit(_("There is no care team to print yet"))
            return False
        view, help = parts
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        from supportnet.ui.care.printing import print_rota, rota_layout_for

        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageLayout(rota_layout_for(help.code))
        printer.setDocName(_("Rota: {name}").format(name=view.team.name))
        dialog = QPrintDialog(printer, self._parent)
        dialog.setWindowTitle(_("Print the rota"))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        try:
            print_rota(printer, view, help, first_weekday=self.first_weekday)
        except OSError:
            dialogs.show_error(
                self._parent,
                _("The printer didn't take the rota. You could save it as a PDF."),
                title=_(PRINT_ERROR_TITLE),
            )
            return False
        self.status.emit(_("Sent the rota to the printer"))
        return True
