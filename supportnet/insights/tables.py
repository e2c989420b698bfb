"""Each chart's numbers as a table ("Show as table"): what a screen reader reads, the same
numbers the chart draws, in words where the chart uses position."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from supportnet.i18n import _
from supportnet.insights import words
from supportnet.insights.connection import WeeklyConnection
from supportnet.insights.coverage import SupportCoverage
from supportnet.insights.lift import MoodLifts
from supportnet.insights.rhythm import RhythmStrip
from supportnet.model.days import rhythm, short_date


@dataclass(frozen=True, slots=True)
class Table:
    """A header and rows of text, all rows as long as the header."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


def connection_table(chart: WeeklyConnection) -> Table:
    header = (_("Week of"), *(series.label for series in chart.series), _("All"))
    rows = tuple(
        (
            short_date(monday, year=True),
            *(str(series.counts[i]) for series in chart.series),
            str(chart.totals[i]),
        )
        for i, monday in enumerate(chart.weeks)
    )
    return Table(header, rows)


def coverage_table(coverage: SupportCoverage) -> Table:
    header = (_("Kind of support"), _("People and groups who give it"), _("In touch this month"))
    rows = tuple((row.support.label, str(row.givers), str(row.in_touch)) for row in coverage.kinds)
    return Table(header, rows)


def lift_table(lifts: MoodLifts) -> Table:
    header = (
        _("Who"),
        _("How it tends to feel"),
        _("Average change"),
        _("Check-ins with both moods"),
    )
    rows = tuple(
        (lift.name, words.lift_words(lift), f"{lift.change:+.1f}", str(lift.pairs))
        for lift in lifts.shown
    )
    return Table(header, rows)


def rhythm_table(strips: Sequence[RhythmStrip]) -> Table:
    header = (_("Plan with"), _("The rhythm you chose"), _("Lately"), _("Days between check-ins"))
    rows = tuple(
        (
            strip.name,
            rhythm(strip.ideal_days, about=True),
            words.rhythm_words(strip),
            ", ".join(f"{gap:.0f}" for gap in strip.gaps),
        )
        for strip in strips
    )
    return Table(header, rows)
