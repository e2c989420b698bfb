"""The people and groups table models: text, ids, sorting keys and accessible text."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from PySide6.QtCore import Qt

from supportnet.model.network import Circle, Group, GroupKind, LifeDomain, Person, SupportType
from supportnet.ui.widgets.filters import NameFilterProxy, NetworkFilterProxy
from supportnet.ui.widgets.models import (
    ID_ROLE,
    NO_CONTACT_TEXT,
    SORT_ROLE,
    GapsListModel,
    GroupsTableModel,
    PeopleTableModel,
)

NOW = datetime(2025, 6, 15, 12, 0, tzinfo=UTC)
DISPLAY = Qt.ItemDataRole.DisplayRole
ACCESSIBLE = Qt.ItemDataRole.AccessibleTextRole


def _people() -> list[Person]:
    return [
        Person(
            "Sam Rivera",
            circle=Circle.INNER,
            domain=LifeDomain.FRIENDS,
            id=7,
            support_types={SupportType.CRISIS, SupportType.EMOTIONAL},
        ),
        Person("Ana Lima", nickname="Nani", circle=Circle.OUTER, domain=LifeDomain.FAMILY, id=3),
        Person("Bo Chen", circle=Circle.MIDDLE, domain=LifeDomain.WORK_SCHOOL, id=5),
    ]


def _people_model(qtbot: object) -> PeopleTableModel:
    model = PeopleTableModel(clock=lambda: NOW)
    model.set_people(_people(), {7: NOW - timedelta(days=3), 5: NOW - timedelta(days=15)})
    return model


def test_people_model_shows_labels_and_gentle_times(qtbot: object) -> None:
    model = _people_model(qtbot)
    assert model.rowCount() == 3
    assert model.columnCount() == 5
    sam = model.index(0, PeopleTableModel.COL_NAME)
    assert sam.data(DISPLAY) == "Sam Rivera"
    assert sam.data(ID_ROLE) == 7
    assert model.index(0, PeopleTableModel.COL_CIRCLE).data(DISPLAY) == "Inner circle"
    assert model.index(0, PeopleTableModel.COL_DOMAIN).data(DISPLAY) == "Friends"
    # Support types in their fixed order, whatever order the set holds them in.
    assert model.index(0, PeopleTableModel.COL_SUPPORT).data(DISPLAY) == "Emotional, Crisis"
    assert model.index(0, PeopleTableModel.COL_LAST_CONTACT).data(DISPLAY) == "3 days ago"
    assert model.index(2, PeopleTableModel.COL_LAST_CONTACT).data(DISPLAY) == ("about 2 weeks ago")
    assert model.index(1, PeopleTableModel.COL_LAST_CONTACT).data(DISPLAY) == NO_CONTACT_TEXT
    assert model.index(1, PeopleTableModel.COL_NAME).data(DISPLAY) == "Ana Lima (Nani)"
    assert model.headerData(PeopleTableModel.COL_LAST_CONTACT, Qt.Orientation.Horizontal) == (
        "Last in touch"
    )


def test_people_model_accessible_text_says_what_a_cell_means(qtbot: object) -> None:
    model = _people_model(qtbot)
    assert model.index(0, PeopleTableModel.COL_LAST_CONTACT).data(ACCESSIBLE) == (
        "Last in touch 3 days ago"
    )
    assert model.index(1, PeopleTableModel.COL_LAST_CONTACT).data(ACCESSIBLE) == (
        "No contact logged yet"
    )
    assert model.index(1, PeopleTableModel.COL_SUPPORT).data(ACCESSIBLE) == (
        "No kinds of support noted"
    )
    assert model.index(0, PeopleTableModel.COL_SUPPORT).data(ACCESSIBLE) == (
        "Support: Emotional, Crisis"
    )


def test_people_sort_keys_order_by_closeness_and_time(qtbot: object) -> None:
    model = _people_model(qtbot)
    circles = [model.index(r, PeopleTableModel.COL_CIRCLE).data(SORT_ROLE) for r in range(3)]
    assert circles == [0, 2, 1]  # inner, outer, middle
    times = [model.index(r, PeopleTableModel.COL_LAST_CONTACT).data(SORT_ROLE) for r in range(3)]
    assert times[1] < times[2] < times[0]  # never, 15 days ago, 3 days ago


def test_refresh_times_moves_the_phrases_on(qtbot: object) -> None:
    model = _people_model(qtbot)
    changed: list[object] = []
    model.dataChanged.connect(lambda *args: changed.append(args))
    model.refresh_times(NOW + timedelta(days=4))
    assert model.index(0, PeopleTableModel.COL_LAST_CONTACT).data(DISPLAY) == "a week ago"
    assert changed


def test_groups_model(qtbot: object) -> None:
    model = GroupsTableModel()
    model.set_groups(
        [
            Group(
                "Thursday peer support",
                kind=GroupKind.SUPPORT_GROUP,
                circle=Circle.MIDDLE,
                meeting_schedule="Thursdays 19:00",
                id=2,
            ),
            Group("Harbour forum", kind=GroupKind.ONLINE_COMMUNITY, id=9),
        ]
    )
    assert model.rowCount() == 2
    assert model.columnCount() == 4
    assert model.index(0, GroupsTableModel.COL_KIND).data(DISPLAY) == "Support group"
    assert model.index(0, GroupsTableModel.COL_CIRCLE).data(DISPLAY) == "Middle circle"
    assert model.index(0, GroupsTableModel.COL_MEETING).data(DISPLAY) == "Thursdays 19:00"
    assert model.index(1, GroupsTableModel.COL_NAME).data(ID_ROLE) == 9
    assert model.index(1, GroupsTableModel.COL_MEETING).data(ACCESSIBLE) == (
        "No meeting times noted"
    )


def test_name_filter_matches_name_and_nickname_ignoring_case(qtbot: object) -> None:
    model = _people_model(qtbot)
    proxy = NameFilterProxy()
    proxy.setSourceModel(model)
    proxy.set_search_text("  NANI ")
    assert proxy.rowCount() == 1
    assert proxy.index(0, 0).data(ID_ROLE) == 3
    proxy.set_search_text("ri")  # Sam Rivera only
    assert [proxy.index(r, 0).data(ID_ROLE) for r in range(proxy.rowCount())] == [7]
    proxy.set_search_text("")
    assert proxy.rowCount() == 3


def test_network_filter_by_circle_domain_and_support(qtbot: object) -> None:
    model = _people_model(qtbot)
    proxy = NetworkFilterProxy()
    proxy.setSourceModel(model)
    assert not proxy.filtering

    def ids() -> list[int]:
        return [proxy.index(r, 0).data(ID_ROLE) for r in range(proxy.rowCount())]

    proxy.set_filters(circle=Circle.INNER)
    assert ids() == [7]
    assert proxy.filtering
    proxy.set_filters(domain=LifeDomain.WORK_SCHOOL)
    assert ids() == [5]
    proxy.set_filters(support=SupportType.CRISIS)
    assert ids() == [7]
    proxy.set_filters(circle=Circle.OUTER, support=SupportType.CRISIS)
    assert ids() == []
    proxy.set_filters()
    proxy.set_search_text("bo")
    assert ids() == [5]
    assert proxy.filtering


def test_search_matches_tags(qtbot: object) -> None:
    model = PeopleTableModel(clock=lambda: NOW)
    model.set_people([Person("Sam", tags=["Climbing"], id=1), Person("Bo", id=2)], {})
    proxy = NetworkFilterProxy()
    proxy.setSourceModel(model)
    proxy.set_search_text("climb")
    assert proxy.rowCount() == 1
    groups = GroupsTableModel()
    groups.set_groups([Group("Walkers", tags=["outdoors"], id=3)])
    group_proxy = NetworkFilterProxy()
    group_proxy.setSourceModel(groups)
    group_proxy.set_search_text("OUTDOORS")
    assert group_proxy.rowCount() == 1
    assert groups.row_of(3) == 0
    assert groups.row_of(99) is None


def test_gaps_model_shows_the_sentences(qtbot: object) -> None:
    from supportnet.scheduling.gaps import Gap, GapKind

    gap = Gap(
        GapKind.SINGLE_SUPPORTER,
        "Only Sam gives advice right now.",
        SupportType.INFORMATIONAL,
        (7,),
    )
    model = GapsListModel()
    model.set_gaps([gap])
    index = model.index(0, 0)
    assert index.data() == "Only Sam gives advice right now."
    assert index.data(ACCESSIBLE) == "Only Sam gives advice right now."
    assert index.data(GapsListModel.GAP_ROLE) is gap
    assert model.gap_at(0) is gap


def test_filters_follow_changes_to_the_rows_while_active(qtbot: object) -> None:
    """The proxy caches each row's keys; a change of rows must not leave stale verdicts."""
    model = _people_model(qtbot)
    proxy = NetworkFilterProxy()
    proxy.setSourceModel(model)
    proxy.set_search_text("sam")
    proxy.set_filters(circle=Circle.INNER)
    assert [proxy.index(r, 0).data(ID_ROLE) for r in range(proxy.rowCount())] == [7]
    newcomers = [
        Person("Sami Okafor", circle=Circle.INNER, id=11),
        *_people(),
        Person("Samira Haddad", circle=Circle.OUTER, id=12),
    ]
    model.set_people(newcomers, {})
    ids = sorted(proxy.index(r, 0).data(ID_ROLE) for r in range(proxy.rowCount()))
    assert ids == [7, 11]
    model.set_people(_people()[1:], {})
    assert proxy.rowCount() == 0
