"""`supportnet safety-plan [--pdf FILE]`: the plan as text with the crisis lines, or a PDF."""

from __future__ import annotations

import io
import stat
from pathlib import Path

import pytest

from supportnet.cli import run
from supportnet.safety.crisis_lines import CountryHelp
from supportnet.safety.resolve import ResolvedPlan
from supportnet.safety.wording import NOT_IN_NETWORK, PAGE_TITLE
from supportnet.services.crisis import CrisisHelpService
from tests.cli.test_cli import PASS, assert_one_line_error, run_cli, snapshot

FAKE_PDF = b"%PDF-1.4 a plan\n%%EOF\n"


class FakePdf:
    """Stands in for the GUI's PDF writer: records what it was given, writes a small file."""

    def __init__(self, fail_halfway: bool = False) -> None:
        self.calls: list[tuple[ResolvedPlan, CountryHelp, Path]] = []
        self.fail_halfway = fail_halfway

    def __call__(self, view: ResolvedPlan, help: CountryHelp, path: Path) -> None:
        self.calls.append((view, help, path))
        if self.fail_halfway:
            path.write_bytes(FAKE_PDF[:5])
            raise OSError(28, "No space left on device")
        path.write_bytes(FAKE_PDF)


@pytest.fixture
def passphrase(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SUPPORTNET_PASSPHRASE", PASS)


def _run(*args: str, pdf: FakePdf | None = None) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run(list(args), stdout=out, stderr=err, write_plan_pdf=pdf)
    return code, out.getvalue(), err.getvalue()


@pytest.mark.usefixtures("passphrase")
def test_the_plan_prints_as_text_with_the_crisis_lines_last(demo_dir: Path) -> None:
    CrisisHelpService(demo_dir).set_country("GB")
    code, out, err = _run("safety-plan", "--data-dir", str(demo_dir))
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == PAGE_TITLE
    helpers = lines.index("4. People I can ask for help")
    assert lines[helpers + 1].startswith("  - Dan — ")
    assert lines[helpers + 2].startswith("  - Pri — ")
    assert "  - Riverside walking club — Meet at the park café" in lines
    assert "Samaritans" in out
    assert "116 123" in out
    assert out.index("What I'm living for") < out.index("Samaritans")
    assert NOT_IN_NETWORK not in out


def test_through_the_entry_point_as_a_person_would_run_it(demo_dir: Path) -> None:
    result = run_cli("safety-plan", "--data-dir", str(demo_dir), LC_ALL="en_GB.UTF-8")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(PAGE_TITLE)
    assert "116 123" in result.stdout  # Samaritans, from the locale's country


@pytest.mark.usefixtures("passphrase")
def test_someone_taken_out_shows_marked_in_the_text(demo_dir: Path) -> None:
    from supportnet.data.store import open_store

    with open_store(demo_dir, passphrase=lambda _p: PASS) as store:
        priya = store.people.find("Priya")[0]
        assert priya.id is not None
        store.people.remove(priya.id)
    code, out, _err = _run("safety-plan", "--data-dir", str(demo_dir))
    assert code == 0
    assert f"  - Pri ({NOT_IN_NETWORK})" in out.splitlines()


@pytest.mark.usefixtures("passphrase")
def test_pdf_is_written_whole_and_private(demo_dir: Path, tmp_path: Path) -> None:
    CrisisHelpService(demo_dir).set_country("GB")
    target = tmp_path / "my-plan.pdf"
    pdf = FakePdf()
    code, out, err = _run("safety-plan", "--pdf", str(target), "--data-dir", str(demo_dir), pdf=pdf)
    assert (code, err) == (0, "")
    assert target.read_bytes() == FAKE_PDF
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert str(target) in out
    ((view, help, written),) = pdf.calls
    # Written beside the target under another name, then moved into place.
    assert written.parent == target.parent
    assert written != target
    assert help.code == "GB"
    assert [e.name for e in view.entries(next(iter(view.steps)))]
    assert list(tmp_path.glob(".my-plan.pdf.*")) == []


@pytest.mark.usefixtures("passphrase")
def test_pdf_replaces_an_older_file_and_makes_it_private(demo_dir: Path, tmp_path: Path) -> None:
    target = tmp_path / "plan.pdf"
    target.write_bytes(b"old")
    target.chmod(0o644)
    code, _out, _err = _run(
        "safety-plan", "--pdf", str(target), "--data-dir", str(demo_dir), pdf=FakePdf()
    )
    assert code == 0
    assert target.read_bytes() == FAKE_PDF
    assert stat.S_IMODE(target.stat().st_mode) == 0o600


@pytest.mark.usefixtures("passphrase")
def test_a_pdf_that_fails_halfway_leaves_nothing_behind(demo_dir: Path, tmp_path: Path) -> None:
    target = tmp_path / "plan.pdf"
    target.write_bytes(b"the old plan")
    code, out, err = _run(
        "safety-plan",
        "--pdf",
        str(target),
        "--data-dir",
        str(demo_dir),
        pdf=FakePdf(fail_halfway=True),
    )
    assert code != 0
    assert out == ""
    assert len(err.strip().splitlines()) == 1
    assert "No space left" in err
    assert target.read_bytes() == b"the old plan"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.pdf", "store"]


@pytest.mark.usefixtures("passphrase")
@pytest.mark.parametrize("where", ["folder", "missing-parent"])
def test_a_pdf_path_that_cannot_be_a_file_is_one_line(
    demo_dir: Path, tmp_path: Path, where: str
) -> None:
    target = tmp_path if where == "folder" else tmp_path / "nowhere" / "plan.pdf"
    before = snapshot(tmp_path)
    pdf = FakePdf()
    code, out, err = _run("safety-plan", "--pdf", str(target), "--data-dir", str(demo_dir), pdf=pdf)
    assert code != 0
    assert out == ""
    (line,) = err.strip().splitlines()
    assert line.startswith("supportnet: ")
    assert ("is a folder" if where == "folder" else "doesn't exist") in line
    assert pdf.calls == []
    assert snapshot(tmp_path) == before


def test_pdf_without_the_apps_printing_is_a_usage_error(tmp_path: Path) -> None:
    code, out, err = _run("safety-plan", "--pdf", str(tmp_path / "p.pdf"))
    assert code == 2
    assert out == ""
    assert "PDF" in err
    assert not (tmp_path / "p.pdf").exists()


def test_no_store_yet_is_one_line_and_makes_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "none"
    result = run_cli("safety-plan", "--data-dir", str(folder))
    assert_one_line_error(result, 1, "no SupportNet store")
    assert not folder.exists()


@pytest.mark.usefixtures("passphrase")
def test_a_writer_failing_without_a_system_reason_is_still_one_plain_line(
    demo_dir: Path, tmp_path: Path
) -> None:
    def failing(_view: ResolvedPlan, _help: CountryHelp, _path: Path) -> None:
        raise OSError("no reason given")

    target = tmp_path / "plan.pdf"
    out, err = io.StringIO(), io.StringIO()
    code = run(
        ["safety-plan", "--pdf", str(target), "--data-dir", str(demo_dir)],
        stdout=out,
        stderr=err,
        write_plan_pdf=failing,
    )
    assert code == 1
    assert err.getvalue().strip() == (
        f"supportnet: Can't save the plan as {target}: the file couldn't be written."
    )
    assert not target.exists()
