"""Publishing again later, after a slot changes hands, or before a file export: only what
an event means decides whether it is sent again, a slot goes with its supporter, and the
file export's memory is the file export's own."""

from __future__ import annotations

import dataclasses
from datetime import timedelta
from pathlib import Path

import icalendar
import pytest

from supportnet.calendar import CANCEL_REPEAT_DAYS
from supportnet.model.care import ME
from supportnet.services import caldav_publish as publishing
from supportnet.services.calendar_export import export
from tests.services.caldav_server import PASSWORD, USER, Server
from tests.services.test_caldav_publish import (
    NOW,
    OPTIONS,
    World,
    _served,
    _target,
    plans,
    server,
    world,
)

__all__ = ["plans", "server", "world"]  # fixtures, used below


@pytest.mark.parametrize("later", [timedelta(hours=1), timedelta(days=1)], ids=["hour", "day"])
def test_a_supporter_s_part_published_again_later_sends_nothing(
    world: World, server: Server, later: timedelta
) -> None:
    """LAST-MODIFIED of a rota event is the moment of export (nothing remembers it), so it
    must not decide whether an event changed."""
    target = _target(server)
    refs = (world.refs["shiv"], world.refs["priya"], ME)
    for ref in refs:
        publishing.publish_supporter(
            world.store, target, PASSWORD, world.team.uid, ref, OPTIONS, NOW
        )
    before = set(_served(server))
    server.methods.clear()
    for ref in (world.refs["shiv"], ME):
        done = publishing.publish_supporter(
            world.store, target, PASSWORD, world.team.uid, ref, OPTIONS, NOW + later
        )
        assert done.outcome.new == done.outcome.changed == done.outcome.removed == 0, ref
    assert server.methods["PUT"] == server.methods["DELETE"] == 0
    done = publishing.publish_supporter(
        world.store, target, PASSWORD, world.team.uid, world.refs["priya"], OPTIONS, NOW + later
    )
    assert done.outcome.changed == 0
    # Priya's flexible slot is expected from today while nobody has checked in on Dan, so
    # a day later its days (and only those) are a day later; her one-off stays as it was.
    moved = before ^ set(_served(server))
    if later.days:
        assert moved  # the flexible slot's days did move on
    else:
        assert not moved
    assert all(uid.startswith(f"rota-{world.flexible.uid}-") for uid in moved)
    assert done.outcome.new == done.outcome.removed == (len(moved) // 2 if later.days else 0)
    assert f"rota-{world.saturday.uid}-20261212" in _served(server)


@pytest.mark.parametrize("later", [timedelta(hours=1), timedelta(days=1)], ids=["hour", "day"])
def test_the_user_s_plans_published_again_later_send_nothing(
    world: World, plans: list, server: Server, later: timedelta
) -> None:
    target = _target(server)
    publishing.publish_plans(world.store, target, PASSWORD, OPTIONS, NOW)
    server.methods.clear()
    done = publishing.publish_plans(world.store, target, PASSWORD, OPTIONS, NOW + later)
    assert done.outcome.new == done.outcome.changed == done.outcome.removed == 0
    assert server.methods["PUT"] == server.methods["DELETE"] == 0


def _reassign(world: World, slot_uid: str, to: str) -> None:
    team = world.store.care_teams.get(world.team.uid)
    slots = [
        dataclasses.replace(slot, supporter=to) if slot.plan.uid == slot_uid else slot
        for slot in team.slots
    ]
    world.store.care_teams.save(dataclasses.replace(team, slots=slots))


def _set_of(event: icalendar.Event) -> str:
    return str(event["X-CHECKINS-SET"])


def test_a_slot_given_to_another_supporter_goes_to_their_set(world: World, server: Server) -> None:
    """Shiv's Monday series is on the calendar; the slot goes to Tom: Tom's publish takes
    the event over (same UID, now marked as his), and Shiv's next publish leaves it be."""
    target, team = _target(server), world.team.uid
    shiv, tom = world.refs["shiv"], world.refs["tom"]
    series = f"rota-{world.monday.uid}"
    publishing.publish_supporter(world.store, target, PASSWORD, team, shiv, OPTIONS, NOW)
    assert _set_of(_served(server)[series]) == publishing.supporter_set(team, shiv)
    _reassign(world, world.monday.uid, tom)
    done = publishing.publish_supporter(world.store, target, PASSWORD, team, tom, OPTIONS, NOW)
    assert done.outcome.new == done.events >= 1
    assert "left alone" not in done.summary
    assert _set_of(_served(server)[series]) == publishing.supporter_set(team, tom)
    again = publishing.publish_supporter(world.store, target, PASSWORD, team, shiv, OPTIONS, NOW)
    served = _served(server)
    assert series in served, "Tom's event stays"
    assert _set_of(served[series]) == publishing.supporter_set(team, tom)
    shiv_set = publishing.supporter_set(team, shiv)
    assert not [uid for uid, event in served.items() if _set_of(event) == shiv_set]
    assert again.outcome.new == 0


@pytest.mark.parametrize("mark", ["", "another team"], ids=["unmarked", "other-team"])
def test_an_event_of_the_same_uid_from_elsewhere_is_left_alone_and_said(
    world: World, server: Server, mark: str
) -> None:
    """An event SupportNet didn't put there, or another team's, is never replaced, and the
    summary says how many were left alone."""
    target, team, shiv = _target(server), world.team.uid, world.refs["shiv"]
    series = f"rota-{world.monday.uid}"
    marked = f"X-CHECKINS-SET:{publishing.supporter_set(mark, shiv)}\r\n" if mark else ""
    theirs = (
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Me//Mine//EN\r\nBEGIN:VEVENT\r\n"
        f"UID:{series}\r\nDTSTAMP:20261201T000000Z\r\nDTSTART:20261215T100000Z\r\n"
        f"DTEND:20261215T110000Z\r\nSUMMARY:Mine\r\n{marked}END:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    assert server.request("MKCALENDAR", f"/{USER}/checkins/")[0] == 201
    status, _ = server.request("PUT", f"/{USER}/checkins/{series}.ics", theirs.encode())
    assert status == 201
    done = publishing.publish_supporter(world.store, target, PASSWORD, team, shiv, OPTIONS, NOW)
    assert str(_served(server)[series]["SUMMARY"]) == "Mine"
    assert done.outcome.skipped == 1
    assert done.summary.endswith(
        "1 left alone: the calendar already has an event with its id that SupportNet "
        "didn't put there."
    )
    assert "\n" not in done.summary


def _cancelled_in(path: Path) -> set[str]:
    found = icalendar.Calendar.from_ical(path.read_bytes()).walk("VEVENT")
    return {str(e["UID"]) for e in found if str(e.get("STATUS", "")) == "CANCELLED"}


@pytest.mark.parametrize("publish", [False, True], ids=["file-only", "published-between"])
def test_publishing_leaves_the_file_export_s_cancellations_as_they_were(
    world: World, plans: list, server: Server, tmp_path: Path, publish: bool
) -> None:
    """A plan given to calendars by a file, then deleted: the next file says it is
    cancelled, even long after, whether or not the plans were published in between (a
    live calendar deletes the event; the file's calendars only learn it from a file)."""
    store = world.store
    export(store, tmp_path / "first.ics", OPTIONS, NOW)
    gone = plans[1]
    store.plans.delete(gone.id)
    if publish:
        publishing.publish_plans(store, _target(server), PASSWORD, OPTIONS, NOW)
        assert gone.uid not in _served(server)
    later = NOW + timedelta(days=CANCEL_REPEAT_DAYS + 5)
    export(store, tmp_path / "later.ics", OPTIONS, later)
    assert gone.uid in _cancelled_in(tmp_path / "later.ics")


def _shiv_leaves_after_a_file(world: World, tmp_path: Path) -> None:
    """Shiv is given a file of her part, then leaves the team (her slot becomes open)."""
    from supportnet.services.rota_export import export_supporter

    shiv = world.refs["shiv"]
    export_supporter(world.store, tmp_path / "shiv.ics", world.team.uid, shiv, OPTIONS, NOW)
    team = world.store.care_teams.get(world.team.uid)
    world.store.care_teams.save(team.without_supporter(shiv))


def test_the_publish_dialog_offers_who_the_export_dialog_does(world: World, tmp_path: Path) -> None:
    """One list for both: display names, and someone who left but has some of the team."""
    from supportnet.services.rota_export import SupporterCalendarExport

    _shiv_leaves_after_a_file(world, tmp_path)
    offered = publishing.CalendarPublishing(world.store).teams()
    assert offered == SupporterCalendarExport(world.store).teams()
    (team,) = offered
    assert dict(team.supporters) == {
        world.refs["priya"]: "Priya Raman",
        world.refs["tom"]: "Tom Reed",
        ME: "You",
        world.refs["shiv"]: "Auntie Shiv (no longer on the team)",
    }


def test_publishing_a_former_supporter_s_part_removes_their_events(
    world: World, server: Server, tmp_path: Path
) -> None:
    target, team, shiv = _target(server), world.team.uid, world.refs["shiv"]
    publishing.publish_supporter(world.store, target, PASSWORD, team, shiv, OPTIONS, NOW)
    had = len(_served(server))
    assert had >= 1
    _shiv_leaves_after_a_file(world, tmp_path)
    done = publishing.publish_supporter(world.store, target, PASSWORD, team, shiv, OPTIONS, NOW)
    assert done.events == 0
    assert done.outcome.removed == had
    assert _served(server) == {}


def test_the_password_s_environment_variable_is_named_once() -> None:
    from supportnet.cli import caldav_commands

    root = Path(publishing.__file__).parents[1]
    named = [
        path.relative_to(root).as_posix()
        for path in root.rglob("*.py")
        if '"SUPPORTNET_CALDAV_PASSWORD"' in path.read_text(encoding="utf-8")
    ]
    assert named == ["__init__.py"]  # the package constants, light to import
    assert caldav_commands.PASSWORD_ENV is publishing.PASSWORD_ENV
