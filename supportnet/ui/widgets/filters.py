"""The search and filter proxies over the network's table models."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QSortFilterProxyModel, Qt

from supportnet.model.network import Circle, LifeDomain, SupportType
from supportnet.ui.widgets.models import (
    CIRCLE_ROLE,
    DOMAIN_ROLE,
    SEARCH_ROLE,
    SORT_ROLE,
    SUPPORT_ROLE,
    Index,
    TableModel,
)

_SOURCE_SIGNALS = (
    "modelReset",
    "rowsInserted",
    "rowsRemoved",
    "rowsMoved",
    "dataChanged",
    "layoutChanged",
)


class NameFilterProxy(QSortFilterProxyModel):
    """Sorts by :data:`SORT_ROLE` and keeps rows whose name contains the search text."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._needle = ""
        # Filtering asks every row on each keystroke. Asking the source model through Qt
        # costs microseconds a call, so each row's keys are read once per change of the
        # source, and the verdicts once per change of the filter, in plain Python.
        self._keys: list[tuple[Any, ...]] | None = None
        self._accepted: list[bool] | None = None
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(True)

    def setSourceModel(self, model: Any) -> None:
        old = self.sourceModel()
        if old is not None:
            for signal in _SOURCE_SIGNALS:
                getattr(old, signal).disconnect(self._forget_keys)
        self._forget_keys()
        # Connected before Qt's own handlers (Qt calls slots in connection order), so a
        # change to the source clears the cache before the proxy filters the new rows.
        if model is not None:
            for signal in _SOURCE_SIGNALS:
                getattr(model, signal).connect(self._forget_keys)
        super().setSourceModel(model)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Let a source model that sorts itself do it (much faster); else sort here."""
        source = self.sourceModel()
        if isinstance(source, TableModel):
            source.sort(column, order)
        else:
            super().sort(column, order)

    def _forget_keys(self, *_args: Any) -> None:
        self._keys = None
        self._accepted = None

    #: The roles the filter reads for each source row (column 0); subclasses add to them.
    filter_roles: tuple[int, ...] = (SEARCH_ROLE,)

    def _row_keys(self, model: Any, row: int) -> tuple[Any, ...]:
        fast = getattr(model, "filter_value", None)
        if fast is not None:
            return tuple(fast(row, role) for role in self.filter_roles)
        index = model.index(row, 0)
        return tuple(index.data(role) for role in self.filter_roles)

    def _accepts(self, keys: tuple[Any, ...]) -> bool:
        haystack = keys[0]
        return not self._needle or (isinstance(haystack, str) and self._needle in haystack)

    def _verdicts(self) -> list[bool]:
        model = self.sourceModel()
        if self._keys is None:
            self._keys = [self._row_keys(model, row) for row in range(model.rowCount())]
        return [self._accepts(keys) for keys in self._keys]

    def _filter_changed(self, change: Callable[[], None]) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt 6.10 and later
            self.beginFilterChange()
            change()
            self._accepted = None
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            change()
            self._accepted = None
            self.invalidateRowsFilter()

    @property
    def search_text(self) -> str:
        return self._needle

    def set_search_text(self, text: str) -> None:
        needle = text.strip().casefold()
        if needle == self._needle:
            return

        def change() -> None:
            self._needle = needle

        self._filter_changed(change)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if source_parent.isValid():
            return True
        if self._accepted is None:
            self._accepted = self._verdicts()
        accepted = self._accepted
        return accepted[source_row] if source_row < len(accepted) else True


class NetworkFilterProxy(NameFilterProxy):
    """The search, plus filters by circle, part of life and kind of support (None: any)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._circle: Circle | None = None
        self._domain: LifeDomain | None = None
        self._support: SupportType | None = None

    @property
    def filtering(self) -> bool:
        """Whether the search or any filter hides something."""
        return bool(self._needle) or any(
            f is not None for f in (self._circle, self._domain, self._support)
        )

    def set_filters(
        self,
        circle: Circle | None = None,
        domain: LifeDomain | None = None,
        support: SupportType | None = None,
    ) -> None:
        if (circle, domain, support) == (self._circle, self._domain, self._support):
            return

        def change() -> None:
            self._circle, self._domain, self._support = circle, domain, support

        self._filter_changed(change)

    filter_roles = (SEARCH_ROLE, CIRCLE_ROLE, DOMAIN_ROLE, SUPPORT_ROLE)

    def _accepts(self, keys: tuple[Any, ...]) -> bool:
        if not super()._accepts(keys):
            return False
        _, circle, domain, support = keys
        if self._circle is not None and circle != self._circle:
            return False
        if self._domain is not None and domain != self._domain:
            return False
        return self._support is None or bool(support and self._support in support)
