"""The care team page's layout: the team, its week of check-ins, and beside it the
coverage of the next four weeks, who is on the team and the team's note."""

from __future__ import annotations

from typing import ClassVar

from PySide6.QtCore import QEvent, QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QStackedWidget,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from supportnet.i18n import N_, _
from supportnet.model.care import MAX_COMFORTABLE_GAP_DAYS
from supportnet.ui.care.week_model import ANY_TIME, ANY_WAY, AROUND, WeekModel
from supportnet.ui.widgets.buttons import push_button
from supportnet.ui.widgets.keyboard import tab_order
from supportnet.ui.widgets.labels import buddy_label, quiet, title_label
from supportnet.ui.widgets.lists import centred_label, day_tree, empty_state
from supportnet.ui.widgets.page_keys import KeyList, PageKey, combo

PAGE_TITLE = N_("Care team")
EMPTY_TITLE = N_("No care team yet")
EMPTY_MORE = N_(
    "A care team shares the check-ins with someone between a few people: who checks in "
    "when, and which days nobody is planned yet. It can be around someone in your network, "
    "or around you, for a while after a hard time."
)
SET_UP = N_("&Set up a care team…")

_K = Qt.Key
# The week's own keys: its handler asks these, and Help ▸ Keyboard shortcuts lists them.
EDIT_KEY = PageKey(
    N_("Edit the chosen check-in"), (combo(_K.Key_Enter), combo(_K.Key_F2)), (_K.Key_Return,)
)
REMOVE_KEY = PageKey(N_("Take the chosen check-in off the rota"), (combo(_K.Key_Delete),))
DAY_KEY = PageKey(
    N_("The day before or after"),
    (
        combo(_K.Key_Up, Qt.KeyboardModifier.ControlModifier),
        combo(_K.Key_Down, Qt.KeyboardModifier.ControlModifier),
    ),
)
WEEK_KEYS = KeyList(N_("In the care team's week"), (EDIT_KEY, REMOVE_KEY, DAY_KEY))


class WeekTree(QTreeView):
    """The week's days and check-ins; Enter or F2 edits, Delete removes, Ctrl+Up/Down
    jump between days, the menu key (or a right click) lists what can be done."""

    edit_requested = Signal()
    remove_requested = Signal()
    #: Listed in Help ▸ Keyboard shortcuts.
    PAGE_KEYS: ClassVar[KeyList] = WEEK_KEYS

    def event(self, event: QEvent) -> bool:
        # Kept for itself: the window's Delete and F2 act on other pages.
        shortcut = event.type() == QEvent.Type.ShortcutOverride
        own = isinstance(event, QKeyEvent) and (
            EDIT_KEY.matches(event) or REMOVE_KEY.matches(event)
        )
        if shortcut and own:
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if EDIT_KEY.matches(event):
            self.edit_requested.emit()
            return
        if REMOVE_KEY.matches(event):
            self.remove_requested.emit()
            return
        if DAY_KEY.matches(event):
            self.jump_day(-1 if key == Qt.Key.Key_Up else 1)
            return
        super().keyPressEvent(event)

    def jump_day(self, step: int) -> None:
        """To the heading of the day before or after the one with the focus."""
        current = self.currentIndex()
        model = self.model()
        if model is None or model.rowCount() == 0:
            return
        row = current.parent().row() if current.parent().isValid() else current.row()
        if not current.isValid():
            row = -1 if step > 0 else model.rowCount()
        target = min(max(row + step, 0), model.rowCount() - 1)
        self.setCurrentIndex(model.index(target, 0))


def _heading(text: str) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    label.setAccessibleName(text)
    return label


def _text_label(name: str) -> QLabel:
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setAccessibleName(name)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class CareTeamPageView(QWidget):
    """Layout only: the controller fills it and wires its signals."""

    def __init__(self, model: WeekModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(_(PAGE_TITLE))
        self.title_label = title_label(_(PAGE_TITLE))
        self.focus_label = quiet(_text_label(_("Whom the check-ins are with")))

        self.team_picker = QComboBox()
        self.team_picker.setAccessibleName(_("Care team"))
        self.team_picker_label = buddy_label(_("&Team:"), self.team_picker)
        self.new_team_button = push_button(
            _("New care tea&m…"), _("New care team"), tip=_("Set up another care team")
        )
        self.edit_team_button = push_button(
            _("Ed&it team…"),
            _("Edit team"),
            tip=_("The team's name, whom it is for, its supporters and note"),
        )
        self.remove_team_button = push_button(
            _("Remove team"),
            _("Remove team"),
            tip=_("Take this team and its rota out; you can undo it"),
        )

        # The week.
        self.previous_button = push_button(
            _("‹ Previous week"), _("Previous week"), tip=_("The week before (Alt+Left)")
        )
        self.this_week_button = push_button(
            _("This week"), _("This week"), tip=_("Back to this week (Alt+Home)")
        )
        self.next_button = push_button(
            _("Next week ›"), _("Next week"), tip=_("The week after (Alt+Right)")
        )
        self.week_label = _heading("")
        self.week_label.setAccessibleName(_("Week shown"))

        self.tree = WeekTree()
        day_tree(
            self.tree,
            model,
            _("Check-ins, day by day"),
            {WeekModel.COL_WHEN: 24, WeekModel.COL_WHO: 22, WeekModel.COL_HOW: 16},
            {WeekModel.COL_WHEN: [_(ANY_TIME), _(AROUND)], WeekModel.COL_HOW: [_(ANY_WAY)]},
        )
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)

        self.add_button = push_button(
            _("&Add check-in…"), _("Add check-in"), tip=_("A new check-in on the rota (Insert)")
        )
        self.edit_button = push_button(
            _("Edit chec&k-in…"),
            _("Edit check-in"),
            tip=_("Edit who, when and how, for every date (Enter)"),
        )
        self.remove_button = push_button(
            _("Remove check-in"),
            _("Remove check-in"),
            tip=_("Take it off the rota; you can undo it (Delete)"),
        )
        self.swap_button = push_button(
            _("S&wap this date…"),
            _("Swap this date"),
            tip=_("Someone else takes this one date; the rest stays as it is"),
        )
        self.done_button = push_button(
            _("Mark as &done…"),
            _("Mark as done"),
            tip=_("They said it happened: it goes into the check-in history"),
        )
        self.selection_label = quiet(_text_label(_("Selected check-in")))

        # Beside the week.
        self.coverage_heading = _heading(_("The next four weeks"))
        self.coverage_label = _text_label(_("Coverage of the next four weeks"))
        self.gap_spin = QSpinBox()
        self.gap_spin.setRange(0, MAX_COMFORTABLE_GAP_DAYS)
        self.gap_spin.setAccessibleName(_("Days in a row without a check-in the team is fine with"))
        self.gap_spin.setToolTip(
            _("Only stretches longer than this are pointed out; you can undo a change")
        )
        self.gap_spin.setKeyboardTracking(False)
        self.gap_spin.lineEdit().setAccessibleName(self.gap_spin.accessibleName())
        self.gap_label = buddy_label(_("&Comfortable with up to"), self.gap_spin)
        self.gap_after = QLabel(_("days with nobody planned"))
        self.supporters_heading = _heading(_("Who is on the team"))
        self.supporters_label = _text_label(_("Who is on the team, and how to reach them"))
        self.note_heading = _heading(_("Team note"))
        self.note_label = _text_label(_("Team note"))

        self._build_layout()
        self.empty_button = push_button(_(SET_UP), _("Set up a care team"), default=False)
        self.empty_title = centred_label(_(EMPTY_TITLE), _("Care team: message"), larger=True)
        self.empty_more = centred_label(_(EMPTY_MORE), _("Care team: more"))
        holder = empty_state(self.empty_title, self.empty_more, button=self.empty_button)
        self.stack.addWidget(holder)
        self._empty_holder = holder

        # Keys for the week, wherever the focus is on the page.
        self.previous_action = self._key_action(Qt.Key.Key_Left, self.previous_button)
        self.next_action = self._key_action(Qt.Key.Key_Right, self.next_button)
        self.this_week_action = self._key_action(Qt.Key.Key_Home, self.this_week_button)
        # Named, so Help ▸ Keyboard shortcuts lists these keys under the page.
        self.add_action = QAction(self.add_button.accessibleName(), self)
        self.add_action.setShortcut(QKeySequence(Qt.Key.Key_Insert))
        self.add_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.add_action.triggered.connect(self.add_button.click)
        self.addAction(self.add_action)

        tab_order(
            [
                self.team_picker,
                self.new_team_button,
                self.edit_team_button,
                self.remove_team_button,
                self.previous_button,
                self.this_week_button,
                self.next_button,
                self.tree,
                self.add_button,
                self.edit_button,
                self.remove_button,
                self.swap_button,
                self.done_button,
                self.gap_spin,
            ]
        )

    def _key_action(self, key: Qt.Key, button: QPushButton) -> QAction:
        action = QAction(button.accessibleName(), self)
        action.setShortcut(QKeySequence(Qt.Modifier.ALT | key))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(button.click)
        self.addAction(action)
        return action

    def _build_layout(self) -> None:
        top = QHBoxLayout()
        top.setSpacing(8)
        titles = QVBoxLayout()
        titles.setSpacing(2)
        titles.addWidget(self.title_label)
        titles.addWidget(self.focus_label)
        top.addLayout(titles, 1)
        top.addWidget(self.team_picker_label, 0, Qt.AlignmentFlag.AlignVCenter)
        top.addWidget(self.team_picker, 0, Qt.AlignmentFlag.AlignVCenter)
        for button in (self.new_team_button, self.edit_team_button, self.remove_team_button):
            top.addWidget(button, 0, Qt.AlignmentFlag.AlignVCenter)

        nav = QHBoxLayout()
        nav.setSpacing(6)
        nav.addWidget(self.week_label, 1)
        nav.addWidget(self.previous_button)
        nav.addWidget(self.this_week_button)
        nav.addWidget(self.next_button)

        # Two rows: the check-in itself, then this one date. In one row the five buttons
        # made the page wider than a 1280-pixel screen in German.
        actions = QVBoxLayout()
        actions.setSpacing(6)
        for buttons in (
            (self.add_button, self.edit_button, self.remove_button),
            (self.swap_button, self.done_button),
        ):
            row = QHBoxLayout()
            row.setSpacing(6)
            for button in buttons:
                row.addWidget(button)
            row.addStretch(1)
            actions.addLayout(row)

        week = QVBoxLayout()
        week.setContentsMargins(0, 0, 0, 0)
        week.setSpacing(8)
        week.addLayout(nav)
        week.addWidget(self.tree, 1)
        week.addWidget(self.selection_label)
        week.addLayout(actions)

        gap_row = QHBoxLayout()
        gap_row.setSpacing(6)
        gap_row.addWidget(self.gap_label)
        gap_row.addWidget(self.gap_spin)
        # The words after the number wrap, so a longer language keeps the column's width.
        self.gap_after.setWordWrap(True)
        gap_row.addWidget(self.gap_after, 1)

        side = QWidget()
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(4, 0, 8, 0)
        side_layout.setSpacing(6)
        side_layout.addWidget(self.coverage_heading)
        side_layout.addWidget(self.coverage_label)
        side_layout.addLayout(gap_row)
        side_layout.addSpacing(16)
        side_layout.addWidget(self.supporters_heading)
        side_layout.addWidget(self.supporters_label)
        side_layout.addSpacing(16)
        side_layout.addWidget(self.note_heading)
        side_layout.addWidget(self.note_label)
        side_layout.addStretch(1)
        self.side_area = side_area = QScrollArea()
        side_area.setAccessibleName(_("Coverage, supporters and note"))
        side_area.setWidgetResizable(True)
        side_area.setFrameShape(QFrame.Shape.NoFrame)
        side_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        side_area.setWidget(side)
        side_area.setMinimumWidth(self.fontMetrics().averageCharWidth() * 40)

        body = QHBoxLayout()
        body.setSpacing(24)
        body.addLayout(week, 3)
        body.addWidget(side_area, 2)
        content = QWidget()
        content_layout = QVBoxLayout(content)
        content_layout.setContentsMargins(0, 0, 0, 0)
        content_layout.addLayout(body)

        self.stack = QStackedWidget()
        self.stack.addWidget(content)
        self._content = content

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 16)
        layout.setSpacing(14)
        layout.addLayout(top)
        layout.addWidget(self.stack, 1)

    # --- what the controller switches --------------------------------------------------------

    def show_empty(self, empty: bool) -> None:
        """The calm explanation and "Set up a care team…", or the team."""
        self.stack.setCurrentWidget(self._empty_holder if empty else self._content)
        for widget in (self.edit_team_button, self.remove_team_button, self.focus_label):
            widget.setVisible(not empty)
        self.new_team_button.setVisible(not empty)

    @property
    def showing_empty(self) -> bool:
        return self.stack.currentWidget() is self._empty_holder

    def span_empty_days(self, model: WeekModel) -> None:
        """An empty day's one line reads across the columns."""
        for row in range(model.rowCount()):
            day = model.index(row, 0)
            self.tree.setFirstColumnSpanned(row, QModelIndex(), True)
            if model.line_at(model.index(0, 0, day)) is None:
                self.tree.setFirstColumnSpanned(0, day, True)
            else:
                for n in range(model.rowCount(day)):
                    self.tree.setFirstColumnSpanned(n, day, False)
        self.tree.expandAll()
