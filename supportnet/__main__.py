"""Entry point: `supportnet` and `python -m supportnet`: the command line, or the app."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from supportnet.safety.crisis_lines import CountryHelp
    from supportnet.safety.resolve import ResolvedPlan
    from supportnet.services.care_teams import RotaView


def _load_before_qt() -> None:
    """The Qt-free modules the first window reads and shows with, loaded before Qt's.

    Once PySide6 is loaded, its import hook reads the whole source of each module imported
    after it that it hasn't been told about (:mod:`supportnet.ui.pyside_hook` tells it of
    SupportNet's own and of everything loaded before PySide6). These are Qt-free and all
    used before the first paint, so what they pull in from the standard library and
    sqlcipher3 is spared that by loading here. Only what every start needs:
    tests/ui/test_startup_imports.py names any the first window loads after Qt.
    """
    import sqlcipher3  # noqa: F401

    # The store's: opening it, the settings, Today's reads, the care card's.
    import supportnet.data.contact_reads
    import supportnet.data.open_config
    import supportnet.data.reads
    import supportnet.data.repositories.care_teams
    import supportnet.data.repositories.postponements
    import supportnet.data.repositories.settings
    import supportnet.data.store
    import supportnet.model.settings

    # Today's: the services its first frame asks for, and the scheduling behind its cards.
    import supportnet.runtime.crash_text
    import supportnet.scheduling.reaching_out
    import supportnet.services.crisis
    import supportnet.services.everyone
    import supportnet.services.preferences
    import supportnet.services.reach
    import supportnet.services.registry
    import supportnet.services.schedule_reader
    import supportnet.services.today_cards  # noqa: F401


def _open_app(data_dir: Path, qt_argv: list[str]) -> int:
    from supportnet.folders import user_cache_folder
    from supportnet.runtime import code_cache
    from supportnet.runtime.memory import while_starting

    while_starting()  # until the window is painted (ui.app's settle())
    code_cache.remember(user_cache_folder())  # until then too (ui.app's code_cache.keep())
    # The key, read on another core while Qt loads (its record's dataclasses made through
    # the cache above).
    from supportnet.data.keys import begin_reading

    begin_reading(data_dir)
    # Qt loads only when the app is asked for, never for a command.
    _load_before_qt()
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
