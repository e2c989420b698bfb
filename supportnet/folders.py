"""The per-user folders SupportNet keeps things in: its data, and its cache.

On Linux and the BSDs these follow the XDG base directories (``$XDG_DATA_HOME``, else
``~/.local/share``; ``$XDG_CACHE_HOME``, else ``~/.cache``), worked out here because
loading :mod:`platformdirs` took ~7 ms of every start. On Windows and macOS,
:mod:`platformdirs` asks the system as usual.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from supportnet import APP_NAME


def _xdg(variable: str, default: str) -> Path:
    # As the XDG spec (and platformdirs) has it: an empty or relative value is ignored.
    value = os.environ.get(variable, "").strip()
    return Path(value if os.path.isabs(value) else os.path.expanduser(default))


def _is_xdg() -> bool:
    return sys.platform != "darwin" and not sys.platform.startswith(("win", "cygwin"))


def user_data_folder() -> Path:
    """The per-user data folder, e.g. ~/.local/share/SupportNet on Linux."""
    if _is_xdg():
        return _xdg("XDG_DATA_HOME", "~/.local/share") / APP_NAME
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False, roaming=False))


def user_cache_folder() -> Path:
    """The per-user cache folder, e.g. ~/.cache/SupportNet on Linux: what can be made
    again (matplotlib's font list, the compiled dataclass code)."""
    if _is_xdg():
        return _xdg("XDG_CACHE_HOME", "~/.cache") / APP_NAME
    from platformdirs import user_cache_dir

    return Path(user_cache_dir(APP_NAME, appauthor=False))
