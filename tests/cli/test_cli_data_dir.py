"""`--data-dir DIR`: SupportNet makes private only a folder it made or one holding its data,
and commands that only read never create anything."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from supportnet.data.data_folder import check_data_dir
from supportnet.model.errors import StoreError
from tests.cli.test_cli import assert_one_line_error, run_cli


def _listing(folder: Path) -> dict[str, int]:
    """Every path below ``folder`` (itself included) and its mode."""
    found = {".": folder.stat().st_mode}
    for path in folder.rglob("*"):
        found[str(path.relative_to(folder))] = path.lstat().st_mode
    return found


@pytest.fixture
def shared(tmp_path: Path) -> Path:
    """A folder like /tmp: world-writable with the sticky bit, holding someone's file."""
    folder = tmp_path / "shared"
    folder.mkdir()
    (folder / "someone-elses.txt").write_text("not SupportNet's\n", encoding="utf-8")
    folder.chmod(0o1777)
    return folder


READ_ONLY_COMMANDS = [
    ("today",),
    ("log", "Ruth", "--note", "hello"),
    ("export-ics", "--out", "{out}"),
    ("backup", "--out", "{out}"),
    ("doctor",),
    ("rota",),
]


@pytest.mark.parametrize("command", READ_ONLY_COMMANDS, ids=lambda c: c[0])
def test_a_shared_folder_is_left_exactly_as_it_was(
    shared: Path, tmp_path: Path, command: tuple[str, ...]
) -> None:
    before = _listing(shared)
    args = [part.format(out=tmp_path / "out.ics") for part in command]
    result = run_cli(*args, "--data-dir", str(shared))
    assert_one_line_error(result, 1, "already holds other files", str(shared / "SupportNet"))
    assert _listing(shared) == before
    assert stat.S_IMODE(shared.stat().st_mode) == 0o1777
    assert not (shared / "supportnet.lock").exists()


def test_demo_refuses_a_folder_holding_other_files(shared: Path) -> None:
    before = _listing(shared)
    result = run_cli("demo", "--data-dir", str(shared))
    assert_one_line_error(result, 1, "already holds other files", "--data-dir")
    assert _listing(shared) == before


def test_the_suggested_subfolder_works(shared: Path) -> None:
    result = run_cli("demo", "--data-dir", str(shared / "SupportNet"))
    assert result.returncode == 0, result.stderr
    assert stat.S_IMODE((shared / "SupportNet").stat().st_mode) == 0o700
    assert stat.S_IMODE(shared.stat().st_mode) == 0o1777


@pytest.mark.parametrize("command", READ_ONLY_COMMANDS, ids=lambda c: c[0])
def test_reading_commands_create_no_folder(tmp_path: Path, command: tuple[str, ...]) -> None:
    missing = tmp_path / "not-yet"
    args = [part.format(out=tmp_path / "out.ics") for part in command]
    result = run_cli(*args, "--data-dir", str(missing))
    if command[0] == "doctor":
        assert result.returncode == 0, result.stderr
    else:
        assert_one_line_error(result, 1, "There is no SupportNet store in")
    assert not missing.exists()
    assert not (tmp_path / "out.ics").exists()


def test_reading_commands_leave_an_empty_folder_alone(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir(mode=0o755)
    empty.chmod(0o755)
    result = run_cli("today", "--data-dir", str(empty))
    assert_one_line_error(result, 1, "There is no SupportNet store in")
    assert list(empty.iterdir()) == []
    assert stat.S_IMODE(empty.stat().st_mode) == 0o755


def test_an_empty_folder_of_yours_becomes_the_store(tmp_path: Path) -> None:
    empty = tmp_path / "mine"
    empty.mkdir(mode=0o755)
    empty.chmod(0o755)
    result = run_cli("demo", "--data-dir", str(empty))
    assert result.returncode == 0, result.stderr
    assert stat.S_IMODE(empty.stat().st_mode) == 0o700


def test_a_store_folder_is_made_private_again(demo_dir: Path) -> None:
    demo_dir.chmod(0o755)
    result = run_cli("today", "--data-dir", str(demo_dir))
    assert result.returncode == 0, result.stderr
    assert stat.S_IMODE(demo_dir.stat().st_mode) == 0o700


def test_a_folder_with_only_backups_left_is_supportnets(tmp_path: Path) -> None:
    folder = tmp_path / "store"
    (folder / "backups").mkdir(parents=True)
    (folder / "backups" / "supportnet-20261203T081000000000Z-before-restore.db").write_bytes(b"x")
    check_data_dir(folder)  # SupportNet's own: no refusal


@pytest.mark.parametrize("subfolder", ["backups", "damaged"])
def test_a_folder_whose_own_backups_folder_isnt_supportnets_is_refused(
    shared: Path, subfolder: str
) -> None:
    # "backups" is a common name: a home folder with one must not pass for a store and be
    # made private to one user.
    (shared / subfolder).mkdir()
    (shared / subfolder / "photos.tar").write_bytes(b"x")
    before = _listing(shared)
    result = run_cli("demo", "--data-dir", str(shared))
    assert_one_line_error(result, 1, "already holds other files")
    assert _listing(shared) == before
    assert stat.S_IMODE(shared.stat().st_mode) == 0o1777


def test_a_file_is_not_a_data_folder(tmp_path: Path) -> None:
    file = tmp_path / "notes.txt"
    file.write_text("x", encoding="utf-8")
    with pytest.raises(StoreError, match="is a file, not a folder"):
        check_data_dir(file)
    assert file.read_text(encoding="utf-8") == "x"


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="needs root")
def test_as_root_an_empty_folder_of_another_user_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "theirs"
    folder.mkdir(mode=0o1777)
    os.chown(folder, 65534, 65534)
    with pytest.raises(StoreError, match="belongs to another user"):
        check_data_dir(folder)
