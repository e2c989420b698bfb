"""The Care team page in the main window: after Safety plan in the sidebar (Ctrl+6), built
when first needed, File ▸ Print rota… and Save rota as PDF…, undo from the Edit menu."""

from __future__ import annotations

import stat
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from supportnet.services import Services
from supportnet.ui.shell.main_window import MainWindow, Page
from supportnet.ui.shell.sidebar import LATER_PAGES


def _window(qtbot: Any, store: Any, clock: Callable[[], datetime]) -> MainWindow:
    window = MainWindow(Services.of(store), data_location="/d", key_location="k", clock=clock)
    qtbot.addWidget(window)
    return window


def test_the_page_sits_after_the_safety_plan_and_is_built_when_first_shown(
    qtbot: Any, demo_store: Any, clock: Callable[[], datetime]
) -> None:
    window = _window(qtbot, demo_store, clock)
    pages = window.shown_pages
    assert pages.index(Page.CARE_TEAM) == pages.index(Page.SAFETY_PLAN) + 1 == 5
    assert Page.CARE_TEAM in LATER_PAGES
    assert not window.is_built(Page.CARE_TEAM)
    item = window.sidebar.item(pages.index(Page.CARE_TEAM))
    assert item.text() == "Care team"
    assert "(Ctrl+6)" in item.toolTip()
    action = window.page_actions[Page.CARE_TEAM]
    assert action.shortcut().toString() == "Ctrl+6"
    action.trigger()
    assert window.current_page is Page.CARE_TEAM
    assert window.pages.currentWidget() is window.care_team.view
    # The demo's team is there on first start.
    assert window.care_team.view.title_label.text() == "Mum's knee"


def test_file_menu_prints_and_saves_the_rota(
    qtbot: Any, demo_store: Any, clock: Callable[[], datetime], tmp_path: Path
) -> None:
    window = _window(qtbot, demo_store, clock)
    file_menu = window.menuBar().actions()[0].menu()
    texts = [a.text() for a in file_menu.actions()]
    assert "Print ro&ta…" in texts
    assert "Save r&ota as PDF…" in texts
    path = window.save_rota_pdf(tmp_path / "rota.pdf")
    assert path is not None
    assert path.read_bytes().startswith(b"%PDF")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_no_team_no_pdf_and_a_calm_word(
    qtbot: Any, store: Any, clock: Callable[[], datetime], tmp_path: Path
) -> None:
    window = _window(qtbot, store, clock)
    notes: list[str] = []
    window.care_team.status.connect(notes.append)
    assert window.save_rota_pdf(tmp_path / "rota.pdf") is None
    assert not (tmp_path / "rota.pdf").exists()
    assert notes == ["There is no care team to save yet"]


def test_undo_from_the_window_and_keys_that_stay_on_the_page(
    qtbot: Any, demo_store: Any, clock: Callable[[], datetime]
) -> None:
    """Delete is the window's elsewhere; on a chosen check-in it is the week's."""
    window = _window(qtbot, demo_store, clock)
    with qtbot.waitExposed(window):
        window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.show_page(Page.CARE_TEAM)
    page = window.care_team
    services = window._source
    team = services.care_teams.list()[0]
    tree = page.view.tree
    tree.setFocus()
    week = page.week
    assert week is not None
    line = next(line for day in week.days for line in day.check_ins if line.supporter)
    page.select((line.slot_uid, line.on))
    assert page.current_line() == line
    slot_uid = line.slot_uid
    people = services.people.count()
    qtbot.keyClick(tree, Qt.Key.Key_Delete)
    assert slot_uid not in {s.uid for s in services.care_teams.get(team.uid).slots}
    assert services.people.count() == people
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert slot_uid in {s.uid for s in services.care_teams.get(team.uid).slots}


def test_print_rota_sends_the_next_four_weeks_to_the_chosen_printer(
    qtbot: Any,
    demo_store: Any,
    clock: Callable[[], datetime],
    tmp_path: Path,
    monkeypatch: Any,
) -> None:
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    target = tmp_path / "printed.pdf"

    def exec_(dialog: QPrintDialog) -> int:
        # The printer the person chose: here one that writes a PDF.
        printer = dialog.printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(target))
        return int(QPrintDialog.DialogCode.Accepted)

    monkeypatch.setattr(QPrintDialog, "exec", exec_)
    window = _window(qtbot, demo_store, clock)
    notes: list[str] = []
    window.care_team.status.connect(notes.append)
    assert window.print_rota()
    assert target.read_bytes().startswith(b"%PDF")
    assert notes == ["Sent the rota to the printer"]


def test_the_team_last_shown_opens_again_in_a_new_window(
    qtbot: Any, demo_store: Any, clock: Callable[[], datetime], tmp_path: Path
) -> None:
    from supportnet.model.care import ME, CareTeam
    from supportnet.ui.shell.ui_state import UiState

    services = Services.of(demo_store)
    other = CareTeam("After the hospital", ME)
    services.care_teams.save(other)

    def window() -> MainWindow:
        made = MainWindow(
            services,
            data_location="/d",
            key_location="k",
            clock=clock,
            ui_state=UiState(tmp_path / "ui.ini"),
        )
        qtbot.addWidget(made)
        return made

    first = window()
    assert first.care_team.view.title_label.text() == "After the hospital"  # by name
    mums = next(t for t in services.care_teams.list() if t.name == "Mum's knee")
    first.care_team.choose_team(mums.uid)
    # Removing the team shown, and undoing that, are remembered as what is shown.
    assert first.care_team.remove_team()
    assert first.ui_state.text("care/team") == other.uid
    first.undo_stack.undo()
    assert first.care_team.view.title_label.text() == "Mum's knee"
    assert first.ui_state.text("care/team") == mums.uid
    first.ui_state.sync()
    second = window()
    assert second.care_team.view.title_label.text() == "Mum's knee"
    # A team that has gone since falls back to the first by name.
    services.care_teams.remove(mums.uid)
    third = window()
    assert third.care_team.view.title_label.text() == "After the hospital"
