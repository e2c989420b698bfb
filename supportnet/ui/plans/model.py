"""The table of one person's or group's plans: what, kind, when, how, and whether it is paused."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from supportnet.i18n import N_, _, ngettext
from supportnet.model.plans import Plan, PlanKind
from supportnet.model.zones import today_in
from supportnet.scheduling import Postponement
from supportnet.ui.plans.wording import KIND_TEXT, NO_CHANNEL, describe_plan, next_short
from supportnet.ui.widgets.models import TableModel

#: The domain id of a row (``Plan.id``).
ID_ROLE = Qt.ItemDataRole.UserRole
#: The row's uid, which survives a delete and its undo.
UID_ROLE = Qt.ItemDataRole.UserRole + 1

PAUSED_TEXT = N_("Paused")

Index = QModelIndex | QPersistentModelIndex


def plan_name(plan: Plan, target_name: str) -> str:
    """What a plan is called in notes and undo texts: its title, or "the plan for Mum"."""
    title = plan.title.strip()
    if title:
        return _("“{title}”").format(title=title)
    # Translators: fills "Added {name}.", "Delete {name}? …" and the undo menu's texts.
    return _("the plan for {name}").format(name=target_name)


class PlansModel(TableModel):
    """One target's plans: what, kind, when, how, and whether it is paused."""

    COL_TITLE = 0
    COL_KIND = 1
    COL_WHEN = 2
    COL_CHANNEL = 3
    COL_NEXT = 4
    HEADERS = (N_("Plan"), N_("Kind"), N_("When"), N_("How"), N_("Next (your time)"))

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._plans: list[Plan] = []
        self._zone: str | None = None
        self._today: date | None = None
        self._next: dict[str, str] = {}

    def set_plans(
        self,
        plans: Sequence[Plan],
        user_zone: str,
        now: datetime,
        last_contact: datetime | None = None,
        postponements: Sequence[Postponement] = (),
    ) -> None:
        """Replace every row; ``now``, ``last_contact`` and ``postponements`` say when each
        plan comes next (the one answer :func:`supportnet.scheduling.when.when` gives)."""
        self.beginResetModel()
        # Plans that run come first, then paused ones; each in the order they were made.
        self._plans = sorted(plans, key=lambda p: (p.paused, p.id or 0))
        self._zone = user_zone
        self._today = today_in(now, user_zone)
        self._next = {
            p.uid: next_short(p, now, user_zone, last_contact, postponements)
            for p in self._plans
            if not p.paused
        }
        self.endResetModel()

    def plan_at(self, row: int) -> Plan:
        found: Plan = self.item_at(row)
        return found

    def _items(self) -> list[Any]:
        return self._plans

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._plans):
            return None
        plan = self._plans[index.row()]
        if role == ID_ROLE:
            return plan.id
        if role == UID_ROLE:
            return plan.uid
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return self._text(plan, index.column())
        if role == Qt.ItemDataRole.ToolTipRole:
            if index.column() == self.COL_NEXT and not plan.paused:
                return self._next.get(plan.uid) or None  # whole, should the column be narrow
            return self._tooltip(plan)
        if role == Qt.ItemDataRole.FontRole and plan.paused:
            from PySide6.QtGui import QFont

            font = QFont()
            font.setItalic(True)
            return font
        return None

    def _text(self, plan: Plan, column: int) -> str:
        if column == self.COL_TITLE:
            return plan.title or describe_plan(plan, self._zone, self._today).split(",")[0]
        if column == self.COL_KIND:
            return _(KIND_TEXT[plan.kind]) if plan.kind in KIND_TEXT else ""
        if column == self.COL_WHEN:
            text = describe_plan(plan, self._zone, self._today)
            if plan.kind is PlanKind.FLEXIBLE and plan.cadence is not None:
                text = ngettext(
                    "{when}; a gentle nudge after {n} day",
                    "{when}; a gentle nudge after {n} days",
                    plan.cadence.too_long_days,
                ).format(when=text, n=plan.cadence.too_long_days)
            return text
        if column == self.COL_CHANNEL:
            return plan.channel.label if plan.channel else _(NO_CHANNEL)
        if column == self.COL_NEXT:
            return _(PAUSED_TEXT) if plan.paused else self._next.get(plan.uid, "")
        return ""

    def _tooltip(self, plan: Plan) -> str | None:
        parts = [p for p in (plan.message_idea, plan.notes) if p]
        return "\n\n".join(parts) or None
