"""The Safety plan, the Care team, the calendar export and the calendar server set-up, under
the pseudo-locale: every word they show is routed through supportnet.i18n, and none is
clipped when the words grow by a third.

The example network's own text (names, the lines of the plan, a team's note, numbers) is
the user's data and passed as such. Words another area produces (the domain's labels, the
plan editor's timing fields) are listed in :data:`OTHERS` until they are routed there; once
they are, they arrive wrapped and the list is only a safety net.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any
from zoneinfo import available_timezones

import pytest
from PySide6.QtWidgets import QApplication, QWidget

from supportnet import i18n
from supportnet.calendar import DISCREET_TITLE, Privacy, export_explanation
from supportnet.i18n import CLOSE, OPEN
from supportnet.model.network import ChannelKind, Circle, GroupKind, LifeDomain
from supportnet.services import Services
from supportnet.ui.language import install_language
from tests.i18n.harness import clipped, untranslated
from tests.ui.conftest import NOW
from tests.ui.shells import gb_crisis, open_shell

#: Words other areas produce, shown on these pages and dialogs, exactly as they read now:
#: the domain's labels (model/, calendar/), the shared buttons (ui/widgets) and the plan
#: editor's timing fields (ui/plans). Taken out of a string before it is judged; once
#: routed there they arrive wrapped, and these are only a safety net.
OTHERS: tuple[str, ...] = (
    # model/: enum labels
    *(kind.label for kind in ChannelKind),
    *(circle.label for circle in Circle),
    *(domain.label for domain in LifeDomain),
    *(kind.label for kind in GroupKind),
    # calendar/: the privacy levels, what each says, the discreet title; model/plans.py's
    # Recurrence.describe() in the preview's "Repeats" column
    *(level.label for level in Privacy),
    *(export_explanation(level) for level in Privacy),
    DISCREET_TITLE,
    "3rd Saturday of every month",
    "Every 2 weeks on Saturdays",
    "Every 2 weeks on Tuesdays",
    "Sundays",
    "Thursdays",
    "Once",
    # ui/widgets: cancel_button(), the editor forms' Save
    "Cancel",
    "&Save",
    "Save",
    "Why Save is not available yet",
)
#: The plan editor's timing fields (ui/plans/timing*.py), which the rota's check-in editor
#: uses as they are; the rota's own hints are shown through them too.
TIMING: tuple[str, ...] = (
    "&From", "&Ideally about every", "&Repeat every", "Any time of day", "Day to leave out",
    "Days of the week", "Days to leave out", "Details of the plan",
    "End date and days left out", "Every so often", "From", "How long, in minutes",
    "Ideally about every, in days", "It takes &about", "Kind of plan", "Last day",
    "Leave &out", "Leave this day out", "Leave the chosen day out, e.g. while they're away",
    "No days left out.", "Nudge me &gently after", "Nudge me gently after, in days",
    "On a schedule", "On", "Once", "Repeat every", "Repeat unit",
    "Someone abroad? Choose their zone and the times follow their clocks.", "Start&ing on",
    "Starting on", "Stop repeating after a date", "Stop repeating after", "Time &zone",
    "Time of day", "Time zone", "Until a time", "Until", "until", "day", "week", "month",
    "e.g. Europe/London",
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
    "Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun",
    # supportnet/ui/care/slot_editor.py's own hints, shown by the timing fields (routed
    # there with _() once ui/plans is)
    "The same days each week or month, like Tuesday evenings.",
    "About every few days, counted from the last check-in with them.",
    "A single day, like the day after an appointment.",
    "Any check-in with them counts, whoever it was with.",
)  # fmt: skip


def _pattern_of_pseudo() -> re.Pattern[str]:
    return re.compile(re.escape(OPEN) + r".*?" + re.escape(CLOSE), re.DOTALL)


PSEUDO_PART = _pattern_of_pseudo()


def judged(data: Iterable[str], others: Iterable[str] = OTHERS) -> Callable[[str], bool]:
    """A ``data`` predicate for the harness: true when nothing with a letter is left of a
    string once its pseudo-translated parts, the ``data`` and the ``others`` are taken out
    (so "Jamie Chen" is data, and "Jamie Chen\\nVideo call: Signal video" only once "Video
    call" is routed or listed)."""
    known = sorted({s for s in (*data, *others) if s and s.strip()}, key=len, reverse=True)

    def is_data(text: str) -> bool:
        left = PSEUDO_PART.sub(" ", text)
        for part in known:
            left = left.replace(part, " ")
        return not any(ch.isalpha() for ch in left)

    return is_data


def _reach_values(reach: str) -> list[str]:
    """ "Phone call: 07700 900215 · Chat app: WhatsApp" → its values, not its labels."""
    return [part.split(": ", 1)[-1] for part in reach.split(" · ") if part]


def network_data(services: Services) -> list[str]:
    """The example network's own words: names, the plan's lines and ways to reach them,
    the teams' names and notes."""
    found: list[str] = []
    for person in services.people.list_all():
        found += [person.display_name, person.name]
    found += [group.name for group in services.groups.list_all()]
    plan = services.safety_plan.view()
    for entries in plan.steps.values():
        for line in entries:
            found += [line.name, line.entry.text, *_reach_values(line.reach)]
    for team in services.care_teams.list():
        found += [team.name, *team.note.splitlines()]
        rota = services.care_teams.rota(team.uid, NOW.date(), 28, "Europe/London")
        found.append(rota.focus_name)
        for supporter in rota.supporters:
            found += [supporter.name, *_reach_values(supporter.reach)]
    return found


@pytest.fixture
def pseudo(qapp: Any) -> Iterator[None]:
    """The pseudo-locale, chosen before anything is built (as at start)."""
    install_language(qapp, i18n.PSEUDO)
    yield
    install_language(qapp, i18n.ENGLISH)


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


@pytest.mark.parametrize("page", ["safety_plan", "care_team"])
def test_the_page_is_routed_apart_from_the_users_data(
    page: str, pseudo: None, demo_store: Any, tmp_path: Path, qtbot: Any
) -> None:
    from supportnet.ui.shell.sidebar import Page

    data = judged(network_data(Services.of(demo_store)))
    shell = open_shell(demo_store, tmp_path, qtbot, NOW, crisis=gb_crisis(tmp_path))
    try:
        shell.show_page(Page(page))
        QApplication.processEvents()
        _check(shell.pages.currentWidget(), data)
    finally:
        shell.background.wait()
        shell.close()


# --- the safety plan's editors -------------------------------------------------------------


def _plan_parts(store: Any) -> tuple[Services, Any]:
    services = Services.of(store)
    return services, services.safety_plan.view()


def test_the_safety_plan_line_editors_are_routed(pseudo: None, demo_store: Any, qtbot: Any) -> None:
    from supportnet.model.safety_plan import Step
    from supportnet.ui.safety.dialogs import EntryDialog, NetworkPicker, candidates

    services, plan = _plan_parts(demo_store)
    data = judged(network_data(services))
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
    data = judged(network_data(services))
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

    services, team, rota = _team(demo_store)
    data = judged(network_data(services))
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
    timing = judged(network_data(services), (*OTHERS, *TIMING))
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
    data = judged(network_data(services))
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

    data = judged(network_data(Services.of(demo_store)))
    dialog = _shown(
        qtbot, PublishDialog(CalendarPublishing(demo_store, MemoryKeyring()), lambda: NOW)
    )
    dialog.supporter_radio.setChecked(True)
    _check(dialog, data)
    dialog.close()
