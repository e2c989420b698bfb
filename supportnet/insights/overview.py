"""Every chart's numbers together, their titles and the sentence above each."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

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
        return _TITLES[self]


_TITLES = {
    ChartKind.CONNECTION: "Connection over time",
    ChartKind.COVERAGE: "Support around you",
    ChartKind.LIFT: "Who lifts your mood",
    ChartKind.RHYTHM: "Rhythm of your flexible plans",
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
        if kind is ChartKind.CONNECTION:
            return self.connection(split).total >= words.MIN_CHECKINS
        if kind is ChartKind.COVERAGE:
            return self.coverage.supporters > 0
        if kind is ChartKind.LIFT:
            return bool(self.lifts.shown)
        return any(strip.typical is not None for strip in self.rhythms)

    def summary(self, kind: ChartKind, split: Split = Split.CIRCLE) -> str:
        """The sentence above a chart."""
        if kind is ChartKind.CONNECTION:
            return words.connection_summary(self.connection(split))
        if kind is ChartKind.COVERAGE:
            return words.coverage_summary(self.coverage)
        if kind is ChartKind.LIFT:
            return words.lift_summary(self.lifts)
        return words.rhythm_summary(self.rhythms)

    def table(self, kind: ChartKind, split: Split = Split.CIRCLE) -> tables.Table:
        """A chart's numbers as a table."""
        if kind is ChartKind.CONNECTION:
            return tables.connection_table(self.connection(split))
        if kind is ChartKind.COVERAGE:
            return tables.coverage_table(self.coverage)
        if kind is ChartKind.LIFT:
            return tables.lift_table(self.lifts)
        return tables.rhythm_table(self.rhythms)

    def summaries(self) -> list[tuple[str, str]]:
        """Each chart's title and its sentence, in the page's order."""
        return [(kind.label, self.summary(kind)) for kind in ChartKind]
