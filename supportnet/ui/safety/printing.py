"""The plan for hard days on one printed page: a PDF file, or a printer.

The page holds the title, the six steps and what the person is living for, the helpers'
and professionals' ways to be reached, and the crisis lines for the country in a box.
Fonts shrink a little at a time until it fits one page; a very long plan is then drawn
smaller as a whole, so it is always one page. Works from the command line too: with no
application yet, one is made on the offscreen platform (nothing is shown).
"""

from __future__ import annotations

import html
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import (
    QPagedPaintDevice,
    QPageLayout,
)

from supportnet.model.safety_plan import Step
from supportnet.safety.crisis_lines import contact_text
from supportnet.safety.resolve import line_parts
from supportnet.safety.wording import PAGE_TITLE, numbered_heading
from supportnet.ui.widgets.one_page import (
    page_layout,
    render_one_page,
    write_one_page_pdf,
)

if TYPE_CHECKING:
    from supportnet.safety.crisis_lines import CountryHelp
    from supportnet.safety.resolve import ResolvedPlan

__all__ = [
    "crisis_rows",
    "page_html",
    "page_layout_for",
    "print_plan",
    "write_plan_pdf",
]

#: Body text sizes tried in turn (points) until the plan fits one page.
FONT_SIZES = (13.0, 12.5, 12.0, 11.5, 11.0, 10.5, 10.0, 9.5, 9.0, 8.5, 8.0)


def _esc(text: str) -> str:
    return html.escape(text, quote=False)


#: A space between two digits ("01632 960442"): kept, but never a place to break the line.
_SPACE_IN_NUMBER = re.compile(r"(?<=\d) (?=\d)")


def _line_html(step: Step, entry: Any) -> str:
    parts = line_parts(step, entry)
    text = _esc(parts.name)
    if parts.marker:
        text += f" <i>({_esc(parts.marker)})</i>"
    if parts.reach:
        # A number split over two lines on paper is easy to misdial.
        text += f" &mdash; {_esc(_SPACE_IN_NUMBER.sub(chr(0xA0), parts.reach))}"
    return f"<li>{text}</li>"


def crisis_rows(help: CountryHelp) -> list[str]:
    """The crisis lines for the country as lines of rich text (page and print share them)."""
    rows = []
    if help.known:
        rows.append(f"<b>If you need to talk to someone now ({_esc(help.name)})</b>")
        for line in help.lines:
            contacts = " &middot; ".join(_esc(contact_text(c)) for c in line.contacts)
            hours = f" <i>({_esc(line.hours)})</i>" if line.hours else ""
            rows.append(f"<b>{_esc(line.name)}</b>: {contacts}{hours}")
        if help.emergency:
            rows.append(f"In an emergency, call <b>{_esc(help.emergency)}</b>.")
    else:
        rows.append("<b>If you need to talk to someone now</b>")
        rows.append(_esc(help.guidance))
    return rows


def _crisis_html(help: CountryHelp) -> str:
    cells = "<br>".join(crisis_rows(help))
    return (
        '<table width="100%" border="1" cellspacing="0" cellpadding="8" bgcolor="#f3f3f3" '
        'style="margin-top: 8px; border-style: solid; border-color: #555555;">'
        f"<tr><td>{cells}</td></tr></table>"
    )


def page_html(view: ResolvedPlan, help: CountryHelp, body_pt: float) -> str:
    """The printed page as rich text, with body text at ``body_pt`` points."""
    parts = [
        f'<html><body style="font-size: {body_pt}pt;">',
        f'<p style="font-size: {body_pt * 1.7:.1f}pt; margin-bottom: 2pt;">'
        f"<b>{_esc(PAGE_TITLE)}</b></p>",
    ]
    for step in Step:
        gap = round(body_pt * (2.2 if step is Step.LIVING_FOR else 1.2))
        heading_style = f"font-size: {body_pt * 1.15:.1f}pt; margin-top: {gap}px;"
        parts.append(f'<p style="{heading_style} margin-bottom: 2px;"><b>')
        parts.append(f"{_esc(numbered_heading(step))}</b></p>")
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
            parts.append(_crisis_html(help))
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
        path, page_layout_for(help.code), PAGE_TITLE, lambda device: _render(device, view, help)
    )


def print_plan(printer: Any, view: ResolvedPlan, help: CountryHelp) -> None:
    """Print the plan on ``printer`` (a QPrinter the person set up in the print dialog)."""
    _render(printer, view, help)
