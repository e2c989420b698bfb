"""A person's or group's plans, with Add, Change, Pause or Resume and Delete (all undoable).

:class:`PlansAndHistoryDialog`, the plans and the check-in history in a window of their own,
is in :mod:`supportnet.ui.plans.dialog`.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import (
    Qt,
)
from PySide6.QtGui import QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import (
    QLabel,
    QVBoxLayout,
    QWidget,
)

from supportnet.i18n import N_, _
from supportnet.model.errors import SupportNetError
from supportnet.model.plans import Plan
from supportnet.model.targets import PERSON
from supportnet.model.zones import today_in
from supportnet.ui.plans.editor import PlanEditor
from supportnet.ui.plans.fields import quiet
from supportnet.ui.plans.history import DELETE_FAILED, TargetRowsController, gone_text
from supportnet.ui.plans.model import PlansModel, plan_name
from supportnet.ui.plans.wording import new_plan
from supportnet.ui.undo.commands import UndoContext
from supportnet.ui.undo.note import UndoNote
from supportnet.ui.undo.plan_commands import (
    AddPlanCommand,
    DeletePlanCommand,
    EditPlanCommand,
    pause_plan,
)
from supportnet.ui.widgets import dialogs
from supportnet.ui.widgets.buttons import button_row, enable_or_say_why, push_button
from supportnet.ui.widgets.editor_form import heading_label
from supportnet.ui.widgets.keyboard import tab_order
from supportnet.ui.widgets.lists import ListArea, WholeRows, sized_table

EMPTY_PLANS = N_("No plans with {name} yet.")
EMPTY_PLANS_THEM = N_("No plans with them yet.")
EMPTY_PLANS_MORE = N_(
    "A plan is a gentle reminder to reach out: on a schedule, every so often, or once. "
    "Add one when it feels right."
)
NOTHING_SELECTED = N_("Choose a plan in the list to edit, pause or delete it.")


class PlansPanelView(QWidget):
    """Layout only: a heading, the list (or a kind line when it's empty), the buttons."""

    def __init__(
        self,
        model: PlansModel,
        undo_stack: QUndoStack,
        parent: QWidget | None = None,
        *,
        undo_context: UndoContext | None = None,
    ):
        super().__init__(parent)
        self.setAccessibleName(_("Plans"))
        self.heading = heading_label(_("Plans"))
        self.intro = QLabel(_("Gentle reminders, never deadlines. Pause one whenever you need to."))
        self.intro.setAccessibleName(_("About plans"))
        self.intro.setWordWrap(True)
        quiet(self.intro)

        self.table = sized_table(model, _("Plans"), (30, 16, 42, 14))
        self.stack = ListArea(self.table, _("Plans"))
        self.empty = self.stack.message

        self.selection_label = QLabel("")
        self.selection_label.setAccessibleName(_("Selected plan"))
        self.selection_label.setWordWrap(True)
        quiet(self.selection_label)
        self.add_button = push_button(
            _("&Add a plan…"), _("Add a plan"), tip=_("Plan a gentle reach-out (Ctrl+Shift+P)")
        )
        self.edit_button = push_button(
            _("&Edit…"), _("Edit the selected plan"), tip=_("Edit the selected plan (Enter)")
        )
        self.pause_button = push_button(
            _("Pa&use"),
            _("Pause the selected plan"),
            tip=_("Keep the plan, but don't suggest it for now"),
        )
        self.delete_button = push_button(
            _("De&lete…"),
            _("Delete the selected plan"),
            tip=_("Delete the selected plan (Del); you can undo"),
        )
        self.note = UndoNote(undo_stack, undo_context=undo_context)

        buttons = button_row(
            self.edit_button,
            self.pause_button,
            self.delete_button,
            lead=self.selection_label,
            spacing=8,
        )
        top = button_row(self.add_button, lead=self.heading)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 8)
        layout.setSpacing(8)
        layout.addLayout(top)
        layout.addWidget(self.intro)
        # Whole rows in sight: the last one is never cut in half.
        layout.addWidget(WholeRows(self.stack, self.table), 1)
        layout.addWidget(self.note)
        layout.addLayout(buttons)
        tab_order(
            [
                self.add_button,
                self.table,
                self.edit_button,
                self.pause_button,
                self.delete_button,
                self.note.undo_button,
            ]
        )

    def show_empty(self, text: str, more: str | None = None) -> None:
        more = _(EMPTY_PLANS_MORE) if more is None else more
        self.stack.show_message(text, more)

    def show_table(self) -> None:
        self.stack.show_table()


class PlansPanelController(TargetRowsController):
    """Fills one target's plans from the services and turns the buttons into commands.

    Every change goes onto the undo stack.
    """

    model: PlansModel

    def __init__(self, *args: Any, parent: QWidget | None = None, **kwargs: Any) -> None:
        super().__init__(*args, parent=parent, **kwargs)
        #: True while the person or group is missing from the store.
        self.gone = False
        self.model = PlansModel(self)
        self.view = PlansPanelView(self.model, self._stack, parent, undo_context=self._ctx)
        #: The plan editor on screen, if any.
        self.editor: PlanEditor | None = None
        self._filled = False

        view = self.view
        view.add_button.clicked.connect(self.add_plan)
        view.edit_button.clicked.connect(self.edit_selected)
        view.pause_button.clicked.connect(self.toggle_pause)
        view.delete_button.clicked.connect(self.delete_selected)
        add_key = QShortcut(QKeySequence("Ctrl+Shift+P"), view)
        add_key.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        add_key.activated.connect(self.add_plan)
        signals = self._signals
        self._wire(signals.plans_changed, signals.people_changed, signals.groups_changed)
        self.refresh()

    def _today(self) -> date:
        return today_in(self._clock(), self.user_zone)

    # --- reading ---------------------------------------------------------------------------

    def refresh(self) -> None:
        keep = self.selected()
        self.gone = not self._read_target()
        plans = []
        if not self.gone:
            plans = (
                self._source.plans.for_person(self.target_id)
                if self.kind == PERSON
                else self._source.plans.for_group(self.target_id)
            )
        self.view.heading.setText(
            _("Plans with {name}").format(name=self.name) if self.name else _("Plans")
        )
        self.view.add_button.setEnabled(bool(self.name) and not self.gone)
        last = self._last_contact() if not self.gone else None
        posts = self._source.postponements.list_active(self._today())
        self.model.set_plans(plans, self.user_zone, self._clock(), last, posts)
        if self.model.rowCount():
            self.view.show_table()
            self._size_columns()
        elif self.gone:
            self.view.show_empty(gone_text(self.name), "")
        elif self.name:
            self.view.show_empty(_(EMPTY_PLANS).format(name=self.name))
        else:
            self.view.show_empty(_(EMPTY_PLANS_THEM))
        if keep is not None:
            self.select_uid(keep.uid)
        elif not self._filled and self.model.rowCount():
            # The first plan is ready to change or pause: one click fewer.
            self.view.table.selectRow(0)
        self._filled = self._filled or bool(self.model.rowCount())
        self._selection_moved()

    def _size_columns(self) -> None:
        table = self.view.table
        header = table.horizontalHeader()
        # Room to breathe, leaving the last column ("Earlier today, 12:30 · next Wed 2 Dec")
        # enough for its words.
        spare = table.fontMetrics().averageCharWidth() * 2
        for column in range(self.model.columnCount() - 1):
            table.resizeColumnToContents(column)
            header.resizeSection(column, header.sectionSize(column) + spare)

    # --- selection -------------------------------------------------------------------------

    def selected(self) -> Plan | None:
        found: Plan | None = self._selected_item()
        return found

    def _selection_moved(self, *_args: Any) -> None:
        plan = self.selected()
        has = plan is not None
        view = self.view
        paused = plan is not None and plan.paused
        view.pause_button.setText(_("Res&ume") if paused else _("Pa&use"))
        view.pause_button.setAccessibleName(
            _("Resume the selected plan") if paused else _("Pause the selected plan")
        )
        view.pause_button.setProperty(
            "own_tooltip",
            _("Suggest this plan again")
            if paused
            else _("Keep the plan, but don't suggest it for now"),
        )
        # Why a button can't act is said on the button, not in a line under the list.
        for button in (view.edit_button, view.pause_button, view.delete_button):
            enable_or_say_why(button, has, _(NOTHING_SELECTED))
        if plan is None:
            view.selection_label.setText("")
        else:
            name = plan_name(plan, self.name)
            if plan.paused:
                view.selection_label.setText(_("Selected: {name} (paused)").format(name=name))
            else:
                view.selection_label.setText(_("Selected: {name}").format(name=name))

    # --- changing --------------------------------------------------------------------------

    def _last_contact(self) -> datetime | None:
        checkins = self._source.checkins
        if self.kind == PERSON:
            return checkins.last_contact_by_person().get(self.target_id)
        return checkins.last_contact_by_group().get(self.target_id)

    def _ideas(self) -> list[str]:
        try:
            return [idea.text for idea in self._source.ideas.list_all()]
        except SupportNetError:
            return []

    def _open_editor(self, plan: Plan, on_save: Callable[[Plan], Any]) -> PlanEditor:
        if self.editor is not None:
            self.editor.activateWindow()
            return self.editor
        editor = PlanEditor(
            plan,
            on_save,
            self.view,
            target_name=self.name,
            clock=self._clock,
            user_zone=self.user_zone,
            last_contact=self._last_contact(),
            postponements=self._source.postponements.list_active(self._today()),
            ideas=self._ideas(),
        )
        self.editor = editor
        editor.finished.connect(self._editor_closed)
        editor.open()
        return editor

    def add_plan(self) -> PlanEditor | None:
        """Open the editor for a new plan for this person or group."""
        if not self.name or self.gone:
            return None
        plan = new_plan(self.kind, self.target_id, self._today(), self.user_zone)

        def save(plan: Plan) -> Plan:
            name = plan_name(plan, self.name)
            command = AddPlanCommand.perform(self._ctx, plan, name)
            self._stack.push(command)
            self.view.note.show_note(_("Added {name}.").format(name=name))
            self.status.emit(_("Added {name}").format(name=name))
            self.select_uid(command.saved.uid)
            return command.saved

        return self._open_editor(plan, save)

    def edit_selected(self) -> PlanEditor | None:
        plan = self.selected()
        if plan is None:
            return None
        before = copy.deepcopy(plan)

        def save(after: Plan) -> Plan:
            if after == before:
                return before
            name = plan_name(after, self.name)
            command = EditPlanCommand.perform(self._ctx, before, after, name)
            self._stack.push(command)
            self.view.note.show_note(_("Saved {name}.").format(name=name))
            self.status.emit(_("Saved"))
            return command.saved or after

        return self._open_editor(plan, save)

    def toggle_pause(self) -> bool:
        """Pause the selected plan, or resume it (undoable)."""
        plan = self.selected()
        if plan is None:
            return False
        name = plan_name(plan, self.name)
        paused = not plan.paused
        command = self._push(
            lambda: pause_plan(self._ctx, plan, name, paused), N_("SupportNet couldn't change that")
        )
        if command is None:
            return False
        if paused:
            text = _("Paused {name}. It stays here for when you want it.").format(name=name)
        else:
            text = _("Resumed {name}.").format(name=name)
        self.view.note.show_note(text)
        self.status.emit(text)
        self.select_uid(plan.uid)
        return True

    def delete_selected(self) -> bool:
        """Ask, then delete the selected plan (undoable). Its check-ins stay."""
        plan = self.selected()
        if plan is None:
            return False
        name = plan_name(plan, self.name)
        if not dialogs.confirm(
            self.view,
            _("Delete this plan?"),
            _("Delete {name}? The check-ins you logged stay. You can undo this.").format(name=name),
            yes_text=_("Delete the plan"),
            no_text=_("Keep it"),
        ):
            return False
        row = self._selected_row()
        command = self._push(
            lambda: DeletePlanCommand.perform(self._ctx, plan, name), DELETE_FAILED
        )
        if command is None:
            return False
        if not self._deleted(name, row):
            self.view.add_button.setFocus()
        return True
