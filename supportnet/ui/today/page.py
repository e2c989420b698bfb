"""The Today page: one to three gentle suggestions, each a calm card with one click to act."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QApplication, QWidget

from supportnet.i18n import _
from supportnet.model.checkins import CheckIn, Initiator
from supportnet.model.days import long_date
from supportnet.model.plans import Plan
from supportnet.model.settings import Settings
from supportnet.model.targets import GROUP, PERSON, TargetKey, plan_target_key
from supportnet.model.zones import system_zone_name, user_zone_name
from supportnet.scheduling import Suggestion
from supportnet.scheduling.reaching_out import (
    day_phrase,
    default_channel,
    default_easy_until,
    going_easy_text,
    is_going_easy,
    local_today,
    moved_text,
    picker_choices,
    postponement_for,
    tomorrow,
)
from supportnet.services import Services
from supportnet.services.care_today import CareToday, TeamLine
from supportnet.services.today_cards import todays_cards
from supportnet.ui.today.cards import SuggestionCard, copied_idea, copied_way
from supportnet.ui.today.care_card import CareTeamCard
from supportnet.ui.today.view import TodayPageView
from supportnet.ui.undo.commands import CheckInCommand, PostponeCommand, UndoContext

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDialog

    from supportnet.ui.care.done_dialog import DoneDialog
    from supportnet.ui.today.dialogs import DayPickerDialog, GoEasyDialog
    from supportnet.ui.today.ideas import IdeasDialog
    from supportnet.ui.today.log_dialog import LogDialog


class TodayPageController(QObject):
    """Fills Today from the services and the schedule; turns the cards' buttons into changes.

    Check-ins and postponements go through undoable commands; the status line hears
    "Saved", "Copied", "Moved to tomorrow" through :attr:`status`.
    """

    status = Signal(str)
    #: Going easy started (True) or stopped (False), for the menu's wording.
    going_easy_changed = Signal(bool)
    #: The team card's "Open the rota": show the Care team page.
    care_team_requested = Signal()

    def __init__(
        self,
        source: Services,
        clock: Callable[[], datetime],
        undo_context: UndoContext,
        undo_stack: QUndoStack,
        parent: QWidget | None = None,
        *,
        system_zone: Callable[[], str] = system_zone_name,
    ) -> None:
        super().__init__(parent)
        self._source = source
        self._clock = clock
        self._ctx = undo_context
        self._stack = undo_stack
        self._system_zone = system_zone
        self._reader = source.reach_out_reader()
        self._parent = parent
        self._settings = Settings()
        self._zone = "UTC"
        self._today = date.min
        self._going_easy = False
        self.suggestions: list[Suggestion] = []
        #: The care teams' check-ins of today, as the card shows them.
        self.team_today = CareToday([])
        #: The dialogs on screen, if any (for tests, and so two never open at once).
        self.log_dialog: LogDialog | None = None
        self.day_picker: DayPickerDialog | None = None
        self.easy_dialog: GoEasyDialog | None = None
        self.ideas_dialog: IdeasDialog | None = None
        self.done_dialog: DoneDialog | None = None

        self.view = TodayPageView(parent)
        view = self.view
        # clicked() passes "checked"; these lambdas keep it from becoming the initiator.
        view.empty_log_button.clicked.connect(lambda _c=False: self.log_checkin(Initiator.ME))
        view.log_button.clicked.connect(lambda _c=False: self.log_checkin(Initiator.ME))
        view.they_button.clicked.connect(lambda _c=False: self.log_checkin(Initiator.THEM))
        view.ideas_button.clicked.connect(self.show_ideas)
        view.easy_button.clicked.connect(self.go_easy)
        view.banner.edit_button.clicked.connect(self.go_easy)
        view.banner.stop_button.clicked.connect(self.stop_going_easy)
        self.refresh()

    # --- reading -------------------------------------------------------------------------------

    @property
    def zone(self) -> str:
        """The person's zone, as of the last refresh."""
        return self._zone

    @property
    def today(self) -> date:
        return self._today

    @property
    def going_easy(self) -> bool:
        return self._going_easy

    @property
    def cards(self) -> list[SuggestionCard]:
        """The cards of the user's own suggestions (the care team card is apart)."""
        return self.view.suggestion_cards

    @property
    def team_card(self) -> CareTeamCard | None:
        return self.view.team_card

    def refresh(self) -> None:
        """Ask the schedule again who to suggest, and show them."""
        source = self._source
        now = self._clock()
        settings = source.settings.load()
        self._settings = settings
        self._zone = user_zone_name(settings.timezone, self._system_zone())
        today = local_today(now, self._zone)
        self._today = today
        # The reader keeps plans and names between refreshes; Today refreshes often.
        cap = settings.suggestions_per_day
        # The Network page's notes ask the same (services.today_cards): nobody twice.
        self.suggestions, self.team_today = todays_cards(source, self._reader, now, self._zone, cap)
        self.view.set_date(long_date(today))
        easy = is_going_easy(settings.low_energy_until, today)
        until = settings.low_energy_until
        self.view.set_going_easy(going_easy_text(until, today) if easy and until else None)
        if easy != self._going_easy:
            self._going_easy = easy
            self.going_easy_changed.emit(easy)
        self._show_cards()

    def _focused_card(self) -> int | None:
        """Which card holds the keyboard focus, if one does."""
        focus = QApplication.focusWidget()
        if focus is None:
            return None
        for index, card in enumerate(self.view.cards):
            if card.isAncestorOf(focus):
                return index
        return None

    def _show_cards(self) -> None:
        focused = self._focused_card()
        # How to reach each of them, read through the services (a few small reads).
        keys = [(s.target.kind, s.target.id) for s in self.suggestions]
        ways = self._source.ways_to_reach(keys) if keys else {}
        cards = []
        for suggestion in self.suggestions:
            key = (suggestion.target.kind, suggestion.target.id)
            card = SuggestionCard(suggestion, self.view.cards_holder, way=ways.get(key))
            card.done_button.clicked.connect(lambda _c=False, s=suggestion: self.done(s))
            card.not_today_button.clicked.connect(lambda _c=False, s=suggestion: self.not_today(s))
            card.another_day_button.clicked.connect(
                lambda _c=False, s=suggestion: self.another_day(s)
            )
            card.copy_button.clicked.connect(lambda _c=False, c=card: self.copy_idea(c))
            card.reach_copy_button.clicked.connect(lambda _c=False, c=card: self.copy_way(c))
            cards.append(card)
        team_card = None
        if self.team_today:
            team_card = CareTeamCard(self.team_today, self.view.cards_holder)
            for row in team_card.rows:
                row.done_button.clicked.connect(lambda _c=False, t=row.line: self.mark_done(t))
            team_card.open_rota_button.clicked.connect(self.care_team_requested)
        self.view.set_cards(cards, team_card)
        if focused is not None:
            # The keyboard stays where it was, not back at the top of the window.
            self._focus_after(focused)

    def card_for(self, name: str) -> SuggestionCard | None:
        return next((c for c in self.cards if c.suggestion.target.name == name), None)

    def _focus_after(self, index: int) -> None:
        cards = self.view.cards
        for card in cards[min(index, len(cards) - 1) :] if cards else []:
            landing = card.landing()
            if landing is not None:
                landing.setFocus()
                return
        (self.view.log_button if cards else self.view.empty_log_button).setFocus()

    # --- logging a check-in --------------------------------------------------------------------

    def _channels(self, people: Sequence[Any]) -> dict[TargetKey, Any]:
        return {
            (PERSON, p.id): default_channel(None, p.preferred_channel)
            for p in people
            if p.id is not None
        }

    def _open(self, attr: str, dialog: QDialog) -> QDialog:
        current = getattr(self, attr)
        if current is not None:
            current.activateWindow()
            dialog.deleteLater()
            return current
        setattr(self, attr, dialog)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _r, a=attr, d=dialog: self._closed(a, d))
        dialog.open()
        return dialog

    def _closed(self, attr: str, dialog: QDialog) -> None:
        if getattr(self, attr) is dialog:
            setattr(self, attr, None)

    def log_checkin(self, initiator: Initiator = Initiator.ME) -> LogDialog:
        """The log form for anyone (Ctrl+L); "They did" is chosen when someone reached out."""
        people = self._source.people.list_all()
        groups = self._source.groups.list_all()
        choices = picker_choices(people, groups)
        names = dict(choices)
        # The undo label names a group plainly: its picker label says "(group)" in any language.
        names.update({(GROUP, g.id): g.name for g in groups if g.id is not None})
        from supportnet.ui.today.log_dialog import LogDialog  # the dialogs load when opened

        dialog = LogDialog(
            choices,
            lambda checkin: self._save_checkin(checkin, names),
            now=self._clock(),
            zone=self._zone,
            channel_for=self._channels(people),
            initiator=initiator,
            parent=self._parent,
        )
        return self._open("log_dialog", dialog)  # type: ignore[return-value]

    def done(self, suggestion: Suggestion) -> LogDialog:
        """The log form for a suggestion: who and the plan are already filled in."""
        plan = suggestion.plan
        key = plan_target_key(plan)
        assert key is not None
        preferred = None
        if key[0] == PERSON:
            person = next((p for p in self._source.people.list_all() if p.id == key[1]), None)
            preferred = person.preferred_channel if person is not None else None
        names = {key: suggestion.target.name}
        from supportnet.ui.today.log_dialog import LogDialog

        dialog = LogDialog(
            [(key, suggestion.target.name)],
            lambda checkin: self._save_checkin(checkin, names),
            now=self._clock(),
            zone=self._zone,
            fixed=key,
            plan_id=plan.id,
            plan_title=plan.title,
            channel=default_channel(plan.channel, preferred),
            parent=self._parent,
        )
        return self._open("log_dialog", dialog)  # type: ignore[return-value]

    def _save_checkin(self, checkin: CheckIn, names: dict[TargetKey, str]) -> CheckIn:
        key: TargetKey = (
            (PERSON, checkin.person_id)
            if checkin.person_id is not None
            else (GROUP, checkin.group_id or 0)
        )
        name = names.get(key, _("someone"))
        command = CheckInCommand.perform(self._ctx, checkin, name)
        self._stack.push(command)
        self.status.emit(_("Saved"))
        saved: CheckIn = command.saved
        return saved

    # --- a care team's check-in, done ----------------------------------------------------------

    def mark_done(self, line: TeamLine) -> DoneDialog:
        """Someone said a check-in of today happened: who, when, how (and undo)."""
        # Not at first paint: the dialog and the command load when first asked for.
        from supportnet.ui.care.done_dialog import DoneDialog

        dialog = DoneDialog(
            self.team_today.supporters.get(line.team_uid, []),
            line.line,
            long_date(self._today),
            self._parent,
            zone=self._zone,
            clock=self._clock,
            focus_name=line.focus_name if line.focus_id is not None else None,
            focus=line.focus,
            day=self._today,
        )
        dialog.accepted.connect(lambda d=dialog, t=line: self._save_done(t, d))
        return self._open("done_dialog", dialog)  # type: ignore[return-value]

    def _save_done(self, line: TeamLine, dialog: DoneDialog) -> None:
        from supportnet.ui.care.edits import save_done

        rota = line.line
        assert rota.on is not None
        save_done(
            self._ctx,
            self._stack,
            self.status,
            self._parent,
            self.refresh,
            text=_("mark as done: {what}").format(what=line.text),
            note=_("Saved"),
            team_uid=line.team_uid,
            slot_uid=rota.slot_uid,
            on=rota.on,
            now=self._clock(),
            done=dialog.as_keywords(),
        )

    # --- not today, another day ----------------------------------------------------------------

    def not_today(self, suggestion: Suggestion) -> None:
        """Move a suggestion to tomorrow. No penalty, no trace: it simply shows then."""
        self.postpone(suggestion, tomorrow(self._today))

    def another_day(self, suggestion: Suggestion) -> DayPickerDialog:
        from supportnet.ui.today.dialogs import DayPickerDialog

        dialog = DayPickerDialog(suggestion.target.name, self._today, self._parent)
        dialog.accepted.connect(lambda d=dialog, s=suggestion: self.postpone(s, d.day()))
        return self._open("day_picker", dialog)  # type: ignore[return-value]

    def postpone(self, suggestion: Suggestion, day: date) -> None:
        index = next((i for i, c in enumerate(self.cards) if c.suggestion is suggestion), 0)
        self._move(suggestion.plan, suggestion.due_at, suggestion.target.name, day)
        self._focus_after(index)

    def not_today_for(self, plan: Plan, due_at: datetime, name: str) -> None:
        """A reminder's "Not today": the occurrence due at ``due_at`` moves to tomorrow,
        as a card's button moves it (undoable, with the same note)."""
        self.refresh()  # the day may have turned since the page last looked
        self._move(plan, due_at, name, tomorrow(self._today))

    def _move(self, plan: Plan, due_at: datetime, name: str, day: date) -> None:
        postponement = postponement_for(plan, due_at, day, self._zone)
        command = PostponeCommand.perform(self._ctx, postponement, name)
        self._stack.push(command)
        self.status.emit(moved_text(day, self._today))
        self.refresh()

    # --- message ideas -------------------------------------------------------------------------

    def copy_idea(self, card: SuggestionCard) -> None:
        """The card's message idea onto the clipboard; its button says so for a moment."""
        from supportnet.ui.today.ideas import copy_text

        copy_text(card.suggestion.plan.message_idea.strip())
        card.copy_button.show_copied(copied_idea(card.suggestion.target.name))
        self.status.emit(_("Copied"))

    def copy_way(self, card: SuggestionCard) -> None:
        """The way to reach them (a number, a handle, a link) onto the clipboard."""
        way = card.way
        if way is None:
            return
        from supportnet.ui.today.ideas import copy_text

        copy_text(way.value)
        card.reach_copy_button.show_copied(copied_way(card.suggestion.target.name, way.what))
        self.status.emit(_("Copied"))

    def show_ideas(self) -> IdeasDialog:
        from supportnet.ui.today.ideas import IdeasDialog

        dialog = IdeasDialog(self._source.ideas, self._parent)
        return self._open("ideas_dialog", dialog)  # type: ignore[return-value]

    # --- going easy ----------------------------------------------------------------------------

    def go_easy(self) -> GoEasyDialog:
        """Ask until when to go easy (a week from today, unless already going easy)."""
        until = self._settings.low_energy_until
        if not is_going_easy(until, self._today) or until is None:
            until = default_easy_until(self._today)
        from supportnet.ui.today.dialogs import GoEasyDialog

        dialog = GoEasyDialog(self._today, until, self._parent)
        dialog.accepted.connect(lambda d=dialog: self.set_going_easy(d.until()))
        return self._open("easy_dialog", dialog)  # type: ignore[return-value]

    def set_going_easy(self, until: date | None) -> None:
        self._source.settings.update(low_energy_until=until)
        self.refresh()
        if until is None:
            self.status.emit(_("Back to the usual suggestions"))
        else:
            when = day_phrase(until, self._today)
            self.status.emit(_("Going easy until {day}").format(day=when))

    def stop_going_easy(self) -> None:
        self.set_going_easy(None)
