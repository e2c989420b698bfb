"""A care team's check-ins of the day in Today's words: a verb per channel, calm open slots."""

from __future__ import annotations

import pytest

from supportnet.model.network import ChannelKind
from supportnet.scheduling.rota_words import checkin_text, done_text, more_text

PRESSING = ("uncovered", "overdue", "missed", "late", "must", "!")


def test_someone_else_calls_the_focus_person_at_a_time() -> None:
    assert checkin_text("Auntie Shiv", "Dan", ChannelKind.CALL, "19:00") == (
        "Auntie Shiv calls Dan at 19:00"
    )


def test_the_user_says_it_as_their_own_reach_out() -> None:
    assert checkin_text("You", "Dan", ChannelKind.CALL, "19:00", by_you=True) == (
        "You call Dan at 19:00"
    )
    assert checkin_text("You", "Mum", ChannelKind.VIDEO, None, by_you=True) == (
        "You have a video call with Mum, any time today"
    )


def test_when_the_team_is_for_the_user_they_are_you() -> None:
    assert checkin_text("Rosie", None, None, "19:00") == "Rosie checks in with you at 19:00"
    assert checkin_text("Rosie", None, ChannelKind.CALL, "19:00") == "Rosie calls you at 19:00"


def test_a_check_in_for_any_time_of_the_day() -> None:
    assert checkin_text("Rosie", "Mum", ChannelKind.IN_PERSON, None) == (
        "Rosie visits Mum, any time today"
    )


@pytest.mark.parametrize(
    ("channel", "said"),
    [
        (ChannelKind.CALL, "Owen calls Mum"),
        (ChannelKind.TEXT, "Owen texts Mum"),
        (ChannelKind.VIDEO, "Owen has a video call with Mum"),
        (ChannelKind.MESSAGING, "Owen messages Mum"),
        (ChannelKind.EMAIL, "Owen emails Mum"),
        (ChannelKind.IN_PERSON, "Owen visits Mum"),
        (ChannelKind.LETTER, "Owen writes to Mum"),
        (ChannelKind.OTHER, "Owen checks in with Mum"),
        (None, "Owen checks in with Mum"),
    ],
)
def test_every_channel_has_its_verb(channel: ChannelKind | None, said: str) -> None:
    assert checkin_text("Owen", "Mum", channel, "08:30") == f"{said} at 08:30"


def test_an_open_slot_is_said_calmly() -> None:
    assert checkin_text(None, "Dan", ChannelKind.CALL, "19:00") == (
        "Dan's 19:00 check-in is open — nobody planned yet"
    )
    assert checkin_text(None, "Dan", None, None) == (
        "Dan's check-in today is open — nobody planned yet"
    )
    assert checkin_text(None, None, None, "09:00") == (
        "Your 09:00 check-in is open — nobody planned yet"
    )


def test_done_and_more_read_calmly() -> None:
    assert done_text("Rosie") == "Done — Rosie checked in"
    assert done_text("You", by_you=True) == "Done — you checked in"
    assert more_text(1) == "And one more check-in today, on the Care team page."
    assert more_text(4) == "And 4 more check-ins today, on the Care team page."
    said = [
        checkin_text(None, "Dan", ChannelKind.CALL, "19:00"),
        checkin_text(None, None, None, None),
        done_text(None),
        more_text(2),
    ]
    for text in said:
        assert not any(word in text.lower() for word in PRESSING), text
