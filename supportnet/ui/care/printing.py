"""A care team's rota on one printed page: a PDF file (and, later, a printer).

The page holds the team's name and whom the check-ins are with, the four weeks as a grid
(from the locale's first day of the week; each day's check-ins, or "Nobody planned yet"),
every supporter's way to be reached, the team's note, how the days are covered, and
"If you're worried" with the crisis lines of the focus person's country. Landscape, so
seven days sit side by side; fonts shrink until it fits one page, then it is drawn smaller
as a whole. Works from the command line: with no application yet, an offscreen one is
made (nothing is shown).
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QPagedPaintDevice, QPageLayout

from supportnet.i18n import N_, _
from supportnet.model.care import ME
from supportnet.model.days import first_weekday as locale_first_weekday
from supportnet.model.days import month_name, short_date, weekday_name
from supportnet.scheduling.rota_words import NOBODY_YET, coverage_text
from supportnet.ui.widgets.labels import inside_line
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
    from supportnet.services.care_teams import RotaLine, RotaView

__all__ = ["OPEN", "WORRIED", "page_html", "print_rota", "rota_layout_for", "write_rota_pdf"]

#: Body text sizes tried in turn (points) until the rota fits one page.
FONT_SIZES = (11.0, 10.5, 10.0, 9.5, 9.0, 8.5, 8.0, 7.5, 7.0)
#: A check-in nobody has taken yet.
OPEN = N_("open")
#: The heading above the crisis lines.
WORRIED = N_("If you're worried")
#: Text that matters less (dates of days outside the rota, the hint of an empty day):
#: grey, never a warning colour.
_SOFT = "#555555"


def _cell_line(line: RotaLine) -> str:
    # A narrow cell breaks after the name or a comma, never inside "19:00 Ann" or
    # "(phone call)", so a time and a way of calling stay readable.
    who = line.supporter_name if line.supporter_name is not None else _(OPEN)
    text = esc(who)
    if line.time:
        text = f"{line.time}&nbsp;{text}"
    how = [esc(inside_line(line.channel)).replace(" ", "&nbsp;")] if line.channel else []
    if line.swapped:
        # Translators: a check-in on the printed rota that someone else takes this once.
        how.append(esc(_("swapped")).replace(" ", "&nbsp;"))
    return f"{text} ({', '.join(how)})" if how else text


def _day_label(day: date) -> str:
    # Translators: a day on the printed rota, "3 Dec"; German "{day}. {month}".
    return _("{day} {month}").format(day=day.day, month=month_name(day.month, short=True))


def _cell(day: date, lines: list[RotaLine] | None) -> str:
    if lines is None:  # before the first day or after the last: not part of this rota
        return f'<td bgcolor="#f3f3f3"><span style="color: {_SOFT};">{_day_label(day)}</span></td>'
    said = "<br>".join(_cell_line(line) for line in lines)
    if not said:
        said = f'<i style="color: {_SOFT};">{esc(_(NOBODY_YET))}</i>'
    return f"<td><b>{_day_label(day)}</b><br>{said}</td>"


def _grid_html(view: RotaView, first_weekday: int) -> str:
    by_day = {d.day: d.check_ins for d in view.days}
    first = view.days[0].day
    last = view.days[-1].day
    start = first - timedelta(days=(first.weekday() - first_weekday) % 7)
    # Equal columns: a busy day doesn't squeeze its neighbours.
    names = (weekday_name((first_weekday + n) % 7) for n in range(7))
    heads = "".join(f'<th width="14%">{esc(name)}</th>' for name in names)
    rows = [f"<tr>{heads}</tr>"]
    day = start
    while day <= last:
        cells = []
        for _n in range(7):
            cells.append(_cell(day, by_day.get(day)))
            day += timedelta(days=1)
        rows.append(f"<tr>{''.join(cells)}</tr>")
    return (
        '<table width="100%" border="1" cellspacing="0" cellpadding="5" '
        'style="border-style: solid; border-color: #888888;">' + "".join(rows) + "</table>"
    )


def _supporters_html(view: RotaView) -> str:
    items = []
    for supporter in view.supporters:
        # Someone who left the network is said gently, not in bold like a name to call.
        name = esc(supporter.name)
        text = f"<b>{name}</b>" if supporter.in_network else f"<i>{name}</i>"
        if supporter.reach:
            text += f" &mdash; {number_safe(supporter.reach)}"
        items.append(f"<li>{text}</li>")
    if not items:
        return f"<p>{esc(_('No supporters on the team yet.'))}</p>"
    return '<ul style="margin-top: 1pt; margin-bottom: 0;">' + "".join(items) + "</ul>"


def page_html(
    view: RotaView, help: CountryHelp, body_pt: float, *, first_weekday: int | None = None
) -> str:
    """The printed rota as rich text, with body text at ``body_pt`` points; its weeks
    start on ``first_weekday`` (Monday 0; the locale's when None)."""
    first, last = view.days[0].day, view.days[-1].day
    start = locale_first_weekday() if first_weekday is None else first_weekday
    dates = {"first": short_date(first, year=True), "last": short_date(last, year=True)}
    if view.team.focus == ME:
        whom = _("Check-ins with you, {first} to {last}").format(**dates)
    else:
        whom = _("Check-ins with {name}, {first} to {last}").format(name=view.focus_name, **dates)
    heading = f"font-size: {body_pt * 1.15:.1f}pt; margin-top: {round(body_pt)}px;"
    cover = coverage_text(view.coverage, view.team.comfortable_gap_days, today=None)
    parts = [
        f'<html><body style="font-size: {body_pt}pt;">',
        f'<p style="font-size: {body_pt * 1.6:.1f}pt; margin-bottom: 0;">'
        f"<b>{esc(view.team.name)}</b></p>",
        f'<p style="margin-top: 2px; margin-bottom: 6px;">{esc(whom)}</p>',
        _grid_html(view, start),
        f'<p style="margin-top: 4px;">{"<br>".join(esc(c) for c in cover)}</p>',
        f'<p style="{heading} margin-bottom: 2px;"><b>{esc(_("Who is on the team"))}</b></p>',
        _supporters_html(view),
    ]
    if view.team.note:
        note = "<br>".join(esc(line) for line in view.team.note.splitlines())
        parts.append(f'<p style="{heading} margin-bottom: 2px;"><b>{esc(_("Team note"))}</b></p>')
        parts.append(f'<p style="margin-top: 0;">{note}</p>')
    parts.append(f'<p style="{heading} margin-bottom: 4px;"><b>{esc(_(WORRIED))}</b></p>')
    parts.append(crisis_box(help, padding=6))
    parts.append("</body></html>")
    return "".join(parts)


def _render(
    device: QPagedPaintDevice, view: RotaView, help: CountryHelp, first_weekday: int | None
) -> None:
    """The rota onto ``device``'s first (and only) page."""
    render_one_page(
        device,
        lambda size: page_html(view, help, size, first_weekday=first_weekday),
        FONT_SIZES,
        "the rota",
    )


def rota_layout_for(country: str | None) -> QPageLayout:
    """The country's usual paper, landscape (seven days side by side), even margins."""
    return page_layout(country, QPageLayout.Orientation.Landscape)


def write_rota_pdf(
    view: RotaView, help: CountryHelp, path: Path, *, first_weekday: int | None = None
) -> None:
    """Write the rota as a one-page PDF at ``path`` (0600), whole or not at all.

    Raises OSError when the file can't be written (an old file, if any, is left as it was).
    """
    write_one_page_pdf(
        path,
        rota_layout_for(help.code),
        _("Rota: {name}").format(name=view.team.name),
        lambda device: _render(device, view, help, first_weekday),
    )


def print_rota(
    printer: Any, view: RotaView, help: CountryHelp, *, first_weekday: int | None = None
) -> None:
    """Print the rota on ``printer`` (a QPrinter set up in the print dialog)."""
    _render(printer, view, help, first_weekday)
