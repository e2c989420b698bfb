"""Entry point: `supportnet` and `python -m supportnet`: the command line, or the app."""

from __future__ import annotations

import sys
from pathlib import Path


def _open_app(data_dir: Path, qt_argv: list[str]) -> int:
    # Qt loads only when the app is asked for, never for a command.
    from supportnet.ui.app import run_gui

    return run_gui(data_dir, qt_argv)


def main(argv: list[str] | None = None) -> int:
    from supportnet.cli import run

    return run(sys.argv[1:] if argv is None else argv, open_app=_open_app)


if __name__ == "__main__":
    sys.exit(main())
