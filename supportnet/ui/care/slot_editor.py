"""The rota slot editor: who takes it (or nobody yet), how, and when (a plan's timing)."""

from __future__ import annotations

import copy
from datetime import date

from PySide6.QtWidgets import QDialog, QWidget

from supportnet.model.care import RotaSlot, SupporterRef
from supportnet.model.plans import Plan, PlanKind


class SlotEditorDialog(QDialog):
    """Add or change one check-in on the rota."""

    def __init__(
        self,
        supporters: list[tuple[SupporterRef, str]],
        slot: RotaSlot | None,
        zone: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._supporters = list(supporters)
        self._zone = zone
        self._base = (
            copy.deepcopy(slot)
            if slot is not None
            else RotaSlot(Plan(kind=PlanKind.FIXED, start_date=date.today(), timezone=zone))
        )

    def result_slot(self) -> RotaSlot:
        """The slot as the form holds it (a copy, same uid)."""
        return copy.deepcopy(self._base)
