"""Salvage always ends, never writes over a file, and clears what a killed salvage left."""

from __future__ import annotations

from pathlib import Path

import pytest

from supportnet.data.store_files import DB_NAME
from tests.cli.test_cli import assert_one_line_error, run_cli, snapshot
from tests.cli.test_cli_input import run_with_stdin
from tests.data.pagekit import flip_bit, overflow_pages
from tests.data.test_salvage import Damaged, all_rows, damage_middle_checkins, store_key

NOTE = "long private note " * 1000  # 18,000 characters: five pages of their own


@pytest.fixture
def damaged(demo_dir: Path) -> Damaged:
    return damage_middle_checkins(demo_dir)


def test_a_long_note_on_a_damaged_overflow_page_is_left_out_and_salvage_ends(
    demo_dir: Path, tmp_path: Path
) -> None:
    logged = run_with_stdin(
        "log", "Grandad", "--note", "-", "--data-dir", str(demo_dir), stdin=NOTE.encode()
    )
    assert logged.returncode == 0, logged.stderr
    key = store_key(demo_dir)
    db = demo_dir / DB_NAME
    assert not Path(f"{db}-wal").exists(), "every page is in the database file"
    original = all_rows(db, key)
    (long_one,) = [k for k, v in original["checkins"].items() if NOTE.strip() in v]
    chain = overflow_pages(db, key, "checkins", long_one)
    assert len(chain) >= 3, chain
    # The row's own leaf page stays intact: found by its rowid, it still can't be read.
    flip_bit(db, chain[1])
    before = snapshot(demo_dir)

    out = tmp_path / "salvaged.db"
    # Before the fix this never ended (run_cli gives up after two minutes).
    result = run_cli("salvage", "--out", str(out), "--data-dir", str(demo_dir))
    assert result.returncode == 0, result.stderr
    kept = len(original["checkins"]) - 1
    assert f"check-ins:                 {kept} saved, 1 couldn't be read" in result.stdout
    assert snapshot(demo_dir) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["salvaged.db", "store"]
    saved = all_rows(out, key)
    assert saved["checkins"] == {k: v for k, v in original["checkins"].items() if k != long_one}
    assert saved["people"] == original["people"]


@pytest.mark.parametrize("existing", ["newest backup", "other file", "earlier salvage"])
def test_salvage_never_writes_over_an_existing_file(
    damaged: Damaged, tmp_path: Path, existing: str
) -> None:
    if existing == "newest backup":
        # The file the damage message offers to restore: a partial copy must never replace it.
        out = damaged.backup
    elif existing == "other file":
        out = tmp_path / "notes.txt"
        out.write_text("my own notes\n")
    else:
        out = tmp_path / "salvaged.db"
        first = run_cli("salvage", "--out", str(out), "--data-dir", str(damaged.folder))
        assert first.returncode == 0, first.stderr
    before = out.read_bytes()
    store_before = snapshot(damaged.folder)

    result = run_cli("salvage", "--out", str(out), "--data-dir", str(damaged.folder))
    assert_one_line_error(result, 1, f"{out} already exists", "Choose a new name")
    assert "--force" not in result.stderr, "salvage has no --force"
    assert out.read_bytes() == before
    assert snapshot(damaged.folder) == store_before


def test_salvage_clears_what_a_killed_salvage_left_beside_its_output(
    damaged: Damaged, tmp_path: Path
) -> None:
    out = tmp_path / "salvaged.db"
    # A salvage killed while building its copy, or while writing it as a backup.
    leftovers = [
        ".salvaged.db.salvaging",
        ".salvaged.db.salvaging-journal",
        ".salvaged.db.k3j4x9q1.partial",
        ".salvaged.db.k3j4x9q1.partial-journal",
        ".salvaged.db.k3j4x9q1.partial.backup",
    ]
    for name in leftovers:
        (tmp_path / name).write_bytes(b"left by a killed salvage")
    (tmp_path / ".other.db.salvaging").write_bytes(b"not this salvage's")

    result = run_cli("salvage", "--out", str(out), "--data-dir", str(damaged.folder))
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        ".other.db.salvaging",
        "salvaged.db",
        "store",
    ]
