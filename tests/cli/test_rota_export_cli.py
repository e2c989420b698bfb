"""`supportnet export-ics --supporter NAME [--team NAME]`: one supporter's part of a rota."""

from __future__ import annotations

import io
import stat
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import Any

import icalendar
import pytest

from supportnet.cli import reachout_commands, run
from supportnet.data.store import open_store
from supportnet.model.care import ME, CareTeam, RotaSlot, SlotSwap
from supportnet.model.network import ChannelKind, Person
from supportnet.model.plans import Frequency, Plan, PlanKind, Recurrence
from supportnet.model.settings import Settings
from tests.conftest import TEST_PASSPHRASE

MONDAY = date(2026, 12, 7)


@pytest.fixture(autouse=True)
def passphrase(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SUPPORTNET_PASSPHRASE", TEST_PASSPHRASE)
    monkeypatch.setattr(reachout_commands, "_now", lambda: datetime(2026, 12, 7, 9, tzinfo=UTC))


def _run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run(list(args), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def _weekly(weekday: int, hour: int, channel: ChannelKind) -> Plan:
    return Plan(
        kind=PlanKind.FIXED,
        start_date=MONDAY,
        timezone="Europe/London",
        channel=channel,
        window_start=time(hour),
        recurrence=Recurrence(Frequency.WEEKLY, weekdays={weekday}),
    )


def _add_team(store: Any, name: str, focus: str, supporters: dict[str, str]) -> CareTeam:
    monday, thursday = _weekly(0, 19, ChannelKind.CALL), _weekly(3, 18, ChannelKind.TEXT)
    shiv = supporters["shiv"]
    team = CareTeam(
        name=name,
        focus=focus,
        supporters=list(supporters.values()),
        slots=[RotaSlot(monday, shiv), RotaSlot(thursday, ME)],
        swaps=[SlotSwap(monday.uid, date(2026, 12, 14), ME)],
    )
    store.care_teams.save(team)
    return team


@pytest.fixture
def team_dir(data_dir: Path) -> Path:
    with open_store(data_dir, passphrase=lambda _p: TEST_PASSPHRASE) as store:
        store.settings.save(Settings(timezone="Europe/London", onboarded=True))
        dan = store.people.add(Person("Dan Okafor", nickname="Dan"))
        shiv = store.people.add(Person("Siobhan Kelly", nickname="Auntie Shiv"))
        tom = store.people.add(Person("Tom Reed"))
        refs = {"shiv": shiv.uid, "tom": tom.uid, "me": ME}
        _add_team(store, "Around Dan", dan.uid, refs)
    return data_dir


def test_a_supporter_s_file_has_their_check_ins_only(team_dir: Path, tmp_path: Path) -> None:
    out = tmp_path / "shiv.ics"
    code, text, err = _run(
        "export-ics", "--data-dir", str(team_dir), "--supporter", "Auntie Shiv",
        "--out", str(out), "--privacy", "first-name",
    )  # fmt: skip
    assert (code, err) == (0, "")
    assert text == f"Wrote 1 event (1 repeating) to {out} — first name privacy.\n"
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    (event,) = icalendar.Calendar.from_ical(out.read_bytes()).walk("VEVENT")
    assert event["SUMMARY"] == "Call Dan"
    assert len(event["EXDATE"].dts) == 1
    data = out.read_bytes().decode().casefold()
    assert "tom" not in data
    assert "reed" not in data


def test_me_takes_my_own_check_ins_and_discreet_is_the_default(
    team_dir: Path, tmp_path: Path
) -> None:
    out = tmp_path / "me.ics"
    code, text, err = _run(
        "export-ics", "--data-dir", str(team_dir), "--supporter", "me", "--team", "around dan",
        "--out", str(out),
    )  # fmt: skip
    assert (code, err) == (0, "")
    assert "2 events (1 repeating)" in text
    assert "discreet privacy" in text
    events = icalendar.Calendar.from_ical(out.read_bytes()).walk("VEVENT")
    assert {str(e["SUMMARY"]) for e in events} == {"Check-in"}
    assert b"Shiv" not in out.read_bytes()
    assert b"Siobhan" not in out.read_bytes()


@pytest.mark.parametrize(
    ("args", "code", "words"),
    [
        (("--supporter", "Nobody"), 1, "Nobody called “Nobody” is a supporter on Around Dan."),
        (("--supporter", "Shiv", "--team", "Elsewhere"), 1, "no care team called “Elsewhere”"),
        (("--team", "Around Dan"), 2, "--team goes with --supporter"),
        (("--supporter", "Shiv", "--person", "Dan"), 2, "either --supporter or --person"),
        (("--supporter", "Tom"), 1, "nothing to export"),
    ],
)
def test_what_can_t_be_exported_gets_one_line_and_no_file(
    team_dir: Path, tmp_path: Path, args: tuple[str, ...], code: int, words: str
) -> None:
    out = tmp_path / "x.ics"
    got, text, err = _run("export-ics", "--data-dir", str(team_dir), "--out", str(out), *args)
    assert got == code
    assert text == ""
    assert len(err.splitlines()) == 1
    assert words in err
    assert not out.exists()


def test_with_two_teams_the_team_must_be_named(team_dir: Path, tmp_path: Path) -> None:
    with open_store(team_dir, passphrase=lambda _p: TEST_PASSPHRASE) as store:
        (dan,) = store.people.find("Dan Okafor")
        (shiv,) = store.people.find("Siobhan")
        _add_team(store, "Weekends", dan.uid, {"shiv": shiv.uid, "me": ME})
    out = tmp_path / "x.ics"
    code, _text, err = _run(
        "export-ics", "--data-dir", str(team_dir), "--supporter", "Shiv", "--out", str(out)
    )
    assert code == 2
    assert "Which team?" in err
    code, _text, err = _run(
        "export-ics", "--data-dir", str(team_dir), "--supporter", "Shiv", "--team", "Weekends",
        "--out", str(out),
    )  # fmt: skip
    assert (code, err) == (0, "")


def test_a_slot_taken_off_the_rota_says_the_import_will_remove_it(
    team_dir: Path, tmp_path: Path
) -> None:
    out = tmp_path / "shiv.ics"
    args = ("export-ics", "--data-dir", str(team_dir), "--supporter", "Shiv", "--out", str(out))
    assert _run(*args)[0] == 0
    with open_store(team_dir, passphrase=lambda _p: TEST_PASSPHRASE) as store:
        (team,) = store.care_teams.list()
        team.slots = [slot for slot in team.slots if slot.supporter != team.supporters[0]]
        team.swaps = []
        store.care_teams.save(team)
    code, text, err = _run(*args)
    assert (code, err) == (0, "")
    assert text == (
        f"Wrote {out} — discreet privacy. Importing it removes 1 earlier event no longer planned.\n"
    )
    (event,) = icalendar.Calendar.from_ical(out.read_bytes()).walk("VEVENT")
    assert event["STATUS"] == "CANCELLED"
