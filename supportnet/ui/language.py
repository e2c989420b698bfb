"""The GUI's language: chosen from the system's (QLocale) at start, with Qt's own standard
buttons and dialogs translated too, and the calendar's words from QLocale so Babel stays
off the first window's path."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from supportnet import i18n
from supportnet.i18n import calendar_words

#: Qt's own catalogs kept alive while installed (a QTranslator dropped is uninstalled).
_qt_translators: list[QTranslator] = []


class QtCalendarWords:
    """:class:`~supportnet.i18n.calendar_words.CalendarWords` from a QLocale (the same CLDR
    names Babel has)."""

    def __init__(self, locale: QLocale, *, first_weekday: int | None = None) -> None:
        self.locale = self._locale = locale
        self._first = first_weekday

    def weekday(self, index: int, *, short: bool = False) -> str:
        size = QLocale.FormatType.ShortFormat if short else QLocale.FormatType.LongFormat
        return self._locale.dayName(index + 1, size)  # Qt counts Monday as 1

    def month(self, number: int, *, short: bool = False, alone: bool = False) -> str:
        size = QLocale.FormatType.ShortFormat if short else QLocale.FormatType.LongFormat
        if alone:
            return self._locale.standaloneMonthName(number, size)
        return self._locale.monthName(number, size)

    def first_weekday(self) -> int:
        if self._first is not None:
            return self._first
        return self._locale.firstDayOfWeek().value - 1

    def number(self, value: int) -> str:
        return self._locale.toString(value)


def qt_words_for(language: str) -> QtCalendarWords:
    """The words that write ``language``'s dates: the language's main locale's (English's
    as Babel's "en" gives them and the app always had them: "Sep", weeks from Monday)."""
    if language in (i18n.ENGLISH, i18n.PSEUDO):
        return QtCalendarWords(QLocale("en_US"), first_weekday=0)
    return QtCalendarWords(QLocale(language))


def install_language(app: QCoreApplication, language: str | None = None) -> str:
    """Choose the language (``language``, else the system's preferred UI languages, unless
    SUPPORTNET_LANGUAGE or the pseudo-locale say otherwise), load Qt's own translation for
    it, and write dates with QLocale. Returns the language chosen."""
    chosen = i18n.set_language(language or i18n.preferred_language(QLocale.system().uiLanguages()))
    for old in _qt_translators:
        app.removeTranslator(old)
    _qt_translators.clear()
    if chosen in i18n.TRANSLATED:
        folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        translator = QTranslator(app)
        if translator.load(f"qtbase_{chosen}", folder):
            app.installTranslator(translator)
            _qt_translators.append(translator)
    words = qt_words_for(chosen)
    QLocale.setDefault(words.locale)
    calendar_words.install(words)
    return chosen
