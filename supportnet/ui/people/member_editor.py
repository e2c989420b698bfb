"""What the person and group editors share: circle, part of life, support, notes and tags."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QVBoxLayout, QWidget

from supportnet.i18n import N_, _
from supportnet.model.network import Circle, Group, LifeDomain, Person, SupportType
from supportnet.ui.widgets.dialogs import DialogWidth, open_at_width, unsaved_changes
from supportnet.ui.widgets.editor_form import (
    EditorDialog,
    add_field,
    hint_label,
    notes_field,
    parse_tags,
    text_field,
)
from supportnet.ui.widgets.editor_widgets import SupportChecks, enum_combo, select_data
from supportnet.ui.widgets.labels import title_label

#: What differs between a person's and a group's editor, as whole sentences.
NOUNS = {
    "person": {
        "new": N_("New person"),
        "tags": N_("Separate with commas, e.g. walks, school friends"),
    },
    "group": {
        "new": N_("New group"),
        "tags": N_("Separate with commas, e.g. walks, weekly"),
    },
}


class MemberEditor(EditorDialog):
    """Add or change someone in the network: a :class:`Person` or a :class:`Group`.

    Builds the fields both have; subclasses add their own and lay the form out.
    """

    def __init__(
        self,
        member: Person | Group | None,
        blank: Person | Group,
        on_save: Callable[[Any], Any],
        parent: QWidget | None,
        *,
        noun: str,
    ) -> None:
        existing = member is not None and member.id is not None
        if existing and member is not None:
            title = _("Edit {name}").format(name=member.name)
        else:
            title = _(NOUNS[noun]["new"])
        super().__init__(title, on_save, existing=existing, parent=parent)
        self._base: Any = member if member is not None else blank
        self._noun = noun
        self.heading = title_label(title)
        self.name_field = text_field(_("Name"))
        self.circle_combo = enum_combo(_("Circle"), Circle, tooltips=True)
        self.circle_hint = hint_label("")
        self.circle_hint.setAccessibleName(_("About this circle"))
        self.domain_combo = enum_combo(_("Part of life"), LifeDomain)
        self.support_checks = SupportChecks()
        self.crisis_check = self.support_checks.crisis_box
        self.notes_field = notes_field(_("Notes"))
        self.tags_field = text_field(_("Tags"), _(NOUNS[noun]["tags"]))

    def add_circle_and_domain(self, column: QVBoxLayout) -> None:
        """The circle, what it means, and the part of life."""
        add_field(
            column,
            _("&Circle"),
            self.circle_combo,
            self.message_for("circle", _("Circle: message")),
        )
        column.addWidget(self.circle_hint)
        column.addSpacing(4)
        add_field(
            column,
            _("Part of &life"),
            self.domain_combo,
            self.message_for("domain", _("Part of life: message")),
        )

    def add_support(self, column: QVBoxLayout) -> None:
        """The kinds of support, then whether a crisis call is all right."""
        column.addWidget(self.support_checks)
        column.addWidget(self.message_for("support_types", _("Kinds of support: message")))
        column.addSpacing(4)
        column.addWidget(self.crisis_check)

    def bind_shared(self) -> None:
        """Each shared field re-checks the form when it changes and carries its message."""
        self.bind("name", self.name_field, self.name_field.textChanged)
        self.bind("circle", self.circle_combo, self.circle_combo.currentIndexChanged)
        self.bind("domain", self.domain_combo, self.domain_combo.currentIndexChanged)
        self.bind("support_types", self.support_checks, self.support_checks.changed)

    def bind_notes(self) -> None:
        self.bind("notes", self.notes_field, self.notes_field.textChanged)
        self.bind("tags", self.tags_field, self.tags_field.textChanged)

    def follow_circle(self) -> None:
        """Keep the line under the circle saying what the chosen circle means."""
        self.circle_combo.currentIndexChanged.connect(self._update_circle_hint)
        self._update_circle_hint()

    def finish(self) -> None:
        self.finish_setup()
        open_at_width(self, DialogWidth.EDITOR)
        self.name_field.setFocus()

    def fill_shared(self, member: Person | Group, support: SupportType | None) -> None:
        self.name_field.setText(member.name)
        select_data(self.circle_combo, member.circle)
        select_data(self.domain_combo, member.domain)
        chosen = set(member.support_types)
        if support is not None:
            chosen.add(support)
        self.support_checks.set_checked(chosen)

    def fill_notes(self, member: Person | Group) -> None:
        self.notes_field.setPlainText(member.notes)
        self.tags_field.setText(", ".join(member.tags))

    def shared_values(self) -> dict[str, Any]:
        """The fields both kinds have, and what the stored one keeps, for ``build``."""
        base = self._base
        return {
            "name": self.name_field.text(),
            "circle": self.circle_combo.value(),
            "domain": self.domain_combo.value(),
            "support_types": self.support_checks.checked(),
            "notes": self.notes_field.toPlainText(),
            "tags": parse_tags(self.tags_field.text()),
            "id": base.id,
            "uid": base.uid,
            "created_at": base.created_at,
            "updated_at": base.updated_at,
        }

    def _update_circle_hint(self) -> None:
        circle = self.circle_combo.value()
        self.circle_hint.setText(circle.description if isinstance(circle, Circle) else "")

    def unsaved_message(self) -> str:
        return unsaved_changes(self._noun, self.name_field.text().strip())
