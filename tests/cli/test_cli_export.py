"""`supportnet export-ics`, as a real subprocess on the example network."""

from __future__ import annotations

import os
from pathlib import Path

import icalendar
import pytest

from supportnet.calendar import DISCREET_TITLE, Privacy
from supportnet.cli import PRIVACY_CHOICES
from supportnet.data.store import open_store
from supportnet.model.plans import PlanKind
from tests.cli.test_cli import PASS, assert_one_line_error, run_cli, snapshot


def _events(path: Path) -> list[icalendar.Event]:
    return list(icalendar.Calendar.from_ical(path.read_bytes()).walk("VEVENT"))


def test_the_privacy_choices_are_the_exporters_levels() -> None:
    assert tuple(p.value for p in Privacy) == PRIVACY_CHOICES


def test_export_writes_every_plan_and_says_so(demo_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "plan.ics"
    result = run_cli("export-ics", "--out", str(out), "--data-dir", str(demo_dir))
    assert result.returncode == 0, result.stderr
    events = _events(out)
    assert f"Wrote {len(events)} events" in result.stdout
    assert "discreet" in result.stdout
    with open_store(demo_dir, passphrase=lambda _p: PASS) as store:
        # Fixed plans keep their own uid (one-offs too, when in range); flexible
        # occurrences have stored ones.
        series = {
            p.uid for p in store.plans.list_all() if not p.paused and p.kind is PlanKind.FIXED
        }
    written = {str(e["UID"]) for e in events}
    assert series
    assert series <= written
    assert b"BEGIN:VALARM" not in out.read_bytes()


def test_discreet_export_of_chosen_people_with_a_reminder(demo_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "few.ics"
    result = run_cli(
        "export-ics",
        "--out",
        str(out),
        "--privacy",
        "discreet",
        "--person",
        "Mum",
        "--person",
        "Jamie",
        "--alarm-minutes",
        "10",
        "--data-dir",
        str(demo_dir),
    )
    assert result.returncode == 0, result.stderr
    events = _events(out)
    assert len(events) == 2
    assert {str(e["SUMMARY"]) for e in events} == {DISCREET_TITLE}
    for event in events:
        (alarm,) = event.walk("VALARM")
        assert alarm.decoded("TRIGGER").total_seconds() == -600
    data = out.read_bytes()
    for word in (b"Mum", b"Jamie", b"Margaret", b"Hughes"):
        assert word not in data


def test_exporting_twice_gives_the_same_uids(demo_dir: Path, tmp_path: Path) -> None:
    first, second = tmp_path / "a.ics", tmp_path / "b.ics"
    for out in (first, second):
        result = run_cli("export-ics", "--out", str(out), "--data-dir", str(demo_dir))
        assert result.returncode == 0, result.stderr
    uids = [sorted(str(e["UID"]) for e in _events(p)) for p in (first, second)]
    assert uids[0] == uids[1]
    assert len(set(uids[0])) == len(uids[0])


def test_the_file_is_written_whole_and_replaced_atomically(demo_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "plan.ics"
    out.write_bytes(b"old")
    os.chmod(out, 0o640)
    result = run_cli("export-ics", "--out", str(out), "--data-dir", str(demo_dir))
    assert result.returncode == 0, result.stderr
    assert out.read_bytes().startswith(b"BEGIN:VCALENDAR\r\n")
    assert out.read_bytes().endswith(b"END:VCALENDAR\r\n")
    assert out.stat().st_mode & 0o777 == 0o640  # an existing file keeps its permissions
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.ics", "store"]


@pytest.mark.parametrize(
    ("args", "code", "words"),
    [
        (["--person", "Nobody Atall"], 1, ("Nobody called “Nobody Atall”",)),
        (["--person", "Hughes"], 2, ("Margaret Hughes", "Owen Hughes")),
        (["--weeks", "0"], 2, ("weeks",)),
        (["--weeks", "lots"], 2, ("--weeks", "whole number")),
        (["--alarm-minutes", "-5"], 2, ("reminder",)),
        (["--privacy", "public"], 2, ("invalid choice",)),
    ],
    ids=["unknown-person", "ambiguous-person", "zero-weeks", "bad-weeks", "bad-alarm", "privacy"],
)
def test_bad_input_is_one_line_and_writes_nothing(
    demo_dir: Path, tmp_path: Path, args: list[str], code: int, words: tuple[str, ...]
) -> None:
    out = tmp_path / "out" / "plan.ics"
    out.parent.mkdir()
    before = snapshot(demo_dir)
    result = run_cli("export-ics", "--out", str(out), *args, "--data-dir", str(demo_dir))
    assert_one_line_error(result, code, *words)
    assert list(out.parent.iterdir()) == []
    assert snapshot(demo_dir) == before


@pytest.mark.parametrize(
    ("target", "words"),
    [
        ("missing/plan.ics", ("doesn't exist",)),
        (".", ("is a folder",)),
        ("plan.txt", (".ics",)),
        ("p" * 300 + ".ics", ("Can't save as", "too long")),
    ],
    ids=["no-folder", "a-folder", "not-ics", "name-too-long"],
)
def test_a_bad_path_is_one_line(
    demo_dir: Path, tmp_path: Path, target: str, words: tuple[str, ...]
) -> None:
    result = run_cli("export-ics", "--out", str(tmp_path / target), "--data-dir", str(demo_dir))
    assert_one_line_error(result, 1 if target != "plan.txt" else 2, *words)
    assert not (tmp_path / "plan.txt").exists()


def test_a_home_folder_of_nobody_is_one_line(demo_dir: Path) -> None:
    """``~name`` where no such user exists: the folder is missing, not a crash."""
    for command in (["export-ics", "--out"], ["backup", "--out"]):
        target = "~nobody-supportnet-test/plan.ics"
        result = run_cli(*command, target, "--data-dir", str(demo_dir))
        assert_one_line_error(result, 1, "~nobody-supportnet-test", "doesn't exist")


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write into a read-only folder")
def test_an_unwritable_folder_is_one_line(demo_dir: Path, tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        result = run_cli(
            "export-ics", "--out", str(locked / "plan.ics"), "--data-dir", str(demo_dir)
        )
        assert_one_line_error(result, 1, "Can't write in")
        assert list(locked.iterdir()) == []
    finally:
        locked.chmod(0o700)


def test_nothing_to_export_is_one_line(demo_dir: Path, tmp_path: Path) -> None:
    with open_store(demo_dir, passphrase=lambda _p: PASS) as store:
        for plan in store.plans.list_all():
            plan.paused = True
            store.plans.update(plan)
    out = tmp_path / "plan.ics"
    result = run_cli("export-ics", "--out", str(out), "--data-dir", str(demo_dir))
    assert_one_line_error(result, 1, "nothing to export")
    assert not out.exists()


@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="needs Linux's /proc")
def test_a_folder_nobody_can_write_in_is_one_line(demo_dir: Path) -> None:
    """/proc takes no new files, even from root (CI runs as root, where chmod can't stop it)."""
    result = run_cli("export-ics", "--out", "/proc/plan.ics", "--data-dir", str(demo_dir))
    assert_one_line_error(result, 1, "/proc")
    assert not Path("/proc/plan.ics").exists()
