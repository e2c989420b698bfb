"""Mark a rota check-in as done on someone's behalf: who, when, how, a note."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtWidgets import QDialog, QWidget

from supportnet.model.care import SupporterRef
from supportnet.model.network import ChannelKind
from supportnet.services.care_teams import RotaLine


class DoneDialog(QDialog):
    """ "Mark as done": it goes into the focus person's check-in history."""

    def __init__(
        self,
        supporters: list[tuple[SupporterRef, str]],
        line: RotaLine,
        day_text: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._line = line

    def result(self) -> tuple[SupporterRef, datetime, ChannelKind | None, str]:  # type: ignore[override]
        """(who checked in, when, how, note)."""
        raise NotImplementedError
