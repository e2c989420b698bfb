"""Every chart's numbers together, their titles and the sentence above each."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from supportnet.i18n import N_, _
from supportnet.insights import tables, words
from supportnet.insights.connection import Split, WeeklyConnection
from supportnet.insights.coverage import SupportCoverage
from supportnet.insights.lift import MoodLifts
from supportnet.insights.rhythm import RhythmStrip


class ChartKind(StrEnum):
    """The charts, in the page's order; the value names a chart's file."""

    CONNECTION = "connection-over-time"
    COVERAGE = "support-around-you"
    LIFT = "who-lifts-your-mood"
    RHYTHM = "rhythm-of-your-flexible-plans"

    @property
    def label(self) -> str:
        return _(_TITLES[self])


_TITLES = {
    ChartKind.CONNECTION: N_("Connection over time"),
    ChartKind.COVERAGE: N_("Support around you"),
    ChartKind.LIFT: N_("Who lifts your mood"),
    ChartKind.RHYTHM: N_("Rhythm of your flexible plans"),
}


@dataclass(frozen=True, slots=True)
class Insights:
    """Every chart's numbers over the last ``weeks`` weeks, as of ``now``."""

    weeks: int
    now: datetime
    by_circle: WeeklyConnection
    by_who: WeeklyConnection
    coverage: SupportCoverage
    lifts: MoodLifts
    rhythms: tuple[RhythmStrip, ...]

    def connection(self, split: Split) -> WeeklyConnection:
        return self.by_circle if split is Split.CIRCLE else self.by_who

    def has_chart(self, kind: ChartKind, split: Split = Split.CIRCLE) -> bool:
        """Whether there is enough to draw the chart; else its sentence says so alone."""
        return shows_chart(kind, self.numbers(kind, split))

    def numbers(self, kind: ChartKind, split: Split = Split.CIRCLE) -> Any:
        """What one chart draws: the weeks (stacked as ``split`` says), the coverage, the
        lifts or the rhythms. Its sentence, table and figure are each made from it."""
        if kind is ChartKind.CONNECTION:
            return self.connection(split)
        if kind is ChartKind.COVERAGE:
            return self.coverage
        if kind is ChartKind.LIFT:
            return self.lifts
        return self.rhythms

    def summary(self, kind: ChartKind, split: Split = Split.CIRCLE) -> str:
        """The sentence above a chart."""
        return summary_of(kind, self.numbers(kind, split))

    def table(self, kind: ChartKind, split: Split = Split.CIRCLE) -> tables.Table:
        """A chart's numbers as a table."""
        table: tables.Table = _TABLES[kind](self.numbers(kind, split))
        return table

    def summaries(self) -> list[tuple[str, str]]:
        """Each chart's title and its sentence, in the page's order."""
        return [(kind.label, self.summary(kind)) for kind in ChartKind]


def summary_of(kind: ChartKind, numbers: Any) -> str:
    """The sentence above ``kind``'s chart of ``numbers`` (:meth:`Insights.numbers`)."""
    text: str = _SUMMARIES[kind](numbers)
    return text


def shows_chart(kind: ChartKind, numbers: Any) -> bool:
    """Whether ``numbers`` (:meth:`Insights.numbers`) are enough to draw ``kind``'s chart."""
    if kind is ChartKind.CONNECTION:
        return bool(numbers.total >= words.MIN_CHECKINS)
    if kind is ChartKind.COVERAGE:
        return bool(numbers.supporters > 0)
    if kind is ChartKind.LIFT:
        return bool(numbers.shown)
    return any(strip.typical is not None for strip in numbers)


#: Each chart's sentence and table, from :meth:`Insights.numbers`.
_SUMMARIES: dict[ChartKind, Callable[[Any], str]] = {
    ChartKind.CONNECTION: words.connection_summary,
    ChartKind.COVERAGE: words.coverage_summary,
    ChartKind.LIFT: words.lift_summary,
    ChartKind.RHYTHM: words.rhythm_summary,
}
_TABLES: dict[ChartKind, Callable[[Any], tables.Table]] = {
    ChartKind.CONNECTION: tables.connection_table,
    ChartKind.COVERAGE: tables.coverage_table,
    ChartKind.LIFT: tables.lift_table,
    ChartKind.RHYTHM: tables.rhythm_table,
}
