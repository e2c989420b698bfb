"""`supportnet safety-plan`: the plan for hard days as text, or saved as a one-page PDF."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from supportnet.cli.common import passphrase_provider
from supportnet.cli.pdf_files import pdf_target, save_pdf
from supportnet.i18n import N_, _

if TYPE_CHECKING:
    from supportnet.safety.crisis_lines import CountryHelp
    from supportnet.safety.resolve import ResolvedPlan

__all__ = ["NO_PDF", "WritePlanPdf", "add_parsers", "safety_plan"]

#: Writes the plan and the crisis lines as a one-page PDF at a path (the GUI's printing,
#: handed in by the entry point so the command line imports no Qt).
WritePlanPdf = Callable[["ResolvedPlan", "CountryHelp", Path], None]

NO_PDF = N_("A PDF can't be made from here; run `supportnet safety-plan --pdf FILE` instead.")


def add_parsers(commands: Any, common: argparse.ArgumentParser) -> None:
    parser = commands.add_parser(
        "safety-plan",
        parents=[common],
        help=_("print your plan for hard days, with the crisis lines"),
        description=_(
            "Print your plan for hard days as text, ending with the crisis lines "
            "for your country; or save it as a one-page PDF to print."
        ),
    )
    parser.add_argument(
        "--pdf", metavar="FILE", help=_("save the plan as a PDF (readable by you only)")
    )
    parser.set_defaults(handler=safety_plan)


def safety_plan(args: argparse.Namespace, data_dir: Path, out: TextIO) -> int:
    from supportnet.data.store import open_store
    from supportnet.safety.crisis_lines import as_text
    from supportnet.services.crisis import CrisisHelpService
    from supportnet.services.safety_plan import SafetyPlanService

    write_pdf: WritePlanPdf | None = getattr(args, "write_plan_pdf", None)
    target = pdf_target(args.pdf, write_pdf, _(NO_PDF))
    with open_store(data_dir, passphrase=passphrase_provider(), create=False) as store:
        view = SafetyPlanService(store).view()
    help = CrisisHelpService(data_dir).help()
    if target is None:
        from supportnet.safety.plain_text import plan_text

        out.write(plan_text(view, as_text(help)))
        return 0
    assert write_pdf is not None
    save_pdf(target, lambda temp: write_pdf(view, help, temp), "the plan")
    print(_("Saved your plan to {path}.").format(path=target), file=out)
    return 0
