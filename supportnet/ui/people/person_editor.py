"""The person editor: every field of a person, checked as you type, never losing what was typed.

The parts it shares with the group editor live in :mod:`supportnet.ui.people.member_editor`; those
all editors share in :mod:`supportnet.ui.widgets.editor_form` (the dialog and form helpers) and
:mod:`supportnet.ui.widgets.editor_widgets` (the compound fields).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QLabel, QVBoxLayout, QWidget

from supportnet.i18n import N_, _
from supportnet.model.network import HelpDirection, Person, SupportType
from supportnet.ui.people.member_editor import MemberEditor
from supportnet.ui.widgets.editor_form import add_field, heading_label, text_field
from supportnet.ui.widgets.editor_widgets import ChannelsEditor, enum_combo, select_data
from supportnet.ui.widgets.labels import quiet

#: Said to the user, as the rest of the editor is ("Where they are in your life"): the tick
#: is about the user whether the map is theirs or centred on a care team's focus person,
#: where a first-person "I" would read as that person's.
KNOWS_TEXT = N_("Knows what you're going through")


def knows_hint(centre: str) -> str:
    """The line under the tick when the editor is opened from ``centre``'s team view."""
    return _(
        "About you, not {centre}: {centre}'s team view shows the same people as your map."
    ).format(centre=centre)


class PersonEditor(MemberEditor):
    """Add or change a person. Every field of :class:`Person` is here."""

    def __init__(
        self,
        person: Person | None,
        on_save: Callable[[Person], Any],
        parent: QWidget | None = None,
        *,
        support: SupportType | None = None,
        centre: str | None = None,
    ) -> None:
        super().__init__(person, Person(""), on_save, parent, noun="person")
        # --- About them
        self.nickname_field = text_field(_("Nickname"), _("What you call them (optional)"))
        self.pronouns_field = text_field(_("Pronouns"), _("e.g. she/her (optional)"))
        self.direction_combo = enum_combo(_("Direction of help"), HelpDirection)

        # --- How they help
        self.knows_check = QCheckBox(_(KNOWS_TEXT))
        self.knows_check.setAccessibleName(_(KNOWS_TEXT))
        # Opened from a care team's view of the map (``centre``: its focus person's name).
        self.knows_hint = quiet(QLabel(knows_hint(centre) if centre else ""))
        self.knows_hint.setTextFormat(Qt.TextFormat.PlainText)  # a name is never markup
        self.knows_hint.setWordWrap(True)
        self.knows_hint.setVisible(bool(centre))
        if centre:
            self.knows_check.setAccessibleDescription(knows_hint(centre))

        # --- Reaching them
        self.channels_editor = ChannelsEditor()
        self.best_times_field = text_field(_("Best times"), _("e.g. weekday evenings (optional)"))

        left = QVBoxLayout()
        left.setSpacing(2)
        left.addWidget(heading_label(_("About them")))
        add_field(left, _("&Name"), self.name_field, self.message_for("name", _("Name: message")))
        add_field(
            left,
            _("Nic&kname"),
            self.nickname_field,
            self.message_for("nickname", _("Nickname: message")),
        )
        add_field(
            left,
            _("&Pronouns"),
            self.pronouns_field,
            self.message_for("pronouns", _("Pronouns: message")),
        )
        left.addSpacing(8)
        left.addWidget(heading_label(_("Where they are in your life")))
        self.add_circle_and_domain(left)
        add_field(
            left,
            _("&Direction of help"),
            self.direction_combo,
            self.message_for("direction", _("Direction of help: message")),
        )
        left.addStretch(1)

        right = QVBoxLayout()
        right.setSpacing(2)
        right.addWidget(heading_label(_("How they help")))
        self.add_support(right)
        right.addWidget(self.knows_check)
        right.addWidget(self.knows_hint)
        right.addSpacing(12)
        right.addWidget(heading_label(_("Reaching them")))
        right.addWidget(self.channels_editor)
        right.addWidget(self.message_for("channels", _("Ways to reach them: message")))
        right.addSpacing(4)
        add_field(
            right,
            _("&Best times"),
            self.best_times_field,
            self.message_for("best_times", _("Best times: message")),
        )
        right.addStretch(1)

        self.lay_out(self.heading, left, right)

        self._fill(self._base, support)
        self.bind_shared()
        self.bind("nickname", self.nickname_field, self.nickname_field.textChanged)
        self.bind("pronouns", self.pronouns_field, self.pronouns_field.textChanged)
        self.bind("direction", self.direction_combo, self.direction_combo.currentIndexChanged)
        self.bind("knows_situation", None, self.knows_check.toggled)
        self.bind("channels", self.channels_editor, self.channels_editor.changed)
        self.bind("best_times", self.best_times_field, self.best_times_field.textChanged)
        self.bind_notes()
        self.follow_circle()
        self.finish()

    def _fill(self, person: Person, support: SupportType | None) -> None:
        self.fill_shared(person, support)
        self.nickname_field.setText(person.nickname)
        self.pronouns_field.setText(person.pronouns)
        select_data(self.direction_combo, person.direction)
        self.knows_check.setChecked(person.knows_situation)
        self.channels_editor.set_channels(person.channels)
        self.best_times_field.setText(person.best_times)
        self.fill_notes(person)

    def build(self) -> Person:
        return Person(
            nickname=self.nickname_field.text(),
            pronouns=self.pronouns_field.text(),
            direction=self.direction_combo.value(),
            channels=self.channels_editor.channels(),
            best_times=self.best_times_field.text(),
            knows_situation=self.knows_check.isChecked(),
            **self.shared_values(),
        )
