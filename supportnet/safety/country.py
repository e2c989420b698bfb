"""The country a locale names ("en_GB.UTF-8" → "GB"): the default for the crisis lines."""

from __future__ import annotations

import os
from collections.abc import Mapping

#: Checked in the order POSIX gives them weight; the first one set decides.
LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")


def country_of_locale(name: str) -> str | None:
    """The territory of a locale name ("de_DE@euro" → "DE", "en-GB" → "GB"), or None
    for one without a territory ("C", "POSIX", "C.UTF-8", "en")."""
    base = name.split(".", 1)[0].split("@", 1)[0].replace("-", "_")
    parts = base.split("_")
    if len(parts) < 2:
        return None
    territory = parts[-1].upper()
    if len(territory) == 2 and all("A" <= ch <= "Z" for ch in territory):
        return territory
    return None


def country_from_locale(environ: Mapping[str, str] | None = None) -> str | None:
    """The country of the first locale variable set (LC_ALL, LC_MESSAGES, LANG), or None."""
    env = os.environ if environ is None else environ
    for variable in LOCALE_VARIABLES:
        value = env.get(variable, "").strip()
        if value:
            return country_of_locale(value)
    return None
