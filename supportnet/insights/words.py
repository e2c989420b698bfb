"""The sentence above each chart, and the words inside them: plain, inviting, never a score.

When there is too little to go on, every chart says so the same way
(:data:`NOT_ENOUGH`) and draws no line that would mislead.
"""

from __future__ import annotations

from supportnet.insights.connection import Split, WeeklyConnection
from supportnet.insights.coverage import SupportCoverage
from supportnet.insights.lift import MIN_MOOD_PAIRS, Lift, MoodLifts
from supportnet.insights.rhythm import RhythmStrip
from supportnet.model.checkins import Initiator
from supportnet.model.days import rhythm

NOT_ENOUGH = "Not enough check-ins yet to see a pattern."

#: Fewer check-ins than this over the whole span: too few for a pattern.
MIN_CHECKINS = 3

#: A mood change from here up reads as "better", from its negative down as "lower".
CLEAR_CHANGE = 0.5

#: How near the chosen rhythm the usual gap may be and still read "as you planned": a
#: share of the rhythm, and at least a day or two either way.
NEAR_SHARE = 0.3
NEAR_DAYS = 2.0

#: The most rows a chart draws; the table lists every one.
CHART_ROWS = 15

RHYTHM_ABOUT = (
    "The days between check-ins for each flexible plan, beside the rhythm you chose. Any "
    "contact counts, whoever reached out."
)


def times(count: int) -> str:
    return "once" if count == 1 else "twice" if count == 2 else f"{count} times"


def span_words(weeks: int) -> str:
    """ "the last 6 months" (26 weeks), "the last 12 months" (52), else in weeks."""
    months = {13: 3, 26: 6, 39: 9, 52: 12}.get(weeks)
    if months is not None:
        return f"the last {months} months"
    return "the last week" if weeks == 1 else f"the last {weeks} weeks"


def connection_summary(chart: WeeklyConnection) -> str:
    """E.g. "You were in touch 42 times in the last 6 months, most often with your inner
    circle." A growing second half is said; a quieter one is not."""
    total = chart.total
    if total < MIN_CHECKINS:
        return NOT_ENOUGH
    opening = f"You were in touch {times(total)} in {span_words(len(chart.weeks))}"
    if chart.split is Split.WHO:
        mine = sum(next(s for s in chart.series if s.key == Initiator.ME.value).counts)
        theirs = total - mine
        text = (
            f"{opening}: you reached out {times(mine)}, and others reached out to you "
            f"{times(theirs)}."
        )
    else:
        most = max(chart.series, key=lambda s: sum(s.counts))
        text = f"{opening}, most often with your {most.label.lower()}."
    half = len(chart.totals) // 2
    earlier, later = sum(chart.totals[:half]), sum(chart.totals[half:])
    if half and later > earlier:
        text += " More lately than before."
    return text


def coverage_summary(coverage: SupportCoverage) -> str:
    """E.g. "In the last month you were in touch with 7 of the 11 people and groups who
    support you." """
    if coverage.supporters == 0:
        return (
            "Nobody is marked with the kinds of support they give yet; you can add that in "
            "each person's details."
        )
    whom = "person or group" if coverage.supporters == 1 else "people and groups"
    who = "supports" if coverage.supporters == 1 else "support"
    return (
        f"In the last month you were in touch with {coverage.in_touch} of the "
        f"{coverage.supporters} {whom} who {who} you."
    )


def lift_words(lift: Lift) -> str:
    """How a time with them has tended to feel, never a judgement of them."""
    if lift.change >= CLEAR_CHANGE:
        return "often leaves you feeling better"
    if lift.change <= -CLEAR_CHANGE:
        return "you've often felt lower afterwards"
    return "you tend to feel about the same afterwards"


def lift_label(lift: Lift) -> str:
    """The same, short, beside a bar: "better after · 6 check-ins"."""
    if lift.change >= CLEAR_CHANGE:
        feel = "often better after"
    elif lift.change <= -CLEAR_CHANGE:
        feel = "often lower after"
    else:
        feel = "about the same"
    return f"{feel} · {lift.pairs} check-ins"


def lift_summary(lifts: MoodLifts) -> str:
    """Who often leaves the user feeling better, and what the averages rest on."""
    rule = (
        f"Someone shows here once {MIN_MOOD_PAIRS} check-ins with them have a mood before "
        "and after."
    )
    if not lifts.shown:
        return f"{NOT_ENOUGH} {rule}"
    better = [lift.name for lift in lifts.shown if lift.change >= CLEAR_CHANGE]
    rests = f"From {lifts.pairs} check-ins with a mood before and after. {rule}"
    if not better:
        return rests
    verb = "leaves" if len(better) == 1 else "leave"
    return f"{_names(better)} often {verb} you feeling better. {rests}"


def _names(names: list[str]) -> str:
    if len(names) <= 3:
        return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
    return f"{', '.join(names[:3])} and {len(names) - 3} more"


def rhythm_words(strip: RhythmStrip) -> str:
    """E.g. "About every 10 days, as you planned." or "Lately about every 3 weeks; your plan
    says about every 10 days." — a plan is a wish, so neither is early or late."""
    typical = strip.typical
    planned = rhythm(strip.ideal_days, about=True)
    if typical is None:
        return f"{NOT_ENOUGH} Your plan says {planned}."
    if abs(typical - strip.ideal_days) <= max(NEAR_DAYS, NEAR_SHARE * strip.ideal_days):
        return f"{planned.capitalize()}, as you planned."
    return f"Lately {rhythm(max(1, round(typical)), about=True)}; your plan says {planned}."


def rhythm_summary(strips: tuple[RhythmStrip, ...]) -> str:
    if not strips:
        return (
            "A flexible plan, such as about every 2 weeks, shows its rhythm here once you have one."
        )
    if all(strip.typical is None for strip in strips):
        return NOT_ENOUGH
    return RHYTHM_ABOUT


def most_counted(count: int, *, of: str) -> str:
    """The line under a chart that draws only the :data:`CHART_ROWS` with the most
    check-ins of ``count``: "The 15 with the most check-ins are drawn; "Show as tables"
    lists all 240." """
    return (
        f'The {CHART_ROWS} {of} with the most check-ins are drawn; "Show as tables" lists '
        f"all {count:,}."
    )
