"""The app's non-secret settings, kept outside the encrypted store.

Read before anything is unlocked (the unlock dialog's crisis lines need the country), so
the file holds nothing personal: today only the country chosen for the crisis lines. It is
not part of the store, so backups and restores neither copy nor replace it. Reading never
fails: a missing or damaged file reads as the defaults.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from supportnet.data import file_names
from supportnet.data.failures import store_failure
from supportnet.data.files import FILE_MODE, ensure_private_dir, replace_by_writing
from supportnet.i18n import _
from supportnet.model.errors import StoreError
from supportnet.safety.country import normalized_code

CONFIG_NAME = file_names.CONFIG_NAME

#: Far above anything SupportNet writes; a bigger file is not ours and is not read.
MAX_BYTES = 64 * 1024


@dataclass(frozen=True)
class OpenConfig:
    """The non-secret settings. ``country`` is an ISO 3166 alpha-2 code, or None."""

    country: str | None = None


def read_open_config(data_dir: Path | None) -> OpenConfig:
    """The saved settings; the defaults when the file is missing, unreadable or damaged."""
    if data_dir is None:
        return OpenConfig()
    path = data_dir / CONFIG_NAME
    try:
        with path.open("rb") as stream:
            raw = stream.read(MAX_BYTES + 1)
        if len(raw) > MAX_BYTES:
            return OpenConfig()
        data = json.loads(raw.decode("utf-8"))
    except (OSError, ValueError):  # missing, unreadable, not UTF-8, not JSON
        return OpenConfig()
    if not isinstance(data, dict):
        return OpenConfig()
    country = data.get("country")
    return OpenConfig(country=normalized_code(country) if isinstance(country, str) else None)


def write_open_config(data_dir: Path, config: OpenConfig) -> None:
    """Save ``config`` atomically as a 0600 file; the data folder is made (0700) if need be."""
    ensure_private_dir(data_dir)
    data = {"country": config.country} if config.country else {}
    text = json.dumps(data, indent=2, sort_keys=True) + "\n"
    try:
        replace_by_writing(
            data_dir / CONFIG_NAME, lambda temp: temp.write_text(text, "utf-8"), FILE_MODE
        )
    except OSError as exc:
        typed = store_failure(exc)
        raise typed or StoreError(
            _("Can't save the settings in {data_dir}: {reason}.").format(
                data_dir=data_dir, reason=exc.strerror or exc
            )
        ) from exc
