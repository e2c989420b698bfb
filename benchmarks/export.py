"""Calendar export of 2,000 plans over 52 weeks, against bare ``icalendar`` in the same run.

Builds a real encrypted store (in-memory keyring, temporary folder) with 1,500 people,
100 groups, 20,000 check-ins and 2,000 plans: 60% fixed (weekly, monthly by date and by
weekday, daily; some with skipped days or an end date; some all-day) in Europe/London,
America/New_York, Australia/Sydney and Asia/Kolkata, 30% flexible (ideally every 7-30
days), 10% one-off, about 5% paused.

Measured, end to end, is ``supportnet.services.calendar_export.export(store, path,
ExportOptions(weeks=52), now)``: reading plans, people, groups and last contacts, laying
out the events, matching them with what calendars were given last time (stored uids and
SEQUENCEs), writing the VTIMEZONEs and VEVENTs (``supportnet.calendar.content_lines`` writes the
content lines directly) and the file atomically (temp file, fsync, rename), then
remembering what was written.

- ``first_export_s``: the first export, which also remembers every event it wrote.
- ``export_s``: the median of later exports (everything known, nothing new to remember).
- ``baseline_s``: the same events, already computed, put into a bare ``icalendar.Calendar``
  with the same properties on each VEVENT (uid, dtstamp, dtstart, dtend, summary,
  description, class, sequence, last-modified, transp, rrule, exdate) and the same
  VTIMEZONE components (made once, outside the timing), then ``to_ical()`` and written
  with ``Path.write_bytes``. The two files must be identical, or the run fails.
- ``ratio``: ``export_s / baseline_s``; the goal is at most 1.5.

The first export is the warm-up; then ROUNDS interleaved rounds, medians; then the two
files are compared byte for byte (so the direct writer is checked against icalendar on
~14,000 events). Bare icalendar needs about half a millisecond per event, so one baseline
of ~14,000 events takes 6-9 s: ROUNDS is 3 to keep the run near a minute, ``--rounds N``
asks for more. ``--profile`` prints a cProfile of one steady-state export instead.

Run: `.venv/bin/python -m benchmarks.export`.
"""

from __future__ import annotations

import argparse
import cProfile
import pstats
import random
import statistics
import tempfile
import time
import uuid
from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import icalendar

from benchmarks.store_open import MemoryKeyring
from benchmarks.synthetic import fill
from supportnet.calendar import CALENDAR_NAME, PRODID, ExportEvent, ExportOptions, zone_windows
from supportnet.calendar.timezones import vtimezone
from supportnet.data.store import Store, open_store
from supportnet.model.network import ChannelKind, Circle, GroupKind, LifeDomain
from supportnet.services import calendar_export

PEOPLE = 1500
GROUPS = 100
CHECKINS = 20_000
PLANS = 2000
WEEKS = 52
ROUNDS = 3
ZONES = ("Europe/London", "America/New_York", "Australia/Sydney", "Asia/Kolkata")
ZONE_WEIGHTS = (45, 30, 15, 10)


def add_groups_and_channels(store: Store, *, seed: int = 3) -> None:
    """Groups, and a way to reach most people (their preferred one names the event)."""
    rng = random.Random(seed)
    stamp = datetime.now(UTC).replace(tzinfo=None).isoformat(" ")
    conn = store.db.connection()
    conn.execute("BEGIN")
    conn.executemany(
        "INSERT INTO community_groups (id, uid, name, kind, circle, domain, meeting_schedule, "
        "place, link, notes, created_at, updated_at) VALUES (?,?,?,?,?,?,'','','','',?,?)",
        [
            (
                gid,
                str(uuid.uuid4()),
                f"Group {gid}",
                rng.choice(list(GroupKind)).value,
                rng.choice(list(Circle)).value,
                rng.choice(list(LifeDomain)).value,
                stamp,
                stamp,
            )
            for gid in range(1, GROUPS + 1)
        ],
    )
    kinds = [k.value for k in ChannelKind]
    rows = []
    for pid in range(1, PEOPLE + 1):
        for position in range(rng.choice((0, 1, 1, 2))):
            rows.append((pid, position, rng.choice(kinds), "x", position == 1))
    conn.executemany(
        "INSERT INTO person_channels (person_id, position, kind, value, preferred) "
        "VALUES (?,?,?,?,?)",
        rows,
    )
    conn.execute("COMMIT")


def add_export_plans(store: Store, today: date, *, seed: int = 11) -> None:
    """PLANS plans: 60% fixed, 30% flexible, 10% one-off; about 5% paused."""
    rng = random.Random(seed)
    stamp = datetime.now(UTC).replace(tzinfo=None).isoformat(" ")
    plans = []
    skips = []
    for plan_id in range(1, PLANS + 1):
        roll = rng.random()
        kind = "fixed" if roll < 0.6 else "flexible" if roll < 0.9 else "one_off"
        on_group = rng.random() < 0.1
        window = (
            None
            if rng.random() < 0.15
            else f"{rng.randrange(7, 22):02d}:{rng.choice((0, 30)):02d}:00"
        )
        start = today + timedelta(days=rng.randrange(-700, 60))
        row: dict[str, object] = {
            "id": plan_id,
            "uid": str(uuid.uuid4()),
            "person_id": None if on_group else rng.randrange(PEOPLE) + 1,
            "group_id": rng.randrange(GROUPS) + 1 if on_group else None,
            "kind": kind,
            "title": rng.choice(("", "", "", "Sunday catch-up", "Coffee and a walk")),
            "channel": rng.choice((None, None, "call", "text", "video", "in_person")),
            "timezone": rng.choices(ZONES, ZONE_WEIGHTS)[0],
            "start_date": start.isoformat(),
            "window_start": window,
            "duration": rng.choice((15, 30, 60)),
            "message_idea": rng.choice(("", "Ask how the new job is going")),
            "paused": rng.random() < 0.05,
            "frequency": None,
            "interval": None,
            "weekdays": None,
            "monthly_mode": None,
            "month_day": None,
            "nth": None,
            "nth_weekday": None,
            "until": None,
            "ideal_days": None,
            "too_long_days": None,
            "stamp": stamp,
        }
        if kind == "fixed":
            frequency = rng.choices(("weekly", "monthly", "daily"), (55, 30, 15))[0]
            row["frequency"] = frequency
            row["interval"] = rng.choice((1, 1, 1, 2, 3))
            if frequency == "weekly":
                days = sorted(rng.sample(range(7), rng.choice((1, 1, 2, 3))))
                row["weekdays"] = ",".join(map(str, days))
            elif frequency == "monthly":
                if rng.random() < 0.6:
                    row["monthly_mode"] = "by_date"
                    row["month_day"] = rng.randrange(1, 32)
                else:
                    row["monthly_mode"] = "by_weekday"
                    row["nth"] = rng.choice((1, 2, 3, 4, -1))
                    row["nth_weekday"] = rng.randrange(7)
            if rng.random() < 0.25:
                until = max(start, today + timedelta(days=rng.randrange(-60, 500)))
                row["until"] = until.isoformat()
            for _ in range(rng.choice((0, 0, 0, 1, 3))):
                skips.append((plan_id, (today + timedelta(days=rng.randrange(-30, 200)))))
        elif kind == "flexible":
            ideal = rng.randrange(7, 31)
            row["ideal_days"] = ideal
            row["too_long_days"] = ideal * 2
        else:
            row["start_date"] = (today + timedelta(days=rng.randrange(-14, 7 * 60))).isoformat()
        plans.append(row)
    conn = store.db.connection()
    conn.execute("BEGIN")
    conn.executemany(
        "INSERT INTO plans (id, uid, person_id, group_id, kind, title, channel, timezone, "
        "start_date, window_start, window_end, duration_minutes, message_idea, notes, paused, "
        "sequence, frequency, interval, weekdays, monthly_mode, month_day, nth, nth_weekday, "
        "until, ideal_days, too_long_days, created_at, updated_at) VALUES (:id, :uid, "
        ":person_id, :group_id, :kind, :title, :channel, :timezone, :start_date, "
        ":window_start, NULL, :duration, :message_idea, 'a private note', :paused, 0, "
        ":frequency, :interval, :weekdays, :monthly_mode, :month_day, :nth, :nth_weekday, "
        ":until, :ideal_days, :too_long_days, :stamp, :stamp)",
        plans,
    )
    conn.executemany(
        "INSERT OR IGNORE INTO plan_skips (plan_id, day) VALUES (?, ?)",
        [(plan_id, day.isoformat()) for plan_id, day in skips],
    )
    conn.execute("COMMIT")


def bare_icalendar(
    events: Sequence[ExportEvent],
    zones: Sequence[icalendar.Timezone],
    now: datetime,
    alarm_minutes: int | None = None,
) -> bytes:
    """The same calendar, written straight with icalendar: what any exporter must pay.

    Also the reference tests/calendar/test_content_lines.py compares the direct writer with.
    """
    stamp = now.astimezone(UTC).replace(microsecond=0)
    cal = icalendar.Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("name", CALENDAR_NAME)
    cal.add("x-wr-calname", CALENDAR_NAME)
    for zone in zones:
        cal.add_component(zone)
    for event in events:
        vevent = icalendar.Event()
        vevent.add("uid", event.uid)
        vevent.add("dtstamp", stamp)
        vevent.add("dtstart", event.start)
        vevent.add("dtend", event.end)
        vevent.add("summary", event.summary)
        if event.description:
            vevent.add("description", event.description)
        vevent.add("class", "PRIVATE")
        vevent.add("sequence", event.sequence)
        if event.recurrence_id is not None:
            vevent.add("recurrence-id", event.recurrence_id)
        vevent.add("last-modified", event.modified.replace(microsecond=0))
        if event.flexible:
            vevent.add("transp", "TRANSPARENT")
        if event.cancelled:
            vevent.add("status", "CANCELLED")
        if event.rrule is not None:
            vevent.add("rrule", dict(event.rrule))
        if event.exdates:
            vevent.add("exdate", list(event.exdates))
        if alarm_minutes is not None and not event.cancelled:
            alarm = icalendar.Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("description", event.summary)
            alarm.add("trigger", timedelta(minutes=-alarm_minutes))
            vevent.add_component(alarm)
        cal.add_component(vevent)
    data: bytes = cal.to_ical()
    return data


def same_vtimezones(
    events: Sequence[ExportEvent], weeks: int, now: datetime
) -> list[icalendar.Timezone]:
    """The VTIMEZONEs the export writes for ``events``, over :func:`zone_windows`."""
    windows = zone_windows(events, weeks, now)
    return [vtimezone(zone, *windows[zone]) for zone in sorted(windows)]


def _timed(func: Callable[[], object]) -> float:
    start = time.perf_counter()
    func()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=ROUNDS)
    parser.add_argument("--profile", action="store_true")
    args = parser.parse_args()
    options = ExportOptions(weeks=WEEKS)
    with (
        tempfile.TemporaryDirectory() as tmp,
        open_store(Path(tmp) / "data", keyring_backend=MemoryKeyring()) as store,
    ):
        started = time.perf_counter()
        now = datetime.now(UTC).replace(microsecond=0)
        fill(store, PEOPLE, CHECKINS)
        add_groups_and_channels(store)
        add_export_plans(store, now.date())
        setup_s = time.perf_counter() - started
        out = Path(tmp) / "supportnet-plan.ics"
        bare = Path(tmp) / "bare.ics"

        started = time.perf_counter()
        exported = calendar_export.export(store, out, options, now)
        first_export_s = time.perf_counter() - started
        events = exported.events
        zones = same_vtimezones(events, WEEKS, now)

        def run_export() -> None:
            calendar_export.export(store, out, options, now)

        def run_baseline() -> None:
            bare.write_bytes(bare_icalendar(events, zones, now))

        if args.profile:
            profiler = cProfile.Profile()
            profiler.runcall(run_export)
            stats = pstats.Stats(profiler)
            stats.sort_stats("cumulative").print_stats(40)
            stats.sort_stats("tottime").print_stats(25)
            return

        export_times: list[float] = []
        baseline_times: list[float] = []
        for _ in range(args.rounds):
            export_times.append(_timed(run_export))
            baseline_times.append(_timed(run_baseline))
        if bare.read_bytes() != out.read_bytes():
            raise SystemExit("the baseline does not write the same file as the export")
        if store.calendar.count() != len(events):
            raise SystemExit("later exports should remember exactly the events they wrote")

    export_s = statistics.median(export_times)
    baseline_s = statistics.median(baseline_times)
    print(f"plans: {PLANS}, weeks: {WEEKS}, size: {exported.size} bytes, setup_s: {setup_s:.1f}")
    print(f"events: {len(events)}")
    print(f"first_export_s: {first_export_s:.3f}  (creates the flexible slots' uids)")
    print(f"export_s: {export_s:.3f}")
    print(f"baseline_s: {baseline_s:.3f}  (bare icalendar, same events and VTIMEZONEs)")
    print(f"ratio: {export_s / baseline_s:.2f}")


if __name__ == "__main__":
    main()
