"""Hand one date of a rota check-in to someone else, or leave it open; the series stays."""

from __future__ import annotations

from PySide6.QtWidgets import QButtonGroup, QDialog, QRadioButton, QVBoxLayout, QWidget

from supportnet.i18n import N_, _
from supportnet.model.care import SupporterRef
from supportnet.services.care_teams import RotaLine
from supportnet.ui.widgets.buttons import button_row, cancel_button, push_button
from supportnet.ui.widgets.dialogs import DialogWidth, use_width
from supportnet.ui.widgets.editor_form import hint_label
from supportnet.ui.widgets.keyboard import tab_order
from supportnet.ui.widgets.labels import quiet, title_label

LEAVE_OPEN = N_("Leave it open")
AS_USUAL = N_("As usual for this check-in")
#: ``usual`` not given: the dialog works it out from the line where it can.
_UNKNOWN = object()


def line_text(line: RotaLine) -> str:
    """ "20:00 · Video call", "Any time of day · Phone call", "Any time of day"."""
    parts = [line.time or _("Any time of day")]
    if line.channel:
        parts.append(line.channel)
    return " · ".join(parts)


class SwapDialog(QDialog):
    """ "Who takes this check-in on …?" for one occurrence of a rota check-in.

    ``supporters`` are (ref, name) of the team's supporters. ``usual`` is the slot's own
    supporter; when it isn't given it is the line's, unless the line is already swapped
    (then the first choice reads "As usual for this check-in"). Choosing it means
    :meth:`removes_swap`; any other choice is a swap to :meth:`result_supporter`.
    """

    def __init__(
        self,
        supporters: list[tuple[SupporterRef, str]],
        line: RotaLine,
        day_text: str,
        parent: QWidget | None = None,
        *,
        usual: object = _UNKNOWN,
    ) -> None:
        super().__init__(parent)
        question = _("Who takes this check-in on {day}?").format(day=day_text)
        self.setWindowTitle(_("Swap one date"))
        self.setAccessibleName(_("Swap one date"))
        self.setModal(True)
        self._line = line
        names = dict(supporters)
        if usual is _UNKNOWN and not line.swapped:
            usual = line.supporter
        self._usual_known = usual is not _UNKNOWN
        self._usual: SupporterRef = usual if isinstance(usual, str) else None

        heading = title_label(question)
        heading.setWordWrap(True)
        details = hint_label(line_text(line))
        details.setAccessibleName(_("The check-in: {details}").format(details=line_text(line)))

        self.choices = QWidget()
        self.choices.setAccessibleName(question)
        column = QVBoxLayout(self.choices)
        column.setContentsMargins(12, 4, 0, 4)
        column.setSpacing(6)
        self.group = QButtonGroup(self)
        self.buttons: list[tuple[QRadioButton, bool, SupporterRef]] = []

        def choice(text: str, usual_one: bool, ref: SupporterRef) -> QRadioButton:
            button = QRadioButton(text.replace("&", "&&"))
            button.setAccessibleName(text)
            self.group.addButton(button)
            column.addWidget(button)
            self.buttons.append((button, usual_one, ref))
            return button

        if not self._usual_known:
            choice(_(AS_USUAL), True, None)
        elif self._usual is None:
            choice(_("Open — nobody yet (as usual)"), True, None)
        else:
            name = names.get(self._usual, self._usual)
            choice(_("{name} (as usual)").format(name=name), True, self._usual)
        for ref, name in supporters:
            if ref is not None and not (self._usual_known and ref == self._usual):
                choice(name, False, ref)
        if not (self._usual_known and self._usual is None):
            choice(_(LEAVE_OPEN), False, None)
        self._select_current()

        rest = quiet(
            hint_label(_("Only this date changes; the rest of the series stays as it is."))
        )
        rest.setWordWrap(True)
        self.ok_button = push_button(_("&Save"), _("Save"), default=True, on_click=self.accept)
        self.cancel_button = cancel_button(self)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 18)
        layout.setSpacing(8)
        layout.addWidget(heading)
        layout.addWidget(details)
        layout.addWidget(self.choices)
        layout.addWidget(rest)
        layout.addLayout(button_row(self.cancel_button, self.ok_button))
        tab_order([self.checked_button(), self.cancel_button, self.ok_button])
        use_width(self, DialogWidth.SMALL)
        self.checked_button().setFocus()

    def _select_current(self) -> None:
        """Start on whoever has the date now: its swap if it has one, else the usual."""
        line = self._line
        for button, usual_one, ref in self.buttons:
            if (not line.swapped and usual_one) or (
                line.swapped and not usual_one and ref == line.supporter
            ):
                button.setChecked(True)
                return
        self.buttons[0][0].setChecked(True)

    def checked_button(self) -> QRadioButton:
        button = self.group.checkedButton()
        assert isinstance(button, QRadioButton)
        return button

    def _chosen(self) -> tuple[bool, SupporterRef]:
        checked = self.group.checkedButton()
        for button, usual_one, ref in self.buttons:
            if button is checked:
                return usual_one, ref
        return True, self._usual

    def removes_swap(self) -> bool:
        """True when the usual supporter was chosen: the date goes back to the series."""
        return self._chosen()[0]

    def result_supporter(self) -> SupporterRef:
        """Who takes the date: a ref, or None to leave it open. When :meth:`removes_swap`,
        the usual supporter (None if it isn't known here)."""
        return self._chosen()[1]

    def choice_texts(self) -> list[str]:
        """The choices as they read, in order (for tests and screen-reader checks)."""
        return [button.accessibleName() for button, _usual, _ref in self.buttons]
