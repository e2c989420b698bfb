"""Plans and the export preview say :func:`supportnet.scheduling.when.when`'s answer in words:
today's occurrence that has begun first ("Earlier today, 12:30"), then the next one."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from supportnet.model.plans import Frequency, Plan, PlanKind, Recurrence
from supportnet.scheduling import Postponement
from supportnet.ui.calendar.texts import when_text
from supportnet.ui.plans.wording import next_short, next_text

LONDON = ZoneInfo("Europe/London")
ZONE = "Europe/London"
NOW = datetime(2026, 11, 25, 17, 30, tzinfo=LONDON)  # a Wednesday
TODAY = NOW.date()


def walk(zone: str = ZONE, at: time = time(12, 30)) -> Plan:
    return Plan(
        id=1,
        kind=PlanKind.FIXED,
        person_id=1,
        start_date=date(2026, 10, 14),
        timezone=zone,
        window_start=at,
        recurrence=Recurrence(frequency=Frequency.WEEKLY, weekdays={2}),
    )


def test_plans_say_earlier_today_then_the_next() -> None:
    assert next_short(walk(), NOW, ZONE) == "Earlier today, 12:30 · next Wed 2 Dec"
    assert next_text(walk(), NOW, ZONE) == (
        "Earlier today, 12:30 — later is fine too. Next: Wed 2 Dec, 12:30"
    )
    # Before 12:30 it is simply next, today.
    morning = NOW.replace(hour=9)
    assert next_short(walk(), morning, ZONE) == "Wed 25 Nov, 12:30"
    assert next_text(walk(), morning, ZONE) == "Next: Wed 25 Nov, 12:30"


def test_in_touch_today_drops_later_is_fine_too() -> None:
    lunch = NOW.replace(hour=13)
    assert next_text(walk(), NOW, ZONE, lunch) == "Earlier today, 12:30. Next: Wed 2 Dec, 12:30"


def test_a_time_that_differs_next_week_is_said() -> None:
    # 13:00 in New York: 18:00 in London now, and still so next week (both on winter time).
    plan = walk("America/New_York", time(13, 0))
    late = NOW.replace(hour=19)
    assert next_short(plan, late, ZONE) == "Earlier today, 18:00 · next Wed 2 Dec"
    assert next_text(plan, late, ZONE) == (
        "Earlier today, 18:00 your time — later is fine too. "
        "Next: Wed 2 Dec, 13:00 (your time 18:00)"
    )


def test_a_moved_walk_is_where_the_agenda_puts_it() -> None:
    moved = [Postponement(1, date(2026, 11, 27), from_date=TODAY)]
    assert next_short(walk(), NOW, ZONE, postponements=moved) == "Fri 27 Nov, 12:30"


def test_the_export_preview_says_the_same() -> None:
    assert _preview(walk(), []) == ["Earlier today, 12:30 · next Wed 2 Dec"]
    assert _preview(walk(), [], NOW.replace(hour=9)) == ["Next Wed 25 Nov, 12:30"]
    once = dataclasses.replace(walk(), kind=PlanKind.ONE_OFF, start_date=TODAY, recurrence=None)
    assert _preview(once, []) == ["Earlier today, 12:30"]


def test_the_last_date_is_said_gently_on_every_page() -> None:
    # Today's walk is the last: "no more dates after today", never "the last one".
    ended = walk()
    assert ended.recurrence is not None
    ended.recurrence.until = TODAY
    assert next_short(ended, NOW, ZONE) == "Earlier today, 12:30 · no more dates after today"
    assert next_text(ended, NOW, ZONE) == (
        "Earlier today, 12:30 — later is fine too. No more dates after today."
    )
    assert _preview(ended, []) == ["Earlier today, 12:30 · no more dates after today"]


def _preview(plan: Plan, moves: list[Postponement], now: datetime = NOW) -> list[str]:
    from supportnet.calendar.events import plan_events
    from supportnet.calendar.options import ExportOptions
    from supportnet.calendar.slots import Who
    from supportnet.model.network import Circle

    whos = {("person", 1): Who("person", 1, "Tom Whitaker", "Tom", Circle.INNER)}
    plan = dataclasses.replace(plan, uid="u1")
    events = plan_events([plan], whos, {}, moves, now, ExportOptions(), user_zone=ZONE)
    return [when_text(e, LONDON, now.date()) for e in events]


def test_the_export_preview_says_earlier_today_of_a_walk_moved_to_today() -> None:
    # Tuesday's walk moved to today (Wednesday): Plans and the Agenda call it earlier today.
    tuesdays = dataclasses.replace(
        walk(), start_date=date(2026, 10, 13), recurrence=Recurrence(Frequency.WEEKLY, weekdays={1})
    )
    moved = [Postponement(1, TODAY, from_date=date(2026, 11, 24))]
    assert next_short(tuesdays, NOW, ZONE, postponements=moved) == (
        "Earlier today, 12:30 · next Tue 1 Dec"
    )
    assert _preview(tuesdays, moved) == ["Earlier today, 12:30", "Next Tue 1 Dec, 12:30"]


def test_a_later_move_is_not_earlier_today_in_the_export_preview() -> None:
    # Today's walk has begun; next week's is moved to Friday: only today's is "earlier".
    moved = [Postponement(1, date(2026, 12, 4), from_date=date(2026, 12, 2))]
    assert _preview(walk(), moved) == [
        "Earlier today, 12:30 · next Wed 9 Dec",
        "Fri 4 Dec, 12:30",
    ]
