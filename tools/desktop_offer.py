"""Before `make run` opens the window: offer, once, to add SupportNet to the app menu.

Asks y/N only where someone is at a terminal; otherwise prints one line saying how. Either
way a marker file (in .venv, so `make clean` forgets it) records that it was offered, and
it is never offered again; nor when the launcher is already installed. Nothing here can
stop the app from opening: a failure is one line, and `make run` goes on.

Run: `.venv/bin/python -m tools.desktop_offer MARKER` (the `run` target does).
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

HOW = "To add SupportNet to your app menu, with its icon: .venv/bin/supportnet install-desktop"


def offer(
    marker: Path,
    ask: Callable[[str], str] | None,
    say: Callable[[str], None] = print,
) -> None:
    """Offer the launcher unless it is installed or was offered; ``ask`` is None when no
    one is at a terminal to answer."""
    from supportnet.model.errors import SupportNetError
    from supportnet.services import desktop_entry

    if marker.exists() or desktop_entry.is_installed():
        return
    try:
        marker.touch()
    except OSError:
        return  # no marker, no offer: better silent than asked on every run
    if ask is None:
        say(HOW)
        return
    try:
        answer = ask("Add SupportNet to your app menu, with its icon? [y/N] ")
    except (EOFError, KeyboardInterrupt):
        say("")
        return
    if answer.strip().lower() not in {"y", "yes"}:
        say(HOW.replace("To add", "Later, to add"))
        return
    try:
        plan = desktop_entry.install(desktop_entry.data_home(), desktop_entry.launch_command())
    except SupportNetError as exc:
        say(exc.message)
        return
    say(f"SupportNet is in your app menu ({plan.entry}).")


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python -m tools.desktop_offer MARKER", file=sys.stderr)
        return 2
    at_terminal = sys.stdin.isatty() and sys.stdout.isatty()
    offer(Path(argv[0]), input if at_terminal else None)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
