"""One set of privacy levels: calendar exports and reminders share them, each explaining
them in its own words."""

from __future__ import annotations

from supportnet.calendar import Privacy as CalendarPrivacy
from supportnet.calendar.options import export_explanation
from supportnet.model import settings
from supportnet.model.privacy import Privacy
from supportnet.model.settings import Settings, reminder_explanation


def test_the_levels_are_defined_once() -> None:
    assert CalendarPrivacy is Privacy
    assert not hasattr(settings, "ReminderPrivacy"), "a second copy of the same levels"
    assert [level.value for level in Privacy] == ["discreet", "first-name", "full"]
    assert [level.label for level in Privacy] == ["Discreet", "First name", "Full"]
    assert Settings().reminder_level is Privacy.DISCREET


def test_each_place_explains_every_level_in_its_own_words() -> None:
    for level in Privacy:
        assert export_explanation(level)
        assert reminder_explanation(level)
        assert export_explanation(level) != reminder_explanation(level)
    assert "Check-in" in export_explanation(Privacy.DISCREET)
    assert reminder_explanation(Privacy.FIRST_NAME) == (
        "A first name or nickname and the time, nothing more."
    )
