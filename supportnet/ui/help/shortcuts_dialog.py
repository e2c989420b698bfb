"""Help ▸ Keyboard shortcuts: the window's keys in one list, grouped by menu and page."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from supportnet.i18n import N_, _
from supportnet.ui.help.shortcuts import Group
from supportnet.ui.widgets.dialogs import DialogWidth, use_width
from supportnet.ui.widgets.labels import quiet, title_label

TITLE = N_("Keyboard shortcuts")
INTRO = N_("The keys for the whole window first, then the ones that work on a page.")
LIST_NAME = N_("Keyboard shortcuts, by menu and page")
WHAT = N_("What it does")
KEYS = N_("Keys")


class ShortcutsDialog(QDialog):
    """A read-only list of ``groups``; Esc or Close closes it."""

    def __init__(self, groups: Sequence[Group], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(_(TITLE))
        self.setAccessibleName(_(TITLE))
        self.tree = QTreeWidget()
        self.tree.setAccessibleName(_(LIST_NAME))
        self.tree.setAccessibleDescription(_(INTRO))
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels([_(WHAT), _(KEYS)])
        self.tree.setRootIsDecorated(False)
        self.tree.setItemsExpandable(False)
        self.tree.setAllColumnsShowFocus(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setIndentation(self.fontMetrics().averageCharWidth() * 2)
        header = self.tree.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        for group in groups:
            self._add(group)
        self.tree.expandAll()
        chars = self.fontMetrics().averageCharWidth()
        # Both columns as wide as their words (headings span both), with air between.
        self.tree.resizeColumnToContents(0)
        self.tree.resizeColumnToContents(1)
        header.resizeSection(0, header.sectionSize(0) + chars * 4)
        wide = header.sectionSize(0) + header.sectionSize(1) + chars * 4

        title = title_label(_(TITLE))
        intro = quiet(QLabel(_(INTRO)))
        intro.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setAccessibleName(_("Close"))
        close.setAutoDefault(False)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(intro)
        layout.addWidget(self.tree, 1)
        layout.addWidget(buttons)
        lines = self.fontMetrics().lineSpacing()
        scrollbar = self.style().pixelMetric(self.style().PixelMetric.PM_ScrollBarExtent)
        # A big list to read: at least the big pickers' width, wider if its keys need it.
        self.resize(max(wide + scrollbar + 24, use_width(self, DialogWidth.BIG)), lines * 40)
        first = self.tree.topLevelItem(0)
        if first is not None:
            # The keyboard starts at the top without a highlight drawing the eye there.
            self.tree.selectionModel().setCurrentIndex(
                self.tree.indexFromItem(first), QItemSelectionModel.SelectionFlag.NoUpdate
            )
        self.tree.setFocus()

    def _add(self, group: Group) -> None:
        heading = QTreeWidgetItem([group.title])
        font = heading.font(0)
        font.setBold(True)
        heading.setFont(0, font)
        heading.setFirstColumnSpanned(True)
        heading.setData(0, Qt.ItemDataRole.AccessibleTextRole, group.title)
        self.tree.addTopLevelItem(heading)
        for row in group.rows:
            item = QTreeWidgetItem([row.what, row.keys])
            # Read as one line: "New person: Ctrl+N".
            spoken = _("{what}: {keys}").format(what=row.what, keys=row.keys)
            item.setData(0, Qt.ItemDataRole.AccessibleTextRole, spoken)
            item.setData(1, Qt.ItemDataRole.AccessibleTextRole, row.keys)
            heading.addChild(item)

    def rows(self) -> list[tuple[str, str, str]]:
        """(group, what, keys) for every line shown, top to bottom (for tests)."""
        found = []
        for i in range(self.tree.topLevelItemCount()):
            heading = self.tree.topLevelItem(i)
            assert heading is not None
            for j in range(heading.childCount()):
                item = heading.child(j)
                assert item is not None
                found.append((heading.text(0), item.text(0), item.text(1)))
        return found
