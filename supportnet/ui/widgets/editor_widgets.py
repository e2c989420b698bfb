"""The editors' compound fields.

Enum combo boxes, the support-type checkboxes and the ways to reach someone.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from supportnet.i18n import N_, _
from supportnet.model.network import ChannelKind, ContactChannel, SupportType
from supportnet.ui.widgets.editor_form import keep_height
from supportnet.ui.widgets.labels import inside_line

CRISIS_TEXT = N_("Okay to contact in a crisis")
#: Each kind of support's checkbox: its name, then what it means (whole, for German's nouns).
SUPPORT_CHECK_TEXT = {
    SupportType.EMOTIONAL: N_("Emotional — listening and empathy"),
    SupportType.PRACTICAL: N_("Practical — rides, meals, errands"),
    SupportType.INFORMATIONAL: N_("Advice — information and advice"),
    SupportType.COMPANIONSHIP: N_("Company — doing things together, distraction"),
}


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
        self.setAccessibleName(_("Kinds of support"))
        self.boxes: dict[SupportType, QCheckBox] = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        for support in SupportType:
            if support is SupportType.CRISIS:
                text = _(CRISIS_TEXT)
                box = QCheckBox(text)
                box.setAccessibleName(text)
            else:
                said = SUPPORT_CHECK_TEXT.get(support)
                box = QCheckBox(
                    _(said) if said else f"{support.label} — {inside_line(support.description)}"
                )
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
        self.kind = enum_combo(_("Way {number}: how").format(number=number), ChannelKind)
        self.value = QLineEdit()
        self.value.setPlaceholderText(_("Number, address or handle"))
        self.value.setMinimumWidth(self.value.fontMetrics().averageCharWidth() * 18)
        self.value.setToolTip(_("Optional: a number, an address or a handle"))
        self.value.setAccessibleName(_("Way {number}: details").format(number=number))
        self.preferred = QRadioButton(_("Preferred"))
        self.preferred.setAccessibleName(_("Way {number}: preferred").format(number=number))
        self.remove = QPushButton(_("Remove"))
        self.remove.setAccessibleName(_("Remove way {number}").format(number=number))

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
        self.setAccessibleName(_("Ways to reach them"))
        self.rows: list[_ChannelRow] = []
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        self._grid = QGridLayout()
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setHorizontalSpacing(8)
        self._grid.setColumnStretch(1, 1)
        self.empty_label = QLabel(_("No ways to reach them noted yet."))
        self.empty_label.setAccessibleName(self.empty_label.text())
        self.add_button = QPushButton(_("&Add a way to reach them"))
        self.add_button.setAccessibleName(_("Add a way to reach them"))
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
        row.remove.clicked.connect(lambda _checked=False, r=row: self._remove(r))
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
            row.kind.setAccessibleName(_("Way {number}: how").format(number=number))
            row.value.setAccessibleName(_("Way {number}: details").format(number=number))
            row.preferred.setAccessibleName(_("Way {number}: preferred").format(number=number))
            row.remove.setAccessibleName(_("Remove way {number}").format(number=number))
            for widget in row.widgets():
                if previous is not None:
                    QWidget.setTabOrder(previous, widget)
                previous = widget
        if previous is not None:
            QWidget.setTabOrder(previous, self.add_button)
        self._update_empty()

    def _update_empty(self) -> None:
        self.empty_label.setVisible(not self.rows)
