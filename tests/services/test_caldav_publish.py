"""Publishing to a real CalDAV server (Radicale on 127.0.0.1): the calendar is made, events
are put by UID, changed, removed, and a second publish sends nothing; failures are one
sentence and leave the store as it was."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from datetime import date, time, timedelta
from pathlib import Path
from typing import Any

import icalendar
import pytest

from supportnet.calendar import ExportOptions, Privacy
from supportnet.model.care import ME
from supportnet.model.errors import PublishError, UsageError
from supportnet.model.network import ChannelKind, Person
from supportnet.model.plans import Frequency, Plan, PlanKind, Recurrence
from supportnet.services import caldav_publish as publishing
from supportnet.services.caldav_publish import Target, check_target
from tests.services.caldav_server import (
    PASSWORD,
    USER,
    Server,
    closed_port,
    radicale,
    untrusted_tls,
)
from tests.services.test_rota_export import NOW, SUPPORTER_WORDS, World, world

__all__ = ["world"]  # the fixture, used below

OPTIONS = ExportOptions(Privacy.DISCREET, weeks=3)


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Server]:
    with radicale(tmp_path) as running:
        yield running


def _weekly(person_id: int | None, hour: int) -> Plan:
    return Plan(
        kind=PlanKind.FIXED,
        person_id=person_id,
        start_date=date(2026, 12, 7),
        timezone="Europe/London",
        channel=ChannelKind.CALL,
        window_start=time(hour),
        recurrence=Recurrence(Frequency.WEEKLY, weekdays={2}),
    )


@pytest.fixture
def plans(world: World) -> list[Plan]:
    """Two weekly plans and a one-off of the user's own, with people in the network."""
    store = world.store
    dan = next(p for p in store.people.list_all() if p.name == "Dan Okafor")
    mo = store.people.add(Person("Mo Ali"))
    one_off = Plan(
        kind=PlanKind.ONE_OFF,
        person_id=mo.id,
        start_date=date(2026, 12, 12),
        window_start=time(11),
        timezone="Europe/London",
    )
    return [store.plans.add(p) for p in (_weekly(dan.id, 18), _weekly(mo.id, 9), one_off)]


def _target(server: Server, calendar: str = "checkins") -> Target:
    return check_target(server.url(calendar), USER)


def _served(server: Server, calendar: str = "checkins") -> dict[str, icalendar.Event]:
    events = {}
    for data in server.items(calendar).values():
        for event in icalendar.Calendar.from_ical(data).walk("VEVENT"):
            events.setdefault(str(event["UID"]), event)
    return events


def _memory(store: Any) -> list[Any]:
    """Every row of what calendars were given (plan ids here are small)."""
    rows = [*store.calendar.for_plans(list(range(1, 100))), *store.calendar.orphans()]
    return sorted(rows, key=lambda r: r.uid)


def _publish(world: World, server: Server, **kw: Any) -> publishing.Published:
    return publishing.publish_plans(world.store, _target(server), PASSWORD, OPTIONS, NOW, **kw)


def test_first_publish_makes_the_calendar_and_puts_each_event_by_uid(
    world: World, plans: list[Plan], server: Server
) -> None:
    done = _publish(world, server)
    assert server.methods["MKCALENDAR"] == 1
    served = _served(server)
    assert set(served) == {p.uid for p in plans}
    assert done.outcome == publishing.Outcome(3, 0, 0, 0)
    assert done.summary == f"Published 3 check-ins to {server.url()}: 3 new, 0 changed, 0 removed."
    assert set(server.items()) == {f"{p.uid}.ics" for p in plans}, "one resource per UID"
    for event in served.values():
        assert str(event["SUMMARY"]) == "Check-in"
        assert "METHOD" not in str(event)
    status, body = server.request("PROPFIND", f"/{USER}/checkins/")
    assert status == 207
    assert b"Check-ins" in body, "the calendar is named discreetly"


def test_publishing_again_sends_nothing_and_changes_nothing(
    world: World, plans: list[Plan], server: Server
) -> None:
    _publish(world, server)
    before = (server.items(), _memory(world.store))
    server.methods.clear()
    done = _publish(world, server)
    assert done.outcome == publishing.Outcome(0, 0, 0, 3)
    assert done.summary.endswith(": nothing had changed.")
    assert server.methods["PUT"] == server.methods["DELETE"] == 0
    assert server.methods["MKCALENDAR"] == 0
    assert (server.items(), _memory(world.store)) == before


def test_a_day_later_the_repeating_plans_are_left_as_they_are(
    world: World, plans: list[Plan], server: Server
) -> None:
    """Time passing changes no repeating event: a daily publish puts nothing new."""
    _publish(world, server)
    server.methods.clear()
    done = publishing.publish_plans(
        world.store, _target(server), PASSWORD, OPTIONS, NOW + timedelta(days=1)
    )
    assert done.outcome == publishing.Outcome(0, 0, 0, 3)
    assert server.methods["PUT"] == 0


def test_a_flexible_plan_s_days_keep_their_uids_from_one_publish_to_the_next(
    world: World, server: Server
) -> None:
    """Flexible days get uids on the first publish, remembered once the server took them."""
    from supportnet.model.plans import Cadence

    dan = next(p for p in world.store.people.list_all() if p.name == "Dan Okafor")
    world.store.plans.add(
        Plan(
            kind=PlanKind.FLEXIBLE,
            person_id=dan.id,
            start_date=date(2026, 12, 7),
            timezone="Europe/London",
            cadence=Cadence(ideal_days=7),
        )
    )
    first = _publish(world, server)
    assert first.outcome.new >= 3
    assert len(_memory(world.store)) == first.outcome.new
    served = set(_served(server))
    server.methods.clear()
    again = _publish(world, server)
    assert again.outcome == publishing.Outcome(0, 0, 0, first.outcome.new)
    assert server.methods["PUT"] == 0
    assert set(_served(server)) == served


def test_a_changed_plan_is_updated_and_a_removed_one_deleted(
    world: World, plans: list[Plan], server: Server
) -> None:
    _publish(world, server)
    first, second, _one_off = plans
    moved = world.store.plans.update(dataclasses.replace(first, window_start=time(20)))
    world.store.plans.delete(second.id)
    server.methods.clear()
    done = _publish(world, server)
    assert done.outcome == publishing.Outcome(0, 1, 1, 1)
    assert server.methods["PUT"] == 1
    assert server.methods["DELETE"] == 1
    served = _served(server)
    assert second.uid not in served
    assert served[moved.uid]["DTSTART"].dt.hour == 20
    assert served[moved.uid]["SEQUENCE"] > 0, "a new time gets a higher SEQUENCE"


def test_the_user_s_own_events_on_the_calendar_are_left_alone(
    world: World, plans: list[Plan], server: Server
) -> None:
    _publish(world, server)
    own = (
        b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Me//Mine//EN\r\nBEGIN:VEVENT\r\n"
        b"UID:dentist-1\r\nDTSTAMP:20261201T000000Z\r\nDTSTART:20261215T100000Z\r\n"
        b"DTEND:20261215T110000Z\r\nSUMMARY:Dentist\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
    )
    status, _ = server.request("PUT", f"/{USER}/checkins/dentist.ics", own)
    assert status == 201
    for plan in plans:
        world.store.plans.delete(plan.id)
    done = _publish(world, server)
    assert done.outcome.removed == 3
    assert set(_served(server)) == {"dentist-1"}


def test_a_supporter_s_part_names_no_other_supporter(world: World, server: Server) -> None:
    target = _target(server, "shiv")
    done = publishing.publish_supporter(
        world.store, target, PASSWORD, world.team.uid, world.refs["shiv"], OPTIONS, NOW
    )
    assert done.outcome.new == len(_served(server, "shiv")) >= 1
    text = b"".join(server.items("shiv").values()).decode()
    for who, words in SUPPORTER_WORDS.items():
        if who != "shiv":
            assert not [w for w in words if w in text], who
    assert all(uid.startswith("rota-") for uid in _served(server, "shiv"))
    server.methods.clear()
    publishing.publish_supporter(
        world.store, target, PASSWORD, world.team.uid, world.refs["shiv"], OPTIONS, NOW
    )
    assert server.methods["PUT"] == server.methods["DELETE"] == 0


def test_two_sets_on_one_calendar_keep_out_of_each_other_s_way(
    world: World, plans: list[Plan], server: Server
) -> None:
    """The user's plans and their own rota part in one calendar: each publish touches
    only its own events."""
    _publish(world, server)
    publishing.publish_supporter(
        world.store, _target(server), PASSWORD, world.team.uid, ME, OPTIONS, NOW
    )
    both = set(_served(server))
    assert {p.uid for p in plans} < both
    server.methods.clear()
    _publish(world, server)
    assert set(_served(server)) == both
    assert server.methods["DELETE"] == 0


@pytest.mark.parametrize(
    ("make", "words"),
    [
        (lambda s: (s.url(), "wrong password"), "refused the user name or password"),
        (lambda s: (s.url().replace("http:", "https:"), PASSWORD), "secure (TLS) connection"),
        (lambda s: (f"http://127.0.0.1:{closed_port()}/sam/c/", PASSWORD), "Couldn't reach"),
        (lambda s: (s.url().replace(f"/{USER}/", "/kim/"), PASSWORD), "doesn't let sam write"),
    ],
    ids=["401", "tls", "unreachable", "403"],
)
def test_a_failure_is_one_sentence_and_the_store_is_unchanged(
    world: World, plans: list[Plan], server: Server, make: Any, words: str
) -> None:
    url, password = make(server)
    before = _memory(world.store)
    with pytest.raises(PublishError) as caught:
        publishing.publish_plans(world.store, check_target(url, USER), password, OPTIONS, NOW)
    assert words in caught.value.message
    assert "\n" not in caught.value.message
    assert password not in caught.value.message
    assert _memory(world.store) == before
    assert server.items() == {}


def test_a_certificate_no_one_trusts_is_a_tls_failure(world: World, tmp_path: Path) -> None:
    with untrusted_tls(tmp_path) as port:
        target = check_target(f"https://127.0.0.1:{port}/sam/checkins/", USER)
        with pytest.raises(PublishError, match=r"secure \(TLS\) connection to 127\.0\.0\.1"):
            publishing.publish_plans(world.store, target, PASSWORD, OPTIONS, NOW)


def test_a_full_server_says_so_and_the_next_publish_finishes_the_job(
    world: World, plans: list[Plan], server: Server
) -> None:
    server.full = True
    before = _memory(world.store)
    with pytest.raises(PublishError, match="no room left") as caught:
        _publish(world, server)
    assert "507" in caught.value.message
    assert _memory(world.store) == before
    server.full = False
    done = _publish(world, server)
    assert set(_served(server)) == {p.uid for p in plans}
    assert done.outcome.new == 3


def test_an_event_the_server_rejects_is_one_sentence(
    world: World, plans: list[Plan], server: Server, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = publishing.resources_of

    def broken(*args: Any) -> list[Any]:
        found = real(*args)
        bad = dataclasses.replace(found[0], data=b"BEGIN:VCALENDAR\r\nnot a calendar\r\n")
        return [bad, *found[1:]]

    monkeypatch.setattr(publishing, "resources_of", broken)
    before = _memory(world.store)
    with pytest.raises(PublishError, match=r"refused to put an event \(HTTP 400\)"):
        _publish(world, server)
    assert _memory(world.store) == before


def test_only_https_unless_the_server_is_on_this_computer() -> None:
    with pytest.raises(UsageError, match="https://"):
        check_target("http://cloud.example.org/cal/", USER)
    for url in ("http://localhost:5232/a", "http://127.0.0.1/a/", "http://[::1]:8/a/"):
        assert check_target(url, USER).url.endswith("/")
    assert check_target("https://cloud.example.org/cal", USER).url == (
        "https://cloud.example.org/cal/"
    )
    with pytest.raises(UsageError):
        check_target("ftp://example.org/", USER)
    with pytest.raises(UsageError, match="out of the address"):
        check_target("https://sam:pw@example.org/", USER)


@pytest.mark.parametrize("url", ["https://[::1", "https://example.org:abc/cal/", "https://:8/"])
def test_an_address_that_does_not_parse_is_one_usage_line(url: str) -> None:
    with pytest.raises(UsageError, match="Give the calendar's address as https://"):
        check_target(url, USER)
