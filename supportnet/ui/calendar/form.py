"""The export dialog's form: privacy, timing, whose plans, preview, file and buttons."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import (
    QSize,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QStyle,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from supportnet.calendar import (
    DEFAULT_FILE_NAME,
    DEFAULT_WEEKS,
    ExportOptions,
    Privacy,
    Scope,
)
from supportnet.i18n import _
from supportnet.model.network import Circle
from supportnet.model.targets import TargetKey
from supportnet.services.rota_export import TeamChoice
from supportnet.ui.calendar.models import (
    PreviewModel,
    TargetsModel,
)
from supportnet.ui.calendar.privacy_card import (
    PrivacyCard,
    _hint,
)
from supportnet.ui.calendar.supporter_choice import SupporterChoice
from supportnet.ui.calendar.texts import (
    ALARM_HINT,
    CHOSEN,
    DEFAULT_ALARM_MINUTES,
    EVERYONE,
    HELP_TEXT,
    HELP_TOGGLE,
    ONE_CIRCLE,
    PRIVACY_HEADING,
    PRIVACY_HINT,
    STATE_FOLDER,
    WEEKS_HINT,
    WHEN_SAMPLE,
    normalise_path,
)
from supportnet.ui.shell.ui_state import UiState
from supportnet.ui.widgets import dialogs
from supportnet.ui.widgets.buttons import cancel_button, message_row, push_button
from supportnet.ui.widgets.dialogs import DialogWidth
from supportnet.ui.widgets.editor_form import heading_label
from supportnet.ui.widgets.field_message import FieldMessage
from supportnet.ui.widgets.keyboard import tab_order
from supportnet.ui.widgets.labels import buddy_label
from supportnet.ui.widgets.lists import ListArea, WholeRows, make_table
from supportnet.ui.widgets.reading_page import window_coloured


class ExportForm(QDialog):
    """The export dialog's form: its sections built, sized, read, and in tab order."""

    _state: UiState
    _targets: list[tuple[TargetKey, str]]
    _supporter_teams: list[TeamChoice]
    choose_path: Callable[[], None]
    show_folder: Callable[[], None]
    export: Callable[[], bool]

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
        section.addWidget(heading_label(_(PRIVACY_HEADING)))
        section.addWidget(_hint(_(PRIVACY_HINT)))
        section.addLayout(cards)
        return section

    def _build_scope(self) -> QWidget:
        """Everyone, chosen people and groups (a searchable list with tick boxes), or a circle."""
        self.scope_group = QButtonGroup(self)
        self.everyone_radio = QRadioButton(_(EVERYONE))
        self.everyone_radio.setAccessibleName(_("Whose plans: everyone with a plan"))
        self.chosen_radio = QRadioButton(_(CHOSEN))
        self.chosen_radio.setAccessibleName(_("Whose plans: chosen people and groups"))
        self.circle_radio = QRadioButton(_(ONE_CIRCLE))
        self.circle_radio.setAccessibleName(_("Whose plans: one circle"))
        for number, radio in enumerate((self.everyone_radio, self.chosen_radio, self.circle_radio)):
            self.scope_group.addButton(radio, number)
        self.everyone_radio.setChecked(True)

        self.search_field = QLineEdit()
        self.search_field.setAccessibleName(_("Search people and groups"))
        self.search_field.setPlaceholderText(_("Search names"))
        self.search_field.setClearButtonEnabled(True)
        self.targets_model = TargetsModel(self._targets, self)
        self.targets_proxy = QSortFilterProxyModel(self)
        self.targets_proxy.setSourceModel(self.targets_model)
        self.targets_proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.targets_view = QListView()
        self.targets_view.setModel(self.targets_proxy)
        self.targets_view.setAccessibleName(_("People and groups to export"))
        self.targets_view.setAccessibleDescription(_("Space ticks or unticks the one selected."))
        self.targets_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.targets_view.setUniformItemSizes(True)
        self.targets_view.setSpacing(2)
        self.targets_view.setMinimumHeight(self.fontMetrics().height() * 5)
        # On the window colour, like every other tick box: Fusion draws the box in the base
        # colour, which vanishes on a base-coloured list in dark palettes.
        window_coloured(self.targets_view)
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
        self.circle_combo.setAccessibleName(_("Circle"))
        for circle in Circle:
            self.circle_combo.addItem(circle.label, circle.value)
            self.circle_combo.setItemData(
                self.circle_combo.count() - 1, circle.description, Qt.ItemDataRole.ToolTipRole
            )
        self.circle_combo.setEnabled(False)
        # The circle under its choice, as the chosen people are: longer words (German)
        # keep their room in a narrow column.
        circle_row = QVBoxLayout()
        circle_row.setSpacing(4)
        circle_row.addWidget(self.circle_radio)
        combo_row = QHBoxLayout()
        combo_row.setContentsMargins(indent, 0, 0, 0)
        combo_row.addWidget(self.circle_combo)
        combo_row.addStretch(1)
        circle_row.addLayout(combo_row)
        # Care teams' supporters, each given their own part of a rota (none: not offered).
        self.supporter_choice: SupporterChoice | None = None
        if self._supporter_teams:
            self.supporter_choice = SupporterChoice(self._supporter_teams)
            self.scope_group.addButton(self.supporter_choice.radio, 3)

        em = self.fontMetrics().averageCharWidth()
        scope = QVBoxLayout()
        scope.setContentsMargins(0, 0, 0, 0)
        scope.setSpacing(6)
        scope.addWidget(heading_label(_("Whose plans")))
        scope.addWidget(self.everyone_radio)
        scope.addWidget(self.chosen_radio)
        scope.addWidget(self.chosen_box, 1)
        scope.addLayout(circle_row)
        if self.supporter_choice is not None:
            scope.addWidget(self.supporter_choice)
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
        self.weeks_spin.setAccessibleName(_("Weeks ahead"))
        self.weeks_spin.setAccessibleDescription(_(WEEKS_HINT))
        self.weeks_spin.setMinimumWidth(self.fontMetrics().averageCharWidth() * 9)
        self.weeks_message = FieldMessage(_("Weeks ahead: message"))
        weeks_row = QHBoxLayout()
        weeks_row.setSpacing(8)
        weeks_row.addWidget(buddy_label(_("&Weeks ahead"), self.weeks_spin))
        weeks_row.addWidget(self.weeks_spin)
        weeks_row.addStretch(1)

        self.alarm_check = QCheckBox(_("&Remind me"))
        self.alarm_check.setAccessibleName(_("Reminder"))
        self.alarm_check.setAccessibleDescription(_(ALARM_HINT))
        self.alarm_spin = QSpinBox()
        self.alarm_spin.setRange(0, 99_999)
        self.alarm_spin.setValue(DEFAULT_ALARM_MINUTES)
        self.alarm_spin.setAccessibleName(_("Reminder: minutes before"))
        self.alarm_spin.setMinimumWidth(self.fontMetrics().averageCharWidth() * 9)
        self.alarm_spin.setEnabled(False)
        self.alarm_message = FieldMessage(_("Reminder: message"))
        alarm_row = QHBoxLayout()
        alarm_row.setSpacing(8)
        alarm_row.addWidget(self.alarm_check)
        alarm_row.addWidget(self.alarm_spin)
        alarm_row.addWidget(QLabel(_("minutes before")))
        alarm_row.addStretch(1)

        timing = QHBoxLayout()
        timing.setSpacing(24)
        for heading, row, message, hint in (
            (_("How far ahead"), weeks_row, self.weeks_message, _(WEEKS_HINT)),
            (_("Reminder"), alarm_row, self.alarm_message, _(ALARM_HINT)),
        ):
            column = QVBoxLayout()
            column.setSpacing(6)
            column.addWidget(heading_label(heading))
            column.addLayout(row)
            column.addWidget(message)
            column.addWidget(_hint(hint))
            column.addStretch(1)
            timing.addLayout(column, 1)
        return timing

    def _build_preview(self) -> QVBoxLayout:
        """The events as the calendar will show them: a count, the table, or a kind line."""
        self.preview_model = PreviewModel(self)
        self.preview_table = make_table(self.preview_model, _("Events to be written"))
        self.preview_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.preview_table.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.preview_table.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
        header = self.preview_table.horizontalHeader()
        metrics = self.preview_table.fontMetrics()
        pad = metrics.averageCharWidth() * 3
        header.resizeSection(PreviewModel.WHEN, metrics.horizontalAdvance(_(WHEN_SAMPLE)) + pad)
        header.resizeSection(PreviewModel.TITLE, metrics.averageCharWidth() * 30)
        header.resizeSection(
            PreviewModel.WHO,
            max(
                metrics.horizontalAdvance(_("Who (not in the file)")) + pad,
                metrics.averageCharWidth() * 26,
            ),
        )
        header.setSectionResizeMode(PreviewModel.REPEATS, QHeaderView.ResizeMode.Stretch)
        self.preview_area = ListArea(self.preview_table, _("Preview"))
        self.preview_area.clear_button.setToolTip(_("Choose “Everyone with a plan”"))
        self.preview_area.clear_button.clicked.connect(lambda: self.everyone_radio.setChecked(True))
        self.count_label = QLabel()
        self.count_label.setTextFormat(Qt.TextFormat.PlainText)
        preview_heading = heading_label(_("Pre&view"))
        preview_heading.setAccessibleName(_("Preview"))
        preview_heading.setBuddy(self.preview_table)
        preview_hint = _hint(_("Titles are shown exactly as your calendar will show them."))

        preview = QVBoxLayout()
        preview.setSpacing(6)
        preview.addWidget(preview_heading)
        preview.addWidget(self.count_label)
        preview.addWidget(preview_hint)  # above the rows, so it stays by them
        # Whole rows in sight: the last one is never cut in half.
        self.preview_holder = WholeRows(self.preview_area, self.preview_table)
        preview.addWidget(self.preview_holder, 1)
        return preview

    def _build_file(self) -> QVBoxLayout:
        """Where the file goes, its messages, and the help about importing again."""
        self.path_field = QLineEdit()
        self.path_field.setAccessibleName(_("Save to"))
        self.path_field.setAccessibleDescription(_("The calendar file to write"))
        self.path_field.setText(str(self._start_folder() / DEFAULT_FILE_NAME))
        self.path_field.setMinimumWidth(self.fontMetrics().averageCharWidth() * 40)
        self.choose_button = QPushButton(_("C&hoose…"))
        self.choose_button.setAccessibleName(_("Choose where to save"))
        self.choose_button.setAutoDefault(False)
        self.choose_button.clicked.connect(self.choose_path)
        self.file_message = FieldMessage(_("Save to: message"))
        self.exists_note = FieldMessage(_("Save to: note"))
        file_row = QHBoxLayout()
        file_row.setSpacing(8)
        file_row.addWidget(buddy_label(_("Save &to"), self.path_field))
        file_row.addWidget(self.path_field, 1)
        file_row.addWidget(self.choose_button)

        self.help_button = QToolButton()
        self.help_button.setText(_(HELP_TOGGLE))
        self.help_button.setAccessibleName(_("What happens when I import again?"))
        self.help_button.setCheckable(True)
        self.help_button.setAutoRaise(True)
        self.help_button.setArrowType(Qt.ArrowType.RightArrow)
        self.help_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.help_button.toggled.connect(self._toggle_help)
        self.help_text = QLabel(_(HELP_TEXT))
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
        self.done_message = FieldMessage(_("Export: done"))
        for label in self.done_message.findChildren(QLabel):
            # The path can be copied, to find the file or tell someone where it is.
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.folder_button = push_button(
            _("Show in fo&lder"),
            _("Show in folder"),
            tip=_("Open the folder the calendar file was saved in"),
            auto_default=False,
            on_click=self.show_folder,
        )
        self.folder_button.hide()  # until there is a file to show
        self.cancel_button = cancel_button(self)
        self.export_button = push_button(
            _("&Export"), _("Export"), default=True, auto_default=True, on_click=self.export
        )

        return message_row(
            self.done_message, self.folder_button, self.cancel_button, self.export_button
        )

    def preferred_size(self) -> QSize:
        """The size the dialog opens at when the screen has room for it."""
        # The big kind's width, not kept inside the (offscreen) screen: the room it wants.
        em = self.fontMetrics().horizontalAdvance("M")
        return QSize(em * DialogWidth.BIG.value, self.fontMetrics().height() * 54)

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

    def _toggle_help(self, shown: bool) -> None:
        self.help_text.setVisible(shown)
        arrow = Qt.ArrowType.DownArrow if shown else Qt.ArrowType.RightArrow
        self.help_button.setArrowType(arrow)

    def _start_folder(self) -> Path:
        remembered = self._state.text(STATE_FOLDER)
        if remembered and Path(remembered).is_dir():
            return Path(remembered)
        return dialogs.documents_folder()

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
            *(self.supporter_choice.focus_widgets() if self.supporter_choice else []),
            self.preview_table,
            self.preview_area.clear_button,
            self.path_field,
            self.choose_button,
            self.help_button,
            self.cancel_button,
            self.export_button,
        ]
        tab_order(chain)
