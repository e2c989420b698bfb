"""Reach-out plans: fixed (calendar-anchored), flexible (a cadence) and one-off."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, time
from enum import StrEnum
from zoneinfo import ZoneInfo

from supportnet.i18n import N_, _, ngettext
from supportnet.model import field_words as fields
from supportnet.model.days import rhythm, short_date, weekday_name
from supportnet.model.errors import Problem
from supportnet.model.network import ChannelKind, new_uid, raise_problems
from supportnet.model.text import NOTE_MAX, SHORT_MAX, check_text, clean_line, clean_note
from supportnet.model.zones import is_known_zone

#: Which week of the month, as a rule says it ("3rd Monday"); marked, shown through ``_()``.
ORDINALS = {
    1: N_("1st"),
    2: N_("2nd"),
    3: N_("3rd"),
    4: N_("4th"),
    5: N_("5th"),
    # Translators: the last week of a month, "last Monday of every month".
    -1: N_("last"),
}


class PlanKind(StrEnum):
    """The three kinds of plan."""

    FIXED = "fixed"
    FLEXIBLE = "flexible"
    ONE_OFF = "one_off"

    @property
    def label(self) -> str:
        return _(_PLAN_KIND_LABELS[self])


_PLAN_KIND_LABELS = {
    PlanKind.FIXED: N_("Fixed"),
    PlanKind.FLEXIBLE: N_("Flexible"),
    PlanKind.ONE_OFF: N_("One-off"),
}


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
            said = rhythm(self.interval, exact=True)
            base = said[:1].upper() + said[1:]
        elif self.frequency is Frequency.WEEKLY:
            # Translators: a weekday, every week: "Mondays"; German "{weekday}s" ("Montags").
            days = ", ".join(
                _("{weekday}s").format(weekday=weekday_name(d)) for d in sorted(self.weekdays)
            )
            if self.interval == 1 and days:
                base = days
            else:
                base = ngettext(
                    "Every week on {days}", "Every {n} weeks on {days}", self.interval
                ).format(n=self.interval, days=days)
        elif (
            self.monthly_mode is MonthlyMode.BY_WEEKDAY
            and self.nth
            and self.nth_weekday is not None
        ):
            nth = _(ORDINALS[self.nth]) if self.nth in ORDINALS else str(self.nth)
            base = ngettext(
                "{ordinal} {weekday} of every month",
                "{ordinal} {weekday} of every {n} months",
                self.interval,
            ).format(ordinal=nth, weekday=weekday_name(self.nth_weekday), n=self.interval)
        else:
            base = ngettext(
                "Day {day} of every month", "Day {day} of every {n} months", self.interval
            ).format(day=self.month_day, n=self.interval)
        if self.until:
            # Translators: a repeat rule with its end, "Wednesdays, until Wed 3 Mar 2027".
            base = _("{rule}, until {date}").format(
                rule=base, date=short_date(self.until, year=True)
            )
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
            problems.append(Problem("target", _("A plan is for one person or one group.")))
        if not isinstance(self.kind, PlanKind):
            problems.append(Problem("kind", _("Please choose fixed, flexible or one-off.")))
        check_text(problems, "title", self.title, says=fields.TITLE, max_len=SHORT_MAX)
        check_text(
            problems,
            "message_idea",
            self.message_idea,
            says=fields.PLAN_MESSAGE_IDEA,
            max_len=NOTE_MAX,
            multiline=True,
        )
        check_text(
            problems, "notes", self.notes, says=fields.NOTES, max_len=NOTE_MAX, multiline=True
        )
        if self.channel is not None and not isinstance(self.channel, ChannelKind):
            problems.append(Problem("channel", _("Please choose a way to reach out.")))
        if not is_known_zone(self.timezone):
            problems.append(
                Problem(
                    "timezone",
                    _("“{zone}” isn't a time zone we know; choose one like Europe/London.").format(
                        zone=self.timezone
                    ),
                )
            )
        if not 1 <= self.duration_minutes <= 24 * 60:
            problems.append(
                Problem("duration_minutes", _("The length should be between 1 minute and a day."))
            )
        if self.window_start is None and self.window_end is not None:
            problems.append(Problem("window_end", _("An all-day plan has no end time.")))
        if (
            self.window_start is not None
            and self.window_end is not None
            and self.window_end <= self.window_start
        ):
            problems.append(Problem("window_end", _("The window ends before it starts.")))
        if self.kind is PlanKind.FIXED:
            if self.recurrence is None:
                problems.append(Problem("recurrence", _("A fixed plan needs a repeat pattern.")))
            else:
                _recurrence_problems(problems, self.recurrence, self.start_date)
        elif self.recurrence is not None:
            problems.append(Problem("recurrence", _("Only fixed plans repeat on a pattern.")))
        if self.kind is PlanKind.FLEXIBLE:
            if self.cadence is None:
                problems.append(Problem("cadence", _("A flexible plan needs a rhythm.")))
            else:
                _cadence_problems(problems, self.cadence)
        elif self.cadence is not None:
            problems.append(Problem("cadence", _("Only flexible plans have a rhythm.")))
        return problems

    def validate(self) -> None:
        """Raise :class:`ValidationError` naming the first problem, carrying all of them."""
        raise_problems(self.problems())


def _recurrence_problems(problems: list[Problem], rec: Recurrence, start: date) -> None:
    if not isinstance(rec.frequency, Frequency):
        problems.append(Problem("frequency", _("Please choose daily, weekly or monthly.")))
        return
    if rec.interval < 1:
        problems.append(Problem("interval", _("The repeat interval must be at least 1.")))
    if rec.interval > 366:
        problems.append(Problem("interval", _("The repeat interval is too long (over a year).")))
    if rec.until is not None and rec.until < start:
        problems.append(Problem("until", _("The end date is before the start date.")))
    if any(not 0 <= d <= 6 for d in rec.weekdays):
        problems.append(Problem("weekdays", _("Weekdays run from Monday (0) to Sunday (6).")))
    if rec.frequency is Frequency.WEEKLY and not rec.weekdays:
        problems.append(Problem("weekdays", _("Choose at least one day of the week.")))
    if rec.frequency is Frequency.MONTHLY:
        if rec.monthly_mode is MonthlyMode.BY_DATE:
            if rec.month_day is None or not 1 <= rec.month_day <= 31:
                problems.append(Problem("month_day", _("Choose a day of the month from 1 to 31.")))
        else:
            if rec.nth not in (1, 2, 3, 4, 5, -1):
                problems.append(Problem("nth", _("Choose 1st, 2nd, 3rd, 4th, 5th or last.")))
            if rec.nth_weekday is None or not 0 <= rec.nth_weekday <= 6:
                problems.append(Problem("nth_weekday", _("Choose a day of the week.")))


def _cadence_problems(problems: list[Problem], cad: Cadence) -> None:
    if cad.ideal_days < 1:
        problems.append(Problem("ideal_days", _("The ideal interval must be at least one day.")))
    if cad.ideal_days > 3650:
        problems.append(
            Problem("ideal_days", _("The ideal interval is too long (over ten years)."))
        )
    if cad.too_long_days <= cad.ideal_days:
        problems.append(
            Problem(
                "too_long_days",
                _("The gentle nudge comes after the ideal interval: a few more days."),
            )
        )


def short_text(value: str, limit: int = SHORT_MAX) -> str:
    """A single-line preview of ``value``."""
    line = clean_line(value)
    return line if len(line) <= limit else line[: limit - 1] + "…"
