"""The group editor: a support group, club, service or online community, every field."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget

from supportnet.model.network import Circle, Group, GroupKind, LifeDomain, SupportType
from supportnet.ui.widgets.editor_form import (
    EditorDialog,
    add_field,
    heading_label,
    hint_label,
    notes_field,
    parse_tags,
)
from supportnet.ui.widgets.editor_widgets import SupportChecks, enum_combo, select_data
from supportnet.ui.widgets.labels import title_label


class GroupEditor(EditorDialog):
    """Add or change a group or community. Every field of :class:`Group` is here."""

    def __init__(
        self,
        group: Group | None,
        on_save: Callable[[Group], Any],
        parent: QWidget | None = None,
        *,
        support: SupportType | None = None,
    ) -> None:
        existing = group is not None and group.id is not None
        title = f"Edit {group.name}" if existing and group is not None else "New group"
        super().__init__(title, on_save, existing=existing, parent=parent)
        self._base = group if group is not None else Group("")

        heading = title_label(title)

        self.name_field = QLineEdit()
        self.name_field.setAccessibleName("Name")
        self.kind_combo = enum_combo("Kind of group", GroupKind)
        self.circle_combo = enum_combo("Circle", Circle, tooltips=True)
        self.circle_hint = hint_label("")
        self.circle_hint.setAccessibleName("About this circle")
        self.domain_combo = enum_combo("Part of life", LifeDomain)
        self.support_checks = SupportChecks()
        self.crisis_check = self.support_checks.crisis_box
        self.schedule_field = QLineEdit()
        self.schedule_field.setAccessibleName("When it meets")
        self.schedule_field.setPlaceholderText("e.g. Thursdays 19:00 (optional)")
        self.place_field = QLineEdit()
        self.place_field.setAccessibleName("Place")
        self.place_field.setPlaceholderText("e.g. the library, room 2 (optional)")
        self.link_field = QLineEdit()
        self.link_field.setAccessibleName("Link")
        self.link_field.setPlaceholderText("A web address (optional)")
        self.notes_field = notes_field("Notes")
        self.tags_field = QLineEdit()
        self.tags_field.setAccessibleName("Tags")
        self.tags_field.setPlaceholderText("Separate with commas, e.g. walks, weekly")

        left = QVBoxLayout()
        left.setSpacing(2)
        left.addWidget(heading_label("About it"))
        add_field(left, "&Name", self.name_field, self.message_for("name", "Name: message"))
        add_field(
            left, "K&ind", self.kind_combo, self.message_for("kind", "Kind of group: message")
        )
        left.addSpacing(8)
        left.addWidget(heading_label("Where it is in your life"))
        add_field(left, "&Circle", self.circle_combo, self.message_for("circle", "Circle: message"))
        left.addWidget(self.circle_hint)
        left.addSpacing(4)
        add_field(
            left,
            "Part of &life",
            self.domain_combo,
            self.message_for("domain", "Part of life: message"),
        )
        left.addStretch(1)

        right = QVBoxLayout()
        right.setSpacing(2)
        right.addWidget(heading_label("How it helps"))
        right.addWidget(self.support_checks)
        right.addWidget(self.message_for("support_types", "Kinds of support: message"))
        right.addSpacing(4)
        right.addWidget(self.crisis_check)
        right.addSpacing(12)
        right.addWidget(heading_label("Meeting"))
        add_field(
            right,
            "&When it meets",
            self.schedule_field,
            self.message_for("meeting_schedule", "When it meets: message"),
        )
        add_field(right, "&Place", self.place_field, self.message_for("place", "Place: message"))
        add_field(right, "Lin&k", self.link_field, self.message_for("link", "Link: message"))
        right.addStretch(1)

        self.lay_out(heading, left, right)

        self.field_widgets.update(
            {
                "name": self.name_field,
                "kind": self.kind_combo,
                "circle": self.circle_combo,
                "domain": self.domain_combo,
                "support_types": self.support_checks,
                "meeting_schedule": self.schedule_field,
                "place": self.place_field,
                "link": self.link_field,
                "notes": self.notes_field,
                "tags": self.tags_field,
            }
        )
        self._fill(self._base, support)
        self._domain_follows_kind = not existing
        self.watch("name", self.name_field.textChanged)
        self.watch("kind", self.kind_combo.currentIndexChanged)
        self.watch("circle", self.circle_combo.currentIndexChanged)
        self.watch("domain", self.domain_combo.currentIndexChanged)
        self.watch("support_types", self.support_checks.changed)
        self.watch("meeting_schedule", self.schedule_field.textChanged)
        self.watch("place", self.place_field.textChanged)
        self.watch("link", self.link_field.textChanged)
        self.watch("notes", self.notes_field.textChanged)
        self.watch("tags", self.tags_field.textChanged)
        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        self.domain_combo.activated.connect(self._domain_chosen)
        self.circle_combo.currentIndexChanged.connect(self._update_circle_hint)
        self._update_circle_hint()
        self.finish_setup()
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 56)
        self.resize(self.sizeHint().expandedTo(self.minimumSizeHint()))
        self.name_field.setFocus()

    def _fill(self, group: Group, support: SupportType | None) -> None:
        self.name_field.setText(group.name)
        select_data(self.kind_combo, group.kind)
        select_data(self.circle_combo, group.circle)
        select_data(self.domain_combo, group.domain)
        chosen = set(group.support_types)
        if support is not None:
            chosen.add(support)
        self.support_checks.set_checked(chosen)
        self.schedule_field.setText(group.meeting_schedule)
        self.place_field.setText(group.place)
        self.link_field.setText(group.link)
        self.notes_field.setPlainText(group.notes)
        self.tags_field.setText(", ".join(group.tags))

    def _kind_changed(self) -> None:
        # A new group's part of life follows its kind until someone picks one themselves.
        kind = self.kind_combo.value()
        if self._domain_follows_kind and isinstance(kind, GroupKind):
            select_data(self.domain_combo, kind.default_domain)

    def _domain_chosen(self) -> None:
        self._domain_follows_kind = False

    def _update_circle_hint(self) -> None:
        circle = self.circle_combo.value()
        self.circle_hint.setText(circle.description if isinstance(circle, Circle) else "")

    def build(self) -> Group:
        base = self._base
        return Group(
            name=self.name_field.text(),
            kind=self.kind_combo.value(),
            circle=self.circle_combo.value(),
            domain=self.domain_combo.value(),
            support_types=self.support_checks.checked(),
            meeting_schedule=self.schedule_field.text(),
            place=self.place_field.text(),
            link=self.link_field.text(),
            notes=self.notes_field.toPlainText(),
            tags=parse_tags(self.tags_field.text()),
            id=base.id,
            uid=base.uid,
            created_at=base.created_at,
            updated_at=base.updated_at,
        )

    def subject(self) -> str:
        name = self.name_field.text().strip()
        return name or "this group"
