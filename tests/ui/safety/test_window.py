"""The plan page in the main window: its place in the sidebar, built when first needed,
File menu entries, opening a person's record from a line."""

from __future__ import annotations

import stat
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from supportnet.model.safety_plan import PlanEntry, Step
from supportnet.model.targets import PERSON
from supportnet.services import Services
from supportnet.ui.shell.main_window import MainWindow, Page
from supportnet.ui.shell.sidebar import LATER_PAGES


def _window(qtbot: Any, store: Any, clock: Callable[[], datetime]) -> MainWindow:
    window = MainWindow(Services.of(store), data_location="/d", key_location="k", clock=clock)
    qtbot.addWidget(window)
    return window


def test_the_page_follows_people_and_is_built_when_first_shown(
    qtbot: Any, demo_store: Any, clock: Callable[[], datetime]
) -> None:
    window = _window(qtbot, demo_store, clock)
    assert Page.SAFETY_PLAN in window.shown_pages
    assert Page.SAFETY_PLAN in LATER_PAGES
    assert not window.is_built(Page.SAFETY_PLAN)
    item = window.sidebar.item(window.shown_pages.index(Page.SAFETY_PLAN))
    assert item.text() == "Safety plan"
    assert "My plan for hard days" in item.toolTip()
    window.page_actions[Page.SAFETY_PLAN].trigger()
    assert window.current_page is Page.SAFETY_PLAN
    assert window.is_built(Page.SAFETY_PLAN)
    assert window.pages.currentWidget() is window.safety_plan.view


def test_file_menu_offers_print_and_pdf(
    qtbot: Any, store: Any, clock: Callable[[], datetime], tmp_path: Path
) -> None:
    window = _window(qtbot, store, clock)
    file_menu = window.menuBar().actions()[0].menu()
    texts = [a.text() for a in file_menu.actions()]
    assert "Print my &safety plan…" in texts
    assert "Save my safety plan as P&DF…" in texts
    window.safety_plan.add_typed(Step.LIVING_FOR, "My niece")
    path = window.save_safety_plan_pdf(tmp_path / "my-plan.pdf")
    assert path is not None
    assert path.read_bytes().startswith(b"%PDF")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    # Undo from the window's Edit menu takes the line out again.
    window.undo()
    assert window._source.safety_plan.read().is_empty


def test_a_linked_line_opens_the_persons_record(
    qtbot: Any, demo_store: Any, clock: Callable[[], datetime]
) -> None:
    window = _window(qtbot, demo_store, clock)
    person = demo_store.people.list_all()[0]
    services = window._source
    plan = services.safety_plan.read().added(
        Step.HELPERS, PlanEntry.link(PERSON, person.uid, person.name)
    )
    services.safety_plan.save(plan)
    window.show_page(Page.SAFETY_PLAN)
    window.safety_plan.refresh()
    row = [e.entry.target_uid for e in window.safety_plan.resolved.entries(Step.HELPERS)].index(
        person.uid
    )
    window.safety_plan.view.sections[Step.HELPERS].list.open_requested.emit(row)
    assert window.editor is not None
    assert window.editor.windowTitle()
    window.editor.reject()


def test_keys_on_a_chosen_line_act_on_the_plan_not_the_window(
    qtbot: Any, store: Any, clock: Callable[[], datetime]
) -> None:
    """Delete and F2 are window shortcuts elsewhere; on a chosen line they are the list's."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    window = _window(qtbot, store, clock)
    with qtbot.waitExposed(window):
        window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.show_page(Page.SAFETY_PLAN)
    page = window.safety_plan
    for text in ("A walk", "Music", "A bath"):
        page.add_typed(Step.ON_MY_OWN, text)
    section = page.view.sections[Step.ON_MY_OWN]
    section.list.setFocus()
    section.list.select_row(2)
    qtbot.keyClick(section.list, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    qtbot.keyClick(section.list, Qt.Key.Key_Delete)
    texts = [e.text for e in window._source.safety_plan.read().entries(Step.ON_MY_OWN)]
    assert texts == ["A walk", "Music"]
    # Ctrl+Z, the window's own, undoes one change at a time.
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    texts = [e.text for e in window._source.safety_plan.read().entries(Step.ON_MY_OWN)]
    assert texts == ["A walk", "A bath", "Music"]


def test_save_as_pdf_offers_safety_plan_pdf(
    qtbot: Any, store: Any, clock: Callable[[], datetime], tmp_path: Path, monkeypatch: Any
) -> None:
    from PySide6.QtWidgets import QFileDialog

    window = _window(qtbot, store, clock)
    window.safety_plan.pdf_dir = str(tmp_path)
    offered: list[str] = []

    def ask(_parent: Any, _title: str, start: str, _filter: str) -> tuple[str, str]:
        offered.append(start)
        return str(tmp_path / "mine"), "PDF (*.pdf)"

    monkeypatch.setattr(QFileDialog, "getSaveFileName", ask)
    window.plan_pdf_action.trigger()
    assert offered == [str(tmp_path / "my-plan.pdf")]
    assert (tmp_path / "mine.pdf").read_bytes().startswith(b"%PDF")
