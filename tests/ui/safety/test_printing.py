"""The plan as a one-page PDF: written whole or not at all, readable by the owner only."""

from __future__ import annotations

import os
import re
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from supportnet.model.network import ChannelKind, ContactChannel, Person
from supportnet.model.safety_plan import MAX_ENTRIES_PER_STEP, PlanEntry, SafetyPlan, Step
from supportnet.model.targets import PERSON
from supportnet.safety.crisis_lines import help_for
from supportnet.safety.resolve import ResolvedPlan, resolve
from supportnet.ui.safety import printing
from supportnet.ui.safety.printing import page_html, write_plan_pdf
from tests.conftest import REPO_ROOT, cli_env

#: A page object, not the /Type /Pages tree above them.
_PAGE = re.compile(rb"/Type\s*/Page(?![a-zA-Z])")


def _pages(path: Path) -> int:
    return len(_PAGE.findall(path.read_bytes()))


def _plan(lines_per_step: int = 2) -> ResolvedPlan:
    plan = SafetyPlan()
    for step in Step:
        for number in range(lines_per_step):
            plan = plan.added(step, PlanEntry.typed(f"{step.value} line {number + 1} " * 3))
    plan = plan.added(Step.HELPERS, PlanEntry.link(PERSON, "gone", "Sam <Rivera> & co"))
    return resolve(plan, [], [])


def test_the_pdf_is_one_page_and_private(tmp_path: Path) -> None:
    path = tmp_path / "my-plan.pdf"
    write_plan_pdf(_plan(), help_for("GB"), path)
    data = path.read_bytes()
    assert data.startswith(b"%PDF")
    assert _pages(path) == 1
    assert re.search(rb"/MediaBox \[0 0 595(\.0+)? 842(\.0+)?\]", data)  # A4 in Britain
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["my-plan.pdf"]


def test_a_long_plan_still_fits_one_page(tmp_path: Path) -> None:
    path = tmp_path / "long.pdf"
    write_plan_pdf(_plan(MAX_ENTRIES_PER_STEP), help_for("US"), path)
    assert _pages(path) == 1


def test_the_page_holds_the_steps_reach_and_crisis_lines() -> None:
    gb = help_for("GB")
    text = page_html(_plan(), gb, 11)
    assert "My plan for hard days" in text
    assert "1. Signs a hard time is starting" in text
    assert "What I'm living for" in text
    assert "Sam &lt;Rivera&gt; &amp; co" in text  # what people typed is never markup
    assert "no longer in your network" in text
    for line in gb.lines:
        assert line.name in text
    assert "116 123" in text
    assert gb.emergency in text


def test_a_professional_met_in_person_keeps_their_number_on_paper() -> None:
    ruth = Person(
        "Ruth Adeyemi",
        channels=[
            ContactChannel(ChannelKind.IN_PERSON, "Riverside Wellbeing Centre", preferred=True),
            ContactChannel(ChannelKind.CALL, "01632 960442"),
        ],
    )
    plan = SafetyPlan().added(Step.PROFESSIONALS, PlanEntry.link(PERSON, ruth.uid, "Ruth"))
    text = page_html(resolve(plan, [ruth], []), help_for("GB"), 11)
    # The number's space doesn't break: a number split over two lines is easy to misdial.
    assert (
        "<li>Ruth Adeyemi &mdash; In person: Riverside Wellbeing Centre · "
        "Phone call: 01632\u00a0960442</li>"
    ) in text


def test_a_country_without_lines_prints_the_guidance() -> None:
    unknown = help_for("ZZ")
    assert not unknown.known
    text = page_html(_plan(), unknown, 11)
    assert unknown.guidance.split(".")[0] in text


def test_a_failing_write_leaves_no_file_and_keeps_the_old_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "my-plan.pdf"
    path.write_bytes(b"%PDF the old one")

    def fail(*_args: Any) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(printing, "_render", fail)
    with pytest.raises(OSError, match="No space"):
        write_plan_pdf(_plan(), help_for("GB"), path)
    assert path.read_bytes() == b"%PDF the old one"
    assert [p.name for p in tmp_path.iterdir()] == ["my-plan.pdf"]
    new = tmp_path / "new.pdf"
    with pytest.raises(OSError, match="No space"):
        write_plan_pdf(_plan(), help_for("GB"), new)
    assert not new.exists()
    assert [p.name for p in tmp_path.iterdir()] == ["my-plan.pdf"]


def test_the_pdf_is_written_without_an_application(tmp_path: Path) -> None:
    """From the command line: no QApplication exists, none is shown."""
    path = tmp_path / "plan.pdf"
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from supportnet.model.safety_plan import PlanEntry, SafetyPlan, Step\n"
        "from supportnet.safety.crisis_lines import help_for\n"
        "from supportnet.safety.resolve import resolve\n"
        "from supportnet.ui.safety.printing import write_plan_pdf\n"
        "plan = SafetyPlan().added(Step.LIVING_FOR, PlanEntry.typed('My niece'))\n"
        "write_plan_pdf(resolve(plan, [], []), help_for('IE'), Path(sys.argv[1]))\n"
    )
    env = cli_env()
    env.pop("QT_QPA_PLATFORM", None)
    result = subprocess.run(
        [sys.executable, "-c", code, str(path)],
        capture_output=True,
        check=False,
        text=True,
        env=env,
        cwd=REPO_ROOT,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert path.read_bytes().startswith(b"%PDF")
    assert _pages(path) == 1
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600


def test_printing_puts_the_plan_on_one_page(tmp_path: Path) -> None:
    """What the print dialog's printer gets: here a printer writing a PDF file."""
    from PySide6.QtPrintSupport import QPrinter

    from supportnet.ui.safety.printing import page_layout_for, print_plan

    path = tmp_path / "printed.pdf"
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(path))
    printer.setPageLayout(page_layout_for("US"))
    print_plan(printer, _plan(), help_for("US"))
    assert path.read_bytes().startswith(b"%PDF")
    assert _pages(path) == 1
    assert re.search(rb"/MediaBox \[0 0 612(\.0+)? 792(\.0+)?\]", path.read_bytes())  # Letter
