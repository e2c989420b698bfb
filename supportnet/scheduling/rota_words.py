"""How a rota's coverage is said, in calm words: the text, the JSON's neighbours and the
printed rota all say it the same way."""

from __future__ import annotations

from datetime import date
from typing import NamedTuple

from supportnet.i18n import N_, _, ngettext, pgettext
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

#: A day with nobody planned: never "uncovered". Marked: show it through ``_()``.
NOBODY_YET = N_("Nobody planned yet")


def stretch_text(gap: Gap) -> str:
    """E.g. "Sat 12 Dec", "Sat 12 – Sun 13 Dec", "Wed 30 Dec – Fri 1 Jan"."""
    if gap.first == gap.last:
        return short_date(gap.first)
    if (gap.first.year, gap.first.month) == (gap.last.year, gap.last.month):
        return f"{short_date(gap.first).rsplit(' ', 1)[0]} – {short_date(gap.last)}"
    return f"{short_date(gap.first)} – {short_date(gap.last)}"


def _one_full_stop(sentence: str) -> str:
    """A sentence whose last date is abbreviated ("5. Dez.") ends with that full stop."""
    return sentence[:-1] if sentence.endswith("..") else sentence


def coverage_text(cover: Coverage, comfortable_gap_days: int, *, today: date | None) -> list[str]:
    """How the days are covered, in calm words; only the stretches longer than the team
    is comfortable with are pointed out."""
    days, covered = cover.days, cover.covered_days
    start = short_date(cover.start)
    if cover.start == today:
        if covered == days:
            out = _("Someone is planned on every one of the next {days} days.")
        elif covered == 0:
            out = _("Nobody is planned yet on the next {days} days.")
        else:
            out = _("Someone is planned on {covered} of the next {days} days.")
    elif covered == days:
        out = _("Someone is planned on every one of the {days} days from {start}.")
    elif covered == 0:
        out = _("Nobody is planned yet on the {days} days from {start}.")
    else:
        out = _("Someone is planned on {covered} of the {days} days from {start}.")
    out = out.format(days=days, covered=covered, start=start)
    if covered in (0, days):
        return [out]
    gap = cover.longest_gap
    if gap is not None:
        longest = ngettext(
            "The longest stretch with nobody planned is {n} day ({stretch}).",
            "The longest stretch with nobody planned is {n} days ({stretch}).",
            gap.days,
        )
        out += " " + longest.format(n=gap.days, stretch=stretch_text(gap))
    lines = [out]
    if cover.gaps_over_comfort:
        # Translators: between two stretches of days, e.g. "Sat 12 – Sun 13 Dec, Fri 18
        # Dec"; where a date holds commas itself ("Fr., 4. Dez.") a semicolon reads better.
        between = pgettext("between stretches of days", ", ")
        listed = between.join(stretch_text(g) for g in cover.gaps_over_comfort)
        longer = ngettext(
            "Longer than the {n} day the team is comfortable with: {listed}.",
            "Longer than the {n} days the team is comfortable with: {listed}.",
            comfortable_gap_days,
        )
        lines.append(_one_full_stop(longer.format(n=comfortable_gap_days, listed=listed)))
    return lines


# -- a team's check-ins of the day, as Today says them -----------------------------------------


class _Says(NamedTuple):
    """One channel's sentences: the verb sits inside each, as German needs ("ruft … an")."""

    other_at: str
    other_any_time: str
    you_at: str
    you_any_time: str
    by_you_at: str
    by_you_any_time: str


#: What a supporter does, by channel (None: a check-in with no channel).
_SAYS: dict[ChannelKind | None, _Says] = {
    ChannelKind.CALL: _Says(
        N_("{supporter} calls {focus} at {time}"),
        N_("{supporter} calls {focus}, any time today"),
        N_("{supporter} calls you at {time}"),
        N_("{supporter} calls you, any time today"),
        N_("You call {focus} at {time}"),
        N_("You call {focus}, any time today"),
    ),
    ChannelKind.TEXT: _Says(
        N_("{supporter} texts {focus} at {time}"),
        N_("{supporter} texts {focus}, any time today"),
        N_("{supporter} texts you at {time}"),
        N_("{supporter} texts you, any time today"),
        N_("You text {focus} at {time}"),
        N_("You text {focus}, any time today"),
    ),
    ChannelKind.VIDEO: _Says(
        N_("{supporter} has a video call with {focus} at {time}"),
        N_("{supporter} has a video call with {focus}, any time today"),
        N_("{supporter} has a video call with you at {time}"),
        N_("{supporter} has a video call with you, any time today"),
        N_("You have a video call with {focus} at {time}"),
        N_("You have a video call with {focus}, any time today"),
    ),
    ChannelKind.MESSAGING: _Says(
        N_("{supporter} messages {focus} at {time}"),
        N_("{supporter} messages {focus}, any time today"),
        N_("{supporter} messages you at {time}"),
        N_("{supporter} messages you, any time today"),
        N_("You message {focus} at {time}"),
        N_("You message {focus}, any time today"),
    ),
    ChannelKind.EMAIL: _Says(
        N_("{supporter} emails {focus} at {time}"),
        N_("{supporter} emails {focus}, any time today"),
        N_("{supporter} emails you at {time}"),
        N_("{supporter} emails you, any time today"),
        N_("You email {focus} at {time}"),
        N_("You email {focus}, any time today"),
    ),
    ChannelKind.IN_PERSON: _Says(
        N_("{supporter} visits {focus} at {time}"),
        N_("{supporter} visits {focus}, any time today"),
        N_("{supporter} visits you at {time}"),
        N_("{supporter} visits you, any time today"),
        N_("You visit {focus} at {time}"),
        N_("You visit {focus}, any time today"),
    ),
    ChannelKind.LETTER: _Says(
        N_("{supporter} writes to {focus} at {time}"),
        N_("{supporter} writes to {focus}, any time today"),
        N_("{supporter} writes to you at {time}"),
        N_("{supporter} writes to you, any time today"),
        N_("You write to {focus} at {time}"),
        N_("You write to {focus}, any time today"),
    ),
    ChannelKind.OTHER: _Says(
        N_("{supporter} checks in with {focus} at {time}"),
        N_("{supporter} checks in with {focus}, any time today"),
        N_("{supporter} checks in with you at {time}"),
        N_("{supporter} checks in with you, any time today"),
        N_("You check in with {focus} at {time}"),
        N_("You check in with {focus}, any time today"),
    ),
}
_SAYS[None] = _SAYS[ChannelKind.OTHER]


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
        if focus is None:
            if time:
                return _("Your {time} check-in is open — nobody planned yet").format(time=time)
            return _("Your check-in today is open — nobody planned yet")
        if time:
            return _("{focus}'s {time} check-in is open — nobody planned yet").format(
                focus=focus, time=time
            )
        return _("{focus}'s check-in today is open — nobody planned yet").format(focus=focus)
    says = _SAYS.get(channel, _SAYS[None])
    if by_you:
        said = says.by_you_at if time else says.by_you_any_time
    elif focus is None:
        said = says.you_at if time else says.you_any_time
    else:
        said = says.other_at if time else says.other_any_time
    return _(said).format(supporter=supporter, focus=focus, time=time)


def done_text(supporter: str | None, *, by_you: bool = False) -> str:
    """A check-in of today marked done: "Done — Rosie checked in", "Done — you checked in"."""
    if by_you:
        return _("Done — you checked in")
    if supporter is None:
        return _("Done — someone checked in")
    return _("Done — {name} checked in").format(name=supporter)


def ahead_text(focus: str | None, gap: Gap, *, open_ended: bool = False) -> str:
    """A stretch coming up with nobody planned, longer than the team is comfortable with,
    said once on Today (``focus`` None: a team around the user). It names the days, not a
    shortfall: someone may still take them. ``open_ended``: its end lies beyond what was
    looked at, so only its first day is said."""
    if focus is None:
        said = (
            _(
                "Nobody is planned yet to check in with you from {day}, a longer stretch than "
                "the team is comfortable with."
            )
            if open_ended
            else _(
                "Nobody is planned yet to check in with you on {days}, a longer stretch than "
                "the team is comfortable with."
            )
        )
    elif open_ended:
        said = _(
            "Nobody is planned yet for {focus} from {day}, a longer stretch than the team is "
            "comfortable with."
        )
    else:
        said = _(
            "Nobody is planned yet for {focus} on {days}, a longer stretch than the team is "
            "comfortable with."
        )
    return said.format(focus=focus, day=short_date(gap.first), days=stretch_text(gap))


def more_text(count: int) -> str:
    """The team's check-ins of today left off the card, pointed to calmly."""
    return ngettext(
        "And one more check-in today, on the Care team page.",
        "And {n} more check-ins today, on the Care team page.",
        count,
    ).format(n=count)
