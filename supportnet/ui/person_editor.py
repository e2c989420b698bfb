"""The person editor: every field of a person, checked as you type, never losing what was typed.

Also holds the parts the group editor shares: :class:`EditorDialog` (inline messages, the
Save button that explains itself, asking before throwing changes away), the support-type
checkboxes and the tags field.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from supportnet.errors import Problem, SupportNetError, ValidationError
from supportnet.network import (
    ChannelKind,
    Circle,
    ContactChannel,
    HelpDirection,
    LifeDomain,
    Person,
    SupportType,
)
from supportnet.ui import dialogs
from supportnet.ui.labels import title_label
from supportnet.ui.unlock_dialog import FieldMessage

#: How long typing must pause before the form is checked again.
CHECK_DELAY_MS = 300
SAVE_ERROR_TITLE = "SupportNet couldn't save that"
CRISIS_TEXT = "Okay to contact in a crisis"
KNOWS_TEXT = "Knows what I'm going through"

#: How each field is named in "Check … to save".
FIELD_NAMES = {
    "name": "the name",
    "nickname": "the nickname",
    "pronouns": "the pronouns",
    "circle": "the circle",
    "domain": "the part of life",
    "direction": "the direction of help",
    "support_types": "the kinds of support",
    "channels": "the ways to reach them",
    "best_times": "the best times",
    "notes": "the notes",
    "tags": "the tags",
    "kind": "the kind of group",
    "meeting_schedule": "when it meets",
    "place": "the place",
    "link": "the link",
}


def save_hint(problems: Sequence[Problem]) -> str:
    """One short line beside a disabled Save button, e.g. "Add a name to save"."""
    if not problems:
        return ""
    first = problems[0]
    if first.field == "name" and first.message.startswith("Please add"):
        hint = "Add a name to save"
    else:
        hint = f"Check {FIELD_NAMES.get(first.field, 'the form')} to save"
    others = len({p.field for p in problems} - {first.field})
    if others:
        hint += f" (and {others} more {'thing' if others == 1 else 'things'} above)"
    return hint


def parse_tags(text: str) -> list[str]:
    """Tags typed as "walks, church, school friends"."""
    return [part for part in (p.strip() for p in text.split(",")) if part]


def heading_label(text: str) -> QLabel:
    """A section heading inside a form, with a little air under it."""
    label = QLabel(text)
    font = label.font()
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() * 1.08)
    label.setFont(font)
    label.setAccessibleName(text)
    label.setContentsMargins(0, 0, 0, 4)
    return label


class EnumCombo(QComboBox):
    """A combo box of enum members showing their labels.

    Qt hands a StrEnum back as a plain string, so :meth:`value` turns it back into the member.
    """

    def __init__(self, name: str, enum: type[Any], tooltips: bool = False) -> None:
        super().__init__()
        self.enum = enum
        self.setAccessibleName(name)
        for member in enum:
            self.addItem(member.label, member.value)
            if tooltips and hasattr(member, "description"):
                self.setItemData(self.count() - 1, member.description, Qt.ItemDataRole.ToolTipRole)

    def value(self) -> Any:
        data = self.currentData()
        return self.enum(data) if data is not None else None

    def set_value(self, member: Any) -> None:
        index = self.findData(member.value if member is not None else None)
        if index >= 0:
            self.setCurrentIndex(index)


def enum_combo(name: str, enum: type[Any], tooltips: bool = False) -> EnumCombo:
    return EnumCombo(name, enum, tooltips)


def select_data(combo: EnumCombo, member: Any) -> None:
    combo.set_value(member)


class SupportChecks(QWidget):
    """A checkbox, with its description, for each kind of support; crisis stands apart."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Kinds of support")
        self.boxes: dict[SupportType, QCheckBox] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        for support in SupportType:
            if support is SupportType.CRISIS:
                text = CRISIS_TEXT
                box = QCheckBox(text)
                box.setAccessibleName(text)
            else:
                box = QCheckBox(f"{support.label} — {support.description.lower()}")
                box.setAccessibleName(support.label)
                box.setAccessibleDescription(support.description)
            box.toggled.connect(self.changed)
            self.boxes[support] = box
        for support, box in self.boxes.items():
            if support is not SupportType.CRISIS:
                layout.addWidget(box)

    @property
    def crisis_box(self) -> QCheckBox:
        return self.boxes[SupportType.CRISIS]

    def set_checked(self, support: Iterable[SupportType]) -> None:
        chosen = set(support)
        for kind, box in self.boxes.items():
            box.setChecked(kind in chosen)

    def checked(self) -> set[SupportType]:
        return {kind for kind, box in self.boxes.items() if box.isChecked()}


class _ChannelRow:
    """The widgets of one way to reach someone."""

    def __init__(self, number: int) -> None:
        self.kind = enum_combo(f"Way {number}: how", ChannelKind)
        self.value = QLineEdit()
        self.value.setPlaceholderText("Number, address or handle")
        self.value.setMinimumWidth(self.value.fontMetrics().averageCharWidth() * 18)
        self.value.setToolTip("Optional: a number, an address or a handle")
        self.value.setAccessibleName(f"Way {number}: details")
        self.preferred = QRadioButton("Preferred")
        self.preferred.setAccessibleName(f"Way {number}: preferred")
        self.remove = QPushButton("Remove")
        self.remove.setAccessibleName(f"Remove way {number}")

    def widgets(self) -> tuple[QWidget, ...]:
        return (self.kind, self.value, self.preferred, self.remove)

    def channel(self) -> ContactChannel:
        kind = self.kind.value()
        return ContactChannel(kind, self.value.text(), self.preferred.isChecked())


class ChannelsEditor(QWidget):
    """A small editable list: how (a combo), details, a "preferred" radio; rows come and go."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName("Ways to reach them")
        self.rows: list[_ChannelRow] = []
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        self._grid = QGridLayout()
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setHorizontalSpacing(8)
        self._grid.setColumnStretch(1, 1)
        self.empty_label = QLabel("No ways to reach them noted yet.")
        self.empty_label.setAccessibleName(self.empty_label.text())
        self.add_button = QPushButton("&Add a way to reach them")
        self.add_button.setAccessibleName("Add a way to reach them")
        self.add_button.clicked.connect(self._add_clicked)
        add_row = QHBoxLayout()
        add_row.addWidget(self.add_button)
        add_row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.empty_label)
        layout.addLayout(self._grid)
        layout.addLayout(add_row)

    def set_channels(self, channels: Sequence[ContactChannel]) -> None:
        while self.rows:
            self._remove(self.rows[-1], announce=False)
        for channel in channels:
            self.add_row(channel, announce=False)
        self._update_empty()

    def channels(self) -> list[ContactChannel]:
        return [row.channel() for row in self.rows]

    def add_row(self, channel: ContactChannel | None = None, *, announce: bool = True) -> None:
        row = _ChannelRow(len(self.rows) + 1)
        if channel is not None:
            select_data(row.kind, channel.kind)
            row.value.setText(channel.value)
            row.preferred.setChecked(channel.preferred)
        self._group.addButton(row.preferred)
        keep_height(row.kind)
        keep_height(row.value)
        row.kind.currentIndexChanged.connect(self.changed)
        row.value.textChanged.connect(self.changed)
        row.preferred.toggled.connect(self.changed)
        row.remove.clicked.connect(lambda _=False, r=row: self._remove(r))
        self.rows.append(row)
        self._relayout()
        if announce:
            self.changed.emit()

    def _add_clicked(self) -> None:
        kind = ChannelKind.CALL if not self.rows else ChannelKind.TEXT
        self.add_row(ContactChannel(kind, "", preferred=not self.rows))
        self.rows[-1].kind.setFocus(Qt.FocusReason.OtherFocusReason)

    def _remove(self, row: _ChannelRow, *, announce: bool = True) -> None:
        index = self.rows.index(row)
        self.rows.remove(row)
        self._group.removeButton(row.preferred)
        for widget in row.widgets():
            self._grid.removeWidget(widget)
            widget.hide()
            widget.deleteLater()
        self._relayout()
        if announce:
            # Keyboard focus goes somewhere sensible, not back to the top of the dialog.
            if self.rows:
                self.rows[min(index, len(self.rows) - 1)].value.setFocus()
            else:
                self.add_button.setFocus()
            self.changed.emit()

    def _relayout(self) -> None:
        previous: QWidget | None = None
        for number, row in enumerate(self.rows, start=1):
            for column, widget in enumerate(row.widgets()):
                self._grid.addWidget(widget, number - 1, column)
            row.kind.setAccessibleName(f"Way {number}: how")
            row.value.setAccessibleName(f"Way {number}: details")
            row.preferred.setAccessibleName(f"Way {number}: preferred")
            row.remove.setAccessibleName(f"Remove way {number}")
            for widget in row.widgets():
                if previous is not None:
                    QWidget.setTabOrder(previous, widget)
                previous = widget
        if previous is not None:
            QWidget.setTabOrder(previous, self.add_button)
        self._update_empty()

    def _update_empty(self) -> None:
        self.empty_label.setVisible(not self.rows)


class EditorDialog(QDialog):
    """Shared behaviour of the person and group editors.

    Subclasses build the fields, register each field's message with :meth:`message_for`,
    and implement :meth:`build` (the domain object the form holds right now).
    ``on_save`` stores the object; if it raises, the dialog stays open with everything typed.
    """

    saved = Signal(object)

    def __init__(
        self,
        title: str,
        on_save: Callable[[Any], Any],
        *,
        existing: bool,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.setModal(True)
        self._on_save = on_save
        self._existing = existing
        self.messages: dict[str, FieldMessage] = {}
        self.field_widgets: dict[str, QWidget] = {}
        self._touched: set[str] = set()
        self._show_all = existing
        self._initial: Any = None
        self._problems: list[Problem] = []
        self._check_timer = QTimer(self)
        self._check_timer.setSingleShot(True)
        self._check_timer.setInterval(CHECK_DELAY_MS)
        self._check_timer.timeout.connect(self.check_now)

        self.save_button = QPushButton("&Save")
        self.save_button.setAccessibleName("Save")
        self.save_button.setDefault(True)
        self.save_button.setAutoDefault(True)
        self.save_button.clicked.connect(self.save)
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setAccessibleName("Cancel")
        self.cancel_button.clicked.connect(self.reject)
        self.save_hint = QLabel()
        self.save_hint.setAccessibleName("Why Save is not available yet")
        self.save_hint.setWordWrap(True)
        self.save_hint.setTextFormat(Qt.TextFormat.PlainText)
        self.save_hint.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.save_hint.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)

    # --- for subclasses --------------------------------------------------------------------

    def message_for(
        self, field: str, accessible_name: str, widget: QWidget | None = None
    ) -> FieldMessage:
        """The message line under ``field``; ``widget`` also gets it as its description."""
        message = FieldMessage(accessible_name)
        self.messages[field] = message
        if widget is not None:
            self.field_widgets[field] = widget
        return message

    def lay_out(self, heading: QWidget, left: QVBoxLayout, right: QVBoxLayout) -> None:
        """The form: ``heading``, two columns, then notes and tags across, then buttons.

        Expects ``notes_field`` and ``tags_field``.
        """
        columns = QHBoxLayout()
        columns.setSpacing(32)
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)

        bottom = QVBoxLayout()
        bottom.setSpacing(2)
        notes, tags = self.notes_field, self.tags_field  # type: ignore[attr-defined]
        add_field(bottom, "No&tes", notes, self.message_for("notes", "Notes: message"))
        add_field(bottom, "Ta&gs", tags, self.message_for("tags", "Tags: message"))

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 18)
        layout.setSpacing(8)
        layout.addWidget(heading)
        layout.addLayout(columns)
        layout.addLayout(bottom)
        layout.addLayout(self.buttons_row())

    def buttons_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(12)
        row.addWidget(self.save_hint, 1)
        row.addWidget(self.cancel_button)
        row.addWidget(self.save_button)
        return row

    def watch(self, field: str, signal: Any) -> None:
        """Check the form again (after a pause) whenever ``signal`` fires."""
        signal.connect(lambda *_args, f=field: self.field_changed(f))

    def build(self) -> Any:
        raise NotImplementedError

    def subject(self) -> str:
        """What this form is about, for "You've made changes to …"."""
        raise NotImplementedError

    def finish_setup(self) -> None:
        """Call once the fields hold their first values."""
        self._initial = self.build()
        self.check_now()

    # --- behaviour -------------------------------------------------------------------------

    def field_changed(self, field: str) -> None:
        self._touched.add(field)
        self._check_timer.start()

    @property
    def problems(self) -> list[Problem]:
        return list(self._problems)

    def check_now(self) -> list[Problem]:
        """Run the domain object's own checks and show each message under its field."""
        self._check_timer.stop()
        self._problems = self.build().normalised().problems()
        self._show_problems(self._problems)
        return self._problems

    def _show_problems(self, problems: Sequence[Problem]) -> None:
        by_field: dict[str, list[str]] = {}
        for problem in problems:
            by_field.setdefault(problem.field, []).append(problem.message)
        for field, message in self.messages.items():
            shown = self._show_all or field in self._touched
            text = "\n".join(by_field.get(field, [])) if shown else ""
            message.set_message(text)
            widget = self.field_widgets.get(field)
            if widget is not None:
                # A screen reader hears the message when the field takes the focus.
                widget.setAccessibleDescription(text)
        hint = save_hint(problems)
        self.save_button.setEnabled(not problems)
        self.save_hint.setText(hint)
        tooltip = "\n".join(p.message for p in problems)
        self.save_button.setToolTip(f"{hint}.\n{tooltip}" if hint else "")
        self.save_button.setAccessibleDescription(hint)

    def is_dirty(self) -> bool:
        return self._initial is not None and self.build() != self._initial

    def save(self) -> None:
        """Store the form through ``on_save``; close only if that worked."""
        if self.check_now():
            return
        try:
            saved = self._on_save(self.build().normalised())
        except ValidationError as exc:
            self._show_all = True
            self._show_problems(exc.problems)
            return
        except SupportNetError as exc:
            dialogs.show_error(self, exc.message, title=SAVE_ERROR_TITLE)
            return
        except OSError as exc:
            dialogs.show_error(
                self,
                f"Your changes are still here. The computer said: {exc}",
                title=SAVE_ERROR_TITLE,
            )
            return
        self._initial = self.build()
        self.saved.emit(saved)
        self.accept()

    def reject(self) -> None:
        if self.is_dirty() and not dialogs.confirm_discard(self, self.subject()):
            return
        self._check_timer.stop()
        super().reject()


def with_message(field: QWidget, message: FieldMessage) -> QWidget:
    """A field with its message right under it."""
    holder = QWidget()
    layout = QVBoxLayout(holder)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    layout.addWidget(field)
    layout.addWidget(message)
    return holder


def add_field(layout: QVBoxLayout, label_text: str, field: QWidget, message: FieldMessage) -> None:
    """A label above its field, the field, then the field's message."""
    label = QLabel(label_text)
    label.setBuddy(field)
    keep_height(field)
    layout.addWidget(label)
    layout.addWidget(field)
    layout.addWidget(message)
    layout.addSpacing(4)


def keep_height(field: QWidget) -> None:
    """One-line fields never get squashed when messages appear; the notes give way instead."""
    if isinstance(field, (QLineEdit, QComboBox)):
        field.setMinimumHeight(field.sizeHint().height())


def hint_label(text: str) -> QLabel:
    """A line of explanation under a field."""
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setAccessibleName(text)
    return label


def notes_field(name: str) -> QPlainTextEdit:
    notes = QPlainTextEdit()
    notes.setAccessibleName(name)
    # Tab moves on to the next field; the notes never trap the keyboard.
    notes.setTabChangesFocus(True)
    notes.setMinimumHeight(notes.fontMetrics().height() * 4)
    return notes


class PersonEditor(EditorDialog):
    """Add or change a person. Every field of :class:`Person` is here."""

    def __init__(
        self,
        person: Person | None,
        on_save: Callable[[Person], Any],
        parent: QWidget | None = None,
        *,
        support: SupportType | None = None,
    ) -> None:
        existing = person is not None and person.id is not None
        title = f"Edit {person.name}" if existing and person is not None else "New person"
        super().__init__(title, on_save, existing=existing, parent=parent)
        self._base = person if person is not None else Person("")

        heading = title_label(title)

        # --- About them
        self.name_field = QLineEdit()
        self.name_field.setAccessibleName("Name")
        self.nickname_field = QLineEdit()
        self.nickname_field.setAccessibleName("Nickname")
        self.nickname_field.setPlaceholderText("What you call them (optional)")
        self.pronouns_field = QLineEdit()
        self.pronouns_field.setAccessibleName("Pronouns")
        self.pronouns_field.setPlaceholderText("e.g. she/her (optional)")
        self.circle_combo = enum_combo("Circle", Circle, tooltips=True)
        self.circle_hint = hint_label("")
        self.circle_hint.setAccessibleName("About this circle")
        self.domain_combo = enum_combo("Part of life", LifeDomain)
        self.direction_combo = enum_combo("Direction of help", HelpDirection)

        # --- How they help
        self.support_checks = SupportChecks()
        self.crisis_check = self.support_checks.crisis_box
        self.knows_check = QCheckBox(KNOWS_TEXT)
        self.knows_check.setAccessibleName(KNOWS_TEXT)

        # --- Reaching them
        self.channels_editor = ChannelsEditor()
        self.best_times_field = QLineEdit()
        self.best_times_field.setAccessibleName("Best times")
        self.best_times_field.setPlaceholderText("e.g. weekday evenings (optional)")

        # --- Notes
        self.notes_field = notes_field("Notes")
        self.tags_field = QLineEdit()
        self.tags_field.setAccessibleName("Tags")
        self.tags_field.setPlaceholderText("Separate with commas, e.g. walks, school friends")

        left = QVBoxLayout()
        left.setSpacing(2)
        left.addWidget(heading_label("About them"))
        add_field(left, "&Name", self.name_field, self.message_for("name", "Name: message"))
        add_field(
            left,
            "Nic&kname",
            self.nickname_field,
            self.message_for("nickname", "Nickname: message"),
        )
        add_field(
            left,
            "&Pronouns",
            self.pronouns_field,
            self.message_for("pronouns", "Pronouns: message"),
        )
        left.addSpacing(8)
        left.addWidget(heading_label("Where they are in your life"))
        add_field(left, "&Circle", self.circle_combo, self.message_for("circle", "Circle: message"))
        left.addWidget(self.circle_hint)
        left.addSpacing(4)
        add_field(
            left,
            "Part of &life",
            self.domain_combo,
            self.message_for("domain", "Part of life: message"),
        )
        add_field(
            left,
            "&Direction of help",
            self.direction_combo,
            self.message_for("direction", "Direction of help: message"),
        )
        left.addStretch(1)

        right = QVBoxLayout()
        right.setSpacing(2)
        right.addWidget(heading_label("How they help"))
        right.addWidget(self.support_checks)
        right.addWidget(self.message_for("support_types", "Kinds of support: message"))
        right.addSpacing(4)
        right.addWidget(self.crisis_check)
        right.addWidget(self.knows_check)
        right.addSpacing(12)
        right.addWidget(heading_label("Reaching them"))
        right.addWidget(self.channels_editor)
        right.addWidget(self.message_for("channels", "Ways to reach them: message"))
        right.addSpacing(4)
        add_field(
            right,
            "&Best times",
            self.best_times_field,
            self.message_for("best_times", "Best times: message"),
        )
        right.addStretch(1)

        self.lay_out(heading, left, right)

        self.field_widgets.update(
            {
                "name": self.name_field,
                "nickname": self.nickname_field,
                "pronouns": self.pronouns_field,
                "circle": self.circle_combo,
                "domain": self.domain_combo,
                "direction": self.direction_combo,
                "support_types": self.support_checks,
                "channels": self.channels_editor,
                "best_times": self.best_times_field,
                "notes": self.notes_field,
                "tags": self.tags_field,
            }
        )
        self._fill(self._base, support)
        self.watch("name", self.name_field.textChanged)
        self.watch("nickname", self.nickname_field.textChanged)
        self.watch("pronouns", self.pronouns_field.textChanged)
        self.watch("circle", self.circle_combo.currentIndexChanged)
        self.watch("domain", self.domain_combo.currentIndexChanged)
        self.watch("direction", self.direction_combo.currentIndexChanged)
        self.watch("support_types", self.support_checks.changed)
        self.watch("knows_situation", self.knows_check.toggled)
        self.watch("channels", self.channels_editor.changed)
        self.watch("best_times", self.best_times_field.textChanged)
        self.watch("notes", self.notes_field.textChanged)
        self.watch("tags", self.tags_field.textChanged)
        self.circle_combo.currentIndexChanged.connect(self._update_circle_hint)
        self._update_circle_hint()
        self.finish_setup()
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 62)
        self.resize(self.sizeHint().expandedTo(self.minimumSizeHint()))
        self.name_field.setFocus()

    def _fill(self, person: Person, support: SupportType | None) -> None:
        self.name_field.setText(person.name)
        self.nickname_field.setText(person.nickname)
        self.pronouns_field.setText(person.pronouns)
        select_data(self.circle_combo, person.circle)
        select_data(self.domain_combo, person.domain)
        select_data(self.direction_combo, person.direction)
        chosen = set(person.support_types)
        if support is not None:
            chosen.add(support)
        self.support_checks.set_checked(chosen)
        self.knows_check.setChecked(person.knows_situation)
        self.channels_editor.set_channels(person.channels)
        self.best_times_field.setText(person.best_times)
        self.notes_field.setPlainText(person.notes)
        self.tags_field.setText(", ".join(person.tags))

    def _update_circle_hint(self) -> None:
        circle = self.circle_combo.value()
        self.circle_hint.setText(circle.description if isinstance(circle, Circle) else "")

    def build(self) -> Person:
        base = self._base
        return Person(
            name=self.name_field.text(),
            circle=self.circle_combo.value(),
            domain=self.domain_combo.value(),
            nickname=self.nickname_field.text(),
            pronouns=self.pronouns_field.text(),
            support_types=self.support_checks.checked(),
            direction=self.direction_combo.value(),
            channels=self.channels_editor.channels(),
            best_times=self.best_times_field.text(),
            notes=self.notes_field.toPlainText(),
            tags=parse_tags(self.tags_field.text()),
            knows_situation=self.knows_check.isChecked(),
            id=base.id,
            uid=base.uid,
            created_at=base.created_at,
            updated_at=base.updated_at,
        )

    def subject(self) -> str:
        name = self.name_field.text().strip()
        return name or "this person"
