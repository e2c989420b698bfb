"""One flipped bit: a clear refusal, `salvage` saving every readable row, nothing deleted."""

from __future__ import annotations

import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from supportnet.data import keys
from supportnet.data.backup import take_automatic_backup
from supportnet.data.backup_format import is_container
from supportnet.data.engine import RawDatabase
from supportnet.data.salvage import salvage_database
from supportnet.data.store_files import DB_NAME
from tests.cli.test_cli import PASS, assert_one_line_error, run_cli, snapshot
from tests.data.pagekit import flip_bit, leaf_pages
from tests.data.storekit import backup_database

#: Every table of the store, and the ones whose rows hang off a person.
TABLES = (
    "people",
    "person_support",
    "person_channels",
    "person_tags",
    "community_groups",
    "group_support",
    "group_tags",
    "plans",
    "plan_skips",
    "plan_postponements",
    "checkins",
    "settings",
    "message_ideas",
    "calendar_events",
    "alembic_version",
)

Rows = dict[int, tuple[Any, ...]]


def plain(db: Path) -> Path:
    """``db`` itself, or for a portable backup the database inside it (copied beside it)."""
    if not is_container(db):
        return db
    folder = db.parent / f"{db.name}.inside"
    folder.mkdir(exist_ok=True)
    inside = folder / "payload.db"
    if not inside.exists():
        backup_database(db, folder)
    return inside


def rows_of(db: Path, key: bytes, table: str) -> Rows:
    reader = RawDatabase(plain(db), key)
    try:
        return {int(r[0]): r[1:] for r in reader.execute(f"SELECT rowid, * FROM {table}")}
    finally:
        reader.close()


def all_rows(db: Path, key: bytes) -> dict[str, Rows]:
    return {table: rows_of(db, key, table) for table in TABLES}


def store_key(data_dir: Path) -> bytes:
    info = keys.read_keyinfo(data_dir)
    assert info is not None
    return keys.unwrap_key(info, PASS)


@dataclass
class Damaged:
    folder: Path
    db: Path
    key: bytes
    original: dict[str, Rows]
    #: The check-ins on the damaged page, found by decrypting it (not by the code under test).
    lost: set[int]
    backup: Path


def _damage(folder: Path, table: str, which: int) -> Damaged:
    key = store_key(folder)
    db = folder / DB_NAME
    source = RawDatabase(db, key)
    try:
        # An automatic backup such as an upgrade or restore leaves behind.
        backup = take_automatic_backup(source, folder / "backups", "before-upgrade")
    finally:
        source.close()
    original = all_rows(db, key)
    leaves = leaf_pages(db, key, table)
    assert len(leaves) >= 2, leaves
    page, rowids = leaves[which]
    flip_bit(db, page)
    return Damaged(folder, db, key, original, set(rowids), backup)


def damage_middle_checkins(folder: Path) -> Damaged:
    """Flip one bit in a page in the middle of the check-ins of the store in ``folder``."""
    leaves = leaf_pages(folder / DB_NAME, store_key(folder), "checkins")
    return _damage(folder, "checkins", len(leaves) // 2)


@pytest.fixture
def damaged(demo_dir: Path) -> Damaged:
    """The example store with one bit flipped in a page in the middle of the check-ins."""
    return damage_middle_checkins(demo_dir)


@pytest.mark.parametrize(
    "command",
    [["doctor"], ["today"], ["export-ics", "--out", "plans.ics"], ["backup", "--out", "b.db"]],
    ids=lambda c: c[0],
)
def test_one_flipped_bit_gives_one_line_naming_the_newest_backup_and_salvage(
    damaged: Damaged, tmp_path: Path, command: list[str]
) -> None:
    before = snapshot(damaged.folder)
    result = run_cli(*command, "--data-dir", str(damaged.folder), cwd=tmp_path)
    assert_one_line_error(
        result,
        1,
        "is damaged (1 page can't be read)",
        f"supportnet restore {damaged.backup} --force",
        "supportnet salvage --out FILE",
    )
    assert snapshot(damaged.folder) == before
    assert not (tmp_path / "plans.ics").exists()
    assert not (tmp_path / "b.db").exists()


def test_salvage_saves_every_row_but_those_on_the_damaged_page(
    damaged: Damaged, tmp_path: Path
) -> None:
    out = tmp_path / "salvaged.db"
    before = snapshot(damaged.folder)
    result = run_cli("salvage", "--out", str(out), "--data-dir", str(damaged.folder))
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    checkins = len(damaged.original["checkins"])
    lost = len(damaged.lost)
    assert 0 < lost < checkins
    assert f"check-ins:                 {checkins - lost} saved, {lost} couldn't be read" in (
        result.stdout
    )
    people = len(damaged.original["people"])
    assert f"people:                    {people} saved\n" in result.stdout
    assert f"supportnet restore {out} --force" in result.stdout
    assert snapshot(damaged.folder) == before, "the damaged store is only read"

    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    saved = all_rows(out, damaged.key)
    for table in TABLES:
        expected = damaged.original[table]
        if table == "checkins":
            expected = {k: v for k, v in expected.items() if k not in damaged.lost}
        assert saved[table] == expected, table
    copy = RawDatabase(plain(out), damaged.key)
    try:
        assert copy.execute("PRAGMA cipher_integrity_check") == []
        assert copy.execute("PRAGMA integrity_check") == [("ok",)]
        assert copy.execute("PRAGMA foreign_key_check") == []
    finally:
        copy.close()


def test_restore_force_keeps_the_damaged_database_aside(damaged: Damaged, tmp_path: Path) -> None:
    out = tmp_path / "salvaged.db"
    assert run_cli("salvage", "--out", str(out), "--data-dir", str(damaged.folder)).returncode == 0
    damaged_bytes = damaged.db.read_bytes()

    refused = run_cli("restore", str(out), "--data-dir", str(damaged.folder))
    assert_one_line_error(refused, 1, "damaged", "--force")
    assert damaged.db.read_bytes() == damaged_bytes

    restored = run_cli("restore", str(out), "--force", "--data-dir", str(damaged.folder))
    assert restored.returncode == 0, restored.stderr
    kept = list((damaged.folder / "damaged").iterdir())
    assert len(kept) == 1
    assert f"The data it replaced is kept in {kept[0]}." in restored.stdout
    assert kept[0].read_bytes() == damaged_bytes
    assert stat.S_IMODE(kept[0].stat().st_mode) == 0o600
    assert stat.S_IMODE(kept[0].parent.stat().st_mode) == 0o700

    doctor = run_cli("doctor", "--data-dir", str(damaged.folder))
    assert doctor.returncode == 0, doctor.stderr
    assert "Integrity:      ok" in doctor.stdout
    expected = len(damaged.original["checkins"]) - len(damaged.lost)
    assert f"Check-ins:      {expected}\n" in doctor.stdout
    assert f"Kept aside:     1 damaged database(s) in {kept[0].parent}" in doctor.stdout

    # A second restore over the now healthy store keeps the damaged file too.
    again = run_cli("restore", str(out), "--force", "--data-dir", str(damaged.folder))
    assert again.returncode == 0, again.stderr
    assert list((damaged.folder / "damaged").iterdir()) == kept


def test_rows_whose_person_was_lost_are_left_out_and_counted(
    demo_dir: Path, tmp_path: Path
) -> None:
    hit = _damage(demo_dir, "people", -1)
    result = salvage_database(hit.db, hit.key, tmp_path / "salvaged.db")
    by_table = {t.table: t for t in result.tables}

    people = by_table["people"]
    assert people.saved == len(hit.original["people"]) - len(hit.lost)
    assert people.unreadable == len(hit.lost)
    # Columns after the rowid: id, uid, person_id, …
    orphans = [r for r in hit.original["checkins"].values() if r[2] in hit.lost]
    assert orphans, "the damaged page's people have check-ins"
    checkins = by_table["checkins"]
    assert checkins.left_out == len(orphans)
    assert checkins.unreadable == 0
    assert checkins.saved == len(hit.original["checkins"]) - len(orphans)
    assert not result.complete

    copy = RawDatabase(plain(result.path), hit.key)
    try:
        assert copy.execute("PRAGMA foreign_key_check") == []
        names = {r[0] for r in copy.execute("SELECT name FROM people")}
    finally:
        copy.close()
    kept = {v[2] for k, v in hit.original["people"].items() if k not in hit.lost}  # id, uid, name
    assert names == kept


def test_rows_whose_plan_was_lost_are_kept_without_the_link(demo_dir: Path, tmp_path: Path) -> None:
    # A plan is optional for a check-in and a calendar record (ON DELETE SET NULL): losing
    # the plan must not lose the check-in and its note.
    exported = run_cli(
        "export-ics", "--out", str(tmp_path / "plans.ics"), "--data-dir", str(demo_dir)
    )
    assert exported.returncode == 0, exported.stderr
    key = store_key(demo_dir)
    db = demo_dir / DB_NAME
    writer = RawDatabase(db, key)
    try:
        writer.execute(
            "UPDATE checkins SET plan_id = (SELECT min(id) FROM plans "
            "WHERE plans.person_id = checkins.person_id) "
            "WHERE person_id IN (SELECT person_id FROM plans)"
        )
    finally:
        writer.close()
    original = all_rows(db, key)
    # Columns after the rowid: id, uid, person_id, group_id, plan_id, …
    linked = {k for k, v in original["checkins"].items() if v[4] is not None}
    events = len(original["calendar_events"])
    assert linked
    assert events
    assert original["plan_skips"]
    (page, _plans), *more = leaf_pages(db, key, "plans")
    assert not more, "every plan is on one page"
    flip_bit(db, page)

    out = tmp_path / "salvaged.db"
    result = run_cli("salvage", "--out", str(out), "--data-dir", str(demo_dir))
    assert result.returncode == 0, result.stderr
    plans = len(original["plans"])
    checkins = len(original["checkins"])
    assert f"plans:                     0 saved, {plans} couldn't be read" in result.stdout
    assert (
        f"check-ins:                 {checkins} saved ({len(linked)} of them kept, unlinked "
        "from a plan that couldn't be read)\n"
    ) in result.stdout
    assert (
        f"calendar export records:   {events} saved ({events} of them kept, unlinked from a "
        "plan that couldn't be read)\n"
    ) in result.stdout
    skips = len(original["plan_skips"])
    assert f"{skips} left out (what they belong to couldn't be read)" in result.stdout

    saved = all_rows(out, key)
    unlinked = {k: (*v[:4], None, *v[5:]) for k, v in original["checkins"].items()}
    assert saved["checkins"] == unlinked, "every check-in and note is kept"
    assert {k: v[1] for k, v in saved["calendar_events"].items()} == dict.fromkeys(
        original["calendar_events"], None
    )
    assert saved["plan_skips"] == {}
    copy = RawDatabase(plain(out), key)
    try:
        assert copy.execute("PRAGMA foreign_key_check") == []
    finally:
        copy.close()


def test_a_table_without_an_index_is_read_past_the_damage(demo_dir: Path, tmp_path: Path) -> None:
    # message_ideas has no index, so nothing says which rows it held: salvage has to probe
    # its way past the damaged page. Give it a few pages of ideas first.
    key = store_key(demo_dir)
    db = demo_dir / DB_NAME
    writer = RawDatabase(db, key)
    try:
        for i in range(300):
            writer.execute(
                "INSERT INTO message_ideas (text, position) VALUES (?, ?)",
                (f"Idea {i}: " + "a kind word " * 8, 100 + i),
            )
    finally:
        writer.close()
    hit = _damage(demo_dir, "message_ideas", 2)

    result = salvage_database(hit.db, hit.key, tmp_path / "salvaged.db")
    ideas = {t.table: t for t in result.tables}["message_ideas"]
    assert ideas.unreadable is None, "no index: how many were lost is unknown"
    expected = {k: v for k, v in hit.original["message_ideas"].items() if k not in hit.lost}
    assert rows_of(result.path, hit.key, "message_ideas") == expected
    assert ideas.saved == len(expected)
    assert by_kind_line(result, "message ideas") == (
        f"{len(expected)} saved, and perhaps more that couldn't be read"
    )


def by_kind_line(result: Any, kind: str) -> str:
    from supportnet.cli.salvage_command import report

    for line in report(result):
        if line.strip().startswith(f"{kind}:"):
            return line.split(":", 1)[1].strip()
    raise AssertionError(f"no line for {kind}")


def test_salvage_of_a_healthy_store_copies_everything(demo_dir: Path, tmp_path: Path) -> None:
    key = store_key(demo_dir)
    original = all_rows(demo_dir / DB_NAME, key)
    result = salvage_database(demo_dir / DB_NAME, key, tmp_path / "copy.db")
    assert result.complete
    assert all_rows(result.path, key) == original


@pytest.mark.parametrize("name", ["key.json", "supportnet.db", "anything.db"])
def test_salvage_never_writes_over_the_stores_own_files(damaged: Damaged, name: str) -> None:
    before = snapshot(damaged.folder)
    result = run_cli(
        "salvage", "--out", str(damaged.folder / name), "--data-dir", str(damaged.folder)
    )
    assert_one_line_error(result, 1, "inside the data folder")
    assert snapshot(damaged.folder) == before


def test_salvage_into_a_missing_folder(damaged: Damaged, tmp_path: Path) -> None:
    result = run_cli(
        "salvage", "--out", str(tmp_path / "nowhere" / "s.db"), "--data-dir", str(damaged.folder)
    )
    assert_one_line_error(result, 1, "doesn't exist")
    assert not (tmp_path / "nowhere").exists()


def test_salvage_when_the_table_list_itself_is_damaged(demo_dir: Path, tmp_path: Path) -> None:
    db = demo_dir / DB_NAME
    data = bytearray(db.read_bytes())
    data[100] ^= 0x10  # page 1: the salt stays, the table list's page fails its check
    db.write_bytes(bytes(data))
    before = snapshot(demo_dir)
    result = run_cli("salvage", "--out", str(tmp_path / "s.db"), "--data-dir", str(demo_dir))
    assert_one_line_error(result, 1, "nothing can be salvaged", "supportnet restore")
    assert snapshot(demo_dir) == before
    assert list(tmp_path.iterdir()) == [demo_dir]


def test_backup_of_a_damaged_store_asks_for_the_passphrase_once(
    damaged: Damaged, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import io

    from supportnet.cli import run, store_commands

    asked: list[object] = []

    def provider() -> Any:
        def ask(purpose: object) -> str:
            asked.append(purpose)
            return PASS

        return ask

    monkeypatch.setattr(store_commands, "passphrase_provider", provider)
    err = io.StringIO()
    code = run(
        ["backup", "--out", str(tmp_path / "b.db"), "--data-dir", str(damaged.folder)],
        stdout=io.StringIO(),
        stderr=err,
    )
    assert code == 1
    assert "supportnet salvage --out FILE" in err.getvalue()
    assert len(asked) == 1, "a second unlock of the same store doesn't ask again"


def test_salvage_keeps_who_did_a_check_in_and_its_rota_slot(demo_dir: Path, tmp_path: Path) -> None:
    from datetime import UTC, datetime

    from supportnet.data.store import open_store
    from supportnet.model.checkins import CheckIn

    with open_store(demo_dir, passphrase=lambda _purpose: PASS) as store:
        sam, ada = store.people.list_all()[:2]
        done = store.checkins.add(
            CheckIn(
                at=datetime(2026, 1, 5, 19, tzinfo=UTC),
                person_id=sam.id,
                by=ada.uid,
                rota_slot="5e5e0006-0000-4000-8000-000000005107",
            )
        )
    key = store_key(demo_dir)
    result = salvage_database(demo_dir / DB_NAME, key, tmp_path / "copy.db")
    assert result.complete
    original = rows_of(demo_dir / DB_NAME, key, "checkins")
    saved = rows_of(result.path, key, "checkins")
    assert saved == original
    # The columns 0006 added come last: who did it, and the slot.
    (row,) = [row for row in saved.values() if row[1] == done.uid]
    assert row[-2:] == (ada.uid, "5e5e0006-0000-4000-8000-000000005107")
