"""Whose circles the Network map shows: the user's own ("Me"), or a care team's focus
person with their team around them (a second view of the same people)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLabel

from supportnet.circle_map.focus import TEAM_RING, centred_on
from supportnet.circle_map.geometry import MapNode, NodeKey
from supportnet.i18n import N_, _
from supportnet.model.care import ME, CareTeam
from supportnet.model.network import Circle, Person
from supportnet.model.targets import PERSON
from supportnet.ui.widgets.labels import buddy_label

CENTRE_LABEL = N_("Whose &circles")
ME_CHOICE = N_("Me")


def team_line(name: str) -> str:
    """The one calm line under the tools in a team view."""
    return _(
        "{name}'s team sits in the inner circle; everyone else keeps their part of life, "
        "outside it. People move in your own map."
    ).format(name=name)


@dataclass(frozen=True, slots=True)
class TeamView:
    """A care team the map can be centred on."""

    team_uid: str
    name: str  # the focus person's name on the map, e.g. "Mum"
    label: str  # the choice in the combo, e.g. "Mum (Mum's knee)"
    focus: NodeKey
    supporters: frozenset[NodeKey]
    you_support: bool


def team_views(teams: list[CareTeam], people: list[Person]) -> list[TeamView]:
    """The teams whose focus person is on the map (not the user: "Me" is their view)."""
    # Only people on the map (with an id): ``ids`` is typed as such, no second check.
    ids: dict[str, int] = {p.uid: p.id for p in people if p.id is not None}
    names = {p.uid: p.display_name for p in people}
    views = []
    for team in teams:
        focus = ids.get(team.focus)
        if focus is None:
            continue
        supporters = frozenset((PERSON, ids[ref]) for ref in team.supporters if ref in ids)
        name = names[team.focus]
        views.append(
            TeamView(
                team.uid,
                name,
                # Translators: a care team's view in "Whose circles": "Mum (Mum's knee)".
                _("{name} ({team})").format(name=name, team=team.name)
                if team.name != name
                else name,
                (PERSON, focus),
                supporters,
                ME in team.supporters,
            )
        )
    return sorted(views, key=lambda v: v.label.casefold())


def view_nodes(nodes: list[MapNode], view: TeamView | None) -> list[MapNode]:
    """What the map draws for ``view`` (None: the user's own circles)."""
    if view is None:
        return nodes
    return centred_on(nodes, view.focus, view.supporters, you_support=view.you_support)


def view_ring(view: TeamView | None) -> Circle | None:
    """The ring the map lays out as one for ``view``: a team's inner circle is the team's,
    not parts of life (None: the user's own circles, sector by sector)."""
    return TEAM_RING if view is not None else None


class CentreChoice:
    """The "Whose circles" combo with its label, and the line that explains a team view."""

    def __init__(self) -> None:
        self.combo = QComboBox()
        self.combo.setAccessibleName(_("Whose circles the map shows"))
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.label = buddy_label(_(CENTRE_LABEL), self.combo)
        self.line = QLabel()
        self.line.setWordWrap(True)
        self.line.setTextFormat(Qt.TextFormat.PlainText)
        self._views: list[TeamView] = []
        #: Whether the map is shown at all (not the one line of an empty network).
        self.map_shown = True
        self.set_views([])

    def set_views(self, views: list[TeamView]) -> None:
        """Offer these teams; the chosen one stays chosen while it is there."""
        chosen = self.current()
        self._views = views
        self.combo.blockSignals(True)
        self.combo.clear()
        self.combo.addItem(_(ME_CHOICE), "")
        for view in views:
            self.combo.addItem(view.label, view.team_uid)
        index = self.combo.findData(chosen.team_uid) if chosen else 0
        self.combo.setCurrentIndex(max(index, 0))
        self.combo.blockSignals(False)
        self._show()

    def current(self) -> TeamView | None:
        uid = self.combo.currentData()
        return next((v for v in self._views if v.team_uid == uid), None)

    def show_line(self) -> None:
        view = self.current()
        self.line.setText(team_line(view.name) if view else "")
        self._show()

    def set_map_shown(self, shown: bool) -> None:
        self.map_shown = shown
        self._show()

    def _show(self) -> None:
        """The one place these are shown or hidden: nothing to choose without a team, no
        line about a team view when the user's own circles (or no map) are shown."""
        choosing = self.map_shown and bool(self._views)
        self.combo.setVisible(choosing)
        self.label.setVisible(choosing)
        self.line.setVisible(self.map_shown and self.current() is not None)
