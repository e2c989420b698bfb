"""The .ics export of the example network, read back by independent parsers and by byte.

INTEROP.md (".ics export") lists what calendar clients need; each test here checks one of
those things on a real export of the demo network in Europe/London. ``now`` is chosen so
the 12-week horizon crosses a daylight-saving change in both London and New York: in
spring (US 8 March, UK 29 March 2026) and in autumn (UK 25 October, US 1 November 2026).
"""

from __future__ import annotations

import os
import re
import uuid
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import pytest
import recurring_ical_events
import vobject

from supportnet.calendar import CALENDAR_NAME, DISCREET_TITLE, ExportOptions, Privacy, Scope
from supportnet.data.store import Store, open_store
from supportnet.demo.loader import load_demo
from supportnet.model.checkins import CheckIn
from supportnet.model.errors import ExportError, NothingToExportError
from supportnet.model.network import ChannelKind, Circle, first_name_of
from supportnet.model.plans import Frequency, Plan, PlanKind, Recurrence
from supportnet.scheduling import flexible_days, local_datetime, occurrences
from supportnet.services.calendar_export import Exported, export
from tests.data.storekit import MemoryKeyring

ZONE = "Europe/London"
LONDON = ZoneInfo(ZONE)
NEW_YORK = ZoneInfo("America/New_York")
WEEKS = 12
ALARM_MINUTES = 15

SPRING = datetime(2026, 3, 1, 12, tzinfo=UTC)  # US clocks change 8 Mar, UK 29 Mar
AUTUMN = datetime(2026, 10, 10, 12, tzinfo=UTC)  # UK clocks change 25 Oct, US 1 Nov
SEASONS = {"spring": SPRING, "autumn": AUTUMN}

#: The options of the three exports each demo world makes: discreet with a reminder,
#: first name and full without one.
OPTIONS = {
    Privacy.DISCREET: ExportOptions(Privacy.DISCREET, WEEKS, ALARM_MINUTES),
    Privacy.FIRST_NAME: ExportOptions(Privacy.FIRST_NAME, WEEKS),
    Privacy.FULL: ExportOptions(Privacy.FULL, WEEKS),
}


# -- the demo network, exported ------------------------------------------------------------------


def today_at(now: datetime) -> date:
    return now.astimezone(LONDON).date()


def load_demo_world(store: Store, now: datetime) -> None:
    """The demo network as of ``now`` in London, plus one all-day weekly plan with an end
    date and a skipped day (the demo has none: it exercises UNTIL and EXDATE as DATEs)."""
    settings = store.settings.load()
    settings.timezone = ZONE
    store.settings.save(settings)
    today = today_at(now)
    load_demo(store, today, ZONE)
    shiv = next(p for p in store.people.list_all() if p.name == "Siobhan Kelly")
    start = today - timedelta(days=3)
    store.plans.add(
        Plan(
            kind=PlanKind.FIXED,
            person_id=shiv.id,
            title="Postcard to Auntie Shiv",
            channel=ChannelKind.LETTER,
            start_date=start,
            timezone=ZONE,
            recurrence=Recurrence(
                frequency=Frequency.WEEKLY,
                weekdays={start.weekday()},
                until=start + timedelta(weeks=6),
                skips={start + timedelta(weeks=2)},
            ),
            message_idea="A postcard from the seaside would make her week.",
            notes="She keeps every one on the fridge.",
        )
    )


@dataclass
class World:
    """One store with the demo network, and its three exports at ``now``."""

    store: Store
    now: datetime
    folder: Path
    exports: dict[Privacy, Exported] = field(default_factory=dict)

    def data(self, privacy: Privacy) -> bytes:
        return self.exports[privacy].path.read_bytes()


def export_all(world: World) -> None:
    for privacy, options in OPTIONS.items():
        path = world.folder / f"{privacy.value}.ics"
        world.exports[privacy] = export(world.store, path, options, world.now)


@pytest.fixture(scope="module")
def worlds(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, World]]:
    """Each season's demo world, made once for the module (tests must not change them).

    A keyring-held key (in memory) keeps opening cheap; the folder is the test's own.
    """
    made: dict[str, World] = {}
    for name, now in SEASONS.items():
        folder = tmp_path_factory.mktemp(f"ics-{name}")
        store = open_store(folder / "data", keyring_backend=MemoryKeyring())
        load_demo_world(store, now)
        world = World(store, now, folder)
        export_all(world)
        made[name] = world
    yield made
    for world in made.values():
        world.store.close()


@pytest.fixture(params=sorted(SEASONS))
def world(request: pytest.FixtureRequest, worlds: dict[str, World]) -> World:
    return worlds[request.param]


@pytest.fixture
def spring(worlds: dict[str, World]) -> World:
    return worlds["spring"]


@pytest.fixture
def demo_store(store: Store) -> Store:
    """A fresh store of the test's own with the spring demo world, for tests that edit it."""
    load_demo_world(store, SPRING)
    return store


# -- reading the bytes ourselves -----------------------------------------------------------------


def unfold(data: bytes) -> bytes:
    """RFC 5545 §3.1: a CRLF followed by one space or tab continues the line."""
    return data.replace(b"\r\n ", b"").replace(b"\r\n\t", b"")


def unescape(text: str) -> str:
    r"""TEXT values escape ``\\``, ``\;``, ``\,`` and newlines (``\n``)."""
    return re.sub(r"\\([\\;,nN])", lambda m: "\n" if m.group(1) in "nN" else m.group(1), text)


@dataclass
class Prop:
    name: str
    params: dict[str, str]
    value: str


@dataclass
class Comp:
    name: str
    props: list[Prop] = field(default_factory=list)
    children: list[Comp] = field(default_factory=list)

    def all(self, name: str) -> list[Prop]:
        return [p for p in self.props if p.name == name]

    def one(self, name: str) -> Prop:
        found = self.all(name)
        assert len(found) == 1, f"{self.name} has {len(found)} {name}: {self.props}"
        return found[0]

    def walk(self, name: str) -> Iterator[Comp]:
        for child in self.children:
            if child.name == name:
                yield child
            yield from child.walk(name)


def _split_outside_quotes(text: str, sep: str, maxsplit: int = -1) -> list[str]:
    parts, current, quoted = [], [], False
    for char in text:
        if char == '"':
            quoted = not quoted
        if char == sep and not quoted and (maxsplit < 0 or len(parts) < maxsplit):
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
    parts.append("".join(current))
    return parts


def parse_line(line: str) -> Prop:
    head, value = _split_outside_quotes(line, ":", 1)
    name, *params = _split_outside_quotes(head, ";")
    return Prop(name.upper(), dict(p.split("=", 1) for p in params), value)


def parse_raw(data: bytes) -> Comp:
    """The component tree of the file, from the unfolded content lines."""
    lines = unfold(data).decode("utf-8").split("\r\n")
    assert lines[-1] == "", "the file ends with CRLF"
    root = Comp("ROOT")
    stack = [root]
    for line in lines[:-1]:
        assert line, "no empty content lines"
        prop = parse_line(line)
        if prop.name == "BEGIN":
            comp = Comp(prop.value.upper())
            stack[-1].children.append(comp)
            stack.append(comp)
        elif prop.name == "END":
            assert stack.pop().name == prop.value.upper()
        else:
            stack[-1].props.append(prop)
    assert stack == [root]
    assert [c.name for c in root.children] == ["VCALENDAR"]
    return root.children[0]


def events_of(data: bytes) -> list[Comp]:
    return list(parse_raw(data).walk("VEVENT"))


def uids_of(data: bytes) -> list[str]:
    return [e.one("UID").value for e in events_of(data)]


def uid_owners(store: Store) -> dict[str, int]:
    """Which plan each calendar uid belongs to, from the store itself: a fixed or one-off
    plan's own uid, or a stored flexible occurrence slot's."""
    owners = {plan.uid: plan.id for plan in store.plans.list_all() if plan.id is not None}
    for plan_id, uid in store.db.execute(
        "SELECT plan_id, uid FROM calendar_events WHERE slot IS NOT NULL"
    ):
        owners[uid] = int(plan_id)
    return owners


def plan_titled(store: Store, title: str) -> Plan:
    return next(p for p in store.plans.list_all() if p.title == title)


# -- expansion, compared with the app's own schedule ---------------------------------------------

Instant = tuple[str, datetime | date, datetime | date]  # (kind, start, end), UTC or dates


@dataclass(frozen=True)
class Window:
    """London days ``first`` to ``last`` inclusive, and the instants they span."""

    first: date
    last: date

    @property
    def lo(self) -> datetime:
        return datetime.combine(self.first, time(0), tzinfo=LONDON)

    @property
    def hi(self) -> datetime:
        return datetime.combine(self.last + timedelta(days=1), time(0), tzinfo=LONDON)

    def holds(self, start: datetime | date) -> bool:
        if isinstance(start, datetime):
            return self.lo <= start < self.hi
        return self.first <= start <= self.last


def _moment(kind: str, start: datetime | date, end: datetime | date) -> Instant:
    if isinstance(start, datetime):
        assert isinstance(end, datetime)
        assert start.tzinfo is not None, "a timed event is never floating"
        return (kind, start.astimezone(UTC), end.astimezone(UTC))
    return (kind, start, end)


def expand(cal: icalendar.Calendar, window: Window) -> dict[str, list[Instant]]:
    """recurring-ical-events' occurrences starting in ``window``, by UID."""
    found: dict[str, list[Instant]] = defaultdict(list)
    margin = timedelta(days=2)
    for event in recurring_ical_events.of(cal).between(window.lo - margin, window.hi + margin):
        start, end = event["DTSTART"].dt, event["DTEND"].dt
        if window.holds(start):
            kind = "timed" if isinstance(start, datetime) else "day"
            found[str(event["UID"])].append(_moment(kind, start, end))
    return {uid: sorted(items, key=repr) for uid, items in found.items()}


def expected_fixed(plan: Plan, window: Window) -> list[Instant]:
    """``schedule.occurrences`` of a fixed or one-off plan that start in ``window``."""
    out = []
    for occ in occurrences(plan, window.first - timedelta(days=1), window.last + timedelta(days=1)):
        if occ.start is None or occ.end is None:
            moment = _moment("day", occ.day, occ.day + timedelta(days=1))
        else:
            moment = _moment("timed", occ.start, occ.end)
        if window.holds(moment[1]):
            out.append(moment)
    return sorted(out, key=repr)


def expected_flexible(store: Store, plan: Plan, now: datetime) -> list[Instant]:
    """``schedule.flexible_days`` over the export horizon, at the plan's window."""
    if plan.person_id is not None:
        last = store.checkins.last_contact_by_person().get(plan.person_id)
    else:
        assert plan.group_id is not None
        last = store.checkins.last_contact_by_group().get(plan.group_id)
    today = now.astimezone(plan.zone).date()
    postponements = store.postponements.list_active(today_at(now))
    last_day = today + timedelta(days=7 * WEEKS - 1)
    out = []
    for day in flexible_days(plan, last, postponements, now, last_day):
        assert plan.window_start is not None  # every demo flexible plan has a window
        start = local_datetime(day, plan.window_start, plan.zone)
        out.append(_moment("timed", start, start + timedelta(minutes=plan.duration_minutes)))
    return sorted(out, key=repr)


def only_vtimezones(data: bytes) -> bytes:
    """The file with its zones renamed to names no library knows, so a parser can only
    use the file's own VTIMEZONEs (icalendar otherwise looks the IANA name up). Fresh names
    each call: icalendar caches zones by TZID."""
    tag = uuid.uuid4().hex[:8]
    out = unfold(data)
    for zone in (b"Europe/London", b"America/New_York"):
        out = out.replace(
            zone, b"SupportNet-Test-" + tag.encode() + b"-" + zone.replace(b"/", b"-")
        )
    return out


def horizon(now: datetime) -> Window:
    today = today_at(now)
    return Window(today, today + timedelta(days=7 * WEEKS - 1))


def expansion_by_plan(data: bytes, store: Store, window: Window) -> dict[int, list[Instant]]:
    """The expansion grouped by plan; a flexible occurrence's UID is a single event."""
    owners = uid_owners(store)
    slot_uids = {
        uid for (uid,) in store.db.execute("SELECT uid FROM calendar_events WHERE slot IS NOT NULL")
    }
    by_plan: dict[int, list[Instant]] = defaultdict(list)
    for uid, items in expand(icalendar.Calendar.from_ical(data), window).items():
        assert uid in owners, f"UID {uid} belongs to no stored plan or slot"
        if uid in slot_uids:
            assert len(items) == 1, f"flexible occurrence {uid} happens {len(items)} times"
        by_plan[owners[uid]].extend(items)
    return {plan_id: sorted(items, key=repr) for plan_id, items in by_plan.items()}


# -- re-parsing with independent readers ---------------------------------------------------------


@pytest.mark.parametrize("privacy", list(Privacy))
def test_icalendar_reads_it_without_errors_or_missing_zones(world: World, privacy: Privacy) -> None:
    """icalendar parses every component cleanly and finds a VTIMEZONE for every TZID."""
    cal = icalendar.Calendar.from_ical(world.data(privacy))
    assert cal.get_missing_tzids() == set()
    components = list(cal.walk())
    assert {c.name for c in components} >= {"VCALENDAR", "VTIMEZONE", "VEVENT"}
    assert [(c.name, c.errors) for c in components if c.errors] == []


@pytest.mark.parametrize("privacy", list(Privacy))
def test_vobject_validates_it(world: World, privacy: Privacy) -> None:
    """vobject's validating reader (it insists on UID and DTSTAMP) accepts the file."""
    cal = vobject.readOne(world.data(privacy).decode("utf-8"), validate=True)
    assert len(cal.vevent_list) == len(world.exports[privacy].events)


@pytest.mark.parametrize("zones", ["iana-names", "vtimezone-only"])
def test_expansion_matches_the_schedule_over_the_horizon(world: World, zones: str) -> None:
    """recurring-ical-events expands the file to exactly the instants the app schedules.

    Fixed and one-off plans against ``schedule.occurrences``, flexible plans against
    ``schedule.flexible_days``; start and end, in UTC, plan by plan. "vtimezone-only"
    renames the zones so that only the file's VTIMEZONEs can place the times.
    """
    data = world.data(Privacy.FULL)
    if zones == "vtimezone-only":
        data = only_vtimezones(data)
    window = horizon(world.now)
    actual = expansion_by_plan(data, world.store, window)
    expected: dict[int, list[Instant]] = {}
    for plan in world.store.plans.list_all():
        assert plan.id is not None
        if plan.kind is PlanKind.FLEXIBLE:
            found = expected_flexible(world.store, plan, world.now)
        else:
            found = expected_fixed(plan, window)
        if found:
            expected[plan.id] = found
    assert len(expected) == len(world.store.plans.list_all()), "every demo plan has a date"
    assert actual == expected


@pytest.mark.parametrize("zones", ["iana-names", "vtimezone-only"])
def test_fixed_plans_expand_correctly_for_a_whole_year(world: World, zones: str) -> None:
    """Fixed plans run on past the horizon: over a year (both changes in both zones, the
    end of the plan with an end date, its skipped week) they still match the schedule."""
    data = world.data(Privacy.FULL)
    if zones == "vtimezone-only":
        data = only_vtimezones(data)
    today = today_at(world.now)
    window = Window(today, today + timedelta(days=365))
    actual = expansion_by_plan(data, world.store, window)
    fixed = [p for p in world.store.plans.list_all() if p.kind is PlanKind.FIXED]
    for plan in fixed:
        assert plan.id is not None
        assert actual.get(plan.id, []) == expected_fixed(plan, window), plan.title
    ended = [p for p in fixed if p.recurrence and p.recurrence.until]
    assert len(ended) == 2, "the lunch walks and the postcards end inside the year"


@pytest.mark.parametrize("zones", ["iana-names", "vtimezone-only"])
def test_jamies_call_keeps_new_york_time_and_moves_in_london(spring: World, zones: str) -> None:
    """Jamie's fortnightly call is at the same New York wall time before and after the US
    change on 8 March; in London it is an hour earlier only from 8 to 28 March, while just
    one of the two zones has changed its clocks."""
    plan = plan_titled(spring.store, "Video call with Jamie")
    assert plan.timezone == "America/New_York"
    assert plan.window_start is not None
    data = spring.data(Privacy.FULL)
    if zones == "vtimezone-only":
        data = only_vtimezones(data)
    window = Window(date(2026, 2, 1), date(2026, 4, 30))
    starts = [m[1] for m in expand(icalendar.Calendar.from_ical(data), window)[plan.uid]]
    assert isinstance(starts[0], datetime)
    usual = plan.window_start.hour + 5  # New York is five hours behind London in winter
    periods = {"before": 0, "only US changed": 0, "both changed": 0}
    for start in starts:
        assert isinstance(start, datetime)
        in_ny = start.astimezone(NEW_YORK)
        assert (in_ny.hour, in_ny.minute) == (plan.window_start.hour, plan.window_start.minute)
        day = in_ny.date()
        in_london = start.astimezone(LONDON)
        if day < date(2026, 3, 8):
            periods["before"] += 1
            assert in_london.hour == usual
        elif day < date(2026, 3, 29):
            periods["only US changed"] += 1
            assert in_london.hour == usual - 1
        else:
            periods["both changed"] += 1
            assert in_london.hour == usual
    assert all(periods.values()), periods


@pytest.mark.parametrize("zones", ["iana-names", "vtimezone-only"])
def test_the_london_weekly_call_stays_at_six_across_the_uk_change(world: World, zones: str) -> None:
    """Sunday's call with Mum is at 18:00 London time every week; in UTC it moves by an
    hour on the Sunday the UK clocks change (29 March, 25 October)."""
    plan = plan_titled(world.store, "Sunday call with Mum")
    data = world.data(Privacy.FULL)
    if zones == "vtimezone-only":
        data = only_vtimezones(data)
    change = date(2026, 3, 29) if world.now == SPRING else date(2026, 10, 25)
    window = Window(change - timedelta(weeks=2), change + timedelta(weeks=2))
    starts = [m[1] for m in expand(icalendar.Calendar.from_ical(data), window)[plan.uid]]
    assert len(starts) == 5
    for start in starts:
        assert isinstance(start, datetime)
        assert start.astimezone(LONDON).time() == time(18, 0)
    utc_hours = {start.date(): start.astimezone(UTC).hour for start in starts}
    summer, winter = 17, 18
    before, after = (winter, summer) if world.now == SPRING else (summer, winter)
    assert utc_hours[change - timedelta(weeks=1)] == before
    assert utc_hours[change] == after


# -- the bytes -----------------------------------------------------------------------------------


@pytest.mark.parametrize("privacy", list(Privacy))
def test_crlf_lines_folded_at_75_octets(world: World, privacy: Privacy) -> None:
    """Every line ends in CRLF (no bare LF or CR), none is over 75 octets, and folding
    never splits a UTF-8 character (each physical line decodes on its own)."""
    data = world.data(privacy)
    assert data.endswith(b"\r\n")
    assert re.search(rb"(?<!\r)\n", data) is None, "bare LF"
    assert re.search(rb"\r(?!\n)", data) is None, "bare CR"
    lines = data.split(b"\r\n")[:-1]
    assert max(len(line) for line in lines) <= 75
    for line in lines:
        line.decode("utf-8")


def test_the_file_has_non_ascii_text_to_fold(spring: World) -> None:
    """The full export carries non-ASCII names (Lucía, سلمى, נועה), so the folding test
    above sees multi-byte characters near folds."""
    text = unfold(spring.data(Privacy.FULL)).decode("utf-8")
    assert "Lucía" in text
    assert "سلمى حداد" in text


@pytest.mark.parametrize("privacy", list(Privacy))
def test_until_is_utc_for_zoned_events_and_a_date_for_all_day_ones(
    world: World, privacy: Privacy
) -> None:
    """RFC 5545 §3.3.10: with a TZID on DTSTART, UNTIL ends in Z; with a DATE, it is a DATE."""
    seen = {"zoned": 0, "all-day": 0}
    for event in events_of(world.data(privacy)):
        dtstart = event.one("DTSTART")
        for rrule in event.all("RRULE"):
            parts = dict(part.split("=", 1) for part in rrule.value.split(";"))
            if "UNTIL" not in parts:
                continue
            if "TZID" in dtstart.params:
                assert re.fullmatch(r"\d{8}T\d{6}Z", parts["UNTIL"]), rrule.value
                seen["zoned"] += 1
            else:
                assert dtstart.params.get("VALUE") == "DATE"
                assert re.fullmatch(r"\d{8}", parts["UNTIL"]), rrule.value
                seen["all-day"] += 1
    assert seen == {"zoned": 1, "all-day": 1}


def _value_form(value: str) -> str:
    if re.fullmatch(r"\d{8}", value):
        return "date"
    if re.fullmatch(r"\d{8}T\d{6}", value):
        return "local"
    if re.fullmatch(r"\d{8}T\d{6}Z", value):
        return "utc"
    raise AssertionError(f"not a DATE or DATE-TIME: {value!r}")


@pytest.mark.parametrize("privacy", list(Privacy))
def test_exdate_has_dtstarts_value_type_and_zone(world: World, privacy: Privacy) -> None:
    """Each EXDATE has DTSTART's TZID and VALUE, and its values have DTSTART's form."""
    seen = 0
    for event in events_of(world.data(privacy)):
        dtstart = event.one("DTSTART")
        for exdate in event.all("EXDATE"):
            seen += 1
            assert exdate.params.get("TZID") == dtstart.params.get("TZID")
            assert exdate.params.get("VALUE", "DATE-TIME") == dtstart.params.get(
                "VALUE", "DATE-TIME"
            )
            for value in exdate.value.split(","):
                assert _value_form(value) == _value_form(dtstart.value)
    assert seen == 2, "the lunch walks and the postcards each skip a week"


@pytest.mark.parametrize("privacy", list(Privacy))
def test_calendar_properties(world: World, privacy: Privacy) -> None:
    """VERSION:2.0, a PRODID, METHOD:PUBLISH (never REQUEST) and the name twice."""
    cal = parse_raw(world.data(privacy))
    assert cal.one("VERSION").value == "2.0"
    assert cal.one("PRODID").value.startswith("-//")
    assert cal.one("METHOD").value == "PUBLISH"
    assert cal.one("NAME").value == CALENDAR_NAME
    assert cal.one("X-WR-CALNAME").value == CALENDAR_NAME
    assert {c.name for c in cal.children} == {"VTIMEZONE", "VEVENT"}, "VEVENTs only, no VTODO"


@pytest.mark.parametrize("privacy", list(Privacy))
def test_every_event_is_stamped_modified_and_sequenced(world: World, privacy: Privacy) -> None:
    """DTSTAMP is the export time in UTC; LAST-MODIFIED (UTC) and SEQUENCE are on every event."""
    stamp = world.now.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    events = events_of(world.data(privacy))
    assert len(events) == len(world.exports[privacy].events)
    for event in events:
        assert event.one("DTSTAMP").value == stamp
        assert re.fullmatch(r"\d{8}T\d{6}Z", event.one("LAST-MODIFIED").value)
        assert re.fullmatch(r"\d+", event.one("SEQUENCE").value)
        assert event.one("UID").value


def test_one_display_alarm_per_event_when_a_reminder_is_asked_for(spring: World) -> None:
    """With ``alarm_minutes`` every event has exactly one VALARM: DISPLAY, -PT15M."""
    events = events_of(spring.data(Privacy.DISCREET))
    assert events
    for event in events:
        alarms = [c for c in event.children if c.name == "VALARM"]
        assert len(alarms) == 1
        alarm = alarms[0]
        assert alarm.one("ACTION").value == "DISPLAY"
        assert alarm.one("TRIGGER").value == f"-PT{ALARM_MINUTES}M"
        assert alarm.one("DESCRIPTION").value  # required for DISPLAY (RFC 5545 §3.6.6)


@pytest.mark.parametrize("privacy", [Privacy.FIRST_NAME, Privacy.FULL])
def test_no_alarm_without_a_reminder(spring: World, privacy: Privacy) -> None:
    """Without ``alarm_minutes`` there is no VALARM at all."""
    cal = parse_raw(spring.data(privacy))
    assert list(cal.walk("VALARM")) == []


@pytest.mark.parametrize("privacy", list(Privacy))
def test_all_day_events_are_dates_and_timed_ones_carry_a_zone(
    world: World, privacy: Privacy
) -> None:
    """All-day: DTSTART;VALUE=DATE, DTEND the next day, no TZID. Timed: DTSTART and DTEND
    with a TZID, never UTC and never floating."""
    all_day = 0
    for event in events_of(world.data(privacy)):
        start, end = event.one("DTSTART"), event.one("DTEND")
        if start.params.get("VALUE") == "DATE":
            all_day += 1
            assert "TZID" not in start.params
            assert "TZID" not in end.params
            assert end.params.get("VALUE") == "DATE"
            first = datetime.strptime(start.value, "%Y%m%d").date()
            assert datetime.strptime(end.value, "%Y%m%d").date() == first + timedelta(days=1)
        else:
            for prop in (start, end):
                assert prop.params.get("TZID") in {"Europe/London", "America/New_York"}
                assert _value_form(prop.value) == "local"
    assert all_day >= 2, "the birthday card and the postcards are all-day"


@pytest.mark.parametrize("privacy", list(Privacy))
def test_one_vtimezone_per_zone_in_yearly_rule_form(world: World, privacy: Privacy) -> None:
    """Every TZID used has exactly one VTIMEZONE; London's and New York's observances are
    each one ``RRULE:FREQ=YEARLY;BYMONTH=…;BYDAY=…`` and no RDATE (INTEROP.md)."""
    cal = parse_raw(world.data(privacy))
    used = {
        prop.params["TZID"]
        for event in cal.walk("VEVENT")
        for prop in event.props
        if "TZID" in prop.params
    }
    assert used == {"Europe/London", "America/New_York"}
    zones = [tz.one("TZID").value for tz in cal.walk("VTIMEZONE")]
    assert sorted(zones) == sorted(used)
    for tz in cal.walk("VTIMEZONE"):
        observances = tz.children
        assert sorted(o.name for o in observances) == ["DAYLIGHT", "STANDARD"]
        for observance in observances:
            assert observance.all("RDATE") == []
            rule = observance.one("RRULE").value
            parts = dict(part.split("=", 1) for part in rule.split(";"))
            assert parts.keys() == {"FREQ", "BYMONTH", "BYDAY"}, rule
            assert parts["FREQ"] == "YEARLY"
            assert re.fullmatch(r"-?\d[A-Z]{2}", parts["BYDAY"]), rule
            observance.one("DTSTART")
            observance.one("TZOFFSETFROM")
            observance.one("TZOFFSETTO")


# -- identity ------------------------------------------------------------------------------------


@pytest.mark.parametrize("privacy", list(Privacy))
def test_uids_are_unique_within_a_file(world: World, privacy: Privacy) -> None:
    uids = uids_of(world.data(privacy))
    assert len(uids) == len(set(uids)) > 20


def test_uids_are_the_same_in_a_second_export(spring: World, tmp_path: Path) -> None:
    """Exporting the same store again with the same options gives every event its UID and
    SEQUENCE back: re-importing updates events instead of duplicating them."""
    again = export(spring.store, tmp_path / "again.ics", OPTIONS[Privacy.FULL], spring.now)
    assert again.path.read_bytes() != b""

    def identity(data: bytes) -> list[tuple[str, str, str]]:
        return sorted(
            (e.one("UID").value, e.one("SEQUENCE").value, e.one("DTSTART").value)
            for e in events_of(data)
        )

    assert identity(again.path.read_bytes()) == identity(spring.data(Privacy.FULL))


def test_uids_are_the_same_at_every_privacy_level(spring: World) -> None:
    """Changing how much the file says does not change which events it describes."""
    uids = {privacy: sorted(uids_of(spring.data(privacy))) for privacy in Privacy}
    assert uids[Privacy.DISCREET] == uids[Privacy.FIRST_NAME] == uids[Privacy.FULL]


def test_uids_are_stored_uuids_not_rowids(spring: World, demo_store: Store, tmp_path: Path) -> None:
    """A fixed or one-off plan's UID is its stored ``plan.uid``; a flexible occurrence's is
    its stored slot's. None is a number, and two stores holding the same network (so the
    same rowids) share no UID."""
    plans = {p.id: p for p in spring.store.plans.list_all()}
    owners = uid_owners(spring.store)
    data = spring.data(Privacy.FULL)
    for uid in uids_of(data):
        assert not uid.isdigit()
        assert uuid.UUID(uid)
        owner = plans[owners[uid]]
        if owner.kind is not PlanKind.FLEXIBLE:
            assert uid == owner.uid
    other = export(demo_store, tmp_path / "other.ics", OPTIONS[Privacy.FULL], SPRING)
    assert sorted(p.id for p in demo_store.plans.list_all()) == sorted(plans)
    assert set(uids_of(other.path.read_bytes())).isdisjoint(uids_of(data))


def _by_uid(data: bytes) -> dict[str, Comp]:
    return {e.one("UID").value: e for e in events_of(data)}


def test_a_new_time_keeps_the_uid_and_raises_the_sequence(
    demo_store: Store, tmp_path: Path
) -> None:
    """Moving the Sunday call from 18:00 to 19:30 keeps its UID; its SEQUENCE goes up and
    DTSTART says 19:30; the other events keep their SEQUENCE."""
    path = tmp_path / "plan.ics"
    before = _by_uid(export(demo_store, path, OPTIONS[Privacy.FULL], SPRING).path.read_bytes())
    plan = plan_titled(demo_store, "Sunday call with Mum")
    plan.window_start, plan.window_end = time(19, 30), time(20, 30)
    demo_store.plans.update(plan)
    after = _by_uid(export(demo_store, path, OPTIONS[Privacy.FULL], SPRING).path.read_bytes())
    assert after.keys() == before.keys()
    old, new = before[plan.uid], after[plan.uid]
    assert int(new.one("SEQUENCE").value) > int(old.one("SEQUENCE").value)
    assert new.one("DTSTART").value.endswith("T193000")
    assert new.one("LAST-MODIFIED").value >= old.one("LAST-MODIFIED").value
    for uid in before.keys() - {plan.uid}:
        assert after[uid].one("SEQUENCE").value == before[uid].one("SEQUENCE").value


def test_a_new_message_idea_keeps_the_sequence(demo_store: Store, tmp_path: Path) -> None:
    """Only timing changes re-sequence an event; new words do not."""
    path = tmp_path / "plan.ics"
    before = _by_uid(export(demo_store, path, OPTIONS[Privacy.FULL], SPRING).path.read_bytes())
    plan = plan_titled(demo_store, "Sunday call with Mum")
    plan.message_idea = "Ask about the garden."
    demo_store.plans.update(plan)
    data = export(demo_store, path, OPTIONS[Privacy.FULL], SPRING).path.read_bytes()
    after = _by_uid(data)
    assert after[plan.uid].one("SEQUENCE").value == before[plan.uid].one("SEQUENCE").value
    assert "Ask about the garden." in unescape(unfold(data).decode("utf-8"))


def _import(calendar: dict[str, Comp], data: bytes) -> None:
    """What a calendar that updates by UID does on import (Google, khal): a newer or equal
    SEQUENCE replaces the event it has; STATUS:CANCELLED removes it."""
    for uid, event in _by_uid(data).items():
        have = calendar.get(uid)
        sequence = int(event.one("SEQUENCE").value)
        if have is not None and int(have.one("SEQUENCE").value) > sequence:
            continue
        if any(p.value == "CANCELLED" for p in event.all("STATUS")):
            calendar.pop(uid, None)
        else:
            calendar[uid] = event


def test_a_check_in_moves_flexible_slots_without_duplicates(
    demo_store: Store, tmp_path: Path
) -> None:
    """After ringing Grandad his flexible occurrences start ten days on. Importing the first
    export and then the second leaves exactly the new days in the calendar, each once: a
    day still planned keeps its UID and SEQUENCE, and the one no longer due is cancelled.
    Everyone else's events are untouched."""
    path = tmp_path / "plan.ics"
    plan = plan_titled(demo_store, "Ring Grandad")
    assert plan.kind is PlanKind.FLEXIBLE
    first = export(demo_store, path, OPTIONS[Privacy.FULL], SPRING)
    before = _by_uid(path.read_bytes())
    calendar: dict[str, Comp] = {}
    _import(calendar, path.read_bytes())
    grandad_before = {e.uid for e in first.events if e.plan_id == plan.id}
    demo_store.checkins.add(
        CheckIn(
            at=SPRING - timedelta(hours=1),
            person_id=plan.person_id,
            channel=ChannelKind.CALL,
            plan_id=plan.id,
        )
    )
    second = export(demo_store, path, OPTIONS[Privacy.FULL], SPRING)
    after = _by_uid(path.read_bytes())
    _import(calendar, path.read_bytes())
    grandad_after = [e for e in second.events if e.plan_id == plan.id]
    assert grandad_after, "Grandad still has occurrences ahead"
    assert grandad_after[0].start.date() == today_at(SPRING) + timedelta(days=10)
    # The calendar now holds exactly the new days for Grandad, each once.
    in_calendar = sorted(
        event.one("DTSTART").value
        for uid, event in calendar.items()
        if uid in grandad_before or uid in {e.uid for e in grandad_after}
    )
    assert in_calendar == sorted(after[e.uid].one("DTSTART").value for e in grandad_after)
    assert len(set(in_calendar)) == len(in_calendar)
    assert second.cancelled >= 1
    # A file with cancelled events is as valid as any other, and they carry no reminder.
    data = path.read_bytes()
    vobject.readOne(data.decode("utf-8"), validate=True)
    parsed = icalendar.Calendar.from_ical(data)
    gone = [e for e in parsed.walk("VEVENT") if str(e.get("STATUS", "")) == "CANCELLED"]
    assert len(gone) == second.cancelled
    assert all(not e.walk("VALARM") for e in gone)
    with_alarm = export(demo_store, path, OPTIONS[Privacy.DISCREET], SPRING)
    assert with_alarm.cancelled == second.cancelled
    parsed = icalendar.Calendar.from_ical(path.read_bytes())
    for event in parsed.walk("VEVENT"):
        cancelled = str(event.get("STATUS", "")) == "CANCELLED"
        assert len(event.walk("VALARM")) == (0 if cancelled else 1)
    kept = [event for event in grandad_after if event.uid in before]
    assert kept
    for event in kept:
        old, new = before[event.uid], after[event.uid]
        same_time = old.one("DTSTART").value == new.one("DTSTART").value
        bump = 0 if same_time else 1
        assert int(new.one("SEQUENCE").value) == int(old.one("SEQUENCE").value) + bump
    others = set(before) - grandad_before
    assert others
    for uid in others:
        for name in ("SEQUENCE", "DTSTART", "DTEND"):
            assert after[uid].one(name).value == before[uid].one(name).value


# -- what is included ----------------------------------------------------------------------------


def test_paused_plans_are_left_out(demo_store: Store, tmp_path: Path) -> None:
    """Pausing a fixed and a flexible plan takes all their events out (written once more
    as cancelled, so calendars that have them drop them); the rest stay as they were."""
    path = tmp_path / "plan.ics"
    before = set(uids_of(export(demo_store, path, OPTIONS[Privacy.FULL], SPRING).path.read_bytes()))
    owners = uid_owners(demo_store)
    paused = [
        plan_titled(demo_store, "Sunday call with Mum"),
        plan_titled(demo_store, "Ring Grandad"),
    ]
    for plan in paused:
        plan.paused = True
        demo_store.plans.update(plan)
    data = export(demo_store, path, OPTIONS[Privacy.FULL], SPRING).path.read_bytes()
    active = {
        e.one("UID").value
        for e in events_of(data)
        if not any(p.value == "CANCELLED" for p in e.all("STATUS"))
    }
    paused_ids = {p.id for p in paused}
    gone = {uid for uid in before if owners[uid] in paused_ids}
    assert len(gone) >= 2
    assert active == before - gone
    assert set(uids_of(data)) - active == gone


def _exported_plan_ids(world: World, scope: Scope, tmp_path: Path) -> set[int]:
    path = tmp_path / "scoped.ics"
    export(world.store, path, OPTIONS[Privacy.FULL], world.now, scope)
    owners = uid_owners(world.store)
    return {owners[uid] for uid in uids_of(path.read_bytes())}


def test_scope_by_chosen_people_and_groups(spring: World, tmp_path: Path) -> None:
    """Choosing Jamie, Priya and the walking club exports only their plans."""
    store = spring.store
    people = {p.name: p.id for p in store.people.list_all()}
    groups = {g.name: g.id for g in store.groups.list_all()}
    targets = frozenset(
        {
            ("person", people["Jamie Chen"]),
            ("person", people["Priya Sharma"]),
            ("group", groups["Riverside walking club"]),
        }
    )
    expected = {
        plan.id
        for plan in store.plans.list_all()
        if ("person", plan.person_id) in targets or ("group", plan.group_id) in targets
    }
    assert len(expected) == 3
    assert _exported_plan_ids(spring, Scope(targets=targets), tmp_path) == expected


def test_scope_by_circle(spring: World, tmp_path: Path) -> None:
    """Choosing the inner circle exports only plans with people and groups in it."""
    store = spring.store
    circles = {("person", p.id): p.circle for p in store.people.list_all()}
    circles.update({("group", g.id): g.circle for g in store.groups.list_all()})
    expected = {
        plan.id
        for plan in store.plans.list_all()
        if circles[("person", plan.person_id) if plan.person_id else ("group", plan.group_id)]
        is Circle.INNER
    }
    assert 0 < len(expected) < len(store.plans.list_all())
    assert _exported_plan_ids(spring, Scope(circle=Circle.INNER), tmp_path) == expected


# -- privacy -------------------------------------------------------------------------------------


@dataclass
class Secrets:
    """What the demo network says, by kind, as the privacy levels treat it."""

    names: set[str] = field(default_factory=set)  # full names, first names, nicknames
    surnames: set[str] = field(default_factory=set)
    notes: set[str] = field(default_factory=set)  # people's, plans', groups', check-ins'
    channels: set[str] = field(default_factory=set)  # phone numbers, handles, addresses
    titles: set[str] = field(default_factory=set)
    ideas: set[str] = field(default_factory=set)
    groups: set[str] = field(default_factory=set)  # names, places, links
    other: set[str] = field(default_factory=set)  # best times

    def everything(self) -> set[str]:
        return (
            (self.names | self.surnames | self.notes | self.channels | self.titles | self.ideas)
            | self.groups
            | self.other
        )


def _usable(text: str) -> bool:
    """Short ASCII strings ("Mum", "Dan", "Pri", "Tom") are skipped: three letters or fewer
    occur inside ordinary words and tokens ("Dan" in "Redundant"), so finding one proves
    nothing. Non-ASCII ones (the Hebrew surname לוי) are kept: nothing else in an export is
    written in those scripts."""
    text = text.strip()
    return len(text) >= 4 or (bool(text) and not text.isascii())


def secrets_of(store: Store) -> Secrets:
    found = Secrets()
    for person in store.people.list_all():
        assert person.id is not None
        found.names |= {person.name, person.nickname, first_name_of(person.name)}
        words = person.name.split()
        if len(words) > 1:
            found.surnames.add(words[-1])
        found.notes.add(person.notes)
        found.channels |= {c.value for c in person.channels}
        found.other.add(person.best_times)
        found.notes |= {c.note for c in store.checkins.for_person(person.id)}
    for group in store.groups.list_all():
        assert group.id is not None
        found.groups |= {group.name, group.place, group.link}
        found.notes.add(group.notes)
        found.notes |= {c.note for c in store.checkins.for_group(group.id)}
    for plan in store.plans.list_all():
        found.titles.add(plan.title)
        found.notes.add(plan.notes)
        found.ideas.add(plan.message_idea)
    for name in ("names", "surnames", "notes", "channels", "titles", "ideas", "groups", "other"):
        setattr(found, name, {s.strip() for s in getattr(found, name) if _usable(s)})
    return found


def haystacks(data: bytes) -> dict[str, str]:
    """The file as written, unfolded (a fold can split a name), and unescaped (``\\,``)."""
    unfolded = unfold(data).decode("utf-8")
    return {
        "as written": data.decode("utf-8"),
        "unfolded": unfolded,
        "unescaped": unescape(unfolded),
    }


def leaks(data: bytes, secrets: set[str]) -> list[tuple[str, str]]:
    return sorted(
        (how, secret)
        for how, text in haystacks(data).items()
        for secret in secrets
        if secret.casefold() in text.casefold()
    )


def test_the_secrets_are_real(spring: World) -> None:
    """The lists the privacy tests search for are full, and found in the store's own words:
    an empty list would make those tests pass vacuously."""
    secrets = secrets_of(spring.store)
    people = secrets.names | secrets.surnames
    assert {"Margaret Hughes", "Hughes", "Okafor", "לוי", "Grandad"} <= people
    assert "07700 900461" in secrets.channels
    assert "@quietfern on the forum" in secrets.channels
    assert "You don't have to speak. Turning up counts." in secrets.notes
    assert "Hi Mum, how was your week?" in secrets.ideas
    assert "Riverside walking club" in secrets.groups
    assert len(secrets.notes) > 40
    assert len(secrets.surnames) >= 20
    assert not {"Mum", "Dan", "Pri", "Tom"} & secrets.names


def test_discreet_export_says_nothing_about_anyone(spring: World) -> None:
    """No name, surname, nickname, note, phone number or handle, title, message idea or
    group detail anywhere in the bytes (as written, unfolded and unescaped, ignoring case);
    every SUMMARY is "Check-in", every event CLASS:PRIVATE with no DESCRIPTION or LOCATION."""
    data = spring.data(Privacy.DISCREET)
    # The app's own name says what the calendar is about, so it counts as a secret here.
    assert leaks(data, secrets_of(spring.store).everything() | {"SupportNet"}) == []
    events = events_of(data)
    assert events
    for event in events:
        assert event.one("SUMMARY").value == DISCREET_TITLE
        assert event.one("CLASS").value == "PRIVATE"
        assert event.all("DESCRIPTION") == []
        assert event.all("LOCATION") == []
        for alarm in event.children:
            assert alarm.one("DESCRIPTION").value == DISCREET_TITLE


def test_first_name_export_has_no_surnames_or_notes(spring: World) -> None:
    """First names and nicknames only ("Call Mum", "See Noa"): no surname, no note."""
    data = spring.data(Privacy.FIRST_NAME)
    secrets = secrets_of(spring.store)
    assert leaks(data, secrets.surnames | secrets.notes) == []
    summaries = {e.one("SUMMARY").value for e in events_of(data)}
    assert "Call Mum" in summaries
    assert "Video call with Jamie" in summaries


def test_full_export_has_no_notes_but_has_message_ideas(spring: World) -> None:
    """Full names and message ideas are written; private notes never are."""
    data = spring.data(Privacy.FULL)
    secrets = secrets_of(spring.store)
    assert leaks(data, secrets.notes) == []
    text = haystacks(data)["unescaped"]
    exported = set(uid_owners(spring.store)[uid] for uid in uids_of(data))
    ideas = [p.message_idea for p in spring.store.plans.list_all() if p.id in exported]
    assert len([i for i in ideas if i]) >= 10
    for idea in ideas:
        assert idea in text
    assert "Margaret Hughes" in text


# -- bad targets ---------------------------------------------------------------------------------


# These use the shared spring store, which has plenty to export: an export that failed
# only for want of events would raise NothingToExportError, itself an ExportError.


def _assert_human(error: ExportError) -> None:
    message = str(error)
    assert message.endswith("."), message
    assert "Errno" not in message, message
    assert "Traceback" not in message, message


def _assert_about_the_path(error: ExportError) -> None:
    """Refused for the place, not for want of events."""
    assert not isinstance(error, NothingToExportError)
    _assert_human(error)


def test_a_folder_that_does_not_exist(spring: World, tmp_path: Path) -> None:
    target = tmp_path / "missing" / "plan.ics"
    with pytest.raises(ExportError) as caught:
        export(spring.store, target, OPTIONS[Privacy.FULL], SPRING)
    _assert_about_the_path(caught.value)
    assert "missing" in str(caught.value)
    assert not target.parent.exists()


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write in a read-only folder")
def test_a_read_only_folder(spring: World, tmp_path: Path) -> None:
    """Can't write there: a human error, the existing file is untouched, no temp file."""
    folder = tmp_path / "locked"
    folder.mkdir()
    target = folder / "plan.ics"
    target.write_bytes(b"an older calendar\r\n")
    folder.chmod(0o500)
    try:
        with pytest.raises(ExportError) as caught:
            export(spring.store, target, OPTIONS[Privacy.FULL], SPRING)
        _assert_about_the_path(caught.value)
        assert sorted(os.listdir(folder)) == ["plan.ics"]
        assert target.read_bytes() == b"an older calendar\r\n"
    finally:
        folder.chmod(0o700)


def test_a_path_that_is_a_folder(spring: World, tmp_path: Path) -> None:
    target = tmp_path / "plan.ics"
    target.mkdir()
    with pytest.raises(ExportError) as caught:
        export(spring.store, target, OPTIONS[Privacy.FULL], SPRING)
    _assert_about_the_path(caught.value)
    assert target.is_dir()
    assert list(target.iterdir()) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["plan.ics"]


def test_a_failed_write_keeps_the_old_file_and_leaves_no_temp_file(
    spring: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """If the final rename fails (a full disk, a vanished folder), the old file stays as it
    was and the temporary file is removed."""
    from supportnet.services import calendar_export

    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "plan.ics"
    target.write_bytes(b"an older calendar\r\n")

    def refuse(*_args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(calendar_export.os, "replace", refuse)
    with pytest.raises(ExportError) as caught:
        export(spring.store, target, OPTIONS[Privacy.FULL], SPRING)
    _assert_about_the_path(caught.value)
    assert sorted(os.listdir(folder)) == ["plan.ics"]
    assert target.read_bytes() == b"an older calendar\r\n"


def test_nothing_to_export_leaves_an_existing_file_alone(store: Store, tmp_path: Path) -> None:
    """An empty store: NothingToExportError (an ExportError), and the file that was there
    is byte-identical afterwards, with no temporary file beside it."""
    folder = tmp_path / "out"
    folder.mkdir()
    target = folder / "plan.ics"
    target.write_bytes(b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n")
    with pytest.raises(NothingToExportError) as caught:
        export(store, target, OPTIONS[Privacy.FULL], SPRING)
    assert isinstance(caught.value, ExportError)
    _assert_human(caught.value)
    assert sorted(os.listdir(folder)) == ["plan.ics"]
    assert target.read_bytes() == b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n"


def test_only_paused_plans_is_nothing_to_export(demo_store: Store, tmp_path: Path) -> None:
    for plan in demo_store.plans.list_all():
        demo_store.plans.update(replace(plan, paused=True))
    target = tmp_path / "plan.ics"
    with pytest.raises(NothingToExportError):
        export(demo_store, target, OPTIONS[Privacy.FULL], SPRING)
    assert not target.exists()
