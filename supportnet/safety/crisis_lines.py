"""Crisis lines kept offline: a small vetted file per country, read once, never empty.

The numbers live in ``crisis_lines.toml`` beside this module, each entry with the page it
was checked against and the day it was checked (a test fails when one grows old). They are
kept as people dial them ("988", "116 123") and are never run through phone-number
validation: short national numbers are not full numbers. A country the file doesn't hold
still gets calm guidance: the emergency-number advice and international directories.
"""

from __future__ import annotations

import functools
import textwrap
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from importlib import resources
from typing import Any

from supportnet.i18n import N_, _
from supportnet.i18n.calendar_words import country_name
from supportnet.model.errors import SupportNetError
from supportnet.safety.country import is_country_code, normalized_code

DATA_FILE = "crisis_lines.toml"
CONTACT_KINDS = ("call", "text", "chat")

#: Directories anyone anywhere can use, named so a person can find them without a link.
DIRECTORIES = (
    N_(
        "Find a Helpline (findahelpline.com), which lists free, confidential helplines "
        "country by country"
    ),
    N_(
        "Befrienders Worldwide (befrienders.org), a network of emotional support centres "
        "in many countries"
    ),
)
#: For a country the file doesn't hold. 112 reaches emergency services from any phone in
#: the EU and from mobile phones in many other countries (checked against the European
#: Commission's 112 page and the HSE; see crisis_lines.toml); a fallback, never the only
#: advice.
_FALLBACK = N_(
    "If you might not be safe right now, call your local emergency number. "
    "From a mobile phone, 112 reaches emergency services in every EU country and in "
    "many others. To find someone to talk to where you are, "
    "{first}, and {second}, can help."
)
#: The guidance in English (tests compare with it); :func:`fallback_guidance` translates.
FALLBACK_GUIDANCE = _FALLBACK.format(first=DIRECTORIES[0], second=DIRECTORIES[1])


def fallback_guidance() -> str:
    """The guidance for a country the file doesn't hold, in the user's language."""
    return _(_FALLBACK).format(first=_(DIRECTORIES[0]), second=_(DIRECTORIES[1]))


class CrisisLinesError(SupportNetError):
    """The crisis-lines data file is malformed; the message names the entry."""


@dataclass(frozen=True)
class Contact:
    """One way to reach a line, as people dial or use it."""

    kind: str  # "call" | "text" | "chat"
    value: str  # "988", "116 123", "0477 13 11 14", or a chat URL
    note: str = ""  # e.g. "free", "Text HOME"


@dataclass(frozen=True)
class CrisisLine:
    """One service, with the page it was checked against and the day it was checked."""

    name: str
    contacts: tuple[Contact, ...]
    hours: str  # "" where the page checked doesn't say
    about: str
    languages: tuple[str, ...]
    source: str
    last_verified: date


@dataclass(frozen=True)
class CountryHelp:
    """A country's emergency number and crisis lines; ``known`` is False (and ``lines``
    empty) for a country the file doesn't hold. ``guidance`` is never empty."""

    code: str
    name: str
    emergency: str  # as said: "112 or 999", "10111 (police)"; "" for an unknown country
    lines: tuple[CrisisLine, ...]
    known: bool
    guidance: str
    emergency_source: str = ""
    emergency_verified: date | None = None
    #: The emergency numbers as dialled ("112", "999"): what a Copy button copies.
    emergency_numbers: tuple[str, ...] = ()
    #: Said after the numbers, never dialled ("police"); "" for none.
    emergency_note: str = ""


def known_guidance(emergency: str) -> str:
    return _("If you might not be safe right now, call {emergency}.").format(emergency=emergency)


def emergency_text(numbers: tuple[str, ...], note: str = "") -> str:
    """The emergency numbers as said: ("112", "999") → "112 or 999"; a note in brackets."""
    # Translators: between emergency numbers, "112 or 999".
    said = _(" or ").join(numbers)
    return f"{said} ({note})" if note else said


def unknown_help(code: str | None) -> CountryHelp:
    """The help for a country the file doesn't hold (or none chosen): guidance only."""
    shown = normalized_code(code) or ""
    return CountryHelp(
        code=shown,
        name=shown,
        emergency="",
        lines=(),
        known=False,
        guidance=fallback_guidance(),
    )


# --- reading and checking the file -------------------------------------------------------


def _fail(where: str, problem: str) -> CrisisLinesError:
    return CrisisLinesError(f"The crisis-lines data is malformed at {where}: {problem}.")


def _text(table: Mapping[str, Any], key: str, where: str, *, required: bool = True) -> str:
    value = table.get(key, "")
    if not isinstance(value, str):
        raise _fail(where, f"'{key}' must be text")
    value = value.strip()
    if required and not value:
        raise _fail(where, f"'{key}' is missing or empty")
    return value


def _https(table: Mapping[str, Any], key: str, where: str, what: str = "") -> str:
    value = _text(table, key, where)
    if not value.startswith("https://") or len(value) <= len("https://") or " " in value:
        raise _fail(where, f"{what or repr(key)} must be an https:// address")
    return value


def _date(table: Mapping[str, Any], key: str, where: str) -> date:
    value = table.get(key)
    # A TOML date-time parses as datetime, a subclass of date: only a plain date is meant.
    if not isinstance(value, date) or isinstance(value, datetime):
        raise _fail(where, f"'{key}' must be a date such as 2026-12-03")
    return value


def _is_dialable(number: str) -> bool:
    """Digits and single spaces only, starting and ending with a digit ("116 123")."""
    return (
        bool(number)
        and number == number.strip()
        and all(part.isascii() and part.isdigit() for part in number.split(" "))
    )


def _emergency_numbers(table: Mapping[str, Any], where: str) -> tuple[str, ...]:
    numbers = table.get("emergency_numbers")
    if not isinstance(numbers, list) or not numbers:
        raise _fail(where, "'emergency_numbers' must list at least one number")
    for number in numbers:
        if not isinstance(number, str) or not _is_dialable(number):
            raise _fail(where, "each emergency number must be digits and spaces only")
    return tuple(numbers)


def _contact(raw: object, where: str) -> Contact:
    if not isinstance(raw, dict):
        raise _fail(where, "a contact must be a table with kind and value")
    kind = _text(raw, "kind", where)
    if kind not in CONTACT_KINDS:
        raise _fail(where, f"contact kind '{kind}' is not one of {', '.join(CONTACT_KINDS)}")
    if kind == "chat":
        value = _https(raw, "value", where, "a chat's 'value'")
    else:
        value = _text(raw, "value", where)
    return Contact(kind, value, _text(raw, "note", where, required=False))


def _line(raw: object, where: str) -> CrisisLine:
    if not isinstance(raw, dict):
        raise _fail(where, "a line must be a table")
    name = _text(raw, "name", where)
    where = f"{where} ({name})"
    contacts = raw.get("contacts")
    if not isinstance(contacts, list) or not contacts:
        raise _fail(where, "'contacts' must list at least one way to reach the line")
    languages = raw.get("languages", [])
    if not isinstance(languages, list) or not all(
        isinstance(lang, str) and lang.strip() for lang in languages
    ):
        raise _fail(where, "'languages' must be a list of language names")
    return CrisisLine(
        name=name,
        contacts=tuple(_contact(c, f"{where}, contact {i}") for i, c in enumerate(contacts, 1)),
        hours=_text(raw, "hours", where, required=False),
        about=_text(raw, "about", where),
        languages=tuple(lang.strip() for lang in languages),
        source=_https(raw, "source", where),
        last_verified=_date(raw, "last_verified", where),
    )


def _country(code: str, raw: object) -> CountryHelp:
    where = f"country {code}"
    if normalized_code(code) != code or not is_country_code(code):
        raise _fail(where, "the country code must be an ISO 3166 alpha-2 code in capitals")
    if not isinstance(raw, dict):
        raise _fail(where, "a country must be a table")
    numbers = _emergency_numbers(raw, where)
    note = _text(raw, "emergency_note", where, required=False)
    emergency = emergency_text(numbers, note)
    lines = raw.get("lines")
    if not isinstance(lines, list) or not lines:
        raise _fail(where, "'lines' must list at least one crisis line")
    return CountryHelp(
        code=code,
        name=_text(raw, "name", where),
        emergency=emergency,
        lines=tuple(_line(line, f"{where}, line {i}") for i, line in enumerate(lines, 1)),
        known=True,
        guidance=known_guidance(emergency),
        emergency_source=_https(raw, "emergency_source", where),
        emergency_verified=_date(raw, "emergency_verified", where),
        emergency_numbers=numbers,
        emergency_note=note,
    )


def parse(text: str) -> dict[str, CountryHelp]:
    """Read and check the data file's text; raise :class:`CrisisLinesError` naming the
    first malformed entry."""
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise CrisisLinesError(f"The crisis-lines data can't be read: {exc}.") from None
    countries = data.get("countries")
    if not isinstance(countries, dict) or not countries:
        raise _fail("the top", "there is no [countries] table")
    return {code: _country(code, raw) for code, raw in countries.items()}


@functools.cache
def _table() -> dict[str, CountryHelp]:
    text = resources.files("supportnet.safety").joinpath(DATA_FILE).read_text(encoding="utf-8")
    return parse(text)


# --- the API -----------------------------------------------------------------------------


def help_for(code: str | None) -> CountryHelp:
    """The help for ``code`` (any case); guidance only for a country not in the file."""
    key = normalized_code(code)
    table = _table()
    if key is not None and key in table:
        return table[key]
    return unknown_help(code)


def countries() -> list[CountryHelp]:
    """Every country in the file, sorted by name."""
    return sorted(_table().values(), key=lambda help: help.name.casefold())


def checked_on(helps: list[CountryHelp] | None = None) -> list[tuple[str, date]]:
    """Every dated entry, named ("GB emergency number", "GB: Samaritans"), with the day
    it was checked against its source: what the staleness test reads."""
    dated: list[tuple[str, date]] = []
    for help in countries() if helps is None else helps:
        if help.emergency_verified is not None:
            dated.append((f"{help.code} emergency number", help.emergency_verified))
        dated.extend((f"{help.code}: {line.name}", line.last_verified) for line in help.lines)
    return dated


def is_known(code: str | None) -> bool:
    key = normalized_code(code)
    return key is not None and key in _table()


#: Plain text is wrapped for a terminal.
TEXT_WIDTH = 88

#: How each kind of contact is worded, everywhere (the panel, the text, the PDF).
CONTACT_VERBS = {"call": N_("Call"), "text": N_("Text"), "chat": N_("Chat online at")}


def contact_verb(contact: Contact) -> str:
    """The word before a contact's value: "Call", "Text", "Chat online at"."""
    verb = CONTACT_VERBS.get(contact.kind)
    return _(verb) if verb else contact.kind.capitalize()


def contact_text(contact: Contact) -> str:
    """One contact as a person reads it: "Call 116 123 (free)"."""
    text = _("{verb} {contact}").format(verb=contact_verb(contact), contact=contact.value)
    return f"{text} ({contact.note})" if contact.note else text


def as_text(help: CountryHelp) -> str:
    """The help as plain text, for the command line and the printed plan."""
    if not help.known:
        # A placeholder such as ZZ ("somewhere else") is no country to name.
        heading = (
            _("Finding help ({code})").format(code=help.code)
            if is_country_code(help.code)
            else _("Finding help")
        )
        return f"{heading}\n{textwrap.fill(help.guidance, width=TEXT_WIDTH)}\n"
    out = [
        _("Crisis lines: {country} ({code})").format(
            country=country_name(help.code, help.name), code=help.code
        ),
        _("In an emergency, call {number}.").format(number=help.emergency),
    ]
    for line in help.lines:
        out.append("")
        out.append(line.name)
        out.extend(f"  {contact_text(contact)}" for contact in line.contacts)
        if line.hours:
            out.append("  " + _("Hours: {hours}").format(hours=line.hours))
        if line.languages:
            languages = ", ".join(line.languages)
            out.append("  " + _("Languages: {languages}").format(languages=languages))
        out.append(f"  {line.about}")
    return "\n".join(out) + "\n"
