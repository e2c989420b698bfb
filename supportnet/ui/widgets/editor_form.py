"""What the person, group and plan editors share.

:class:`EditorDialog` (inline messages, the Save button that explains itself, asking before
throwing changes away) and the small helpers that lay out a form's fields.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPlainTextEdit,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from supportnet.i18n import N_, _, ngettext
from supportnet.model import field_words
from supportnet.model.errors import Problem, SupportNetError, ValidationError
from supportnet.ui.widgets import dialogs
from supportnet.ui.widgets.buttons import button_row, push_button, save_button
from supportnet.ui.widgets.field_message import FieldMessage

#: How long typing must pause before the form is checked again.
CHECK_DELAY_MS = 300
SAVE_ERROR_TITLE = N_("SupportNet couldn't save that")

#: "Check … to save" for each field, whole (German puts the field's words elsewhere).
SAVE_HINTS = {
    "name": N_("Check the name to save"),
    "nickname": N_("Check the nickname to save"),
    "pronouns": N_("Check the pronouns to save"),
    "circle": N_("Check the circle to save"),
    "domain": N_("Check the part of life to save"),
    "direction": N_("Check the direction of help to save"),
    "support_types": N_("Check the kinds of support to save"),
    "channels": N_("Check the ways to reach them to save"),
    "best_times": N_("Check the best times to save"),
    "notes": N_("Check the notes to save"),
    "tags": N_("Check the tags to save"),
    "kind": N_("Check the kind of group to save"),
    "meeting_schedule": N_("Check when it meets to save"),
    "place": N_("Check the place to save"),
    "link": N_("Check the link to save"),
}
CHECK_THE_FORM = N_("Check the form to save")


def save_hint(
    problems: Sequence[Problem],
    hints: Mapping[str, str] = SAVE_HINTS,
    *,
    name_missing: bool | None = None,
    above: bool = True,
) -> str:
    """One short line beside a disabled Save button: "Add a name to save", "Check the end
    date to save (and 1 more thing)".

    ``hints`` are each field's "Check … to save", whole (marked with ``N_``). A missing name
    says "Add a name"; ``name_missing`` says whether it is, or, when not given, the name's
    own "Please add a name." does. ``above``: the other things are listed above the button.
    """
    if not problems:
        return ""
    first = problems[0]
    if name_missing is None:
        name_missing = first.message == _(field_words.NAME.missing)
    if first.field == "name" and name_missing:
        hint = _("Add a name to save")
    else:
        hint = _(hints.get(first.field, CHECK_THE_FORM))
    others = len({p.field for p in problems} - {first.field})
    if not others:
        return hint
    if above:
        # Translators: {hint} is "Check the name to save" or the like.
        more = ngettext(
            "{hint} (and {n} more thing above)", "{hint} (and {n} more things above)", others
        )
    else:
        more = ngettext("{hint} (and {n} more thing)", "{hint} (and {n} more things)", others)
    return more.format(hint=hint, n=others)


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


class EditorDialog(QDialog):
    """Shared behaviour of the person and group editors.

    Subclasses build the fields, register each field's message with :meth:`message_for`,
    and implement :meth:`build` (the domain object the form holds right now).
    ``on_save`` stores the object; if it raises, the dialog stays open with everything typed.
    """

    saved = Signal(object)
    #: Each field's "Check … to save"; whether the other things are listed above Save.
    SAVE_HINTS: Mapping[str, str] = SAVE_HINTS
    HINTS_ABOVE = True

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

        self.save_button = save_button(self.save)
        # Unlike the small dialogs' Cancel, this one stays auto-default, as it always was.
        self.cancel_button = push_button(_("Cancel"), _("Cancel"), on_click=self.reject)
        self.save_hint = QLabel()
        self.save_hint.setAccessibleName(_("Why Save is not available yet"))
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
        columns = two_columns(left, right)

        bottom = QVBoxLayout()
        bottom.setSpacing(2)
        notes, tags = self.notes_field, self.tags_field  # type: ignore[attr-defined]
        add_field(bottom, _("No&tes"), notes, self.message_for("notes", _("Notes: message")))
        add_field(bottom, _("Ta&gs"), tags, self.message_for("tags", _("Tags: message")))

        layout = form_layout(self)
        layout.addWidget(heading)
        layout.addLayout(columns)
        layout.addLayout(bottom)
        layout.addLayout(self.buttons_row())

    def buttons_row(self) -> QHBoxLayout:
        return button_row(self.cancel_button, self.save_button, lead=self.save_hint, spacing=12)

    def watch(self, field: str, signal: Any) -> None:
        """Check the form again (after a pause) whenever ``signal`` fires."""
        signal.connect(lambda *_args, f=field: self.field_changed(f))

    def bind(self, field: str, widget: QWidget | None, signal: Any) -> None:
        """``widget`` carries ``field``'s message; ``signal`` has the form checked again."""
        if widget is not None:
            self.field_widgets[field] = widget
        self.watch(field, signal)

    def build(self) -> Any:
        raise NotImplementedError

    def unsaved_message(self) -> str:
        """The whole sentence asking before its changes are dropped
        (:func:`~supportnet.ui.widgets.dialogs.unsaved_changes`)."""
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
        hint = save_hint(
            problems, self.SAVE_HINTS, name_missing=self._name_missing(), above=self.HINTS_ABOVE
        )
        self.save_button.setEnabled(not problems)
        self.save_hint.setText(hint)
        tooltip = "\n".join(p.message for p in problems)
        # Translators: the save hint, then each problem on a line of its own.
        said = _("{hint}.\n{problems}").format(hint=hint, problems=tooltip) if hint else ""
        self.save_button.setToolTip(said)
        self.save_button.setAccessibleDescription(hint)

    def _name_missing(self) -> bool | None:
        """Whether the name is empty (None: tell by the problem's own words)."""
        return None

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
            dialogs.show_error(self, exc.message, title=_(SAVE_ERROR_TITLE))
            return
        except OSError as exc:
            dialogs.show_error(
                self,
                _("Your changes are still here. The computer said: {error}").format(error=exc),
                title=_(SAVE_ERROR_TITLE),
            )
            return
        self._initial = self.build()
        self.saved.emit(saved)
        self.accept()

    def reject(self) -> None:
        if self.is_dirty() and not dialogs.confirm_discard(self, self.unsaved_message()):
            return
        self._check_timer.stop()
        super().reject()


def two_columns(left: QVBoxLayout, right: QVBoxLayout) -> QHBoxLayout:
    """An editor's two columns side by side, sharing the width evenly."""
    columns = QHBoxLayout()
    columns.setSpacing(32)
    columns.addLayout(left, 1)
    columns.addLayout(right, 1)
    return columns


def form_layout(dialog: QWidget, *, grows: bool = False) -> QVBoxLayout:
    """``dialog``'s own layout with the editors' margins and spacing.

    ``grows``: the window grows when messages appear, rather than squeezing the fields.
    """
    layout = QVBoxLayout(dialog)
    if grows:
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)
    layout.setContentsMargins(24, 18, 24, 18)
    layout.setSpacing(8)
    return layout


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


def text_field(name: str, placeholder: str = "") -> QLineEdit:
    """A one-line field with its accessible name and, if given, a greyed example."""
    field = QLineEdit()
    field.setAccessibleName(name)
    if placeholder:
        field.setPlaceholderText(placeholder)
    return field


def notes_field(name: str) -> QPlainTextEdit:
    notes = QPlainTextEdit()
    notes.setAccessibleName(name)
    # Tab moves on to the next field; the notes never trap the keyboard.
    notes.setTabChangesFocus(True)
    notes.setMinimumHeight(notes.fontMetrics().height() * 4)
    return notes
