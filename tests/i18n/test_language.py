"""Choosing the language, translating, plurals and the pseudo-locale (no Qt)."""

from __future__ import annotations

import pytest

from supportnet import i18n
from supportnet.i18n import N_, _, ngettext


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({}, "en"),
        ({"LANG": "C.UTF-8"}, "en"),
        ({"LANG": "de_DE.UTF-8"}, "de"),
        ({"LANG": "de_AT.UTF-8@euro"}, "de"),
        ({"LANG": "fr_FR.UTF-8"}, "en"),
        ({"LANG": "en_GB.UTF-8", "LC_MESSAGES": "de_CH.UTF-8"}, "de"),
        ({"LC_ALL": "en_US.UTF-8", "LC_MESSAGES": "de_DE.UTF-8"}, "en"),
        # LANGUAGE is a list, first language with a catalog wins …
        ({"LANG": "de_DE.UTF-8", "LANGUAGE": "fr:de:en"}, "de"),
        ({"LANG": "de_DE.UTF-8", "LANGUAGE": "en:de"}, "en"),
        # … but not under the C locale, as the C library reads it.
        ({"LANG": "C", "LANGUAGE": "de"}, "en"),
        ({"LANG": "de_DE.UTF-8", "SUPPORTNET_LANGUAGE": "en"}, "en"),
        ({"LANG": "en_GB.UTF-8", "SUPPORTNET_LANGUAGE": "de"}, "de"),
        ({"LANG": "de_DE.UTF-8", "SUPPORTNET_PSEUDO_LOCALE": "1"}, i18n.PSEUDO),
        ({"SUPPORTNET_LANGUAGE": "x-pseudo"}, i18n.PSEUDO),
        ({"LANG": "de_DE.UTF-8", "SUPPORTNET_PSEUDO_LOCALE": "0"}, "de"),
    ],
)
def test_the_environment_picks_the_language(environ: dict[str, str], expected: str) -> None:
    assert i18n.language_from_environment(environ) == expected


def test_the_guis_preferred_languages_pick_the_first_with_a_catalog() -> None:
    assert i18n.preferred_language(["fr-FR", "de-DE", "en-US"], {}) == "de"
    assert i18n.preferred_language(["en-GB", "de-DE"], {}) == "en"
    assert i18n.preferred_language(["ja-JP"], {}) == "en"
    assert i18n.preferred_language(["de-DE"], {"SUPPORTNET_LANGUAGE": "en"}) == "en"
    assert i18n.preferred_language(["de-DE"], {"SUPPORTNET_PSEUDO_LOCALE": "1"}) == i18n.PSEUDO


def test_english_is_the_source_text_and_german_comes_from_the_catalog() -> None:
    assert _("Hard day?") == "Hard day?"
    assert i18n.set_language("de_DE.UTF-8") == "de"
    assert i18n.language() == "de"
    assert _("Hard day?") == "Schwerer Tag?"
    assert _("a string no catalog holds") == "a string no catalog holds"
    assert i18n.set_language("tlh") == "en"  # unknown: English, not an error
    assert _("Hard day?") == "Hard day?"


def test_plurals_follow_the_language() -> None:
    assert ngettext("every week", "every {n} weeks", 1) == "every week"
    assert ngettext("every week", "every {n} weeks", 3) == "every {n} weeks"
    i18n.set_language("de")
    assert ngettext("every week", "every {n} weeks", 1) == "jede Woche"
    assert ngettext("every week", "every {n} weeks", 3).format(n=3) == "alle 3 Wochen"
    assert ngettext("every week", "every {n} weeks", 0).format(n=0) == "alle 0 Wochen"


def test_a_marked_constant_is_translated_where_it_is_shown() -> None:
    constant = N_("Hard day?")  # marked at import time, before a language is chosen
    assert constant == "Hard day?"
    i18n.set_language("de")
    assert _(constant) == "Schwerer Tag?"


def test_the_pseudo_locale_wraps_and_lengthens_every_string() -> None:
    i18n.set_language(i18n.PSEUDO)
    wrapped = _("Close")
    assert wrapped.startswith("[!! Close")
    assert wrapped.endswith("!!]")
    assert len(wrapped) > len("Close") * 1.3
    assert i18n.is_pseudo(wrapped)
    assert not i18n.is_pseudo("Close")
    # Placeholders survive, so formatting still works.
    assert "3" in ngettext("every week", "every {n} weeks", 3).format(n=3)
    assert _("") == ""


def test_babel_loads_only_when_a_date_or_count_is_written() -> None:
    from tests.conftest import fresh_python

    code = (
        "import sys\n"
        "import supportnet.cli, supportnet.model.days, supportnet.model.text\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'babel'))\n"
        "from datetime import date\n"
        "print(supportnet.model.days.long_date(date(2026, 12, 3)))\n"
        "print('babel.core' in sys.modules)\n"
    )
    result = fresh_python(code, SUPPORTNET_LANGUAGE="de")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["[]", "Thursday 3 December", "True"]
