"""The main window's pages and the sidebar that lists them."""

from __future__ import annotations

import enum
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QSize,
    Qt,
)
from PySide6.QtGui import (
    QPainter,
    QPalette,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QFrame,
    QListWidget,
    QListWidgetItem,
    QStyledItemDelegate,
    QWidget,
)

from supportnet.i18n import N_, _
from supportnet.ui.widgets.reading_page import window_coloured_viewport

if TYPE_CHECKING:
    from PySide6.QtWidgets import QStyleOptionViewItem


class Page(enum.Enum):
    """The pages in the sidebar, in this order (those added with ``MainWindow.add_page``)."""

    TODAY = "today"
    AGENDA = "agenda"
    NETWORK = "network"
    PEOPLE = "people"
    SAFETY_PLAN = "safety_plan"
    CARE_TEAM = "care_team"
    INSIGHTS = "insights"

    @property
    def title(self) -> str:
        return _(_PAGE_TEXT[self][0])

    @property
    def description(self) -> str:
        return _(_PAGE_TEXT[self][1])

    @property
    def about(self) -> str:
        """What the page is for, a sentence or two (Help ▸ Getting started)."""
        return _(_PAGE_TEXT[self][2])


#: Each page's sidebar title, its description, and what it is for (Help ▸ Getting started).
#: A new page adds a member above and a line here.
_PAGE_TEXT = {
    Page.TODAY: (
        N_("Today"),
        N_("A few gentle suggestions of who to reach out to today"),
        N_(
            "A few people you might like to hear from today, and why. When you've been in "
            "touch, you can note it; another day is fine too."
        ),
    ),
    Page.AGENDA: (
        N_("Agenda"),
        N_("The next four weeks, day by day"),
        N_("What you've planned for the next four weeks, day by day."),
    ),
    Page.NETWORK: (
        N_("Network"),
        N_("Your circles, and a few gentle notes about gaps"),
        N_(
            "The people, groups and services around you as circles, the closest in the "
            "middle, with a few gentle notes beside them."
        ),
    ),
    Page.PEOPLE: (
        N_("People"),
        N_("People and groups in lists, to search, sort and edit"),
        N_(
            "Everyone in lists, to search, sort and edit. Someone's plans and check-ins open "
            "from here too."
        ),
    ),
    Page.SAFETY_PLAN: (
        N_("Safety plan"),
        N_("My plan for hard days: steps, people and reasons"),
        N_(
            "My plan for hard days, written when things are calmer: what helps, who I can "
            "reach, and my reasons."
        ),
    ),
    Page.CARE_TEAM: (
        N_("Care team"),
        N_("Who checks in on someone when, and the days nobody is planned"),
        N_(
            "For when a few people look out for someone together: who checks in when, and "
            "the days with nobody planned yet."
        ),
    ),
    Page.INSIGHTS: (
        N_("Insights"),
        N_("Gentle charts of how your connections have been"),
        N_(
            "How your connections have been, from your own check-ins: week by week, the "
            "support around you, who lifts your mood. There's no score there."
        ),
    ),
}

#: Pages built when first needed, or soon after the window first appears (in this order).
LATER_PAGES = (Page.AGENDA, Page.PEOPLE, Page.NETWORK, Page.SAFETY_PLAN, Page.CARE_TEAM)
#: Pages built only when first shown: Insights loads matplotlib, which nothing else needs.
ON_DEMAND_PAGES = (Page.INSIGHTS,)
#: How long after the window first shows the later pages start being built, and between them.
BUILD_LATER_AFTER_MS = 400
BUILD_LATER_STEP_MS = 50

#: Ctrl+1 … Ctrl+9 go to the pages in sidebar order.
_PAGE_KEYS = (
    Qt.Key.Key_1,
    Qt.Key.Key_2,
    Qt.Key.Key_3,
    Qt.Key.Key_4,
    Qt.Key.Key_5,
    Qt.Key.Key_6,
    Qt.Key.Key_7,
    Qt.Key.Key_8,
    Qt.Key.Key_9,
)


class _PaddedDelegate(QStyledItemDelegate):
    """Draws an item as the style does, with its words moved in from the edge."""

    def __init__(self, pad: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._pad = pad

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Any) -> None:
        # QStyle loads with its first use (~7 ms of enums), after the first frame's start.
        from PySide6.QtWidgets import QStyle, QStyleOptionViewItem

        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text = opt.text
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.save()
        painter.setFont(opt.font)
        painter.setPen(opt.palette.color(role))
        painter.drawText(
            opt.rect.adjusted(self._pad, 0, -self._pad, 0),
            int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
            text,
        )
        painter.restore()


class _Unbuilt(QWidget):
    """Holds a page's place in the stack until it is built (it is never shown: showing a
    page builds it first)."""

    def __init__(self, page: Page) -> None:
        super().__init__()
        self.setAccessibleName(page.title)


class Sidebar(QListWidget):
    """The list of pages down the left side."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(_("Pages"))
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # The sidebar sits on the window colour; the pages are the content beside it.
        window_coloured_viewport(self)
        self.setBackgroundRole(QPalette.ColorRole.Window)
        font = self.font()
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.setFont(font)
        width = max(self.fontMetrics().horizontalAdvance(p.title) for p in Page)
        self.setFixedWidth(width + self.fontMetrics().averageCharWidth() * 12)
        # Air around the words. A delegate, not a style sheet: a style sheet would freeze
        # the palette and the sidebar would stop following light and dark.
        pad = self.fontMetrics().averageCharWidth() * 2
        self.setItemDelegate(_PaddedDelegate(pad, self))
        self.setViewportMargins(0, pad // 2, 0, 0)

    def set_pages(self, pages: list[Page]) -> None:
        """List these pages, in this order, keeping the current one."""
        current = self.currentRow()
        current_page = self.item(current).data(Qt.ItemDataRole.UserRole) if current >= 0 else None
        height = self.fontMetrics().height() * 2 + 8
        blocked = self.blockSignals(True)
        try:
            self.clear()
            for number, page in enumerate(pages, start=1):
                item = QListWidgetItem(page.title)
                item.setData(Qt.ItemDataRole.UserRole, page.value)
                tip = page.description
                if number <= len(_PAGE_KEYS):
                    # Translators: a page's description with its key, e.g. "(Ctrl+1)".
                    tip = _("{description} (Ctrl+{number})").format(
                        description=page.description, number=number
                    )
                item.setToolTip(tip)
                item.setData(Qt.ItemDataRole.AccessibleDescriptionRole, page.description)
                item.setSizeHint(QSize(0, height))
                self.addItem(item)
                if page.value == current_page:
                    self.setCurrentRow(number - 1)
        finally:
            self.blockSignals(blocked)
