"""Before `make run` opens the window: install the system libraries Qt's platform plugin needs.

The PySide6 wheel brings Qt, but on Linux its X11 plugin links against xcb libraries a
desktop may lack (Qt 6.5+ needs libxcb-cursor0, for one). Without them Qt stops with a
message about plugins. This asks `ldd` which of the plugin's libraries are missing and,
on Debian and Ubuntu, installs their packages with apt-get (through sudo when not root).
Elsewhere, or if that fails, it names what is missing in one line and exits non-zero.

Run: `.venv/bin/python -m tools.desktop_libs` (the `run` target does).
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

_MISSING = re.compile(r"^\s*(\S+)\s+=>\s+not found", re.MULTILINE)
_SONAME = re.compile(r"^(lib.+?)\.so\.(\d+)")


def platform_plugin(env: Mapping[str, str]) -> str | None:
    """The Qt platform plugin this session will load: ``xcb``, ``wayland``, or ``None``
    when there is no display (nothing to check: the app can't open a window anyway)."""
    chosen = env.get("QT_QPA_PLATFORM", "").split(";")[0].split(":")[0].strip()
    if chosen:
        return chosen
    if env.get("WAYLAND_DISPLAY"):
        return "wayland"
    if env.get("DISPLAY"):
        return "xcb"
    return None


def missing_libraries(ldd_output: str) -> list[str]:
    """The sonames `ldd` couldn't find, once each, in order."""
    return list(dict.fromkeys(_MISSING.findall(ldd_output)))


def debian_package(soname: str) -> str | None:
    """The Debian package that ships ``soname`` by the library naming policy:
    ``libxcb-icccm.so.4`` is in ``libxcb-icccm4``, ``libxkbcommon-x11.so.0`` in
    ``libxkbcommon-x11-0`` (a dash when the name ends in a digit)."""
    found = _SONAME.match(soname)
    if found is None:
        return None
    name, version = found.groups()
    return f"{name}-{version}" if name[-1].isdigit() else f"{name}{version}"


def _plugin_file(plugin: str | None) -> Path | None:
    spec = importlib.util.find_spec("PySide6")
    if spec is None or spec.origin is None:
        return None
    folder = Path(spec.origin).parent / "Qt" / "plugins" / "platforms"
    names = {"xcb": ["libqxcb.so"], "wayland": ["libqwayland-generic.so", "libqwayland.so"]}
    for name in names.get(plugin, []):
        if (folder / name).is_file():
            return folder / name
    return None


def install_command(packages: Sequence[str], is_root: bool) -> list[str] | None:
    """The apt-get command installing ``packages``, or ``None`` where there is no apt-get."""
    if shutil.which("apt-get") is None:
        return None
    command = ["apt-get", "install", "-y", "--no-install-recommends", *packages]
    if not is_root:
        if shutil.which("sudo") is None:
            return None
        command = ["sudo", *command]
    return command


def main(env: Mapping[str, str] | None = None) -> int:
    env = os.environ if env is None else env
    if not sys.platform.startswith("linux"):
        return 0
    plugin = platform_plugin(env)
    plugin_file = _plugin_file(plugin) if plugin in ("xcb", "wayland") else None
    if plugin_file is None or shutil.which("ldd") is None:
        return 0
    result = subprocess.run(["ldd", str(plugin_file)], capture_output=True, text=True, check=False)
    missing = missing_libraries(result.stdout)
    if not missing:
        return 0
    packages = [p for p in (debian_package(s) for s in missing) if p]
    command = install_command(packages, os.geteuid() == 0) if packages else None
    if command is None:
        print(
            f"SupportNet can't open a window yet: Qt's {plugin} plugin needs "
            f"{', '.join(missing)}; install them with your package manager.",
            file=sys.stderr,
        )
        return 1
    print(f"SupportNet needs {' '.join(packages)} to open a window; running: {' '.join(command)}")
    installed = subprocess.run(command, check=False).returncode == 0
    if not installed:  # a fresh machine may have no package lists yet
        subprocess.run([*command[: command.index("install")], "update"], check=False)
        installed = subprocess.run(command, check=False).returncode == 0
    if not installed:
        print(
            f"Couldn't install {' '.join(packages)}; run `{' '.join(command)}` yourself, "
            "then `make run` again.",
            file=sys.stderr,
        )
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
