"""Country codes: the one two-letter check, the assigned ISO 3166-1 codes, and the
country a locale names ("en_GB.UTF-8" → "GB"), the default for the crisis lines."""

from __future__ import annotations

import os
from collections.abc import Mapping

#: Checked in the order POSIX gives them weight; the first one set decides.
LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")

#: Every officially assigned ISO 3166-1 alpha-2 code (249). The user-assigned ones (AA,
#: QM–QZ, XA–XZ, ZZ) and the reserved ones (such as UK, EU) are not countries.
_BY_FIRST_LETTER = (
    "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ",
    "BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ",
    "CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ",
    "DE DJ DK DM DO DZ",
    "EC EE EG EH ER ES ET",
    "FI FJ FK FM FO FR",
    "GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY",
    "HK HM HN HR HT HU",
    "ID IE IL IM IN IO IQ IR IS IT",
    "JE JM JO JP",
    "KE KG KH KI KM KN KP KR KW KY KZ",
    "LA LB LC LI LK LR LS LT LU LV LY",
    "MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ",
    "NA NC NE NF NG NI NL NO NP NR NU NZ",
    "OM",
    "PA PE PF PG PH PK PL PM PN PR PS PT PW PY",
    "QA",
    "RE RO RS RU RW",
    "SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ",
    "TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ",
    "UA UG UM US UY UZ",
    "VA VC VE VG VI VN VU",
    "WF WS",
    "YE YT",
    "ZA ZM ZW",
)
ISO_3166_ALPHA2 = frozenset(code for row in _BY_FIRST_LETTER for code in row.split(" "))


def normalized_code(code: str | None) -> str | None:
    """``code`` in the shape of an ISO 3166 alpha-2 code, upper-case ("gb" → "GB"), or
    None if it isn't two letters A–Z. The shape only: "ZZ" passes, see :func:`is_country_code`."""
    if code is None:
        return None
    text = code.strip().upper()
    if len(text) == 2 and all("A" <= ch <= "Z" for ch in text):
        return text
    return None


def is_country_code(code: str | None) -> bool:
    """Whether ``code`` (any case) is an assigned ISO 3166-1 alpha-2 country code."""
    return normalized_code(code) in ISO_3166_ALPHA2


def country_of_locale(name: str) -> str | None:
    """The territory of a locale name ("de_DE@euro" → "DE", "en-GB" → "GB"), or None
    for one without a territory ("C", "POSIX", "C.UTF-8", "en")."""
    base = name.split(".", 1)[0].split("@", 1)[0].replace("-", "_")
    parts = base.split("_")
    if len(parts) < 2:
        return None
    return normalized_code(parts[-1])


def country_from_locale(environ: Mapping[str, str] | None = None) -> str | None:
    """The country of the first locale variable set (LC_ALL, LC_MESSAGES, LANG), or None."""
    env = os.environ if environ is None else environ
    for variable in LOCALE_VARIABLES:
        value = env.get(variable, "").strip()
        if value:
            return country_of_locale(value)
    return None
