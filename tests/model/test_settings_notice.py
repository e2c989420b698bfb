"""What a person is told when stored settings couldn't be read."""

from __future__ import annotations

from supportnet.model.settings import SETTING_LABELS, SETTING_NAMES, reset_notice


def test_every_setting_has_a_label() -> None:
    assert set(SETTING_LABELS) == set(SETTING_NAMES)


def test_the_notice_names_what_was_reset_in_plain_words() -> None:
    assert reset_notice([]) == ""
    assert reset_notice(["quiet_hours_start", "quiet_hours_end"]) == (
        "One setting couldn't be read and is back to its default: quiet hours. "
        "You can set it again in Preferences."
    )
    assert reset_notice(["reminders_enabled", "quiet_hours_end", "timezone"]) == (
        "Some settings couldn't be read and are back to their defaults: "
        "reminders, quiet hours and time zone. You can set them again in Preferences."
    )
