"""`supportnet insights`, run as the real command line on the example network."""

from __future__ import annotations

import stat
import xml.etree.ElementTree as ET
from pathlib import Path

from supportnet.insights import words
from tests.cli.test_cli import PASS, assert_one_line_error, run_cli
from tests.conftest import fresh_python

KINDS = (
    "connection-over-time",
    "support-around-you",
    "who-lifts-your-mood",
    "rhythm-of-your-flexible-plans",
)


def test_without_out_it_prints_one_sentence_per_chart(demo_dir: Path) -> None:
    result = run_cli("insights", "--data-dir", str(demo_dir))
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert [line.split(":")[0] for line in lines] == [
        "Connection over time",
        "Support around you",
        "Who lifts your mood",
        "Rhythm of your flexible plans",
    ]
    assert not any(words.NOT_ENOUGH in line for line in lines)  # the example has history
    assert "most often with your" in lines[0]
    who = run_cli("insights", "--data-dir", str(demo_dir), "--split", "who", "--weeks", "52")
    assert "you reached out" in who.stdout.splitlines()[0]
    assert "12 months" in who.stdout.splitlines()[0]


def test_out_saves_each_chart_private_and_matplotlib_keeps_to_the_apps_folder(
    demo_dir: Path, tmp_path: Path
) -> None:
    home = tmp_path / "home"
    home.mkdir()
    out = tmp_path / "charts"
    out.mkdir()
    env = {"HOME": str(home), "XDG_CACHE_HOME": "", "XDG_CONFIG_HOME": "", "MPLCONFIGDIR": ""}
    result = run_cli("insights", "--data-dir", str(demo_dir), "--out", str(out), **env)
    assert result.returncode == 0, result.stderr
    assert "not encrypted" in result.stdout
    for kind in KINDS:
        path = out / f"{kind}.png"
        assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{k}.png" for k in KINDS)
    written = [p.relative_to(home) for p in home.rglob("*") if p.is_file()]
    assert written, "matplotlib's font cache is kept, so it is built once"
    assert all(p.parts[:2] == (".cache", "SupportNet") for p in written), written

    svg = run_cli(
        "insights", "--data-dir", str(demo_dir), "--out", str(out), "--format", "svg", **env
    )
    assert svg.returncode == 0, svg.stderr
    for kind in KINDS:
        assert ET.parse(out / f"{kind}.svg").getroot().tag.endswith("svg")


def test_bad_input_is_one_line(demo_dir: Path, tmp_path: Path) -> None:
    a_file = tmp_path / "a-file.png"
    a_file.write_bytes(b"mine")
    for args, said in (
        (("--weeks", "0"), "1 to 260"),
        (("--weeks", "many"), "whole number"),
        (("--out", str(tmp_path / "nowhere")), "no folder"),
        (("--out", str(a_file)), "is a file"),
    ):
        result = run_cli("insights", "--data-dir", str(demo_dir), *args)
        assert_one_line_error(result, 2, said)
    assert a_file.read_bytes() == b"mine"
    assert not (tmp_path / "nowhere").exists()


def test_today_loads_no_matplotlib(demo_dir: Path) -> None:
    """Only the insights command (and the page) pay for matplotlib."""
    script = (
        "import sys\n"
        "from supportnet.__main__ import main\n"
        f"code = main(['today', '--data-dir', {str(demo_dir)!r}])\n"
        "print('loaded:', sorted(m for m in sys.modules if m.startswith('matplotlib'))[:2])\n"
        "sys.exit(code)\n"
    )
    result = fresh_python(script, SUPPORTNET_PASSPHRASE=PASS)
    assert result.returncode == 0, result.stderr
    assert "loaded: []" in result.stdout, result.stdout
