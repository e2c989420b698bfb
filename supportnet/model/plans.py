"""Reach-out plans: fixed (calendar-anchored), flexible (a cadence) and one-off."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time
from enum import StrEnum
from zoneinfo import ZoneInfo

from supportnet.model.days import rhythm, short_date, weekday_name
from supportnet.model.errors import Problem
from supportnet.model.network import ChannelKind, new_uid, raise_problems
from supportnet.model.text import NOTE_MAX, SHORT_MAX, check_text, clean_line, clean_note
from supportnet.model.zones import is_known_zone

ORDINALS = {1: "1st", 2: "2nd", 3: "3rd", 4: "4th", 5: "5th", -1: "last"}


class PlanKind(StrEnum):
    """The three kinds of plan."""

    FIXED = "fixed"
    FLEXIBLE = "flexible"
    ONE_OFF = "one_off"

    @property
    def label(self) -> str:
        return {
            PlanKind.FIXED: "Fixed",
            PlanKind.FLEXIBLE: "Flexible",
            PlanKind.ONE_OFF: "One-off",
        }[self]


class Frequency(StrEnum):
    """How a fixed plan repeats."""

    DAILY = "daily"
    WEEKLY = "weekly"
    MONTHLY = "monthly"


class MonthlyMode(StrEnum):
    """A monthly plan falls on a date ("the 15th") or an nth weekday ("3rd Monday")."""

    BY_DATE = "by_date"
    BY_WEEKDAY = "by_weekday"


@dataclass(slots=True)
class Recurrence:
    """When a fixed plan repeats. Weekdays are 0 (Monday) to 6 (Sunday)."""

    frequency: Frequency = Frequency.WEEKLY
    interval: int = 1
    weekdays: set[int] = field(default_factory=set)
    monthly_mode: MonthlyMode = MonthlyMode.BY_DATE
    month_day: int | None = None
    nth: int | None = None
    nth_weekday: int | None = None
    until: date | None = None
    skips: set[date] = field(default_factory=set)

    def describe(self) -> str:
        """A short human phrase, e.g. "Every 2 weeks on Sunday" or "3rd Monday of the month"."""
        if self.frequency is Frequency.DAILY:
            # The rule repeats exactly: never "every month" for 30 days.
            base = rhythm(self.interval, exact=True).capitalize()
        elif self.frequency is Frequency.WEEKLY:
            days = ", ".join(weekday_name(d) + "s" for d in sorted(self.weekdays))
            base = (
                f"Every week on {days}"
                if self.interval == 1
                else f"Every {self.interval} weeks on {days}"
            )
            if self.interval == 1 and days:
                base = days
        else:
            every = "month" if self.interval == 1 else f"{self.interval} months"
            if (
                self.monthly_mode is MonthlyMode.BY_WEEKDAY
                and self.nth
                and self.nth_weekday is not None
            ):
                base = (
                    f"{ORDINALS.get(self.nth, str(self.nth))} "
                    f"{weekday_name(self.nth_weekday)} of every {every}"
                )
            else:
                base = f"Day {self.month_day} of every {every}"
        if self.until:
            until = self.until
            base += f", until {short_date(until, year=True)}"
        return base


@dataclass(slots=True)
class Cadence:
    """A flexible plan's rhythm: ideally every ``ideal_days``; a nudge after ``too_long_days``."""

    ideal_days: int = 14
    too_long_days: int = 28


@dataclass(slots=True)
class Plan:
    """A plan to reach out to one person or one group.

    ``start_date`` anchors a fixed plan's recurrence and is the date of a one-off plan.
    ``window_start`` of ``None`` means an all-day plan.
    """

    kind: PlanKind
    start_date: date
    person_id: int | None = None
    group_id: int | None = None
    title: str = ""
    channel: ChannelKind | None = None
    timezone: str = "UTC"
    window_start: time | None = None
    window_end: time | None = None
    duration_minutes: int = 30
    message_idea: str = ""
    notes: str = ""
    paused: bool = False
    recurrence: Recurrence | None = None
    cadence: Cadence | None = None
    sequence: int = 0
    id: int | None = None
    uid: str = field(default_factory=new_uid)
    created_at: datetime | None = None
    updated_at: datetime | None = None

    @property
    def all_day(self) -> bool:
        return self.window_start is None

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    def timing_key(self) -> tuple[object, ...]:
        """Everything that decides when the plan happens; a change bumps SEQUENCE."""
        rec = self.recurrence
        cad = self.cadence
        return (
            self.kind,
            self.start_date,
            self.timezone,
            self.window_start,
            self.window_end,
            self.duration_minutes,
            None
            if rec is None
            else (
                rec.frequency,
                rec.interval,
                tuple(sorted(rec.weekdays)),
                rec.monthly_mode,
                rec.month_day,
                rec.nth,
                rec.nth_weekday,
                rec.until,
                tuple(sorted(rec.skips)),
            ),
            None if cad is None else (cad.ideal_days, cad.too_long_days),
        )

    def normalised(self) -> Plan:
        """Trim whitespace in place and return self."""
        self.title = clean_line(self.title)
        self.message_idea = clean_note(self.message_idea)
        self.notes = clean_note(self.notes)
        self.timezone = self.timezone.strip()
        return self

    def problems(self) -> list[Problem]:
        """Everything wrong with this plan, one message per field."""
        problems: list[Problem] = []
        if (self.person_id is None) == (self.group_id is None):
            problems.append(Problem("target", "A plan is for one person or one group."))
        if not isinstance(self.kind, PlanKind):
            problems.append(Problem("kind", "Please choose fixed, flexible or one-off."))
        check_text(problems, "title", self.title, label="the title", max_len=SHORT_MAX)
        check_text(
            problems,
            "message_idea",
            self.message_idea,
            label="the message idea",
            max_len=NOTE_MAX,
            multiline=True,
        )
        check_text(
            problems, "notes", self.notes, label="the notes", max_len=NOTE_MAX, multiline=True
        )
        if self.channel is not None and not isinstance(self.channel, ChannelKind):
            problems.append(Problem("channel", "Please choose a way to reach out."))
        if not is_known_zone(self.timezone):
            problems.append(
                Problem(
                    "timezone",
                    f"“{self.timezone}” isn't a time zone we know; choose one like Europe/London.",
                )
            )
        if not 1 <= self.duration_minutes <= 24 * 60:
            problems.append(
                Problem("duration_minutes", "The length should be between 1 minute and a day.")
            )
        if self.window_start is None and self.window_end is not None:
            problems.append(Problem("window_end", "An all-day plan has no end time."))
        if (
            self.window_start is not None
            and self.window_end is not None
            and self.window_end <= self.window_start
        ):
            problems.append(Problem("window_end", "The window ends before it starts."))
        if self.kind is PlanKind.FIXED:
            if self.recurrence is None:
                problems.append(Problem("recurrence", "A fixed plan needs a repeat pattern."))
            else:
                _recurrence_problems(problems, self.recurrence, self.start_date)
        elif self.recurrence is not None:
            problems.append(Problem("recurrence", "Only fixed plans repeat on a pattern."))
        if self.kind is PlanKind.FLEXIBLE:
            if self.cadence is None:
                problems.append(Problem("cadence", "A flexible plan needs a rhythm."))
            else:
                _cadence_problems(problems, self.cadence)
        elif self.cadence is not None:
            problems.append(Problem("cadence", "Only flexible plans have a rhythm."))
        return problems

    def validate(self) -> None:
        """Raise :class:`ValidationError` naming the first problem, carrying all of them."""
        raise_problems(self.problems())


def _recurrence_problems(problems: list[Problem], rec: Recurrence, start: date) -> None:
    if not isinstance(rec.frequency, Frequency):
        problems.append(Problem("frequency", "Please choose daily, weekly or monthly."))
        return
    if rec.interval < 1:
        problems.append(Problem("interval", "The repeat interval must be at least 1."))
    if rec.interval > 366:
        problems.append(Problem("interval", "The repeat interval is too long (over a year)."))
    if rec.until is not None and rec.until < start:
        problems.append(Problem("until", "The end date is before the start date."))
    if any(not 0 <= d <= 6 for d in rec.weekdays):
        problems.append(Problem("weekdays", "Weekdays run from Monday (0) to Sunday (6)."))
    if rec.frequency is Frequency.WEEKLY and not rec.weekdays:
        problems.append(Problem("weekdays", "Choose at least one day of the week."))
    if rec.frequency is Frequency.MONTHLY:
        if rec.monthly_mode is MonthlyMode.BY_DATE:
            if rec.month_day is None or not 1 <= rec.month_day <= 31:
                problems.append(Problem("month_day", "Choose a day of the month from 1 to 31."))
        else:
            if rec.nth not in (1, 2, 3, 4, 5, -1):
                problems.append(Problem("nth", "Choose 1st, 2nd, 3rd, 4th, 5th or last."))
            if rec.nth_weekday is None or not 0 <= rec.nth_weekday <= 6:
                problems.append(Problem("nth_weekday", "Choose a day of the week."))


def _cadence_problems(problems: list[Problem], cad: Cadence) -> None:
    if cad.ideal_days < 1:
        problems.append(Problem("ideal_days", "The ideal interval must be at least one day."))
    if cad.ideal_days > 3650:
        problems.append(Problem("ideal_days", "The ideal interval is too long (over ten years)."))
    if cad.too_long_days <= cad.ideal_days:
        problems.append(
            Problem(
                "too_long_days", "The gentle nudge comes after the ideal interval: a few more days."
            )
        )


def short_text(value: str, limit: int = SHORT_MAX) -> str:
    """A single-line preview of ``value``."""
    line = clean_line(value)
    return line if len(line) <= limit else line[: limit - 1] + "…"
