"""How a rota's coverage is said, in calm words: the text, the JSON's neighbours and the
printed rota all say it the same way."""

from __future__ import annotations

from datetime import date

from supportnet.model.days import short_date
from supportnet.scheduling.rota import Coverage, Gap

__all__ = ["NOBODY_YET", "coverage_text", "stretch_text"]

#: A day with nobody planned: never "uncovered".
NOBODY_YET = "Nobody planned yet"


def _days(n: int) -> str:
    return f"{n} day" if n == 1 else f"{n} days"


def stretch_text(gap: Gap) -> str:
    """E.g. "Sat 12 Dec", "Sat 12 – Sun 13 Dec", "Wed 30 Dec – Fri 1 Jan"."""
    if gap.first == gap.last:
        return short_date(gap.first)
    if (gap.first.year, gap.first.month) == (gap.last.year, gap.last.month):
        return f"{short_date(gap.first).rsplit(' ', 1)[0]} – {short_date(gap.last)}"
    return f"{short_date(gap.first)} – {short_date(gap.last)}"


def coverage_text(cover: Coverage, comfortable_gap_days: int, *, today: date | None) -> list[str]:
    """How the days are covered, in calm words; only the stretches longer than the team
    is comfortable with are pointed out."""
    span = (
        f"the next {cover.days} days"
        if cover.start == today
        else f"the {cover.days} days from {short_date(cover.start)}"
    )
    if cover.covered_days == cover.days:
        return [f"Someone is planned on every one of {span}."]
    if cover.covered_days == 0:
        return [f"Nobody is planned yet on {span}."]
    out = f"Someone is planned on {cover.covered_days} of {span}."
    gap = cover.longest_gap
    if gap is not None:
        out += (
            f" The longest stretch with nobody planned is {_days(gap.days)} ({stretch_text(gap)})."
        )
    lines = [out]
    if cover.gaps_over_comfort:
        listed = ", ".join(stretch_text(g) for g in cover.gaps_over_comfort)
        lines.append(
            f"Longer than the {_days(comfortable_gap_days)} the team is comfortable with: {listed}."
        )
    return lines
