"""The export dialog's models: the preview table and the people and groups to tick."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import (
    QAbstractListModel,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from supportnet.calendar import (
    ExportEvent,
    Privacy,
)
from supportnet.i18n import _
from supportnet.model.targets import TargetKey, plan_target_key
from supportnet.ui.calendar.texts import (
    when_text,
)
from supportnet.ui.widgets.models import header_text

if TYPE_CHECKING:
    from supportnet.services.calendar_export import CalendarExport

Index = QModelIndex | QPersistentModelIndex


class PreviewModel(QAbstractTableModel):
    """The events the file will hold, as the person's calendar will show them."""

    WHEN, TITLE, WHO, REPEATS = range(4)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[str, str, str, str]] = []
        self._privacy = Privacy.FIRST_NAME

    def set_events(
        self, events: Sequence[ExportEvent], zone: ZoneInfo, today: date, privacy: Privacy
    ) -> None:
        self.beginResetModel()
        self._privacy = privacy
        self._rows = [(when_text(e, zone, today), e.summary, e.who, e.repeats) for e in events]
        self.endResetModel()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)

    def headers(self) -> list[str]:
        who = _("Who (not in the file)") if self._privacy is Privacy.DISCREET else _("Who")
        return [_("When"), _("Title in your calendar"), who, _("Repeats")]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return row[index.column()]
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.ToolTipRole and section == self.WHO:
            return _("Shown here to help you check; the file says only what the title says.")
        return header_text(self.headers(), section, orientation, role)


class TargetsModel(QAbstractListModel):
    """People and groups that have plans, each with a tick box."""

    checked_changed = Signal()

    def __init__(self, targets: Sequence[tuple[TargetKey, str]], parent: QObject | None = None):
        super().__init__(parent)
        self._targets = list(targets)
        self._checked: set[TargetKey] = set()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._targets)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        key, label = self._targets[index.row()]
        # A long name may be cut short in the list; its tooltip has it whole.
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return label
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if key in self._checked else Qt.CheckState.Unchecked
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsUserCheckable
        )

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.CheckStateRole:
            return False
        key = self._targets[index.row()][0]
        on = Qt.CheckState(value) == Qt.CheckState.Checked
        if on:
            self._checked.add(key)
        else:
            self._checked.discard(key)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        self.checked_changed.emit()
        return True

    def checked(self) -> frozenset[TargetKey]:
        return frozenset(self._checked)


def targets_with_plans(export: CalendarExport) -> list[tuple[TargetKey, str]]:
    """Everyone with a plan that isn't paused, sorted by name; groups say so."""
    whos = export.whos()
    keys = {key for plan in export.plans() if (key := plan_target_key(plan)) is not None}
    found = []
    for key in keys:
        who = whos.get(key)
        if who is not None:
            label = _("{name} (group)").format(name=who.name) if who.kind == "group" else who.name
            found.append((key, label))
    return sorted(found, key=lambda item: item[1].casefold())
