"""Adding SupportNet to the desktop's app menu: the desktop entry, icons and AppStream
metainfo shipped in the package, copied under ``$XDG_DATA_HOME`` (``~/.local/share``).

What is written, per the freedesktop.org specifications:

- ``applications/<id>.desktop``, its ``Exec=`` naming the ``supportnet`` command that runs
  this copy (so a pipx install starts its own, whatever is first on PATH);
- ``icons/hicolor/<N>x<N>/apps/<id>.png`` for each shipped size, and
  ``icons/hicolor/scalable/apps/<id>.svg``;
- ``metainfo/<id>.metainfo.xml``, for software centres.

Each file is written whole or not at all, the launcher last, and if one can't be written
the others this run wrote are taken back; they hold no personal data, so they are 0644
like any app's. Removing takes away exactly these files, nothing else. Afterwards the
desktop's caches are refreshed where their tools are installed.
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from supportnet import APP_ID, ICON_SIZES
from supportnet.data.files import replace_atomically
from supportnet.i18n import _
from supportnet.model.errors import SupportNetError

COMMAND = "supportnet"
FILE_MODE = 0o644


@dataclass(frozen=True, slots=True)
class DesktopFiles:
    """Where the files go (under ``data_home``) and what they are made from."""

    data_home: Path
    #: (file under data_home, its bytes)
    files: tuple[tuple[Path, bytes], ...]

    @property
    def entry(self) -> Path:
        return self.data_home / "applications" / f"{APP_ID}.desktop"


def data_home(environ: Mapping[str, str] | None = None) -> Path:
    """``$XDG_DATA_HOME``, or ``~/.local/share`` where it is unset or not absolute (as the
    XDG Base Directory specification says to treat a relative one)."""
    env = os.environ if environ is None else environ
    chosen = env.get("XDG_DATA_HOME", "")
    if chosen and os.path.isabs(chosen):
        return Path(chosen)
    home = env.get("HOME") or os.path.expanduser("~")
    return Path(home) / ".local" / "share"


def launch_command(
    argv0: str | None = None,
    executable: str | None = None,
    environ: Mapping[str, str] | None = None,
) -> list[str]:
    """The command that starts this copy of SupportNet: the ``supportnet`` script that is
    running (a pipx link), else the one installed beside this Python, else the first on
    PATH, else this Python with ``-m supportnet``."""
    argv0 = sys.argv[0] if argv0 is None else argv0
    executable = sys.executable if executable is None else executable
    env = os.environ if environ is None else environ
    if argv0 and Path(argv0).name == COMMAND and Path(argv0).is_file():
        return [os.path.abspath(argv0)]
    beside = Path(executable).parent / COMMAND
    if beside.is_file() and os.access(beside, os.X_OK):
        return [str(beside)]
    on_path = shutil.which(COMMAND, path=env.get("PATH"))
    if on_path:
        return [os.path.abspath(on_path)]
    return [os.path.abspath(executable), "-m", "supportnet"]


def exec_line(command: Sequence[str]) -> str:
    """``command`` as a desktop entry's ``Exec=`` value: arguments with reserved characters
    quoted, and then the string escaped, as the Desktop Entry specification asks."""
    reserved = set(" \t\n\"'\\><~|&;$*?#()`")
    quoted = []
    for arg in command:
        if arg and not reserved.intersection(arg):
            quoted.append(arg.replace("%", "%%"))
            continue
        inner = "".join("\\" + ch if ch in '"`$\\' else ch for ch in arg)
        quoted.append('"' + inner.replace("%", "%%") + '"')
    # The value is a string too: its own escapes apply on top, the backslash's first; a
    # newline, tab or carriage return would otherwise break the line (or the file).
    text = " ".join(quoted).replace("\\", "\\\\")
    return text.replace("\n", "\\n").replace("\t", "\\t").replace("\r", "\\r")


def _shipped() -> Traversable:
    return resources.files("supportnet").joinpath("resources")


def _entry_text(command: Sequence[str]) -> bytes:
    text = _shipped().joinpath(f"{APP_ID}.desktop").read_text(encoding="utf-8")
    lines = [
        f"Exec={exec_line(command)}" if line.startswith("Exec=") else line
        for line in text.splitlines()
    ]
    return ("\n".join(lines) + "\n").encode("utf-8")


def planned(home: Path, command: Sequence[str]) -> DesktopFiles:
    """Every file installing writes, with its contents, in the order it writes them."""
    shipped = _shipped()
    hicolor = shipped.joinpath("icons", "hicolor")
    files: list[tuple[Path, bytes]] = []
    icons = home / "icons" / "hicolor"
    for size in ICON_SIZES:
        name = f"{size}x{size}"
        png = hicolor.joinpath(name, "apps", f"{APP_ID}.png").read_bytes()
        files.append((icons / name / "apps" / f"{APP_ID}.png", png))
    svg = hicolor.joinpath("scalable", "apps", f"{APP_ID}.svg").read_bytes()
    files.append((icons / "scalable" / "apps" / f"{APP_ID}.svg", svg))
    metainfo = shipped.joinpath(f"{APP_ID}.metainfo.xml").read_bytes()
    files.append((home / "metainfo" / f"{APP_ID}.metainfo.xml", metainfo))
    # The launcher last: it never names an icon that isn't there yet.
    files.append((home / "applications" / f"{APP_ID}.desktop", _entry_text(command)))
    return DesktopFiles(home, tuple(files))


def is_installed(home: Path | None = None) -> bool:
    """Whether the desktop entry is in place under ``home`` (``$XDG_DATA_HOME``)."""
    return (
        (data_home() if home is None else home)
        .joinpath("applications", f"{APP_ID}.desktop")
        .is_file()
    )


def install(home: Path, command: Sequence[str]) -> DesktopFiles:
    """Write the icons, metainfo and then the entry under ``home``, then refresh the caches.

    All or nothing: if one can't be written, what this run wrote is undone (files it made
    removed, files it replaced put back as they were, folders it made removed) before
    :class:`SupportNetError` says so.
    """
    plan = planned(home, command)
    undo = _Undo()
    for path, data in plan.files:
        try:
            undo.make_folder(path.parent)
            before = _contents(path)
            if before == (data, FILE_MODE):
                continue  # already as shipped: left alone, so nothing to undo either
            replace_atomically(path, data, mode=FILE_MODE)
            undo.files.append((path, before))
        except OSError as exc:
            reason = undo.in_the_way or exc.strerror or str(exc)
            left = undo.run()
            if left:
                raise SupportNetError(
                    _(
                        "Can't write {path}: {reason}; {count} of the files written before it "
                        "couldn't be taken away again (`supportnet install-desktop --uninstall` "
                        "removes them)."
                    ).format(path=path, reason=reason, count=len(left))
                ) from exc
            raise SupportNetError(
                _("Can't write {path}: {reason}; nothing was changed under {home}.").format(
                    path=path, reason=reason, home=home
                )
            ) from exc
    refresh_caches(home)
    return plan


def _contents(path: Path) -> tuple[bytes, int] | None:
    """A file's bytes and mode, or None where there is no file."""
    try:
        return path.read_bytes(), stat.S_IMODE(path.stat().st_mode)
    except (FileNotFoundError, IsADirectoryError):
        return None


class _Undo:
    """What an install has done so far, to take back if a later file can't be written."""

    def __init__(self) -> None:
        #: (file written, its bytes and mode before, or None if it is new)
        self.files: list[tuple[Path, tuple[bytes, int] | None]] = []
        self.folders: list[Path] = []  # made by this run, outermost first
        self.in_the_way: str | None = None

    def make_folder(self, folder: Path) -> None:
        """Make ``folder`` and any missing parents, noting each one made."""
        missing = [p for p in (folder, *folder.parents) if not p.exists()]
        for path in reversed(missing):  # outermost first, noted as each is made
            try:
                path.mkdir()
            except (FileExistsError, NotADirectoryError):
                self._blocked(path)
                raise
            self.folders.append(path)
        if not folder.is_dir():
            self._blocked(folder)
            raise NotADirectoryError(folder)

    def _blocked(self, path: Path) -> None:
        blocker = next((p for p in (path, *path.parents) if p.exists()), path)
        # Translators: after "Can't write {path}:".
        self.in_the_way = _("{blocker} is a file, not a folder").format(blocker=blocker)

    def run(self) -> list[Path]:
        """Undo, newest first; returns the files that couldn't be."""
        left = []
        for path, before in reversed(self.files):
            try:
                if before is None:
                    path.unlink()
                else:
                    replace_atomically(path, before[0], mode=before[1])
            except OSError:
                left.append(path)
        for folder in reversed(self.folders):
            try:
                folder.rmdir()  # only if empty: anything else in it stays
            except OSError:
                continue
        return left


def uninstall(home: Path) -> list[Path]:
    """Remove the files :func:`install` writes under ``home`` (only those); returns the
    ones that were there. Then refresh the caches."""
    removed = []
    for path, _data in reversed(planned(home, [COMMAND]).files):  # the launcher first
        try:
            path.unlink()
        except FileNotFoundError:
            continue
        except OSError as exc:
            raise SupportNetError(
                _("Can't remove {path}: {reason}.").format(path=path, reason=exc.strerror or exc)
            ) from exc
        removed.append(path)
    refresh_caches(home)
    return removed


def refresh_caches(home: Path) -> list[str]:
    """Run the desktop's cache tools where they are installed, quietly; returns the names
    of those that ran. A tool that is missing or fails changes nothing here: desktops also
    notice the files on their own, only later."""
    ran = []
    for tool, args in (
        ("update-desktop-database", ["-q", str(home / "applications")]),
        ("gtk-update-icon-cache", ["-f", "-t", "-q", str(home / "icons" / "hicolor")]),
    ):
        found = shutil.which(tool)
        if found is None or not Path(args[-1]).is_dir():
            continue
        try:
            subprocess.run(
                [found, *args],
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                timeout=60,
                check=False,
            )
        except (OSError, subprocess.SubprocessError):
            continue
        ran.append(tool)
    return ran
