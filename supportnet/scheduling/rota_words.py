"""How a rota's coverage is said, in calm words: the text, the JSON's neighbours and the
printed rota all say it the same way."""

from __future__ import annotations

from datetime import date

from supportnet.model.days import short_date
from supportnet.model.network import ChannelKind
from supportnet.scheduling.rota import Coverage, Gap

__all__ = [
    "NOBODY_YET",
    "ahead_text",
    "checkin_text",
    "coverage_text",
    "done_text",
    "more_text",
    "stretch_text",
]

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


# -- a team's check-ins of the day, as Today says them -----------------------------------------

#: What a supporter does, by channel: (said of someone else, said of the user).
_VERBS: dict[ChannelKind | None, tuple[str, str]] = {
    ChannelKind.CALL: ("calls", "call"),
    ChannelKind.TEXT: ("texts", "text"),
    ChannelKind.VIDEO: ("has a video call with", "have a video call with"),
    ChannelKind.MESSAGING: ("messages", "message"),
    ChannelKind.EMAIL: ("emails", "email"),
    ChannelKind.IN_PERSON: ("visits", "visit"),
    ChannelKind.LETTER: ("writes to", "write to"),
    ChannelKind.OTHER: ("checks in with", "check in with"),
    None: ("checks in with", "check in with"),
}


def _when(time: str | None) -> str:
    return f" at {time}" if time else ", any time today"


def checkin_text(
    supporter: str | None,
    focus: str | None,
    channel: ChannelKind | None,
    time: str | None,
    *,
    by_you: bool = False,
) -> str:
    """One check-in of today in a few calm words.

    ``supporter`` is the supporter's name (``by_you``: the user, said as their own
    reach-out), None when nobody is planned yet; ``focus`` the focus person's name, None
    when it is the user; ``time`` "HH:MM", None for any time of the day. The verb follows
    the channel: "Auntie Shiv calls Dan at 19:00", "You call Dan at 19:00", "Rosie calls
    you at 19:00", "Rosie visits Mum, any time today", "Dan's 19:00 check-in is open —
    nobody planned yet".
    """
    if supporter is None and not by_you:
        whose = f"{focus}'s" if focus is not None else "Your"
        at = f"{time} check-in" if time else "check-in today"
        return f"{whose} {at} is open — {NOBODY_YET.lower()}"
    said_of, said_by_you = _VERBS.get(channel, _VERBS[None])
    whom = focus if focus is not None else "you"
    if by_you:
        return f"You {said_by_you} {whom}{_when(time)}"
    return f"{supporter} {said_of} {whom}{_when(time)}"


def done_text(supporter: str | None, *, by_you: bool = False) -> str:
    """A check-in of today marked done: "Done — Rosie checked in", "Done — you checked in"."""
    if supporter is None and not by_you:
        return "Done — someone checked in"
    who = "you" if by_you else supporter
    return f"Done — {who} checked in"


def ahead_text(focus: str | None, gap: Gap, *, open_ended: bool = False) -> str:
    """A stretch coming up with nobody planned, longer than the team is comfortable with,
    said once on Today (``focus`` None: a team around the user). It names the days, not a
    shortfall: someone may still take them. ``open_ended``: its end lies beyond what was
    looked at, so only its first day is said."""
    whom = "to check in with you" if focus is None else f"for {focus}"
    days = f"from {short_date(gap.first)}" if open_ended else f"on {stretch_text(gap)}"
    return (
        f"Nobody is planned yet {whom} {days}, a longer stretch than the team is comfortable with."
    )


def more_text(count: int) -> str:
    """The team's check-ins of today left off the card, pointed to calmly."""
    if count == 1:
        return "And one more check-in today, on the Care team page."
    return f"And {count} more check-ins today, on the Care team page."
