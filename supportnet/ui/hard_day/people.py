"""The people marked "okay to contact in a crisis", inner circle first, and a message to copy."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from supportnet.i18n import N_, _, ngettext
from supportnet.model.network import ChannelKind, Circle
from supportnet.ui.hard_day.common import CopyButton, CopyNote, quiet_label, text_label

HEADING = N_("People you can contact")
#: The message idea the library starts with; the person's own wording wins when it is there.
HARD_DAY_IDEA = N_("I'm having a hard day — could you call?")
IDEA_INTRO = N_("A message you could send:")
NOBODY = N_(
    "When you're ready, you can mark people who are okay to contact in a crisis, in their "
    "details under the kinds of support they give. They'll be listed here."
)
#: More than this would be a wall of names; the closest come first.
MAX_SHOWN = 8
#: Ways whose value is worth copying (a number, an address); "In person: Home" is not.
_COPYABLE = (ChannelKind.CALL, ChannelKind.TEXT, ChannelKind.EMAIL)


def _copyable(way: str) -> bool:
    """Whether ``way`` ("Phone call", in the language in use) names a way worth copying."""
    return way in {kind.label for kind in _COPYABLE}


def more_text(more: int) -> str:
    return ngettext(
        "{n} more person is okay to contact in a crisis; you'll find them on the People page.",
        "{n} more people are okay to contact in a crisis; you'll find them on the People page.",
        more,
    ).format(n=more)


def hard_day_idea(ideas: Sequence[str]) -> str:
    """The person's own "hard day" message idea if their library has one, else the default."""
    return next((text for text in ideas if "hard day" in text.lower()), _(HARD_DAY_IDEA))


def circle_label(circle: Any) -> str:
    try:
        return Circle(str(circle)).label
    except ValueError:
        return str(circle)


class CrisisPeopleView(QWidget):
    """Each person's name, circle and preferred way to reach them, closest first."""

    def __init__(
        self,
        people: Sequence[Any],
        idea: str,
        note: CopyNote,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._note = note
        self.setAccessibleName(_(HEADING))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)
        layout.addWidget(text_label(_(HEADING), factor=1.3, bold=True))
        #: The names shown, in order (tests read them).
        self.names: list[str] = []
        if not people:
            layout.addWidget(quiet_label(_(NOBODY)))
            return
        for person in people[:MAX_SHOWN]:
            layout.addWidget(self._person(person))
            self.names.append(person.name)
        if len(people) > MAX_SHOWN:
            layout.addWidget(quiet_label(more_text(len(people) - MAX_SHOWN)))
        layout.addSpacing(4)
        layout.addWidget(text_label(_(IDEA_INTRO)))
        row = QHBoxLayout()
        row.setSpacing(14)
        # Translators: a message quoted; German „…“.
        quoted = _("“{message}”").format(message=idea)
        self.idea_label = text_label(quoted, factor=1.15, wrap=True, name=idea)
        row.addWidget(self.idea_label, 1)
        self.idea_button = CopyButton(idea, _("the message"), note, _("Copy message"))
        self.idea_button.setAccessibleName(_("Copy the message"))
        self.idea_button.setAccessibleDescription(idea)
        row.addWidget(self.idea_button)
        layout.addLayout(row)

    def _person(self, person: Any) -> QWidget:
        box = QWidget()
        box.setAccessibleName(person.name)
        layout = QVBoxLayout(box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(1)
        top = QHBoxLayout()
        top.setSpacing(10)
        top.addWidget(text_label(person.name, factor=1.2, bold=True))
        top.addWidget(quiet_label(circle_label(person.circle), wrap=False))
        top.addStretch(1)
        layout.addLayout(top)
        if person.reach:
            row = QHBoxLayout()
            row.setSpacing(14)
            row.addWidget(text_label(person.reach, factor=1.15))
            # "Phone call: 07700 900123": Copy gives the number after the colon.
            kind, _colon, value = person.reach.partition(": ")
            if _copyable(kind) and value.strip():
                button = CopyButton(value.strip(), f"{value.strip()} ({person.name})", self._note)
                row.addWidget(button)
            row.addStretch(1)
            layout.addLayout(row)
        return box
