"""`supportnet rota --pdf FILE`: the team's four weeks as one private page, through the
real entry point and writer, and the command's own refusals with a stand-in writer."""

from __future__ import annotations

import io
import os
import re
import shutil
import stat
import subprocess
from pathlib import Path

import pytest

from supportnet.cli import run
from supportnet.cli.care_commands import NO_PDF
from supportnet.safety.crisis_lines import CountryHelp
from supportnet.services.care_teams import RotaView
from tests.cli.test_cli import PASS, assert_one_line_error, run_cli

#: The example team's supporters, as the rota names them.
SUPPORTERS = ("Rosie Mensah", "Grandad", "Owen Hughes", "You")


def _pdf_text(path: Path) -> str:
    if shutil.which("pdftotext") is None:
        if os.environ.get("SUPPORTNET_REQUIRE_PDFTOTEXT"):
            pytest.fail("pdftotext (poppler-utils) is required here; .ci/run installs it")
        pytest.skip("pdftotext (poppler) isn't installed")
    result = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    )
    return result.stdout


def test_the_example_rota_is_one_private_page_with_everyone_on_it(
    demo_dir: Path, tmp_path: Path
) -> None:
    result = run_cli(
        "crisis-lines", "--data-dir", str(demo_dir), "--set-country", "IE", passphrase=None
    )
    assert result.returncode == 0, result.stderr
    target = tmp_path / "out" / "rota.pdf"
    target.parent.mkdir()
    result = run_cli(
        "rota", "--data-dir", str(demo_dir), "--from", "2026-12-07", "--pdf", str(target)
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"Saved the rota of Mum's knee to {target}.\n"
    data = target.read_bytes()
    assert data.startswith(b"%PDF")
    assert len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", data)) == 1
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert sorted(p.name for p in target.parent.iterdir()) == ["rota.pdf"]
    text = _pdf_text(target)
    assert "Check-ins with Mum, Mon 7 Dec 2026 to Sun 3 Jan 2027" in text
    for name in SUPPORTERS:
        assert name in text
    assert "Nobody planned" in text  # a narrow cell may put "yet" on the next line
    assert "Phone call: 01632" in text  # a way to reach Grandad
    assert "Mum would rather have a call than a text." in text
    assert "Someone is planned on" in text
    assert text.index("If you're worried") < text.index("116 123")  # Ireland's Samaritans
    assert "Ireland" in text


def test_a_pdf_into_a_missing_folder_is_one_line(demo_dir: Path, tmp_path: Path) -> None:
    target = tmp_path / "nowhere" / "rota.pdf"
    result = run_cli("rota", "--data-dir", str(demo_dir), "--pdf", str(target))
    assert_one_line_error(result, 1, "doesn't exist")
    assert not target.parent.exists()


def test_pdf_and_json_together_is_a_usage_error(demo_dir: Path, tmp_path: Path) -> None:
    target = tmp_path / "rota.pdf"
    result = run_cli("rota", "--data-dir", str(demo_dir), "--json", "--pdf", str(target))
    assert result.returncode == 2
    assert not target.exists()


@pytest.fixture
def passphrase(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SUPPORTNET_PASSPHRASE", PASS)


@pytest.mark.usefixtures("passphrase")
def test_without_a_writer_a_pdf_is_a_usage_error(demo_dir: Path, tmp_path: Path) -> None:
    out, err = io.StringIO(), io.StringIO()
    target = tmp_path / "rota.pdf"
    code = run(["rota", "--data-dir", str(demo_dir), "--pdf", str(target)], stdout=out, stderr=err)
    assert code == 2
    assert err.getvalue() == f"supportnet: {NO_PDF}\n"
    assert not target.exists()


@pytest.mark.usefixtures("passphrase")
def test_a_writer_failing_halfway_leaves_nothing(demo_dir: Path, tmp_path: Path) -> None:
    seen: list[RotaView] = []

    def failing(view: RotaView, _help: CountryHelp, path: Path) -> None:
        seen.append(view)
        path.write_bytes(b"%PDF-1.4 half")
        raise OSError(28, "No space left on device")

    target = tmp_path / "rota.pdf"
    out, err = io.StringIO(), io.StringIO()
    code = run(
        ["rota", "--data-dir", str(demo_dir), "--pdf", str(target)],
        stdout=out,
        stderr=err,
        write_rota_pdf=failing,
    )
    assert code == 1
    assert err.getvalue() == (
        f"supportnet: Can't save the rota as {target}: No space left on device.\n"
    )
    assert [v.team.name for v in seen] == ["Mum's knee"]
    assert [s.name for s in seen[0].supporters] == list(SUPPORTERS)
    assert list(tmp_path.iterdir()) == [demo_dir]
