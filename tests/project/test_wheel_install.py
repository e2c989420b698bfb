"""A built wheel, installed (not editable) into a fresh venv, has its face: the icon loads
from the installed package, `supportnet install-desktop` round-trips from there, and the
metadata it installs validates.

Installing PySide6 and the rest afresh would take minutes and a gigabyte, so the fresh
venv reaches the running environment's libraries through a ``.pth`` line naming their
folder, listed after its own site-packages. Lines in a ``.pth`` add folders, not the
``.pth`` files inside them, so this checkout's editable install is never activated: the
``supportnet`` that loads is the wheel's (checked).

The wheel is built offline, without build isolation, where the running environment
already has the build backend pyproject.toml asks for (the test extras bring it); only
elsewhere does pip fetch it from PyPI into an isolated build environment.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

from supportnet import APP_ID
from tests.project.test_resources import validate

REPO = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.slow


def _clean_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
    env.update(QT_QPA_PLATFORM="offscreen", **extra)
    return env


def _run(args: list[str], cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        args,
        cwd=cwd,
        env=_clean_env(**env),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result


def has_build_backend() -> bool:
    """Whether this Python already has every build requirement pyproject.toml names."""
    import tomllib
    from importlib.metadata import PackageNotFoundError, version

    from packaging.requirements import Requirement

    config = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    for text in config["build-system"]["requires"]:
        wanted = Requirement(text)
        try:
            found = version(wanted.name)
        except PackageNotFoundError:
            return False
        if not wanted.specifier.contains(found, prereleases=True):
            return False
    return True


def build_wheel(tmp: Path) -> Path:
    """A wheel built from a copy of the sources (the checkout gets no build/ folder)."""
    source = tmp / "source"
    source.mkdir()
    for name in ("pyproject.toml", "README.md"):
        shutil.copy2(REPO / name, source / name)
    shutil.copytree(
        REPO / "supportnet", source / "supportnet", ignore=shutil.ignore_patterns("__pycache__")
    )
    dist = tmp / "dist"
    # With the backend here, nothing is downloaded: the build runs offline. Without it,
    # pip fetches it from PyPI (the test extras bring it, so `make test` needs no network).
    offline = ["--no-build-isolation", "--no-index"] if has_build_backend() else []
    _run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--disable-pip-version-check",
         "--quiet", *offline, "--wheel-dir", str(dist), str(source)],
        cwd=tmp,
    )  # fmt: skip
    (wheel,) = dist.glob("supportnet-*.whl")
    return wheel


def fresh_venv(tmp: Path, wheel: Path) -> Path:
    """A new venv with the wheel installed and the running environment's libraries visible."""
    where = tmp / "venv"
    venv.EnvBuilder(with_pip=False, symlinks=True).create(where)
    python = where / "bin" / "python"
    purelib = _run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"], cwd=tmp
    ).stdout.strip()
    # Every site-packages folder this Python reads (a venv's own, and any a .pth line of
    # it names), never the checkout itself.
    libraries = [p for p in sys.path if Path(p).name == "site-packages"]
    libraries = libraries or [sysconfig.get_paths()["purelib"]]
    Path(purelib, "supportnet-test-libraries.pth").write_text(
        "".join(f"{p}\n" for p in libraries), encoding="utf-8"
    )
    _run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps",
         "--disable-pip-version-check", "--quiet", str(wheel)],
        cwd=tmp,
    )  # fmt: skip
    return where


def test_an_installed_wheel_has_its_icon_launcher_and_metadata(tmp_path: Path) -> None:
    where = fresh_venv(tmp_path, build_wheel(tmp_path))
    python, command = where / "bin" / "python", where / "bin" / "supportnet"
    elsewhere = tmp_path / "elsewhere"  # not the checkout: nothing of it on sys.path
    elsewhere.mkdir()

    shown = _run(
        [str(python), "-c",
         "import supportnet, PySide6.QtWidgets as w\n"
         "app = w.QApplication([])\n"
         "from supportnet.ui.app_icon import app_icon\n"
         "icon = app_icon()\n"
         "print(supportnet.__file__)\n"
         "print(icon.isNull(), icon.pixmap(48, 48).width())\n"],
        cwd=elsewhere,
    ).stdout.splitlines()  # fmt: skip
    assert Path(shown[0]).is_relative_to(where), shown  # the wheel's, not this checkout's
    assert shown[1] == "False 48"

    home = tmp_path / "share"
    _run([str(command), "install-desktop"], cwd=elsewhere, XDG_DATA_HOME=str(home))
    entry = home / "applications" / f"{APP_ID}.desktop"
    exec_line = next(
        line for line in entry.read_text("utf-8").splitlines() if line.startswith("Exec=")
    )
    assert exec_line == f"Exec={command}"  # the venv's own command, not one on PATH
    assert (home / "icons" / "hicolor" / "256x256" / "apps" / f"{APP_ID}.png").is_file()
    validate(entry, home / "metainfo" / f"{APP_ID}.metainfo.xml")

    _run([str(command), "install-desktop", "--uninstall"], cwd=elsewhere, XDG_DATA_HOME=str(home))
    assert not entry.exists()
    assert not list(home.rglob(f"{APP_ID}.*"))
