"""The contacts preview: every contact with a tick, what comes in, its circle and any
duplicate note; Import brings in the ticked ones (the window does it, as one undo step)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QItemSelectionModel, QSortFilterProxyModel, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from supportnet.i18n import N_, _, ngettext
from supportnet.i18n.calendar_words import words
from supportnet.model.network import Circle
from supportnet.services.contacts_import import FilePreview, PreviewRow, Status
from supportnet.ui.contacts.rows import ContactRowsModel, short_circle
from supportnet.ui.contacts.words import (
    Choice,
    choice_of,
    chosen_count,
    summary_line,
    unreadable_count,
    unreadable_details,
)
from supportnet.ui.widgets.buttons import (
    button_row,
    cancel_button,
    enable_or_say_why,
    push_button,
)
from supportnet.ui.widgets.dialogs import DialogWidth, dialog_width
from supportnet.ui.widgets.disclosure import Disclosure
from supportnet.ui.widgets.keyboard import tab_order

PREVIEW_TITLE = N_("Bring in people from your contacts")
CIRCLE_HINT = N_(
    "New people go to your outer circle unless you choose another; you can move them "
    "on the map later."
)
NOTHING_TICKED = N_("Tick the contacts to bring in.")
MIXED = N_("Several")
CHOICE_TEXTS = {
    Choice.SKIP: N_("Leave out"),
    Choice.ADD: N_("Add as someone new"),
    Choice.MERGE: N_("Merge into the person they look like"),
}


class ContactsTable(QTableView):
    """The rows; Space ticks or unticks every selected row, wherever the focus is in it."""

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space and event.modifiers() in (
            Qt.KeyboardModifier.NoModifier,
            Qt.KeyboardModifier.KeypadModifier,
        ):
            self.toggle_selected()
            return
        super().keyPressEvent(event)

    def toggle_selected(self) -> None:
        dialog = self.window()
        if isinstance(dialog, ContactsPreviewDialog):
            dialog.toggle_selected()


class ContactsPreviewDialog(QDialog):
    """The preview. Accepted: :attr:`rows` say what to bring in and how."""

    def __init__(self, previews: Sequence[FilePreview], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.previews = list(previews)
        self.setWindowTitle(_(PREVIEW_TITLE))
        self.setAccessibleName(_(PREVIEW_TITLE))
        self.model = ContactRowsModel([r for p in previews for r in p.rows], self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(-1)

        heading = QLabel(_(PREVIEW_TITLE))
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setBold(True)
        heading.setFont(font)
        self.summary_label = _line(summary_line(previews), _("Contacts found"))
        unread = unreadable_count(previews)
        if unread and self.model.rows:
            unread += " " + _("The rest are listed below.")
        self.unreadable_label = _line(unread, _("Contacts not read"))
        self.unreadable_label.setVisible(bool(self.unreadable_label.text()))
        self.details = Disclosure(_("&Which ones"), _("Which ones couldn't be read"))
        details = unreadable_details(previews)
        self.details_label = _line("\n".join(details), _("Which ones couldn't be read"))
        self.details_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details.body_layout.addWidget(self.details_label)
        self.details.setVisible(bool(details))

        self.search_field = QLineEdit()
        self.search_field.setPlaceholderText(_("Search the contacts"))
        self.search_field.setAccessibleName(_("Search the contacts"))
        self.search_field.setClearButtonEnabled(True)
        self.search_field.textChanged.connect(self.proxy.setFilterFixedString)
        self.all_button = push_button(
            _("Select &all"),
            _("Select all"),
            tip=_("Tick every new contact shown; those already in your network stay as they are"),
            on_click=self.select_all,
        )
        self.none_button = push_button(
            _("Select &none"),
            _("Select none"),
            tip=_("Untick every contact shown"),
            on_click=self.select_none,
        )

        self.table = ContactsTable()
        self.table.setModel(self.proxy)
        self.table.setAccessibleName(_("Contacts"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        chars = self.table.fontMetrics().averageCharWidth()
        # The circle's column as wide as its longest word ("Äußerer" in German).
        circles = max(self.table.fontMetrics().horizontalAdvance(short_circle(c)) for c in Circle)
        widths = (chars * 24, chars * 38, max(chars * 9, circles + chars * 4))
        for column, width in enumerate(widths):
            header.resizeSection(column, width)
        header.setSectionResizeMode(ContactRowsModel.COL_NOTE, QHeaderView.ResizeMode.Stretch)
        rows_tall = self.table.fontMetrics().height() + 10
        self.table.verticalHeader().setDefaultSectionSize(rows_tall)

        self.circle_combo = QComboBox()
        self.circle_combo.setAccessibleName(_("Circle for the selected contacts"))
        for circle in (Circle.INNER, Circle.MIDDLE, Circle.OUTER):
            self.circle_combo.addItem(circle.label, circle)
        self.circle_combo.activated.connect(self._circle_chosen)
        circle_label = QLabel(_("&Circle:"))
        circle_label.setBuddy(self.circle_combo)
        self.choice_combo = QComboBox()
        self.choice_combo.setAccessibleName(_("For those that look like someone you have"))
        for choice, text in CHOICE_TEXTS.items():
            self.choice_combo.addItem(_(text), choice)
        self.choice_combo.activated.connect(self._choice_chosen)
        self.choice_label = QLabel(_("&Looks like someone you have:"))
        self.choice_label.setBuddy(self.choice_combo)
        self.selected_label = QLabel("")
        self.selected_label.setAccessibleName(_("Selected"))
        chooser = QHBoxLayout()
        chooser.addWidget(self.selected_label)
        chooser.addSpacing(8)
        chooser.addWidget(circle_label)
        chooser.addWidget(self.circle_combo)
        chooser.addSpacing(16)
        chooser.addWidget(self.choice_label)
        chooser.addWidget(self.choice_combo)
        chooser.addStretch(1)
        hint = _line(_(CIRCLE_HINT), _("About circles"))

        self.count_label = _line("", _("To bring in"))
        self.cancel = cancel_button(self)
        self.import_button = push_button(
            _("&Import"), _("Import"), default=True, auto_default=True, on_click=self.accept
        )
        self.import_button.setToolTip(_("Bring in the ticked contacts; Edit ▸ Undo takes them out"))

        search_row = QHBoxLayout()
        search_row.addWidget(self.search_field, 1)
        search_row.addWidget(self.all_button)
        search_row.addWidget(self.none_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(8)
        layout.addWidget(heading)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.unreadable_label)
        layout.addWidget(self.details)
        layout.addLayout(search_row)
        layout.addWidget(self.table, 1)
        layout.addLayout(chooser)
        layout.addWidget(hint)
        layout.addLayout(button_row(self.cancel, self.import_button, lead=self.count_label))
        tab_order(
            [
                self.details.button,
                self.search_field,
                self.all_button,
                self.none_button,
                self.table,
                self.circle_combo,
                self.choice_combo,
                self.cancel,
                self.import_button,
            ]
        )

        self.model.choices_changed.connect(self._update)
        self.model.dataChanged.connect(lambda *_a: self._selection_moved())
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._selection_moved())
        self.resize(dialog_width(self, DialogWidth.BIG), self._height())
        if self.proxy.rowCount():
            self.table.selectionModel().setCurrentIndex(
                self.proxy.index(0, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
        self._update()
        self._selection_moved()
        self.table.setFocus()

    def _height(self) -> int:
        screen = self.screen()
        tall = self.fontMetrics().height() * 36
        if screen is not None:
            tall = min(tall, int(screen.availableGeometry().height() * 0.85))
        return tall

    # --- what is chosen ---------------------------------------------------------------------

    @property
    def rows(self) -> list[PreviewRow]:
        return self.model.rows

    def selected_numbers(self) -> list[int]:
        chosen = self.table.selectionModel().selectedRows()
        return sorted(self.proxy.mapToSource(i).row() for i in chosen)

    def shown_numbers(self) -> list[int]:
        proxy = self.proxy
        return [proxy.mapToSource(proxy.index(i, 0)).row() for i in range(proxy.rowCount())]

    def select_all(self) -> None:
        numbers = [n for n in self.shown_numbers() if self.rows[n].status is Status.NEW]
        self.model.set_choice(numbers, Choice.ADD)

    def select_none(self) -> None:
        self.model.set_choice(self.shown_numbers(), Choice.SKIP)

    def toggle_selected(self) -> None:
        """Space: tick the selected rows, or untick them when all are ticked already."""
        numbers = [n for n in self.selected_numbers() if self.rows[n].status is not Status.UNUSABLE]
        if not numbers:
            return
        left_out = [n for n in numbers if not self.rows[n].include]
        # Only those left out are ticked: a merge already chosen stays a merge.
        self.model.set_choice(left_out or numbers, Choice.ADD if left_out else Choice.SKIP)

    def _circle_chosen(self, _index: int) -> None:
        circle = self.circle_combo.currentData()  # Qt hands a StrEnum back as its text
        if circle is not None:
            self.model.set_circle(self.selected_numbers(), Circle(circle))

    def _choice_chosen(self, _index: int) -> None:
        choice = self.choice_combo.currentData()
        alike = [n for n in self.selected_numbers() if self.rows[n].status is Status.LOOKS_ALIKE]
        if isinstance(choice, Choice):
            self.model.set_choice(alike, choice)

    def _update(self) -> None:
        count = chosen_count(self.rows)
        n = words().number(count)
        self.count_label.setText(
            ngettext(
                "1 contact ticked to bring in.", "{n} contacts ticked to bring in.", count
            ).format(n=n)
        )
        self.import_button.setText(
            ngettext("&Import 1 contact", "&Import {n} contacts", count).format(n=n)
        )
        enable_or_say_why(self.import_button, count > 0, _(NOTHING_TICKED))

    def _selection_moved(self) -> None:
        numbers = self.selected_numbers()
        usable = [n for n in numbers if self.rows[n].status is not Status.UNUSABLE]
        if numbers:
            text = ngettext("1 selected:", "{n} selected:", len(numbers))
            text = text.format(n=words().number(len(numbers)))
        else:
            text = _("None selected:")
        self.selected_label.setText(text)
        self.circle_combo.setEnabled(bool(usable))
        circles = {self.rows[n].item.circle for n in usable}
        _show_common(self.circle_combo, circles)
        alike = [n for n in numbers if self.rows[n].status is Status.LOOKS_ALIKE]
        self.choice_combo.setEnabled(bool(alike))
        self.choice_label.setEnabled(bool(alike))
        can_merge = [n for n in alike if self.rows[n].alike_id is not None]
        merge_at = self.choice_combo.findData(Choice.MERGE)
        one = self.rows[can_merge[0]] if len(can_merge) == 1 == len(alike) else None
        if one:
            text = _("Merge into {name}").format(name=one.alike_name)
        else:
            text = _(CHOICE_TEXTS[Choice.MERGE])
        self.choice_combo.setItemText(merge_at, text)
        _enable_item(self.choice_combo, merge_at, bool(can_merge))
        _show_common(self.choice_combo, {choice_of(self.rows[n]) for n in alike})


def _show_common(combo: QComboBox, values: set[Any]) -> None:
    """The combo shows the value all the selected rows share, or "Several"."""
    mixed = combo.findText(_(MIXED))
    if len(values) == 1:
        if mixed >= 0:
            combo.removeItem(mixed)
        combo.setCurrentIndex(combo.findData(next(iter(values))))
        return
    if not values:
        return
    if mixed < 0:
        combo.addItem(_(MIXED), None)
        mixed = combo.count() - 1
    combo.setCurrentIndex(mixed)


def _enable_item(combo: QComboBox, at: int, enabled: bool) -> None:
    model: Any = combo.model()
    item = model.item(at) if hasattr(model, "item") else None
    if item is not None:
        item.setEnabled(enabled)


def _line(text: str, name: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setAccessibleName(name)
    return label
