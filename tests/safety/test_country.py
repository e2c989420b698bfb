"""The country a locale names, the default for the crisis lines."""

from __future__ import annotations

import pytest

from supportnet.safety.country import (
    ISO_3166_ALPHA2,
    country_from_locale,
    country_of_locale,
    is_country_code,
    normalized_code,
)


@pytest.mark.parametrize(
    ("name", "country"),
    [
        ("en_GB.UTF-8", "GB"),
        ("en_US", "US"),
        ("de_DE@euro", "DE"),
        ("sr_RS.UTF-8@latin", "RS"),
        ("fr_CA.utf8", "CA"),
        ("en-NZ", "NZ"),
        ("nl_nl", "NL"),
        ("C", None),
        ("POSIX", None),
        ("C.UTF-8", None),
        ("en", None),
        ("en_", None),
        ("en_419", None),  # a UN M.49 region, not a country
        ("", None),
    ],
)
def test_country_of_a_locale(name: str, country: str | None) -> None:
    assert country_of_locale(name) == country


def test_lc_all_wins() -> None:
    env = {"LC_ALL": "en_IE.UTF-8", "LC_MESSAGES": "de_DE.UTF-8", "LANG": "en_US.UTF-8"}
    assert country_from_locale(env) == "IE"


def test_lc_messages_before_lang() -> None:
    assert country_from_locale({"LC_MESSAGES": "de_DE.UTF-8", "LANG": "en_US.UTF-8"}) == "DE"


def test_lang_last() -> None:
    assert country_from_locale({"LANG": "en_AU.UTF-8"}) == "AU"


def test_empty_variables_are_skipped() -> None:
    assert country_from_locale({"LC_ALL": "", "LC_MESSAGES": " ", "LANG": "en_ZA.UTF-8"}) == "ZA"


def test_the_first_set_decides_even_without_a_country() -> None:
    # LC_ALL=C overrides everything else, as it does for the C library.
    assert country_from_locale({"LC_ALL": "C", "LANG": "en_GB.UTF-8"}) is None


def test_no_locale_at_all() -> None:
    assert country_from_locale({}) is None


def test_reads_the_process_environment_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    monkeypatch.setenv("LANG", "fr_FR.UTF-8")
    assert country_from_locale() == "FR"


# --- the one code check ----------------------------------------------------------------------


def test_every_assigned_code_is_there_and_nothing_else() -> None:
    assert len(ISO_3166_ALPHA2) == 249
    assert all(len(code) == 2 and code.isupper() and code.isascii() for code in ISO_3166_ALPHA2)
    for code in ("GB", "US", "IE", "JP", "BR", "AX", "SS", "BQ", "CW", "SX", "ZA"):
        assert code in ISO_3166_ALPHA2, code
    # User-assigned and reserved codes are no country.
    for code in ("AA", "QM", "QZ", "XA", "XK", "XX", "ZZ", "UK", "EU", "EZ", "UN"):
        assert code not in ISO_3166_ALPHA2, code


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("gb", "GB"),
        (" Ie ", "IE"),
        ("ZZ", "ZZ"),
        ("GBR", None),
        ("1A", None),
        ("", None),
        ("ÉÉ", None),
        ("G", None),
        (None, None),
    ],
)
def test_normalized_code_checks_the_shape_only(text: str | None, code: str | None) -> None:
    assert normalized_code(text) == code


@pytest.mark.parametrize(
    ("text", "real"),
    [
        ("GB", True),
        ("jp", True),
        ("ZZ", False),
        ("XX", False),
        ("QQ", False),
        ("AA", False),
        ("UK", False),
        ("GBR", False),
        (None, False),
    ],
)
def test_is_country_code(text: str | None, real: bool) -> None:
    assert is_country_code(text) is real


def test_the_locale_uses_the_same_check() -> None:
    # One check everywhere: a locale's territory is read exactly as a typed code is.
    assert country_of_locale("en_ZZ.UTF-8") == normalized_code("zz") == "ZZ"


def test_there_is_one_code_check() -> None:
    # The data folder's settings and the crisis lines read codes with this very function.
    from supportnet.data import open_config
    from supportnet.safety import country, crisis_lines

    assert open_config.normalized_code is country.normalized_code
    assert crisis_lines.normalized_code is country.normalized_code
