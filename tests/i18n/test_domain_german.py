"""The domain speaks German when German is chosen, and every label goes through supportnet.i18n.

English is asserted everywhere else (tests/model, tests/scheduling …); here German is set
(the autouse fixture in tests/conftest.py puts English back after each test), and under the
pseudo-locale every label of each domain enum must come out wrapped: iterating the enums is
what catches a label that was missed.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from enum import Enum
from zoneinfo import ZoneInfo

import pytest

from supportnet import i18n
from supportnet.calendar.events import description_for, summary_for
from supportnet.calendar.options import Privacy, export_explanation
from supportnet.calendar.slots import Who
from supportnet.charts.files import Format
from supportnet.circle_map.geometry import SUPPORT_GLYPHS, support_glyphs
from supportnet.insights.connection import Split
from supportnet.insights.coverage import SupportCoverage
from supportnet.insights.overview import ChartKind
from supportnet.insights.words import coverage_summary, span_words, times
from supportnet.model.checkins import MOOD_WORDS, CheckIn, Initiator, mood_word
from supportnet.model.network import (
    ChannelKind,
    Circle,
    GroupKind,
    HelpDirection,
    LifeDomain,
    Person,
    SupportType,
)
from supportnet.model.plans import (
    Cadence,
    Frequency,
    MonthlyMode,
    Plan,
    PlanKind,
    Recurrence,
)
from supportnet.model.safety_plan import Step
from supportnet.model.settings import ReminderDisplay, reminder_explanation, reset_notice
from supportnet.safety.wording import STEP_TEXT, empty_text, numbered_heading
from supportnet.scheduling import Target, suggestions
from supportnet.scheduling.gaps import GapKind, find_gaps
from supportnet.scheduling.phrasing import since_phrase
from supportnet.scheduling.reaching_out import going_easy_text, moved_text, reminder_text
from supportnet.scheduling.rota_words import checkin_text, done_text, more_text

LONDON = ZoneInfo("Europe/London")
NOW = datetime(2026, 11, 26, 12, 0, tzinfo=LONDON)  # a Thursday
TODAY = NOW.date()
SAM = Target("person", 1, "Sam Reed", Circle.INNER)


def _flexible(ideal: int = 10) -> Plan:
    return Plan(
        kind=PlanKind.FLEXIBLE,
        person_id=1,
        id=1,
        start_date=date(2026, 1, 1),
        timezone="Europe/London",
        window_start=time(18, 0),
        cadence=Cadence(ideal_days=ideal, too_long_days=ideal * 3),
    )


def test_a_today_suggestion_reads_in_german(german: None) -> None:
    (found,) = suggestions(
        [_flexible()], {("person", 1): SAM}, {("person", 1): NOW - timedelta(days=40)}, [], NOW,
        "Europe/London",
    )  # fmt: skip
    assert found.reason == "Du und Sam habt eine Weile nicht gesprochen. Ein kurzes Hallo genügt."
    (fresh,) = suggestions([_flexible()], {("person", 1): SAM}, {}, [], NOW, "Europe/London")
    assert fresh.reason.startswith("Du könntest Sam Hallo sagen")


def test_todays_small_words_read_in_german(german: None) -> None:
    assert moved_text(TODAY + timedelta(days=1), TODAY) == "Verschoben auf morgen"
    assert going_easy_text(TODAY, TODAY).startswith("Sanft angehen bis heute Abend")
    assert reminder_text("Sam Reed", "", NOW, "Europe/London") == (
        "Eine sanfte Erinnerung",
        "Ein Plan für 12:00",
    )
    assert since_phrase(NOW - timedelta(days=3), NOW) == "vor 3 Tagen"
    assert since_phrase(NOW - timedelta(days=60), NOW) == "vor etwa 2 Monaten"


def test_a_rhythm_and_a_repeat_rule_read_in_german(german: None) -> None:
    weekly = Recurrence(frequency=Frequency.WEEKLY, interval=2, weekdays={0, 2})
    assert weekly.describe() == "Alle 2 Wochen: Montags, Mittwochs"
    monthly = Recurrence(
        frequency=Frequency.MONTHLY, monthly_mode=MonthlyMode.BY_WEEKDAY, nth=3, nth_weekday=0
    )
    assert monthly.describe() == "3. Montag jedes Monats"
    daily = Recurrence(frequency=Frequency.DAILY, interval=3)
    assert daily.describe() == "Alle 3 Tage"


def test_validation_messages_read_in_german(german: None) -> None:
    person = Person(name=" ", circle="nowhere")  # type: ignore[arg-type]
    messages = [p.message for p in person.problems()]
    assert "Bitte gib einen Namen ein." in messages
    assert "Bitte wähl einen Kreis." in messages
    long_note = CheckIn(at=NOW, person_id=1, note="x" * 20_001)
    assert "Bitte halte die Notiz unter 20.000 Zeichen (jetzt 20.001)." in [
        p.message for p in long_note.problems()
    ]
    assert reset_notice(["quiet_hours_start", "timezone"]) == (
        "Einige Einstellungen ließen sich nicht lesen und sind wieder auf dem Standard: "
        "Ruhezeiten und Zeitzone. Du kannst sie in den Einstellungen neu setzen."
    )


def test_a_gap_note_reads_in_german(german: None) -> None:
    gaps = find_gaps([], [], {}, {}, NOW)
    inner = next(g for g in gaps if g.kind is GapKind.EMPTY_INNER_CIRCLE)
    assert inner.message.startswith("In deinem inneren Kreis ist Platz")


def test_a_rota_line_reads_in_german(german: None) -> None:
    assert checkin_text("Rosie", "Dan", ChannelKind.CALL, "19:00") == "Rosie ruft Dan um 19:00 an"
    assert checkin_text("Rosie", None, ChannelKind.IN_PERSON, None) == (
        "Rosie besucht dich heute irgendwann"
    )
    assert done_text(None, by_you=True) == "Erledigt – du hast dich gemeldet"
    assert more_text(2) == "Und heute noch 2 Check-ins, auf der Seite Unterstützungsteam."


def test_a_chart_summary_and_its_words_read_in_german(german: None) -> None:
    coverage = SupportCoverage(kinds=(), supporters=11, in_touch=7)
    assert coverage_summary(coverage) == (
        "Im letzten Monat hattest du Kontakt mit 7 von 11 Menschen und Gruppen, "
        "die dich unterstützen."
    )
    assert times(42) == "42-mal"
    assert span_words(26) == "den letzten 6 Monaten"
    assert ChartKind.LIFT.label == "Wer deine Stimmung hebt"


def test_a_discreet_calendar_title_follows_the_language(german: None) -> None:
    who = Who("person", 1, "Sam Reed", "Sam", Circle.INNER, ChannelKind.CALL)
    plan = _flexible()
    assert summary_for(plan, who, Privacy.DISCREET) == "Check-in"
    assert summary_for(plan, who, Privacy.FIRST_NAME) == "Sam anrufen"
    assert description_for(plan, who, Privacy.FULL).splitlines()[:2] == [
        "Mit: Sam Reed",
        "Wie: Anruf",
    ]
    assert export_explanation(Privacy.DISCREET).startswith("Jeder Termin heißt „Check-in“.")


def test_the_plan_for_hard_days_reads_in_german(german: None) -> None:
    assert numbered_heading(Step.WARNING_SIGNS) == "1. Zeichen, dass eine schwere Zeit beginnt"
    assert empty_text(Step.LIVING_FOR) == "Platz für deine eigenen Worte."
    assert STEP_TEXT[Step.HELPERS].examples[1] == "Meine Schwester"


def test_german_labels_use_the_shared_words(german: None) -> None:
    assert LifeDomain.FRIENDS.label == "Freundeskreis"
    assert SupportType.INFORMATIONAL.label == "Rat"
    assert HelpDirection.THEY_HELP_ME.label == "Eher hilft mir die Person"
    assert PlanKind.ONE_OFF.label == "Einmalig"
    assert Privacy.DISCREET.label == "Diskret"
    assert mood_word(1) == "Sehr niedrig"
    assert support_glyphs({SupportType.INFORMATIONAL, SupportType.CRISIS}) == "R +"


#: Every domain enum with words, and how each member shows them.
LABELLED: list[tuple[type[Enum], Callable[[object], list[str]]]] = [
    (Circle, lambda c: [c.label, c.description]),  # type: ignore[attr-defined]
    (LifeDomain, lambda d: [d.label]),  # type: ignore[attr-defined]
    (SupportType, lambda s: [s.label, s.description, SUPPORT_GLYPHS[s]]),  # type: ignore[attr-defined,index]
    (HelpDirection, lambda h: [h.label]),  # type: ignore[attr-defined]
    (ChannelKind, lambda c: [c.label]),  # type: ignore[attr-defined]
    (GroupKind, lambda g: [g.label]),  # type: ignore[attr-defined]
    (PlanKind, lambda p: [p.label]),  # type: ignore[attr-defined]
    (Privacy, lambda p: [p.label, export_explanation(p), reminder_explanation(p)]),  # type: ignore[arg-type]
    (ReminderDisplay, lambda r: [r.label]),  # type: ignore[attr-defined]
    (Initiator, lambda i: [i.label]),  # type: ignore[attr-defined]
    (Split, lambda s: [s.label]),  # type: ignore[attr-defined]
    (ChartKind, lambda k: [k.label]),  # type: ignore[attr-defined]
    (Format, lambda f: [f.label] if f is not Format.PDF else []),  # type: ignore[attr-defined]
    (
        Step,
        lambda s: [
            numbered_heading(s),  # type: ignore[arg-type]
            empty_text(s),  # type: ignore[arg-type]
            STEP_TEXT[s].hint,  # type: ignore[index]
            *STEP_TEXT[s].examples,  # type: ignore[index]
        ],
    ),
]


@pytest.mark.parametrize(("enum", "said"), LABELLED, ids=lambda e: getattr(e, "__name__", ""))
def test_every_label_of_each_domain_enum_is_translated(
    pseudo: None, enum: type[Enum], said: Callable[[object], list[str]]
) -> None:
    unwrapped = [
        (member, text)
        for member in enum
        for text in said(member)
        if text != "+" and not i18n.is_pseudo(text)
    ]
    assert unwrapped == []


def test_every_mood_word_is_translated(pseudo: None) -> None:
    assert all(i18n.is_pseudo(mood_word(mood)) for mood in MOOD_WORDS)


#: The domain's packages: their German follows docs/voice.md ("du", no "musst", no "!").
DOMAIN = (
    "supportnet/model/",
    "supportnet/scheduling/",
    "supportnet/circle_map/",
    "supportnet/safety/",
    "supportnet/calendar/",
    "supportnet/insights/",
    "supportnet/charts/",
    "supportnet/demo/",
)
_NOT_SAID = re.compile(r"\bmusst|!|\bSie\b|\bIhnen\b|\bIhr\b|überfällig|verpasst|\"")


def test_the_domains_german_keeps_the_voice() -> None:
    from babel.messages.pofile import read_po

    from tools import translations

    with (translations.LOCALE / "de" / "LC_MESSAGES" / "supportnet.po").open("rb") as file:
        catalog = read_po(file)
    said = [
        text
        for message in catalog
        if message.id and any(path.startswith(DOMAIN) for path, _line in message.locations)
        for text in ([message.string] if isinstance(message.string, str) else message.string)
    ]
    assert said
    assert [text for text in said if _NOT_SAID.search(text)] == []


def test_a_rotas_long_stretches_read_cleanly_in_german(german: None) -> None:
    """German short dates end in a full stop and hold commas ("Sa., 5. Dez."): the
    stretches are set apart with semicolons, and the sentence ends with one full stop."""
    from supportnet.scheduling.rota import Coverage, Gap
    from supportnet.scheduling.rota_words import coverage_text

    first = Gap(date(2026, 12, 4), date(2026, 12, 5))
    second = Gap(date(2026, 12, 18), date(2026, 12, 19))
    cover = Coverage(date(2026, 12, 1), 28, 20, first, (first, second))
    longer = coverage_text(cover, 1, today=date(2026, 12, 1))[-1]
    assert longer.startswith("Länger als der eine Tag")
    assert "Dez.; Fr." in longer
    assert longer.endswith("Dez.")
