"""`supportnet crisis-lines`: the crisis lines, offline, with no store and no key."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any, TextIO

from supportnet.cli.common import shown
from supportnet.i18n import _
from supportnet.model.errors import UsageError


def country_code(text: str) -> str:
    """An argparse type: an assigned ISO 3166-1 alpha-2 code in any case, upper-cased.

    A code no country has (ZZ, XX, AA) is refused, so a typo is one line and exit 2; a
    real country the file doesn't hold (JP) still gets the guidance.
    """
    from supportnet.safety.country import is_country_code, normalized_code

    code = normalized_code(text)
    if code is None or not is_country_code(code):
        raise UsageError(
            _(
                "“{text}” isn't a country code; use the two letters ISO 3166 gives a "
                "country, such as GB, IE or US."
            ).format(text=shown(text))
        )
    return code


def add_parsers(commands: Any, common: argparse.ArgumentParser) -> None:
    parser = commands.add_parser(
        "crisis-lines",
        parents=[common],
        help=_("show crisis lines and the emergency number (works offline, nothing to unlock)"),
        description=_(
            "Show the crisis lines for your country: the one you chose, else your "
            "system's. Nothing is unlocked and nothing personal is read."
        ),
    )
    which = parser.add_mutually_exclusive_group()
    which.add_argument(
        "--country",
        metavar="CC",
        type=country_code,
        help=_("a country code, such as GB or US"),
    )
    which.add_argument("--all", action="store_true", help=_("show every country in the list"))
    which.add_argument(
        "--set-country",
        metavar="CC",
        type=country_code,
        help=_("remember CC as your country (kept outside the encrypted store), then show it"),
    )
    parser.set_defaults(handler=crisis_lines)


def crisis_lines(args: argparse.Namespace, data_dir: Path, out: TextIO) -> int:
    from supportnet.safety.crisis_lines import as_text, countries, help_for
    from supportnet.services.crisis import CrisisHelpService

    if args.all:
        out.write("\n".join(as_text(help) for help in countries()))
        return 0
    # A folder the data-folder check refuses isn't read for the saved country: the
    # locale's country is shown instead (crisis help is never behind a setting).
    refused = getattr(args, "data_dir_refused", False)
    service = CrisisHelpService(None if refused else data_dir)
    if args.set_country:
        service.set_country(args.set_country)
    code = args.country or args.set_country or service.country()
    out.write(as_text(help_for(code)))
    return 0
