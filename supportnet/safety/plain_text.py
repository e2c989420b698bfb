"""The plan for hard days as plain text: for the command line, and to copy or keep."""

from __future__ import annotations

from supportnet.i18n import _
from supportnet.model.safety_plan import Step
from supportnet.safety.resolve import ResolvedEntry, ResolvedPlan, line_parts
from supportnet.safety.wording import PAGE_TITLE, empty_text, numbered_heading

__all__ = ["entry_text", "plan_text"]

_BULLET = "  - "
_MORE = "    "


def entry_text(step: Step, line: ResolvedEntry) -> str:
    """One line as read: the name or text, a gentle mark if they have left the network,
    else how to reach them."""
    parts = line_parts(step, line)
    return f"{parts.title} — {parts.reach}" if parts.reach else parts.title


def plan_text(view: ResolvedPlan, crisis: str) -> str:
    """The whole plan, step by step in order, then ``crisis`` (the country's crisis lines
    as text) at the end."""
    title = _(PAGE_TITLE)
    out = [title, "=" * len(title)]
    for step in Step:
        out.append("")
        out.append(numbered_heading(step))
        lines = view.entries(step)
        if not lines:
            out.append(f"{_MORE}{empty_text(step)}")
        for line in lines:
            first, *rest = entry_text(step, line).splitlines() or [""]
            out.append(f"{_BULLET}{first}")
            # A reason for living may run to several lines: keep them under their bullet.
            out.extend(f"{_MORE}{more}" if more else "" for more in rest)
    text = "\n".join(out) + "\n"
    crisis = crisis.strip("\n")
    return f"{text}\n{crisis}\n" if crisis else text
