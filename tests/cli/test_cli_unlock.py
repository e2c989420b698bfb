"""`supportnet unlock-with-recovery-key`: the way back in when the passphrase is forgotten."""

from __future__ import annotations

from pathlib import Path

from tests.cli.test_cli import PASS, assert_one_line_error, run_cli, snapshot

NEW_PASS = "a new passphrase for a new start"


def _recovery_key(folder: Path) -> str:
    result = run_cli("recovery-key", "--data-dir", str(folder))
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1]


def _people_line(folder: Path, passphrase: str) -> str:
    doctor = run_cli("doctor", "--data-dir", str(folder), passphrase=passphrase)
    assert doctor.returncode == 0, doctor.stderr
    return next(line for line in doctor.stdout.splitlines() if line.startswith("People"))


def test_a_forgotten_passphrase_points_at_the_recovery_key(demo_dir: Path) -> None:
    result = run_cli("doctor", "--data-dir", str(demo_dir), passphrase="not the one")
    assert_one_line_error(result, 1, "doesn't unlock", "supportnet unlock-with-recovery-key")


def test_the_recovery_key_opens_the_store_with_a_new_passphrase(demo_dir: Path) -> None:
    key = _recovery_key(demo_dir)
    people = _people_line(demo_dir, PASS)
    result = run_cli(
        "unlock-with-recovery-key",
        "--data-dir",
        str(demo_dir),
        passphrase=NEW_PASS,
        SUPPORTNET_RECOVERY_KEY=key.lower(),
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 1
    assert "passphrase-wrapped key file" in lines[0]
    assert "recovery key stays the same" in lines[0]
    assert _people_line(demo_dir, NEW_PASS) == people
    refused = run_cli("doctor", "--data-dir", str(demo_dir), passphrase=PASS)
    assert_one_line_error(refused, 1, "doesn't unlock")
    assert len(list(demo_dir.glob("key.json.replaced-*"))) == 1
    assert _recovery_key_with(demo_dir, NEW_PASS) == key


def _recovery_key_with(folder: Path, passphrase: str) -> str:
    result = run_cli("recovery-key", "--data-dir", str(folder), passphrase=passphrase)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1]


def test_a_wrong_recovery_key_is_one_line_and_changes_nothing(
    demo_dir: Path, tmp_path: Path
) -> None:
    other = tmp_path / "other"
    assert run_cli("demo", "--data-dir", str(other)).returncode == 0
    wrong = _recovery_key(other)
    before = snapshot(demo_dir)
    result = run_cli(
        "unlock-with-recovery-key",
        "--data-dir",
        str(demo_dir),
        passphrase=NEW_PASS,
        SUPPORTNET_RECOVERY_KEY=wrong,
    )
    assert_one_line_error(result, 1, "doesn't open this store", "nothing was changed")
    assert result.stdout == ""
    assert snapshot(demo_dir) == before


def test_a_typo_is_caught_by_the_check_group(demo_dir: Path) -> None:
    key = _recovery_key(demo_dir)
    typo = key[:5] + ("Z" if key[5] != "Z" else "Y") + key[6:]
    before = snapshot(demo_dir)
    result = run_cli(
        "unlock-with-recovery-key",
        "--data-dir",
        str(demo_dir),
        passphrase=NEW_PASS,
        SUPPORTNET_RECOVERY_KEY=typo,
    )
    assert_one_line_error(result, 2, "typo")
    assert snapshot(demo_dir) == before


def test_without_a_terminal_or_the_variable_it_says_how(demo_dir: Path) -> None:
    result = run_cli("unlock-with-recovery-key", "--data-dir", str(demo_dir), passphrase=NEW_PASS)
    assert_one_line_error(result, 1, "SUPPORTNET_RECOVERY_KEY")


def _talk(argv: list[str], env: dict[str, str], replies: list[tuple[str, str]]) -> tuple[int, str]:
    """Run ``argv`` on a pseudo-terminal, answering each prompt; (exit code, what it showed)."""
    import os
    import pty
    import select

    pid, fd = pty.fork()
    if pid == 0:  # the child: the command, with the terminal as its own
        os.execve(argv[0], argv, env)
    shown = b""
    pending = list(replies)
    try:
        while True:
            ready, _, _ = select.select([fd], [], [], 60)
            if not ready:
                os.kill(pid, 9)
                raise AssertionError(f"no answer from the command; it showed {shown!r}")
            try:
                chunk = os.read(fd, 4096)
            except OSError:  # the command has finished and closed the terminal
                break
            if not chunk:
                break
            shown += chunk
            if pending and shown.decode(errors="replace").endswith(pending[0][0]):
                os.write(fd, pending.pop(0)[1].encode() + b"\n")
    finally:
        os.close(fd)
    _, status = os.waitpid(pid, 0)
    return os.waitstatus_to_exitcode(status), shown.decode(errors="replace")


def test_typed_on_a_terminal_the_key_is_not_shown(demo_dir: Path) -> None:
    import sys

    from tests.conftest import cli_env

    key = _recovery_key(demo_dir)
    people = _people_line(demo_dir, PASS)
    code, shown = _talk(
        [
            sys.executable,
            "-m",
            "supportnet",
            "unlock-with-recovery-key",
            "--data-dir",
            str(demo_dir),
        ],
        cli_env(),
        [
            ("Recovery key: ", key),
            ("New passphrase: ", NEW_PASS),
            ("The same passphrase again: ", NEW_PASS),
        ],
    )
    assert code == 0, shown
    assert "Choose a new passphrase" in shown
    assert "Your store opens again" in shown
    assert key not in shown, "the recovery key is not echoed"
    assert NEW_PASS not in shown
    assert _people_line(demo_dir, NEW_PASS) == people
    refused = run_cli("doctor", "--data-dir", str(demo_dir), passphrase=PASS)
    assert_one_line_error(refused, 1, "doesn't unlock")
