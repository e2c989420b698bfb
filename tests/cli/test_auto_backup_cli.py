"""Daily automatic backups from the command line: a command that wrote backs up once a day;
`doctor` says where; an extra folder that isn't there is one calm line, never a failure."""

from __future__ import annotations

import stat
from pathlib import Path

from tests.cli.test_cli import run_cli


def _daily(folder: Path) -> list[Path]:
    return sorted(folder.glob("supportnet-*-daily.db"))


def test_a_command_that_writes_takes_the_days_backup_once(tmp_path: Path) -> None:
    data = tmp_path / "store"
    made = run_cli("demo", "--data-dir", str(data))
    assert made.returncode == 0, made.stderr
    assert made.stderr == ""
    first = _daily(data / "backups")
    assert len(first) == 1
    assert stat.S_IMODE(first[0].stat().st_mode) == 0o600
    assert stat.S_IMODE((data / "backups").stat().st_mode) == 0o700
    logged = run_cli("log", "Ben Carter", "--data-dir", str(data))
    assert logged.returncode == 0, logged.stderr
    assert _daily(data / "backups") == first, "at most one a day"


def test_a_command_that_only_reads_takes_none(tmp_path: Path) -> None:
    data = tmp_path / "store"
    assert run_cli("demo", "--data-dir", str(data)).returncode == 0
    for old in _daily(data / "backups"):
        old.unlink()
    doctor = run_cli("doctor", "--data-dir", str(data))
    assert doctor.returncode == 0, doctor.stderr
    assert _daily(data / "backups") == []
    assert "Last backup:    none yet" in doctor.stdout


def test_doctor_names_the_last_backup_and_the_folders(tmp_path: Path) -> None:
    data = tmp_path / "store"
    stick = tmp_path / "usb"
    stick.mkdir()
    assert run_cli("demo", "--data-dir", str(data)).returncode == 0
    chose = run_cli("backup-folder", str(stick), "--data-dir", str(data))
    assert chose.returncode == 0, chose.stderr
    assert str(stick) in chose.stdout
    # Choosing it wrote a setting, so the day's backup was copied there at once.
    assert [p.name for p in _daily(stick)] == [p.name for p in _daily(data / "backups")]
    doctor = run_cli("doctor", "--data-dir", str(data))
    newest = _daily(data / "backups")[-1]
    assert "Last backup:    " in doctor.stdout
    assert str(newest) in doctor.stdout
    assert f"Backup folder:  {data / 'backups'}" in doctor.stdout
    assert f"Also copied to: {stick}" in doctor.stdout


def test_a_missing_extra_folder_is_one_calm_line_and_the_command_succeeds(
    tmp_path: Path,
) -> None:
    data = tmp_path / "store"
    stick = tmp_path / "usb"
    stick.mkdir()
    assert run_cli("demo", "--data-dir", str(data)).returncode == 0
    assert run_cli("backup-folder", str(stick), "--data-dir", str(data)).returncode == 0
    for copy in stick.iterdir():
        copy.unlink()
    stick.rmdir()  # the USB stick is unplugged
    logged = run_cli("log", "Ben Carter", "--data-dir", str(data))
    assert logged.returncode == 0
    assert "Logged" in logged.stdout or logged.stdout.strip()
    lines = logged.stderr.strip().splitlines()
    assert lines == [
        "supportnet: The extra backup folder isn't there just now; it is tried again later."
    ]


def test_an_extra_folder_must_exist_and_lie_outside_the_data_folder(tmp_path: Path) -> None:
    data = tmp_path / "store"
    assert run_cli("demo", "--data-dir", str(data)).returncode == 0
    missing = run_cli("backup-folder", str(tmp_path / "nope"), "--data-dir", str(data))
    assert missing.returncode == 1
    inside = run_cli("backup-folder", str(data), "--data-dir", str(data))
    assert inside.returncode == 1
    assert len(inside.stderr.strip().splitlines()) == 1
    cleared = run_cli("backup-folder", "--none", "--data-dir", str(data))
    assert "no extra folder" in cleared.stdout
