"""The command line, run as a real subprocess: round trips, and bad input as one line."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from supportnet.data.migrations import HEAD_REVISION
from tests.conftest import cli_env

PASS = "correct horse battery staple"


def run_cli(
    *args: str, passphrase: str | None = PASS, cwd: Path | None = None, **env: str
) -> subprocess.CompletedProcess[str]:
    extra = dict(env)
    if passphrase is not None:
        extra["SUPPORTNET_PASSPHRASE"] = passphrase
    return subprocess.run(
        [sys.executable, "-m", "supportnet", *args],
        capture_output=True,
        text=True,
        env=cli_env(**extra),
        cwd=cwd,
        stdin=subprocess.DEVNULL,
        timeout=120,
        check=False,
    )


def assert_one_line_error(result: subprocess.CompletedProcess[str], code: int, *words: str) -> None:
    assert result.returncode == code, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("supportnet: ")
    assert "Traceback" not in result.stderr
    for word in words:
        assert word in lines[0], lines[0]


def snapshot(folder: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(folder)): p.read_bytes()
        for p in folder.rglob("*")
        if p.is_file() and p.name != "supportnet.lock"
    }


# ``demo_dir`` (tests/conftest.py): a private copy of one store `supportnet demo` made.


def test_demo_doctor_backup_restore_round_trip_with_a_passphrase(
    demo_dir: Path, tmp_path: Path
) -> None:
    doctor = run_cli("doctor", "--data-dir", str(demo_dir))
    assert doctor.returncode == 0, doctor.stderr
    assert "SQLCipher 4." in doctor.stdout
    assert "passphrase-wrapped key file" in doctor.stdout
    assert f"revision {HEAD_REVISION}" in doctor.stdout
    people_line = next(line for line in doctor.stdout.splitlines() if line.startswith("People"))
    people = int(people_line.split()[-1])
    assert 20 <= people <= 30

    backup = tmp_path / "backup.db"
    result = run_cli("backup", "--out", str(backup), "--data-dir", str(demo_dir))
    assert result.returncode == 0, result.stderr
    assert backup.stat().st_mode & 0o777 == 0o600

    # Wipe the network, then restore it from the backup.
    assert run_cli("demo", "--force", "--data-dir", str(demo_dir)).returncode == 0
    refused = run_cli("restore", str(backup), "--data-dir", str(demo_dir))
    assert_one_line_error(refused, 1, "--force")
    restored = run_cli("restore", str(backup), "--force", "--data-dir", str(demo_dir))
    assert restored.returncode == 0, restored.stderr
    assert f"Restored {people} people" in restored.stdout
    again = run_cli("doctor", "--data-dir", str(demo_dir))
    assert people_line in again.stdout


def test_data_dir_is_accepted_before_the_command_too(demo_dir: Path) -> None:
    result = run_cli("--data-dir", str(demo_dir), "doctor")
    assert result.returncode == 0, result.stderr
    assert str(demo_dir) in result.stdout


def test_demo_refuses_a_store_with_data(demo_dir: Path) -> None:
    before = snapshot(demo_dir)
    result = run_cli("demo", "--data-dir", str(demo_dir))
    assert_one_line_error(result, 1, "already holds data", "--force")
    assert snapshot(demo_dir) == before


def test_demo_force_keeps_a_backup_first(demo_dir: Path) -> None:
    result = run_cli("demo", "--force", "--data-dir", str(demo_dir))
    assert result.returncode == 0, result.stderr
    assert "previous data is kept in" in result.stdout
    assert list((demo_dir / "backups").glob("*before-demo.db"))


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["frobnicate"], ["invalid choice"]),
        (["backup"], ["--out"]),
        (["restore"], ["FILE"]),
        (["doctor", "--colour"], ["unrecognized arguments"]),
    ],
)
def test_usage_errors_exit_2_with_one_line(
    tmp_path: Path, args: list[str], words: list[str]
) -> None:
    result = run_cli(*args, "--data-dir", str(tmp_path / "unused"))
    assert_one_line_error(result, 2, *words)
    assert not (tmp_path / "unused").exists()


def test_wrong_passphrase_changes_nothing(demo_dir: Path) -> None:
    before = snapshot(demo_dir)
    result = run_cli("doctor", "--data-dir", str(demo_dir), passphrase="not the passphrase")
    assert_one_line_error(result, 1, "passphrase doesn't unlock")
    assert snapshot(demo_dir) == before


def test_no_keyring_and_no_passphrase_explains_what_to_do(tmp_path: Path) -> None:
    result = run_cli("demo", "--data-dir", str(tmp_path / "new"), passphrase=None)
    assert_one_line_error(result, 1, "SUPPORTNET_PASSPHRASE")
    assert not (tmp_path / "new" / "supportnet.db").exists()


def test_a_locked_store_is_refused(demo_dir: Path) -> None:
    from supportnet.data.store import open_store

    with open_store(demo_dir, passphrase=lambda _p: PASS):
        result = run_cli("doctor", "--data-dir", str(demo_dir))
    assert_one_line_error(result, 1, "already open")


def test_a_corrupt_database_is_refused_and_left_alone(demo_dir: Path) -> None:
    db = demo_dir / "supportnet.db"
    data = bytearray(db.read_bytes())
    data[0:4096] = b"\x00" * 4096
    db.write_bytes(bytes(data))
    before = snapshot(demo_dir)
    result = run_cli("doctor", "--data-dir", str(demo_dir))
    assert_one_line_error(result, 1, "damaged")
    assert snapshot(demo_dir) == before


def test_a_too_new_database_is_refused_and_left_alone(demo_dir: Path) -> None:
    from supportnet.data import keys
    from supportnet.data.engine import make_engine, raw_execute

    info = keys.read_keyinfo(demo_dir)
    assert info is not None
    key = keys.unwrap_key(info, PASS)
    engine = make_engine(demo_dir / "supportnet.db", key, pooled=False)
    raw_execute(engine, "UPDATE alembic_version SET version_num = '9999'")
    engine.dispose()
    before = snapshot(demo_dir)
    result = run_cli("doctor", "--data-dir", str(demo_dir))
    assert_one_line_error(result, 1, "newer version of SupportNet")
    assert snapshot(demo_dir) == before


def test_missing_backup_file_and_missing_backup_folder(demo_dir: Path, tmp_path: Path) -> None:
    missing = run_cli("restore", str(tmp_path / "nope.db"), "--data-dir", str(demo_dir))
    assert_one_line_error(missing, 1, "no backup file")
    target = tmp_path / "no-such-folder" / "b.db"
    unwritable = run_cli("backup", "--out", str(target), "--data-dir", str(demo_dir))
    assert_one_line_error(unwritable, 1, "doesn't exist")
    assert not target.parent.exists()


def test_doctor_on_a_new_folder_changes_nothing(tmp_path: Path) -> None:
    result = run_cli("doctor", "--data-dir", str(tmp_path / "fresh"))
    assert result.returncode == 0
    assert "none yet" in result.stdout
    assert not (tmp_path / "fresh").exists()
