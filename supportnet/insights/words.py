"""The sentence above each chart, and the words inside them: plain, inviting, never a score.

When there is too little to go on, every chart says so the same way
(:data:`NOT_ENOUGH`) and draws no line that would mislead.
"""

from __future__ import annotations

from supportnet.i18n import N_, _, ngettext
from supportnet.i18n.calendar_words import words as calendar_words
from supportnet.insights.connection import Split, WeeklyConnection
from supportnet.insights.coverage import SupportCoverage
from supportnet.insights.lift import MIN_MOOD_PAIRS, Lift, MoodLifts
from supportnet.insights.rhythm import RhythmStrip
from supportnet.model.checkins import Initiator
from supportnet.model.days import rhythm
from supportnet.model.network import Circle

#: What every chart says with too little to go on (marked: shown through ``_()``).
NOT_ENOUGH = N_("Not enough check-ins yet to see a pattern.")

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

RHYTHM_ABOUT = N_(
    "The days between check-ins for each flexible plan, beside the rhythm you chose. Any "
    "contact counts, whoever reached out."
)


def times(count: int) -> str:
    """ "once", "twice", "42 times"."""
    if count == 1:
        return _("once")
    if count == 2:
        return _("twice")
    return ngettext("{n} time", "{n} times", count).format(n=count)


def span_words(weeks: int) -> str:
    """ "the last 6 months" (26 weeks), "the last 12 months" (52), else in weeks."""
    months = {13: 3, 26: 6, 39: 9, 52: 12}.get(weeks)
    # Translators: a span after "in": "You were in touch 42 times in the last 6 months";
    # German takes the dative ("den letzten 6 Monaten").
    if months is not None:
        return ngettext("the last month", "the last {n} months", months).format(n=months)
    # Translators: a span after "in", as above ("der letzten Woche", "den letzten 4 Wochen").
    return ngettext("the last week", "the last {n} weeks", weeks).format(n=weeks)


#: The summary when most check-ins were with one circle, each a whole sentence.
_MOST_WITH = {
    Circle.INNER.value: N_(
        "You were in touch {times} in {span}, most often with your inner circle."
    ),
    Circle.MIDDLE.value: N_(
        "You were in touch {times} in {span}, most often with your middle circle."
    ),
    Circle.OUTER.value: N_(
        "You were in touch {times} in {span}, most often with your outer circle."
    ),
}


def connection_summary(chart: WeeklyConnection) -> str:
    """E.g. "You were in touch 42 times in the last 6 months, most often with your inner
    circle." A growing second half is said; a quieter one is not."""
    total = chart.total
    if total < MIN_CHECKINS:
        return _(NOT_ENOUGH)
    span = span_words(len(chart.weeks))
    if chart.split is Split.WHO:
        mine = sum(next(s for s in chart.series if s.key == Initiator.ME.value).counts)
        theirs = total - mine
        text = _(
            "You were in touch {times} in {span}: you reached out {mine}, and others reached "
            "out to you {theirs}."
        ).format(times=times(total), span=span, mine=times(mine), theirs=times(theirs))
    else:
        # Split by circle: each series is a circle's.
        most = max(chart.series, key=lambda s: sum(s.counts))
        text = _(_MOST_WITH[most.key]).format(times=times(total), span=span)
    half = len(chart.totals) // 2
    earlier, later = sum(chart.totals[:half]), sum(chart.totals[half:])
    if half and later > earlier:
        text += " " + _("More lately than before.")
    return text


def coverage_summary(coverage: SupportCoverage) -> str:
    """E.g. "In the last month you were in touch with 7 of the 11 people and groups who
    support you." """
    if coverage.supporters == 0:
        return _(
            "Nobody is marked with the kinds of support they give yet; you can add that in "
            "each person's details."
        )
    return ngettext(
        "In the last month you were in touch with {in_touch} of the {n} person or group who "
        "supports you.",
        "In the last month you were in touch with {in_touch} of the {n} people and groups "
        "who support you.",
        coverage.supporters,
    ).format(in_touch=coverage.in_touch, n=coverage.supporters)


def lift_words(lift: Lift) -> str:
    """How a time with them has tended to feel, never a judgement of them."""
    if lift.change >= CLEAR_CHANGE:
        return _("often leaves you feeling better")
    if lift.change <= -CLEAR_CHANGE:
        return _("you've often felt lower afterwards")
    return _("you tend to feel about the same afterwards")


def lift_label(lift: Lift) -> str:
    """The same, short, beside a bar: "better after · 6 check-ins"."""
    if lift.change >= CLEAR_CHANGE:
        said = _("often better after · {n} check-ins")
    elif lift.change <= -CLEAR_CHANGE:
        said = _("often lower after · {n} check-ins")
    else:
        said = _("about the same · {n} check-ins")
    return said.format(n=lift.pairs)


def lift_summary(lifts: MoodLifts) -> str:
    """Who often leaves the user feeling better, and what the averages rest on."""
    rule = _(
        "Someone shows here once {n} check-ins with them have a mood before and after."
    ).format(n=MIN_MOOD_PAIRS)
    if not lifts.shown:
        return f"{_(NOT_ENOUGH)} {rule}"
    better = [lift.name for lift in lifts.shown if lift.change >= CLEAR_CHANGE]
    rests = _("From {n} check-ins with a mood before and after.").format(n=lifts.pairs)
    rests = f"{rests} {rule}"
    if not better:
        return rests
    said = ngettext(
        "{names} often leaves you feeling better.",
        "{names} often leave you feeling better.",
        len(better),
    ).format(names=_names(better))
    return f"{said} {rests}"


def _names(names: list[str]) -> str:
    if len(names) == 1:
        return names[0]
    if len(names) <= 3:
        # Translators: the last two of a list, "quiet hours, reminders and time zone".
        return _("{items} and {last}").format(items=", ".join(names[:-1]), last=names[-1])
    # Translators: "Sam, Rosie, Dan and 2 more".
    return _("{names} and {n} more").format(names=", ".join(names[:3]), n=len(names) - 3)


def rhythm_words(strip: RhythmStrip) -> str:
    """E.g. "About every 10 days, as you planned." or "Lately about every 3 weeks; your plan
    says about every 10 days." — a plan is a wish, so neither is early or late."""
    typical = strip.typical
    planned = rhythm(strip.ideal_days, about=True)
    if typical is None:
        says = _("Your plan says {rhythm}.").format(rhythm=planned)
        return f"{_(NOT_ENOUGH)} {says}"
    if abs(typical - strip.ideal_days) <= max(NEAR_DAYS, NEAR_SHARE * strip.ideal_days):
        # Translators: {rhythm} opens the sentence: "About every 10 days, as you planned."
        return _("{rhythm}, as you planned.").format(rhythm=planned[:1].upper() + planned[1:])
    return _("Lately {lately}; your plan says {planned}.").format(
        lately=rhythm(max(1, round(typical)), about=True), planned=planned
    )


def rhythm_summary(strips: tuple[RhythmStrip, ...]) -> str:
    if not strips:
        return _(
            "A flexible plan, such as about every 2 weeks, shows its rhythm here once you have one."
        )
    if all(strip.typical is None for strip in strips):
        return _(NOT_ENOUGH)
    return _(RHYTHM_ABOUT)


def most_counted(count: int, *, of: str) -> str:
    """The line under a chart that draws only the :data:`CHART_ROWS` with the most
    check-ins of ``count`` ``of`` "people and groups" or "plans": "The 15 plans with the most
    check-ins are drawn; "Show as tables" lists all 240." """
    if of == "plans":
        said = _(
            'The {rows} plans with the most check-ins are drawn; "Show as tables" lists all '
            "{count}."
        )
    else:
        said = _(
            'The {rows} people and groups with the most check-ins are drawn; "Show as tables" '
            "lists all {count}."
        )
    return said.format(rows=CHART_ROWS, count=calendar_words().number(count))
