"""The one translation layer for the whole app, Qt-free so the domain can use it.

``_("Close")`` translates a string; ``ngettext(one, many, n)`` picks the plural form the
language needs (German and English have two, other languages more); ``N_("…")`` only marks a
module-level constant for extraction, and the code that shows it calls ``_(CONSTANT)`` then,
so the constant follows the language chosen at start. Catalogs are gettext's: ``.po`` sources
under ``supportnet/i18n/locale/<lang>/LC_MESSAGES/`` compiled to ``.mo`` beside them
(``make translations``; a test checks they are current).

The language is chosen once at start: the GUI from QLocale (supportnet/ui/language.py), the
command line from the environment (:func:`language_from_environment`). The pseudo-locale
``x-pseudo`` (or ``SUPPORTNET_PSEUDO_LOCALE=1``) wraps every translated string in
``[!! … !!]`` and lengthens it, so a string that bypasses this module shows up, and so does
a label too narrow for longer words.
"""

from __future__ import annotations

import gettext as _gettext
import os
from collections.abc import Mapping
from pathlib import Path

DOMAIN = "supportnet"
LOCALE_DIR = Path(__file__).with_name("locale")
ENGLISH = "en"
PSEUDO = "x-pseudo"
#: The languages with a catalog (English is the source language and needs none).
TRANSLATED = ("de",)
SUPPORTED = (ENGLISH, *TRANSLATED)


class _State:
    """The language in use, set once at start (tests set it again)."""

    translations: _gettext.NullTranslations = _gettext.NullTranslations()
    language = ENGLISH


def N_(message: str) -> str:
    """Mark ``message`` for translation without translating it yet (module constants)."""
    return message


def _(message: str) -> str:
    """``message`` in the current language."""
    return _State.translations.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The form of ``singular``/``plural`` the current language uses for ``n``."""
    return _State.translations.ngettext(singular, plural, n)


def pgettext(context: str, message: str) -> str:
    """``message`` translated in ``context`` (one English word, two German ones)."""
    return _State.translations.pgettext(context, message)


def language() -> str:
    """The language in use: "en", "de" or :data:`PSEUDO`."""
    return _State.language


def set_language(code: str | None) -> str:
    """Use ``code`` ("de", "de_AT.UTF-8", :data:`PSEUDO`; None or unknown: English) and
    return the language chosen."""
    chosen = _supported(code) or ENGLISH
    if chosen == PSEUDO:
        _State.translations = _Pseudo()
    elif chosen == ENGLISH:
        _State.translations = _gettext.NullTranslations()
    else:
        _State.translations = _gettext.translation(DOMAIN, LOCALE_DIR, languages=[chosen])
    _State.language = chosen
    return chosen


def language_from_environment(environ: Mapping[str, str] | None = None) -> str:
    """The language gettext's variables ask for, as the C library reads them: LANGUAGE
    (a list, first wins) if the locale isn't "C", else LC_ALL, LC_MESSAGES, LANG.
    ``SUPPORTNET_LANGUAGE`` overrides them; ``SUPPORTNET_PSEUDO_LOCALE=1`` picks
    :data:`PSEUDO`."""
    env = os.environ if environ is None else environ
    own = _own_choice(env)
    if own:
        return own
    locale = next((env[k] for k in ("LC_ALL", "LC_MESSAGES", "LANG") if env.get(k)), "")
    if _base(locale) not in ("c", "posix", ""):
        for code in env.get("LANGUAGE", "").split(":"):
            found = _supported(code)
            if found:
                return found
    return _supported(locale) or ENGLISH


def _own_choice(env: Mapping[str, str]) -> str | None:
    """SupportNet's own override: the pseudo-locale, or ``SUPPORTNET_LANGUAGE``."""
    if env.get("SUPPORTNET_PSEUDO_LOCALE", "") not in ("", "0"):
        return PSEUDO
    return _supported(env.get("SUPPORTNET_LANGUAGE")) or None


def preferred_language(codes: list[str], environ: Mapping[str, str] | None = None) -> str:
    """The first of ``codes`` (QLocale's uiLanguages, "de-DE" …) with a catalog, unless the
    environment's own override (``SUPPORTNET_LANGUAGE``, the pseudo-locale) says otherwise."""
    env = os.environ if environ is None else environ
    first = next((found for code in codes if (found := _supported(code))), ENGLISH)
    return _own_choice(env) or first


def _base(code: str) -> str:
    """The bare language: "de_AT.UTF-8@euro" → "de"; "de-DE" → "de"."""
    return (
        code.split(".", maxsplit=1)[0]
        .split("@", maxsplit=1)[0]
        .replace("-", "_")
        .split("_")[0]
        .lower()
    )


def _supported(code: str | None) -> str | None:
    if not code:
        return None
    if code.lower() in (PSEUDO, "x_pseudo"):
        return PSEUDO
    base = _base(code)
    return base if base in SUPPORTED else None


# --- The pseudo-locale ---------------------------------------------------------------------

OPEN, CLOSE = "[!! ", " !!]"
#: Padding that lengthens each string by about 30 %, like German does.
_PAD = "·"


def pseudo(message: str) -> str:
    """``message`` wrapped and lengthened: "[!! Close ·· !!]"."""
    if not message:
        return message
    pad = _PAD * max(1, round(len(message) * 0.3))
    return f"{OPEN}{message} {pad}{CLOSE}"


def is_pseudo(text: str) -> bool:
    """Whether ``text`` holds a pseudo-translated string (wholly or in part)."""
    return OPEN.strip() in text and CLOSE.strip() in text


class _Pseudo(_gettext.NullTranslations):
    def gettext(self, message: str) -> str:
        return pseudo(message)

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        return pseudo(msgid1 if n == 1 else msgid2)

    def pgettext(self, context: str, message: str) -> str:
        return pseudo(message)
