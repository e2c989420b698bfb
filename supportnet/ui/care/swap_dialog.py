"""Hand one date of a rota check-in to someone else, or leave it open."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QWidget

from supportnet.model.care import SupporterRef
from supportnet.services.care_teams import RotaLine


class SwapDialog(QDialog):
    """ "Who takes this check-in on …?" for one occurrence; the series stays as it is."""

    def __init__(
        self,
        supporters: list[tuple[SupporterRef, str]],
        line: RotaLine,
        day_text: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._line = line
        self._chosen: SupporterRef = line.supporter

    def result_supporter(self) -> SupporterRef:
        """Who takes it that date; None leaves it open."""
        return self._chosen

    def removes_swap(self) -> bool:
        """True when the slot's own supporter was chosen: the date goes back to the series."""
        return False
