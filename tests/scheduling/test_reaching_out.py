"""Pure helpers for reaching out: targets by key, gentle words, choosing whom, reminder timing."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from supportnet.model.checkins import MOOD_WORDS
from supportnet.model.network import ChannelKind, Circle, ContactChannel, Group, Person
from supportnet.model.plans import Cadence, Plan, PlanKind, Recurrence
from supportnet.model.privacy import Privacy
from supportnet.model.targets import target_key_of
from supportnet.model.zones import user_zone_name
from supportnet.scheduling import Postponement
from supportnet.scheduling.reaching_out import (
    clock_text,
    day_phrase,
    default_channel,
    default_easy_until,
    going_easy_text,
    is_going_easy,
    local_today,
    match_choice,
    moved_text,
    picker_choices,
    postponement_for,
    reminder_since,
    reminder_text,
)

SUNDAY = date(2025, 6, 15)
PRESSING = ("overdue", "missed", "late", "streak", "!")


def _person(pid: int, name: str, nickname: str = "", circle: Circle = Circle.MIDDLE) -> Person:
    return Person(name, nickname=nickname, circle=circle, id=pid)


def test_target_keys() -> None:
    assert target_key_of(3, None) == ("person", 3)
    assert target_key_of(None, 4) == ("group", 4)
    assert target_key_of(None, None) is None


def test_the_channel_comes_from_the_plan_then_the_preferred_way() -> None:
    texting = ContactChannel(ChannelKind.TEXT, "", preferred=True)
    assert default_channel(ChannelKind.CALL, texting) is ChannelKind.CALL
    assert default_channel(None, texting) is ChannelKind.TEXT
    assert default_channel(None, None) is None


def test_the_zone_and_the_day_are_the_persons_own() -> None:
    assert user_zone_name(None, "Europe/London") == "Europe/London"
    assert user_zone_name("Asia/Tokyo", "Europe/London") == "Asia/Tokyo"
    late_evening = datetime(2025, 6, 15, 23, 30, tzinfo=UTC)
    assert local_today(late_evening, "Europe/London") == date(2025, 6, 16)
    assert local_today(late_evening, "America/New_York") == date(2025, 6, 15)


@pytest.mark.parametrize(
    ("day", "words"),
    [
        (SUNDAY, "today"),
        (SUNDAY + timedelta(days=1), "tomorrow"),
        (SUNDAY + timedelta(days=2), "Tuesday"),
        (SUNDAY + timedelta(days=6), "Saturday"),
        (SUNDAY + timedelta(days=7), "Sunday 22 June"),
        (date(2025, 12, 1), "Monday 1 December"),
    ],
)
def test_days_are_said_as_people_say_them(day: date, words: str) -> None:
    assert day_phrase(day, SUNDAY) == words


def test_moving_and_going_easy_are_worded_gently() -> None:
    assert moved_text(SUNDAY + timedelta(days=1), SUNDAY) == "Moved to tomorrow"
    until = default_easy_until(SUNDAY)
    assert until == date(2025, 6, 22)
    text = going_easy_text(until, SUNDAY)
    assert text == "Going easy until Sunday 22 June — only your inner circle is suggested."
    assert going_easy_text(SUNDAY + timedelta(days=3), SUNDAY).startswith(
        "Going easy until Wednesday"
    )
    assert going_easy_text(SUNDAY, SUNDAY).startswith("Going easy until the end of today")
    for words in (text, moved_text(date(2025, 7, 1), SUNDAY), *MOOD_WORDS.values()):
        assert not any(p in words.lower() for p in PRESSING), words


def test_going_easy_lasts_to_the_end_of_its_last_day() -> None:
    assert is_going_easy(SUNDAY, SUNDAY)
    assert is_going_easy(SUNDAY + timedelta(days=1), SUNDAY)
    assert not is_going_easy(SUNDAY - timedelta(days=1), SUNDAY)
    assert not is_going_easy(None, SUNDAY)


def test_mood_words_cover_one_to_five_low_to_good() -> None:
    assert list(MOOD_WORDS) == [1, 2, 3, 4, 5]
    assert MOOD_WORDS[1] == "Very low"
    assert MOOD_WORDS[5] == "Very good"


def test_a_discreet_reminder_says_neither_who_nor_what() -> None:
    start = datetime(2025, 6, 15, 18, 0, tzinfo=ZoneInfo("Europe/London"))
    assert reminder_text("Tom Whitaker", "Lunch walk with Tom", start, "Europe/London") == (
        "A gentle nudge",
        "A plan for 18:00",
    )
    level = Privacy.DISCREET
    assert reminder_text("Ana", "", None, "UTC", level=level) == (
        "A gentle nudge",
        "A plan for today",
    )
    # A friend's time in New York, read in London.
    ny = datetime(2025, 6, 14, 13, 0, tzinfo=ZoneInfo("America/New_York"))
    assert reminder_text("Jamie", "Video call", ny, "Europe/London", level=level)[1] == (
        "A plan for 18:00"
    )


@pytest.mark.parametrize("start", [None, datetime(2025, 6, 15, 17, 0, tzinfo=UTC)])
@pytest.mark.parametrize(
    ("name", "title"),
    [("Tom Whitaker", "Lunch walk with Tom"), ("Mum", "Sunday call with Mum"), ("Li", "Li")],
)
def test_a_discreet_reminder_never_holds_the_name_or_the_title(
    start: datetime | None, name: str, title: str
) -> None:
    said = " ".join(reminder_text(name, title, start, "Europe/London"))
    for word in {*name.split(), *title.split()}:
        assert word.casefold() not in said.casefold().split(), (word, said)
    assert "SupportNet" not in said  # the app's name hints at what it is for


def test_a_first_name_reminder_says_only_the_first_name_and_the_time() -> None:
    start = datetime(2025, 6, 15, 18, 0, tzinfo=ZoneInfo("Europe/London"))
    level = Privacy.FIRST_NAME
    assert reminder_text(
        "Tom Whitaker", "Lunch walk with Tom Whitaker", start, "Europe/London", level=level
    ) == ("Maybe a hello to Tom?", "A plan for 18:00")
    # The nickname they go by, when the caller knows it; a title is not a name.
    assert reminder_text("Dr Farid Rahimi", "", None, "UTC", level=level)[0] == (
        "Maybe a hello to Farid?"
    )
    assert reminder_text("Josephine Hart", "Call", None, "UTC", level=level, first_name="Jo") == (
        "Maybe a hello to Jo?",
        "A plan for today",
    )


def test_a_full_reminder_names_the_person_the_plan_and_the_local_time() -> None:
    start = datetime(2025, 6, 15, 18, 0, tzinfo=ZoneInfo("Europe/London"))
    level = Privacy.FULL
    assert reminder_text("Sam Reed", "Sunday call", start, "Europe/London", level=level) == (
        "Maybe a hello to Sam Reed?",
        "Sunday call, 18:00",
    )
    assert reminder_text("Ana", "Coffee", None, "UTC", level=level) == (
        "Maybe a hello to Ana?",
        "Coffee",
    )
    assert reminder_text("Ana", " ", start, "UTC", level=level) == (
        "Maybe a hello to Ana?",
        "A plan for 17:00",
    )
    assert clock_text(time(9, 5)) == "09:05"


def test_reminders_look_back_one_interval_after_a_start_or_a_jump() -> None:
    minute = timedelta(minutes=1)
    now = datetime(2025, 6, 15, 18, 0, 30, tzinfo=UTC)
    assert reminder_since(None, now, minute) == now
    assert reminder_since(now - minute, now, minute) == now - minute
    # Up to two intervals late (a busy machine) still covers the whole gap.
    assert reminder_since(now - 2 * minute, now, minute) == now - 2 * minute
    # Woken after eight hours: only the last minute counts, the rest waits on Today.
    assert reminder_since(now - timedelta(hours=8), now, minute) == now - minute
    # The clock set back: never look into the future.
    assert reminder_since(now + timedelta(hours=1), now, minute) == now - minute


def test_picker_labels_are_unique_people_first_then_groups() -> None:
    people = [
        _person(1, "Sam Rivera", "Sam"),
        _person(2, "Sam Okoro", "Sam"),
        _person(3, "ana lima"),
        _person(4, "Bo Chen"),
    ]
    groups = [Group("Walking club", id=7), Group("Art group", id=8)]
    choices = picker_choices(people, groups)
    assert choices == [
        (("person", 3), "ana lima"),
        (("person", 4), "Bo Chen"),
        (("person", 2), "Sam (Sam Okoro)"),
        (("person", 1), "Sam (Sam Rivera)"),
        (("group", 8), "Art group (group)"),
        (("group", 7), "Walking club (group)"),
    ]
    assert len({label for _key, label in choices}) == len(choices)


def test_two_people_with_one_full_name_still_get_different_labels() -> None:
    choices = picker_choices([_person(1, "Alex Kim"), _person(2, "Alex Kim")], [])
    assert [label for _key, label in choices] == ["Alex Kim", "Alex Kim 2"]


def test_typing_picks_the_exact_name_or_the_only_one_containing_it() -> None:
    choices = [(("person", 1), "Priya Shah"), (("person", 2), "Pete"), (("group", 3), "Pe (group)")]
    assert match_choice("priya shah", choices) == ("person", 1)
    assert match_choice("  PRI ", choices) == ("person", 1)
    assert match_choice("pe", choices) is None  # both "Pete" and "Pe (group)": ambiguous
    assert match_choice("pe (group)", choices) == ("group", 3)
    assert match_choice("zed", choices) is None
    assert match_choice("", choices) is None


def test_a_fixed_plan_moves_one_occurrence_a_flexible_plan_moves_whole() -> None:
    zone = "Europe/London"
    fixed = Plan(
        PlanKind.FIXED,
        SUNDAY,
        person_id=1,
        recurrence=Recurrence(weekdays={6}),
        timezone=zone,
        id=5,
    )
    flexible = Plan(PlanKind.FLEXIBLE, SUNDAY, person_id=2, cadence=Cadence(), id=6)
    due = datetime(2025, 6, 15, 18, 0, tzinfo=ZoneInfo(zone))
    monday = SUNDAY + timedelta(days=1)
    assert postponement_for(fixed, due, monday, zone) == Postponement(5, monday, SUNDAY)
    assert postponement_for(flexible, due, monday, zone) == Postponement(6, monday, None)
    # The occurrence is named by the person's own day, not UTC's.
    late = datetime(2025, 6, 15, 23, 30, tzinfo=ZoneInfo("America/New_York"))
    assert postponement_for(fixed, late, monday, "America/New_York").from_date == SUNDAY
