"""One step's lines: a list model and the list that shows them, reordered by drag or keys.

The list never changes the plan itself: it asks (``move_requested``, ``edit_requested``…)
and the page makes the change through the undo stack, then shows the plan again.
"""

from __future__ import annotations

from typing import Any, ClassVar

from PySide6.QtCore import (
    QAbstractListModel,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QRect,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QDropEvent, QFont, QFontMetrics, QKeyEvent, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFrame,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from supportnet.i18n import N_, _
from supportnet.model.safety_plan import Step
from supportnet.safety.resolve import line_parts
from supportnet.safety.wording import THEY_KNOW
from supportnet.ui.safety.texts import LINK_KEYS, LIST_KEYS, NOT_TOLD
from supportnet.ui.widgets.page_keys import KeyList, PageKey, combo

_Index = QModelIndex | QPersistentModelIndex


def line_text(step: Step, entry: Any) -> str:
    """What a line says: the name (marked if they left the network), then how to reach them."""
    parts = line_parts(step, entry)
    more = [parts.reach] if parts.reach else []
    if step.has_they_know and entry.entry.they_know:
        more.append(_(THEY_KNOW))
    return "\n".join([parts.title, " · ".join(more)]) if more else parts.title


class EntriesModel(QAbstractListModel):
    """A step's resolved lines; helpers' lines carry the "they know" tick."""

    #: (row, ticked): the person ticked or unticked "they know they're in my plan".
    they_know_toggled = Signal(int, bool)

    def __init__(self, step: Step, parent: Any = None) -> None:
        super().__init__(parent)
        self.step = step
        self.entries: tuple[Any, ...] = ()

    def set_entries(self, entries: tuple[Any, ...]) -> None:
        self.beginResetModel()
        self.entries = tuple(entries)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.entries)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.entries):
            return None
        entry = self.entries[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return line_text(self.step, entry)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return line_text(self.step, entry).replace("\n", ", ")
        if role == Qt.ItemDataRole.AccessibleDescriptionRole:
            if self.step.has_they_know:
                return _(THEY_KNOW) if entry.entry.they_know else _(NOT_TOLD)
            return ""
        if role == Qt.ItemDataRole.CheckStateRole and self.step.has_they_know:
            return Qt.CheckState.Checked if entry.entry.they_know else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole:
            keys = LINK_KEYS if entry.kind is not None and entry.in_network else LIST_KEYS
            if not self.step.has_they_know:
                return _(keys)
            # Translators: {keys}: the list's keys; the tick says the person knows.
            return _("{keys}\nTick: they know they're in my plan").format(keys=_(keys))
        if role == Qt.ItemDataRole.FontRole and not entry.in_network:
            font = QFont()
            font.setItalic(True)
            return font
        return None

    def setData(self, index: _Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.CheckStateRole or not self.step.has_they_know:
            return False
        if not index.isValid():
            return False
        ticked = _checked(value)
        row = index.row()
        # Asked, not done: the page saves it (undoably) and shows the plan again.
        QTimer.singleShot(0, self, lambda: self.they_know_toggled.emit(row, ticked))
        return True

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        flags = (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsDragEnabled
            | Qt.ItemFlag.ItemNeverHasChildren
        )
        if self.step.has_they_know:
            flags |= Qt.ItemFlag.ItemIsUserCheckable
        return flags

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction


def _checked(value: Any) -> bool:
    if isinstance(value, Qt.CheckState):
        return value == Qt.CheckState.Checked
    return int(value) == Qt.CheckState.Checked.value


def drop_target(source: int, before: int) -> int:
    """Where a line dragged from ``source`` lands when dropped before row ``before``
    (counted before the move, as the list shows it)."""
    return before - 1 if before > source else before


_WRAP = int(Qt.TextFlag.TextWordWrap | Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)


class LineDelegate(QStyledItemDelegate):
    """A line as the name, then how to reach them in the quieter text colour below it,
    with a little air between lines (the style draws the tick, selection and focus)."""

    PAD = 5

    def _parts(self, index: QModelIndex | QPersistentModelIndex) -> tuple[str, str]:
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        first, _sep, rest = text.partition("\n")
        return first, rest

    def _text_width(self, option: QStyleOptionViewItem) -> int:
        view = option.widget
        width = view.viewport().width() if isinstance(view, QListView) else option.rect.width()
        indicator = 0
        if option.features & QStyleOptionViewItem.ViewItemFeature.HasCheckIndicator:
            style = view.style() if view is not None else QApplication.style()
            indicator = style.pixelMetric(QStyle.PixelMetric.PM_IndicatorWidth) + 8
        return max(width - indicator - 4 * self.PAD, 60)

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        width = self._text_width(opt)
        first, rest = self._parts(index)
        metrics = QFontMetrics(opt.font)
        height = metrics.boundingRect(QRect(0, 0, width, 10_000), _WRAP, first).height()
        if rest:
            height += metrics.boundingRect(QRect(0, 0, width, 10_000), _WRAP, rest).height()
        return QSize(width, height + 2 * self.PAD)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        first, rest = self._parts(index)
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        area = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, widget)
        area = area.adjusted(self.PAD, self.PAD, -self.PAD, -self.PAD)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        main = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        quiet = (
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.PlaceholderText
        )
        painter.save()
        painter.setFont(opt.font)
        painter.setPen(opt.palette.color(main))
        used = painter.boundingRect(area, _WRAP, first)
        painter.drawText(area, _WRAP, first)
        if rest:
            painter.setPen(opt.palette.color(quiet))
            painter.drawText(area.adjusted(0, used.height(), 0, 0), _WRAP, rest)
        painter.restore()


_K = Qt.Key
_ALT = Qt.KeyboardModifier.AltModifier
# A list's own keys, when a line is chosen: its handler asks these, and Help ▸ Keyboard
# shortcuts lists them.
MOVE_KEY = PageKey(
    N_("Move the chosen line up or down"), (combo(_K.Key_Up, _ALT), combo(_K.Key_Down, _ALT))
)
EDIT_KEY = PageKey(N_("Edit the chosen line"), (combo(_K.Key_F2),))
REMOVE_KEY = PageKey(N_("Take the chosen line out"), (combo(_K.Key_Delete),), (_K.Key_Backspace,))
OPEN_KEY = PageKey(
    N_("Open a linked person or group, or edit a typed line"),
    (combo(_K.Key_Enter),),
    (_K.Key_Return,),
)
LINE_KEYS = KeyList(N_("In the safety plan's lists"), (MOVE_KEY, EDIT_KEY, REMOVE_KEY, OPEN_KEY))


class EntryList(QListView):
    """A step's lines, one per row; keys and drags ask the page to change the plan."""

    #: (from, to) rows: move a line (Alt+Up/Down or a drag).
    move_requested = Signal(int, int)
    #: row: change a line (F2).
    edit_requested = Signal(int)
    #: row: take a line out (Delete).
    remove_requested = Signal(int)
    #: row: open a linked line's person or group, or change a typed one (Enter, double-click).
    open_requested = Signal(int)
    #: Listed in Help ▸ Keyboard shortcuts.
    PAGE_KEYS: ClassVar[KeyList] = LINE_KEYS

    def __init__(self, model: EntriesModel, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setAccessibleName(name)
        self.setAccessibleDescription(_(LIST_KEYS))
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setWordWrap(True)
        self.setUniformItemSizes(False)
        self.setSpacing(0)
        self.setItemDelegate(LineDelegate(self))
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.doubleClicked.connect(lambda index: self.open_requested.emit(index.row()))
        model.modelReset.connect(self.fit_height)

    def current_row(self) -> int:
        """The selected row, or -1."""
        rows = self.selectionModel().selectedRows()
        return rows[0].row() if rows else -1

    def select_row(self, row: int) -> None:
        index = self.model().index(row, 0)
        if index.isValid():
            self.setCurrentIndex(index)

    def fit_height(self) -> None:
        """As tall as its lines: the page scrolls, not each list."""
        rows = self.model().rowCount()
        height = sum(self.sizeHintForRow(r) + 2 * self.spacing() for r in range(rows))
        self.setFixedHeight(height + 2 * self.frameWidth() + 4)

    def resizeEvent(self, event: Any) -> None:
        super().resizeEvent(event)
        # Wrapped lines take more room when narrower.
        self.scheduleDelayedItemsLayout()
        QTimer.singleShot(0, self, self.fit_height)

    def _own_key(self, event: QKeyEvent) -> bool:
        """Keys the list acts on when a line is chosen (before any window shortcut)."""
        if self.current_row() < 0:
            return False
        return any(entry.matches(event) for entry in LINE_KEYS.keys)

    def event(self, event: QEvent) -> bool:
        # The window's Delete and F2 act on the People and Network pages' selection; here
        # the keys are the list's own.
        shortcut = event.type() == QEvent.Type.ShortcutOverride
        if shortcut and isinstance(event, QKeyEvent) and self._own_key(event):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        row = self.current_row()
        if row >= 0 and MOVE_KEY.matches(event):
            step = -1 if event.key() == Qt.Key.Key_Up else 1
            if 0 <= row + step < self.model().rowCount():
                self.move_requested.emit(row, row + step)
            event.accept()
            return
        asks = (
            (EDIT_KEY, self.edit_requested),
            (REMOVE_KEY, self.remove_requested),
            (OPEN_KEY, self.open_requested),
        )
        for entry, signal in asks:
            if row >= 0 and entry.matches(event):
                signal.emit(row)
                event.accept()
                return
        super().keyPressEvent(event)

    def drop_before(self, pos: QPoint) -> int:
        """The row a line dropped at ``pos`` lands before (the row count: at the end)."""
        index = self.indexAt(pos)
        if not index.isValid():
            return self.model().rowCount()
        rect = self.visualRect(index)
        return index.row() if pos.y() < rect.center().y() else index.row() + 1

    def dropEvent(self, event: QDropEvent) -> None:
        source = self.current_row()
        if event.source() is not self or source < 0:
            event.ignore()
            return
        target = drop_target(source, self.drop_before(event.position().toPoint()))
        # The list itself moves nothing (IgnoreAction): the page moves the line undoably,
        # once the drag has finished.
        event.setDropAction(Qt.DropAction.IgnoreAction)
        event.accept()
        if target != source:
            QTimer.singleShot(0, self, lambda: self.move_requested.emit(source, target))
