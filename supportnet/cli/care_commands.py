"""`supportnet rota`: a care team's next four weeks, one line a day, and how they're covered."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO
from zoneinfo import ZoneInfo

from supportnet.cli.common import in_sentence, passphrase_provider, shown, valid_text
from supportnet.cli.pdf_files import pdf_target, save_pdf
from supportnet.i18n import N_, _
from supportnet.model.care import ME
from supportnet.model.days import short_date
from supportnet.model.errors import NotFoundError, UsageError

if TYPE_CHECKING:
    from supportnet.model.care import CareTeam
    from supportnet.safety.crisis_lines import CountryHelp
    from supportnet.scheduling.rota import Gap
    from supportnet.services.care_teams import RotaLine, RotaView

__all__ = [
    "NO_PDF",
    "ROTA_DAYS",
    "WriteRotaPdf",
    "add_parsers",
    "check_team_with_supporter",
    "choose_team",
    "rota_json",
    "rota_text",
    "team_and_supporter",
]

#: Writes a team's rota and the crisis lines as a one-page PDF at a path (the GUI's
#: printing, handed in by the entry point so the command line imports no Qt).
WriteRotaPdf = Callable[["RotaView", "CountryHelp", Path], None]

NO_PDF = N_("A PDF can't be made from here; run `supportnet rota --pdf FILE` instead.")

#: How many days the rota shows: four weeks.
ROTA_DAYS = 28
#: The dates a rota may start on: its four weeks must end before the calendar does.
_FIRST_DAY = date(1900, 1, 1)
_LAST_DAY = date.max - timedelta(days=ROTA_DAYS)
#: Longer than any date written as YYYY-MM-DD: Python reads a long run of digits as a date.
_DATE_MAX = 10


def add_parsers(commands: Any, common: argparse.ArgumentParser) -> None:
    parser = commands.add_parser(
        "rota",
        parents=[common],
        help=_("print a care team's check-ins for the next four weeks"),
        description=_(
            "Print who checks in on the team's focus person on each of the next "
            "four weeks' days, and how the days are covered."
        ),
    )
    parser.add_argument(
        "--team", metavar="NAME", type=valid_text("The team's name"), help=_("which care team")
    )
    parser.add_argument(
        "--from",
        dest="start",
        metavar="DATE",
        type=valid_text("The date"),
        help=_("the first day, as YYYY-MM-DD (default: today)"),
    )
    shape = parser.add_mutually_exclusive_group()
    shape.add_argument("--json", action="store_true", help=_("print the rota as JSON"))
    shape.add_argument(
        "--pdf", metavar="FILE", help=_("save the rota as a one-page PDF (readable by you only)")
    )
    parser.set_defaults(handler=rota)


def parse_day(text: str) -> date:
    """A date typed as YYYY-MM-DD."""
    value = text.strip()
    try:
        if len(value) > _DATE_MAX:
            raise ValueError
        day = date.fromisoformat(value)
    except ValueError:
        raise UsageError(
            _("“{text}” isn't a date I understand; try 2026-12-07.").format(text=shown(text))
        ) from None
    if not _FIRST_DAY <= day <= _LAST_DAY:
        raise UsageError(
            _("Choose a date from {first} to {last}, such as 2026-12-07.").format(
                first=_FIRST_DAY.isoformat(), last=_LAST_DAY.isoformat()
            )
        )
    return day


def choose_team(teams: list[CareTeam], name: str | None) -> CareTeam | None:
    """The team ``name`` means (its whole name, any case, else the one name holding it);
    the only team when no name is given; None when there is no team at all."""
    if not teams:
        if name is not None:
            raise NotFoundError(
                _("There is no care team called “{name}”.").format(name=shown(name))
            )
        return None
    if name is None:
        if len(teams) == 1:
            return teams[0]
        raise UsageError(
            _("Which team? Choose one with --team: {teams}.").format(teams=_listed(teams))
        )
    wanted = name.strip().casefold()
    exact = [t for t in teams if t.name.casefold() == wanted]
    found = exact or [t for t in teams if wanted and wanted in t.name.casefold()]
    if not found:
        raise NotFoundError(_("There is no care team called “{name}”.").format(name=shown(name)))
    if len(found) > 1:
        raise UsageError(
            _("“{name}” could be {teams}; please give more of it.").format(
                name=shown(name), teams=_listed(found)
            )
        )
    return found[0]


def check_team_with_supporter(args: argparse.Namespace) -> None:
    """``--team`` only chooses whose team a ``--supporter`` is on."""
    if args.supporter is None and args.team is not None:
        raise UsageError(_("--team goes with --supporter: whose check-ins on that team?"))


def team_and_supporter(store: Any, team_name: str | None, supporter: str) -> tuple[str, str]:
    """The team ``--team`` means and its supporter ``--supporter`` names, as (team uid,
    supporter ref); :class:`NotFoundError` in words when there is no such team or person."""
    from supportnet.services.care_teams import CareTeamService
    from supportnet.services.rota_export import supporter_ref

    team = choose_team(CareTeamService(store).list(), team_name)
    if team is None:
        raise NotFoundError(_("There is no care team yet."))
    return team.uid, supporter_ref(store, team, supporter)


def _listed(teams: list[CareTeam]) -> str:
    names = [t.name for t in teams]
    if len(names) == 1:
        return names[0]
    # Translators: the last two of a list of names, as in "Ana, Bo or Cy".
    return _("{names} or {last}").format(names=", ".join(names[:-1]), last=names[-1])


def rota(args: argparse.Namespace, data_dir: Path, out: TextIO) -> int:
    from supportnet.data.store import open_store
    from supportnet.services.care_teams import CareTeamService
    from supportnet.services.schedule_reader import user_zone

    start = parse_day(args.start) if args.start is not None else None
    write_pdf: WriteRotaPdf | None = getattr(args, "write_rota_pdf", None)
    target = pdf_target(args.pdf, write_pdf, _(NO_PDF))
    with open_store(data_dir, passphrase=passphrase_provider(), create=False) as store:
        service = CareTeamService(store)
        team = choose_team(service.list(), args.team)
        if team is None:
            print(_("There is no care team yet."), file=out)
            return 0
        zone = user_zone(store)
        today = datetime.now(UTC).astimezone(ZoneInfo(zone)).date()
        view = service.rota(team.uid, start or today, ROTA_DAYS, zone)
    if target is not None:
        from supportnet.services.crisis import CrisisHelpService

        assert write_pdf is not None
        help = CrisisHelpService(data_dir).help()
        save_pdf(target, lambda temp: write_pdf(view, help, temp), "the rota")
        print(
            _("Saved the rota of {team} to {path}.").format(team=view.team.name, path=target),
            file=out,
        )
        return 0
    if args.json:
        json.dump(rota_json(view), out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        out.write(rota_text(view, today=today))
    return 0


# --- Text -------------------------------------------------------------------------------------


def rota_text(view: RotaView, *, today: date | None = None) -> str:
    """The heading, one line a day, and the coverage in words."""
    # Imported here: the command line's start-up loads no scheduling.
    from supportnet.scheduling.rota_words import NOBODY_YET, coverage_text

    first, last = view.days[0].day, view.days[-1].day
    if view.team.focus == ME:
        heading = _("{team}: check-ins with you, {first} to {last}")
    else:
        heading = _("{team}: check-ins with {name}, {first} to {last}")
    lines = [
        heading.format(
            team=view.team.name,
            name=view.focus_name,
            first=short_date(first),
            last=short_date(last),
        ),
        "",
    ]
    for day in view.days:
        said = " · ".join(_line_text(c) for c in day.check_ins) or _(NOBODY_YET)
        lines.append(f"{short_date(day.day):<10}  {said}")
    lines += ["", *coverage_text(view.coverage, view.team.comfortable_gap_days, today=today)]
    return "\n".join(lines) + "\n"


def _line_text(line: RotaLine) -> str:
    who = line.supporter_name if line.supporter_name is not None else _("open, nobody yet")
    how = [part for part in (in_sentence(line.channel) if line.channel else "",) if part]
    if line.swapped:
        how.append(_("swapped"))
    text = f"{line.time} {who}" if line.time else who
    return f"{text} ({', '.join(how)})" if how else text


# --- JSON -------------------------------------------------------------------------------------


def rota_json(view: RotaView) -> dict[str, Any]:
    """``{"team", "days": [{"date", "check_ins": [{"supporter", "time", "channel"}]}],
    "coverage"}``: supporter null for an open check-in, time null for any time of day."""
    cover = view.coverage
    return {
        "team": view.team.name,
        "days": [
            {
                "date": day.day.isoformat(),
                "check_ins": [
                    {
                        "supporter": c.supporter_name,
                        "time": c.time,
                        "channel": c.channel_kind.value if c.channel_kind else None,
                    }
                    for c in day.check_ins
                ],
            }
            for day in view.days
        ],
        "coverage": {
            "days": cover.days,
            "covered_days": cover.covered_days,
            "longest_gap": _gap_json(cover.longest_gap),
            "gaps_over_comfort": [_gap_json(g) for g in cover.gaps_over_comfort],
        },
    }


def _gap_json(gap: Gap | None) -> dict[str, Any] | None:
    if gap is None:
        return None
    return {"first": gap.first.isoformat(), "last": gap.last.isoformat(), "days": gap.days}
