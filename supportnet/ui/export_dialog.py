"""Export to calendar: whose plans, how much the file says, a live preview, and where it goes."""

from __future__ import annotations

import contextlib
import itertools
from collections.abc import Callable, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import (
    QAbstractListModel,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QRectF,
    QSize,
    QSortFilterProxyModel,
    QStandardPaths,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import (
    QAccessible,
    QAccessibleAnnouncementEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QRadioButton,
    QSizePolicy,
    QSpinBox,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from supportnet.data import calendar_export
from supportnet.data.reachouts import ReachOutReader
from supportnet.errors import ExportError, SupportNetError
from supportnet.ics_export import (
    DEFAULT_FILE_NAME,
    DEFAULT_WEEKS,
    MAX_ALARM_MINUTES,
    MAX_WEEKS,
    ExportEvent,
    ExportOptions,
    Privacy,
    Scope,
)
from supportnet.network import Circle
from supportnet.paths import user_path
from supportnet.reachout import TargetKey, plan_target_key
from supportnet.ui.background import Background
from supportnet.ui.export_outcome import after_close, report_late_export_error
from supportnet.ui.labels import buddy_label, title_label
from supportnet.ui.lists import ListArea, make_table
from supportnet.ui.models import header_text
from supportnet.ui.person_editor import heading_label
from supportnet.ui.plan_fields import quiet, zone_or_utc
from supportnet.ui.plan_wording import short_date, user_zone_name
from supportnet.ui.ui_state import UiState
from supportnet.ui.unlock_dialog import FieldMessage

TITLE = "Export to calendar"
INTRO = (
    "Save your plans as a calendar file (.ics) to import into Google Calendar, Outlook, "
    "Apple Calendar or Thunderbird. Nothing is sent anywhere."
)
PRIVACY_HEADING = "What your calendar will say"
PRIVACY_HINT = (
    "Calendars appear on phones, lock screens and shared screens. Choose how much your events say."
)
#: Each level's radio text, with its mnemonic.
PRIVACY_TEXT = {
    Privacy.DISCREET: "&Discreet",
    Privacy.FIRST_NAME: "&First name",
    Privacy.FULL: "F&ull",
}
EVERYONE = "Every&one with a plan"
CHOSEN = "Chosen &people and groups"
ONE_CIRCLE = "One &circle"
WEEKS_HINT = (
    "For plans that come every so often, and one-off plans. Repeating plans are exported "
    "as repeating events, with no end unless they have one."
)
ALARM_HINT = "Google Calendar leaves reminders out when it imports; it uses your own defaults."
HELP_TOGGLE = "What happens when I &import again?"
HELP_TEXT = (
    "Each export keeps the same event identities, so a new file can update an old one.\n\n"
    "•  Google Calendar and khal update the events they already have.\n"
    "•  Outlook updates matching events, or asks you first.\n"
    "•  Thunderbird skips events it already has. To see changes, delete the old events "
    "first, or import into a fresh calendar.\n"
    "•  Apple Calendar imports into a calendar you choose. Importing again may add copies, "
    "so use a fresh calendar."
)
NOTHING_TO_WRITE = "Nothing to write yet"
NOTHING_MORE = (
    "The chosen plans are paused, finished, or fall outside the weeks ahead. "
    "You could choose everyone, or more weeks."
)
NO_PLANS = "There are no plans to export yet"
NO_PLANS_MORE = "Plans you make for people and groups will appear here."
CHOOSE_SOME = "Tick the people and groups whose plans you'd like in the file."
FIX_FIRST = "Check the note above to see the preview."
EXISTS_NOTE = "A file with this name is already there; exporting replaces it."
NO_PATH = "Choose where to save the file."
FILE_FILTER = "Calendar files (*.ics)"
#: How many events the preview lists.
PREVIEW_LIMIT = 50
#: How long the preview waits for more changes before it reads again.
DEBOUNCE_MS = 150
DEFAULT_ALARM_MINUTES = 15

# UI-state keys (the INI file beside the data, not the database).
STATE_PRIVACY = "export/privacy"
STATE_WEEKS = "export/weeks"
STATE_ALARM = "export/alarm"
STATE_FOLDER = "export/folder"

Index = QModelIndex | QPersistentModelIndex


def _confirmation(result: calendar_export.Exported) -> str:
    """The status line after an export, e.g. "Exported 12 events to plans.ics"."""
    return f"Exported {events_text(len(result.events))} to {result.path.name}"


def events_text(n: int) -> str:
    return "1 event" if n == 1 else f"{n:,} events"


def withdrawn_text(n: int, where: str = "of your calendar") -> str:
    """E.g. "3 events from before, no longer planned, will be taken out of your calendar."."""
    return f"{events_text(n)} from before, no longer planned, will be taken out {where}."


def count_text(n: int, withdrawn: int = 0) -> str:
    """The line above the preview: "23 events will be written.", how many are shown, and
    how many given to calendars before will be taken out again."""
    text = "1 event will be written." if n == 1 else f"{events_text(n)} will be written."
    if withdrawn:
        text += f" {withdrawn_text(withdrawn)}"
    if n > PREVIEW_LIMIT:
        text += f" Showing the first {PREVIEW_LIMIT}."
    return text


def when_text(event: ExportEvent, zone: ZoneInfo, today: date) -> str:
    """When an event is, on the user's clock: "Sun 29 Nov, 18:00", "Around Mon 30 Nov",
    "Next Sun 29 Nov, 18:00" for a repeating one (its next time from today)."""
    start = event.upcoming or event.start
    if isinstance(start, datetime):
        local = start.astimezone(zone)
        text = f"{short_date(local.date(), today)}, {local:%H:%M}"
    else:
        text = short_date(start, today)
    if event.flexible:
        return f"Around {text}"
    if event.rrule is not None:
        return f"{'Next' if event.upcoming else 'From'} {text}"
    return text


def default_folder() -> Path:
    """The Documents folder if there is one, else the home folder."""
    home = Path.home()
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    for candidate in (Path(documents) if documents else None, home / "Documents"):
        if candidate is not None and candidate != home and candidate.is_dir():
            return candidate
    return home


def normalise_path(text: str) -> Path | None:
    """The file a typed path means: ``~`` expanded, under home if relative, ".ics" if bare."""
    text = text.strip()
    if not text:
        return None
    path = user_path(text)
    if not path.is_absolute():
        path = Path.home() / path
    if not path.suffix and path.name:
        path = path.with_name(path.name.rstrip(".") + ".ics")
    return path


def ask_path(parent: QWidget | None, start: str) -> str:
    """Ask where to save the calendar file; "" if the person changed their mind."""
    path, _chosen = QFileDialog.getSaveFileName(
        parent, "Save the calendar file", start, FILE_FILTER
    )
    return path


# --- models ------------------------------------------------------------------------------------


class PreviewModel(QAbstractTableModel):
    """The events the file will hold, as the person's calendar will show them."""

    WHEN, TITLE, WHO, REPEATS = range(4)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[tuple[str, str, str, str]] = []
        self._privacy = Privacy.FIRST_NAME

    def set_events(
        self, events: Sequence[ExportEvent], zone: ZoneInfo, today: date, privacy: Privacy
    ) -> None:
        self.beginResetModel()
        self._privacy = privacy
        self._rows = [(when_text(e, zone, today), e.summary, e.who, e.repeats) for e in events]
        self.endResetModel()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.columnCount() - 1)

    def headers(self) -> list[str]:
        who = "Who (not in the file)" if self._privacy is Privacy.DISCREET else "Who"
        return ["When", "Title in your calendar", who, "Repeats"]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return row[index.column()]
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.ToolTipRole and section == self.WHO:
            return "Shown here to help you check; the file says only what the title says."
        return header_text(self.headers(), section, orientation, role)


class TargetsModel(QAbstractListModel):
    """People and groups that have plans, each with a tick box."""

    checked_changed = Signal()

    def __init__(self, targets: Sequence[tuple[TargetKey, str]], parent: QObject | None = None):
        super().__init__(parent)
        self._targets = list(targets)
        self._checked: set[TargetKey] = set()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._targets)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        key, label = self._targets[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return label
        if role == Qt.ItemDataRole.CheckStateRole:
            return Qt.CheckState.Checked if key in self._checked else Qt.CheckState.Unchecked
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemIsUserCheckable
        )

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or role != Qt.ItemDataRole.CheckStateRole:
            return False
        key = self._targets[index.row()][0]
        on = Qt.CheckState(value) == Qt.CheckState.Checked
        if on:
            self._checked.add(key)
        else:
            self._checked.discard(key)
        self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])
        self.checked_changed.emit()
        return True

    def checked(self) -> frozenset[TargetKey]:
        return frozenset(self._checked)


def show_in_file_manager(folder: Path) -> bool:
    """Open ``folder`` in the desktop's file manager; False where none answers."""
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QDesktopServices

    return QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


def targets_with_plans(store: Any, reader: ReachOutReader) -> list[tuple[TargetKey, str]]:
    """Everyone with a plan that isn't paused, sorted by name; groups say so."""
    whos = calendar_export.whos(store)
    keys = {key for plan in reader.plans() if (key := plan_target_key(plan)) is not None}
    found = []
    for key in keys:
        who = whos.get(key)
        if who is not None:
            label = f"{who.name} (group)" if who.kind == "group" else who.name
            found.append((key, label))
    return sorted(found, key=lambda item: item[1].casefold())


# --- pieces ------------------------------------------------------------------------------------


class PrivacyCard(QFrame):
    """One privacy level: a radio button with its explanation beneath, in a framed card.

    The chosen card has a thicker outline in the palette's highlight colour; the radio
    button's dot says the same without colour. A click anywhere on the card chooses it.
    """

    def __init__(self, privacy: Privacy, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.privacy = privacy
        self.radio = QRadioButton(PRIVACY_TEXT[privacy])
        self.radio.setAccessibleName(f"Privacy: {privacy.label}")
        self.radio.setAccessibleDescription(privacy.explanation)
        font = self.radio.font()
        font.setBold(True)
        self.radio.setFont(font)
        self.explanation = QLabel(privacy.explanation)
        self.explanation.setTextFormat(Qt.TextFormat.PlainText)
        self.explanation.setWordWrap(True)
        self.explanation.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.explanation.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        style = self.radio.style()
        indent = style.pixelMetric(
            QStyle.PixelMetric.PM_ExclusiveIndicatorWidth
        ) + style.pixelMetric(QStyle.PixelMetric.PM_RadioButtonLabelSpacing)
        self.explanation.setContentsMargins(indent, 0, 0, 0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 12, 14, 14)
        layout.setSpacing(6)
        layout.addWidget(self.radio)
        layout.addWidget(self.explanation)
        layout.addStretch(1)
        self.radio.toggled.connect(lambda _on: self.update())
        self.setAccessibleName(f"{privacy.label}: {privacy.explanation}")

    def paintEvent(self, event: QPaintEvent) -> None:
        chosen = self.radio.isChecked()
        palette = self.palette()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        width = 2.0 if chosen else 1.0
        role = QPalette.ColorRole.Highlight if chosen else QPalette.ColorRole.Mid
        painter.setPen(QPen(palette.color(role), width))
        painter.setBrush(
            palette.color(QPalette.ColorRole.Base) if chosen else Qt.BrushStyle.NoBrush
        )
        inset = width / 2 + 0.5
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(inset, inset, -inset, -inset), 6, 6)
        painter.end()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self.radio.setChecked(True)
            self.radio.setFocus(Qt.FocusReason.MouseFocusReason)
            event.accept()
            return
        super().mousePressEvent(event)


def _hint(text: str) -> QLabel:
    """A quieter line of explanation under a field."""
    label = quiet(QLabel(text))
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


# --- the dialog --------------------------------------------------------------------------------


class ExportDialog(QDialog):
    """Choose whose plans, how far ahead, how much the file says and where it goes; export.

    ``store`` is read only through the data layer (:mod:`supportnet.data.calendar_export`);
    ``clock`` returns an aware now. The last privacy level, weeks, reminder and folder are
    kept in ``ui_state``. ``status`` hears a short confirmation after an export. The file
    is written on ``background``'s worker thread; :attr:`export_finished` carries what was
    written, or ``None`` after a problem. A problem met after the dialog was closed goes to
    ``report_error`` (by default a message box), so it is never lost.
    """

    export_finished = Signal(object)

    def __init__(
        self,
        store: Any,
        clock: Callable[[], datetime],
        *,
        ui_state: UiState | None = None,
        status: Callable[[str], None] | None = None,
        background: Background | None = None,
        open_folder: Callable[[Path], bool] | None = None,
        report_error: Callable[[str], None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._report_error = report_error or report_late_export_error
        self._store = store
        self._clock = clock
        self._open_folder = open_folder or show_in_file_manager
        self._background = background or Background(self)
        self._saving = False
        self._state = ui_state or UiState(None)
        self._status = status
        self._reader = ReachOutReader(store)
        self._zone = zone_or_utc(user_zone_name(store))
        #: The events the preview last showed (all of them, not only the first 50).
        self.events: list[ExportEvent] = []
        #: How many events given to calendars before the next export would cancel.
        self.withdrawn = 0
        #: What the last export wrote, if anything.
        self.exported: calendar_export.Exported | None = None
        self._targets = targets_with_plans(store, self._reader)

        self.setWindowTitle(TITLE)
        self.setAccessibleName(TITLE)
        self.setModal(True)
        heading = title_label(TITLE)
        intro = QLabel(INTRO)
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.PlainText)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 18)
        layout.setSpacing(8)
        layout.addWidget(heading)
        layout.addWidget(intro)
        layout.addSpacing(8)
        layout.addLayout(self._build_privacy())
        layout.addSpacing(12)
        layout.addLayout(self._build_timing())
        layout.addSpacing(12)
        middle = QHBoxLayout()
        middle.setSpacing(24)
        middle.addWidget(self._build_scope())
        middle.addLayout(self._build_preview(), 1)
        layout.addLayout(middle, 1)
        layout.addSpacing(8)
        layout.addLayout(self._build_file())
        layout.addSpacing(4)
        layout.addLayout(self._build_buttons())

        self._set_tab_order()
        self._restore()

        # Every option change reads the preview again, a moment after the last one.
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self.refresh_preview)
        self.privacy_group.idToggled.connect(self._option_toggled)
        self.scope_group.idToggled.connect(self._scope_toggled)
        self.targets_model.checked_changed.connect(self._changed)
        self.circle_combo.currentIndexChanged.connect(self._changed)
        self.weeks_spin.valueChanged.connect(self._changed)
        self.alarm_check.toggled.connect(self._alarm_toggled)
        self.alarm_spin.valueChanged.connect(self._changed)
        self.path_field.textChanged.connect(self._path_changed)

        self._default_size()
        self.refresh_preview()
        self._path_changed()
        self.privacy_buttons[self.privacy()].setFocus()

    # --- building --------------------------------------------------------------------------------

    def _build_privacy(self) -> QVBoxLayout:
        """The most important choice, first and largest: three cards side by side."""
        self.privacy_group = QButtonGroup(self)
        self.privacy_cards: dict[Privacy, PrivacyCard] = {}
        self.privacy_buttons: dict[Privacy, QRadioButton] = {}
        cards = QHBoxLayout()
        cards.setSpacing(12)
        for number, level in enumerate(Privacy):
            card = PrivacyCard(level)
            self.privacy_group.addButton(card.radio, number)
            self.privacy_cards[level] = card
            self.privacy_buttons[level] = card.radio
            cards.addWidget(card, 1)
        section = QVBoxLayout()
        section.setSpacing(8)
        section.addWidget(heading_label(PRIVACY_HEADING))
        section.addWidget(_hint(PRIVACY_HINT))
        section.addLayout(cards)
        return section

    def _build_scope(self) -> QWidget:
        """Everyone, chosen people and groups (a searchable list with tick boxes), or a circle."""
        self.scope_group = QButtonGroup(self)
        self.everyone_radio = QRadioButton(EVERYONE)
        self.everyone_radio.setAccessibleName("Whose plans: everyone with a plan")
        self.chosen_radio = QRadioButton(CHOSEN)
        self.chosen_radio.setAccessibleName("Whose plans: chosen people and groups")
        self.circle_radio = QRadioButton(ONE_CIRCLE)
        self.circle_radio.setAccessibleName("Whose plans: one circle")
        for number, radio in enumerate((self.everyone_radio, self.chosen_radio, self.circle_radio)):
            self.scope_group.addButton(radio, number)
        self.everyone_radio.setChecked(True)

        self.search_field = QLineEdit()
        self.search_field.setAccessibleName("Search people and groups")
        self.search_field.setPlaceholderText("Search names")
        self.search_field.setClearButtonEnabled(True)
        self.targets_model = TargetsModel(self._targets, self)
        self.targets_proxy = QSortFilterProxyModel(self)
        self.targets_proxy.setSourceModel(self.targets_model)
        self.targets_proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.targets_view = QListView()
        self.targets_view.setModel(self.targets_proxy)
        self.targets_view.setAccessibleName("People and groups to export")
        self.targets_view.setAccessibleDescription("Space ticks or unticks the one selected.")
        self.targets_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.targets_view.setUniformItemSizes(True)
        self.targets_view.setSpacing(2)
        self.targets_view.setMinimumHeight(self.fontMetrics().height() * 5)
        # On the window colour, like every other tick box: Fusion draws the box in the base
        # colour, which vanishes on a base-coloured list in dark palettes.
        self.targets_view.viewport().setBackgroundRole(QPalette.ColorRole.Window)
        self.search_field.textChanged.connect(self.targets_proxy.setFilterFixedString)
        self.chosen_box = QWidget()
        chosen_layout = QVBoxLayout(self.chosen_box)
        indent = self.style().pixelMetric(QStyle.PixelMetric.PM_ExclusiveIndicatorWidth) + 8
        chosen_layout.setContentsMargins(indent, 0, 0, 4)
        chosen_layout.setSpacing(4)
        chosen_layout.addWidget(self.search_field)
        chosen_layout.addWidget(self.targets_view)
        self.chosen_box.setVisible(False)

        self.circle_combo = QComboBox()
        self.circle_combo.setAccessibleName("Circle")
        for circle in Circle:
            self.circle_combo.addItem(circle.label, circle.value)
            self.circle_combo.setItemData(
                self.circle_combo.count() - 1, circle.description, Qt.ItemDataRole.ToolTipRole
            )
        self.circle_combo.setEnabled(False)
        circle_row = QHBoxLayout()
        circle_row.setSpacing(8)
        circle_row.addWidget(self.circle_radio)
        circle_row.addWidget(self.circle_combo)
        circle_row.addStretch(1)

        em = self.fontMetrics().averageCharWidth()
        scope = QVBoxLayout()
        scope.setContentsMargins(0, 0, 0, 0)
        scope.setSpacing(6)
        scope.addWidget(heading_label("Whose plans"))
        scope.addWidget(self.everyone_radio)
        scope.addWidget(self.chosen_radio)
        scope.addWidget(self.chosen_box, 1)
        scope.addLayout(circle_row)
        scope.addStretch(0)
        self.scope_box = QWidget()
        self.scope_box.setLayout(scope)
        self.scope_box.setFixedWidth(em * 44)
        return self.scope_box

    def _build_timing(self) -> QHBoxLayout:
        """Weeks ahead and the reminder, side by side, each with a line on what it means."""
        self.weeks_spin = QSpinBox()
        # Wider than allowed, so a number too large is explained rather than refused.
        self.weeks_spin.setRange(0, 999)
        self.weeks_spin.setValue(DEFAULT_WEEKS)
        self.weeks_spin.setAccessibleName("Weeks ahead")
        self.weeks_spin.setAccessibleDescription(WEEKS_HINT)
        self.weeks_spin.setMinimumWidth(self.fontMetrics().averageCharWidth() * 9)
        self.weeks_message = FieldMessage("Weeks ahead: message")
        weeks_row = QHBoxLayout()
        weeks_row.setSpacing(8)
        weeks_row.addWidget(buddy_label("&Weeks ahead", self.weeks_spin))
        weeks_row.addWidget(self.weeks_spin)
        weeks_row.addStretch(1)

        self.alarm_check = QCheckBox("&Remind me")
        self.alarm_check.setAccessibleName("Reminder")
        self.alarm_check.setAccessibleDescription(ALARM_HINT)
        self.alarm_spin = QSpinBox()
        self.alarm_spin.setRange(0, 99_999)
        self.alarm_spin.setValue(DEFAULT_ALARM_MINUTES)
        self.alarm_spin.setAccessibleName("Reminder: minutes before")
        self.alarm_spin.setMinimumWidth(self.fontMetrics().averageCharWidth() * 9)
        self.alarm_spin.setEnabled(False)
        self.alarm_message = FieldMessage("Reminder: message")
        alarm_row = QHBoxLayout()
        alarm_row.setSpacing(8)
        alarm_row.addWidget(self.alarm_check)
        alarm_row.addWidget(self.alarm_spin)
        alarm_row.addWidget(QLabel("minutes before"))
        alarm_row.addStretch(1)

        weeks = QVBoxLayout()
        weeks.setSpacing(6)
        weeks.addWidget(heading_label("How far ahead"))
        weeks.addLayout(weeks_row)
        weeks.addWidget(self.weeks_message)
        weeks.addWidget(_hint(WEEKS_HINT))
        weeks.addStretch(1)
        alarm = QVBoxLayout()
        alarm.setSpacing(6)
        alarm.addWidget(heading_label("Reminder"))
        alarm.addLayout(alarm_row)
        alarm.addWidget(self.alarm_message)
        alarm.addWidget(_hint(ALARM_HINT))
        alarm.addStretch(1)
        timing = QHBoxLayout()
        timing.setSpacing(24)
        timing.addLayout(weeks, 1)
        timing.addLayout(alarm, 1)
        return timing

    def _build_preview(self) -> QVBoxLayout:
        """The events as the calendar will show them: a count, the table, or a kind line."""
        self.preview_model = PreviewModel(self)
        self.preview_table = make_table(self.preview_model, "Events to be written")
        self.preview_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.preview_table.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.preview_table.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        header = self.preview_table.horizontalHeader()
        metrics = self.preview_table.fontMetrics()
        pad = metrics.averageCharWidth() * 3
        header.resizeSection(
            PreviewModel.WHEN, metrics.horizontalAdvance("Around Wed 29 Nov, 18:00") + pad
        )
        header.resizeSection(PreviewModel.TITLE, metrics.averageCharWidth() * 30)
        header.resizeSection(
            PreviewModel.WHO,
            max(
                metrics.horizontalAdvance("Who (not in the file)") + pad,
                metrics.averageCharWidth() * 26,
            ),
        )
        header.setSectionResizeMode(PreviewModel.REPEATS, QHeaderView.ResizeMode.Stretch)
        self.preview_area = ListArea(self.preview_table, "Preview")
        self.preview_area.clear_button.setToolTip("Choose “Everyone with a plan”")
        self.preview_area.clear_button.clicked.connect(lambda: self.everyone_radio.setChecked(True))
        self.count_label = QLabel()
        self.count_label.setTextFormat(Qt.TextFormat.PlainText)
        preview_heading = heading_label("Pre&view")
        preview_heading.setAccessibleName("Preview")
        preview_heading.setBuddy(self.preview_table)
        preview_hint = _hint("Titles are shown exactly as your calendar will show them.")

        preview = QVBoxLayout()
        preview.setSpacing(6)
        preview.addWidget(preview_heading)
        preview.addWidget(self.count_label)
        preview.addWidget(self.preview_area, 1)
        preview.addWidget(preview_hint)
        return preview

    def _build_file(self) -> QVBoxLayout:
        """Where the file goes, its messages, and the help about importing again."""
        self.path_field = QLineEdit()
        self.path_field.setAccessibleName("Save to")
        self.path_field.setAccessibleDescription("The calendar file to write")
        self.path_field.setText(str(self._start_folder() / DEFAULT_FILE_NAME))
        self.path_field.setMinimumWidth(self.fontMetrics().averageCharWidth() * 40)
        self.choose_button = QPushButton("C&hoose…")
        self.choose_button.setAccessibleName("Choose where to save")
        self.choose_button.setAutoDefault(False)
        self.choose_button.clicked.connect(self.choose_path)
        self.file_message = FieldMessage("Save to: message")
        self.exists_note = FieldMessage("Save to: note")
        file_row = QHBoxLayout()
        file_row.setSpacing(8)
        file_row.addWidget(buddy_label("Save &to", self.path_field))
        file_row.addWidget(self.path_field, 1)
        file_row.addWidget(self.choose_button)

        self.help_button = QToolButton()
        self.help_button.setText(HELP_TOGGLE)
        self.help_button.setAccessibleName("What happens when I import again?")
        self.help_button.setCheckable(True)
        self.help_button.setAutoRaise(True)
        self.help_button.setArrowType(Qt.ArrowType.RightArrow)
        self.help_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.help_button.toggled.connect(self._toggle_help)
        self.help_text = QLabel(HELP_TEXT)
        self.help_text.setTextFormat(Qt.TextFormat.PlainText)
        self.help_text.setWordWrap(True)
        self.help_text.setContentsMargins(24, 0, 0, 4)
        self.help_text.setVisible(False)

        section = QVBoxLayout()
        section.setSpacing(8)
        section.addLayout(file_row)
        section.addWidget(self.file_message)
        section.addWidget(self.exists_note)
        section.addWidget(self.help_button, 0, Qt.AlignmentFlag.AlignLeft)
        section.addWidget(self.help_text)
        return section

    def _build_buttons(self) -> QHBoxLayout:
        """The confirmation after an export, Cancel (Close once done) and Export."""
        self.done_message = FieldMessage("Export: done")
        for label in self.done_message.findChildren(QLabel):
            # The path can be copied, to find the file or tell someone where it is.
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.folder_button = QPushButton("Show in fo&lder")
        self.folder_button.setAccessibleName("Show in folder")
        self.folder_button.setToolTip("Open the folder the calendar file was saved in")
        self.folder_button.setAutoDefault(False)
        self.folder_button.clicked.connect(self.show_folder)
        self.folder_button.hide()  # until there is a file to show
        self.cancel_button = QPushButton("Cancel")
        self.cancel_button.setAccessibleName("Cancel")
        self.cancel_button.setAutoDefault(False)
        self.cancel_button.clicked.connect(self.reject)
        self.export_button = QPushButton("&Export")
        self.export_button.setAccessibleName("Export")
        self.export_button.setDefault(True)
        self.export_button.setAutoDefault(True)
        self.export_button.clicked.connect(self.export)

        buttons = QHBoxLayout()
        buttons.setSpacing(12)
        self.done_message.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        buttons.addWidget(self.done_message, 1)
        buttons.addStretch(0)
        buttons.addWidget(self.folder_button)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.export_button)
        return buttons

    def preferred_size(self) -> QSize:
        """The size the dialog opens at when the screen has room for it."""
        em = self.fontMetrics().averageCharWidth()
        return QSize(em * 185, self.fontMetrics().height() * 54)

    def _default_size(self) -> None:
        size = self.preferred_size()
        screen = self.screen()
        if screen is not None:
            room = screen.availableGeometry()
            size = size.boundedTo(QSize(int(room.width() * 0.95), int(room.height() * 0.92)))
        self.resize(size)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 120)

    # --- reading the form ------------------------------------------------------------------------

    def privacy(self) -> Privacy:
        for level, button in self.privacy_buttons.items():
            if button.isChecked():
                return level
        return Privacy.DISCREET

    def options(self) -> ExportOptions:
        alarm = self.alarm_spin.value() if self.alarm_check.isChecked() else None
        return ExportOptions(self.privacy(), self.weeks_spin.value(), alarm)

    def scope(self) -> Scope:
        if self.chosen_radio.isChecked():
            return Scope(targets=self.targets_model.checked())
        if self.circle_radio.isChecked():
            return Scope(circle=Circle(self.circle_combo.currentData()))
        return Scope()

    def target_path(self) -> Path | None:
        """The file the export will write (".ics" added to a bare name), or None if empty."""
        return normalise_path(self.path_field.text())

    # --- reacting --------------------------------------------------------------------------------

    def _changed(self, *_args: Any) -> None:
        self.export_button.setDefault(True)
        self._debounce.start()

    def _option_toggled(self, _id: int, on: bool) -> None:
        if on:
            self._changed()

    def _scope_toggled(self, _id: int, on: bool) -> None:
        if not on:
            return
        self.chosen_box.setVisible(self.chosen_radio.isChecked())
        self.circle_combo.setEnabled(self.circle_radio.isChecked())
        self._changed()

    def _alarm_toggled(self, on: bool) -> None:
        self.alarm_spin.setEnabled(on)
        self._changed()

    def _toggle_help(self, shown: bool) -> None:
        self.help_text.setVisible(shown)
        arrow = Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow
        self.help_button.setArrowType(arrow)

    def _path_changed(self, *_args: Any) -> None:
        self.file_message.set_message("")
        path = self.target_path()
        try:
            there = path is not None and path.is_file()
        except OSError:  # a name too long for the file system: said on Export
            there = False
        self.exists_note.set_message(EXISTS_NOTE if there else "")

    def choose_path(self) -> None:
        path = self.target_path()
        start = str(path) if path is not None else str(self._start_folder() / DEFAULT_FILE_NAME)
        chosen = ask_path(self, start)
        if chosen:
            final = normalise_path(chosen)
            self.path_field.setText(str(final) if final is not None else chosen)

    def refresh_preview(self) -> None:
        """Read the events again for the options as they are now, and show them."""
        self._debounce.stop()
        options = self.options()
        problems = {p.field: p.message for p in options.problems()}
        self.weeks_message.set_message(problems.get("weeks", ""))
        self.alarm_message.set_message(problems.get("alarm_minutes", ""))
        self.events = []
        self.withdrawn = 0
        now = self._clock()
        today = now.astimezone(self._zone).date()
        if problems:
            self.preview_model.set_events([], self._zone, today, options.privacy)
            self.count_label.setText("")
            self.preview_area.show_message(FIX_FIRST)
            self._update_export()
            return
        try:
            found = calendar_export.preview_export(
                self._store, options, now, self.scope(), reader=self._reader
            )
            self.events, self.withdrawn = found.events, found.withdrawn
        except SupportNetError as exc:
            self.preview_area.show_message(exc.message)
            self.count_label.setText("")
            self._update_export()
            return
        self.preview_model.set_events(
            self.events[:PREVIEW_LIMIT], self._zone, today, options.privacy
        )
        self._show_count()
        self._update_export()

    def _show_count(self) -> None:
        if self.events:
            self.count_label.setText(count_text(len(self.events), self.withdrawn))
            self.preview_area.show_table()
            return
        if self.withdrawn:
            # Nothing new, but a file that takes old events out of calendars is worth saving.
            self.count_label.setText(f"No new events. {withdrawn_text(self.withdrawn)}")
            self.preview_area.show_table()
            return
        self.count_label.setText("No events will be written.")
        if not self._targets:
            self.preview_area.show_message(NO_PLANS, NO_PLANS_MORE)
        elif self.chosen_radio.isChecked() and not self.targets_model.checked():
            self.preview_area.show_message(NOTHING_TO_WRITE, CHOOSE_SOME, can_clear=True)
        else:
            can_clear = not self.everyone_radio.isChecked()
            self.preview_area.show_message(NOTHING_TO_WRITE, NOTHING_MORE, can_clear=can_clear)

    def _update_export(self) -> None:
        ok = bool(self.events or self.withdrawn) and not self._saving
        self.export_button.setEnabled(ok)
        nothing = not ok and not self._saving
        self.export_button.setToolTip(
            "There's nothing to write with these choices." if nothing else ""
        )

    # --- exporting -------------------------------------------------------------------------------

    def export(self) -> bool:
        """Start writing the file on the worker thread; False if it could not start.

        :attr:`export_finished` follows with what was written (or ``None``): a problem is
        said beside the file field and the dialog stays open.
        """
        if self._saving:
            return False
        if self._debounce.isActive():
            self.refresh_preview()
        if not self.export_button.isEnabled():
            return False
        self.file_message.set_message("")
        path = self.target_path()
        if path is None:
            self.file_message.set_message(NO_PATH)
            self.path_field.setFocus()
            return False
        self.path_field.setText(str(path))
        try:
            calendar_export.check_target(path)
        except ExportError as exc:
            self._failed(exc)
            return False
        options, scope, now, store = self.options(), self.scope(), self._clock(), self._store

        def work() -> calendar_export.Exported:
            # Its own reader: the preview may read on the GUI thread meanwhile.
            return calendar_export.export(store, path, options, now, scope)

        self._set_saving(True)
        self._background.run(
            work,
            lambda result: self._saved(result, options),
            self._failed,
            receiver=self,
            if_gone=after_close(self._status, self._report_error, _confirmation),
        )
        return True

    def _set_saving(self, saving: bool) -> None:
        self._saving = saving
        self._update_export()
        self.export_button.setText("Saving…" if saving else "&Export")
        if saving:
            self.done_message.set_message("")

    def _saved(self, result: calendar_export.Exported, options: ExportOptions) -> None:
        self._set_saving(False)
        self.exported = result
        self.exists_note.set_message("")
        count = events_text(len(result.events))
        done = f"Saved {count} to {result.path}. You can import it into your calendar now."
        if result.cancelled:
            where = "of calendars that update by event (Google, Outlook, khal)"
            done += f" {withdrawn_text(result.cancelled, where)}"
        self.done_message.set_message(done)
        self.folder_button.show()
        self._announce(done)
        self.cancel_button.setText("Close")
        self.cancel_button.setAccessibleName("Close")
        # Done: Enter now closes; changing anything makes Export the default again.
        self.cancel_button.setDefault(True)
        self._remember(options, result.path)
        if self._status is not None:
            self._status(_confirmation(result))
        self.export_finished.emit(result)

    def show_folder(self) -> None:
        """Open the folder of the file just saved, to drag it into a calendar."""
        if self.exported is None:
            return
        folder = self.exported.path.parent
        if not self._open_folder(folder):
            self.done_message.set_message(
                f"Couldn't open a file manager here; the file is in {folder}."
            )

    def _failed(self, error: BaseException) -> None:
        if self._saving:
            self._set_saving(False)
        if not isinstance(error, SupportNetError):
            self.export_finished.emit(None)
            raise error  # a bug, not bad input: the crash dialog shows it
        if not self.isVisible():  # closed, though not yet deleted: say it where it's seen
            self._report_error(error.message)
        self.file_message.set_message(error.message)
        self.done_message.set_message("")
        self.path_field.setFocus()
        self._announce(error.message)
        self.export_finished.emit(None)

    def _announce(self, text: str) -> None:
        """Screen readers hear the outcome politely, without a message box."""
        if QAccessible.isActive():
            QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(self, text))

    # --- remembering -----------------------------------------------------------------------------

    def _start_folder(self) -> Path:
        remembered = self._state.text(STATE_FOLDER)
        if remembered and Path(remembered).is_dir():
            return Path(remembered)
        return default_folder()

    def _restore(self) -> None:
        privacy = self._state.text(STATE_PRIVACY, Privacy.DISCREET.value)
        try:
            level = Privacy(privacy)
        except ValueError:
            level = Privacy.DISCREET
        self.privacy_buttons[level].setChecked(True)
        with contextlib.suppress(TypeError, ValueError):
            weeks = int(self._state.value(STATE_WEEKS, DEFAULT_WEEKS))
            if 1 <= weeks <= MAX_WEEKS:
                self.weeks_spin.setValue(weeks)
        alarm = self._state.value(STATE_ALARM, "")
        with contextlib.suppress(TypeError, ValueError):
            minutes = int(alarm) if alarm not in ("", None) else None
            if minutes is not None and 0 <= minutes <= MAX_ALARM_MINUTES:
                self.alarm_spin.setValue(minutes)
                self.alarm_check.setChecked(True)
                self.alarm_spin.setEnabled(True)

    def _remember(self, options: ExportOptions, path: Path) -> None:
        state = self._state
        state.set_value(STATE_PRIVACY, options.privacy.value)
        state.set_value(STATE_WEEKS, options.weeks)
        alarm = options.alarm_minutes
        state.set_value(STATE_ALARM, "" if alarm is None else alarm)
        state.set_value(STATE_FOLDER, str(path.parent))
        state.sync()

    # --- keyboard --------------------------------------------------------------------------------

    def _set_tab_order(self) -> None:
        """Tab follows the page: privacy, timing, whose plans, preview, file, buttons."""
        chain: list[QWidget] = [
            *self.privacy_buttons.values(),
            self.weeks_spin,
            self.alarm_check,
            self.alarm_spin,
            self.everyone_radio,
            self.chosen_radio,
            self.search_field,
            self.targets_view,
            self.circle_radio,
            self.circle_combo,
            self.preview_table,
            self.preview_area.clear_button,
            self.path_field,
            self.choose_button,
            self.help_button,
            self.cancel_button,
            self.export_button,
        ]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)
