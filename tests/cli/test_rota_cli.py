"""`supportnet rota [--team NAME] [--from DATE] [--json]`: four weeks of a care team."""

from __future__ import annotations

import io
import json
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from supportnet.cli import run
from supportnet.data.store import open_store
from supportnet.model.care import ME, CareTeam, RotaSlot, SlotSwap
from supportnet.model.days import short_date
from supportnet.model.network import ChannelKind, Person
from supportnet.model.plans import Frequency, Plan, PlanKind, Recurrence
from supportnet.model.settings import Settings
from tests.conftest import TEST_PASSPHRASE

MONDAY = date(2026, 12, 7)


@pytest.fixture(autouse=True)
def passphrase(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SUPPORTNET_PASSPHRASE", TEST_PASSPHRASE)


def _run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = run(list(args), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def _open(data_dir: Path) -> Any:
    return open_store(data_dir, passphrase=lambda _p: TEST_PASSPHRASE)


def _weekly(weekday: int, hour: int, channel: ChannelKind) -> Plan:
    return Plan(
        kind=PlanKind.FIXED,
        start_date=MONDAY,
        timezone="Europe/London",
        channel=channel,
        window_start=time(hour),
        recurrence=Recurrence(Frequency.WEEKLY, weekdays={weekday}),
    )


def _add_team(store: Any, name: str = "Around Dan") -> CareTeam:
    dan = store.people.add(Person("Dan Okafor", nickname="Dan"))
    shiv = store.people.add(Person("Siobhan Kelly", nickname="Auntie Shiv"))
    monday, thursday = _weekly(0, 19, ChannelKind.CALL), _weekly(3, 18, ChannelKind.TEXT)
    saturday = Plan(kind=PlanKind.ONE_OFF, start_date=date(2026, 12, 12), window_start=time(10))
    team = CareTeam(
        name=name,
        focus=dan.uid,
        supporters=[shiv.uid, ME],
        comfortable_gap_days=2,
        slots=[RotaSlot(monday, shiv.uid), RotaSlot(thursday, ME), RotaSlot(saturday)],
        swaps=[SlotSwap(monday.uid, date(2026, 12, 14), ME)],
    )
    store.care_teams.save(team)
    return team


@pytest.fixture
def team_dir(data_dir: Path) -> Path:
    with _open(data_dir) as store:
        store.settings.save(Settings(timezone="Europe/London", onboarded=True))
        _add_team(store)
    return data_dir


def test_the_rota_prints_one_line_a_day_and_the_coverage(team_dir: Path) -> None:
    code, out, err = _run("rota", "--data-dir", str(team_dir), "--from", "2026-12-07")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == "Around Dan: check-ins with Dan, Mon 7 Dec to Sun 3 Jan"
    days = lines[2:30]
    assert len(days) == 28
    assert days[0] == "Mon 7 Dec   19:00 Auntie Shiv (phone call)"
    assert days[1] == "Tue 8 Dec   Nobody planned yet"
    assert days[3] == "Thu 10 Dec  18:00 You (text message)"
    assert days[5] == "Sat 12 Dec  10:00 open, nobody yet"
    assert days[7] == "Mon 14 Dec  19:00 You (phone call, swapped)"
    assert days[-1] == "Sun 3 Jan   Nobody planned yet"
    # Mondays and Thursdays: 8 days of 28; the longest stretch runs Fri to Sun (the
    # Saturday's check-in is open), and those three-day stretches are over the two days.
    assert lines[31] == (
        "Someone is planned on 8 of the 28 days from Mon 7 Dec. The longest stretch with "
        "nobody planned is 3 days (Fri 11 – Sun 13 Dec)."
    )
    assert lines[32] == (
        "Longer than the 2 days the team is comfortable with: Fri 11 – Sun 13 Dec, "
        "Fri 18 – Sun 20 Dec, Fri 25 – Sun 27 Dec, Fri 1 – Sun 3 Jan."
    )
    assert len(lines) == 33


def test_the_rota_starts_today_in_the_user_s_zone_by_default(team_dir: Path) -> None:
    code, out, _err = _run("rota", "--data-dir", str(team_dir))
    assert code == 0
    today = datetime.now(UTC).astimezone(ZoneInfo("Europe/London")).date()
    heading = out.splitlines()[0]

    assert heading.endswith(
        f"{short_date(today)} to {short_date(date.fromordinal(today.toordinal() + 27))}"
    )
    assert "of the next 28 days" in out


def test_json_has_the_shape_promised(team_dir: Path) -> None:
    code, out, err = _run("rota", "--data-dir", str(team_dir), "--from", "2026-12-07", "--json")
    assert (code, err) == (0, "")
    data = json.loads(out)
    assert data["team"] == "Around Dan"
    assert len(data["days"]) == 28
    assert data["days"][0] == {
        "date": "2026-12-07",
        "check_ins": [{"supporter": "Auntie Shiv", "time": "19:00", "channel": "call"}],
    }
    assert data["days"][1] == {"date": "2026-12-08", "check_ins": []}
    assert data["days"][5]["check_ins"] == [{"supporter": None, "time": "10:00", "channel": None}]
    for day in data["days"]:
        assert set(day) == {"date", "check_ins"}
        for check_in in day["check_ins"]:
            assert set(check_in) == {"supporter", "time", "channel"}
    assert data["coverage"]["covered_days"] == 8
    assert data["coverage"]["longest_gap"] == {
        "first": "2026-12-11",
        "last": "2026-12-13",
        "days": 3,
    }


def test_a_store_without_a_team_says_so_calmly(data_dir: Path) -> None:
    with _open(data_dir) as store:
        store.people.add(Person("Dan"))
    assert _run("rota", "--data-dir", str(data_dir)) == (0, "There is no care team yet.\n", "")


def test_several_teams_need_a_name(team_dir: Path) -> None:
    with _open(team_dir) as store:
        store.care_teams.save(CareTeam(name="After hospital", focus=ME))
    code, out, err = _run("rota", "--data-dir", str(team_dir))
    assert (code, out) == (2, "")
    assert err == (
        "supportnet: Which team? Choose one with --team: After hospital or Around Dan.\n"
    )
    code, out, err = _run("rota", "--data-dir", str(team_dir), "--team", "after HOSPITAL")
    assert (code, err) == (0, "")
    assert out.startswith("After hospital: check-ins with you, ")
    code, out, _err = _run("rota", "--data-dir", str(team_dir), "--team", "dan", "--json")
    assert (code, json.loads(out)["team"]) == (0, "Around Dan")


@pytest.mark.parametrize(
    ("args", "code", "words"),
    [
        (["--team", "Nobody's"], 1, "There is no care team called “Nobody's”."),
        (["--from", "7 December"], 2, "“7 December” isn't a date I understand"),
        (["--from", "2026-02-30"], 2, "isn't a date I understand"),
        (["--from", "1" * 5000], 2, "isn't a date I understand"),
        # Four weeks from here would run past the last date Python has.
        (["--from", "9999-12-31"], 2, "Choose a date from 1900-01-01 to 9999-12-03"),
        (["--from", "0001-01-01"], 2, "Choose a date from 1900-01-01"),
    ],
)
def test_errors_are_one_line(team_dir: Path, args: list[str], code: int, words: str) -> None:
    got, out, err = _run("rota", "--data-dir", str(team_dir), *args)
    assert (got, out) == (code, "")
    assert err.count("\n") == 1
    assert err.startswith("supportnet: ")
    assert words in err
