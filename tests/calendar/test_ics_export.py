"""Plans as .ics events: rules, series starts, exclusions, privacy and the file's bytes.

Pure: plans are built here, no store, no Qt. The property test at the end expands the
exported file with ``recurring_ical_events`` (an independent reader) and checks it gives
exactly the instants :func:`supportnet.scheduling.occurrences` gives.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import icalendar
import pytest
import recurring_ical_events
from hypothesis import given, settings
from hypothesis import strategies as st

from supportnet.calendar import (
    DISCREET_TITLE,
    FLEXIBLE_NOTE,
    MAX_ALARM_MINUTES,
    MAX_WEEKS,
    ExportEvent,
    ExportOptions,
    Privacy,
    Scope,
    SlotId,
    StoredEvent,
    Who,
    calendar_bytes,
    description_for,
    plan_events,
    summary_for,
    with_slots,
)
from supportnet.model.errors import ValidationError
from supportnet.model.network import ChannelKind, Circle, first_name_of
from supportnet.model.plans import Cadence, Frequency, MonthlyMode, Plan, PlanKind, Recurrence
from supportnet.scheduling import Postponement, first_occurrence, flexible_days, occurrences

# Monday 1 June 2026, 10:00 in London (BST).
NOW = datetime(2026, 6, 1, 9, 0, tzinfo=UTC)
TODAY = date(2026, 6, 1)
UPDATED = datetime(2026, 5, 1, 12, 0, tzinfo=UTC)
LONDON = ZoneInfo("Europe/London")
MON, TUE, WED, THU, FRI, SAT, SUN = range(7)

FARID = Who("person", 1, "Dr Farid Rahimi", first_name_of("Dr Farid Rahimi"), Circle.INNER)
SAM = Who("person", 2, "Samantha Okafor", first_name_of("Samantha Okafor", "Sam"), Circle.OUTER)
WALKERS = Who("group", 3, "Tuesday walkers", "Tuesday walkers", Circle.MIDDLE)
WHOS = {w.key: w for w in (FARID, SAM, WALKERS)}


def plan(
    kind: PlanKind = PlanKind.FIXED,
    *,
    rec: Recurrence | None = None,
    start: date = TODAY,
    zone: str = "Europe/London",
    at: time | None = time(18, 0),
    pid: int = 1,
    person: int | None = 1,
    group: int | None = None,
    **fields: object,
) -> Plan:
    if kind is PlanKind.FIXED and rec is None:
        rec = Recurrence(Frequency.WEEKLY, weekdays={TUE})
    built = Plan(
        kind=kind,
        start_date=start,
        person_id=person,
        group_id=group,
        timezone=zone,
        window_start=at,
        recurrence=rec if kind is PlanKind.FIXED else None,
        cadence=Cadence(10, 20) if kind is PlanKind.FLEXIBLE else None,
        id=pid,
        created_at=UPDATED - timedelta(days=30),
        updated_at=UPDATED,
        **fields,  # type: ignore[arg-type]
    )
    built.validate()
    return built


def events(
    *plans: Plan,
    options: ExportOptions | None = None,
    scope: Scope | None = None,
    last_contact: dict[tuple[str, int], datetime] | None = None,
    postponements: list[Postponement] | None = None,
    now: datetime = NOW,
    calendars_have: dict[int, StoredEvent] | None = None,
    user_zone: str = "Europe/London",
) -> list[ExportEvent]:
    return plan_events(
        plans,
        WHOS,
        last_contact or {},
        postponements or [],
        now,
        options or ExportOptions(),
        scope,
        calendars_have,
        user_zone=user_zone,
    )


def only(p: Plan, **kwargs: object) -> ExportEvent:
    found = events(p, **kwargs)  # type: ignore[arg-type]
    assert len(found) == 1, found
    return found[0]


def ics(found: list[ExportEvent], options: ExportOptions | None = None) -> str:
    return calendar_bytes(found, options or ExportOptions(), NOW).decode("utf-8")


def unfolded(text: str) -> str:
    return text.replace("\r\n ", "")


def rrule_line(text: str) -> str:
    lines = [line for line in unfolded(text).split("\r\n") if line.startswith("RRULE:FREQ=")]
    rules = [line for line in lines if "YEARLY" not in line]  # VTIMEZONE rules aside
    assert len(rules) == 1, rules
    return rules[0]


def expand(text: str, lo: datetime, hi: datetime) -> list[date | datetime]:
    cal = icalendar.Calendar.from_ical(text)
    return sorted(
        (e.start for e in recurring_ical_events.of(cal).between(lo, hi)),
        key=lambda v: v if isinstance(v, datetime) else datetime.combine(v, time(), UTC),
    )


# -- RRULE ---------------------------------------------------------------------------------------


def test_daily_rule_keeps_its_interval() -> None:
    event = only(plan(rec=Recurrence(Frequency.DAILY, interval=3)))
    assert event.rrule == {"FREQ": "DAILY", "INTERVAL": 3}
    assert rrule_line(ics([event])) == "RRULE:FREQ=DAILY;INTERVAL=3"


def test_weekly_rule_lists_weekdays_from_monday_with_wkst() -> None:
    rec = Recurrence(Frequency.WEEKLY, interval=2, weekdays={FRI, MON, WED})
    event = only(plan(rec=rec))
    assert event.rrule == {
        "FREQ": "WEEKLY",
        "INTERVAL": 2,
        "BYDAY": ["MO", "WE", "FR"],
        "WKST": "MO",
    }
    line = rrule_line(ics([event]))
    assert "BYDAY=MO,WE,FR" in line
    assert "WKST=MO" in line
    assert "INTERVAL=2" in line


def test_interval_is_left_out_when_it_is_one() -> None:
    event = only(plan(rec=Recurrence(Frequency.WEEKLY, weekdays={TUE})))
    assert event.rrule is not None
    assert "INTERVAL" not in event.rrule
    assert "INTERVAL" not in rrule_line(ics([event]))


def test_monthly_on_the_31st_skips_months_without_one() -> None:
    p = plan(rec=Recurrence(Frequency.MONTHLY, month_day=31))
    event = only(p)
    assert event.rrule == {"FREQ": "MONTHLY", "BYMONTHDAY": 31}
    # June has no 31st: the series starts on 31 July.
    assert event.start == datetime(2026, 7, 31, 18, 0, tzinfo=LONDON)
    lo, hi = datetime(2026, 6, 1, tzinfo=UTC), datetime(2027, 1, 1, tzinfo=UTC)
    days = [d.date() for d in expand(ics([event]), lo, hi) if isinstance(d, datetime)]
    assert days == [date(2026, m, 31) for m in (7, 8, 10, 12)]
    assert days == [o.day for o in occurrences(p, date(2026, 6, 1), date(2026, 12, 31))]


@pytest.mark.parametrize(
    ("nth", "weekday", "byday", "first"),
    [
        (3, SAT, "3SA", date(2026, 6, 20)),
        (-1, FRI, "-1FR", date(2026, 6, 26)),
    ],
)
def test_monthly_on_an_nth_weekday(nth: int, weekday: int, byday: str, first: date) -> None:
    rec = Recurrence(
        Frequency.MONTHLY, monthly_mode=MonthlyMode.BY_WEEKDAY, nth=nth, nth_weekday=weekday
    )
    event = only(plan(rec=rec))
    assert event.rrule == {"FREQ": "MONTHLY", "BYDAY": byday}
    assert f"BYDAY={byday}" in rrule_line(ics([event]))
    assert event.start == datetime.combine(first, time(18, 0), LONDON)


def test_until_of_a_timed_plan_is_utc_at_the_local_start_on_that_day() -> None:
    # 18:00 BST on 20 August is 17:00Z; the occurrence that day is still in the series.
    p = plan(rec=Recurrence(Frequency.WEEKLY, weekdays={THU}, until=date(2026, 8, 20)))
    event = only(p)
    assert event.rrule is not None
    assert event.rrule["UNTIL"] == datetime(2026, 8, 20, 17, 0, tzinfo=UTC)
    text = ics([event])
    assert ";UNTIL=20260820T170000Z" in rrule_line(text)
    starts = expand(text, datetime(2026, 6, 1, tzinfo=UTC), datetime(2026, 12, 1, tzinfo=UTC))
    assert starts[-1] == datetime(2026, 8, 20, 18, 0, tzinfo=LONDON)
    assert len(starts) == len(occurrences(p, TODAY, date(2026, 12, 1))) == 12


def test_until_of_a_winter_plan_in_new_york_is_utc_too() -> None:
    p = plan(
        rec=Recurrence(Frequency.DAILY, until=date(2026, 12, 1)),
        zone="America/New_York",
        at=time(9, 30),
    )
    event = only(p)
    assert event.rrule is not None
    assert event.rrule["UNTIL"] == datetime(2026, 12, 1, 14, 30, tzinfo=UTC)


def test_until_of_an_all_day_plan_is_a_date() -> None:
    event = only(plan(rec=Recurrence(Frequency.DAILY, until=date(2026, 8, 20)), at=None))
    assert event.rrule is not None
    until = event.rrule["UNTIL"]
    assert type(until) is date
    assert until == date(2026, 8, 20)
    assert re.search(r";UNTIL=20260820(;|$)", rrule_line(ics([event])))


# -- where a series starts, and what it leaves out -----------------------------------------------


def test_series_starts_on_the_first_real_occurrence() -> None:
    # A Tuesday/Thursday plan starting on a Monday: RFC 5545 would count a Monday DTSTART.
    event = only(plan(rec=Recurrence(Frequency.WEEKLY, weekdays={TUE, THU}), start=TODAY))
    assert TODAY.weekday() == MON
    assert event.start == datetime(2026, 6, 2, 18, 0, tzinfo=LONDON)
    assert event.end == datetime(2026, 6, 2, 18, 30, tzinfo=LONDON)
    assert event.exdates == ()


def test_a_skipped_first_day_still_starts_the_series_and_is_excluded() -> None:
    rec = Recurrence(Frequency.WEEKLY, weekdays={TUE, THU}, skips={date(2026, 6, 2)})
    event = only(plan(rec=rec))
    assert event.start == datetime(2026, 6, 2, 18, 0, tzinfo=LONDON)
    assert event.exdates == (datetime(2026, 6, 2, 18, 0, tzinfo=LONDON),)
    text = ics([event])
    assert "EXDATE;TZID=Europe/London:20260602T180000" in unfolded(text)
    starts = expand(text, datetime(2026, 6, 1, tzinfo=UTC), datetime(2026, 6, 8, tzinfo=UTC))
    assert starts == [datetime(2026, 6, 4, 18, 0, tzinfo=LONDON)]


def test_exdates_only_for_skips_the_rule_falls_on() -> None:
    # Every other week from the week of 1 June: Tue/Thu of weeks 1 Jun, 15 Jun, 29 Jun ...
    skips = {
        date(2026, 6, 3),  # a Wednesday: never a plan day
        date(2026, 6, 4),  # Thursday of an on-week
        date(2026, 6, 9),  # Tuesday of an off-week
        date(2026, 6, 16),  # Tuesday of an on-week
        date(2026, 5, 26),  # before the plan starts
    }
    rec = Recurrence(Frequency.WEEKLY, interval=2, weekdays={TUE, THU}, skips=skips)
    event = only(plan(rec=rec))
    assert event.exdates == (
        datetime(2026, 6, 4, 18, 0, tzinfo=LONDON),
        datetime(2026, 6, 16, 18, 0, tzinfo=LONDON),
    )
    for exdate in event.exdates:
        assert isinstance(exdate, datetime)
        assert exdate.tzinfo == LONDON
        assert exdate.utcoffset() == timedelta(hours=1)


def test_exdates_of_an_all_day_plan_are_dates() -> None:
    rec = Recurrence(Frequency.DAILY, interval=2, skips={date(2026, 6, 3), date(2026, 6, 4)})
    event = only(plan(rec=rec, at=None))
    assert event.start == TODAY
    assert event.end == TODAY + timedelta(days=1)
    assert event.exdates == (date(2026, 6, 3),)
    assert all(type(d) is date for d in event.exdates)
    assert "EXDATE;VALUE=DATE:20260603" in ics([event])


# -- what is left out ----------------------------------------------------------------------------


@pytest.mark.parametrize(("until", "kept"), [(TODAY - timedelta(days=1), False), (TODAY, True)])
def test_fixed_plans_that_ended_before_today_are_left_out(until: date, kept: bool) -> None:
    rec = Recurrence(Frequency.DAILY, until=until)
    p = plan(rec=rec, start=date(2026, 5, 1))
    assert [e.plan_id for e in events(p)] == ([p.id] if kept else [])


def test_paused_plans_are_left_out() -> None:
    assert events(plan(paused=True)) == []
    assert events(plan(PlanKind.FLEXIBLE, paused=True)) == []
    assert events(plan(PlanKind.ONE_OFF, paused=True)) == []


@pytest.mark.parametrize(
    ("day", "kept"),
    [
        (TODAY - timedelta(days=1), False),
        (TODAY, True),
        (TODAY + timedelta(days=13), True),  # the last day of two weeks
        (TODAY + timedelta(days=14), False),
    ],
)
def test_one_offs_only_inside_the_weeks_ahead(day: date, kept: bool) -> None:
    found = events(plan(PlanKind.ONE_OFF, start=day), options=ExportOptions(weeks=2))
    assert [e.start for e in found] == (
        [datetime.combine(day, time(18, 0), LONDON)] if kept else []
    )
    assert all(e.rrule is None and e.repeats == "Once" for e in found)


def test_plans_for_someone_unknown_are_left_out() -> None:
    assert events(plan(person=99)) == []
    assert events(plan(person=None, group=99)) == []


def test_scope_by_targets_and_by_circle() -> None:
    plans = [
        plan(pid=1, person=FARID.id),
        plan(pid=2, person=SAM.id),
        plan(pid=3, person=None, group=WALKERS.id),
    ]

    def ids(scope: Scope | None) -> set[int]:
        return {e.plan_id for e in events(*plans, scope=scope)}

    assert ids(None) == {1, 2, 3}
    assert ids(Scope()) == {1, 2, 3}
    assert ids(Scope(targets=frozenset({SAM.key, WALKERS.key}))) == {2, 3}
    assert ids(Scope(circle=Circle.INNER)) == {1}
    assert ids(Scope(circle=Circle.MIDDLE)) == {3}
    assert ids(Scope(targets=frozenset({SAM.key}), circle=Circle.INNER)) == set()
    assert ids(Scope(targets=frozenset())) == set()


# -- flexible plans ------------------------------------------------------------------------------


def test_flexible_events_fall_on_the_flexible_days() -> None:
    p = plan(PlanKind.FLEXIBLE, start=date(2026, 1, 1), at=time(11, 0))
    last = {FARID.key: datetime(2026, 5, 27, 8, 0, tzinfo=UTC)}
    options = ExportOptions(Privacy.FIRST_NAME, weeks=6)
    found = events(p, options=options, last_contact=last)
    days = flexible_days(p, last[FARID.key], [], NOW, TODAY + timedelta(days=6 * 7 - 1))
    assert days[0] == date(2026, 6, 6)  # 10 days after the last contact
    assert [e.start for e in found] == [datetime.combine(d, time(11, 0), LONDON) for d in days]
    assert [e.slot for e in found] == list(range(len(days)))
    assert all(e.uid == "" and e.rrule is None and e.flexible for e in found)
    assert all(e.description.endswith(FLEXIBLE_NOTE) for e in found)
    assert {e.repeats for e in found} == {"About every 10 days"}


def test_flexible_events_follow_a_postponement() -> None:
    p = plan(PlanKind.FLEXIBLE, start=date(2026, 1, 1), at=None)
    moved = [Postponement(p.id or 0, date(2026, 6, 5))]
    found = events(p, postponements=moved, options=ExportOptions(weeks=3))
    assert [e.start for e in found] == [date(2026, 6, 5), date(2026, 6, 15)]


def test_with_slots_gives_uid_sequence_and_the_later_modification() -> None:
    p = plan(PlanKind.FLEXIBLE, start=TODAY, at=None)
    fixed = plan(pid=2)
    found = events(p, fixed, options=ExportOptions(weeks=3))
    assert [e.slot for e in found if e.flexible] == [0, 1, 2]
    older, newer = UPDATED - timedelta(days=9), UPDATED + timedelta(days=9)
    slots = {
        (1, 0): SlotId("slot-0", 0, older),
        (1, 1): SlotId("slot-1", 4, newer),
        (1, 2): SlotId("slot-2", 1, UPDATED),
        (1, 9): SlotId("unused", 0, newer),
    }
    done = with_slots(found, slots)
    flexible = [e for e in done if e.flexible]
    assert [(e.uid, e.sequence, e.modified) for e in flexible] == [
        ("slot-0", 0, UPDATED),
        ("slot-1", 4, newer),
        ("slot-2", 1, UPDATED),
    ]
    assert [e for e in done if not e.flexible] == [e for e in found if not e.flexible]
    text = unfolded(ics(done))
    assert text.count("TRANSP:TRANSPARENT") == 3
    assert "UID:slot-1\r\nSEQUENCE:4" in text


def test_calendar_bytes_refuses_events_without_a_uid() -> None:
    found = events(plan(PlanKind.FLEXIBLE, start=TODAY))
    assert found
    with pytest.raises(ValueError, match="uid"):
        calendar_bytes(found, ExportOptions(), NOW)


# -- privacy -------------------------------------------------------------------------------------

VERBS = [
    (ChannelKind.CALL, "Call {}"),
    (ChannelKind.TEXT, "Text {}"),
    (ChannelKind.VIDEO, "Video call with {}"),
    (ChannelKind.MESSAGING, "Message {}"),
    (ChannelKind.EMAIL, "Email {}"),
    (ChannelKind.IN_PERSON, "See {}"),
    (ChannelKind.LETTER, "Write to {}"),
    (ChannelKind.OTHER, "Check in with {}"),
    (None, "Check in with {}"),
]


@pytest.mark.parametrize(("channel", "verb"), VERBS)
def test_summary_for_a_person_at_each_level(channel: ChannelKind | None, verb: str) -> None:
    p = plan(channel=channel)
    assert summary_for(p, FARID, Privacy.DISCREET) == DISCREET_TITLE
    assert summary_for(p, FARID, Privacy.FIRST_NAME) == verb.format("Farid")
    assert summary_for(p, FARID, Privacy.FULL) == verb.format("Dr Farid Rahimi")
    assert summary_for(p, SAM, Privacy.FIRST_NAME) == verb.format("Sam")


@pytest.mark.parametrize(("channel", "verb"), VERBS)
def test_summary_uses_their_preferred_way_when_the_plan_names_none(
    channel: ChannelKind | None, verb: str
) -> None:
    who = Who("person", 1, "Dr Farid Rahimi", "Farid", Circle.INNER, channel)
    assert summary_for(plan(), who, Privacy.FIRST_NAME) == verb.format("Farid")
    # The plan's own channel wins over their preferred one.
    assert summary_for(plan(channel=ChannelKind.LETTER), who, Privacy.FIRST_NAME) == (
        "Write to Farid"
    )


def test_summary_with_a_plan_title_only_at_full() -> None:
    p = plan(title="Sunday catch-up with Farid Rahimi", channel=ChannelKind.CALL)
    assert summary_for(p, FARID, Privacy.FULL) == "Sunday catch-up with Farid Rahimi"
    assert summary_for(p, FARID, Privacy.FIRST_NAME) == "Call Farid"
    assert summary_for(p, FARID, Privacy.DISCREET) == DISCREET_TITLE


def test_summary_for_a_group() -> None:
    p = plan(person=None, group=WALKERS.id, channel=ChannelKind.IN_PERSON)
    assert summary_for(p, WALKERS, Privacy.DISCREET) == DISCREET_TITLE
    assert summary_for(p, WALKERS, Privacy.FIRST_NAME) == "Tuesday walkers"
    assert summary_for(p, WALKERS, Privacy.FULL) == "Tuesday walkers"
    titled = plan(person=None, group=WALKERS.id, title="Walk round the lake")
    assert summary_for(titled, WALKERS, Privacy.FULL) == "Walk round the lake"
    assert summary_for(titled, WALKERS, Privacy.FIRST_NAME) == "Tuesday walkers"


@pytest.mark.parametrize("privacy", list(Privacy))
@pytest.mark.parametrize("kind", [PlanKind.FIXED, PlanKind.FLEXIBLE, PlanKind.ONE_OFF])
def test_description_never_includes_notes(privacy: Privacy, kind: PlanKind) -> None:
    p = plan(
        kind,
        channel=ChannelKind.CALL,
        notes="PRIVATE-NOTE about the divorce",
        message_idea="Ask about the new job",
    )
    text = description_for(p, FARID, privacy)
    assert "PRIVATE-NOTE" not in text
    assert "divorce" not in text
    exported = ics(with_slots(events(p), {(1, n): SlotId(f"u{n}", 0, NOW) for n in range(20)}))
    assert "PRIVATE-NOTE" not in unfolded(exported)


def test_description_at_each_level() -> None:
    p = plan(channel=ChannelKind.VIDEO, message_idea="Ask about the new job")
    assert description_for(p, FARID, Privacy.DISCREET) == ""
    assert description_for(p, FARID, Privacy.FIRST_NAME) == "How: Video call"
    assert description_for(p, FARID, Privacy.FULL) == (
        "With: Dr Farid Rahimi\nHow: Video call\nMessage idea: Ask about the new job"
    )
    assert description_for(plan(), FARID, Privacy.FIRST_NAME) == ""


def test_discreet_events_say_nothing_but_check_in() -> None:
    p = plan(
        title="Call Farid about the court date",
        channel=ChannelKind.CALL,
        message_idea="Ask about the hearing",
    )
    options = ExportOptions(privacy=Privacy.DISCREET, alarm_minutes=15)
    event = only(p, options=options)
    assert event.summary == DISCREET_TITLE
    assert event.description == ""
    text = unfolded(ics([event], options))
    for secret in ("Farid", "Rahimi", "court", "hearing", "Phone call", "Call "):
        assert secret not in text
    # The app's name would say what the calendar is for; PRODID names neither app nor vendor.
    assert "supportnet" not in text.casefold()
    assert re.search(r"^PRODID:-//[^\r\n]+//EN\r$", text, re.MULTILINE)
    assert "SUMMARY:Check-in\r\n" in text
    assert "DESCRIPTION:Check-in\r\n" in text  # the alarm's, the only description
    assert text.count("DESCRIPTION:") == 1


@pytest.mark.parametrize("privacy", [Privacy.FIRST_NAME, Privacy.FULL])
def test_named_exports_say_which_app_wrote_them(privacy: Privacy) -> None:
    """Only the discreet level hides the app; the others name it, as calendar apps do."""
    text = ics([only(plan(), options=ExportOptions(privacy=privacy))], ExportOptions(privacy))
    assert "PRODID:-//SupportNet//SupportNet " in text


@pytest.mark.parametrize(
    ("name", "nickname", "first"),
    [
        ("Dr Farid Rahimi", "", "Farid"),
        ("Samantha Okafor", "Sam", "Sam"),
        ("Ana María García López", "", "Ana"),
        ("Mrs. Jo Smith", "", "Jo"),
        ("Prince", "", "Prince"),
        ("Dr Farid Rahimi", "  Fari  ", "Fari"),
    ],
)
def test_first_name_level_never_says_a_surname(name: str, nickname: str, first: str) -> None:
    who = Who("person", 1, name, first_name_of(name, nickname), Circle.INNER, ChannelKind.TEXT)
    assert who.first_name == first
    p = plan(message_idea="idea")
    summary = summary_for(p, who, Privacy.FIRST_NAME)
    description = description_for(p, who, Privacy.FIRST_NAME)
    assert summary == f"Text {first}"
    surname = name.rsplit(maxsplit=1)[-1]
    if surname != first:
        assert surname not in summary + description


# -- options -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("options", "fields"),
    [
        (ExportOptions(), []),
        (ExportOptions(weeks=1, alarm_minutes=0), []),
        (ExportOptions(weeks=MAX_WEEKS, alarm_minutes=MAX_ALARM_MINUTES), []),
        (ExportOptions(weeks=0), ["weeks"]),
        (ExportOptions(weeks=MAX_WEEKS + 1), ["weeks"]),
        (ExportOptions(alarm_minutes=-1), ["alarm_minutes"]),
        (ExportOptions(alarm_minutes=MAX_ALARM_MINUTES + 1), ["alarm_minutes"]),
        (ExportOptions(weeks=-3, alarm_minutes=-1), ["weeks", "alarm_minutes"]),
    ],
)
def test_option_problems(options: ExportOptions, fields: list[str]) -> None:
    problems = options.problems()
    assert [p.field for p in problems] == fields
    assert all(p.message for p in problems)
    if fields:
        with pytest.raises(ValidationError):
            events(plan(), options=options)


# -- the file ------------------------------------------------------------------------------------


def test_a_london_plan_has_a_tzid_and_a_yearly_rule_vtimezone() -> None:
    text = unfolded(ics(events(plan())))
    assert "DTSTART;TZID=Europe/London:20260602T180000\r\n" in text
    assert "DTEND;TZID=Europe/London:20260602T183000\r\n" in text
    assert text.count("BEGIN:VTIMEZONE") == 1
    zone = text[text.index("BEGIN:VTIMEZONE") : text.index("END:VTIMEZONE")]
    assert "TZID:Europe/London\r\n" in zone
    assert "RRULE:FREQ=YEARLY" in zone
    assert "RDATE" not in zone
    assert icalendar.Calendar.from_ical(text).get_missing_tzids() == set()


def test_one_vtimezone_per_zone_used() -> None:
    plans = [
        plan(pid=1),
        plan(pid=2, zone="America/New_York"),
        plan(pid=3, zone="Europe/London", rec=Recurrence(Frequency.DAILY)),
        plan(pid=4, zone="Asia/Kolkata", at=None),  # all-day: no zone written
    ]
    text = unfolded(ics(events(*plans)))
    assert re.findall(r"BEGIN:VTIMEZONE\r\nTZID:([^\r]+)", text) == [
        "America/New_York",
        "Europe/London",
    ]


def test_a_utc_plan_is_written_in_utc_without_a_vtimezone() -> None:
    text = unfolded(ics(events(plan(zone="UTC", rec=Recurrence(Frequency.DAILY, interval=2)))))
    assert "DTSTART:20260601T180000Z\r\n" in text
    assert "DTEND:20260601T183000Z\r\n" in text
    assert "TZID" not in text
    assert "BEGIN:VTIMEZONE" not in text


def test_an_all_day_event_is_a_date_with_an_exclusive_end() -> None:
    text = unfolded(ics(events(plan(PlanKind.ONE_OFF, at=None, start=date(2026, 6, 30)))))
    assert "DTSTART;VALUE=DATE:20260630\r\n" in text
    assert "DTEND;VALUE=DATE:20260701\r\n" in text
    assert "BEGIN:VTIMEZONE" not in text


def test_each_event_has_one_alarm_when_asked() -> None:
    plans = [plan(pid=1), plan(PlanKind.ONE_OFF, pid=2, start=date(2026, 6, 3))]
    text = unfolded(ics(events(*plans), ExportOptions(alarm_minutes=15)))
    assert text.count("BEGIN:VEVENT") == 2
    assert text.count("BEGIN:VALARM") == 2
    assert text.count("TRIGGER:-PT15M\r\n") == 2
    assert text.count("ACTION:DISPLAY\r\n") == 2
    for vevent in text.split("BEGIN:VEVENT")[1:]:
        assert vevent.count("BEGIN:VALARM") == 1
    assert "VALARM" not in ics(events(*plans))


def test_the_header_and_the_stamps() -> None:
    text = unfolded(ics(events(plan())))
    assert text.startswith("BEGIN:VCALENDAR\r\n")
    assert text.endswith("END:VCALENDAR\r\n")
    for line in (
        "VERSION:2.0",
        "METHOD:PUBLISH",
        "CALSCALE:GREGORIAN",
        "X-WR-CALNAME:Check-ins",
        "DTSTAMP:20260601T090000Z",
        "LAST-MODIFIED:20260501T120000Z",
        "CLASS:PRIVATE",
        "SEQUENCE:0",
    ):
        assert f"\r\n{line}\r\n" in text
    assert "VTODO" not in text


def test_output_is_crlf_only_and_folded() -> None:
    long_title = "Catch up with Zoë about the café, the garden and the 🌻 " * 4
    p = plan(title=long_title.strip(), message_idea="Ask about\nthe move")
    data = calendar_bytes(events(p, options=ExportOptions(Privacy.FULL)), ExportOptions(), NOW)
    assert data.count(b"\n") == data.count(b"\r\n") > 10
    assert b"\r" not in data.replace(b"\r\n", b"")
    assert all(len(line) <= 75 for line in data.split(b"\r\n"))
    assert "Zoë" in unfolded(data.decode("utf-8"))  # folding never splits a character


# -- property: the file expands to exactly our occurrences ---------------------------------------

PROP_ZONES = ("Europe/London", "America/New_York", "Australia/Sydney", "Asia/Kolkata")
# A year of local days spanning both DST changes in each hemisphere.
WINDOW = (date(2026, 3, 1), date(2027, 3, 1))


@st.composite
def exported_plans(draw: st.DrawFn) -> Plan:
    start = draw(st.dates(min_value=date(2025, 9, 1), max_value=date(2027, 1, 31)))
    frequency = draw(st.sampled_from(list(Frequency)))
    rec = Recurrence(frequency=frequency, interval=draw(st.integers(1, 4)))
    if frequency is Frequency.WEEKLY:
        rec.weekdays = draw(st.sets(st.integers(0, 6), min_size=1))
    elif frequency is Frequency.MONTHLY:
        if draw(st.booleans()):
            rec.month_day = draw(st.one_of(st.integers(1, 31), st.sampled_from([29, 30, 31])))
        else:
            rec.monthly_mode = MonthlyMode.BY_WEEKDAY
            rec.nth = draw(st.sampled_from([1, 2, 3, 4, 5, -1]))
            rec.nth_weekday = draw(st.integers(0, 6))
    offsets = draw(st.sets(st.integers(-10, 400), max_size=6))
    rec.skips = {start + timedelta(days=d) for d in offsets}
    at = draw(
        st.one_of(
            st.none(),
            st.sampled_from([time(1, 30), time(2, 30), time(0, 0), time(23, 45)]),  # DST edges
            st.builds(time, st.integers(0, 23), st.sampled_from([0, 15, 30, 45])),
        )
    )
    p = plan(
        rec=rec,
        start=start,
        zone=draw(st.sampled_from(PROP_ZONES)),
        at=at,
        duration_minutes=draw(st.integers(1, 180)),
    )
    ending = draw(st.sampled_from(["never", "any day", "an occurrence"]))
    if ending == "any day":
        rec.until = start + timedelta(days=draw(st.integers(0, 500)))
    elif ending == "an occurrence":
        # Ending on a plan day tests that UNTIL keeps that day's occurrence, in every zone.
        days = [o.day for o in occurrences(p, start, start + timedelta(days=500))]
        rec.until = draw(st.sampled_from(days)) if days else None
    return p


def _instant(value: date | datetime) -> date | datetime:
    return value.astimezone(UTC) if isinstance(value, datetime) else value


@settings(max_examples=50, deadline=None)
@given(p=exported_plans())
def test_the_file_expands_to_exactly_our_occurrences(p: Plan) -> None:
    found = events(p)
    rec = p.recurrence
    assert rec is not None
    if rec.until is not None and rec.until < TODAY:
        assert found == []
        return
    if first_occurrence(p) is None:
        assert found == []  # e.g. a "5th Monday" every 12 months that never comes before until
        return
    assert len(found) == 1
    zone = ZoneInfo(p.timezone)
    lo, hi = WINDOW
    expanded = expand(
        ics(found),
        datetime.combine(lo - timedelta(days=2), time(), UTC),
        datetime.combine(hi + timedelta(days=2), time(), UTC),
    )

    def local_day(value: date | datetime) -> date:
        return value.astimezone(zone).date() if isinstance(value, datetime) else value

    actual = [_instant(v) for v in expanded if lo <= local_day(v) <= hi]
    expected = [_instant(o.start if o.start is not None else o.day) for o in occurrences(p, lo, hi)]
    assert actual == expected


def test_an_export_is_discreet_unless_asked_otherwise() -> None:
    assert ExportOptions().privacy is Privacy.DISCREET
    assert {e.summary for e in events(plan())} == {DISCREET_TITLE}


def test_an_ended_series_or_a_one_off_out_of_range_is_written_only_to_update_calendars() -> None:
    weekly = Recurrence(Frequency.WEEKLY, weekdays={TUE}, until=TODAY - timedelta(days=3))
    ended = plan(start=date(2026, 3, 3), rec=weekly)
    later = plan(PlanKind.ONE_OFF, start=TODAY + timedelta(weeks=20), pid=2)
    assert events(ended, later) == []
    # Calendars have an older copy (before the end date, or on another day): write it.
    older = StoredEvent(None, ended.uid, 0, "2026-01-06T18:00:00+00:00/x/Europe/London", UPDATED)
    moved = StoredEvent(None, later.uid, 0, "2026-06-09T18:00:00+01:00/x/Europe/London", UPDATED)
    found = events(ended, later, calendars_have={1: older, 2: moved})
    assert [e.uid for e in found] == [ended.uid, later.uid]
    assert found[0].rrule is not None
    assert "UNTIL" in found[0].rrule
    # Calendars already have these very copies: nothing to say.
    current = {e.plan_id: StoredEvent(None, e.uid, e.sequence, e.timing, UPDATED) for e in found}
    assert events(ended, later, calendars_have=current) == []


# -- moved occurrences ("Not today", "Another day…") ---------------------------------------------


def _moved_week() -> tuple[Plan, list[Postponement]]:
    """Weekly on Tuesdays at 18:00; next Tuesday's (2 June) moved to Thursday 4 June."""
    weekly = plan(start=date(2026, 5, 5), rec=Recurrence(Frequency.WEEKLY, weekdays={TUE}))
    return weekly, [Postponement(1, to_date=date(2026, 6, 4), from_date=date(2026, 6, 2))]


def test_a_moved_occurrence_of_a_series_becomes_an_override() -> None:
    weekly, moves = _moved_week()
    # Listed by when they come next: Thursday's moved call, then the series from 9 June.
    moved, series = events(weekly, postponements=moves, user_zone="Europe/London")
    assert series.rrule is not None
    assert series.recurrence_id is None
    assert moved.uid == series.uid
    assert moved.rrule is None
    assert moved.recurrence_id == datetime(2026, 6, 2, 18, 0, tzinfo=LONDON)
    assert moved.start == datetime(2026, 6, 4, 18, 0, tzinfo=LONDON)
    assert moved.end - moved.start == series.end - series.start
    assert moved.repeats == "Moved from Tuesday 2 June"
    # The series' next time is the next one left where it was.
    assert series.upcoming == datetime(2026, 6, 9, 18, 0, tzinfo=LONDON)
    # The move is part of the series' timing: calendars that have it get a new SEQUENCE.
    (unmoved,) = events(weekly, user_zone="Europe/London")
    assert series.timing != unmoved.timing
    assert series.timing.startswith(unmoved.timing)
    text = ics([series, moved])
    assert "RECURRENCE-ID;TZID=Europe/London:20260602T180000" in unfolded(text)
    # An independent reader puts it where the agenda does: Thursday, not Tuesday.
    lo = datetime(2026, 6, 1, tzinfo=UTC)
    found = expand(text, lo, lo + timedelta(weeks=2))
    assert found == [
        datetime(2026, 6, 4, 18, 0, tzinfo=LONDON),
        datetime(2026, 6, 9, 18, 0, tzinfo=LONDON),
    ]
    import vobject

    vobject.readOne(text, validate=True)


def test_a_moved_all_day_occurrence_moves_by_date() -> None:
    weekly = plan(start=date(2026, 5, 5), at=None, rec=Recurrence(Frequency.WEEKLY, weekdays={TUE}))
    moves = [Postponement(1, to_date=date(2026, 6, 3), from_date=date(2026, 6, 2))]
    moved, _series = events(weekly, postponements=moves, user_zone="Europe/London")
    assert (moved.recurrence_id, moved.start, moved.end) == (
        date(2026, 6, 2),
        date(2026, 6, 3),
        date(2026, 6, 4),
    )
    assert "RECURRENCE-ID;VALUE=DATE:20260602" in ics(events(weekly, postponements=moves))


def test_a_moved_one_off_moves_itself() -> None:
    coffee = plan(PlanKind.ONE_OFF, start=date(2026, 6, 2))
    moves = [Postponement(1, to_date=date(2026, 6, 5), from_date=date(2026, 6, 2))]
    (moved,) = events(coffee, postponements=moves, user_zone="Europe/London")
    assert moved.recurrence_id is None
    assert moved.start == datetime(2026, 6, 5, 18, 0, tzinfo=LONDON)
    assert moved.uid == coffee.uid


def test_a_move_long_past_is_history_not_an_override() -> None:
    weekly, moves = _moved_week()
    later = NOW + timedelta(days=10)
    assert [e.recurrence_id for e in events(weekly, postponements=moves, now=later)] == [None]
