"""`make run` offers the app-menu launcher once: a line where no one can answer, y/N at a
terminal, never again after that nor when it is installed (tools/desktop_offer.py)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from supportnet import APP_ID
from tests.conftest import REPO_ROOT, cli_env
from tools.desktop_offer import HOW, offer


@pytest.fixture
def home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    share = tmp_path / "share"
    monkeypatch.setenv("XDG_DATA_HOME", str(share))
    return share


def entry(home: Path) -> Path:
    return home / "applications" / f"{APP_ID}.desktop"


def test_without_a_terminal_it_says_how_once_and_never_waits(tmp_path: Path) -> None:
    marker = tmp_path / "offered"
    share = tmp_path / "share"
    command = [sys.executable, "-m", "tools.desktop_offer", str(marker)]
    env = cli_env(XDG_DATA_HOME=str(share))
    first = subprocess.run(
        command, cwd=REPO_ROOT, env=env, stdin=subprocess.DEVNULL, capture_output=True,
        text=True, timeout=60, check=False,
    )  # fmt: skip
    assert first.returncode == 0, first.stderr
    assert first.stdout.strip() == HOW
    assert marker.exists()
    assert not entry(share).exists()
    again = subprocess.run(
        command, cwd=REPO_ROOT, env=env, stdin=subprocess.DEVNULL, capture_output=True,
        text=True, timeout=60, check=False,
    )  # fmt: skip
    assert again.returncode == 0
    assert again.stdout == ""


def test_yes_at_a_terminal_installs_it(tmp_path: Path, home: Path) -> None:
    said: list[str] = []
    offer(tmp_path / "offered", lambda _question: "y", said.append)
    assert entry(home).is_file()
    assert said == [f"SupportNet is in your app menu ({entry(home)})."]


def test_no_or_enter_installs_nothing_and_asks_no_more(tmp_path: Path, home: Path) -> None:
    asked: list[str] = []

    def ask(question: str) -> str:
        asked.append(question)
        return ""

    said: list[str] = []
    offer(tmp_path / "offered", ask, said.append)
    offer(tmp_path / "offered", ask, said.append)
    assert len(asked) == 1
    assert "[y/N]" in asked[0]
    assert len(said) == 1
    assert "install-desktop" in said[0]
    assert not entry(home).exists()


def test_an_installed_launcher_is_not_offered(tmp_path: Path, home: Path) -> None:
    entry(home).parent.mkdir(parents=True)
    entry(home).write_text("[Desktop Entry]\n")
    said: list[str] = []
    offer(tmp_path / "offered", lambda _q: pytest.fail("asked"), said.append)
    assert said == []
