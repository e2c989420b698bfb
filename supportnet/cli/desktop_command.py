"""`supportnet install-desktop [--uninstall]`: SupportNet in the desktop's app menu, with
its icon (:mod:`supportnet.services.desktop_entry`)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any, TextIO

from supportnet.i18n import _, ngettext


def add_parser(commands: Any, common: argparse.ArgumentParser) -> None:
    parser = commands.add_parser(
        "install-desktop",
        parents=[common],
        help=_("add SupportNet to your desktop's app menu, with its icon"),
        description=_(
            "Adds SupportNet's launcher, icons and software-centre details under "
            "$XDG_DATA_HOME (usually ~/.local/share), for you alone; the launcher starts this "
            "copy of SupportNet. --uninstall takes away exactly those files again."
        ),
    )
    parser.add_argument(
        "--uninstall", action="store_true", help=_("remove the launcher, icons and details")
    )
    parser.set_defaults(handler=_cmd_install_desktop)


def _cmd_install_desktop(args: argparse.Namespace, _data_dir: Path, out: TextIO) -> int:
    import sys

    from supportnet.model.errors import SupportNetError
    from supportnet.services import desktop_entry

    if sys.platform in {"darwin", "win32"}:
        raise SupportNetError(
            _(
                "install-desktop is for Linux and other freedesktop.org desktops; on this "
                "system start SupportNet with the `supportnet` command."
            )
        )
    home = desktop_entry.data_home()
    if args.uninstall:
        removed = desktop_entry.uninstall(home)
        if removed:
            print(
                ngettext(
                    "SupportNet is no longer in your app menu ({n} files removed under {home}).",
                    "SupportNet is no longer in your app menu ({n} files removed under {home}).",
                    len(removed),
                ).format(n=len(removed), home=home),
                file=out,
            )
        else:
            print(
                _("SupportNet wasn't in your app menu under {home}; nothing to remove.").format(
                    home=home
                ),
                file=out,
            )
        return 0
    plan = desktop_entry.install(home, desktop_entry.launch_command())
    print(_("SupportNet is in your app menu: {entry}").format(entry=plan.entry), file=out)
    started = desktop_entry.exec_line(desktop_entry.launch_command())
    print(_("It starts: {command}").format(command=started), file=out)
    return 0
