"""One step of the plan on the page: heading, hint, its lines and what can be done with them."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from supportnet.i18n import _
from supportnet.model.safety_plan import Step
from supportnet.safety.wording import (
    STEP_TEXT,
    TELL_THEM_IDEA,
    empty_text,
    numbered_heading,
)
from supportnet.ui.safety.entries import EntriesModel, EntryList
from supportnet.ui.safety.texts import (
    ADD_LINKED_TEXT,
    ADD_TEXT,
    COPY_TEXT,
    CRISIS_HEADING,
    EDIT_TEXT,
    REMOVE_TEXT,
    TELL_ONE,
    heading,
    names_text,
    placeholder,
)
from supportnet.ui.widgets.buttons import push_button
from supportnet.ui.widgets.field_message import FieldMessage
from supportnet.ui.widgets.labels import quiet

if TYPE_CHECKING:
    from supportnet.safety.crisis_lines import CountryHelp


def _label(text: str, name: str = "", *, scale: float = 1.0, bold: bool = False) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setAccessibleName(name or text)
    if scale != 1.0 or bold:
        font = label.font()
        font.setPointSizeF(font.pointSizeF() * scale)
        font.setBold(bold)
        label.setFont(font)
    return label


class StepSection(QFrame):
    """A step: what it is for, its lines in order, a field to add one, and buttons."""

    #: The typed words of a new line.
    add_requested = Signal(str)
    add_linked_requested = Signal()
    copy_requested = Signal()

    def __init__(self, step: Step, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.step = step
        words = STEP_TEXT[step]
        heading_text = heading(step)
        self.setAccessibleName(heading_text)
        self.setFrameShape(QFrame.Shape.NoFrame)

        self.heading_label = _label(numbered_heading(step), heading_text, scale=1.2, bold=True)
        self.hint_label = quiet(
            _label(words.hint, _("About {heading}").format(heading=heading_text))
        )
        self.model = EntriesModel(step, self)
        self.list = EntryList(self.model, heading_text)
        empty = empty_text(step)
        self.empty_label = quiet(
            _label(empty, _("{heading}: {empty}").format(heading=heading_text, empty=empty))
        )

        self.field = QLineEdit()
        self.field.setAccessibleName(_("A new line for {heading}").format(heading=heading_text))
        self.field.setPlaceholderText(placeholder(step))
        self.field.setToolTip(_("Type a line and press Enter to add it"))
        self.field.returnPressed.connect(self._add)
        #: Why the typed line can't be added, under the field (hidden when there's nothing).
        self.problem = FieldMessage(
            _("About the new line for {heading}").format(heading=heading_text)
        )
        self.field.textEdited.connect(lambda _text: self.show_problem(""))
        self.add_button = push_button(
            _(ADD_TEXT),
            _("Add a line to {heading}").format(heading=heading_text),
            tip=_("Add what you typed"),
            on_click=self._add,
        )
        self.add_linked_button: QPushButton | None = None
        if step.links:
            self.add_linked_button = push_button(
                _(ADD_LINKED_TEXT),
                _("Add someone from my network to {heading}").format(heading=heading_text),
                tip=_("Choose a person or group from your network"),
                on_click=self.add_linked_requested.emit,
            )
        self.edit_button = push_button(
            _(EDIT_TEXT),
            _("Edit the chosen line in {heading}").format(heading=heading_text),
            tip=_("Edit the chosen line (F2)"),
        )
        self.remove_button = push_button(
            _(REMOVE_TEXT),
            _("Remove the chosen line from {heading}").format(heading=heading_text),
            tip=_("Take the chosen line out (Delete); you can undo it"),
        )

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.heading_label)
        layout.addWidget(self.hint_label)
        layout.addWidget(self.list)
        layout.addWidget(self.empty_label)

        self.tell_label: QLabel | None = None
        self.copy_button: QPushButton | None = None
        if step.has_they_know:
            self.tell_label = quiet(_label("", _("A suggestion")))
            self.copy_button = push_button(
                _(COPY_TEXT),
                _("Copy a message idea for telling them"),
                tip=_(TELL_THEM_IDEA),
                on_click=self.copy_requested.emit,
            )
            self.tell_row = QWidget()
            tell = QHBoxLayout(self.tell_row)
            tell.setContentsMargins(0, 0, 0, 0)
            tell.addWidget(self.tell_label, 1)
            tell.addWidget(self.copy_button, 0, Qt.AlignmentFlag.AlignTop)
            layout.addWidget(self.tell_row)

        row = QHBoxLayout()
        row.setSpacing(8)
        row.addWidget(self.field, 1)
        row.addWidget(self.add_button)
        if self.add_linked_button is not None:
            row.addWidget(self.add_linked_button)
        layout.addLayout(row)
        layout.addWidget(self.problem)
        changes = QHBoxLayout()
        changes.setSpacing(8)
        changes.addWidget(self.edit_button)
        changes.addWidget(self.remove_button)
        changes.addStretch(1)
        self.changes_row = QWidget()
        self.changes_row.setLayout(changes)
        changes.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.changes_row)

        self.crisis_label: QLabel | None = None
        if step is Step.PROFESSIONALS:
            self.crisis_label = _label("", _(CRISIS_HEADING))
            self.crisis_label.setTextFormat(Qt.TextFormat.RichText)
            self.crisis_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.crisis_frame = QFrame()
            self.crisis_frame.setFrameShape(QFrame.Shape.StyledPanel)
            self.crisis_frame.setAccessibleName(_(CRISIS_HEADING))
            crisis = QVBoxLayout(self.crisis_frame)
            crisis.setContentsMargins(12, 10, 12, 10)
            crisis.addWidget(self.crisis_label)
            layout.addWidget(self.crisis_frame)

        self.list.selectionModel().selectionChanged.connect(self._update_buttons)
        self.model.modelReset.connect(self._update_buttons)
        self._update_buttons()

    def controls(self) -> list[QWidget]:
        """Its controls in Tab order."""
        found: list[QWidget] = [self.list, self.field, self.add_button]
        if self.add_linked_button is not None:
            found.append(self.add_linked_button)
        found += [self.edit_button, self.remove_button]
        if self.copy_button is not None:
            found.append(self.copy_button)
        return found

    def set_entries(self, entries: tuple[Any, ...]) -> None:
        row = self.list.current_row()
        self.model.set_entries(entries)
        has = bool(entries)
        self.list.setVisible(has)
        self.empty_label.setVisible(not has)
        # Nothing to change or remove in an empty step: fewer controls to look at.
        self.changes_row.setVisible(has)
        if has and row >= 0:
            self.list.select_row(min(row, len(entries) - 1))
        if self.tell_label is not None:
            untold = [e.name for e in entries if not e.entry.they_know and e.in_network]
            self.tell_label.setText(_(TELL_ONE).format(names=names_text(untold)) if untold else "")
            self.tell_row.setVisible(bool(untold))
        self._update_buttons()

    def set_crisis(self, help: CountryHelp | None) -> None:
        """The crisis lines for the person's country, beside their professionals."""
        if self.crisis_label is None:
            return
        if help is None:
            self.crisis_frame.setVisible(False)
            return
        from supportnet.ui.widgets.one_page import crisis_rows

        self.crisis_label.setText("<br>".join(crisis_rows(help)))
        self.crisis_frame.setVisible(True)

    def show_problem(self, message: str) -> None:
        """Say under the field why the typed line can't be added ("" hides it)."""
        self.problem.set_message(message)
        # A screen reader hears it when the field has the focus.
        self.field.setAccessibleDescription(message)

    def _add(self) -> None:
        text = self.field.text().strip()
        if text:
            self.add_requested.emit(text)
        else:
            self.field.setFocus()

    def _update_buttons(self, *_args: Any) -> None:
        chosen = self.list.current_row() >= 0
        self.edit_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen)
