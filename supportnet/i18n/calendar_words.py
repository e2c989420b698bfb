"""The locale's words for the calendar: weekday and month names, the week's first day, and
numbers written out ("1,200" / "1.200").

Two sources fill :class:`CalendarWords`: Babel's CLDR data here (the command line; loaded
on first use), and QLocale in the GUI (supportnet/ui/language.py installs it at start, so
Babel stays off the first window's path). Both give the same CLDR names.
"""

from __future__ import annotations

from functools import cache
from typing import Any, Protocol

from supportnet import i18n


class CalendarWords(Protocol):
    """What the date and number formats need from a locale. Weekdays count from Monday = 0
    (Python's ``date.weekday()``), months from January = 1."""

    def weekday(self, index: int, *, short: bool = False) -> str: ...

    def month(self, number: int, *, short: bool = False, alone: bool = False) -> str: ...

    def first_weekday(self) -> int: ...

    def number(self, value: int) -> str: ...


class BabelWords:
    """:class:`CalendarWords` from Babel's CLDR data for ``language`` ("en", "de")."""

    def __init__(self, language: str) -> None:
        from babel.core import Locale  # 10 ms with its data: only when a date is written

        code = "en" if language in (i18n.ENGLISH, i18n.PSEUDO) else language
        # The bare language ("en", not "en_US"): CLDR's world-wide data, weeks from Monday.
        self._locale: Any = Locale.parse(code)

    def weekday(self, index: int, *, short: bool = False) -> str:
        names = self._locale.days["format"]["abbreviated" if short else "wide"]
        return str(names[index])

    def month(self, number: int, *, short: bool = False, alone: bool = False) -> str:
        names = self._locale.months["stand-alone" if alone else "format"]
        return str(names["abbreviated" if short else "wide"][number])

    def first_weekday(self) -> int:
        return int(self._locale.first_week_day)

    def number(self, value: int) -> str:
        from babel.numbers import format_decimal

        return str(format_decimal(value, locale=self._locale))


_installed: list[CalendarWords] = []  # none, or the one installed


def install(words: CalendarWords | None) -> None:
    """Use ``words`` from now on (the GUI's QLocale); None goes back to Babel's."""
    _installed[:] = [] if words is None else [words]


def words() -> CalendarWords:
    """The installed words, else Babel's for the current language."""
    return _installed[0] if _installed else _babel_words(i18n.language())


@cache
def _babel_words(language: str) -> CalendarWords:
    return BabelWords(language)


def country_name(code: str, english: str) -> str:
    """The country ``code`` ("DE") named in the user's language ("Deutschland"), from
    Babel's CLDR data; ``english`` (the name a data file gives) in English and the
    pseudo-locale. QLocale names other countries only in English, so the GUI uses this too
    (the crisis lines are never on the way to the first window)."""
    language = i18n.language()
    if language in (i18n.ENGLISH, i18n.PSEUDO):
        return english
    from babel.core import Locale

    return str(Locale.parse(language).territories.get(code.upper(), english))
