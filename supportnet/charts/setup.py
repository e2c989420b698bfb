"""matplotlib's own folder: the app's cache, never the rest of the user's home."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from supportnet.folders import user_cache_folder


def config_dir() -> Path:
    """Where matplotlib keeps its font cache: SupportNet's own cache folder."""
    return user_cache_folder() / "matplotlib"


def prepare_matplotlib() -> None:
    """Point ``MPLCONFIGDIR`` at :func:`config_dir` (made private) before the first import,
    so the font cache is built once and kept, and nothing is written elsewhere in the home
    folder. Once matplotlib is loaded its folder is fixed, so this does nothing then."""
    if "matplotlib" in sys.modules:
        return
    folder = config_dir()
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    os.chmod(folder, 0o700)
    os.environ["MPLCONFIGDIR"] = str(folder)
