"""Paths the system can't use (300- or 5,000-character ones, an unreadable folder): one line."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.cli.test_cli import assert_one_line_error, run_cli, snapshot
from tests.conftest import cli_env

NOBODY = 65534


def _long_name(tmp_path: Path) -> Path:
    return tmp_path / ("a" * 300 + ".db")  # one name past the 255-byte limit


def _long_path(tmp_path: Path) -> Path:
    path = tmp_path / "/".join(["b" * 100] * 50) / "backup.db"  # 5,000+ characters
    assert len(str(path)) > 5000
    return path


@pytest.mark.parametrize("make", [_long_name, _long_path], ids=["300-char name", "5000-char path"])
def test_backup_and_restore_with_a_path_too_long(
    demo_dir: Path, tmp_path: Path, make: object
) -> None:
    path = make(tmp_path)  # type: ignore[operator]
    before = snapshot(demo_dir)
    backup = run_cli("backup", "--out", str(path), "--data-dir", str(demo_dir))
    assert_one_line_error(backup, 2, "too long")
    restore = run_cli("restore", str(path), "--force", "--data-dir", str(demo_dir))
    assert_one_line_error(restore, 2, "too long")
    salvage = run_cli("salvage", "--out", str(path), "--data-dir", str(demo_dir))
    assert_one_line_error(salvage, 2, "too long")
    for result in (backup, restore, salvage):
        assert len(result.stderr) < 400, "the path isn't echoed back in full"
    assert snapshot(demo_dir) == before
    assert not list(tmp_path.glob("*.partial"))


@pytest.fixture
def unreadable(demo_dir: Path) -> Iterator[tuple[Path, list[str]]]:
    """The example store in a folder with mode 000, and how to run the CLI as its owner.

    Root reads any folder, so as root the CLI runs as the unprivileged user `nobody` (through
    setpriv), who owns the folder, in a world-traversable place: only the 000 stands in the way.
    """
    if os.geteuid() != 0:
        folder = demo_dir
        prefix: list[str] = []
        yield_root = None
    else:
        yield_root = Path(tempfile.mkdtemp(prefix="supportnet-unreadable-"))
        yield_root.chmod(0o755)
        folder = yield_root / "store"
        shutil.copytree(demo_dir, folder)
        for path in (folder, *folder.rglob("*")):
            os.chown(path, NOBODY, NOBODY)
        setpriv = shutil.which("setpriv")
        if setpriv is None:
            pytest.skip("running as root, and setpriv (util-linux) isn't here to drop to nobody")
        prefix = [setpriv, f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups"]
    folder.chmod(0o000)
    try:
        yield folder, prefix
    finally:
        folder.chmod(0o700)
        if yield_root is not None:
            shutil.rmtree(yield_root)


@pytest.mark.parametrize("command", [["doctor"], ["salvage", "--out", "/dev/null/x.db"]])
def test_a_data_folder_that_cant_be_read(
    unreadable: tuple[Path, list[str]], command: list[str]
) -> None:
    folder, prefix = unreadable
    result = subprocess.run(
        [*prefix, sys.executable, "-m", "supportnet", *command, "--data-dir", str(folder)],
        capture_output=True,
        text=True,
        env=cli_env(SUPPORTNET_PASSPHRASE="unused", HOME=str(folder.parent)),
        cwd=folder.parent,
        stdin=subprocess.DEVNULL,
        timeout=120,
        check=False,
    )
    assert_one_line_error(result, 1, "Can't read the data folder", "Permission denied")
    assert result.stdout == ""
    assert (folder.stat().st_mode & 0o777) == 0, "the folder's mode is left alone"
