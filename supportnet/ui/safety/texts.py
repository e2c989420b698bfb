"""The page's own words (the steps' headings and hints are in supportnet.safety.wording).

Constants are marked with ``N_`` and translated where they are shown (``_(CONSTANT)``).
"""

from __future__ import annotations

from supportnet.i18n import N_, _
from supportnet.model.safety_plan import Step
from supportnet.safety.wording import STEP_TEXT

INTRO = N_(
    "A plan for when things get hard, in your own words. Fill in what feels right; "
    "you can change it any time."
)
PRINT_TEXT = N_("Print…")
PDF_TEXT = N_("Save as PDF…")
#: Offered for a saved PDF: nothing in the name says what it holds.
PDF_NAME = N_("my-plan.pdf")
ADD_TEXT = N_("Add")
ADD_LINKED_TEXT = N_("Add from my network…")
EDIT_TEXT = N_("Edit…")
REMOVE_TEXT = N_("Remove")
COPY_TEXT = N_("Copy a message")
COPIED = N_("Copied a message idea. You can change it before you send it.")
#: An unticked helper, in words (the ticked one says wording.THEY_KNOW).
NOT_TOLD = N_("Not ticked yet: they may not know they're in my plan")
TELL_ONE = N_("You could let {names} know they're in your plan, when it feels right.")
CRISIS_HEADING = N_("Crisis lines")
LIST_KEYS = N_("F2 or Enter to change, Delete to remove, Alt+Up and Alt+Down to move")
LINK_KEYS = N_("Enter or double-click opens their details; F2 changes this line")


def heading(step: Step) -> str:
    """The step's heading in the user's language (STEP_TEXT translates when looked up)."""
    return STEP_TEXT[step].heading


def placeholder(step: Step) -> str:
    """The field's grey hint: the step's examples."""
    examples = STEP_TEXT[step].examples
    if not examples:
        return _("Type a line")
    return _("For example: {example}").format(example=examples[0])


def names_text(names: list[str]) -> str:
    """ "Sam", "Sam and Ana", "Sam, Ana and Bo"."""
    if len(names) <= 1:
        return "".join(names)
    # Translators: the end of a list of names, "Sam, Ana and Bo"; German "{names} und {last}".
    return _("{names} and {last}").format(names=", ".join(names[:-1]), last=names[-1])
