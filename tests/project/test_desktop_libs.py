"""`make run`'s check for the system libraries Qt's window plugin needs (tools/desktop_libs)."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

import pytest

from tools import desktop_libs
from tools.desktop_libs import debian_package, install_command, missing_libraries, platform_plugin

LDD = """\
\tlinux-vdso.so.1 (0x00007ffd)
\tlibxcb-cursor.so.0 => /lib/x86_64-linux-gnu/libxcb-cursor.so.0 (0x00007f)
\tlibxcb-icccm.so.4 => not found
\tlibxkbcommon-x11.so.0 => not found
\tlibxcb-icccm.so.4 => not found
\tlibxcb-render-util.so.0 => not found
"""


def test_the_plugin_follows_the_session() -> None:
    assert platform_plugin({"DISPLAY": ":0"}) == "xcb"
    assert platform_plugin({"DISPLAY": ":0", "WAYLAND_DISPLAY": "wayland-0"}) == "wayland"
    assert platform_plugin({"QT_QPA_PLATFORM": "xcb", "WAYLAND_DISPLAY": "w"}) == "xcb"
    assert platform_plugin({"QT_QPA_PLATFORM": "wayland;xcb"}) == "wayland"
    assert platform_plugin({"QT_QPA_PLATFORM": "offscreen"}) == "offscreen"
    assert platform_plugin({}) is None


def test_missing_libraries_are_read_from_ldd_once_each() -> None:
    assert missing_libraries(LDD) == [
        "libxcb-icccm.so.4",
        "libxkbcommon-x11.so.0",
        "libxcb-render-util.so.0",
    ]
    assert missing_libraries("\tlibc.so.6 => /lib/libc.so.6 (0x1)\n") == []


@pytest.mark.parametrize(
    ("soname", "package"),
    [
        ("libxcb-icccm.so.4", "libxcb-icccm4"),
        ("libxcb-cursor.so.0", "libxcb-cursor0"),
        ("libxkbcommon-x11.so.0", "libxkbcommon-x11-0"),
        ("libxcb-render-util.so.0", "libxcb-render-util0"),
        ("libEGL.so.1", "libEGL1"),
        ("not-a-library", None),
    ],
)
def test_sonames_map_to_debian_packages(soname: str, package: str | None) -> None:
    assert debian_package(soname) == package


def _fake(folder: Path, name: str, script: str) -> None:
    path = folder / name
    path.write_text(f"#!/bin/sh\n{script}\n")
    path.chmod(path.stat().st_mode | stat.S_IXUSR)


@pytest.fixture
def fake_bin(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """`ldd` reporting two missing libraries, and an `apt-get` that records its calls."""
    folder = tmp_path / "bin"
    folder.mkdir()
    (tmp_path / "ldd.txt").write_text(LDD)
    _fake(folder, "ldd", f'cat "{tmp_path / "ldd.txt"}"')
    _fake(folder, "apt-get", f'echo "$@" >> "{tmp_path / "calls"}"; exit ${{APT_STATUS:-0}}')
    monkeypatch.setenv("PATH", f"{folder}{os.pathsep}/usr/bin{os.pathsep}/bin")
    plugin = tmp_path / "libqxcb.so"
    plugin.write_bytes(b"")
    monkeypatch.setattr(desktop_libs, "_plugin_file", lambda _name: plugin)
    monkeypatch.setattr(os, "geteuid", lambda: 0)
    return tmp_path


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux only")
def test_missing_packages_are_installed_with_apt_get(
    fake_bin: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert desktop_libs.main({"DISPLAY": ":0"}) == 0
    calls = (fake_bin / "calls").read_text().splitlines()
    assert calls == [
        "install -y --no-install-recommends libxcb-icccm4 libxkbcommon-x11-0 libxcb-render-util0"
    ]
    assert "to open a window" in capsys.readouterr().out


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux only")
def test_a_failed_install_updates_once_then_says_so_in_one_line(
    fake_bin: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("APT_STATUS", "100")
    assert desktop_libs.main({"DISPLAY": ":0"}) == 1
    calls = (fake_bin / "calls").read_text().splitlines()
    assert [c.split()[0] for c in calls] == ["install", "update", "install"]
    error = capsys.readouterr().err.strip()
    assert len(error.splitlines()) == 1
    assert "libxcb-icccm4" in error
    assert "make run" in error


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux only")
def test_nothing_happens_without_a_display(fake_bin: Path) -> None:
    assert desktop_libs.main({}) == 0
    assert desktop_libs.main({"QT_QPA_PLATFORM": "offscreen"}) == 0
    assert not (fake_bin / "calls").exists()


def test_sudo_is_used_when_not_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("apt-get", "sudo"):
        _fake(tmp_path, name, "exit 0")
    monkeypatch.setenv("PATH", str(tmp_path))
    assert install_command(["libxcb-icccm4"], is_root=False) == [
        "sudo",
        "apt-get",
        "install",
        "-y",
        "--no-install-recommends",
        "libxcb-icccm4",
    ]
    assert install_command(["libxcb-icccm4"], is_root=True) == [
        "apt-get",
        "install",
        "-y",
        "--no-install-recommends",
        "libxcb-icccm4",
    ]
    (tmp_path / "apt-get").unlink()
    assert install_command(["libxcb-icccm4"], is_root=True) is None
