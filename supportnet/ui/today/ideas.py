"""Message ideas: a small library of first sentences to copy, add to, change and delete."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from supportnet.i18n import N_, _
from supportnet.model.errors import SupportNetError, ValidationError
from supportnet.model.ideas import MessageIdea
from supportnet.services.preferences import IdeasService
from supportnet.ui.widgets.buttons import button_row, push_button
from supportnet.ui.widgets.field_message import FieldMessage
from supportnet.ui.widgets.keyboard import tab_order
from supportnet.ui.widgets.labels import title_label

TITLE = N_("Message ideas")
INTRO = N_(
    "First sentences that make reaching out a little easier. Copy one, change it to sound "
    "like you, or add your own."
)
EMPTY = N_("No ideas here yet. Type one below and choose Add.")
COPIED = N_("Copied")

_Index = QModelIndex | QPersistentModelIndex


def copy_text(text: str) -> None:
    """Put ``text`` on the clipboard."""
    QGuiApplication.clipboard().setText(text)


class IdeasModel(QAbstractListModel):
    """The library as a list; editing a row asks ``on_edit`` to store the new words."""

    ID_ROLE = Qt.ItemDataRole.UserRole

    def __init__(
        self,
        on_edit: Callable[[MessageIdea, str], MessageIdea | None],
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self._ideas: list[MessageIdea] = []
        self._on_edit = on_edit

    def set_ideas(self, ideas: list[MessageIdea]) -> None:
        self.beginResetModel()
        self._ideas = list(ideas)
        self.endResetModel()

    def idea_at(self, row: int) -> MessageIdea:
        return self._ideas[row]

    def ideas(self) -> list[MessageIdea]:
        return list(self._ideas)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ideas)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._ideas):
            return None
        idea = self._ideas[index.row()]
        if role in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.EditRole,
            Qt.ItemDataRole.AccessibleTextRole,
        ):
            return idea.text
        if role == self.ID_ROLE:
            return idea.id
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsEditable if index.isValid() else base

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        idea = self._ideas[index.row()]
        text = str(value)
        if text.strip() == idea.text:
            return False
        saved = self._on_edit(idea, text)
        if saved is None:
            return False
        self._ideas[index.row()] = saved
        self.dataChanged.emit(index, index)
        return True

    def insert(self, idea: MessageIdea, row: int | None = None) -> int:
        row = len(self._ideas) if row is None else max(0, min(row, len(self._ideas)))
        self.beginInsertRows(QModelIndex(), row, row)
        self._ideas.insert(row, idea)
        self.endInsertRows()
        return row

    def remove(self, row: int) -> MessageIdea:
        self.beginRemoveRows(QModelIndex(), row, row)
        idea = self._ideas.pop(row)
        self.endRemoveRows()
        return idea


class IdeasDialog(QDialog):
    """The library, read and written through the ideas service (``services.ideas``).

    Deleting is immediate, with an "Undo" right there in the dialog.
    """

    def __init__(self, repository: IdeasService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._repo = repository
        self._deleted: tuple[int, MessageIdea] | None = None
        self.setWindowTitle(_(TITLE))
        self.setAccessibleName(_(TITLE))

        heading = title_label(_(TITLE))
        intro = QLabel(_(INTRO))
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        intro.setAccessibleName(_("About message ideas"))

        self.model = IdeasModel(self._edit, self)
        self.list_view = QListView()
        self.list_view.setModel(self.model)
        self.list_view.setAccessibleName(_("Message ideas"))
        self.list_view.setAccessibleDescription(_("F2 or double-click changes the selected idea"))
        self.list_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list_view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.list_view.setWordWrap(True)
        self.list_view.setAlternatingRowColors(True)
        self.list_view.setSpacing(4)
        self.list_view.setUniformItemSizes(False)
        self.empty_label = QLabel(_(EMPTY))
        self.empty_label.setAccessibleName(_(EMPTY))
        self.empty_label.setWordWrap(True)

        self.copy_button = QPushButton(_("&Copy"))
        self.copy_button.setAccessibleName(_("Copy the selected idea"))
        self.copy_button.setToolTip(_("Copy the selected idea, to paste into a message"))
        self.edit_button = QPushButton(_("&Edit"))
        self.edit_button.setAccessibleName(_("Edit the selected idea"))
        self.edit_button.setToolTip(_("Edit the words (F2)"))
        self.delete_button = QPushButton(_("&Delete"))
        self.delete_button.setAccessibleName(_("Delete the selected idea"))
        self.delete_button.setToolTip(_("Take it out of the library; you can undo straight away"))
        self.note = QLabel()
        self.note.setAccessibleName(_("Confirmation"))
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        self.undo_button = QPushButton(_("&Undo"))
        self.undo_button.setAccessibleName(_("Undo delete"))
        self.undo_button.setVisible(False)

        self.new_field = QLineEdit()
        self.new_field.setAccessibleName(_("New idea"))
        self.new_field.setPlaceholderText(_("A new idea, e.g. “Fancy a cup of tea this weekend?”"))
        self.add_button = QPushButton(_("&Add"))
        self.add_button.setAccessibleName(_("Add the new idea"))
        self.message = FieldMessage(_("New idea: message"))
        self.close_button = push_button(_("Close"), _("Close"), auto_default=False)

        actions = QHBoxLayout()
        actions.setSpacing(8)
        actions.addWidget(self.copy_button)
        actions.addWidget(self.edit_button)
        actions.addWidget(self.delete_button)
        actions.addSpacing(12)
        actions.addWidget(self.note, 1)
        actions.addWidget(self.undo_button)
        adding = QHBoxLayout()
        adding.setSpacing(8)
        adding.addWidget(self.new_field, 1)
        adding.addWidget(self.add_button)
        closing = button_row(self.close_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 18)
        layout.setSpacing(8)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addWidget(self.list_view, 1)
        layout.addWidget(self.empty_label)
        layout.addLayout(actions)
        layout.addSpacing(6)
        new_label = QLabel(_("&New idea"))
        new_label.setBuddy(self.new_field)
        layout.addWidget(new_label)
        layout.addLayout(adding)
        layout.addWidget(self.message)
        layout.addLayout(closing)

        self.copy_button.clicked.connect(self.copy_selected)
        self.edit_button.clicked.connect(self.edit_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.undo_button.clicked.connect(self.undo_delete)
        self.add_button.clicked.connect(self.add_new)
        self.new_field.returnPressed.connect(self.add_new)
        self.new_field.textChanged.connect(lambda _t: self.message.set_message(""))
        self.close_button.clicked.connect(self.accept)
        self.list_view.selectionModel().selectionChanged.connect(self._update_buttons)
        tab_order(
            [
                self.list_view,
                self.copy_button,
                self.edit_button,
                self.delete_button,
                self.undo_button,
                self.new_field,
                self.add_button,
                self.close_button,
            ]
        )

        self.resize(self.fontMetrics().averageCharWidth() * 80, self.fontMetrics().height() * 30)
        self.refresh()

    # --- reading -------------------------------------------------------------------------------

    def refresh(self) -> None:
        try:
            ideas = self._repo.list_all()
        except SupportNetError as exc:
            self.message.set_message(exc.message)
            ideas = []
        self.model.set_ideas(ideas)
        if ideas:
            self.list_view.setCurrentIndex(self.model.index(0, 0))
        self._update_buttons()

    def selected_row(self) -> int | None:
        rows = self.list_view.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def _update_buttons(self, *_args: Any) -> None:
        has = self.selected_row() is not None
        for button in (self.copy_button, self.edit_button, self.delete_button):
            button.setEnabled(has)
        empty = self.model.rowCount() == 0
        self.empty_label.setVisible(empty)

    def _say(self, text: str) -> None:
        self.note.setText(text)
        self.note.setAccessibleDescription(text)

    # --- acting --------------------------------------------------------------------------------

    def copy_selected(self) -> None:
        row = self.selected_row()
        if row is None:
            return
        copy_text(self.model.idea_at(row).text)
        self._say(_(COPIED))

    def edit_selected(self) -> None:
        row = self.selected_row()
        if row is not None:
            self.list_view.edit(self.model.index(row, 0))

    def _edit(self, idea: MessageIdea, text: str) -> MessageIdea | None:
        try:
            saved: MessageIdea = self._repo.update(
                MessageIdea(text=text, position=idea.position, id=idea.id)
            )
        except SupportNetError as exc:
            # The words stay in the field below, so nothing typed is lost.
            self.new_field.setText(text)
            self.message.set_message(
                _("{problem} Your words are in the box below.").format(problem=exc.message)
            )
            return None
        self._say(_("Saved"))
        return saved

    def add_new(self) -> None:
        text = self.new_field.text()
        try:
            saved = self._repo.add(MessageIdea(text=text))
        except ValidationError as exc:
            self.message.set_message(exc.message)
            self.new_field.setFocus()
            return
        except SupportNetError as exc:
            self.message.set_message(exc.message)
            return
        row = self.model.insert(saved)
        self.new_field.clear()
        self.list_view.setCurrentIndex(self.model.index(row, 0))
        self._say(_("Added"))
        self._update_buttons()

    def delete_selected(self) -> None:
        row = self.selected_row()
        if row is None:
            return
        idea = self.model.idea_at(row)
        try:
            if idea.id is not None:
                self._repo.delete(idea.id)
        except SupportNetError as exc:
            self.message.set_message(exc.message)
            self.refresh()
            return
        self.model.remove(row)
        self._deleted = (row, idea)
        self._say(_("Deleted"))
        self.undo_button.setVisible(True)
        if self.model.rowCount():
            self.list_view.setCurrentIndex(self.model.index(min(row, self.model.rowCount() - 1), 0))
        self._update_buttons()
        self.undo_button.setFocus()

    def undo_delete(self) -> None:
        if self._deleted is None:
            return
        _row, idea = self._deleted
        try:
            saved = self._repo.add(MessageIdea(text=idea.text))
            saved = self._repo.update(MessageIdea(saved.text, position=idea.position, id=saved.id))
        except SupportNetError as exc:
            self.message.set_message(exc.message)
            return
        self._deleted = None
        self.undo_button.setVisible(False)
        self.refresh()
        for r in range(self.model.rowCount()):
            if self.model.idea_at(r).id == saved.id:
                self.list_view.setCurrentIndex(self.model.index(r, 0))
        self._say(_("Back in the library"))
        self.list_view.setFocus()
