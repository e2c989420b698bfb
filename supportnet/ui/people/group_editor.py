"""The group editor: a support group, club, service or online community, every field."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QVBoxLayout, QWidget

from supportnet.i18n import _
from supportnet.model.network import Group, GroupKind, SupportType
from supportnet.ui.people.member_editor import MemberEditor
from supportnet.ui.widgets.editor_form import add_field, heading_label, text_field
from supportnet.ui.widgets.editor_widgets import enum_combo, select_data


class GroupEditor(MemberEditor):
    """Add or change a group or community. Every field of :class:`Group` is here."""

    def __init__(
        self,
        group: Group | None,
        on_save: Callable[[Group], Any],
        parent: QWidget | None = None,
        *,
        support: SupportType | None = None,
    ) -> None:
        super().__init__(group, Group(""), on_save, parent, noun="group")
        self.kind_combo = enum_combo(_("Kind of group"), GroupKind)
        self.schedule_field = text_field(_("When it meets"), _("e.g. Thursdays 19:00 (optional)"))
        self.place_field = text_field(_("Place"), _("e.g. the library, room 2 (optional)"))
        self.link_field = text_field(_("Link"), _("A web address (optional)"))

        left = QVBoxLayout()
        left.setSpacing(2)
        left.addWidget(heading_label(_("About it")))
        add_field(left, _("&Name"), self.name_field, self.message_for("name", _("Name: message")))
        add_field(
            left, _("K&ind"), self.kind_combo, self.message_for("kind", _("Kind of group: message"))
        )
        left.addSpacing(8)
        left.addWidget(heading_label(_("Where it is in your life")))
        self.add_circle_and_domain(left)
        left.addStretch(1)

        right = QVBoxLayout()
        right.setSpacing(2)
        right.addWidget(heading_label(_("How it helps")))
        self.add_support(right)
        right.addSpacing(12)
        right.addWidget(heading_label(_("Meeting")))
        add_field(
            right,
            _("&When it meets"),
            self.schedule_field,
            self.message_for("meeting_schedule", _("When it meets: message")),
        )
        add_field(
            right, _("&Place"), self.place_field, self.message_for("place", _("Place: message"))
        )
        add_field(right, _("Lin&k"), self.link_field, self.message_for("link", _("Link: message")))
        right.addStretch(1)

        self.lay_out(self.heading, left, right)

        self._fill(self._base, support)
        self._domain_follows_kind = group is None or group.id is None
        self.bind_shared()
        self.bind("kind", self.kind_combo, self.kind_combo.currentIndexChanged)
        self.bind("meeting_schedule", self.schedule_field, self.schedule_field.textChanged)
        self.bind("place", self.place_field, self.place_field.textChanged)
        self.bind("link", self.link_field, self.link_field.textChanged)
        self.bind_notes()
        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        self.domain_combo.activated.connect(self._domain_chosen)
        self.follow_circle()
        self.finish()

    def _fill(self, group: Group, support: SupportType | None) -> None:
        self.fill_shared(group, support)
        select_data(self.kind_combo, group.kind)
        self.schedule_field.setText(group.meeting_schedule)
        self.place_field.setText(group.place)
        self.link_field.setText(group.link)
        self.fill_notes(group)

    def _kind_changed(self) -> None:
        # A new group's part of life follows its kind until someone picks one themselves.
        kind = self.kind_combo.value()
        if self._domain_follows_kind and isinstance(kind, GroupKind):
            select_data(self.domain_combo, kind.default_domain)

    def _domain_chosen(self) -> None:
        self._domain_follows_kind = False

    def build(self) -> Group:
        return Group(
            kind=self.kind_combo.value(),
            meeting_schedule=self.schedule_field.text(),
            place=self.place_field.text(),
            link=self.link_field.text(),
            **self.shared_values(),
        )
