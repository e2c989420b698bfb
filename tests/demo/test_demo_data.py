"""The example network's data files: what they build, pinned, and how they are found."""

from __future__ import annotations

import dataclasses
import fnmatch
import subprocess
import sys
import tomllib
import zipfile
from datetime import date, time, timedelta
from importlib import resources
from pathlib import Path

import pytest

from supportnet.demo import data
from supportnet.demo.builder import build_demo_network
from supportnet.model.plans import PlanKind
from tests.demo.fingerprint import network_digest

ROOT = Path(__file__).resolve().parents[2]

# Every field of the whole network (people, groups, plans, check-ins), hashed. These were
# computed from the Python definitions the data files replaced, and the data built the same
# for every field (commit eb503be, tests/demo/test_demo_same.py). A deliberate change to
# the example changes them: check the change, then update the digest.
PINNED = (
    (date(2026, 11, 25), "Europe/London", 2024, "202805eb73ab87dc"),
    (date(2026, 3, 29), "Europe/Berlin", 2024, "b68c8b5e65012200"),
    (date(2027, 2, 28), "America/New_York", 2024, "8248e72ab6541445"),
    (date(2024, 2, 29), "Asia/Tokyo", 2024, "ddd6e47fc9822e87"),
    (date(2026, 11, 25), "UTC", 2024, "6e37de06756b0546"),
    (date(2026, 6, 1), "GB", 7, "035e75e0269e8532"),
)
DAYS = (date(2026, 11, 25), date(2026, 3, 29), date(2027, 1, 1), date(2024, 2, 29))


@pytest.mark.parametrize(("today", "zone", "seed", "digest"), PINNED)
def test_the_network_is_the_one_pinned(today: date, zone: str, seed: int, digest: str) -> None:
    assert network_digest(build_demo_network(today, zone, seed=seed)) == digest


def test_counts_and_names() -> None:
    net = build_demo_network(date(2026, 11, 25), "Europe/London")
    assert (len(net.people), len(net.groups), len(net.plans), len(net.checkins)) == (
        25,
        3,
        13,
        398,
    )
    names = [p.name for p in net.people]
    assert names[:5] == [
        "Daniel Okafor",
        "Margaret Hughes",
        "Priya Sharma",
        "Rosie Mensah",
        "Jamie Chen",
    ]
    assert {"נועה לוי", "سلمى حداد", "Lucía Fernández", "Dr Farid Rahimi"} <= set(names)
    assert [p.nickname for p in net.people if p.name == "Kai Nakamura"] == ["quietfern 🌿"]
    assert [g.name for g in net.groups] == [
        "Thursday peer support circle",
        "Riverside walking club",
        "Quiet Harbour forum",
    ]


@pytest.mark.parametrize(("zone", "city"), [("Europe/London", "New York"), ("UTC", "London")])
def test_the_friend_abroad_lives_in_their_zones_city(zone: str, city: str) -> None:
    net = build_demo_network(date(2026, 11, 25), zone)
    (jamie,) = (p for p in net.people if p.name == "Jamie Chen")
    assert jamie.notes == (
        f"Moved to {city} for work. We still watch the same terrible films together."
    )


@pytest.mark.parametrize("today", DAYS)
def test_plan_dates_stay_relative_to_today(today: date) -> None:
    plans = {p.title: p for _, p in build_demo_network(today, "Europe/Berlin").plans}
    mum = plans["Sunday call with Mum"].start_date
    assert mum.weekday() == 6
    assert timedelta(days=56) <= today - mum < timedelta(days=63)
    tom = plans["Lunch walk with Tom"]
    assert tom.recurrence is not None
    next_wednesday = today + timedelta(days=1 + (2 - (today + timedelta(days=1)).weekday()) % 7)
    assert tom.recurrence.skips == {next_wednesday + timedelta(weeks=2)}
    until = tom.recurrence.until
    assert until is not None
    assert until.weekday() == 2
    assert timedelta(days=94) <= until - today <= timedelta(days=100)
    club = plans["Walking club"].start_date
    assert club.weekday() == 5
    assert 15 <= club.day <= 21
    assert (today.year * 12 + today.month) - (club.year * 12 + club.month) == 3
    flexible = [p.start_date for p in plans.values() if p.kind is PlanKind.FLEXIBLE]
    assert [today - d for d in flexible] == [timedelta(days=n) for n in (30, 37, 44, 51, 58)]
    assert plans["Return Salma's dish and say thank you"].start_date == today + timedelta(days=4)
    assert plans["Birthday card for Auntie Shiv"].start_date == today + timedelta(days=11)
    assert plans["Video call with Jamie"].window_start in {time(h) for h in range(9, 21)}


@pytest.mark.parametrize("today", DAYS)
def test_every_plan_validates(today: date) -> None:
    net = build_demo_network(today, "America/New_York")
    for n, (_, plan) in enumerate(net.plans):
        # The loader sets the target's id; any id will do here.
        dataclasses.replace(plan, person_id=n + 1).validate()


def test_relative_dates() -> None:
    today = date(2026, 11, 25)  # a Wednesday
    assert data.relative_date({"days": -56, "on_or_before": "Sunday"}, today) == date(2026, 9, 27)
    assert data.relative_date({"days": 0, "on_or_before": "Wednesday"}, today) == today
    assert data.relative_date({"days": 1, "on_or_after": "Wednesday", "weeks": 2}, today) == date(
        2026, 12, 16
    )
    assert data.relative_date({"months": -3, "nth": 3, "weekday": "Saturday"}, today) == date(
        2026, 8, 15
    )
    assert data.relative_date({"days": 4}, today) == date(2026, 11, 29)


def test_a_misspelt_key_is_refused() -> None:
    spec = {**data.read("plans.toml")["plans"][0], "mesage_idea": "Hi"}
    with pytest.raises(ValueError, match="mesage_idea"):
        data.plan(spec, date(2026, 11, 25), "UTC", 14)
    with pytest.raises(ValueError, match="fortnights"):
        data.relative_date({"days": 1, "fortnights": 2}, date(2026, 11, 25))


def test_everyone_needs_a_rhythm(monkeypatch: pytest.MonkeyPatch) -> None:
    history = data.read("history.toml")
    rhythms = {k: v for k, v in history["rhythms"].items() if k != "dan"}
    read = data.read

    def without_dan(name: str) -> data.Spec:
        return {**history, "rhythms": rhythms} if name == "history.toml" else read(name)

    monkeypatch.setattr(data, "read", without_dan)
    with pytest.raises(ValueError, match="rhythm"):
        build_demo_network(date(2026, 11, 25), "UTC")


# -- packaging ---------------------------------------------------------------------------------


def _package_data() -> dict[str, list[str]]:
    with (ROOT / "pyproject.toml").open("rb") as file:
        config = tomllib.load(file)
    return config["tool"]["setuptools"]["package-data"]


def _packaged(path: Path, package_data: dict[str, list[str]]) -> bool:
    """Whether an installed package would hold ``path`` (module or declared package data)."""
    if path.suffix == ".py":
        return True
    patterns = package_data.get(".".join(path.relative_to(ROOT).parent.parts), [])
    return any(fnmatch.fnmatch(path.name, pattern) for pattern in patterns)


def test_the_data_files_are_package_resources() -> None:
    folder = resources.files("supportnet.demo")
    for name in data.FILES:
        assert folder.joinpath(name).is_file()
        assert _packaged(ROOT / "supportnet" / "demo" / name, _package_data())


def test_the_example_builds_from_an_installed_style_package(tmp_path: Path) -> None:
    # Only what the package installs (modules and declared package data), in a zip archive:
    # a path relative to the source tree would not resolve there, importlib.resources does.
    archive = tmp_path / "site.zip"
    package_data = _package_data()
    with zipfile.ZipFile(archive, "w") as zipped:
        for path in sorted((ROOT / "supportnet").rglob("*")):
            if path.is_file() and "__pycache__" not in path.parts and _packaged(path, package_data):
                zipped.write(path, path.relative_to(ROOT).as_posix())
    code = (
        "import sys; sys.path.insert(0, sys.argv[1])\n"
        "from datetime import date\n"
        "import supportnet.demo.builder as builder\n"
        "assert builder.__file__.startswith(sys.argv[1]), builder.__file__\n"
        "net = builder.build_demo_network(date(2026, 11, 25), 'Europe/London')\n"
        "print(len(net.people), len(net.plans))\n"
    )
    result = subprocess.run(
        [sys.executable, "-I", "-c", code, str(archive)],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.split() == ["25", "13"]
