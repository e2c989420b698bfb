"""The page's own words (the steps' headings and hints are in supportnet.safety.wording)."""

from __future__ import annotations

from supportnet.model.safety_plan import Step
from supportnet.safety.wording import STEP_TEXT

INTRO = (
    "A plan for when things get hard, in your own words. Fill in what feels right; "
    "you can change it any time."
)
PRINT_TEXT = "Print…"
PDF_TEXT = "Save as PDF…"
#: Offered for a saved PDF: nothing in the name says what it holds.
PDF_NAME = "my-plan.pdf"
ADD_TEXT = "Add"
ADD_LINKED_TEXT = "Add from my network…"
EDIT_TEXT = "Edit…"
REMOVE_TEXT = "Remove"
COPY_TEXT = "Copy a message"
COPIED = "Copied a message idea. You can change it before you send it."
#: An unticked helper, in words (the ticked one says wording.THEY_KNOW).
NOT_TOLD = "Not ticked yet: they may not know they're in my plan"
TELL_ONE = "You could let {names} know they're in your plan, when it feels right."
CRISIS_HEADING = "Crisis lines"
LIST_KEYS = "F2 or Enter to change, Delete to remove, Alt+Up and Alt+Down to move"
LINK_KEYS = "Enter or double-click opens their details; F2 changes this line"


def placeholder(step: Step) -> str:
    """The field's grey hint: the step's examples."""
    examples = STEP_TEXT[step].examples
    return f"For example: {examples[0]}" if examples else "Type a line"


def names_text(names: list[str]) -> str:
    """ "Sam", "Sam and Ana", "Sam, Ana and Bo"."""
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} and {names[-1]}"
