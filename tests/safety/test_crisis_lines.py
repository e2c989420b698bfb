"""The shipped crisis-lines file: its schema, its freshness, and the help it gives."""

from __future__ import annotations

import tomllib
from datetime import date
from importlib import resources

import pytest

from supportnet.safety import crisis_lines
from supportnet.safety.crisis_lines import (
    CONTACT_KINDS,
    CountryHelp,
    CrisisLinesError,
    as_text,
    checked_on,
    countries,
    help_for,
    is_known,
    parse,
)

#: The countries the issue asks for that could be checked against an official page.
#: (Spain, Italy and India are left out until they can be; see the data file's header.)
REQUIRED = ("US", "CA", "GB", "IE", "AU", "NZ", "DE", "FR", "NL", "ZA")
#: The data may not silently rot: every entry is checked again within this many months.
STALE_AFTER_MONTHS = 18


def months_before(day: date, months: int) -> date:
    """``day`` moved back ``months`` calendar months (the 31st becomes the month's last)."""
    month_index = day.year * 12 + (day.month - 1) - months
    year, month = divmod(month_index, 12)
    for last in (31, 30, 29, 28):
        try:
            return date(year, month + 1, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable")


def stale(today: date) -> list[str]:
    cutoff = months_before(today, STALE_AFTER_MONTHS)
    return [f"{name} (checked {when})" for name, when in checked_on() if when < cutoff]


def real_text() -> str:
    return resources.files("supportnet.safety").joinpath("crisis_lines.toml").read_text("utf-8")


# --- the real file -------------------------------------------------------------------------


def test_the_file_ships_with_the_package_and_loads() -> None:
    assert countries(), "the packaged crisis_lines.toml holds no country"
    assert all(help.known for help in countries())


def test_required_countries_are_all_there() -> None:
    missing = [code for code in REQUIRED if not is_known(code)]
    assert missing == []


@pytest.mark.parametrize("help", countries(), ids=lambda h: h.code)
def test_every_country_is_complete(help: CountryHelp) -> None:
    assert help.name.strip()
    assert help.emergency.strip()
    assert help.emergency_source.startswith("https://")
    assert isinstance(help.emergency_verified, date)
    assert help.guidance.strip()
    assert help.emergency in help.guidance
    # What Copy copies is what a phone dials: digits and spaces only, each one said.
    assert help.emergency_numbers
    for number in help.emergency_numbers:
        assert number.replace(" ", "").isdigit(), number
        assert number in help.emergency
    assert help.lines
    for line in help.lines:
        assert line.name.strip()
        assert line.about.strip()
        assert line.source.startswith("https://"), line.name
        assert isinstance(line.last_verified, date), line.name
        assert line.contacts, line.name
        for contact in line.contacts:
            assert contact.kind in CONTACT_KINDS
            assert contact.value.strip()
            if contact.kind == "chat":
                assert contact.value.startswith("https://")
            else:
                # As people dial it: digits and spaces (and dashes), no country prefix
                # added and nothing reformatted by a phone-number library.
                assert set(contact.value) <= set("0123456789 -"), contact.value


def test_no_entry_is_older_than_eighteen_months() -> None:
    """The staleness rule: check an entry against its source again, then update its date."""
    assert stale(date.today()) == []


def test_the_staleness_rule_can_fail() -> None:
    # Far enough ahead that every entry has aged past the limit.
    later = date.today().replace(year=date.today().year + 2)
    assert len(stale(later)) == len(checked_on())


def test_no_entry_is_dated_in_the_future() -> None:
    assert [name for name, when in checked_on() if when > date.today()] == []


def test_months_before_handles_month_ends() -> None:
    assert months_before(date(2026, 12, 3), 18) == date(2025, 6, 3)
    assert months_before(date(2026, 8, 31), 18) == date(2025, 2, 28)
    assert months_before(date(2026, 1, 15), 1) == date(2025, 12, 15)


def test_us_has_988_to_call_and_to_text() -> None:
    lines = help_for("US").lines
    contacts = {(c.kind, c.value) for line in lines for c in line.contacts}
    assert {("call", "988"), ("text", "988")} <= contacts
    assert help_for("US").emergency == "911"


def test_canada_has_988_to_call_and_to_text() -> None:
    contacts = {(c.kind, c.value) for line in help_for("CA").lines for c in line.contacts}
    assert {("call", "988"), ("text", "988")} <= contacts


@pytest.mark.parametrize("code", ["GB", "IE"])
def test_samaritans_116_123_in_the_uk_and_ireland(code: str) -> None:
    contacts = {(c.kind, c.value) for line in help_for(code).lines for c in line.contacts}
    assert ("call", "116 123") in contacts
    assert any(line.name == "Samaritans" for line in help_for(code).lines)


def test_australia_has_lifeline_to_call_and_to_text() -> None:
    contacts = {(c.kind, c.value) for line in help_for("AU").lines for c in line.contacts}
    assert {("call", "13 11 14"), ("text", "0477 13 11 14")} <= contacts
    assert help_for("AU").emergency == "000"


def test_the_file_speaks_calmly() -> None:
    text = real_text()
    body = "\n".join(line for line in text.splitlines() if not line.startswith("#"))
    assert "!" not in body
    assert "must" not in body.lower()


# --- looking a country up ------------------------------------------------------------------


@pytest.mark.parametrize("code", ["gb", "GB", "Gb", " gb "])
def test_codes_are_case_insensitive(code: str) -> None:
    assert help_for(code).code == "GB"
    assert help_for(code).known
    assert is_known(code)


@pytest.mark.parametrize("code", ["ZZ", "zz", None, "", "GBR", "1A", "G", "ünknown"])
def test_an_unknown_country_still_gets_calm_guidance(code: str | None) -> None:
    help = help_for(code)
    assert not help.known
    assert help.lines == ()
    assert not is_known(code)
    guidance = help.guidance
    assert "emergency number" in guidance
    assert "112" in guidance
    assert "findahelpline.com" in guidance
    assert "befrienders.org" in guidance
    assert "!" not in guidance
    text = as_text(help)
    assert guidance.split()[0] in text
    assert len(text.strip().splitlines()) >= 2


def test_unknown_help_keeps_a_valid_code_to_show() -> None:
    assert help_for("zz").code == "ZZ"
    assert help_for("nonsense").code == ""


def test_countries_are_sorted_by_name() -> None:
    names = [help.name for help in countries()]
    assert names == sorted(names, key=str.casefold)
    assert len({help.code for help in countries()}) == len(names)


def test_the_file_is_read_once() -> None:
    assert crisis_lines._table() is crisis_lines._table()
    assert help_for("GB") is help_for("gb")


def test_as_text_shows_numbers_hours_and_the_emergency_number() -> None:
    text = as_text(help_for("GB"))
    assert "United Kingdom" in text
    assert "Call 116 123" in text
    assert "999" in text
    assert "Hours:" in text
    assert "!" not in text


def test_several_emergency_numbers_are_said_and_kept_apart() -> None:
    ie = help_for("IE")
    assert ie.emergency_numbers == ("112", "999")
    assert ie.emergency == "112 or 999"
    assert "In an emergency, call 112 or 999." in as_text(ie)


def test_an_emergency_note_is_said_but_not_dialled() -> None:
    help = parse(minimal(emergency='["10111"]\nemergency_note = "police"'))["GB"]
    assert help.emergency_numbers == ("10111",)
    assert help.emergency == "10111 (police)"
    assert "In an emergency, call 10111 (police)." in as_text(help)


@pytest.mark.parametrize("code", ["ZZ", "XX", "QQ", "AA"])
def test_a_placeholder_code_is_not_named_as_a_country(code: str) -> None:
    text = as_text(help_for(code))
    assert text.startswith("Finding help\n")
    assert code not in text


def test_a_real_country_without_lines_is_named() -> None:
    assert as_text(help_for("JP")).startswith("Finding help (JP)\n")


def test_as_text_leaves_out_hours_nobody_checked() -> None:
    help = parse(minimal(hours='""'))["GB"]
    assert "Hours" not in as_text(help)


# --- broken copies are refused, naming the entry -------------------------------------------


def minimal(
    *,
    code: str = "GB",
    emergency: str = '["999"]',
    hours: str = '"Any time"',
    source: str = '"https://example.org/help"',
    verified: str = "2026-12-03",
    contacts: str = '[{ kind = "call", value = "116 123" }]',
    extra_line: str = "",
) -> str:
    return f"""
[countries.{code}]
name = "United Kingdom"
emergency_numbers = {emergency}
emergency_source = "https://example.org/999"
emergency_verified = 2026-12-03

[[countries.{code}.lines]]
name = "Samaritans"
hours = {hours}
about = "Someone to talk to."
languages = []
source = {source}
last_verified = {verified}
contacts = {contacts}
{extra_line}
"""


def test_a_minimal_copy_parses() -> None:
    table = parse(minimal())
    assert table["GB"].lines[0].contacts[0].value == "116 123"
    assert table["GB"].lines[0].last_verified == date(2026, 12, 3)


@pytest.mark.parametrize(
    ("text", "words"),
    [
        (minimal(source='"http://example.org/help"'), ["Samaritans", "source", "https"]),
        (minimal(source='""'), ["Samaritans", "source"]),
        (minimal(verified='"2026-12-03"'), ["Samaritans", "last_verified", "date"]),
        (minimal(verified="2026-12-03T10:00:00"), ["Samaritans", "last_verified"]),
        (minimal(contacts='[{ kind = "fax", value = "1" }]'), ["Samaritans", "fax"]),
        (minimal(contacts="[]"), ["Samaritans", "contacts"]),
        (minimal(contacts='[{ kind = "call" }]'), ["Samaritans", "value"]),
        (minimal(contacts='[{ kind = "chat", value = "samaritans" }]'), ["chat", "https"]),
        (minimal(emergency="[]"), ["GB", "emergency_numbers"]),
        (minimal(emergency='"999"'), ["GB", "emergency_numbers"]),
        (minimal(emergency="[999]"), ["GB", "digits and spaces"]),
        (minimal(emergency='["112 or 999"]'), ["GB", "digits and spaces"]),
        (minimal(emergency='["10111 (police)"]'), ["GB", "digits and spaces"]),
        (minimal(emergency='["999 "]'), ["GB", "digits and spaces"]),
        (minimal(emergency='["9-9-9"]'), ["GB", "digits and spaces"]),
        (minimal(code="gb"), ["gb", "ISO 3166 alpha-2 code in capitals"]),
        (minimal(code="GBR"), ["GBR", "ISO 3166 alpha-2 code in capitals"]),
        (minimal(code="ZZ"), ["ZZ", "ISO 3166 alpha-2 code in capitals"]),
        ("[countries]\n", ["countries"]),
        ("title = 'nothing here'\n", ["countries"]),
        ("this is not toml = = =", ["can't be read"]),
    ],
)
def test_a_broken_copy_is_refused_with_a_clear_message(text: str, words: list[str]) -> None:
    with pytest.raises(CrisisLinesError) as caught:
        parse(text)
    message = caught.value.message
    assert message.startswith("The crisis-lines data")
    for word in words:
        assert word in message, message


def test_a_broken_copy_of_the_real_file_names_the_entry() -> None:
    text = real_text().replace(
        'source = "https://www.samaritans.org/how-we-can-help/contact-samaritan/"',
        'source = "www.samaritans.org"',
        1,
    )
    assert text != real_text()
    with pytest.raises(CrisisLinesError, match=r"country (GB|IE), line 1 \(Samaritans\)"):
        parse(text)


def test_the_real_file_is_plain_toml() -> None:
    data = tomllib.loads(real_text())
    assert set(data) == {"countries"}
