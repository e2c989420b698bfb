"""Crisis help before anything is unlocked: the country's lines, and the country setting.

Needs no store and no key, so the unlock dialog and the command line can use it; it loads
none of the store's modules (SQLAlchemy, SQLCipher, the keyring).
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING

from supportnet.data.open_config import OpenConfig, read_open_config, write_open_config
from supportnet.i18n import _
from supportnet.model.errors import ValidationError
from supportnet.safety.country import country_from_locale, normalized_code

if TYPE_CHECKING:
    from supportnet.safety.crisis_lines import CountryHelp


class CrisisHelpService:
    """The user's country (saved, else the locale's) and the help for it.

    ``data_dir`` None means there is no data folder to read or save the setting in (only
    the locale counts, and saving is refused).
    """

    def __init__(self, data_dir: Path | None, environ: Mapping[str, str] | None = None) -> None:
        self._data_dir = data_dir
        self._environ = environ

    def saved_country(self) -> str | None:
        """The country the user chose, or None if they haven't."""
        return read_open_config(self._data_dir).country

    def country(self) -> str | None:
        """The saved choice, else the system locale's country, else None."""
        return self.saved_country() or country_from_locale(self._environ)

    def set_country(self, code: str) -> None:
        """Save ``code`` (any case) as the user's country, outside the encrypted store.

        Any two letters are kept, not only assigned countries: the panel's "Somewhere
        else" saves ZZ (ISO 3166's user-assigned code), which no country will ever get.
        """
        key = normalized_code(code)
        if key is None:
            raise ValidationError(
                "country", _("A country is two letters, such as GB, IE or US (ISO 3166).")
            )
        if self._data_dir is None:
            raise ValidationError("country", _("There is no data folder to save the country in."))
        write_open_config(self._data_dir, OpenConfig(country=key))

    def help(self) -> CountryHelp:
        """The crisis lines for the user's country, or calm guidance; never empty."""
        from supportnet.safety.crisis_lines import help_for  # the lines' file, when first asked

        return help_for(self.country())
