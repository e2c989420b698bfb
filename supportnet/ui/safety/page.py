"""The "My plan for hard days" page: shows the plan and makes each change undoably.

Every change (add, change, remove, move, tick) is one command on the undo stack that saves
the whole plan through ``services.safety_plan``; the page then shows the plan as saved.
People renamed or removed elsewhere show up right: the page reads the plan again when the
network changes.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QStandardPaths, QTimer, Signal
from PySide6.QtGui import QGuiApplication, QUndoStack
from PySide6.QtWidgets import QDialog, QWidget

from supportnet.i18n import N_, _
from supportnet.model.errors import SupportNetError
from supportnet.model.safety_plan import PlanEntry, SafetyPlan, Step
from supportnet.safety.wording import PAGE_TITLE
from supportnet.services import Services
from supportnet.ui.safety.dialogs import Candidate, EntryDialog, NetworkPicker, candidates
from supportnet.ui.safety.texts import COPIED, PDF_NAME
from supportnet.ui.safety.view import SafetyPlanPageView
from supportnet.ui.shell.signals import AppSignals
from supportnet.ui.undo.commands import UndoContext
from supportnet.ui.undo.safety_plan_commands import SafetyPlanCommand
from supportnet.ui.widgets import dialogs
from supportnet.ui.widgets.labels import announce

if TYPE_CHECKING:
    from supportnet.safety.crisis_lines import CountryHelp
    from supportnet.safety.resolve import ResolvedPlan

PRINT_ERROR_TITLE = N_("SupportNet couldn't print the plan")
PDF_ERROR_TITLE = N_("SupportNet couldn't save the PDF")
SAVE_ERROR_TITLE = N_("SupportNet couldn't change the plan")


class SafetyPlanPageController(QObject):
    """Wires the page: reads the plan, turns the person's actions into undoable changes."""

    #: (kind, id): open this person's or group's record.
    open_person_requested = Signal(str, int)
    #: A quiet confirmation for the status bar.
    status = Signal(str)

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
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._clock = clock
        self._stack = undo_stack
        self._ctx = undo_context
        self._crisis_help = crisis_help
        self._parent = parent
        self.view = SafetyPlanPageView(parent)
        self.resolved: ResolvedPlan | None = None
        #: Where the last PDF went, to offer the same folder next time.
        self.pdf_dir = QStandardPaths.writableLocation(
            QStandardPaths.StandardLocation.DocumentsLocation
        )

        for step, section in self.view.sections.items():
            section.add_requested.connect(lambda text, s=step: self.add_typed(s, text))
            section.add_linked_requested.connect(lambda s=step: self.add_linked(s))
            section.copy_requested.connect(self.copy_message)
            section.edit_button.clicked.connect(lambda _c=False, s=step: self.edit(s, self._row(s)))
            section.remove_button.clicked.connect(
                lambda _c=False, s=step: self.remove(s, self._row(s))
            )
            section.list.edit_requested.connect(lambda row, s=step: self.edit(s, row))
            section.list.remove_requested.connect(lambda row, s=step: self.remove(s, row))
            section.list.open_requested.connect(lambda row, s=step: self.open_line(s, row))
            section.list.move_requested.connect(lambda a, b, s=step: self.move(s, a, b))
            section.model.they_know_toggled.connect(
                lambda row, on, s=step: self.set_they_know(s, row, on)
            )
        self.view.print_button.clicked.connect(lambda _c=False: self.print_plan())
        self.view.pdf_button.clicked.connect(lambda _c=False: self.save_pdf())

        # The network changing renames or unlinks lines: read again once they settle.
        self._later = QTimer(self)
        self._later.setSingleShot(True)
        self._later.setInterval(0)
        self._later.timeout.connect(self.refresh)
        signals.people_changed.connect(self._later.start)
        signals.groups_changed.connect(self._later.start)
        # The plan's own changes show at once, so Alt+Up pressed again moves the same line.
        signals.safety_plan_changed.connect(self.refresh)
        self.refresh()

    # --- showing -----------------------------------------------------------------------------

    @property
    def plan(self) -> SafetyPlan:
        assert self.resolved is not None
        return self.resolved.plan

    def refresh(self) -> None:
        """Read the plan again and show it."""
        self._later.stop()
        try:
            self.resolved = self._services.safety_plan.view()
        except SupportNetError as exc:
            dialogs.show_error(self._parent, exc.message)
            return
        for step, section in self.view.sections.items():
            section.set_entries(self.resolved.entries(step))
        self.view.sections[Step.PROFESSIONALS].set_crisis(self.crisis())

    def crisis(self) -> CountryHelp | None:
        """The crisis lines for the person's country (None if none are given)."""
        if self._crisis_help is None:
            return None
        return self._crisis_help()

    def _row(self, step: Step) -> int:
        return self.view.sections[step].list.current_row()

    def _entry(self, step: Step, row: int) -> Any:
        entries = self.resolved.entries(step) if self.resolved is not None else ()
        return entries[row] if 0 <= row < len(entries) else None

    # --- changing ----------------------------------------------------------------------------

    def _change(self, after: SafetyPlan, text: str, select: tuple[Step, int] | None) -> bool:
        """Save ``after`` as one undoable change; False (and said why) if it couldn't be."""
        try:
            command = SafetyPlanCommand.perform(self._ctx, after, text)
        except SupportNetError as exc:
            dialogs.show_error(self._parent, exc.message, title=_(SAVE_ERROR_TITLE))
            self.refresh()
            return False
        self._stack.push(command)
        if select is not None:
            step, row = select
            section = self.view.sections[step]
            section.list.select_row(row)
        return True

    def add_typed(self, step: Step, text: str) -> bool:
        """Add typed words at the end of ``step``."""
        entry = PlanEntry.typed(text)
        section = self.view.sections[step]
        problems = entry.problems(step)
        if problems:
            # Said beside the field, so the words typed stay there to be changed.
            section.show_problem(problems[0].message)
            section.field.setFocus()
            return False
        section.show_problem("")
        done = self._change(
            self.plan.added(step, entry),
            _("add a line to your plan"),
            (step, len(self.plan.entries(step))),
        )
        if done:
            section.field.clear()
        return done

    def add_link(self, step: Step, candidate: Candidate) -> bool:
        """Add a person or group from the network at the end of ``step``."""
        entry = PlanEntry.link(candidate.kind, candidate.uid, candidate.name)
        return self._change(
            self.plan.added(step, entry),
            _("add {name} to your plan").format(name=candidate.name),
            (step, len(self.plan.entries(step))),
        )

    def choose(self, step: Step, parent: QWidget | None = None) -> Candidate | None:
        """Ask which person or group (those already in the step are left out)."""
        taken = {e.target_uid for e in self.plan.entries(step) if e.target_uid}
        found = [
            c
            for c in candidates(
                step, self._services.people.list_all(), self._services.groups.list_all()
            )
            if c.uid not in taken
        ]
        picker = NetworkPicker(step, found, parent or self.view)
        self.picker = picker
        try:
            if picker.exec() != QDialog.DialogCode.Accepted:
                return None
            return picker.chosen
        finally:
            self.picker = None
            picker.deleteLater()

    picker: NetworkPicker | None = None
    entry_dialog: EntryDialog | None = None

    def add_linked(self, step: Step) -> bool:
        chosen = self.choose(step)
        return chosen is not None and self.add_link(step, chosen)

    def edit(self, step: Step, row: int) -> bool:
        """Change a line in a small dialog (its words; a link can be unlinked or changed)."""
        shown = self._entry(step, row)
        if shown is None:
            return False
        choose = (lambda parent, s=step: self.choose(s, parent)) if step.links else None
        dialog = EntryDialog(step, shown.entry, shown.name, shown.in_network, choose, self.view)
        self.entry_dialog = dialog
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return False
            after = dialog.entry()
        finally:
            self.entry_dialog = None
            dialog.deleteLater()
        if after == shown.entry:
            return False
        return self._change(self.plan.replaced(step, row, after), _("change a line"), (step, row))

    def remove(self, step: Step, row: int) -> bool:
        if self._entry(step, row) is None:
            return False
        left = len(self.plan.entries(step)) - 1
        select = (step, min(row, left - 1)) if left else None
        if self._change(self.plan.removed(step, row), _("remove a line from your plan"), select):
            self.status.emit(_("Removed a line (Ctrl+Z puts it back)"))
            return True
        return False

    def move(self, step: Step, row: int, new_row: int) -> bool:
        """Move a line within its step, keeping it chosen (for Alt+Up pressed again)."""
        count = len(self.plan.entries(step))
        if not (0 <= row < count and 0 <= new_row < count) or row == new_row:
            return False
        after = self.plan.moved(step, row, new_row)
        return self._change(after, _("move a line in your plan"), (step, new_row))

    def set_they_know(self, step: Step, row: int, knows: bool) -> bool:
        """The person's own tick: only ever set when they tick it."""
        shown = self._entry(step, row)
        if shown is None or not step.has_they_know or shown.entry.they_know == knows:
            return False
        entry = PlanEntry(
            shown.entry.text, shown.entry.target_kind, shown.entry.target_uid, they_know=knows
        )
        if knows:
            text = _("tick that {name} knows").format(name=shown.name)
        else:
            text = _("untick {name}").format(name=shown.name)
        return self._change(self.plan.replaced(step, row, entry), text, (step, row))

    def open_line(self, step: Step, row: int) -> None:
        """Enter or double-click: a linked line opens their record; others are changed."""
        shown = self._entry(step, row)
        if shown is None:
            return
        if shown.kind is not None and shown.target_id is not None and shown.in_network:
            self.open_person_requested.emit(shown.kind, shown.target_id)
        else:
            self.edit(step, row)

    def copy_message(self) -> None:
        """Copy the message idea for telling helpers they're in the plan."""
        from supportnet.safety.wording import TELL_THEM_IDEA

        QGuiApplication.clipboard().setText(_(TELL_THEM_IDEA))
        copied = _(COPIED)
        self.view.show_status(copied)
        announce(self.view.status_label, copied)
        self.status.emit(copied)

    # --- printing ----------------------------------------------------------------------------

    def _help_for_print(self) -> CountryHelp:
        from supportnet.ui.widgets.one_page import help_to_print

        return help_to_print(self.crisis())

    def save_pdf(self, path: Path | None = None) -> Path | None:
        """Save the plan as a one-page PDF (asks where, unless ``path`` is given)."""
        if path is None:
            path = dialogs.ask_pdf_path(
                self._parent,
                _("Save my plan as a PDF"),
                self.pdf_dir or str(Path.home()),
                _(PDF_NAME),
            )
            if path is None:
                return None
        from supportnet.ui.safety.printing import write_plan_pdf

        self.refresh()
        assert self.resolved is not None
        try:
            write_plan_pdf(self.resolved, self._help_for_print(), path)
        except OSError as exc:
            reason = exc.strerror or _("the folder can't be written to")
            dialogs.show_error(
                self._parent,
                _("The plan wasn't saved to {path}: {reason}.").format(path=path, reason=reason),
                title=_(PDF_ERROR_TITLE),
            )
            return None
        self.pdf_dir = str(path.parent)
        note = _("Saved your plan as {name}").format(name=path.name)
        self.view.show_status(note)
        self.status.emit(note)
        return path

    def print_plan(self) -> bool:
        """Print the plan on one page, on a printer the person chooses."""
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        from supportnet.ui.safety.printing import page_layout_for, print_plan

        help = self._help_for_print()
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setPageLayout(page_layout_for(help.code))
        printer.setDocName(_(PAGE_TITLE))
        dialog = QPrintDialog(printer, self._parent)
        dialog.setWindowTitle(_("Print my plan"))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        self.refresh()
        assert self.resolved is not None
        try:
            print_plan(printer, self.resolved, help)
        except OSError:
            dialogs.show_error(
                self._parent,
                _("The printer didn't take the plan. You could save it as a PDF."),
                title=_(PRINT_ERROR_TITLE),
            )
            return False
        self.status.emit(_("Sent your plan to the printer"))
        return True
