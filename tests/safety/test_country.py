"""The country a locale names, the default for the crisis lines."""

from __future__ import annotations

import pytest

from supportnet.safety.country import country_from_locale, country_of_locale


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
