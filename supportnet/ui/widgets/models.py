"""Item models for the network (people, groups and communities, gaps) and their text helpers."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractListModel,
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from supportnet.i18n import N_, _
from supportnet.model.days import long_date
from supportnet.model.network import Circle, Group, Person, SupportType
from supportnet.scheduling.phrasing import since_phrase

#: Returns the domain id (``Person.id`` / ``Group.id``) of a row.
ID_ROLE = Qt.ItemDataRole.UserRole
#: A value that sorts the column sensibly (circles by closeness, dates by time).
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
#: The text the search field matches: the name, any nickname and the tags.
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 2
#: The row's :class:`Circle`.
CIRCLE_ROLE = Qt.ItemDataRole.UserRole + 3
#: The row's :class:`LifeDomain`.
DOMAIN_ROLE = Qt.ItemDataRole.UserRole + 4
#: The row's support types, a frozenset of :class:`SupportType`.
SUPPORT_ROLE = Qt.ItemDataRole.UserRole + 5

NO_CONTACT_TEXT = N_("Nothing logged yet")

_CIRCLE_ORDER = {circle: i for i, circle in enumerate(Circle)}
_SUPPORT_ORDER = {support: i for i, support in enumerate(SupportType)}

Index = QModelIndex | QPersistentModelIndex


def support_text(support: Iterable[SupportType]) -> str:
    """Support type labels in a fixed order, e.g. "Emotional, Practical"."""
    return ", ".join(s.label for s in sorted(support, key=_SUPPORT_ORDER.__getitem__))


def _search_text(*parts: str) -> str:
    return " ".join(parts).casefold()


#: The roles a person's row and a group's row answer alike.
_MEMBER_ROLES = frozenset({ID_ROLE, SEARCH_ROLE, CIRCLE_ROLE, DOMAIN_ROLE, SUPPORT_ROLE})


def _member_value(member: Person | Group, role: int, *also_found_by: str) -> Any:
    """The id, or what the search and filters read, of a person or group (one of _MEMBER_ROLES)."""
    if role == ID_ROLE:
        return member.id
    if role == SEARCH_ROLE:
        return _search_text(member.name, *also_found_by, *member.tags)
    if role == CIRCLE_ROLE:
        return member.circle
    if role == DOMAIN_ROLE:
        return member.domain
    return frozenset(member.support_types)


def header_text(
    headers: Sequence[str], section: int, orientation: Qt.Orientation, role: int
) -> Any:
    """A column title for a horizontal header (shown and read aloud), else None."""
    horizontal = orientation is Qt.Orientation.Horizontal
    text_role = role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole)
    if horizontal and text_role and 0 <= section < len(headers):
        return headers[section]
    return None


class DayTreeModel(QAbstractItemModel):
    """Two levels: days, and each day's lines (the Care team's week, the agenda).

    A line's index remembers its day as (day row + 1) in its internal id; 0 marks a day.
    Subclasses say how many lines a day has (:meth:`_child_count`), their flags and data.
    """

    #: The column titles, marked with ``N_`` (translated when shown).
    HEADERS: tuple[str, ...] = ()

    def _day_count(self) -> int:
        raise NotImplementedError

    def _child_count(self, day_row: int) -> int:
        raise NotImplementedError

    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, column, 0)
        return self.createIndex(row, column, parent.row() + 1)

    def parent(self, index: Index) -> QModelIndex:  # type: ignore[override]
        if not index.isValid() or index.internalId() == 0:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, 0)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return self._day_count()
        if parent.internalId() == 0 and parent.column() == 0:
            return self._child_count(parent.row())
        return 0

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        return header_text([_(h) for h in self.HEADERS], section, orientation, role)


class TableModel(QAbstractTableModel):
    """Shared plumbing: fixed headers, read-only cells, one row per domain object."""

    #: The column titles, marked with ``N_`` (translated when shown).
    HEADERS: tuple[str, ...] = ()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._row_count()

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        return header_text([_(h) for h in self.HEADERS], section, orientation, role)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def _row_count(self) -> int:
        return len(self._items())

    def item_at(self, row: int) -> Any:
        """The domain object on ``row``."""
        return self._items()[row]

    def row_of(self, item_id: int) -> int | None:
        """The row of the object with this id, if it is shown."""
        for row, item in enumerate(self._items()):
            if item.id == item_id:
                return row
        return None

    def row_of_uid(self, uid: str) -> int | None:
        """The row of the object with this uid, if it is shown."""
        for row, item in enumerate(self._items()):
            if item.uid == uid:
                return row
        return None

    # Sorting happens here, in Python, rather than in the proxy: a proxy sorts by asking
    # for a sort key through Qt on every comparison (tens of thousands of calls for a few
    # thousand people); sorting the list itself costs a few milliseconds.
    _sort_column = -1
    _sort_order = Qt.SortOrder.AscendingOrder

    def _items(self) -> list[Any]:
        raise NotImplementedError

    def _value(self, item: Any, column: int, role: int) -> Any:
        raise NotImplementedError

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        items = self._items()
        if not index.isValid() or not 0 <= index.row() < len(items):
            return None
        return self._value(items[index.row()], index.column(), role)

    def _sort_items(self) -> None:
        if self._sort_column < 0:
            return
        column = self._sort_column
        self._items().sort(
            key=lambda item: (self._value(item, column, SORT_ROLE), item.id or 0),
            reverse=self._sort_order == Qt.SortOrder.DescendingOrder,
        )

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._sort_column, self._sort_order = column, order
        if column < 0:
            return
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        items = self._items()
        held = [items[index.row()] for index in old]
        self._sort_items()
        where = {id(item): row for row, item in enumerate(items)}
        self.changePersistentIndexList(
            old,
            [
                self.index(where[id(item)], index.column())
                for item, index in zip(held, old, strict=True)
            ],
        )
        self.layoutChanged.emit()


class _MemberTableModel(TableModel):
    """People or groups: rows the search and the network filters read."""

    def filter_value(self, row: int, role: int) -> Any:
        """A filter role's value for ``row`` in column 0, without a round trip through Qt.

        The filters read four roles of every row on each refresh (20,000 calls at 5,000
        people), so this goes straight to the member's value, and hands the support types
        over as they are: the filter only asks what is in them.
        """
        member = self._items()[row]
        if role == SEARCH_ROLE:
            return _search_text(member.name, *self._found_by(member), *member.tags)
        if role == CIRCLE_ROLE:
            return member.circle
        if role == DOMAIN_ROLE:
            return member.domain
        if role == SUPPORT_ROLE:
            return member.support_types
        return self._value(member, 0, role)

    def _found_by(self, member: Any) -> tuple[str, ...]:
        """What else, beyond the name and tags, the search finds this member by."""
        return ()


class PeopleTableModel(_MemberTableModel):
    """People, one per row: name, circle, part of life, support and last contact."""

    COL_NAME = 0
    COL_CIRCLE = 1
    COL_DOMAIN = 2
    COL_SUPPORT = 3
    COL_LAST_CONTACT = 4
    HEADERS = (N_("Name"), N_("Circle"), N_("Part of life"), N_("Support"), N_("Last in touch"))

    def __init__(
        self, parent: QObject | None = None, *, clock: Callable[[], datetime] | None = None
    ) -> None:
        super().__init__(parent)
        self._clock = clock or (lambda: datetime.now(UTC))
        self._people: list[Person] = []
        self._last: dict[int, datetime] = {}
        self._since: dict[int, str] = {}

    def set_people(
        self,
        people: Sequence[Person],
        last_contact: Mapping[int, datetime],
        now: datetime | None = None,
    ) -> None:
        """Replace every row. ``last_contact`` maps person id to their latest check-in."""
        now = now or self._clock()
        self.beginResetModel()
        self._people = list(people)
        self._last = {pid: at for pid, at in last_contact.items()}
        self._since = {pid: since_phrase(at, now) for pid, at in self._last.items()}
        self._sort_items()
        self.endResetModel()

    def _items(self) -> list[Any]:
        return self._people

    def refresh_times(self, now: datetime | None = None) -> None:
        """Work out "3 days ago" again (the window stays open across days)."""
        now = now or self._clock()
        self._since = {pid: since_phrase(at, now) for pid, at in self._last.items()}
        if self._people:
            self.dataChanged.emit(
                self.index(0, self.COL_LAST_CONTACT),
                self.index(len(self._people) - 1, self.COL_LAST_CONTACT),
            )

    def person_at(self, row: int) -> Person:
        return self._people[row]

    def _found_by(self, member: Any) -> tuple[str, ...]:
        return (member.nickname,)

    def _value(self, person: Person, column: int, role: int) -> Any:
        if role in _MEMBER_ROLES:
            return _member_value(person, role, *self._found_by(person))
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(person, column)
        if role == SORT_ROLE:
            return self._sort_key(person, column)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._accessible(person, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(person, column)
        return None

    def _last_for(self, person: Person) -> datetime | None:
        return self._last.get(person.id) if person.id is not None else None

    def _display(self, person: Person, column: int) -> str | None:
        if column == self.COL_NAME:
            if person.nickname and person.nickname != person.name:
                return f"{person.name} ({person.nickname})"
            return person.name
        if column == self.COL_CIRCLE:
            return person.circle.label
        if column == self.COL_DOMAIN:
            return person.domain.label
        if column == self.COL_SUPPORT:
            return support_text(person.support_types)
        if column == self.COL_LAST_CONTACT:
            if person.id is not None and person.id in self._since:
                return self._since[person.id]
            return _(NO_CONTACT_TEXT)
        return None

    def _sort_key(self, person: Person, column: int) -> Any:
        if column == self.COL_CIRCLE:
            return _CIRCLE_ORDER[person.circle]
        if column == self.COL_LAST_CONTACT:
            last = self._last_for(person)
            # Never in touch sorts as the longest ago.
            return last.timestamp() if last is not None else float("-inf")
        text = self._display(person, column)
        return (text or "").casefold()

    def _accessible(self, person: Person, column: int) -> str | None:
        if column == self.COL_SUPPORT:
            text = support_text(person.support_types)
            return (
                _("Support: {kinds}").format(kinds=text) if text else _("No kinds of support noted")
            )
        if column == self.COL_LAST_CONTACT:
            if person.id is not None and person.id in self._since:
                # Translators: {since} is e.g. "3 days ago".
                return _("Last in touch {since}").format(since=self._since[person.id])
            return _("No contact logged yet")
        return self._display(person, column)

    def _tooltip(self, person: Person, column: int) -> str | None:
        if column == self.COL_CIRCLE:
            return person.circle.description
        if column == self.COL_SUPPORT and person.support_types:
            return "\n".join(
                f"{s.label}: {s.description}"
                for s in sorted(person.support_types, key=_SUPPORT_ORDER.__getitem__)
            )
        if column == self.COL_LAST_CONTACT:
            last = self._last_for(person)
            if last is None:
                return None
            # On the computer's own clock, as ever (not the person's zone setting).
            on = long_date(last.astimezone().date(), year=True)
            return _("Last in touch on {date}").format(date=on)
        return None


class GroupsTableModel(_MemberTableModel):
    """Groups and communities, one per row: name, kind, circle and when they meet."""

    COL_NAME = 0
    COL_KIND = 1
    COL_CIRCLE = 2
    COL_MEETING = 3
    HEADERS = (N_("Name"), N_("Kind"), N_("Circle"), N_("Meets"))

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._groups: list[Group] = []

    def set_groups(self, groups: Sequence[Group]) -> None:
        """Replace every row."""
        self.beginResetModel()
        self._groups = list(groups)
        self._sort_items()
        self.endResetModel()

    def _items(self) -> list[Any]:
        return self._groups

    def group_at(self, row: int) -> Group:
        return self._groups[row]

    def _value(self, group: Group, column: int, role: int) -> Any:
        if role in _MEMBER_ROLES:
            return _member_value(group, role)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(group, column)
        if role == SORT_ROLE:
            if column == self.COL_CIRCLE:
                return _CIRCLE_ORDER[group.circle]
            return (self._display(group, column) or "").casefold()
        if role == Qt.ItemDataRole.AccessibleTextRole:
            if column == self.COL_MEETING:
                if group.meeting_schedule:
                    return _("Meets {when}").format(when=group.meeting_schedule)
                return _("No meeting times noted")
            return self._display(group, column)
        if role == Qt.ItemDataRole.ToolTipRole and column == self.COL_CIRCLE:
            return group.circle.description
        return None

    def _display(self, group: Group, column: int) -> str | None:
        if column == self.COL_NAME:
            return group.name
        if column == self.COL_KIND:
            return group.kind.label
        if column == self.COL_CIRCLE:
            return group.circle.label
        if column == self.COL_MEETING:
            return group.meeting_schedule
        return None


class GapsListModel(QAbstractListModel):
    """Gentle notes about the network (``supportnet.scheduling.gaps.Gap``), one sentence per row."""

    #: The :class:`Gap` itself.
    GAP_ROLE = Qt.ItemDataRole.UserRole

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._gaps: list[Any] = []

    def set_gaps(self, gaps: Sequence[Any]) -> None:
        self.beginResetModel()
        self._gaps = list(gaps)
        self.endResetModel()

    def gap_at(self, row: int) -> Any:
        return self._gaps[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._gaps)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._gaps):
            return None
        gap = self._gaps[index.row()]
        if role in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.AccessibleTextRole,
            Qt.ItemDataRole.ToolTipRole,
        ):
            return gap.message
        if role == self.GAP_ROLE:
            return gap
        return None
