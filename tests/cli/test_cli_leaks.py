"""A database error through the real CLI: stderr names the bug, never the note or name."""

from __future__ import annotations

from pathlib import Path

import pytest

from supportnet.data.engine import raw_execute
from supportnet.data.store import open_store
from tests.cli.test_cli import PASS, run_cli, snapshot

NOTE = "PRIVATE-NOTE-xyz about the court hearing"


@pytest.fixture
def refusing_dir(demo_dir: Path) -> Path:
    """The example store with a trigger that refuses every new check-in: a driver error
    whose SQL parameters hold the note, from the real insert the CLI runs."""
    with open_store(demo_dir, passphrase=lambda _p: PASS) as store:
        raw_execute(
            store.db,
            "CREATE TRIGGER refuse_checkins BEFORE INSERT ON checkins "
            "BEGIN SELECT RAISE(ABORT, 'refused by a test trigger'); END",
        )
    return demo_dir


def test_a_driver_error_prints_no_note_and_no_name(refusing_dir: Path) -> None:
    before = snapshot(refusing_dir)
    result = run_cli("log", "Margaret", "--note", NOTE, "--data-dir", str(refusing_dir))
    assert result.returncode != 0
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    for secret in ("PRIVATE-NOTE", "hearing", "Margaret", "Hughes"):
        assert secret not in result.stderr
    if result.returncode == 70:  # a bug line: it still says what failed, and where
        assert "IntegrityError at supportnet/" in lines[0]
    assert snapshot(refusing_dir) == before


def test_debug_details_carry_no_note_either(refusing_dir: Path) -> None:
    result = run_cli(
        "log", "Margaret", "--note", NOTE, "--data-dir", str(refusing_dir), SUPPORTNET_DEBUG="1"
    )
    assert result.returncode != 0
    for secret in ("PRIVATE-NOTE", "hearing", "Margaret", "Hughes"):
        assert secret not in result.stderr
    if result.returncode == 70:
        assert "Traceback (most recent call last):" in result.stderr
        assert "IntegrityError" in result.stderr


def test_a_raw_connection_error_names_no_parameter(demo_dir: Path) -> None:
    """Reads go through plain sqlcipher3 connections (RawDatabase): their errors carry the
    driver's message only, never the statement's parameters."""
    from supportnet.data.engine import DatabaseFailure

    with open_store(demo_dir, passphrase=lambda _p: PASS) as store:
        raw_execute(
            store.db,
            "CREATE TRIGGER refuse_people BEFORE UPDATE ON people "
            "BEGIN SELECT RAISE(ABORT, 'refused by a test trigger'); END",
        )
        with pytest.raises(DatabaseFailure) as caught:
            raw_execute(store.db, "UPDATE people SET notes = ? WHERE name LIKE ?", (NOTE, "Ruth%"))
    text = f"{caught.value} {caught.value.orig!r}"
    assert "refused by a test trigger" in text
    assert "PRIVATE-NOTE" not in text
