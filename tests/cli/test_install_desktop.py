"""`supportnet install-desktop [--uninstall]`: the launcher, icons and metainfo under a
temporary ``$XDG_DATA_HOME`` (never the real home), and exactly those removed again."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from supportnet import APP_ID, ICON_SIZES
from supportnet.services import desktop_entry
from tests.cli.test_cli import assert_one_line_error, run_cli
from tests.project.test_resources import desktop_entry as read_entry
from tests.project.test_resources import validate

SHIPPED = Path(desktop_entry.__file__).resolve().parents[1] / "resources"


def expected_files(home: Path) -> set[Path]:
    icons = home / "icons" / "hicolor"
    return {
        home / "applications" / f"{APP_ID}.desktop",
        home / "metainfo" / f"{APP_ID}.metainfo.xml",
        icons / "scalable" / "apps" / f"{APP_ID}.svg",
        *(icons / f"{n}x{n}" / "apps" / f"{APP_ID}.png" for n in ICON_SIZES),
    }


def files_under(folder: Path) -> set[Path]:
    return {p for p in folder.rglob("*") if p.is_file()}


def test_install_then_uninstall_round_trips(tmp_path: Path) -> None:
    home = tmp_path / "share"
    # Someone else's launcher and icon beside ours: never touched.
    theirs = home / "applications" / "org.example.Other.desktop"
    theirs.parent.mkdir(parents=True)
    theirs.write_text("[Desktop Entry]\nType=Application\nName=Other\nExec=other\n")

    installed = run_cli("install-desktop", XDG_DATA_HOME=str(home))
    assert installed.returncode == 0, installed.stderr
    assert "app menu" in installed.stdout
    assert expected_files(home) <= files_under(home)
    for path in expected_files(home):
        assert stat.S_IMODE(path.stat().st_mode) == 0o644, path
        assert not any(p.name.endswith(".tmp") for p in path.parent.iterdir())
    # Icons and metainfo are the shipped bytes.
    png = f"icons/hicolor/48x48/apps/{APP_ID}.png"
    assert (home / png).read_bytes() == (SHIPPED / png).read_bytes()
    metainfo = f"{APP_ID}.metainfo.xml"
    assert (home / "metainfo" / metainfo).read_bytes() == (SHIPPED / metainfo).read_bytes()

    entry_path = home / "applications" / f"{APP_ID}.desktop"
    entry = read_entry(entry_path)
    command = entry["Exec"]
    assert Path(command.split()[0]).is_absolute()
    assert os.access(command.split()[0], os.X_OK)
    assert entry["Icon"] == APP_ID
    validate(entry_path, home / "metainfo" / metainfo)

    again = run_cli("install-desktop", XDG_DATA_HOME=str(home))  # twice is fine
    assert again.returncode == 0, again.stderr

    removed = run_cli("install-desktop", "--uninstall", XDG_DATA_HOME=str(home))
    assert removed.returncode == 0, removed.stderr
    assert f"{len(expected_files(home))} files removed" in removed.stdout
    left = files_under(home)
    assert not expected_files(home) & left
    assert theirs in left
    # What is left is ours only as the desktop's caches, which its tools rewrote.
    assert {p.name for p in left - {theirs}} <= {"mimeinfo.cache", "icon-theme.cache"}

    nothing = run_cli("install-desktop", "--uninstall", XDG_DATA_HOME=str(home))
    assert nothing.returncode == 0
    assert "nothing to remove" in nothing.stdout


def test_a_relative_data_home_is_ignored_for_the_default(tmp_path: Path) -> None:
    # The XDG spec: a relative path in $XDG_DATA_HOME is invalid, so it is ignored.
    result = run_cli("install-desktop", XDG_DATA_HOME="relative/share", HOME=str(tmp_path))
    assert result.returncode == 0, result.stderr
    assert (tmp_path / ".local" / "share" / "applications" / f"{APP_ID}.desktop").is_file()
    assert not (tmp_path / "relative").exists()


def test_a_data_home_that_cant_be_written_is_one_line(tmp_path: Path) -> None:
    blocker = tmp_path / "share"
    blocker.write_text("a file where the folder would be")
    result = run_cli("install-desktop", XDG_DATA_HOME=str(blocker))
    assert_one_line_error(result, 1, "Can't write")


def test_icons_that_cant_be_written_leave_no_launcher(tmp_path: Path) -> None:
    home = tmp_path / "share"
    home.mkdir()
    (home / "icons").write_text("a file where the icons folder would be")
    result = run_cli("install-desktop", XDG_DATA_HOME=str(home))
    assert_one_line_error(result, 1, "Can't write")
    assert "nothing was changed" in result.stderr
    assert files_under(home) == {home / "icons"}  # no launcher without its icon
    assert {p for p in home.rglob("*")} == {home / "icons"}


def test_a_failure_part_way_undoes_only_what_this_run_wrote(tmp_path: Path) -> None:
    home = tmp_path / "share"
    hicolor = home / "icons" / "hicolor"
    # Before: someone else's icon, an older copy of one of ours, and our 48px one as shipped.
    theirs = hicolor / "48x48" / "apps" / "org.example.Other.png"
    theirs.parent.mkdir(parents=True)
    theirs.write_bytes(b"their icon")
    older = hicolor / "scalable" / "apps" / f"{APP_ID}.svg"
    older.parent.mkdir(parents=True)
    older.write_bytes(b"<svg>an older icon</svg>")
    same = hicolor / "48x48" / "apps" / f"{APP_ID}.png"
    same.write_bytes((SHIPPED / "icons/hicolor/48x48/apps" / f"{APP_ID}.png").read_bytes())
    (home / "metainfo").write_text("a file where the metainfo folder would be")
    before = {p: p.read_bytes() for p in files_under(home)}
    folders = {p for p in home.rglob("*") if p.is_dir()}

    result = run_cli("install-desktop", XDG_DATA_HOME=str(home))
    assert_one_line_error(result, 1, "Can't write")
    assert "nothing was changed" in result.stderr
    assert {p: p.read_bytes() for p in files_under(home)} == before
    assert {p for p in home.rglob("*") if p.is_dir()} == folders  # the new ones went too
    assert not (home / "applications").exists()


@pytest.mark.parametrize(
    ("command", "line"),
    [
        (["/usr/bin/supportnet"], "/usr/bin/supportnet"),
        (["/home/sam/my apps/supportnet"], '"/home/sam/my apps/supportnet"'),
        (["/opt/a$b/python", "-m", "supportnet"], '"/opt/a\\\\$b/python" -m supportnet'),
        (["/opt/100%/supportnet"], "/opt/100%%/supportnet"),
        # Then the string escapes, for characters a line of the file can't hold as they are.
        (["/home/x/new\nline/supportnet"], '"/home/x/new\\nline/supportnet"'),
        (["/home/x/a\tb\rc/supportnet"], '"/home/x/a\\tb\\rc/supportnet"'),
    ],
)
def test_exec_lines_are_quoted_as_the_spec_asks(command: list[str], line: str) -> None:
    assert desktop_entry.exec_line(command) == line


AWKWARD_COMMANDS = [
    ["/home/a b/.local/bin/supportnet"],
    ["/home/x/100%/supportnet"],
    ["/home/x/$HOME/bin/supportnet"],
    ["/home/x/back\\slash/supportnet"],
    ["/home/x/new\nline/supportnet"],
    ["/home/x/tab\tand\rreturn/supportnet"],
    ["/home/x/é=ü/supportnet"],
    ["/opt/py 3/python3", "-m", "supportnet"],
]


@pytest.mark.parametrize("command", AWKWARD_COMMANDS)
def test_awkward_paths_make_valid_entries(command: list[str], tmp_path: Path) -> None:
    entry = tmp_path / f"{APP_ID}.desktop"
    entry.write_bytes(desktop_entry._entry_text(command))
    validate(entry, SHIPPED / f"{APP_ID}.metainfo.xml")
    assert sum(line.startswith("Exec=") for line in entry.read_text("utf-8").splitlines()) == 1


GLIB_ARGV = """
import sys
from gi.repository import GLib
keyfile = GLib.KeyFile()
keyfile.load_from_file(sys.argv[1], GLib.KeyFileFlags.NONE)
exec_value = keyfile.get_string("Desktop Entry", "Exec").replace("%%", "%")
ok, argv = GLib.shell_parse_argv(exec_value)
sys.stdout.buffer.write("\\0".join(argv).encode("utf-8"))
"""


@pytest.mark.parametrize("command", AWKWARD_COMMANDS)
def test_the_desktop_reads_back_the_same_command(command: list[str], tmp_path: Path) -> None:
    # GLib reads a launcher's Exec= so: the string's escapes, then shell-like quoting.
    import shutil
    import subprocess

    python = shutil.which("python3", path="/usr/bin")
    if python is None or subprocess.run([python, "-c", "import gi"], check=False).returncode:
        pytest.skip("the system Python has no GLib bindings (Debian: python3-gi)")
    entry = tmp_path / f"{APP_ID}.desktop"
    entry.write_bytes(desktop_entry._entry_text(command))
    read = subprocess.run(
        [python, "-c", GLIB_ARGV, str(entry)], capture_output=True, check=True
    )  # bytes: text mode would turn a carriage return into a newline
    assert read.stdout.decode("utf-8").split("\0") == command


def test_the_launch_command_is_the_script_that_runs(tmp_path: Path) -> None:
    script = tmp_path / "bin" / "supportnet"
    script.parent.mkdir()
    script.write_text("#!/bin/sh\n")
    script.chmod(0o755)
    python = tmp_path / "venv" / "bin" / "python"
    # The pipx link that is running comes first.
    assert desktop_entry.launch_command(str(script), str(python), {"PATH": ""}) == [str(script)]
    # `python -m supportnet`: the script beside that Python, else the one on PATH.
    beside = python.parent / "supportnet"
    beside.parent.mkdir(parents=True)
    beside.write_text("#!/bin/sh\n")
    beside.chmod(0o755)
    assert desktop_entry.launch_command("-m", str(python), {"PATH": ""}) == [str(beside)]
    beside.unlink()
    found = desktop_entry.launch_command("-m", str(python), {"PATH": str(script.parent)})
    assert found == [str(script)]
    # Nothing named supportnet anywhere: this Python runs the module.
    assert desktop_entry.launch_command("-m", str(python), {"PATH": ""}) == [
        str(python),
        "-m",
        "supportnet",
    ]


@pytest.mark.parametrize("platform", ["darwin", "win32"])
def test_elsewhere_than_freedesktop_desktops_it_says_so(
    platform: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import io

    from supportnet.cli import run

    monkeypatch.setattr("sys.platform", platform)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    err = io.StringIO()
    assert run(["install-desktop"], stdout=io.StringIO(), stderr=err) == 1
    assert err.getvalue().count("\n") == 1
    assert "freedesktop.org" in err.getvalue()
    assert not (tmp_path / "share").exists()
