"""`supportnet safety-plan` as people run it: the real entry point, store and PDF writer."""

from __future__ import annotations

import re
import stat
from pathlib import Path

from tests.cli.test_cli import assert_one_line_error, run_cli


def test_the_example_plan_prints_with_the_crisis_lines(demo_dir: Path) -> None:
    result = run_cli(
        "crisis-lines", "--data-dir", str(demo_dir), "--set-country", "IE", passphrase=None
    )
    assert result.returncode == 0, result.stderr
    result = run_cli("safety-plan", "--data-dir", str(demo_dir))
    assert result.returncode == 0, result.stderr
    text = result.stdout
    assert "My plan for hard days" in text
    # The example plan names the example people, and the chosen country's line follows.
    assert "Dan" in text
    assert text.index("What I'm living for") < text.index("116 123")
    assert "Ireland" in text


def test_the_pdf_is_one_private_page_written_by_the_real_writer(
    demo_dir: Path, tmp_path: Path
) -> None:
    target = tmp_path / "out" / "plan.pdf"
    target.parent.mkdir()
    result = run_cli("safety-plan", "--data-dir", str(demo_dir), "--pdf", str(target))
    assert result.returncode == 0, result.stderr
    data = target.read_bytes()
    assert data.startswith(b"%PDF")
    assert len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", data)) == 1
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert sorted(p.name for p in target.parent.iterdir()) == ["plan.pdf"]


def test_a_pdf_into_a_missing_folder_is_one_line(demo_dir: Path, tmp_path: Path) -> None:
    target = tmp_path / "nowhere" / "plan.pdf"
    result = run_cli("safety-plan", "--data-dir", str(demo_dir), "--pdf", str(target))
    assert result.returncode != 0
    assert_one_line_error(result, result.returncode)
    assert not target.parent.exists()
