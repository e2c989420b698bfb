"""Dates, rhythms and counts in English (exactly as before) and German, from Babel."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from supportnet import i18n
from supportnet.i18n.calendar_words import BabelWords, words
from supportnet.model.days import (
    day_month_year,
    first_weekday,
    long_date,
    month_year,
    rhythm,
    short_date,
    short_date_time,
)
from supportnet.model.text import amount

DAY = date(2026, 9, 3)  # a Thursday in September: "Sep" against "Sept."
MOMENT = datetime(2026, 12, 3, 17, 30)


def _all() -> list[str]:
    return [
        long_date(DAY),
        long_date(DAY, year=True),
        short_date(DAY),
        short_date(DAY, year=True),
        day_month_year(DAY),
        day_month_year(DAY, short=True),
        month_year(DAY),
        short_date_time(MOMENT),
        rhythm(1),
        rhythm(7),
        rhythm(10),
        rhythm(20),
        rhythm(21),
        rhythm(61),
        rhythm(365),
        rhythm(28, exact=True),
        rhythm(3, about=True),
        amount(1, "a note", "notes"),
        amount(1200, "a note", "notes"),
    ]


def test_english_reads_as_it_always_has() -> None:
    assert _all() == [
        "Thursday 3 September",
        "Thursday 3 September 2026",
        "Thu 3 Sep",
        "Thu 3 Sep 2026",
        "3 September 2026",
        "3 Sep 2026",
        "September 2026",
        "Thu 3 Dec, 17:30",
        "every day",
        "every week",
        "every 10 days",
        "about every 3 weeks",
        "every 3 weeks",
        "every 2 months",
        "every year",
        "every 4 weeks",
        "about every 3 days",
        "a note",
        "1,200 notes",
    ]
    assert first_weekday() == 0


def test_german_dates_rhythms_and_numbers() -> None:
    i18n.set_language("de")
    assert _all() == [
        "Donnerstag, 3. September",
        "Donnerstag, 3. September 2026",
        "Do., 3. Sept.",
        "Do., 3. Sept. 2026",
        "3. September 2026",
        "3. Sept. 2026",
        "September 2026",
        "Do., 3. Dez., 17:30",
        "jeden Tag",
        "jede Woche",
        "alle 10 Tage",
        "etwa alle 3 Wochen",
        "alle 3 Wochen",
        "alle 2 Monate",
        "jedes Jahr",
        "alle 4 Wochen",
        "etwa alle 3 Tage",
        "a note",  # words no catalog holds stay as they are; the number is German
        "1.200 notes",
    ]
    assert first_weekday() == 0


def test_the_words_follow_the_language_chosen_after_import() -> None:
    assert words().weekday(0) == "Monday"
    i18n.set_language("de")
    assert words().weekday(0) == "Montag"
    assert words().month(3, alone=True) == "März"


@pytest.mark.parametrize("language", ["en", "de"])
def test_babel_names_every_day_and_month(language: str) -> None:
    names = BabelWords(language)
    assert len({names.weekday(i) for i in range(7)}) == 7
    assert len({names.month(m, short=True) for m in range(1, 13)}) == 12
