"""The Network page: the circle map, and beside it a few gentle notes about gaps (never
about whoever Today suggests: they are raised there)."""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from supportnet.circle_map.focus import YOU_KEY
from supportnet.circle_map.geometry import MapNode
from supportnet.i18n import N_, _
from supportnet.model.days import long_date
from supportnet.model.network import Circle, LifeDomain, SupportType
from supportnet.model.targets import GROUP, PERSON
from supportnet.scheduling.gaps import find_gaps
from supportnet.scheduling.rhythm import (
    cadence_by_group,
    cadence_by_person,
)
from supportnet.services import Services
from supportnet.services.today_cards import on_today
from supportnet.ui.network.centre import CentreChoice, team_views, view_nodes, view_ring
from supportnet.ui.network.map_view import CircleMapView
from supportnet.ui.network.nodes import NO_CONTACT_TEXT, map_nodes
from supportnet.ui.network.notes import NoteDelegate, NotesList, legend_meaning
from supportnet.ui.widgets import dialogs
from supportnet.ui.widgets.buttons import push_button
from supportnet.ui.widgets.keyboard import tab_order
from supportnet.ui.widgets.lists import centred_label, empty_state
from supportnet.ui.widgets.models import GapsListModel
from supportnet.ui.widgets.reading_page import window_coloured

GAPS_HEADING = N_("Worth a gentle look")
GAPS_HINT = N_("Press Enter or double-click on a note to see who it is about.")
NO_GAPS = N_("Nothing stands out right now.")
EMPTY_MAP = N_("Your map is empty for now.")
EMPTY_MAP_MORE = N_("Add the people and groups in your life, and they'll appear in their circles.")
LEGEND_HEADING = N_("What the marks mean")
EXPORT_ERROR_TITLE = N_("SupportNet couldn't export the map")

__all__ = [
    "NO_CONTACT_TEXT",
    "NetworkPageController",
    "NetworkPageView",
    "map_nodes",
]


class NetworkPageView(QWidget):
    """Layout only: zoom and export buttons over the map; the notes about gaps beside it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAccessibleName(_("Your network map"))

        self.map = CircleMapView()
        # The viewport takes focus too; it is the map itself to a screen reader.
        self.map.viewport().setAccessibleName(self.map.accessibleName())

        self.empty_message = centred_label(_(EMPTY_MAP), _(EMPTY_MAP), wrap=False, larger=True)
        self.empty_more = centred_label(_(EMPTY_MAP_MORE), _(EMPTY_MAP_MORE))
        self.add_first_button = push_button(_("Add someone…"), _("Add someone"))
        self.import_button = push_button(
            _("Bring in people from your contacts…"),
            _("Bring in people from your contacts"),
            tip=_("From your phone's or webmail's contacts, saved as .vcf or .csv files"),
        )
        empty = empty_state(
            self.empty_message,
            self.empty_more,
            button=self.add_first_button,
            also=self.import_button,
        )
        self._empty = empty
        self.map_area = QStackedWidget()
        self.map_area.setAccessibleName(_("Map"))
        self.map_area.addWidget(self.map)
        self.map_area.addWidget(empty)

        self.zoom_out_button = self._tool(_("Zoom out"), "−", _("Zoom out (Ctrl+−)"))
        self.zoom_in_button = self._tool(_("Zoom in"), "+", _("Zoom in (Ctrl++)"))
        # Translators: a small button that shows the whole map; keep it short.
        fit = _("Fit")
        self.fit_button = self._tool(_("Fit to window"), fit, _("Show the whole map (Ctrl+0)"))
        self.export_button = QPushButton(_("E&xport map…"))
        self.export_button.setAccessibleName(_("Export map"))
        self.export_button.setToolTip(_("Save the map as a picture or a PDF to print"))

        self.centre = CentreChoice()
        tools = QHBoxLayout()
        tools.setSpacing(6)
        tools.addWidget(self.centre.label)
        tools.addWidget(self.centre.combo)
        tools.addSpacing(12)
        tools.addWidget(self.zoom_out_button)
        tools.addWidget(self.zoom_in_button)
        tools.addWidget(self.fit_button)
        tools.addStretch(1)
        tools.addWidget(self.export_button)

        self.gaps_heading = QLabel(_(GAPS_HEADING))
        heading_font = self.gaps_heading.font()
        heading_font.setPointSizeF(heading_font.pointSizeF() * 1.15)
        heading_font.setBold(True)
        self.gaps_heading.setFont(heading_font)
        self.gaps_heading.setAccessibleName(_(GAPS_HEADING))
        self.gaps_list = NotesList()
        self.gaps_list.setAccessibleName(_(GAPS_HEADING))
        self.gaps_list.setItemDelegate(NoteDelegate(self.gaps_list))
        self.gaps_list.setWordWrap(True)
        self.gaps_list.setUniformItemSizes(False)
        self.gaps_list.setSpacing(3)
        self.gaps_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # The cards sit on the window colour, like paper notes beside the map.
        window_coloured(self.gaps_list)
        self.gaps_list.setBackgroundRole(QPalette.ColorRole.Window)
        self.gaps_list.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.gaps_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.gaps_list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.gaps_list.setResizeMode(QListView.ResizeMode.Adjust)
        self.gaps_list.setFrameShape(QListView.Shape.NoFrame)
        self.gaps_hint = QLabel(_(GAPS_HINT))
        self.gaps_hint.setAccessibleName(_(GAPS_HINT))
        self.gaps_hint.setWordWrap(True)
        self.no_gaps = QLabel(_(NO_GAPS))
        self.no_gaps.setAccessibleName(_(NO_GAPS))
        self.no_gaps.setWordWrap(True)
        self.no_gaps.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)

        self.legend_heading = QLabel(_(LEGEND_HEADING))
        legend_font = self.legend_heading.font()
        legend_font.setBold(True)
        self.legend_heading.setFont(legend_font)
        self.legend_heading.setAccessibleName(_(LEGEND_HEADING))
        self.legend = QLabel()
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        self.legend.setWordWrap(True)
        self.legend.setAccessibleName(_(LEGEND_HEADING))
        lines = []
        meanings = [(i.glyph, legend_meaning(i)) for i in self.map.legend_items()]
        for glyph, meaning in meanings:
            lines.append(
                f"<tr><td style='padding-right:8px'><b>{html.escape(glyph)}</b></td>"
                f"<td>{html.escape(meaning)}</td></tr>"
            )
        self.legend.setText(f"<table cellspacing='1'>{''.join(lines)}</table>")
        self.legend.setAccessibleDescription("; ".join(f"{g}: {m}" for g, m in meanings))

        side = QWidget()
        side.setAccessibleName(_("Notes about your network"))
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(0, 0, 0, 0)
        side_layout.setSpacing(8)
        side_layout.addWidget(self.gaps_heading)
        side_layout.addWidget(self.gaps_hint)
        side_layout.addWidget(self.gaps_list, 1)
        side_layout.addWidget(self.no_gaps, 1)
        side_layout.addSpacing(8)
        side_layout.addWidget(self.legend_heading)
        side_layout.addWidget(self.legend)
        side.setMinimumWidth(self.fontMetrics().averageCharWidth() * 34)
        side.setMaximumWidth(self.fontMetrics().averageCharWidth() * 46)
        self.side = side

        left = QVBoxLayout()
        left.setSpacing(6)
        left.addLayout(tools)
        left.addWidget(self.centre.line)
        left.addWidget(self.map_area, 1)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 8)
        layout.setSpacing(16)
        layout.addLayout(left, 1)
        layout.addWidget(side)

        order = [
            self.centre.combo,
            self.zoom_out_button,
            self.zoom_in_button,
            self.fit_button,
            self.export_button,
            self.map,
            self.add_first_button,
            self.import_button,
            self.gaps_list,
        ]
        tab_order(order)

    @staticmethod
    def _tool(name: str, text: str, tooltip: str) -> QPushButton:
        button = push_button(text, name, tip=tooltip)
        # As wide as "Fit" (the zoom buttons too), or as its own word where that is longer.
        metrics = button.fontMetrics()
        width = max(metrics.horizontalAdvance(text), metrics.horizontalAdvance("Fit"))
        width += metrics.height() * 2
        button.setFixedWidth(width)
        return button

    def show_map(self, shown: bool) -> None:
        """The map with its tools and notes, or one kind line in their place."""
        self.map_area.setCurrentWidget(self.map if shown else self._empty)
        self.side.setVisible(shown)
        self.centre.set_map_shown(shown)
        for button in (
            self.zoom_out_button,
            self.zoom_in_button,
            self.fit_button,
            self.export_button,
        ):
            button.setVisible(shown)

    def show_gaps(self, any_gaps: bool) -> None:
        self.gaps_list.setVisible(any_gaps)
        self.gaps_hint.setVisible(any_gaps)
        self.no_gaps.setVisible(not any_gaps)


class NetworkPageController(QObject):
    """Fills the map and the notes from the services; turns drags into move requests."""

    move_requested = Signal(str, int, object, object)
    edit_requested = Signal(str, int)
    #: "New person", with a kind of support ticked (a support nobody gives yet), or None.
    new_person_requested = Signal(object)
    #: A short confirmation for the status bar.
    status = Signal(str)
    import_contacts_requested = Signal()
    #: The person or group focused on the map changed.
    selection_changed = Signal()

    def __init__(
        self,
        source: Services,
        clock: Callable[[], datetime],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._source = source
        self._clock = clock
        self.export_dir = str(Path.home())
        #: Today's own reader: the notes ask who Today suggests, as Today does.
        self._reader = source.reach_out_reader()
        self.gaps_model = GapsListModel(self)
        self.view = NetworkPageView(parent)
        self.view.gaps_list.setModel(self.gaps_model)
        self.nodes: list[MapNode] = []
        view = self.view
        view.map.node_moved.connect(self._node_moved)
        view.map.node_activated.connect(self._node_activated)
        view.map.focus_changed.connect(lambda *_args: self.selection_changed.emit())
        view.gaps_list.activated.connect(self._gap_activated)
        view.zoom_in_button.clicked.connect(view.map.zoom_in)
        view.zoom_out_button.clicked.connect(view.map.zoom_out)
        view.fit_button.clicked.connect(view.map.fit_to_window)
        view.export_button.clicked.connect(self.export_map)
        view.add_first_button.clicked.connect(lambda: self.new_person_requested.emit(None))
        view.import_button.clicked.connect(self.import_contacts_requested)
        view.centre.combo.currentIndexChanged.connect(lambda _index: self._show_centre())
        self.refresh()

    def refresh(self) -> None:
        """Read people, groups, plans and contact history again and redraw."""
        source = self._source
        now = self._clock()
        people = source.people.list_all()
        groups = source.groups.list_all()
        person_stats = source.checkins.contact_stats_by_person()
        group_stats = source.checkins.contact_stats_by_group()
        plans = source.plans.list_all()
        person_cadence = cadence_by_person(plans)
        group_cadence = cadence_by_group(plans)
        self.nodes = map_nodes(
            people, groups, person_stats, group_stats, now, person_cadence, group_cadence
        )
        self.view.show_map(bool(self.nodes))
        self.view.centre.set_views(team_views(source.care_teams.list(), people) if people else [])
        self._show_centre()
        gaps = (
            find_gaps(
                people,
                groups,
                person_stats,
                group_stats,
                now,
                cadence_by_person=person_cadence,
                cadence_by_group=group_cadence,
                # Whoever Today suggests is raised there, not here as well.
                on_today=on_today(source, now, reader=self._reader),
            )
            if self.nodes
            else []
        )
        self.gaps_model.set_gaps(gaps)
        self.view.show_gaps(bool(gaps))

    # --- the map -----------------------------------------------------------------------------

    def _show_centre(self) -> None:
        """Draw the map around whoever is chosen: the user, or a team's focus person."""
        centre = self.view.centre
        team = centre.current()
        self.view.map.set_nodes(view_nodes(self.nodes, team), whole_ring=view_ring(team))
        if team is None:
            self.view.map.set_centre()
        else:
            about = _("Circle map of {name}'s team").format(name=team.name)
            self.view.map.set_centre(team.name, movable=False, about=about)
        centre.show_line()

    def centre_name(self) -> str | None:
        """The focus person the map is centred on (None: the user's own circles); for the
        person editor's wording when opened from a team view."""
        team = self.view.centre.current()
        return team.name if team is not None else None

    def _node_moved(self, kind: str, item_id: int, circle: str, domain: str) -> None:
        self.move_requested.emit(kind, item_id, Circle(circle), LifeDomain(domain))

    def _node_activated(self, kind: str, item_id: int) -> None:
        if (kind, item_id) == YOU_KEY:
            return  # the user in a team view: nothing to edit about "You"
        self.edit_requested.emit(kind, item_id)

    def focus(self, kind: str, item_id: int) -> None:
        """Show someone on the map and give them the keyboard focus there."""
        self.view.map.focus_node((kind, item_id))
        self.view.map.setFocus(Qt.FocusReason.OtherFocusReason)

    def selected(self) -> tuple[str, int] | None:
        """The person or group focused on the map, as ``(kind, id)``."""
        key = self.view.map.focused_key()
        if key is None or key == YOU_KEY:
            return None
        return str(key[0]), int(key[1])

    # --- gaps --------------------------------------------------------------------------------

    def _gap_activated(self, index: QModelIndex) -> None:
        gap = self.gaps_model.gap_at(index.row())
        self.open_gap(gap)

    def open_gap(self, gap: Any) -> None:
        """Show who a note is about on the map; for support nobody gives, offer "New person"."""
        if gap.people:
            self.focus(PERSON, gap.people[0])
        elif gap.groups:
            self.focus(GROUP, gap.groups[0])
        else:
            support = gap.support_type
            self.new_person_requested.emit(SupportType(support) if support else None)

    # --- export ------------------------------------------------------------------------------

    def export_map(self) -> None:
        """Ask where, then save the map as PNG, SVG or PDF. A failure is said plainly."""
        parent = self.view.window()
        choice = dialogs.ask_export_path(parent, self.export_dir, "support-network")
        if choice is None:
            return
        path, suffix, page = choice
        when = long_date(self._clock().astimezone().date(), year=True)
        target = Path(path)
        # A team view is saved as what it shows, under its own title.
        centre = self.centre_name()
        title = _("{name}'s team").format(name=centre) if centre else None
        try:
            if suffix == "svg":
                self.view.map.export_svg(target, date_text=when, title=title)
            elif suffix == "pdf":
                pdf_title = title or _("My support network")
                self.view.map.export_pdf(target, page=page or "A4", date_text=when, title=pdf_title)
            else:
                self.view.map.export_png(target, date_text=when, title=title)
        except OSError as exc:
            reason = exc.strerror or str(exc)
            dialogs.show_error(
                parent,
                _(
                    "The map couldn't be saved to {path}.\n\n{reason}. You could try another "
                    "folder, or check there is space on the disk."
                ).format(path=path, reason=reason),
                title=_(EXPORT_ERROR_TITLE),
            )
            return
        self.export_dir = str(Path(path).parent)
        self.status.emit(_("Saved the map to {file}").format(file=Path(path).name))
