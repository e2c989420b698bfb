"""Entry point: `supportnet` and `python -m supportnet`: the command line, or the app."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from supportnet.safety.crisis_lines import CountryHelp
    from supportnet.safety.resolve import ResolvedPlan
    from supportnet.services.care_teams import RotaView


def _load_the_store_first() -> None:
    """The store's modules the first window reads with, loaded before Qt's.

    Once PySide6 is loaded, its import hook reads the source of every module imported
    after it (``inspect.getsource``, to see whether it uses PySide6): about 0.1 ms a
    module, more for a long one. These are Qt-free and all opened or read before the first
    paint, so loading them here costs the same minus that. Only what every start needs.
    """
    import sqlcipher3  # noqa: F401
    import tzlocal  # noqa: F401  # Today's day is the system zone's, unless one is set

    import supportnet.data.contact_reads  # the care card: when each supporter was last in touch
    import supportnet.data.open_config
    import supportnet.data.reads
    import supportnet.data.repositories.care_teams
    import supportnet.data.repositories.postponements
    import supportnet.data.repositories.settings
    import supportnet.data.store
    import supportnet.model.settings  # noqa: F401


def _open_app(data_dir: Path, qt_argv: list[str]) -> int:
    from supportnet.runtime.memory import while_starting

    while_starting()  # until the window is painted (ui.app's settle())
    # Qt loads only when the app is asked for, never for a command.
    _load_the_store_first()
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
