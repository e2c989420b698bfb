"""Where SupportNet keeps its data, resolved once by the composition root."""

from __future__ import annotations

from pathlib import Path

from supportnet import APP_NAME


def default_data_dir() -> Path:
    """The per-user data folder, e.g. ~/.local/share/SupportNet on Linux."""
    from platformdirs import user_data_dir

    return Path(user_data_dir(APP_NAME, appauthor=False, roaming=False))


def resolve_data_dir(override: str | None) -> Path:
    """``--data-dir`` if given, otherwise the per-user default; always absolute."""
    if override:
        return Path(override).expanduser().resolve()
    return default_data_dir()
