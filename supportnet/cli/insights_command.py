"""`supportnet insights`: each chart's sentence, or the charts themselves as pictures."""

from __future__ import annotations

import argparse
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TextIO

from supportnet.cli.common import passphrase_provider
from supportnet.data.paths import user_path
from supportnet.i18n import _
from supportnet.model.errors import SupportNetError, UsageError


def _weeks(text: str) -> int:
    from supportnet.services.insights import MAX_WEEKS

    try:
        weeks = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            _("weeks is a whole number, not {text}").format(text=repr(text))
        ) from None
    if not 1 <= weeks <= MAX_WEEKS:
        raise argparse.ArgumentTypeError(_("weeks is from 1 to {n}").format(n=MAX_WEEKS))
    return weeks


def add_parser(commands: Any, common: argparse.ArgumentParser) -> None:
    parser = commands.add_parser(
        "insights",
        parents=[common],
        help=_("how your connections have been: a sentence per chart, or the charts as pictures"),
        description=_(
            "Adds up your own check-ins: connection over time, the support around "
            "you, who lifts your mood and the rhythm of your flexible plans. Without --out it "
            "prints one sentence per chart; with --out it saves each chart as a picture."
        ),
    )
    parser.add_argument(
        "--weeks", type=_weeks, default=26, help=_("how many weeks back to look (default 26)")
    )
    parser.add_argument("--out", metavar="DIR", help=_("save each chart into this folder"))
    parser.add_argument(
        "--format", choices=("png", "svg", "pdf"), default="png", help=_("the pictures' format")
    )
    parser.add_argument(
        "--split",
        choices=("circle", "who"),
        default="circle",
        help=_("connection over time by circle (default) or by who reached out"),
    )
    parser.add_argument("--dark", action="store_true", help=_("light text on a dark ground"))
    parser.set_defaults(handler=_cmd_insights)


def _cmd_insights(args: argparse.Namespace, data_dir: Path, out: TextIO) -> int:
    from supportnet.data.store import open_store
    from supportnet.insights.connection import Split
    from supportnet.insights.overview import ChartKind
    from supportnet.services.insights import InsightsService

    folder = None
    if args.out:
        folder = user_path(args.out).resolve()
        if folder.exists() and not folder.is_dir():
            raise UsageError(
                _("{folder} is a file; name a folder to save the charts in.").format(folder=folder)
            )
        if not folder.is_dir():
            raise UsageError(
                _("There is no folder {folder}; make it first, then name it.").format(folder=folder)
            )
    with open_store(data_dir, passphrase=passphrase_provider(), create=False) as store:
        insights = InsightsService(store).gather(datetime.now(UTC), weeks=args.weeks)
    split = Split.WHO if args.split == "who" else Split.CIRCLE
    if folder is None:
        for kind in ChartKind:
            print(f"{kind.label}: {insights.summary(kind, split)}", file=out)
        return 0
    from supportnet.charts.figures import figure_of
    from supportnet.charts.files import Format, save_figure
    from supportnet.charts.setup import prepare_matplotlib
    from supportnet.charts.style import DARK, LIGHT

    prepare_matplotlib()
    fmt = Format(args.format)
    style = DARK if args.dark else LIGHT
    for kind in ChartKind:
        path = folder / f"{kind.value}.{fmt.value}"
        try:
            save_figure(figure_of(insights, kind, style, split), path, fmt)
        except OSError as exc:
            raise SupportNetError(
                _("{path} couldn't be written ({reason}).").format(path=path, reason=exc.strerror)
            ) from None
        print(_("Saved {path}").format(path=path), file=out)
    print(_("These pictures are not encrypted, and they show names."), file=out)
    return 0
