"""The plan for hard days on one printed page: a PDF file, or a printer.

The page holds the title, the six steps and what the person is living for, the helpers'
and professionals' ways to be reached, and the crisis lines for the country in a box.
Fonts shrink a little at a time until it fits one page; a very long plan is then drawn
smaller as a whole, so it is always one page. Works from the command line too: with no
application yet, one is made on the offscreen platform (nothing is shown).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import (
    QPagedPaintDevice,
    QPageLayout,
)

from supportnet.i18n import _
from supportnet.model.safety_plan import Step
from supportnet.safety.resolve import line_parts
from supportnet.safety.wording import PAGE_TITLE, numbered_heading
from supportnet.ui.widgets.one_page import (
    crisis_box,
    esc,
    number_safe,
    page_layout,
    render_one_page,
    write_one_page_pdf,
)

if TYPE_CHECKING:
    from supportnet.safety.crisis_lines import CountryHelp
    from supportnet.safety.resolve import ResolvedPlan

__all__ = [
    "page_html",
    "page_layout_for",
    "print_plan",
    "write_plan_pdf",
]

#: Body text sizes tried in turn (points) until the plan fits one page.
FONT_SIZES = (13.0, 12.5, 12.0, 11.5, 11.0, 10.5, 10.0, 9.5, 9.0, 8.5, 8.0)


def _line_html(step: Step, entry: Any) -> str:
    parts = line_parts(step, entry)
    text = esc(parts.name)
    if parts.marker:
        text += f" <i>({esc(parts.marker)})</i>"
    if parts.reach:
        text += f" &mdash; {number_safe(parts.reach)}"
    return f"<li>{text}</li>"


def page_html(view: ResolvedPlan, help: CountryHelp, body_pt: float) -> str:
    """The printed page as rich text, with body text at ``body_pt`` points."""
    parts = [
        f'<html><body style="font-size: {body_pt}pt;">',
        f'<p style="font-size: {body_pt * 1.7:.1f}pt; margin-bottom: 2pt;">'
        f"<b>{esc(_(PAGE_TITLE))}</b></p>",
    ]
    for step in Step:
        gap = round(body_pt * (2.2 if step is Step.LIVING_FOR else 1.2))
        heading_style = f"font-size: {body_pt * 1.15:.1f}pt; margin-top: {gap}px;"
        parts.append(f'<p style="{heading_style} margin-bottom: 2px;"><b>')
        parts.append(f"{esc(numbered_heading(step))}</b></p>")
        entries = view.steps.get(step, ())
        if entries:
            parts.append('<ul style="margin-top: 1pt; margin-bottom: 0;">')
            parts.extend(_line_html(step, entry) for entry in entries)
            parts.append("</ul>")
        else:
            # Room to write by hand on the printed page.
            rule = "_" * 60
            parts.append(f'<p style="margin-top: 4px; color: #999999;">{rule}<br>{rule}</p>')
        if step is Step.PROFESSIONALS:
            parts.append(crisis_box(help, padding=8, style="margin-top: 8px; "))
    parts.append("</body></html>")
    return "".join(parts)


def _render(device: QPagedPaintDevice, view: ResolvedPlan, help: CountryHelp) -> None:
    """The plan onto ``device``'s first (and only) page."""
    render_one_page(device, lambda size: page_html(view, help, size), FONT_SIZES, "the plan")


def page_layout_for(country: str | None) -> QPageLayout:
    """The printed page for a country: its usual paper, portrait, with even margins."""
    return page_layout(country, QPageLayout.Orientation.Portrait)


def write_plan_pdf(view: ResolvedPlan, help: CountryHelp, path: Path) -> None:
    """Write the plan as a one-page PDF at ``path`` (0600), whole or not at all.

    Raises OSError when the file can't be written (the old file, if any, is left as it was).
    """
    write_one_page_pdf(
        path, page_layout_for(help.code), _(PAGE_TITLE), lambda device: _render(device, view, help)
    )


def print_plan(printer: Any, view: ResolvedPlan, help: CountryHelp) -> None:
    """Print the plan on ``printer`` (a QPrinter the person set up in the print dialog)."""
    _render(printer, view, help)
