"""A care team's rota as a one-page PDF: written whole or not at all, readable by the
owner only, holding every supporter, the empty days in calm words and the crisis lines."""

from __future__ import annotations

import re
import stat
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from supportnet.model.care import ME, CareTeam
from supportnet.safety.crisis_lines import help_for
from supportnet.scheduling.rota import Coverage, Gap
from supportnet.services.care_teams import RotaDay, RotaLine, RotaSupporter, RotaView
from supportnet.ui.care import printing
from supportnet.ui.care.printing import page_html, write_rota_pdf

#: A page object, not the /Type /Pages tree above them.
_PAGE = re.compile(rb"/Type\s*/Page(?![a-zA-Z])")
START = date(2026, 12, 3)  # a Thursday


def _pages(path: Path) -> int:
    return len(_PAGE.findall(path.read_bytes()))


def _grid(page: str) -> str:
    """The week grid: the page's first table."""
    return page.split("</table>", maxsplit=1)[0]


def _view(lines_a_day: int = 1, *, start: date = START) -> RotaView:
    """Four weeks: Shiv calls on even days, an open slot on every third, nobody on the rest."""
    team = CareTeam(
        "Dad's week <&>",
        focus="dad",
        supporters=["shiv", ME, "gone"],
        note="Dad likes a call after supper.\nNot before 10 on Sundays.",
    )
    days = []
    for n in range(28):
        day = start + timedelta(days=n)
        lines: list[RotaLine] = []
        if n % 2 == 0:
            lines += [
                RotaLine("Shiv", f"{19 + k % 3}:00", "Phone call", n == 2 and k == 0)
                for k in range(lines_a_day)
            ]
        elif n % 3 == 0:
            lines.append(RotaLine(None, "10:00", "In person", False))
        days.append(RotaDay(day, lines))
    return RotaView(
        team=team,
        focus_name="Dad",
        supporters=[
            RotaSupporter("shiv", "Shiv", True, "Phone call: 01632 960277"),
            RotaSupporter(ME, "You", True),
            RotaSupporter("gone", "Someone no longer in your network", False),
        ],
        days=days,
        coverage=Coverage(start, 28, 14, Gap(start + timedelta(1), start + timedelta(1)), ()),
    )


def test_the_pdf_is_one_landscape_page_and_private(tmp_path: Path) -> None:
    path = tmp_path / "rota.pdf"
    write_rota_pdf(_view(), help_for("GB"), path)
    data = path.read_bytes()
    assert data.startswith(b"%PDF")
    assert _pages(path) == 1
    assert re.search(rb"/MediaBox \[0 0 842(\.0+)? 595(\.0+)?\]", data)  # A4, on its side
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["rota.pdf"]


def test_a_crowded_rota_still_fits_one_page_on_letter(tmp_path: Path) -> None:
    path = tmp_path / "crowded.pdf"
    write_rota_pdf(_view(lines_a_day=6), help_for("US"), path)
    assert _pages(path) == 1
    assert re.search(rb"/MediaBox \[0 0 792(\.0+)? 612(\.0+)?\]", path.read_bytes())


def test_the_page_holds_the_grid_supporters_note_coverage_and_crisis_lines() -> None:
    gb = help_for("GB")
    text = page_html(_view(), gb, 10)
    assert "Dad's week &lt;&amp;&gt;" in text  # what people typed is never markup
    assert "Check-ins with Dad, Thu 3 Dec 2026 to Wed 30 Dec 2026" in text
    for supporter in _view().supporters:
        assert supporter.name in text
    assert "01632\u00a0960277" in text  # a number never breaks over two lines
    assert "19:00&nbsp;Shiv (phone&nbsp;call)" in text
    assert "10:00&nbsp;open (in&nbsp;person)" in text
    assert "19:00&nbsp;Shiv (phone&nbsp;call, swapped)" in text
    assert "Nobody planned yet" in text
    assert "uncovered" not in text.lower()
    assert "red" not in re.findall(r"color:\s*(\w+)", text)
    assert "Dad likes a call after supper.<br>Not before 10 on Sundays." in text
    assert "Someone is planned on 14 of the 28 days from Thu 3 Dec." in text
    assert text.index("Dad likes") < text.index("If you're worried") < text.index("Samaritans")
    for line in gb.lines:
        assert line.name in text
    assert "116 123" in text
    assert gb.emergency in text


def test_the_grid_is_whole_weeks_monday_first() -> None:
    text = page_html(_view(), help_for("GB"), 10, first_weekday=0)
    heads = re.findall(r"<th[^>]*>(\w+)</th>", text)
    assert heads == ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    # Thursday 3 Dec to Wednesday 30 Dec: five rows, Mon 30 Nov .. Sun 3 Jan.
    assert _grid(text).count("<tr>") == 1 + 5
    grid = _grid(text)
    # Days outside the four weeks are blank; the first is where the rota starts.
    assert re.search(r">30 Nov</span></td>", grid)
    assert grid.index("30 Nov") < grid.index("<b>3 Dec</b>") < grid.index(">3 Jan</span>")
    monday = _view(start=date(2026, 12, 7))
    assert _grid(page_html(monday, help_for("GB"), 10, first_weekday=0)).count("<tr>") == 1 + 4


def test_the_grid_starts_on_the_locales_first_day() -> None:
    text = page_html(_view(), help_for("GB"), 10, first_weekday=6)
    heads = re.findall(r"<th[^>]*>(\w+)</th>", text)
    assert heads == ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
    # Thursday 3 Dec to Wednesday 30 Dec: Sun 29 Nov .. Sat 2 Jan, five rows.
    grid = _grid(text)
    assert grid.count("<tr>") == 1 + 5
    assert grid.index(">29 Nov</span>") < grid.index("<b>3 Dec</b>") < grid.index(">2 Jan</span>")


def test_a_failing_write_leaves_no_file_and_keeps_the_old_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "rota.pdf"
    path.write_bytes(b"%PDF the old one")

    def fail(*_args: Any) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(printing, "_render", fail)
    with pytest.raises(OSError, match="No space"):
        write_rota_pdf(_view(), help_for("GB"), path)
    assert path.read_bytes() == b"%PDF the old one"
    new = tmp_path / "new.pdf"
    with pytest.raises(OSError, match="No space"):
        write_rota_pdf(_view(), help_for("GB"), new)
    assert not new.exists()
    assert [p.name for p in tmp_path.iterdir()] == ["rota.pdf"]
