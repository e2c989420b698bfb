"""The recovery key on the command line: restore anywhere, safe backup paths, recovery-key."""

from __future__ import annotations

from pathlib import Path

from tests.cli.test_cli import PASS, assert_one_line_error, run_cli, snapshot


def _recovery_key(folder: Path) -> str:
    result = run_cli("recovery-key", "--data-dir", str(folder))
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1]


def _backup(folder: Path, out: Path) -> None:
    result = run_cli("backup", "--out", str(out), "--data-dir", str(folder))
    assert result.returncode == 0, result.stderr
    assert "recovery key" in result.stdout


def _people(folder: Path, passphrase: str = PASS) -> str:
    doctor = run_cli("doctor", "--data-dir", str(folder), passphrase=passphrase)
    assert doctor.returncode == 0, doctor.stderr
    return next(line for line in doctor.stdout.splitlines() if line.startswith("People"))


def test_recovery_key_prints_the_key_last_and_where_to_keep_it(demo_dir: Path) -> None:
    result = run_cli("recovery-key", "--data-dir", str(demo_dir))
    assert result.returncode == 0, result.stderr
    *words, key = result.stdout.strip().splitlines()
    assert "paper" in " ".join(words)
    assert "not on this computer" in " ".join(words)
    groups = key.split("-")
    assert [len(g) for g in groups] == [4] * 9
    assert _recovery_key(demo_dir) == key, "the same key every time"


def test_restore_into_a_fresh_folder_with_the_recovery_key(demo_dir: Path, tmp_path: Path) -> None:
    key = _recovery_key(demo_dir)
    backup = tmp_path / "backup.db"
    _backup(demo_dir, backup)
    fresh = tmp_path / "new computer"
    # A new machine: no key there, a different passphrase for its own new key.
    restored = run_cli(
        "restore",
        str(backup),
        "--data-dir",
        str(fresh),
        passphrase="a different passphrase",
        SUPPORTNET_RECOVERY_KEY=key.lower().replace("-", " "),
    )
    assert restored.returncode == 0, restored.stderr
    assert "its own key on this computer" in restored.stdout
    assert _people(fresh, "a different passphrase") == _people(demo_dir)
    assert _recovery_key_with(fresh, "a different passphrase") == key


def _recovery_key_with(folder: Path, passphrase: str) -> str:
    result = run_cli("recovery-key", "--data-dir", str(folder), passphrase=passphrase)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1]


def test_restore_into_a_fresh_folder_with_the_passphrase(demo_dir: Path, tmp_path: Path) -> None:
    backup = tmp_path / "backup.db"
    _backup(demo_dir, backup)
    fresh = tmp_path / "new computer"
    restored = run_cli("restore", str(backup), "--data-dir", str(fresh), passphrase=PASS)
    assert restored.returncode == 0, restored.stderr
    assert _people(fresh) == _people(demo_dir)


def test_a_wrong_recovery_key_is_one_line_and_writes_nothing(
    demo_dir: Path, tmp_path: Path
) -> None:
    backup = tmp_path / "backup.db"
    _backup(demo_dir, backup)
    other = tmp_path / "other"
    assert run_cli("demo", "--data-dir", str(other)).returncode == 0
    wrong = _recovery_key(other)
    fresh = tmp_path / "new computer"
    result = run_cli(
        "restore", str(backup), "--data-dir", str(fresh), SUPPORTNET_RECOVERY_KEY=wrong
    )
    assert_one_line_error(result, 1, "doesn't open this backup")
    assert not fresh.exists()
    typo = wrong[:-1] + ("0" if wrong[-1] != "0" else "1")
    result = run_cli("restore", str(backup), "--data-dir", str(fresh), SUPPORTNET_RECOVERY_KEY=typo)
    assert_one_line_error(result, 2, "typo")
    assert not fresh.exists()
    result = run_cli("restore", str(backup), "--data-dir", str(fresh), passphrase="not it at all")
    assert_one_line_error(result, 1, "passphrase doesn't open")
    assert not fresh.exists()


def test_recovery_key_new_replaces_it_and_old_backups_keep_the_old_one(
    demo_dir: Path, tmp_path: Path
) -> None:
    old_key = _recovery_key(demo_dir)
    old_backup = tmp_path / "old.db"
    _backup(demo_dir, old_backup)
    renewed = run_cli("recovery-key", "--new", "--data-dir", str(demo_dir))
    assert renewed.returncode == 0, renewed.stderr
    new_key = renewed.stdout.strip().splitlines()[-1]
    assert new_key != old_key
    assert "old one" in renewed.stdout
    assert _recovery_key(demo_dir) == new_key
    new_backup = tmp_path / "new.db"
    _backup(demo_dir, new_backup)

    def restore(backup: Path, key: str, where: str) -> int:
        return run_cli(
            "restore",
            str(backup),
            "--data-dir",
            str(tmp_path / where),
            passphrase=None,
            SUPPORTNET_RECOVERY_KEY=key,
            SUPPORTNET_PASSPHRASE="the new machine's passphrase",
        ).returncode

    assert restore(old_backup, old_key, "a") == 0
    assert restore(new_backup, new_key, "b") == 0
    assert restore(new_backup, old_key, "c") == 1
    assert not (tmp_path / "c").exists()


def test_backup_onto_the_key_file_is_refused(demo_dir: Path) -> None:
    key_json = demo_dir / "key.json"
    before = key_json.read_bytes()
    for force in ([], ["--force"]):
        result = run_cli("backup", "--out", str(key_json), *force, "--data-dir", str(demo_dir))
        assert_one_line_error(result, 1, "inside the data folder")
    assert key_json.read_bytes() == before
    assert run_cli("doctor", "--data-dir", str(demo_dir)).returncode == 0


def test_backup_over_a_file_that_isnt_a_backup_needs_force(demo_dir: Path, tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    mine = docs / "thesis.odt"
    mine.write_bytes(b"three years of work")
    folder = snapshot(docs)
    result = run_cli("backup", "--out", str(mine), "--data-dir", str(demo_dir))
    assert_one_line_error(result, 1, "--force")
    assert snapshot(docs) == folder
    forced = run_cli("backup", "--out", str(mine), "--force", "--data-dir", str(demo_dir))
    assert forced.returncode == 0, forced.stderr
    again = run_cli("backup", "--out", str(mine), "--data-dir", str(demo_dir))
    assert again.returncode == 0, "replacing a backup with a newer one needs no --force"
