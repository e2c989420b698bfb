"""Each change to the plan is one undo step: undo puts the plan back, redo makes it again."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from PySide6.QtCore import Qt

from supportnet.model.safety_plan import PlanEntry, SafetyPlan, Step
from supportnet.model.targets import PERSON
from supportnet.ui.safety import dialogs as safety_dialogs
from tests.ui.safety.conftest import PageParts


def _read(parts: PageParts) -> SafetyPlan:
    plan = parts.services.safety_plan.read()
    return SafetyPlan({step: plan.entries(step) for step in Step})


def _edit_to(monkeypatch: pytest.MonkeyPatch, text: str) -> None:
    def exec_(dialog: safety_dialogs.EntryDialog) -> int:
        dialog.field.setText(text)
        dialog.accept()
        return int(dialog.result())

    monkeypatch.setattr(safety_dialogs.EntryDialog, "exec", exec_)


def _link_sam(parts: PageParts) -> None:
    sam = parts.people["Sam Rivera"]
    plan = parts.services.safety_plan.read().added(
        Step.HELPERS, PlanEntry.link(PERSON, sam.uid, sam.name)
    )
    parts.services.safety_plan.save(plan)
    parts.page.refresh()


CHANGES: dict[str, Callable[[PageParts], bool]] = {
    "add": lambda p: p.page.add_typed(Step.ON_MY_OWN, "A short walk"),
    "edit": lambda p: p.page.edit(Step.ON_MY_OWN, 0),
    "remove": lambda p: p.page.remove(Step.ON_MY_OWN, 1),
    "move": lambda p: p.page.move(Step.ON_MY_OWN, 1, 0),
    "tick": lambda p: p.page.set_they_know(Step.HELPERS, 0, True),
}


@pytest.mark.parametrize("change", list(CHANGES))
def test_each_change_undoes_and_redoes(
    qtbot: Any, parts: PageParts, change: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    parts.services.safety_plan.save(
        SafetyPlan().with_entries(
            Step.ON_MY_OWN, [PlanEntry.typed("Music"), PlanEntry.typed("A shower")]
        )
    )
    _link_sam(parts)
    _edit_to(monkeypatch, "Loud music")
    before = _read(parts)
    assert CHANGES[change](parts)
    after = _read(parts)
    assert after != before
    assert parts.stack.count() == 1

    parts.stack.undo()
    assert _read(parts) == before
    # The page shows the plan as it is now.
    model = parts.page.view.sections[Step.ON_MY_OWN].model
    shown = [model.index(r, 0).data(Qt.ItemDataRole.DisplayRole) for r in range(model.rowCount())]
    assert shown == [e.text for e in before.entries(Step.ON_MY_OWN)]

    parts.stack.redo()
    assert _read(parts) == after
    assert parts.errors == []


def test_undo_text_says_what_changed(parts: PageParts) -> None:
    parts.page.add_typed(Step.LIVING_FOR, "My niece")
    assert parts.stack.undoText() == "add a line to your plan"
    _link_sam(parts)
    parts.page.set_they_know(Step.HELPERS, 0, True)
    assert parts.stack.undoText() == "tick that Sam Rivera knows"


def test_a_failed_undo_is_said_and_the_plan_is_left_as_it_was(
    parts: PageParts, monkeypatch: pytest.MonkeyPatch
) -> None:
    from supportnet.model.errors import StoreBusyError

    parts.page.add_typed(Step.LIVING_FOR, "My niece")
    service = parts.services.safety_plan

    def busy(_plan: SafetyPlan) -> SafetyPlan:
        raise StoreBusyError("The data is busy; try again in a moment.")

    monkeypatch.setattr(service, "save", busy)
    parts.stack.undo()
    assert parts.errors == ["The data is busy; try again in a moment."]
    monkeypatch.undo()
    assert [e.text for e in service.read().entries(Step.LIVING_FOR)] == ["My niece"]
