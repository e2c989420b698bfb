"""Restore onto a real, (nearly) full disk: it says the disk is full, never that the backup is
damaged, and nothing is replaced or left behind. Skipped, with the reason, without root."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from supportnet.data.backup_format import read_header
from tests.cli.test_cli import assert_one_line_error, run_cli, snapshot
from tests.data.small_disk import fill


@pytest.fixture
def backup_from_elsewhere(demo_folder: Path, tmp_path: Path) -> Path:
    """A backup of another store (the example one), outside the small disk."""
    out = tmp_path / "b1.snb"
    made = run_cli("backup", "--out", str(out), "--data-dir", str(demo_folder))
    assert made.returncode == 0, made.stderr
    return out


def _leave_free(disk: Path, free: int) -> None:
    """Fill ``disk``, then give back ``free`` bytes (whole pages, as tmpfs counts)."""
    filler = fill(disk)
    os.truncate(filler, filler.stat().st_size - free)
    assert shutil.disk_usage(disk).free == free


def test_restore_into_a_new_folder_on_a_full_disk_says_so(
    backup_from_elsewhere: Path, small_disk: Path
) -> None:
    header, _start = read_header(backup_from_elsewhere)
    assert header.db_size > 128 * 1024, "the database must not fit in what is left"
    _leave_free(small_disk, 64 * 1024)  # room for the key record, not for the database
    target = small_disk / "r"
    result = run_cli("restore", str(backup_from_elsewhere), "--data-dir", str(target))
    assert_one_line_error(result, 1, "disk is full")
    assert "damaged" not in result.stderr
    assert not target.exists(), "the folder this restore made is taken back"


def test_a_good_backup_is_never_called_damaged_when_re_encrypting_it_runs_out_of_room(
    backup_from_elsewhere: Path, small_disk: Path
) -> None:
    here = small_disk / "store"
    made = run_cli("demo", "--data-dir", str(here))  # the same passphrase, its own key
    assert made.returncode == 0, made.stderr
    before = snapshot(here)
    header, _start = read_header(backup_from_elsewhere)
    # The copy fits; re-encrypting it (its journal needs about its size again) doesn't.
    _leave_free(small_disk, (header.db_size * 4 // 3) // 4096 * 4096)
    result = run_cli("restore", str(backup_from_elsewhere), "--force", "--data-dir", str(here))
    assert_one_line_error(result, 1, "disk is full", "re-encrypt", "backup itself is fine")
    assert "damaged" not in result.stderr
    assert snapshot(here) == before, "the store here is as it was"
