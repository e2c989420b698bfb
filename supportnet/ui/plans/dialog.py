"""One person's or group's plans and check-in history in a window of their own, in two tabs."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    Qt,
    Signal,
)
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from supportnet.i18n import _
from supportnet.services import Services
from supportnet.ui.plans.history import HistoryController
from supportnet.ui.plans.panel import PlansPanelController
from supportnet.ui.shell.signals import AppSignals
from supportnet.ui.undo.commands import UndoContext
from supportnet.ui.undo.note import undo_shortcuts
from supportnet.ui.widgets.dialogs import DialogWidth, dialog_width


class PlansAndHistoryDialog(QDialog):
    """One person's or group's plans and check-in history, in two tabs, in a window.

    Not modal: the main window stays usable beside it. Ctrl+Z and Ctrl+Shift+Z work here
    too, on the window's own undo stack.
    """

    PLANS_TAB = 0
    HISTORY_TAB = 1

    status = Signal(str)

    def __init__(
        self,
        source: Services,
        clock: Callable[[], datetime],
        signals: AppSignals,
        undo_stack: QUndoStack,
        undo_context: UndoContext,
        *,
        kind: str,
        target_id: int,
        user_zone: str | None = None,
        tab: int = 0,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.kind = kind
        self.target_id = target_id
        # Both tabs read the same things and undo on the same stack.
        shared = (source, clock, signals, undo_stack, undo_context)
        whose: dict[str, Any] = {
            "kind": kind,
            "target_id": target_id,
            "user_zone": user_zone,
            "parent": self,
        }
        self.plans = PlansPanelController(*shared, **whose)
        self.history = HistoryController(*shared, **whose)
        self.plans.status.connect(self.status)
        self.history.status.connect(self.status)
        self.tabs = QTabWidget()
        self.tabs.setAccessibleName(_("Plans, or check-in history"))
        self.tabs.tabBar().setAccessibleName(_("Plans, or check-in history"))
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.plans.view, _("&Plans"))
        self.tabs.addTab(self.history.view, _("&History"))
        self.tabs.setCurrentIndex(tab)
        self.close_button = QPushButton(_("Close"))
        self.close_button.setAccessibleName(_("Close"))
        self.close_button.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 12, 12)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(buttons)
        self._shortcuts = undo_shortcuts(self, undo_stack)
        signals.people_changed.connect(self._retitle)
        signals.groups_changed.connect(self._retitle)
        self._retitle()
        self.resize(dialog_width(self, DialogWidth.BIG), max(600, self.fontMetrics().height() * 36))

    def _retitle(self) -> None:
        name = self.plans.name
        if name:
            title = _("Plans and check-ins: {name}").format(name=name)
        else:
            title = _("Plans and check-ins")
        self.setWindowTitle(title)
        self.setAccessibleName(title)


def open_plans_and_history(
    parent: QWidget,
    source: Services,
    clock: Callable[[], datetime],
    signals: AppSignals,
    undo_stack: QUndoStack,
    undo_context: UndoContext,
    kind: str,
    target_id: int,
    *,
    tab: int = 0,
    status: Callable[[str], None] | None = None,
) -> PlansAndHistoryDialog:
    """Show the plans and history of one person or group (raising it if already open)."""
    for child in parent.findChildren(PlansAndHistoryDialog):
        if child.kind == kind and child.target_id == target_id and child.isVisible():
            child.tabs.setCurrentIndex(tab)
            child.raise_()
            child.activateWindow()
            return child
    dialog = PlansAndHistoryDialog(
        source,
        clock,
        signals,
        undo_stack,
        undo_context,
        kind=kind,
        target_id=target_id,
        tab=tab,
        parent=parent,
    )
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    if status is not None:
        dialog.status.connect(status)
    dialog.show()
    return dialog
