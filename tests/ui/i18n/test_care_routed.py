"""The Safety plan, the Care team, the calendar export and the calendar server set-up, under
the pseudo-locale: every word they show is routed through supportnet.i18n, and none is
clipped when the words grow by a third.

The example network's own text (names, the lines of the plan, a team's note, numbers) is
the user's data and passed as such (tests/ui/i18n/user_data.py), and so are the locale's
own weekday names.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any
from zoneinfo import available_timezones

import pytest
from PySide6.QtWidgets import QApplication, QWidget

from supportnet.services import Services
from tests.i18n.harness import clipped, untranslated
from tests.ui.conftest import NOW
from tests.ui.i18n.user_data import judged, locale_words, network_data


def _shown(qtbot: Any, widget: QWidget) -> Any:
    qtbot.addWidget(widget)
    with qtbot.waitExposed(widget):
        widget.show()
    QApplication.processEvents()
    return widget


def _check(widget: QWidget, data: Callable[[str], bool]) -> None:
    assert untranslated(widget, data) == []
    assert clipped(widget) == []


# --- the pages -----------------------------------------------------------------------------


def _plan_parts(store: Any) -> tuple[Services, Any]:
    services = Services.of(store)
    return services, services.safety_plan.view()


def test_the_safety_plan_line_editors_are_routed(pseudo: None, demo_store: Any, qtbot: Any) -> None:
    from supportnet.model.safety_plan import Step
    from supportnet.ui.safety.dialogs import EntryDialog, NetworkPicker, candidates

    services, plan = _plan_parts(demo_store)
    data = judged(network_data(demo_store))
    for step in (Step.WARNING_SIGNS, Step.HELPERS):
        line = plan.entries(step)[0]
        dialog = _shown(
            qtbot, EntryDialog(step, line.entry, line.name, line.in_network, lambda _p: None)
        )
        _check(dialog, data)
        dialog.close()
    found = candidates(Step.HELPERS, services.people.list_all(), services.groups.list_all())
    picker = _shown(qtbot, NetworkPicker(Step.HELPERS, found))
    _check(picker, data)
    picker.search.setText("zzzz")  # nobody by that name: the calm line under the list
    QApplication.processEvents()
    _check(picker, data)
    picker.close()
    empty = _shown(qtbot, NetworkPicker(Step.DISTRACTIONS, []))
    _check(empty, data)
    empty.close()


# --- the care team's dialogs ---------------------------------------------------------------


def _team(store: Any) -> tuple[Services, Any, Any]:
    services = Services.of(store)
    team = services.care_teams.list()[0]
    rota = services.care_teams.rota(team.uid, NOW.date(), 28, "Europe/London")
    return services, team, rota


def test_the_care_team_editor_and_supporter_picker_are_routed(
    pseudo: None, demo_store: Any, qtbot: Any
) -> None:
    from supportnet.ui.care.team_editor import SupporterPicker, TeamEditorDialog

    services, team, _rota = _team(demo_store)
    data = judged(network_data(demo_store))
    people = [(p.uid, p.display_name) for p in services.people.list_all()]
    for shown in (team, None):
        editor = _shown(qtbot, TeamEditorDialog(people, shown))
        _check(editor, data)
        editor.close()
    picker = _shown(qtbot, SupporterPicker(people))
    _check(picker, data)
    picker.close()


def test_the_rota_dialogs_are_routed(pseudo: None, demo_store: Any, qtbot: Any) -> None:
    from supportnet.ui.care.done_dialog import DoneDialog
    from supportnet.ui.care.slot_editor import SlotEditorDialog
    from supportnet.ui.care.swap_dialog import SwapDialog
    from supportnet.ui.care.week_model import day_heading

    _services, team, rota = _team(demo_store)
    data = judged(network_data(demo_store))
    supporters = [(s.ref, s.name) for s in rota.supporters]
    day = next(d for d in rota.days if d.check_ins)
    line = day.check_ins[0]
    heading = day_heading(day.day, NOW.date())

    swap = _shown(qtbot, SwapDialog(supporters, line, heading))
    _check(swap, data)
    swap.close()
    done = _shown(
        qtbot,
        DoneDialog(
            supporters,
            line,
            heading,
            zone="Europe/London",
            clock=lambda: NOW,
            focus_name=rota.focus_name,
            day=day.day,
        ),
    )
    _check(done, data)
    done.close()
    slot = next(s for s in team.slots if s.uid == line.slot_uid)
    zones = available_timezones()
    # The weekdays' names are the locale's own (QLocale's), not the catalog's.
    timing = judged([*network_data(demo_store), *locale_words()])
    for shown in (slot, None):
        editor = _shown(
            qtbot, SlotEditorDialog(supporters, shown, "Europe/London", clock=lambda: NOW)
        )
        # The zones' own names (IANA's) are data too.
        _check(editor, lambda text: text in zones or timing(text))
        editor.close()


# --- the calendar: a file, a server --------------------------------------------------------


def test_the_calendar_export_dialog_is_routed(
    pseudo: None, demo_store: Any, qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from supportnet.services.calendar_export import CalendarExport
    from supportnet.ui.calendar.dialog import ExportDialog

    monkeypatch.setenv("HOME", str(tmp_path))
    services = Services.of(demo_store)
    data = judged(network_data(demo_store))
    dialog = _shown(
        qtbot,
        ExportDialog(
            CalendarExport(demo_store), lambda: NOW, supporters=services.supporter_export()
        ),
    )
    _check(dialog, data)
    dialog.close()


def test_the_calendar_server_dialog_is_routed(pseudo: None, demo_store: Any, qtbot: Any) -> None:
    from supportnet.services.caldav_publish import CalendarPublishing
    from supportnet.ui.caldav.dialog import PublishDialog
    from tests.data.storekit import MemoryKeyring

    data = judged(network_data(demo_store))
    dialog = _shown(
        qtbot, PublishDialog(CalendarPublishing(demo_store, MemoryKeyring()), lambda: NOW)
    )
    dialog.supporter_radio.setChecked(True)
    _check(dialog, data)
    dialog.close()
