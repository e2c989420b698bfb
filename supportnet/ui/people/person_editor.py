"""The person editor: every field of a person, checked as you type, never losing what was typed.

The parts the group and plan editors share live in :mod:`supportnet.ui.widgets.editor_form` (the
dialog and form helpers) and :mod:`supportnet.ui.widgets.editor_widgets` (the compound fields).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QCheckBox, QLineEdit, QVBoxLayout, QWidget

from supportnet.model.network import (
    Circle,
    HelpDirection,
    LifeDomain,
    Person,
    SupportType,
)
from supportnet.ui.widgets.editor_form import (
    EditorDialog,
    add_field,
    heading_label,
    hint_label,
    notes_field,
    parse_tags,
)
from supportnet.ui.widgets.editor_widgets import (
    ChannelsEditor,
    SupportChecks,
    enum_combo,
    select_data,
)
from supportnet.ui.widgets.labels import title_label

KNOWS_TEXT = "Knows what I'm going through"


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
