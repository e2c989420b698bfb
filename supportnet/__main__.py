"""Entry point: `supportnet` and `python -m supportnet`: the command line, or the app."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from supportnet.safety.crisis_lines import CountryHelp
    from supportnet.safety.resolve import ResolvedPlan
    from supportnet.services.care_teams import RotaView


def _open_app(data_dir: Path, qt_argv: list[str]) -> int:
    from supportnet.runtime.memory import while_starting

    while_starting()  # until the window is painted (ui.app's settle())
    # Qt loads only when the app is asked for, never for a command.
    from supportnet.ui.app import run_gui

    return run_gui(data_dir, qt_argv)


def _offscreen() -> None:
    # Qt loads only when a PDF is asked for. No window is shown, so a machine without a
    # display can still write one.
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _write_plan_pdf(view: ResolvedPlan, help: CountryHelp, path: Path) -> None:
    _offscreen()
    from supportnet.ui.safety.printing import write_plan_pdf

    write_plan_pdf(view, help, path)


def _write_rota_pdf(view: RotaView, help: CountryHelp, path: Path) -> None:
    _offscreen()
    from supportnet.ui.care.printing import write_rota_pdf

    write_rota_pdf(view, help, path)


def main(argv: list[str] | None = None) -> int:
    from supportnet.cli import run

    return run(
        sys.argv[1:] if argv is None else argv,
        open_app=_open_app,
        write_plan_pdf=_write_plan_pdf,
        write_rota_pdf=_write_rota_pdf,
    )


if __name__ == "__main__":
    sys.exit(main())
