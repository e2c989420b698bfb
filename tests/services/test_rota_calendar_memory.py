"""A supporter's calendar file remembers what it gave, per supporter: SEQUENCE rises on a
change and what is no longer theirs comes out STATUS:CANCELLED. Read back with icalendar
and recurring-ical-events, as calendars would."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime, time, timedelta
from pathlib import Path

import icalendar
import pytest
import recurring_ical_events

from supportnet.calendar import ExportOptions, Privacy
from supportnet.model.care import ME, RotaSlot, SlotSwap
from supportnet.model.errors import NotFoundError, NothingToExportError
from supportnet.services.rota_export import export_supporter
from tests.services import test_rota_export as _rota
from tests.services.test_rota_export import (
    LONDON,
    NOW,
    WEEKS,
    World,
    _by_uid,
    _export,
)

world = _rota.world  # the same team, swaps and supporters
LATER = NOW + timedelta(days=1)


def _save(world: World, **changes: object) -> None:
    team = world.store.care_teams.get(world.team.uid)
    world.store.care_teams.save(dataclasses.replace(team, **changes))


def _again(world: World, tmp_path: Path, who: str, now: datetime = LATER) -> dict:
    folder = tmp_path / f"again-{now:%Y%m%d%H%M}"
    folder.mkdir(exist_ok=True)
    return _by_uid(_export(world, folder, who, now=now)[1])


def test_an_unchanged_rota_exports_the_same_sequences_and_cancels_nothing(
    world: World, tmp_path: Path
) -> None:
    for who in ("shiv", "priya", ME):
        first = _by_uid(_export(world, tmp_path, who)[1])
        second = _again(world, tmp_path, who, NOW + timedelta(hours=5))
        assert set(first) == set(second)
        assert {u: e["SEQUENCE"] for u, e in first.items()} == {
            u: e["SEQUENCE"] for u, e in second.items()
        }
        assert not any("STATUS" in e for e in second.values())
    assert world.store.calendar.rota.count() > 0


def test_a_flexible_slot_s_drifting_days_move_rather_than_cancel(
    world: World, tmp_path: Path
) -> None:
    prefix = f"rota-{world.flexible.uid}-"
    first = {u: e for u, e in _by_uid(_export(world, tmp_path, "priya")[1]).items() if prefix in u}
    second = {u: e for u, e in _again(world, tmp_path, "priya").items() if prefix in u}
    assert not any("STATUS" in e for e in second.values())
    kept = set(first) & set(second)
    assert len(kept) >= len(first) - 1  # only today's, now past, is left as it was
    for uid in kept:
        if second[uid]["DTSTART"].dt != first[uid]["DTSTART"].dt:
            assert second[uid]["SEQUENCE"] == first[uid]["SEQUENCE"] + 1


def test_a_slot_s_new_time_raises_its_sequence(world: World, tmp_path: Path) -> None:
    uid = f"rota-{world.thursday.uid}"
    before = _by_uid(_export(world, tmp_path, ME)[1])[uid]
    team = world.store.care_teams.get(world.team.uid)
    slots = [
        RotaSlot(dataclasses.replace(s.plan, window_start=time(20)), s.supporter)
        if s.uid == world.thursday.uid
        else s
        for s in team.slots
    ]
    _save(world, slots=slots)
    after = _again(world, tmp_path, ME)[uid]
    assert after["SEQUENCE"] == before["SEQUENCE"] + 1
    assert after["DTSTART"].dt.hour == 20
    # And it stays there while nothing changes.
    assert (
        _again(world, tmp_path, ME, LATER + timedelta(hours=1))[uid]["SEQUENCE"]
        == (after["SEQUENCE"])
    )


def test_a_withdrawn_swap_is_cancelled_in_one_file_and_back_in_the_other(
    world: World, tmp_path: Path
) -> None:
    series = f"rota-{world.monday.uid}"
    single = f"{series}-20261214"
    mine = _by_uid(_export(world, tmp_path, ME)[1])
    shiv = _by_uid(_export(world, tmp_path, "shiv")[1])
    assert single in mine
    team = world.store.care_teams.get(world.team.uid)
    _save(world, swaps=[s for s in team.swaps if s.on != date(2026, 12, 14)])

    mine_after = _again(world, tmp_path, ME)
    gone = mine_after[single]
    assert gone["STATUS"] == "CANCELLED"
    assert gone["SEQUENCE"] == mine[single]["SEQUENCE"] + 1
    assert gone["SUMMARY"] == "Check-in"
    shiv_after = _again(world, tmp_path, "shiv")[series]
    assert shiv_after["SEQUENCE"] == shiv[series]["SEQUENCE"] + 1
    back = datetime(2026, 12, 14, 19, tzinfo=LONDON)
    assert back not in {d.dt for d in shiv_after["EXDATE"].dts}
    cal = icalendar.Calendar()
    cal.add_component(shiv_after)
    found = recurring_ical_events.of(cal).between(date(2026, 12, 14), date(2026, 12, 15))
    assert [e["DTSTART"].dt for e in found] == [back]


def test_a_new_swap_away_raises_the_series_sequence(world: World, tmp_path: Path) -> None:
    series = f"rota-{world.monday.uid}"
    shiv = _by_uid(_export(world, tmp_path, "shiv")[1])[series]
    team = world.store.care_teams.get(world.team.uid)
    _save(world, swaps=[*team.swaps, SlotSwap(world.monday.uid, date(2027, 1, 4), ME)])
    after = _again(world, tmp_path, "shiv")[series]
    assert after["SEQUENCE"] == shiv["SEQUENCE"] + 1
    assert datetime(2027, 1, 4, 19, tzinfo=LONDON) in {d.dt for d in after["EXDATE"].dts}
    assert f"{series}-20270104" in _again(world, tmp_path, ME)


def test_a_reassigned_slot_leaves_one_file_cancelled_and_joins_the_other(
    world: World, tmp_path: Path
) -> None:
    """The same UID in two supporters' files over time, each with its own memory."""
    series = f"rota-{world.monday.uid}"
    shiv = _by_uid(_export(world, tmp_path, "shiv")[1])[series]
    with pytest.raises(NothingToExportError):
        _export(world, tmp_path, "tom")
    team = world.store.care_teams.get(world.team.uid)
    slots = [
        RotaSlot(s.plan, world.refs["tom"]) if s.uid == world.monday.uid else s for s in team.slots
    ]
    _save(world, slots=slots)
    (gone,) = _again(world, tmp_path, "shiv").values()  # her only slot: a file of one cancel
    assert str(gone["UID"]) == series
    assert gone["STATUS"] == "CANCELLED"
    assert gone["SEQUENCE"] == shiv["SEQUENCE"] + 1
    toms = _again(world, tmp_path, "tom")[series]
    assert "STATUS" not in toms
    assert toms["SEQUENCE"] == world.monday.sequence
    assert "RRULE" in toms


def test_a_cancellation_is_said_again_for_a_while_then_forgotten(
    world: World, tmp_path: Path
) -> None:
    series = f"rota-{world.thursday.uid}"
    _export(world, tmp_path, ME)
    team = world.store.care_teams.get(world.team.uid)
    _save(world, slots=[s for s in team.slots if s.uid != world.thursday.uid])
    first = _again(world, tmp_path, ME)[series]
    assert first["STATUS"] == "CANCELLED"
    second = _again(world, tmp_path, ME, LATER + timedelta(days=30))[series]
    assert second["STATUS"] == "CANCELLED"
    assert second["SEQUENCE"] == first["SEQUENCE"]  # the same cancellation, said again
    much_later = LATER + timedelta(days=70)
    assert series not in _again(world, tmp_path, ME, much_later)


def test_a_passed_swapped_date_is_forgotten_not_cancelled(world: World, tmp_path: Path) -> None:
    single = f"rota-{world.monday.uid}-20261214"
    _export(world, tmp_path, ME)
    after = _again(world, tmp_path, ME, datetime(2026, 12, 20, 9, tzinfo=LONDON))
    assert single not in after
    uids = {r.uid for r in world.store.calendar.rota.for_supporter(world.team.uid, ME)}
    assert single not in uids


def test_fewer_weeks_do_not_cancel_a_date_still_planned(world: World, tmp_path: Path) -> None:
    far = f"rota-{world.monday.uid}-20270405"
    _export(world, tmp_path, ME)
    path = tmp_path / "short.ics"
    from supportnet.services.rota_export import export_supporter

    export_supporter(
        world.store, path, world.team.uid, ME, ExportOptions(Privacy.DISCREET, 4), LATER
    )
    cal = icalendar.Calendar.from_ical(path.read_bytes())
    assert far not in {str(e["UID"]) for e in cal.walk("VEVENT")}
    assert far in _again(world, tmp_path, ME, LATER + timedelta(hours=1))
    assert WEEKS > 4


def test_memory_is_per_supporter_and_a_failed_write_remembers_nothing(
    world: World, tmp_path: Path
) -> None:
    from supportnet.model.errors import ExportError
    from supportnet.services.rota_export import export_supporter

    with pytest.raises(ExportError):
        export_supporter(
            world.store,
            tmp_path / "missing" / "x.ics",
            world.team.uid,
            ME,
            ExportOptions(Privacy.DISCREET, WEEKS),
            NOW,
        )
    assert world.store.calendar.rota.count() == 0
    _export(world, tmp_path, "shiv")
    assert world.store.calendar.rota.for_supporter(world.team.uid, ME) == ()
    assert [
        r.uid for r in world.store.calendar.rota.for_supporter(world.team.uid, world.refs["shiv"])
    ] == [f"rota-{world.monday.uid}"]


def test_someone_who_left_the_team_can_still_be_given_the_file_that_withdraws_theirs(
    world: World, tmp_path: Path
) -> None:
    import vobject

    from supportnet.services.rota_export import SupporterCalendarExport, supporter_ref

    series = f"rota-{world.monday.uid}"
    _export(world, tmp_path, "shiv")
    team = world.store.care_teams.get(world.team.uid)
    world.store.care_teams.save(team.without_supporter(world.refs["shiv"]))
    team = world.store.care_teams.get(world.team.uid)
    assert world.refs["shiv"] not in team.supporters
    assert supporter_ref(world.store, team, "Auntie Shiv") == world.refs["shiv"]
    with pytest.raises(NotFoundError):
        supporter_ref(world.store, team, "Dan Okafor")  # never given a file, not on the team
    (choice,) = SupporterCalendarExport(world.store).teams()
    assert choice.supporters[-1] == (world.refs["shiv"], "Auntie Shiv (no longer on the team)")
    path = tmp_path / "after.ics"
    export_supporter(
        world.store,
        path,
        team.uid,
        world.refs["shiv"],
        ExportOptions(Privacy.DISCREET, WEEKS),
        LATER,
    )
    data = path.read_bytes()
    (gone,) = icalendar.Calendar.from_ical(data).walk("VEVENT")
    assert (str(gone["UID"]), gone["STATUS"]) == (series, "CANCELLED")
    vobject.readOne(data.decode(), validate=True)  # UID, DTSTAMP and the rest in place
    assert b"\r\n" in data
    assert b"\n" not in data.replace(b"\r\n", b"")
