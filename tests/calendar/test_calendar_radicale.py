"""The exported .ics in a real CalDAV server: Radicale 3, in-process on 127.0.0.1.

Radicale is the one reader that refuses a calendar with two events sharing a UID
(INTEROP.md, ".ics export"). Each test starts its own server on a free port with its
storage in the test's temporary folder and the configuration passed in explicitly (no
config file is read), and stops it afterwards.
"""

from __future__ import annotations

import base64
import http.client
import logging
import os
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

import icalendar
import pytest

from supportnet.calendar import ExportOptions, Privacy
from supportnet.data.store import Store, open_store
from supportnet.services.calendar_export import export
from tests.data.storekit import MemoryKeyring
from tests.services.test_calendar_export import ALARM_MINUTES, SPRING, load_demo_world, uids_of

USER = "tester"
#: Radicale re-serialises every timed item's VTIMEZONE through vobject and pytz, about
#: 0.15 s an event; four weeks ahead (every plan, fewer flexible occurrences) keeps these
#: tests quick. tests/services/test_calendar_export.py checks the 12-week file.
WEEKS = 4
MKCALENDAR_BODY = b"""<?xml version="1.0" encoding="utf-8"?>
<C:mkcalendar xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav">
  <D:set><D:prop><D:displayname>Check-ins</D:displayname></D:prop></D:set>
</C:mkcalendar>
"""


class _QuietHandler(WSGIRequestHandler):
    """wsgiref logs every request to stderr; the test reads the statuses itself."""

    def log_message(self, format: str, *args: object) -> None:
        pass


@dataclass
class CalDav:
    """A running Radicale and how to talk to it."""

    host: str
    port: int
    storage: Path

    def request(
        self, method: str, path: str, body: bytes = b"", content_type: str | None = None
    ) -> tuple[int, bytes]:
        conn = http.client.HTTPConnection(self.host, self.port, timeout=30)
        try:
            token = base64.b64encode(f"{USER}:any password".encode()).decode()
            headers = {"Authorization": f"Basic {token}", "Content-Length": str(len(body))}
            if content_type:
                headers["Content-Type"] = content_type
            conn.request(method, path, body=body, headers=headers)
            response = conn.getresponse()
            return response.status, response.read()
        finally:
            conn.close()

    def make_calendar(self, name: str) -> str:
        path = f"/{USER}/{name}/"
        status, body = self.request(
            "MKCALENDAR", path, MKCALENDAR_BODY, "application/xml; charset=utf-8"
        )
        assert status == 201, (status, body)
        return path


def _tree(folder: Path) -> set[str]:
    return {str(p.relative_to(folder)) for p in folder.rglob("*")} if folder.exists() else set()


@pytest.fixture
def caldav(tmp_path: Path) -> Iterator[CalDav]:
    """Radicale on 127.0.0.1 (a free port), storing in ``tmp_path``; stopped afterwards.

    ``radicale.config.load()`` with no paths reads no configuration file (not the user's,
    not /etc/radicale); every setting that names a place on disk is given here. Auth
    "none" accepts any Basic login as that user; "owner_only" lets them write under
    /<user>/. The test's HOME (a sandbox, see tests/conftest.py) must be untouched.
    """
    import radicale
    import radicale.config

    home = Path(os.environ["HOME"])
    home_before = _tree(home)
    defaults = [Path("/var/lib/radicale"), Path("/etc/radicale")]  # its built-in places
    defaults_before = {p: p.exists() for p in defaults}
    storage = tmp_path / "collections"
    configuration = radicale.config.load()
    configuration.update(
        {
            # No one-second pause before each error response (a brute-force brake).
            "server": {"delay_on_error": "0"},
            "auth": {"type": "none"},
            "rights": {"type": "owner_only"},
            "storage": {"type": "multifilesystem", "filesystem_folder": str(storage)},
            "hook": {"type": "none"},
            "sharing": {"type": "none"},
            "web": {"type": "none"},
        },
        "test",
    )
    # Radicale warns, rightly, that auth "none" is insecure; here it is the point.
    radicale_log = logging.getLogger("radicale")
    level = radicale_log.level
    radicale_log.setLevel(logging.ERROR)
    app = radicale.Application(configuration)
    server: WSGIServer = make_server("127.0.0.1", 0, app, handler_class=_QuietHandler)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    try:
        host, port = server.server_address[:2]
        yield CalDav(str(host), int(port), storage)
    finally:
        server.shutdown()
        thread.join(timeout=10)
        server.server_close()
        radicale_log.setLevel(level)
    assert not thread.is_alive()
    assert _tree(home) == home_before, "Radicale wrote into HOME"
    assert {p: p.exists() for p in defaults} == defaults_before
    assert storage.is_dir(), "Radicale stored into the test's folder"


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[Privacy, bytes]]:
    """The spring demo world exported at each privacy level (reminders on the discreet one)."""
    folder = tmp_path_factory.mktemp("radicale-ics")
    store: Store = open_store(folder / "data", keyring_backend=MemoryKeyring())
    try:
        load_demo_world(store, SPRING)
        files = {}
        for privacy in Privacy:
            alarm = ALARM_MINUTES if privacy is Privacy.DISCREET else None
            options = ExportOptions(privacy, WEEKS, alarm)
            path = folder / f"{privacy.value}.ics"
            files[privacy] = export(store, path, options, SPRING).path.read_bytes()
        yield files
    finally:
        store.close()


def _served_uids(caldav: CalDav, path: str) -> list[str]:
    status, body = caldav.request("GET", path)
    assert status == 200, (status, body)
    cal = icalendar.Calendar.from_ical(body)
    return [str(event["UID"]) for event in cal.walk("VEVENT")]


@pytest.mark.parametrize("privacy", list(Privacy))
def test_radicale_takes_the_whole_file_and_serves_every_event(
    caldav: CalDav, exported: dict[Privacy, bytes], privacy: Privacy
) -> None:
    """PUT the export as a whole calendar collection: 2xx, and a GET of the collection
    gives back every exported UID, once each."""
    data = exported[privacy]
    path = caldav.make_calendar(f"checkins-{privacy.value}")
    status, body = caldav.request("PUT", path, data, "text/calendar; charset=utf-8")
    assert 200 <= status < 300, (status, body)
    served = _served_uids(caldav, path)
    assert sorted(served) == sorted(uids_of(data))
    assert len(served) == len(set(served)) > 15
    stored = [p for p in caldav.storage.rglob("*.ics") if ".Radicale.cache" not in p.parts]
    assert len(stored) == len(served), "one stored item per event"


def test_radicale_refuses_a_file_with_a_duplicate_uid(
    caldav: CalDav, exported: dict[Privacy, bytes]
) -> None:
    """The same file with one VEVENT written twice is refused (4xx) and nothing is stored:
    the check above would catch an export that repeated a UID."""
    data = exported[Privacy.FULL]
    start = data.index(b"BEGIN:VEVENT\r\n")
    end = data.index(b"END:VEVENT\r\n", start) + len(b"END:VEVENT\r\n")
    duplicated = data[:end] + data[start:end] + data[end:]
    uids = uids_of(duplicated)
    assert len(uids) == len(set(uids)) + 1
    path = caldav.make_calendar("duplicated")
    status, body = caldav.request("PUT", path, duplicated, "text/calendar; charset=utf-8")
    assert 400 <= status < 500, (status, body)
    assert _served_uids(caldav, path) == []


def test_radicale_takes_a_moved_occurrence_with_its_series(caldav: CalDav, tmp_path: Path) -> None:
    """A series with one occurrence moved ("Another day…") is one item: the series and
    its override (same UID, a RECURRENCE-ID), served back together."""
    from datetime import timedelta

    from supportnet.model.plans import PlanKind
    from supportnet.scheduling import Postponement, next_occurrence

    store: Store = open_store(tmp_path / "data", keyring_backend=MemoryKeyring())
    try:
        load_demo_world(store, SPRING)
        weekly = next(p for p in store.plans.list_all() if p.kind is PlanKind.FIXED)
        coming = next_occurrence(weekly, SPRING.date())
        assert coming is not None
        assert weekly.id is not None
        store.postponements.postpone(
            Postponement(weekly.id, coming.day + timedelta(days=1), coming.day)
        )
        data = export(store, tmp_path / "moved.ics", ExportOptions(), SPRING).path.read_bytes()
    finally:
        store.close()
    uids = uids_of(data)
    assert uids.count(weekly.uid) == 2
    path = caldav.make_calendar("moved")
    status, body = caldav.request("PUT", path, data, "text/calendar; charset=utf-8")
    assert 200 <= status < 300, (status, body)
    assert sorted(_served_uids(caldav, path)) == sorted(uids)
    stored = [p for p in caldav.storage.rglob("*.ics") if ".Radicale.cache" not in p.parts]
    assert len(stored) == len(set(uids)), "the series and its override are one item"
    _status, served = caldav.request("GET", path)
    moved = [
        e
        for e in icalendar.Calendar.from_ical(served).walk("VEVENT")
        if str(e["UID"]) == weekly.uid and "RECURRENCE-ID" in e
    ]
    assert len(moved) == 1


def test_radicale_takes_each_supporter_s_file_and_all_of_them_with_the_plans(
    caldav: CalDav, tmp_path: Path
) -> None:
    """The demo care team's supporters' files (export-ics --supporter), each as a calendar
    of its own, and every one of their events together with the plan export in one: the
    rota's UIDs never meet a plan's or each other's (Radicale refuses duplicates)."""
    from supportnet.services.rota_export import export_supporter

    store: Store = open_store(tmp_path / "data", keyring_backend=MemoryKeyring())
    try:
        load_demo_world(store, SPRING)
        (team,) = store.care_teams.list()
        options = ExportOptions(Privacy.FIRST_NAME, WEEKS)
        plans = export(store, tmp_path / "plans.ics", options, SPRING).path.read_bytes()
        files = []
        for n, ref in enumerate(team.supporters):
            path = tmp_path / f"supporter-{n}.ics"
            export_supporter(store, path, team.uid, ref, options, SPRING)
            files.append(path.read_bytes())
    finally:
        store.close()
    assert len(files) >= 3
    for n, data in enumerate(files):
        path = caldav.make_calendar(f"supporter-{n}")
        status, body = caldav.request("PUT", path, data, "text/calendar; charset=utf-8")
        assert 200 <= status < 300, (status, body)
        assert sorted(_served_uids(caldav, path)) == sorted(uids_of(data))
    merged = icalendar.Calendar.from_ical(plans)
    for data in files:
        for component in icalendar.Calendar.from_ical(data).subcomponents:
            if component.name == "VEVENT":
                merged.add_component(component)
    together = merged.to_ical()
    path = caldav.make_calendar("everyone")
    status, body = caldav.request("PUT", path, together, "text/calendar; charset=utf-8")
    assert 200 <= status < 300, (status, body)
    served = _served_uids(caldav, path)
    assert sorted(served) == sorted(uids_of(together))
    assert any(uid.startswith("rota-") for uid in served)


def test_radicale_takes_a_supporter_s_re_export_with_its_cancellations(
    caldav: CalDav, tmp_path: Path
) -> None:
    """A supporter's second file, after their slot went to someone else, still has one
    event per UID (the series, now cancelled with a higher SEQUENCE), and Radicale
    stores it over the first under the same UIDs."""
    from supportnet.services.rota_export import export_supporter

    store: Store = open_store(tmp_path / "data", keyring_backend=MemoryKeyring())
    try:
        load_demo_world(store, SPRING)
        (team,) = store.care_teams.list()
        options = ExportOptions(Privacy.DISCREET, WEEKS)
        ref = next(s.supporter for s in team.slots if s.supporter and s.plan.recurrence)
        path = tmp_path / "first.ics"
        export_supporter(store, path, team.uid, ref, options, SPRING)
        first = path.read_bytes()
        # Every slot of theirs goes to the next supporter on the team.
        other = next(s for s in team.supporters if s != ref)
        team.slots = [type(s)(s.plan, other) if s.supporter == ref else s for s in team.slots]
        team.swaps = [s for s in team.swaps if s.supporter != ref]
        store.care_teams.save(team)
        second_path = tmp_path / "second.ics"
        export_supporter(store, second_path, team.uid, ref, options, SPRING)
        second = second_path.read_bytes()
    finally:
        store.close()
    calendar = caldav.make_calendar("supporter")
    for data in (first, second):
        status, body = caldav.request("PUT", calendar, data, "text/calendar; charset=utf-8")
        assert 200 <= status < 300, (status, body)
    status, body = caldav.request("GET", calendar)
    assert status == 200
    served = list(icalendar.Calendar.from_ical(body).walk("VEVENT"))
    before = {str(e["UID"]): e for e in icalendar.Calendar.from_ical(first).walk("VEVENT")}
    assert {str(e["UID"]) for e in served} == set(before)
    for event in served:
        assert event["STATUS"] == "CANCELLED"
        assert event["SEQUENCE"] == before[str(event["UID"])]["SEQUENCE"] + 1
