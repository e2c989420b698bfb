"""The ways in: the sidebar's "Hard day?" button, its shortcut, and "Need help now?".

Light on purpose (imported for the first window and the unlock dialog): the panel and the
crisis data are imported when first opened.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QKeyCombination, QObject, Qt, QTimer
from PySide6.QtGui import QKeySequence, QPalette
from PySide6.QtWidgets import QApplication, QPushButton, QSizePolicy, QVBoxLayout, QWidget
from shiboken6 import isValid

from supportnet.i18n import N_, _
from supportnet.model.errors import SupportNetError
from supportnet.ui.widgets.first_paint import when_first_painted

if TYPE_CHECKING:
    from supportnet.services import Services
    from supportnet.services.crisis import CrisisHelpService
    from supportnet.ui.hard_day.panel import CrisisLinesDialog, HardDayPanel

HARD_DAY_TEXT = N_("Hard day?")
HARD_DAY_ACTION_TEXT = N_("Hard day? Help &now…")
HARD_DAY_KEYS = "Ctrl+Shift+H"
HARD_DAY_DESCRIPTION = N_("Crisis lines, the people you can contact, and your plan for hard days")
HELP_LINK_TEXT = N_("Need &help now?")
HELP_LINK_DESCRIPTION = N_("Crisis lines for where you are, without opening your data")
#: After the window first shows (and its later pages are built), the panel's modules and
#: the crisis-lines file are loaded in an idle moment, so even the first opening is quick.
WARM_AFTER_MS = 2000


_KEYS = QKeyCombination(Qt.Modifier.CTRL | Qt.Modifier.SHIFT, Qt.Key.Key_H)


def hard_day_shortcut() -> QKeySequence:
    """Ctrl+Shift+H: its own key (F1 stays Help)."""
    return QKeySequence(_KEYS)


def hard_day_tip() -> str:
    """The button's tooltip: what it opens, and its key."""
    return _("{description} ({keys})").format(
        description=_(HARD_DAY_DESCRIPTION), keys=HARD_DAY_KEYS
    )


def hard_day_button() -> QPushButton:
    """The sidebar's button, the same on every page."""
    button = QPushButton(_(HARD_DAY_TEXT))
    button.setAccessibleName(_(HARD_DAY_TEXT))
    button.setAccessibleDescription(_(HARD_DAY_DESCRIPTION))
    button.setToolTip(hard_day_tip())
    button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    # Enter presses it too, as Space does (outside a dialog this is all autoDefault does).
    button.setAutoDefault(True)
    button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    font = button.font()
    font.setPointSizeF(font.pointSizeF() * 1.1)
    button.setFont(font)
    button.setMinimumHeight(button.fontMetrics().height() * 2 + 4)
    return button


def sidebar_column(sidebar: QWidget, button: QPushButton) -> QWidget:
    """The page list with the button beneath it, at the bottom of the column."""
    column = QWidget()
    column.setAccessibleName(_("Sidebar"))
    column.setBackgroundRole(QPalette.ColorRole.Window)
    layout = QVBoxLayout(column)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(0)
    layout.addWidget(sidebar, 1)
    pad = sidebar.fontMetrics().averageCharWidth() * 2
    inner = QVBoxLayout()
    inner.setContentsMargins(pad, pad, pad, pad)
    inner.addWidget(button)
    layout.addLayout(inner)
    QWidget.setTabOrder(sidebar, button)
    return column


class HardDayOpener(QObject):
    """Opens the panel over ``window`` (or raises the one already open).

    A modal dialog (an editor, say) blocks the window's own Ctrl+Shift+H, so the key is
    also watched for application-wide while one is up, and the panel opens over it.
    """

    def __init__(
        self,
        window: QWidget,
        crisis: CrisisHelpService,
        source: Services | None,
        on_plan: Callable[[], Any],
    ) -> None:
        super().__init__(window)
        self._window = window
        self.crisis = crisis
        self._source = source
        self._on_plan = on_plan
        #: The panel on screen, if any.
        self.panel: HardDayPanel | None = None
        self._closed_for_good = False
        # Watching starts once the window is on screen, when a dialog can first be up: an
        # app-wide filter runs Python for every event, thousands while the window is built
        # and first painted, and hands PySide objects it has never seen (~20 ms at start).
        when_first_painted(window, self._watch_dialogs)
        QTimer.singleShot(WARM_AFTER_MS, self, self.warm)

    def _watch_dialogs(self) -> None:
        app = QApplication.instance()
        if app is not None and not self._closed_for_good:
            app.installEventFilter(self)

    def forget_the_network(self) -> None:
        """The store is gone (all data deleted): from now on the panel shows the crisis
        lines alone, with no one from the network and no message ideas."""
        self._source = None

    def warm(self) -> None:
        """Load what the panel needs ahead of time (nothing is shown)."""
        import supportnet.ui.hard_day.panel  # noqa: F401 (imported for later)
        from supportnet.safety.crisis_lines import countries

        try:
            countries()
            self.crisis.help()
        except SupportNetError:
            pass  # the panel says what it can when it opens

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress:
            return False
        # Imported here, at the first key: the class isn't made before the first paint.
        from PySide6.QtGui import QKeyEvent

        if (
            isinstance(event, QKeyEvent)
            and event.keyCombination() == _KEYS
            and QApplication.activeModalWidget() is not None
            and self._window.isVisible()
        ):
            self.open()
            return True
        return False

    def open(self) -> HardDayPanel:
        # Over a modal dialog the panel must be its child, or the dialog would block it.
        over = QApplication.activeModalWidget() or self._window
        panel = self.panel
        if panel is not None and not isValid(panel):
            panel = None  # it went with the dialog it was opened over
        if panel is not None and panel.parentWidget() is not over:
            panel.reject()  # it sits under the modal dialog now; open it again on top
            panel = None
        if panel is None:
            panel = self.panel = self._build(over)
            panel.show()
        panel.raise_()
        panel.activateWindow()
        return panel

    def _build(self, over: QWidget) -> HardDayPanel:
        from supportnet.ui.hard_day.panel import HardDayPanel
        from supportnet.ui.hard_day.people import hard_day_idea

        people: list[Any] = []
        ideas: list[str] = []
        if self._source is not None:
            # On a hard day the lines show whatever happens; a failed read leaves out the people.
            try:
                people = list(self._source.safety_plan.crisis_people())
            except SupportNetError:
                people = []
            try:
                ideas = [idea.text for idea in self._source.ideas.list_all()]
            except SupportNetError:
                ideas = []
        panel = HardDayPanel(self.crisis, people, hard_day_idea(ideas), over)
        panel.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        panel.plan_requested.connect(self._on_plan)
        panel.finished.connect(self._closed)
        return panel

    def close(self) -> None:
        """Close the panel if it is open, and stop watching every event of the app: the
        window is closing for good (a window kept alive after it, as in tests, would
        otherwise run Python for each event of every window after it)."""
        self._closed_for_good = True
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        panel = self.panel
        if panel is not None and isValid(panel):
            panel.reject()
        self.panel = None

    def _closed(self, _result: int = 0) -> None:
        if self.sender() is self.panel:
            self.panel = None


class HelpLink(QPushButton):
    """ "Need help now?": a quiet link-coloured button that shows the crisis lines alone.

    It opens nothing of the store. ``crisis`` None: the system locale's country.
    """

    def __init__(self, crisis: CrisisHelpService | None, parent: QWidget | None = None) -> None:
        super().__init__(_(HELP_LINK_TEXT), parent)
        self._crisis = crisis
        #: The crisis lines on screen, once opened.
        self.dialog: CrisisLinesDialog | None = None
        self.setFlat(True)
        self.setAccessibleName(_(HELP_LINK_TEXT).replace("&", ""))
        self.setAccessibleDescription(_(HELP_LINK_DESCRIPTION))
        self.setToolTip(_(HELP_LINK_DESCRIPTION))
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setAutoDefault(False)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.ButtonText, palette.color(QPalette.ColorRole.Link))
        self.setPalette(palette)
        self.clicked.connect(self.show_lines)

    def show_lines(self) -> CrisisLinesDialog:
        from supportnet.services.crisis import CrisisHelpService
        from supportnet.ui.hard_day.panel import CrisisLinesDialog

        dialog = self.dialog
        if dialog is None:
            crisis = self._crisis or CrisisHelpService(None)
            dialog = self.dialog = CrisisLinesDialog(crisis, self.window())
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.finished.connect(self._closed)
            dialog.show()
        dialog.raise_()
        dialog.activateWindow()
        return dialog

    def _closed(self, _result: int = 0) -> None:
        self.dialog = None
