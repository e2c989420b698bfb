"""export-data, import-data and delete-everything, run as the real command line."""

from __future__ import annotations

import json
import stat
from pathlib import Path
from typing import Any

from tests.cli.test_cli import assert_one_line_error, run_cli, snapshot


def _export(folder: Path, out: Path) -> Any:
    result = run_cli("export-data", "--data-dir", str(folder), "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert "not encrypted" in result.stdout
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    return json.loads(out.read_text(encoding="utf-8"))


def test_export_import_export_gives_the_same_file_but_for_the_time(
    demo_dir: Path, tmp_path: Path
) -> None:
    first = _export(demo_dir, tmp_path / "first.json")
    assert first["format"] == "supportnet-data"
    assert first["version"] == 1
    # The example network has a care team and a plan for hard days: both travel.
    assert first["care_teams"][0]["slots"]
    for section in ("safety_plan", "message_ideas", "checkins"):
        assert first[section], section
    fresh = tmp_path / "fresh"
    result = run_cli("import-data", "--data-dir", str(fresh), str(tmp_path / "first.json"))
    assert result.returncode == 0, result.stderr
    assert "Brought in 25 people" in result.stdout
    second = _export(fresh, tmp_path / "second.json")
    assert first.pop("exported_at") != second.pop("exported_at")
    assert first == second
    lines_1 = (tmp_path / "first.json").read_text().splitlines()
    lines_2 = (tmp_path / "second.json").read_text().splitlines()
    assert (
        next(a for a, b in zip(lines_1, lines_2, strict=True) if a != b)
        .strip()
        .startswith('"exported_at"')
    )
    assert sum(a != b for a, b in zip(lines_1, lines_2, strict=True)) == 1


def test_a_store_with_data_takes_an_export_only_with_merge(demo_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "all.json"
    _export(demo_dir, out)
    before = snapshot(demo_dir)
    refused = run_cli("import-data", "--data-dir", str(demo_dir), str(out))
    assert_one_line_error(refused, 1, "--merge", "Nothing was changed")
    assert snapshot(demo_dir) == before
    merged = run_cli("import-data", "--merge", "--data-dir", str(demo_dir), str(out))
    assert merged.returncode == 0, merged.stderr
    assert "Brought in 0 people, 0 groups, 0 plans and 0 check-ins" in merged.stdout
    assert "already here" in merged.stdout
    again = _export(demo_dir, tmp_path / "again.json")
    first = json.loads(out.read_text())
    first.pop("exported_at"), again.pop("exported_at")
    assert again == first


def test_merge_adds_what_is_missing(demo_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "all.json"
    document = _export(demo_dir, out)
    person = dict(document["people"][0])
    person["uid"] = "00000000-0000-4000-8000-000000000001"
    person["name"] = "Someone New"
    document["people"].append(person)
    out.write_text(json.dumps(document), encoding="utf-8")
    merged = run_cli("import-data", "--merge", "--data-dir", str(demo_dir), str(out))
    assert merged.returncode == 0, merged.stderr
    assert "Brought in 1 people" in merged.stdout
    after = _export(demo_dir, tmp_path / "after.json")
    assert "Someone New" in [p["name"] for p in after["people"]]


def _refused(tmp_path: Path, content: bytes, *words: str) -> None:
    source = tmp_path / "in.json"
    source.write_bytes(content)
    folder = tmp_path / "nothing-yet"
    result = run_cli("import-data", "--data-dir", str(folder), str(source))
    assert_one_line_error(result, 1, *words)
    assert not folder.exists()  # refused before a store was made for it


def test_files_that_are_not_exports_are_refused_with_one_line(tmp_path: Path) -> None:
    _refused(tmp_path, b"\x00\xffnot json", "not a SupportNet data export")
    _refused(tmp_path, b'{"format": "vcard"}', "not a SupportNet data export")
    _refused(tmp_path, b'{"format": "supportnet-data", "version": 2}', "newer SupportNet")
    broken = {"format": "supportnet-data", "version": 1, "people": [{"uid": "x"}]}
    _refused(tmp_path, json.dumps(broken).encode(), "people[0].name", "nothing was changed")


def test_a_broken_reference_changes_nothing(demo_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "all.json"
    document = _export(demo_dir, out)
    document["plans"][-1]["person"] = "no-such-uid"
    document["plans"][-1]["group"] = None
    out.write_text(json.dumps(document), encoding="utf-8")
    fresh = tmp_path / "fresh"
    result = run_cli("import-data", "--data-dir", str(fresh), str(out))
    assert_one_line_error(result, 1, "plans[", "nothing was changed")
    check = run_cli("export-data", "--data-dir", str(fresh), "--out", str(tmp_path / "e.json"))
    assert check.returncode == 0, check.stderr
    assert "0 people, 0 groups, 0 plans and 0 check-ins" in check.stdout


def test_delete_everything_needs_a_terminal_or_yes(demo_dir: Path) -> None:
    before = snapshot(demo_dir)
    result = run_cli("delete-everything", "--data-dir", str(demo_dir))
    assert_one_line_error(result, 2, "--yes")
    assert snapshot(demo_dir) == before


def test_delete_everything_leaves_nothing_behind(demo_dir: Path, tmp_path: Path) -> None:
    forced = run_cli("demo", "--force", "--data-dir", str(demo_dir))  # an automatic backup
    assert forced.returncode == 0, forced.stderr
    assert list((demo_dir / "backups").glob("supportnet-*.db"))
    extra = tmp_path / "usb"
    extra.mkdir()
    (extra / "supportnet-20261203T000000Z-daily.db").write_bytes(b"a backup")
    (extra / "holiday.jpg").write_bytes(b"not ours")
    result = run_cli("delete-everything", "--yes", "--data-dir", str(demo_dir))
    assert result.returncode == 0, result.stderr
    for what in ("the database", "the key file", "automatic backup", "not touched"):
        assert what in result.stdout
    assert not demo_dir.exists()
    assert (extra / "supportnet-20261203T000000Z-daily.db").exists()  # only when asked
    again = run_cli(
        "delete-everything",
        "--yes",
        "--data-dir",
        str(demo_dir),
        "--include-extra-backups",
        str(extra),
    )
    assert again.returncode == 0, again.stderr
    assert "1 backup in your extra folder" in again.stdout
    assert sorted(p.name for p in extra.iterdir()) == ["holiday.jpg"]


def test_export_replaces_only_an_earlier_export(demo_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "all.json"
    _export(demo_dir, out)
    _export(demo_dir, out)  # an earlier export: replaced
    other = tmp_path / "notes.txt"
    other.write_text("mine")
    refused = run_cli("export-data", "--data-dir", str(demo_dir), "--out", str(other))
    assert_one_line_error(refused, 1, "--force")
    assert other.read_text() == "mine"
    forced = run_cli("export-data", "--force", "--data-dir", str(demo_dir), "--out", str(other))
    assert forced.returncode == 0, forced.stderr
    assert json.loads(other.read_text())["format"] == "supportnet-data"
    missing = run_cli(
        "export-data", "--data-dir", str(demo_dir), "--out", str(tmp_path / "no" / "x")
    )
    assert_one_line_error(missing, 1, "doesn't exist")
