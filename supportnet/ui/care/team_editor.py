"""The care team editor: name, whom it is for, supporters in order, note and comfortable gap.

It changes the team itself, never the rota: slots and swaps come back as they were, except
that check-ins of a supporter taken off the team become open (nobody yet), as
:meth:`CareTeam.without_supporter` does, so nothing is lost.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from supportnet.i18n import N_, _, ngettext
from supportnet.model.care import MAX_COMFORTABLE_GAP_DAYS, ME, CareTeam
from supportnet.ui.widgets.buttons import button_row, cancel_button, push_button
from supportnet.ui.widgets.dialogs import DialogWidth, open_at_width, unsaved_changes
from supportnet.ui.widgets.editor_form import (
    EditorDialog,
    add_field,
    form_layout,
    heading_label,
    hint_label,
    keep_height,
    notes_field,
    text_field,
    two_columns,
)
from supportnet.ui.widgets.keyboard import tab_order
from supportnet.ui.widgets.labels import buddy_label, quiet, title_label

#: How the user is offered, as the focus person or a supporter.
# Translators: the user, offered as whom a care team is for or as one of its supporters.
ME_TEXT = N_("Me")
#: How someone taken out of the network reads here (their place on the team stays).
GONE_TEXT = N_("Someone no longer in your network")
NOTE_HINT = N_("What helps, what to avoid, how they like to be contacted")

#: The line beside a disabled Save button, by the field that needs a look first.
TEAM_SAVE_HINTS = {
    "name": N_("Check the team's name to save"),
    "focus": N_("Check whom the team is for to save"),
    "supporters": N_("Check the supporters to save"),
    "note": N_("Check the team note to save"),
    "comfortable_gap_days": N_("Check the comfortable gap to save"),
    "slots": N_("Check the supporters to save"),
    "swaps": N_("Check the supporters to save"),
}


def gap_sentence(days: int) -> str:
    """ "Point out stretches longer than 2 days with nobody planned"."""
    if days == 0:
        return _("Point out any day with nobody planned")
    return ngettext(
        "Point out stretches longer than {n} day with nobody planned",
        "Point out stretches longer than {n} days with nobody planned",
        days,
    ).format(n=days)


class SupporterPicker(QDialog):
    """Choose one or more people to add to the team; type to narrow the list."""

    def __init__(self, choices: Sequence[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_("Add supporters"))
        self.setAccessibleName(_("Add supporters"))
        self.setModal(True)
        self.filter_field = text_field(_("Search"), _("Type a name to narrow the list"))
        self.list = QListWidget()
        self.list.setAccessibleName(_("People who could join the team"))
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        for ref, name in choices:
            item = QListWidgetItem(name)
            item.setData(Qt.ItemDataRole.UserRole, ref)
            self.list.addItem(item)
        if self.list.count():
            self.list.setCurrentRow(0)
        self.add_button = push_button(
            _("&Add"), _("Add the chosen people"), default=True, on_click=self.accept
        )
        self.cancel_button = cancel_button(self)
        hint = quiet(hint_label(_("Ctrl or Shift with the arrow keys or a click picks several.")))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 14)
        layout.addWidget(buddy_label(_("&Find"), self.filter_field))
        layout.addWidget(self.filter_field)
        layout.addWidget(buddy_label(_("&Who else is on the team?"), self.list))
        layout.addWidget(self.list, 1)
        layout.addWidget(hint)
        layout.addLayout(button_row(self.cancel_button, self.add_button))
        self.filter_field.textChanged.connect(self._narrow)
        self.list.itemDoubleClicked.connect(lambda _item: self.accept())
        tab_order([self.filter_field, self.list, self.cancel_button, self.add_button])
        self.list.setFocus()

    def _narrow(self, text: str) -> None:
        wanted = text.strip().casefold()
        first = None
        for row in range(self.list.count()):
            item = self.list.item(row)
            hidden = wanted not in item.text().casefold()
            item.setHidden(hidden)
            if hidden:
                item.setSelected(False)
            elif first is None:
                first = item
        if first is not None and (
            self.list.currentItem() is None or self.list.currentItem().isHidden()
        ):
            self.list.setCurrentItem(first)

    def chosen(self) -> list[str]:
        """The refs picked, in the list's order (the current one if none is selected)."""
        picked = [
            self.list.item(row)
            for row in range(self.list.count())
            if self.list.item(row).isSelected() and not self.list.item(row).isHidden()
        ]
        current = self.list.currentItem()
        if not picked and current is not None and not current.isHidden():
            picked = [current]
        return [item.data(Qt.ItemDataRole.UserRole) for item in picked]


class TeamEditorDialog(EditorDialog):
    """Add or change a care team. ``people`` are (uid, display name) of the network.

    :meth:`result_team` is the team the form holds (a copy); the dialog only accepts when
    that team has no problems. The page saves it (with undo).
    """

    SAVE_HINTS = TEAM_SAVE_HINTS
    HINTS_ABOVE = False

    def __init__(
        self,
        people: list[tuple[str, str]],
        team: CareTeam | None,
        parent: QWidget | None = None,
    ) -> None:
        existing = team is not None and team.id is not None
        title = _("Edit the care team") if existing else _("New care team")
        super().__init__(title, lambda built: built, existing=existing, parent=parent)
        self._base = copy.deepcopy(team) if team is not None else CareTeam(name="", focus="")
        self._names = {ME: _(ME_TEXT), **dict(people)}
        self._people = list(people)

        heading = title_label(title)
        intro = hint_label(
            _("A care team shares the check-ins with someone, so nobody carries it alone.")
        )
        intro.setWordWrap(True)

        self.name_field = text_field(_("Team name"), _("e.g. Mum's knee"))
        self.focus_combo = QComboBox()
        self.focus_combo.setAccessibleName(_("Who is the team for?"))
        self.focus_combo.setPlaceholderText(_("Choose someone"))
        for ref, name in self._focus_choices():
            self.focus_combo.addItem(name, ref)
        self.supporters_list = QListWidget()
        self.supporters_list.setAccessibleName(_("Supporters, in order"))
        self.supporters_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        rows = self.supporters_list.fontMetrics().height() + 8
        self.supporters_list.setMinimumHeight(rows * 5)
        self.add_button = push_button(_("&Add…"), _("Add supporters"), on_click=self.add_supporters)
        self.remove_button = push_button(
            _("&Remove"), _("Remove the selected supporter"), on_click=self.remove_supporter
        )
        self.up_button = push_button(
            _("Move &up"),
            _("Move the selected supporter up"),
            tip=_("Alt+Up"),
            on_click=self.move_up,
        )
        self.down_button = push_button(
            _("Move do&wn"),
            _("Move the selected supporter down"),
            tip=_("Alt+Down"),
            on_click=self.move_down,
        )
        for key, slot in (("Alt+Up", self.move_up), ("Alt+Down", self.move_down)):
            shortcut = QShortcut(QKeySequence(key), self.supporters_list)
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)
            shortcut.activated.connect(slot)
        self.empty_note = quiet(hint_label(_("Nobody yet: add people from your network, or you.")))
        self.empty_note.setWordWrap(True)
        self.opened_note = hint_label("")
        self.opened_note.setWordWrap(True)
        quiet(self.opened_note)
        self.note_field = notes_field(_("Team note"))
        self.note_field.setPlaceholderText(_(NOTE_HINT))
        self.gap_field = QSpinBox()
        self.gap_field.setRange(0, MAX_COMFORTABLE_GAP_DAYS)
        self.gap_field.setAccessibleName(_("Comfortable gap, in days"))
        self.gap_field.lineEdit().setAccessibleName(_("Comfortable gap, in days"))
        self.gap_field.setMinimumWidth(self.gap_field.fontMetrics().averageCharWidth() * 10)
        self.gap_sentence = hint_label("")
        self.gap_sentence.setWordWrap(True)

        left = QVBoxLayout()
        left.setSpacing(2)
        left.addWidget(heading_label(_("The team")))
        add_field(left, _("&Name"), self.name_field, self.message_for("name", _("Name: message")))
        add_field(
            left,
            _("Who is the team &for?"),
            self.focus_combo,
            self.message_for("focus", _("Who the team is for: message"), self.focus_combo),
        )
        left.addWidget(buddy_label(_("Su&pporters"), self.supporters_list))
        buttons = QVBoxLayout()
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.supporters_list, 1)
        row.addLayout(buttons)
        left.addLayout(row)
        left.addWidget(self.empty_note)
        left.addWidget(self.opened_note)
        left.addWidget(
            self.message_for("supporters", _("Supporters: message"), self.supporters_list)
        )
        left.addWidget(self.message_for("slots", _("The rota: message")))
        left.addWidget(self.message_for("swaps", _("Swapped dates: message")))
        left.addStretch(1)

        right = QVBoxLayout()
        right.setSpacing(2)
        right.addWidget(heading_label(_("Looking after them")))
        note_label = buddy_label(_("Team n&ote"), self.note_field)
        right.addWidget(note_label)
        right.addWidget(self.note_field, 1)
        note_hint = quiet(hint_label(_("It's printed on the rota each supporter gets.")))
        note_hint.setWordWrap(True)
        right.addWidget(note_hint)
        right.addWidget(self.message_for("note", _("Team note: message"), self.note_field))
        right.addSpacing(8)
        gap_row = QHBoxLayout()
        gap_row.addWidget(buddy_label(_("Comfortable &gap"), self.gap_field))
        gap_row.addWidget(self.gap_field)
        gap_row.addStretch(1)
        keep_height(self.gap_field)
        right.addLayout(gap_row)
        right.addWidget(self.gap_sentence)
        right.addWidget(
            self.message_for("comfortable_gap_days", _("Comfortable gap: message"), self.gap_field)
        )

        columns = two_columns(left, right)

        layout = form_layout(self, grows=True)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addLayout(columns, 1)
        layout.addLayout(self.buttons_row())

        self._fill(self._base)
        self.bind("name", self.name_field, self.name_field.textChanged)
        self.bind("focus", self.focus_combo, self.focus_combo.currentIndexChanged)
        self.watch("supporters", self.focus_combo.currentIndexChanged)
        self.bind("note", self.note_field, self.note_field.textChanged)
        self.bind("comfortable_gap_days", self.gap_field, self.gap_field.valueChanged)
        self.gap_field.valueChanged.connect(self._update_gap_sentence)
        self.supporters_list.currentRowChanged.connect(self._update_buttons)
        tab_order(
            [
                self.name_field,
                self.focus_combo,
                self.supporters_list,
                self.add_button,
                self.remove_button,
                self.up_button,
                self.down_button,
                self.note_field,
                self.gap_field,
                self.cancel_button,
                self.save_button,
            ]
        )
        self._update_gap_sentence()
        self._update_buttons()
        self._say("")
        self.finish_setup()
        open_at_width(self, DialogWidth.EDITOR)
        self.name_field.setFocus()

    # --- filling and reading -----------------------------------------------------------------

    def _name(self, ref: str) -> str:
        return self._names.get(ref, _(GONE_TEXT))

    def _focus_choices(self) -> list[tuple[str, str]]:
        choices = [(ME, _(ME_TEXT)), *self._people]
        focus = self._base.focus
        if focus and focus not in self._names:
            choices.append((focus, _(GONE_TEXT)))  # keep whom the team is for, even if gone
        return choices

    def _fill(self, team: CareTeam) -> None:
        self.name_field.setText(team.name)
        self.focus_combo.setCurrentIndex(
            self.focus_combo.findData(team.focus) if team.focus else -1
        )
        for ref in team.supporters:
            self._add_item(ref)
        if self.supporters_list.count():
            self.supporters_list.setCurrentRow(0)
        self.note_field.setPlainText(team.note)
        self.gap_field.setValue(team.comfortable_gap_days)

    def _add_item(self, ref: str) -> QListWidgetItem:
        item = QListWidgetItem(self._name(ref))
        item.setData(Qt.ItemDataRole.UserRole, ref)
        self.supporters_list.addItem(item)
        return item

    def supporters(self) -> list[str]:
        return [
            self.supporters_list.item(row).data(Qt.ItemDataRole.UserRole)
            for row in range(self.supporters_list.count())
        ]

    def focus(self) -> str:
        data = self.focus_combo.currentData()
        return data if isinstance(data, str) else ""

    def build(self) -> CareTeam:
        team = copy.deepcopy(self._base)
        team.name = self.name_field.text()
        team.focus = self.focus()
        team.note = self.note_field.toPlainText()
        team.comfortable_gap_days = self.gap_field.value()
        supporters = self.supporters()
        for gone in [ref for ref in team.supporters if ref not in supporters]:
            team.without_supporter(gone)  # their check-ins become open, nothing is lost
        team.supporters = supporters
        return team

    def result_team(self) -> CareTeam:
        """The team as the form holds it (a copy, trimmed)."""
        return self.build().normalised()

    def unsaved_message(self) -> str:
        return unsaved_changes("care team", self.name_field.text().strip(), quoted=True)

    # --- behaviour ---------------------------------------------------------------------------

    def add_supporters(self) -> None:
        taken = {*self.supporters(), self.focus()}
        offered = [(ME, _(ME_TEXT)), *self._people]
        choices = [(ref, name) for ref, name in offered if ref not in taken]
        if not choices:
            self._say(_("Everyone in your network is on the team already."))
            return
        picker = SupporterPicker(choices, self)
        if picker.exec() != QDialog.DialogCode.Accepted:
            return
        self.add_refs(picker.chosen())

    def add_refs(self, refs: Sequence[str]) -> None:
        """Put ``refs`` at the end of the supporters (those already there stay where they are)."""
        present = set(self.supporters())
        item = None
        for ref in refs:
            if ref not in present:
                item = self._add_item(ref)
                present.add(ref)
        if item is not None:
            self.supporters_list.setCurrentItem(item)
        self.supporters_list.setFocus()
        self._supporters_changed()

    def remove_supporter(self) -> None:
        row = self.supporters_list.currentRow()
        if row < 0:
            return
        self.supporters_list.takeItem(row)
        if self.supporters_list.count():
            self.supporters_list.setCurrentRow(min(row, self.supporters_list.count() - 1))
            self.supporters_list.setFocus()
        else:
            self.add_button.setFocus()
        self._supporters_changed()

    def move_up(self) -> None:
        self._move(-1)

    def move_down(self) -> None:
        self._move(1)

    def _move(self, step: int) -> None:
        row = self.supporters_list.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < self.supporters_list.count():
            return
        item = self.supporters_list.takeItem(row)
        self.supporters_list.insertItem(target, item)
        self.supporters_list.setCurrentRow(target)
        self.supporters_list.setFocus()
        self._supporters_changed()

    def _supporters_changed(self) -> None:
        self._update_buttons()
        self._update_opened_note()
        self.field_changed("supporters")

    def _update_buttons(self, *_args: object) -> None:
        row = self.supporters_list.currentRow()
        count = self.supporters_list.count()
        self.remove_button.setEnabled(row >= 0)
        self.up_button.setEnabled(row > 0)
        self.down_button.setEnabled(0 <= row < count - 1)
        self.empty_note.setVisible(count == 0)

    def _update_opened_note(self) -> None:
        kept = set(self.supporters())
        gone = [
            ref
            for ref in self._base.supporters
            if ref not in kept and any(slot.supporter == ref for slot in self._base.slots)
        ]
        if not gone:
            text = ""
        elif len(gone) == 1:
            text = _(
                "The check-ins {name} took stay on the rota, open for someone else to take."
            ).format(name=self._name(gone[0]))
            if gone[0] == ME:
                text = _("The check-ins you took stay on the rota, open for someone else to take.")
        else:
            text = _("Their check-ins stay on the rota, open for someone else to take.")
        self._say(text)

    def _say(self, text: str) -> None:
        self.opened_note.setText(text)
        self.opened_note.setAccessibleName(text or _("About the supporters"))
        self.opened_note.setVisible(bool(text))

    def _update_gap_sentence(self, *_args: object) -> None:
        days = self.gap_field.value()
        # Translators: after the number in the comfortable gap's field, "2 days".
        self.gap_field.setSuffix(ngettext(" day", " days", days))
        text = gap_sentence(days)
        self.gap_sentence.setText(text)
        self.gap_field.setAccessibleDescription(text)

    def _name_missing(self) -> bool:
        # A team without a name yet: say so plainly, as the person editor does.
        return not self.name_field.text().strip()
