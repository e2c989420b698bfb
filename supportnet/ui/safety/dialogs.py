"""Choosing someone from the network for a step, and changing one line of the plan."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtGui import QKeyEvent, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from supportnet.i18n import _
from supportnet.model.network import GroupKind, LifeDomain
from supportnet.model.safety_plan import PlanEntry, Step
from supportnet.model.targets import GROUP, PERSON
from supportnet.ui.safety.entries import LineDelegate
from supportnet.ui.safety.texts import heading as step_heading
from supportnet.ui.safety.texts import placeholder
from supportnet.ui.widgets.buttons import button_row, cancel_button, push_button
from supportnet.ui.widgets.dialogs import DialogWidth, dialog_width, use_width
from supportnet.ui.widgets.field_message import FieldMessage
from supportnet.ui.widgets.labels import buddy_label, quiet, title_label


@dataclass(frozen=True, slots=True)
class Candidate:
    """Someone a step can link to."""

    kind: str
    uid: str
    name: str
    detail: str
    #: Shown first for this step (professionals and services for step 5).
    first: bool = False


def candidates(step: Step, people: Sequence[object], groups: Sequence[object]) -> list[Candidate]:
    """Who ``step`` can link to, in the order the picker shows them."""
    found: list[Candidate] = []
    if PERSON in step.links:
        for person in people:
            domain = person.domain  # type: ignore[attr-defined]
            found.append(
                Candidate(
                    PERSON,
                    person.uid,  # type: ignore[attr-defined]
                    person.display_name,  # type: ignore[attr-defined]
                    f"{person.circle.label} · {domain.label}",  # type: ignore[attr-defined]
                    first=step is Step.PROFESSIONALS and domain == LifeDomain.PROFESSIONALS,
                )
            )
    if GROUP in step.links:
        for group in groups:
            kind = GroupKind(group.kind)  # type: ignore[attr-defined]
            found.append(
                Candidate(
                    GROUP,
                    group.uid,  # type: ignore[attr-defined]
                    group.name,  # type: ignore[attr-defined]
                    kind.label,
                    first=step is Step.PROFESSIONALS
                    and (
                        kind is GroupKind.SERVICE or group.domain == LifeDomain.PROFESSIONALS  # type: ignore[attr-defined]
                    ),
                )
            )
    return sorted(found, key=lambda c: (not c.first, c.name.casefold()))


_NAME_ROLE = Qt.ItemDataRole.UserRole + 1
_KIND_ROLE = Qt.ItemDataRole.UserRole + 2


class _Search(QLineEdit):
    """The search field: Down goes into the list, Enter chooses the one shown first."""

    def __init__(self, picker: NetworkPicker) -> None:
        super().__init__()
        self._picker = picker

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_PageDown):
            self._picker.list.setFocus()
            if not self._picker.list.currentIndex().isValid():
                self._picker.list.setCurrentIndex(self._picker.proxy.index(0, 0))
            return
        super().keyPressEvent(event)


class NetworkPicker(QDialog):
    """Pick a person or group for a step: a search field over a list, keyboard first."""

    def __init__(
        self, step: Step, found: Sequence[Candidate], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        heading = step_heading(step)
        self.setWindowTitle(_("Add from my network"))
        self.setAccessibleName(_("Add from my network to {heading}").format(heading=heading))
        self.chosen: Candidate | None = None
        self._found = list(found)

        self.model = QStandardItemModel(self)
        for number, candidate in enumerate(self._found):
            item = QStandardItem(f"{candidate.name}\n{candidate.detail}")
            item.setData(number, Qt.ItemDataRole.UserRole)
            item.setData(candidate.name, _NAME_ROLE)
            said = (
                _("{name}, group, {detail}")
                if candidate.kind == GROUP
                else _("{name}, person, {detail}")
            )
            item.setData(
                said.format(name=candidate.name, detail=candidate.detail),
                Qt.ItemDataRole.AccessibleTextRole,
            )
            item.setEditable(False)
            self.model.appendRow(item)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterRole(_NAME_ROLE)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)

        self.search = _Search(self)
        self.search.setAccessibleName(_("Search names"))
        self.search.setPlaceholderText(_("Type to find someone"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._filter)
        self.list = QListView()
        self.list.setModel(self.proxy)
        self.list.setAccessibleName(_("People and groups"))
        self.list.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.list.setItemDelegate(LineDelegate(self.list))
        # Every row is a name and one line under it: measured once, fast at 5,000 people.
        self.list.setUniformItemSizes(True)
        self.list.activated.connect(lambda _index: self.accept())
        self.list.doubleClicked.connect(lambda _index: self.accept())
        self.empty = quiet(QLabel(""))
        self.empty.setWordWrap(True)

        self.choose_button = push_button(
            _("Add"), _("Add the one chosen"), default=True, on_click=self.accept
        )
        layout = QVBoxLayout(self)
        layout.addWidget(title_label(heading))
        layout.addWidget(buddy_label(_("Find someone:"), self.search))
        layout.addWidget(self.search)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty)
        layout.addLayout(button_row(self.choose_button, cancel_button(self)))
        self.resize(dialog_width(self, DialogWidth.SMALL), 480)
        self._filter("")
        self.search.setFocus()

    def _filter(self, text: str) -> None:
        self.proxy.setFilterFixedString(text.strip())
        shown = self.proxy.rowCount()
        if shown:
            self.list.setCurrentIndex(self.proxy.index(0, 0))
        if not self._found:
            self.empty.setText(_("There's nobody to choose yet. You can type a line instead."))
        elif not shown:
            self.empty.setText(_("Nobody by that name. Try fewer letters."))
        else:
            self.empty.setText("")
        self.empty.setVisible(bool(self.empty.text()))
        self.choose_button.setEnabled(shown > 0)

    def accept(self) -> None:
        index = self.list.currentIndex()
        if not index.isValid():
            return
        self.chosen = self._found[int(index.data(Qt.ItemDataRole.UserRole))]
        super().accept()


class EntryDialog(QDialog):
    """Change one line: its words, or (for a link) unlink it or choose someone else."""

    def __init__(
        self,
        step: Step,
        entry: PlanEntry,
        shown_name: str,
        in_network: bool,
        choose: Callable[[QWidget], Candidate | None] | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        heading = step_heading(step)
        self.setWindowTitle(_("Edit this line"))
        self.setAccessibleName(_("Edit a line in {heading}").format(heading=heading))
        self._step = step
        self._original = entry
        self._link: tuple[str, str] | None = (
            (entry.target_kind or PERSON, entry.target_uid) if entry.target_uid else None
        )
        self._name = shown_name
        self._in_network = in_network
        self._choose = choose

        self.field = QLineEdit(shown_name if entry.is_link else entry.text)
        self.field.setAccessibleName(_("The line's words"))
        self.field.setPlaceholderText(placeholder(step))
        #: Why the words can't be kept, under the field (hidden when there's nothing).
        self.problem = FieldMessage(_("About the line's words"))
        self.field.textEdited.connect(lambda _text: self._show_problem(""))
        self.link_label = QLabel()
        self.link_label.setWordWrap(True)
        self.link_label.setTextFormat(Qt.TextFormat.PlainText)
        self.link_label.setAccessibleName(_("Linked to"))
        self.unlink_button = push_button(
            _("Keep as typed words"),
            _("Keep as typed words, not linked to the network"),
            tip=_("The words stay; the line no longer follows their record"),
            on_click=self._unlink,
        )
        self.choose_button = push_button(
            _("Choose from my network…"),
            _("Choose someone else from my network"),
            on_click=self._choose_other,
        )
        self.choose_button.setVisible(choose is not None)
        # Never narrower than their words (German runs longer): the dialog widens instead.
        for button in (self.choose_button, self.unlink_button):
            button.setSizePolicy(QSizePolicy.Policy.Minimum, button.sizePolicy().verticalPolicy())
        self.save_button = push_button(_("Save"), _("Save"), default=True, on_click=self.accept)

        layout = QVBoxLayout(self)
        layout.addWidget(title_label(heading))
        layout.addWidget(buddy_label(_("Words:"), self.field))
        layout.addWidget(self.field)
        layout.addWidget(self.problem)
        layout.addWidget(self.link_label)
        links = QHBoxLayout()
        links.addWidget(self.choose_button)
        links.addWidget(self.unlink_button)
        links.addStretch(1)
        layout.addLayout(links)
        layout.addStretch(1)
        layout.addLayout(button_row(self.save_button, cancel_button(self)))
        use_width(self, DialogWidth.SMALL)
        # Wider when its buttons' words need it (German runs longer).
        self.setMinimumWidth(max(self.minimumWidth(), layout.minimumSize().width()))
        self.resize(self.minimumWidth(), 220)
        self._show_link()
        self.field.setFocus()
        if self._link is not None:
            self.field.deselect()

    def _show_link(self) -> None:
        linked = self._link is not None
        self.field.setReadOnly(linked)
        self.unlink_button.setVisible(linked)
        if not linked:
            self.link_label.setText("")
            self.link_label.setVisible(False)
            return
        if self._in_network:
            text = _("Linked to {name} in your network: the name follows their record.").format(
                name=self._name
            )
        else:
            text = _(
                "{name} is no longer in your network. You can keep the words or choose someone."
            ).format(name=self._name)
        self.link_label.setText(text)
        self.link_label.setVisible(True)

    def _unlink(self) -> None:
        self._link = None
        self._show_link()
        self.field.setFocus()
        self.field.selectAll()

    def _choose_other(self) -> None:
        if self._choose is None:
            return
        chosen = self._choose(self)
        if chosen is None:
            return
        self._link = (chosen.kind, chosen.uid)
        self._name = chosen.name
        self._in_network = True
        self.field.setText(chosen.name)
        self._show_link()

    def _show_problem(self, message: str) -> None:
        self.problem.set_message(message)
        self.field.setAccessibleDescription(message)

    def accept(self) -> None:
        problems = self.entry().problems(self._step) if self._link is None else []
        if problems:
            self._show_problem(problems[0].message)
            self.field.setFocus()
            return
        super().accept()

    def entry(self) -> PlanEntry:
        """The line as the dialog leaves it (the tick kept only for the same person)."""
        if self._link is None:
            return PlanEntry.typed(self.field.text())
        kind, uid = self._link
        same = uid == self._original.target_uid
        return PlanEntry.link(kind, uid, self._name, they_know=same and self._original.they_know)
