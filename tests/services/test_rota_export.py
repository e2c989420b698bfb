"""One supporter's part of a care team's rota as an .ics file, read back with icalendar."""

from __future__ import annotations

import stat
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import icalendar
import pytest
import recurring_ical_events

from supportnet.calendar import ExportOptions, Privacy
from supportnet.model.care import ME, CareTeam, RotaSlot, SlotSwap
from supportnet.model.errors import NotFoundError, NothingToExportError
from supportnet.model.network import ChannelKind, Person
from supportnet.model.plans import Cadence, Frequency, Plan, PlanKind, Recurrence
from supportnet.model.settings import Settings
from supportnet.services.rota_export import export_supporter, supporter_ref
from tests.services.test_calendar_export import only_vtimezones

LONDON = ZoneInfo("Europe/London")
MONDAY = date(2026, 12, 7)
NOW = datetime(2026, 12, 7, 9, 0, tzinfo=UTC)
#: Far enough ahead to cross the clocks going forward (28 March 2027).
WEEKS = 20
#: Every word that names a supporter; the focus person's are apart.
SUPPORTER_WORDS = {
    "shiv": ("Siobhan", "Kelly", "Shiv"),
    "priya": ("Priya", "Raman"),
    "tom": ("Tom", "Reed"),
    ME: ("You",),
}


def _weekly(weekday: int, hour: int, channel: ChannelKind, **extra: Any) -> Plan:
    return Plan(
        kind=PlanKind.FIXED,
        start_date=MONDAY,
        timezone="Europe/London",
        channel=channel,
        window_start=time(hour),
        recurrence=Recurrence(Frequency.WEEKLY, weekdays={weekday}),
        **extra,
    )


@dataclass
class World:
    store: Any
    team: CareTeam
    refs: dict[str, str]
    monday: Plan
    thursday: Plan
    saturday: Plan
    flexible: Plan


@pytest.fixture
def world(store: Any) -> World:
    store.settings.save(Settings(timezone="Europe/London", onboarded=True))
    dan = store.people.add(Person("Dan Okafor", nickname="Dan"))
    shiv = store.people.add(Person("Siobhan Kelly", nickname="Auntie Shiv"))
    priya = store.people.add(Person("Priya Raman"))
    tom = store.people.add(Person("Tom Reed"))
    monday = _weekly(
        0, 19, ChannelKind.CALL, title="Ask Dan about the dog", message_idea="Priya says hi"
    )
    thursday = _weekly(3, 18, ChannelKind.TEXT)
    saturday = Plan(
        kind=PlanKind.ONE_OFF,
        start_date=date(2026, 12, 12),
        window_start=time(10),
        timezone="Europe/London",
    )
    flexible = Plan(
        kind=PlanKind.FLEXIBLE,
        start_date=MONDAY,
        timezone="Europe/London",
        cadence=Cadence(ideal_days=10),
    )
    team = CareTeam(
        name="Around Dan",
        focus=dan.uid,
        supporters=[shiv.uid, priya.uid, tom.uid, ME],
        slots=[
            RotaSlot(monday, shiv.uid),
            RotaSlot(thursday, ME),
            RotaSlot(saturday, priya.uid),
            RotaSlot(flexible, priya.uid),
        ],
        swaps=[
            SlotSwap(monday.uid, date(2026, 12, 14), ME),
            SlotSwap(monday.uid, date(2026, 12, 21), priya.uid),
            SlotSwap(monday.uid, date(2026, 12, 28), None),
            SlotSwap(monday.uid, date(2027, 4, 5), ME),  # after the clocks change
        ],
    )
    store.care_teams.save(team)
    refs = {"shiv": shiv.uid, "priya": priya.uid, "tom": tom.uid, ME: ME}
    return World(store, store.care_teams.get(team.uid), refs, monday, thursday, saturday, flexible)


def _export(
    world: World, tmp_path: Path, who: str, privacy: Privacy = Privacy.DISCREET, now: datetime = NOW
) -> tuple[Path, list[icalendar.Event]]:
    path = tmp_path / f"{who}-{privacy}.ics"
    export_supporter(
        world.store, path, world.team.uid, world.refs[who], ExportOptions(privacy, WEEKS), now
    )
    cal = icalendar.Calendar.from_ical(path.read_bytes())
    return path, list(cal.walk("VEVENT"))


def _by_uid(events: list[icalendar.Event]) -> dict[str, icalendar.Event]:
    uids = [str(e["UID"]) for e in events]
    assert len(set(uids)) == len(uids)
    return dict(zip(uids, events, strict=True))


def test_a_supporter_s_series_leaves_out_the_dates_swapped_away(
    world: World, tmp_path: Path
) -> None:
    _path, events = _export(world, tmp_path, "shiv")
    (series,) = events
    assert str(series["UID"]) == f"rota-{world.monday.uid}"
    assert series["SEQUENCE"] == world.monday.sequence
    assert series["RRULE"]["FREQ"] == ["WEEKLY"]
    assert series["DTSTART"].dt == datetime(2026, 12, 7, 19, tzinfo=LONDON)
    assert series["DTSTART"].params["TZID"] == "Europe/London"
    away = {d.dt for d in series["EXDATE"].dts}
    assert away == {datetime(2026, 12, d, 19, tzinfo=LONDON) for d in (14, 21, 28)} | {
        datetime(2027, 4, 5, 19, tzinfo=LONDON)
    }
    assert "RECURRENCE-ID" not in series


def test_a_date_swapped_to_a_supporter_is_an_event_of_its_own(world: World, tmp_path: Path) -> None:
    path, events = _export(world, tmp_path, ME)
    found = _by_uid(events)
    thursday = found.pop(f"rota-{world.thursday.uid}")
    assert "RRULE" in thursday
    assert thursday["DTSTART"].dt.hour == 18
    assert set(found) == {f"rota-{world.monday.uid}-20261214", f"rota-{world.monday.uid}-20270405"}
    for event in found.values():
        # Standalone: the supporter has no copy of the series an override would belong to.
        assert "RRULE" not in event
        assert "RECURRENCE-ID" not in event
        assert event["SEQUENCE"] == world.monday.sequence
    assert found[f"rota-{world.monday.uid}-20261214"]["DTSTART"].dt == datetime(
        2026, 12, 14, 19, tzinfo=LONDON
    )
    assert f"rota-{world.monday.uid}".encode() not in path.read_bytes().replace(
        f"rota-{world.monday.uid}-".encode(), b""
    )


def test_summer_time_comes_from_the_vtimezone(world: World, tmp_path: Path) -> None:
    path, _events = _export(world, tmp_path, ME)
    cal = icalendar.Calendar.from_ical(path.read_bytes())
    (zone,) = cal.walk("VTIMEZONE")
    assert zone["TZID"] == "Europe/London"
    assert {c.name for c in zone.subcomponents} == {"STANDARD", "DAYLIGHT"}
    assert all("RRULE" in c for c in zone.subcomponents)  # the yearly-rule form
    # Read with the file's own VTIMEZONE only (the IANA name renamed away): the Thursday
    # series stays at 18:00 London time across the change, the swapped Monday at 19:00.
    own = icalendar.Calendar.from_ical(only_vtimezones(path.read_bytes()))
    found = recurring_ical_events.of(own).between(date(2027, 3, 20), date(2027, 4, 10))
    starts = {}
    for event in found:
        starts.setdefault(str(event["UID"]), []).append(event["DTSTART"].dt.astimezone(UTC))
    assert starts[f"rota-{world.thursday.uid}"] == [
        datetime(2027, 3, 25, 18, tzinfo=UTC),
        datetime(2027, 4, 1, 17, tzinfo=UTC),
        datetime(2027, 4, 8, 17, tzinfo=UTC),
    ]
    assert starts[f"rota-{world.monday.uid}-20270405"] == [datetime(2027, 4, 5, 18, tzinfo=UTC)]


def test_one_off_and_flexible_slots_are_single_events(world: World, tmp_path: Path) -> None:
    _path, events = _export(world, tmp_path, "priya")
    found = _by_uid(events)
    assert f"rota-{world.monday.uid}-20261221" in found
    saturday = found[f"rota-{world.saturday.uid}-20261212"]
    assert saturday["DTSTART"].dt == datetime(2026, 12, 12, 10, tzinfo=LONDON)
    flexible = [e for uid, e in found.items() if uid.startswith(f"rota-{world.flexible.uid}-")]
    assert len(flexible) >= 10
    assert all(e["TRANSP"] == "TRANSPARENT" for e in flexible)
    assert all("RRULE" not in e for e in found.values())


def test_uids_are_the_same_on_the_next_export(world: World, tmp_path: Path) -> None:
    for who in SUPPORTER_WORDS:
        if who == "tom":
            continue
        _p, first = _export(world, tmp_path, who)
        later = tmp_path / "later"
        later.mkdir(exist_ok=True)
        _p, second = _export(world, later, who, now=NOW + timedelta(hours=5))
        assert [str(e["UID"]) for e in first] == [str(e["UID"]) for e in second]
        plan_uids = {world.monday.uid, world.thursday.uid, world.saturday.uid}
        assert not plan_uids & {str(e["UID"]) for e in first}  # never a plan's bare uid


@pytest.mark.parametrize("privacy", list(Privacy))
def test_no_other_supporter_is_ever_named(world: World, tmp_path: Path, privacy: Privacy) -> None:
    for who in ("shiv", "priya", ME):
        path, _events = _export(world, tmp_path, who, privacy)
        text = path.read_bytes().decode("utf-8").casefold()
        for other, words in SUPPORTER_WORDS.items():
            if other == who:
                continue
            for word in words:
                assert word.casefold() not in text, (who, privacy, word)
        # The team's own words never go out either.
        assert "dog" not in text
        assert "says hi" not in text
        assert "around dan" not in text


def test_what_each_privacy_level_says(world: World, tmp_path: Path) -> None:
    (discreet,) = _export(world, tmp_path, "shiv", Privacy.DISCREET)[1]
    assert discreet["SUMMARY"] == "Check-in"
    assert "DESCRIPTION" not in discreet
    (first,) = _export(world, tmp_path, "shiv", Privacy.FIRST_NAME)[1]
    assert first["SUMMARY"] == "Call Dan"
    assert "Okafor" not in first.to_ical().decode()
    (full,) = _export(world, tmp_path, "shiv", Privacy.FULL)[1]
    assert full["SUMMARY"] == "Call Dan Okafor"
    assert "With: Dan Okafor" in str(full["DESCRIPTION"])


def test_a_team_for_the_user_never_names_anyone(world: World, tmp_path: Path) -> None:
    team = world.store.care_teams.get(world.team.uid)
    team.focus, team.supporters = ME, [world.refs["shiv"]]
    team.slots, team.swaps = [RotaSlot(world.monday, world.refs["shiv"])], []
    world.store.care_teams.save(team)
    (event,) = _export(world, tmp_path, "shiv", Privacy.FULL)[1]
    assert event["SUMMARY"] == "Check-in"
    assert "DESCRIPTION" not in event


def test_the_file_is_private_and_nothing_is_written_without_check_ins(
    world: World, tmp_path: Path
) -> None:
    path, _events = _export(world, tmp_path, "shiv")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    empty = tmp_path / "tom.ics"
    with pytest.raises(NothingToExportError):
        export_supporter(
            world.store, empty, world.team.uid, world.refs["tom"], ExportOptions(), NOW
        )
    assert not empty.exists()


def test_supporters_are_found_by_name_nickname_or_me(world: World) -> None:
    team = world.team
    assert supporter_ref(world.store, team, "Auntie Shiv") == world.refs["shiv"]
    assert supporter_ref(world.store, team, "priya") == world.refs["priya"]
    assert supporter_ref(world.store, team, "me") == ME
    with pytest.raises(NotFoundError):
        supporter_ref(world.store, team, "Dan")  # the focus person isn't a supporter
    with pytest.raises(NotFoundError):
        supporter_ref(world.store, team, "Nobody")
    # An empty name is no one's, even where people have no nickname.
    with pytest.raises(NotFoundError, match="Name a supporter"):
        supporter_ref(world.store, team, "  ")


def test_a_date_swapped_to_the_slot_s_own_supporter_stays_in_the_series(
    world: World, tmp_path: Path
) -> None:
    team = world.store.care_teams.get(world.team.uid)
    team.swaps.append(SlotSwap(world.thursday.uid, date(2026, 12, 10), ME))
    world.store.care_teams.save(team)
    found = _by_uid(_export(world, tmp_path, ME)[1])
    assert not any(uid.startswith(f"rota-{world.thursday.uid}-") for uid in found)
    assert "EXDATE" not in found[f"rota-{world.thursday.uid}"]
