"""The database and key are gone but backups/ is there: say so, and never start afresh quietly."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from supportnet.data.backup import take_automatic_backup
from supportnet.data.engine import RawDatabase
from supportnet.data.store_files import DB_NAME
from tests.cli.test_cli import PASS, assert_one_line_error, run_cli, snapshot
from tests.data.test_salvage import store_key


@pytest.fixture
def lost(demo_dir: Path) -> tuple[Path, Path]:
    """A data folder whose database and key record are gone; three automatic backups remain
    (the day's backup `demo` took when it wrote, and two more)."""
    key = store_key(demo_dir)
    source = RawDatabase(demo_dir / DB_NAME, key)
    try:
        take_automatic_backup(source, demo_dir / "backups", "before-upgrade")
        newest = take_automatic_backup(source, demo_dir / "backups", "before-restore")
    finally:
        source.close()
    (demo_dir / DB_NAME).unlink()
    (demo_dir / "key.json").unlink()
    return demo_dir, newest


def test_doctor_says_backups_exist_and_how_to_restore(lost: tuple[Path, Path]) -> None:
    folder, newest = lost
    before = snapshot(folder)
    result = run_cli("doctor", "--data-dir", str(folder))
    assert result.returncode == 0, result.stderr
    assert "none yet" not in result.stdout
    assert "none here, but there are backups of one" in result.stdout
    assert f"3 backups in {folder / 'backups'}; the newest is {newest}" in result.stdout
    # When it was made, as model/days spells it: "(3 Dec 2026, 17:30 UTC)".
    made = r"\(\d{1,2} [A-Z][a-z]{2} \d{4}, \d\d:\d\d UTC\)"
    assert re.search(re.escape(str(newest)) + " " + made, result.stdout)
    assert f"supportnet restore {newest}" in result.stdout
    assert snapshot(folder) == before


def test_demo_refuses_to_start_afresh_beside_the_backups(lost: tuple[Path, Path]) -> None:
    folder, newest = lost
    before = snapshot(folder)
    result = run_cli("demo", "--data-dir", str(folder))
    assert_one_line_error(result, 1, "no SupportNet store", f"supportnet restore {newest}")
    assert snapshot(folder) == before
    assert not (folder / DB_NAME).exists()
    assert not (folder / "key.json").exists()


def test_demo_force_starts_afresh_and_leaves_the_backups(lost: tuple[Path, Path]) -> None:
    folder, _newest = lost
    backups = snapshot(folder / "backups")
    result = run_cli("demo", "--force", "--data-dir", str(folder))
    assert result.returncode == 0, result.stderr
    assert snapshot(folder / "backups") == backups


def test_a_missing_database_names_the_newest_backup(lost: tuple[Path, Path]) -> None:
    folder, newest = lost
    # The key record is back (say, copied from elsewhere), the database is not.
    result = run_cli("demo", "--force", "--data-dir", str(folder / "other"))
    assert result.returncode == 0
    (folder / "key.json").write_bytes((folder / "other" / "key.json").read_bytes())
    doctor = run_cli("doctor", "--data-dir", str(folder), passphrase=PASS)
    assert_one_line_error(doctor, 1, "is missing", f"supportnet restore {newest}`")
