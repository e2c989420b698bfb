"""`delete-everything --include-extra-backups` without DIR reads the extra folder chosen
with `backup-folder` (a setting inside the encrypted store) before the store is removed;
`doctor` counts the automatic daily backups."""

from __future__ import annotations

from pathlib import Path

from tests.cli.test_cli import run_cli


def test_the_chosen_extra_folder_is_read_before_the_store_goes(tmp_path: Path) -> None:
    data = tmp_path / "store"
    stick = tmp_path / "usb"
    stick.mkdir()
    (stick / "holiday.jpg").write_bytes(b"not ours")
    assert run_cli("demo", "--data-dir", str(data)).returncode == 0
    assert run_cli("backup-folder", str(stick), "--data-dir", str(data)).returncode == 0
    assert list(stick.glob("supportnet-*-daily.db"))

    doctor = run_cli("doctor", "--data-dir", str(data))
    assert "Backups:        1 automatic" in doctor.stdout  # the daily one counts

    removed = run_cli(
        "delete-everything", "--yes", "--include-extra-backups", "--data-dir", str(data)
    )
    assert removed.returncode == 0, removed.stderr
    assert "in your extra folder" in removed.stdout
    assert sorted(p.name for p in stick.iterdir()) == ["holiday.jpg"]
    assert not data.exists()


def test_without_a_chosen_folder_it_asks_for_one_and_removes_nothing(tmp_path: Path) -> None:
    data = tmp_path / "store"
    assert run_cli("demo", "--data-dir", str(data)).returncode == 0
    refused = run_cli(
        "delete-everything", "--yes", "--include-extra-backups", "--data-dir", str(data)
    )
    assert refused.returncode == 2
    assert "no extra backup folder is chosen" in refused.stderr
    assert len(refused.stderr.strip().splitlines()) == 1
    assert (data / "supportnet.db").exists()
