"""Every control on the plan page has a name for screen readers and is reached by Tab."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QLineEdit,
    QWidget,
)

from supportnet.model.safety_plan import PlanEntry, Step
from supportnet.model.targets import PERSON
from tests.ui.safety.conftest import PageParts


def _filled(parts: PageParts) -> None:
    sam = parts.people["Sam Rivera"]
    plan = parts.services.safety_plan.read()
    for step in Step:
        plan = plan.added(step, PlanEntry.typed(f"A line for {step.value}"))
    plan = plan.added(Step.HELPERS, PlanEntry.link(PERSON, sam.uid, sam.name))
    parts.services.safety_plan.save(plan)
    parts.page.refresh()


def _controls(top: QWidget) -> list[QWidget]:
    return [
        w
        for w in top.findChildren(QWidget)
        if isinstance(w, QAbstractButton | QLineEdit | QAbstractItemView)
        and w.isVisibleTo(top)
        and w.isEnabled()
    ]


def test_every_control_has_an_accessible_name(parts: PageParts) -> None:
    _filled(parts)
    view = parts.page.view
    view.sections[Step.HELPERS].list.select_row(0)
    controls = _controls(view)
    # Print, PDF; per step a list, a field and Add; three "from my network"; Copy; and
    # Edit and Remove of the step with a chosen line.
    assert len(controls) == 2 + 7 * 3 + 3 + 1 + 2
    unnamed = [type(w).__name__ for w in controls if not w.accessibleName()]
    assert unnamed == []
    # Names tell the steps apart ("Add a line to …").
    names = [w.accessibleName() for w in controls]
    assert len(set(names)) == len(names)


def test_tab_reaches_every_control(qtbot: Any, parts: PageParts) -> None:
    _filled(parts)
    view = parts.page.view
    for section in view.sections.values():
        section.list.select_row(0)  # Edit and Remove are on for a chosen line
    host = view.window()
    with qtbot.waitExposed(host):
        host.show()
    host.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is view.window())
    view.print_button.setFocus()
    controls = _controls(view)
    assert all(w.focusPolicy() & Qt.FocusPolicy.TabFocus for w in controls)
    wanted = {id(w) for w in controls}
    reached: set[int] = set()
    for _ in range(len(wanted) * 2):
        focus = QApplication.focusWidget()
        assert focus is not None
        reached.add(id(focus))
        qtbot.keyClick(focus, Qt.Key.Key_Tab)
    assert wanted <= reached


def test_the_tick_is_named_in_words(parts: PageParts) -> None:
    _filled(parts)
    model = parts.page.view.sections[Step.HELPERS].model
    index = model.index(1, 0)
    assert index.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    unticked = index.data(Qt.ItemDataRole.AccessibleDescriptionRole)
    assert index.data(Qt.ItemDataRole.AccessibleTextRole).startswith("Sam Rivera")
    plan = parts.services.safety_plan.read()
    line = plan.entries(Step.HELPERS)[1]
    plan = plan.replaced(Step.HELPERS, 1, replace(line, they_know=True))
    parts.services.safety_plan.save(plan)
    parts.page.refresh()
    index = model.index(1, 0)
    assert index.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    ticked = index.data(Qt.ItemDataRole.AccessibleDescriptionRole)
    # A screen reader tells the two apart in words, and the unticked one doesn't claim
    # they know.
    assert ticked == "They know they're in my plan"
    assert unticked != ticked
    assert unticked.startswith("Not ticked yet")
    assert "may not know" in unticked
