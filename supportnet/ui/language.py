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


def qt_words_for(language: str, system: QLocale) -> QtCalendarWords:
    """The words that write ``language``'s dates. English keeps the names it always had
    (CLDR's "Sep", as Babel's "en" gives them) and the system's first weekday; another
    language takes the system's locale when it speaks that language (de_AT's "Jänner"),
    else the language's main one."""
    if language in (i18n.ENGLISH, i18n.PSEUDO):
        return QtCalendarWords(QLocale("en_US"), first_weekday=_first_weekday(system))
    if system.name().split("_")[0] == language:
        return QtCalendarWords(system)
    return QtCalendarWords(QLocale(language))


def _first_weekday(locale: QLocale) -> int:
    return locale.firstDayOfWeek().value - 1


def install_language(app: QCoreApplication, language: str | None = None) -> str:
    """Choose the language (``language``, else the system's preferred UI languages, unless
    SUPPORTNET_LANGUAGE or the pseudo-locale say otherwise), load Qt's own translation for
    it, and write dates with QLocale. Returns the language chosen.

    In English Qt's default locale stays the system's, as it always was (date fields, the
    care week's first day); in another language it becomes that language's.
    """
    system = QLocale.system()
    if not _original_default:
        _original_default.append(QLocale())
    chosen = i18n.set_language(language or i18n.preferred_language(system.uiLanguages()))
    for old in _qt_translators:
        app.removeTranslator(old)
    _qt_translators.clear()
    if chosen in i18n.TRANSLATED:
        folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        translator = QTranslator(app)
        if translator.load(f"qtbase_{chosen}", folder):
            app.installTranslator(translator)
            _qt_translators.append(translator)
    words = qt_words_for(chosen, system)
    QLocale.setDefault(words.locale if chosen in i18n.TRANSLATED else _original_default[0])
    calendar_words.install(words)
    return chosen


#: Qt's default locale before the first call (what English goes back to).
_original_default: list[QLocale] = []
