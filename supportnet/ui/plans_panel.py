"""A person's or group's plans, with Add, Change, Pause or Resume and Delete (all undoable).

Also :class:`PlansAndHistoryDialog`: the plans and the check-in history of one person or
group in a window of their own, in two tabs.
"""

from __future__ import annotations

import copy
import itertools
from collections.abc import Callable, Sequence
from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeySequence, QShortcut, QUndoStack
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from supportnet.errors import SupportNetError
from supportnet.plans import Plan, PlanKind
from supportnet.ui import dialogs
from supportnet.ui.history import HistoryController, TargetRowsController
from supportnet.ui.lists import ListArea, make_table
from supportnet.ui.models import TableModel
from supportnet.ui.person_editor import heading_label
from supportnet.ui.plan_editor import (
    KIND_TEXT,
    PlanEditor,
    describe_plan,
    new_plan,
    next_short,
    quiet,
)
from supportnet.ui.plan_undo import AddPlanCommand, DeletePlanCommand, EditPlanCommand, pause_plan
from supportnet.ui.signals import AppSignals
from supportnet.ui.undo import PERSON, UndoContext
from supportnet.ui.undo_note import UndoNote, undo_shortcuts

#: The domain id of a row (``Plan.id``).
ID_ROLE = Qt.ItemDataRole.UserRole
#: The row's uid, which survives a delete and its undo.
UID_ROLE = Qt.ItemDataRole.UserRole + 1

EMPTY_PLANS = "No plans with {name} yet."
EMPTY_PLANS_MORE = (
    "A plan is a gentle reminder to reach out: on a schedule, every so often, or once. "
    "Add one when it feels right."
)
NOTHING_SELECTED = "Choose a plan to change, pause or delete it."
GONE = "{name} is no longer in your network."
PAUSED_TEXT = "Paused"

Index = QModelIndex | QPersistentModelIndex


def plan_name(plan: Plan, target_name: str) -> str:
    """What a plan is called in notes and undo texts: its title, or "the plan for Mum"."""
    title = plan.title.strip()
    return f"“{title}”" if title else f"the plan for {target_name}"


class PlansModel(TableModel):
    """One target's plans: what, kind, when, how, and whether it is paused."""

    COL_TITLE = 0
    COL_KIND = 1
    COL_WHEN = 2
    COL_CHANNEL = 3
    COL_NEXT = 4
    HEADERS = ("Plan", "Kind", "When", "How", "Next (your time)")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._plans: list[Plan] = []
        self._zone: str | None = None
        self._today: date | None = None
        self._next: dict[str, str] = {}

    def set_plans(
        self,
        plans: Sequence[Plan],
        user_zone: str,
        now: datetime,
        last_contact: datetime | None = None,
    ) -> None:
        """Replace every row; ``now`` and ``last_contact`` say when each plan comes next."""
        self.beginResetModel()
        # Plans that run come first, then paused ones; each in the order they were made.
        self._plans = sorted(plans, key=lambda p: (p.paused, p.id or 0))
        self._zone = user_zone
        try:
            self._today = now.astimezone(ZoneInfo(user_zone)).date()
        except (ZoneInfoNotFoundError, ValueError):
            self._today = now.date()
        self._next = {
            p.uid: next_short(p, now, user_zone, last_contact) for p in self._plans if not p.paused
        }
        self.endResetModel()

    def plan_at(self, row: int) -> Plan:
        found: Plan = self.item_at(row)
        return found

    def _items(self) -> list[Any]:
        return self._plans

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._plans):
            return None
        plan = self._plans[index.row()]
        if role == ID_ROLE:
            return plan.id
        if role == UID_ROLE:
            return plan.uid
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(plan, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(plan)
        if role == Qt.ItemDataRole.FontRole and plan.paused:
            from PySide6.QtGui import QFont

            font = QFont()
            font.setItalic(True)
            return font
        return None

    def _text(self, plan: Plan, column: int) -> str:
        if column == self.COL_TITLE:
            return plan.title or describe_plan(plan, self._zone, self._today).split(",")[0]
        if column == self.COL_KIND:
            return KIND_TEXT.get(plan.kind, "")
        if column == self.COL_WHEN:
            text = describe_plan(plan, self._zone, self._today)
            if plan.kind is PlanKind.FLEXIBLE and plan.cadence is not None:
                text += f"; too long after {plan.cadence.too_long_days} days"
            return text
        if column == self.COL_CHANNEL:
            return plan.channel.label if plan.channel else "Any way"
        if column == self.COL_NEXT:
            return PAUSED_TEXT if plan.paused else self._next.get(plan.uid, "")
        return ""

    def _tooltip(self, plan: Plan) -> str | None:
        parts = [p for p in (plan.message_idea, plan.notes) if p]
        return "\n\n".join(parts) or None


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
        self.setAccessibleName("Plans")
        self.heading = heading_label("Plans")
        self.intro = QLabel("Gentle reminders, never deadlines. Pause one whenever you need to.")
        self.intro.setAccessibleName("About plans")
        self.intro.setWordWrap(True)
        quiet(self.intro)

        self.table = make_table(model, "Plans")
        self.table.setCornerButtonEnabled(False)
        header = self.table.horizontalHeader()
        chars = self.table.fontMetrics().averageCharWidth()
        for column, width in ((0, 30), (1, 16), (2, 42), (3, 14)):
            header.resizeSection(column, chars * width)
        self.stack = ListArea(self.table, "Plans")
        self.empty = self.stack.message

        self.selection_label = QLabel(NOTHING_SELECTED)
        self.selection_label.setAccessibleName("Selected plan")
        self.selection_label.setWordWrap(True)
        quiet(self.selection_label)
        self.add_button = QPushButton("&Add a plan…")
        self.add_button.setAccessibleName("Add a plan")
        self.add_button.setToolTip("Plan a gentle reach-out (Ctrl+Shift+P)")
        self.edit_button = QPushButton("&Change…")
        self.edit_button.setAccessibleName("Change the selected plan")
        self.edit_button.setToolTip("Change the selected plan (Enter)")
        self.pause_button = QPushButton("Pa&use")
        self.pause_button.setAccessibleName("Pause the selected plan")
        self.pause_button.setToolTip("Keep the plan, but don't suggest it for now")
        self.delete_button = QPushButton("De&lete…")
        self.delete_button.setAccessibleName("Delete the selected plan")
        self.delete_button.setToolTip("Delete the selected plan (Del); you can undo")
        self.note = UndoNote(undo_stack, undo_context=undo_context)

        buttons = QHBoxLayout()
        buttons.setSpacing(8)
        buttons.addWidget(self.selection_label, 1)
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.pause_button)
        buttons.addWidget(self.delete_button)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.add_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 8)
        layout.setSpacing(8)
        layout.addLayout(top)
        layout.addWidget(self.intro)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.note)
        layout.addLayout(buttons)
        for first, second in itertools.pairwise(
            [
                self.add_button,
                self.table,
                self.edit_button,
                self.pause_button,
                self.delete_button,
                self.note.undo_button,
            ]
        ):
            QWidget.setTabOrder(first, second)

    def show_empty(self, text: str, more: str = EMPTY_PLANS_MORE) -> None:
        self.stack.show_message(text, more)

    def show_table(self) -> None:
        self.stack.show_table()


class PlansPanelController(TargetRowsController):
    """Fills one target's plans from the repositories and turns the buttons into commands.

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
        try:
            return self._clock().astimezone(ZoneInfo(self.user_zone)).date()
        except (ZoneInfoNotFoundError, ValueError):
            return self._clock().date()

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
        self.view.heading.setText(f"Plans with {self.name}" if self.name else "Plans")
        self.view.add_button.setEnabled(bool(self.name) and not self.gone)
        last = self._last_contact() if not self.gone else None
        self.model.set_plans(plans, self.user_zone, self._clock(), last)
        if self.model.rowCount():
            self.view.show_table()
            self._size_columns()
        elif self.gone:
            self.view.show_empty(GONE.format(name=self.name or "They"), "")
        else:
            self.view.show_empty(EMPTY_PLANS.format(name=self.name or "them"))
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
        spare = table.fontMetrics().averageCharWidth() * 4
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
        view.edit_button.setEnabled(has)
        view.delete_button.setEnabled(has)
        view.pause_button.setEnabled(has)
        paused = plan is not None and plan.paused
        view.pause_button.setText("Res&ume" if paused else "Pa&use")
        view.pause_button.setAccessibleName(
            "Resume the selected plan" if paused else "Pause the selected plan"
        )
        view.pause_button.setToolTip(
            "Suggest this plan again" if paused else "Keep the plan, but don't suggest it for now"
        )
        if plan is None:
            view.selection_label.setText(NOTHING_SELECTED)
        else:
            state = " (paused)" if plan.paused else ""
            view.selection_label.setText(f"Selected: {plan_name(plan, self.name)}{state}")

    # --- changing --------------------------------------------------------------------------

    def _last_contact(self) -> datetime | None:
        checkins = self._source.checkins
        if self.kind == PERSON:
            return checkins.last_contact_by_person().get(self.target_id)
        return checkins.last_contact_by_group().get(self.target_id)

    def _ideas(self) -> list[str]:
        ideas = getattr(self._source, "ideas", None)
        if ideas is None:
            return []
        try:
            return [idea.text for idea in ideas.list_all()]
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
            ideas=self._ideas(),
        )
        self.editor = editor
        editor.finished.connect(self._editor_closed)
        editor.open()
        return editor

    def _editor_closed(self, *_args: Any) -> None:
        editor, self.editor = self.editor, None
        if editor is not None:
            editor.deleteLater()

    def add_plan(self) -> PlanEditor | None:
        """Open the editor for a new plan for this person or group."""
        if not self.name or self.gone:
            return None
        plan = new_plan(self.kind, self.target_id, self._today(), self.user_zone)

        def save(plan: Plan) -> Plan:
            name = plan_name(plan, self.name)
            command = AddPlanCommand.perform(self._ctx, plan, name)
            self._stack.push(command)
            self.view.note.show_note(f"Added {name}.")
            self.status.emit(f"Added {name}")
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
            self.view.note.show_note(f"Saved {name}.")
            self.status.emit("Saved")
            return command.saved or after

        return self._open_editor(plan, save)

    def toggle_pause(self) -> bool:
        """Pause the selected plan, or resume it (undoable)."""
        plan = self.selected()
        if plan is None:
            return False
        name = plan_name(plan, self.name)
        paused = not plan.paused
        try:
            command = pause_plan(self._ctx, plan, name, paused)
        except SupportNetError as exc:
            dialogs.show_error(self.view, exc.message, title="SupportNet couldn't change that")
            self.refresh()
            return False
        self._stack.push(command)
        text = (
            f"Paused {name}. It stays here for when you want it."
            if paused
            else (f"Resumed {name}.")
        )
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
            "Delete this plan?",
            f"Delete {name}? The check-ins you logged stay. You can undo this.",
            yes_text="Delete the plan",
            no_text="Keep it",
        ):
            return False
        row = self.view.table.selectionModel().selectedRows()[0].row()
        try:
            command = DeletePlanCommand.perform(self._ctx, plan, name)
        except SupportNetError as exc:
            dialogs.show_error(self.view, exc.message, title="SupportNet couldn't delete that")
            self.refresh()
            return False
        self._stack.push(command)
        self.view.note.show_note(f"Deleted {name}.")
        self.status.emit(f"Deleted {name} (Ctrl+Z brings it back)")
        if self.model.rowCount():
            self.view.table.selectRow(min(row, self.model.rowCount() - 1))
            self.view.table.setFocus()
        else:
            self.view.add_button.setFocus()
        return True


class PlansAndHistoryDialog(QDialog):
    """One person's or group's plans and check-in history, in two tabs, in a window.

    Not modal: the main window stays usable beside it. Ctrl+Z and Ctrl+Shift+Z work here
    too, on the window's own undo stack.
    """

    PLANS_TAB = 0
    HISTORY_TAB = 1

    status = Signal(str)

    def __init__(
        self,
        source: Any,
        clock: Callable[[], datetime],
        signals: AppSignals,
        undo_stack: QUndoStack,
        undo_context: UndoContext,
        *,
        kind: str,
        target_id: int,
        user_zone: str | None = None,
        tab: int = 0,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.kind = kind
        self.target_id = target_id
        self.plans = PlansPanelController(
            source,
            clock,
            signals,
            undo_stack,
            undo_context,
            kind=kind,
            target_id=target_id,
            user_zone=user_zone,
            parent=self,
        )
        self.history = HistoryController(
            source,
            clock,
            signals,
            undo_stack,
            undo_context,
            kind=kind,
            target_id=target_id,
            user_zone=user_zone,
            parent=self,
        )
        self.plans.status.connect(self.status)
        self.history.status.connect(self.status)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName("Plans, or check-in history")
        self.tabs.tabBar().setAccessibleName("Plans, or check-in history")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.plans.view, "&Plans")
        self.tabs.addTab(self.history.view, "&History")
        self.tabs.setCurrentIndex(tab)
        self.close_button = QPushButton("Close")
        self.close_button.setAccessibleName("Close")
        self.close_button.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 12, 12)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(buttons)
        self._shortcuts = undo_shortcuts(self, undo_stack)
        signals.people_changed.connect(self._retitle)
        signals.groups_changed.connect(self._retitle)
        self._retitle()
        chars = self.fontMetrics().averageCharWidth()
        self.resize(max(960, chars * 150), max(600, self.fontMetrics().height() * 36))

    def _retitle(self) -> None:
        name = self.plans.name
        title = f"Plans and check-ins: {name}" if name else "Plans and check-ins"
        self.setWindowTitle(title)
        self.setAccessibleName(title)


def open_plans_and_history(
    parent: QWidget,
    source: Any,
    clock: Callable[[], datetime],
    signals: AppSignals,
    undo_stack: QUndoStack,
    undo_context: UndoContext,
    kind: str,
    target_id: int,
    *,
    tab: int = 0,
    status: Callable[[str], None] | None = None,
) -> PlansAndHistoryDialog:
    """Show the plans and history of one person or group (raising it if already open)."""
    for child in parent.findChildren(PlansAndHistoryDialog):
        if child.kind == kind and child.target_id == target_id and child.isVisible():
            child.tabs.setCurrentIndex(tab)
            child.raise_()
            child.activateWindow()
            return child
    dialog = PlansAndHistoryDialog(
        source,
        clock,
        signals,
        undo_stack,
        undo_context,
        kind=kind,
        target_id=target_id,
        tab=tab,
        parent=parent,
    )
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    if status is not None:
        dialog.status.connect(status)
    dialog.show()
    return dialog
