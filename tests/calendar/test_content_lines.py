"""The direct .ics writer gives exactly the bytes icalendar itself would write."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import icalendar
from hypothesis import given, settings
from hypothesis import strategies as st
from icalendar.parser.string import _foldline

from benchmarks.export import bare_icalendar, same_vtimezones
from supportnet.calendar import (
    ExportEvent,
    ExportOptions,
    Privacy,
    calendar_bytes,
)
from supportnet.calendar.content_lines import escape_text, fold

NOW = datetime(2026, 3, 1, 12, 0, 7, 123456, tzinfo=UTC)
ZONES = ("Europe/London", "America/New_York", "Asia/Kolkata", "UTC", "Etc/UTC")


def reference(events: list[ExportEvent], options: ExportOptions, now: datetime) -> bytes:
    """The same calendar built from icalendar's own components (the benchmark's baseline)."""
    zones = same_vtimezones(events, options.weeks, now)
    return bare_icalendar(events, zones, now, options.alarm_minutes)


texts = st.lists(
    st.one_of(
        st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")),
        st.sampled_from(["\\", ";", ",", "\n", "\r\n", "\r", "^", "é", "🌿", "סלמה", "\\N"]),
    ),
    max_size=120,
).map("".join)


@st.composite
def export_events(draw: st.DrawFn) -> ExportEvent:
    day = date(2026, 1, 1) + timedelta(days=draw(st.integers(0, 700)))
    all_day = draw(st.booleans())
    start: date | datetime
    end: date | datetime
    if all_day:
        start, end = day, day + timedelta(days=1)
    else:
        zone = ZoneInfo(draw(st.sampled_from(ZONES)))
        at = time(draw(st.integers(0, 23)), draw(st.sampled_from([0, 15, 30, 45])))
        start = datetime.combine(day, at, tzinfo=zone)
        end = start + timedelta(minutes=draw(st.integers(1, 600)))
    rrule: dict[str, object] | None = None
    exdates: tuple[date | datetime, ...] = ()
    if draw(st.booleans()):
        rrule = {"FREQ": draw(st.sampled_from(["DAILY", "WEEKLY", "MONTHLY"]))}
        if draw(st.booleans()):
            rrule["INTERVAL"] = draw(st.integers(2, 9))
        if rrule["FREQ"] == "WEEKLY":
            rrule["BYDAY"] = draw(st.lists(st.sampled_from(["MO", "TU", "SA"]), min_size=1))
            rrule["WKST"] = "MO"
        elif rrule["FREQ"] == "MONTHLY":
            if draw(st.booleans()):
                rrule["BYDAY"] = draw(st.sampled_from(["3SA", "-1FR", "5MO"]))
            else:
                rrule["BYMONTHDAY"] = draw(st.integers(1, 31))
        if draw(st.booleans()):
            until = day + timedelta(days=draw(st.integers(0, 400)))
            rrule["UNTIL"] = (
                until
                if all_day
                else datetime.combine(until, time(17, 30), tzinfo=start.tzinfo).astimezone(UTC)  # type: ignore[union-attr]
            )
        count = draw(st.integers(0, 3))
        exdates = tuple(start + timedelta(days=7 * (n + 1)) for n in range(count))
    slot = draw(st.one_of(st.none(), st.integers(0, 40)))
    # A moved occurrence of a series: the start it had, in the same zone (or all-day).
    recurrence_id = None
    if rrule is None and slot is None and draw(st.booleans()):
        recurrence_id = start - timedelta(days=draw(st.integers(1, 9)))
    return ExportEvent(
        plan_id=draw(st.integers(1, 9)),
        uid=draw(st.sampled_from(["6f9619ff-8b86-4011-b42d-00cf4fc964ff", "a,b;c\\d"])),
        summary=draw(texts),
        description=draw(texts),
        start=start,
        end=end,
        sequence=draw(st.integers(0, 30)),
        modified=datetime(2026, 2, 1, 9, 30, 15, 999, tzinfo=UTC),
        who="",
        repeats="",
        rrule=rrule,
        exdates=exdates,
        slot=slot,
        cancelled=slot is not None and draw(st.booleans()),
        recurrence_id=recurrence_id,
    )


@settings(max_examples=150, deadline=None)
@given(
    events=st.lists(export_events(), max_size=6),
    alarm=st.one_of(st.none(), st.sampled_from([0, 15, 90, 1440, 1500, 10080])),
    weeks=st.integers(1, 104),
)
def test_the_file_is_byte_for_byte_what_icalendar_writes(
    events: list[ExportEvent], alarm: int | None, weeks: int
) -> None:
    options = ExportOptions(Privacy.FULL, weeks, alarm)
    assert calendar_bytes(events, options, NOW) == reference(events, options, NOW)


@settings(max_examples=300, deadline=None)
@given(line=texts)
def test_folding_and_escaping_match_icalendar(line: str) -> None:
    escaped = escape_text(line)
    assert escaped == icalendar.vText(line).to_ical().decode("utf-8")
    content = f"DESCRIPTION:{escaped}"
    assert fold(content) == _foldline(content)


def test_a_long_line_of_wide_characters_folds_within_75_octets() -> None:
    line = "DESCRIPTION:" + "🌿" * 40 + "\\" + ";" * 10
    folded = fold(line).encode("utf-8").split(b"\r\n")
    assert len(folded) > 2
    assert all(len(piece) <= 75 for piece in folded)
    assert b"".join(p.removeprefix(b" ") for p in folded).decode("utf-8") == line
