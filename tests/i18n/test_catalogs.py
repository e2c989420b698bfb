"""The catalogs are in step with the code, and German is complete for every marked string.

When a test here fails after editing strings: ``make translations`` (extract, then fill in
the German in supportnet/i18n/locale/de/LC_MESSAGES/supportnet.po, then compile).
"""

from __future__ import annotations

import re
import string
from typing import Any

from babel.messages.pofile import read_po

from tools import translations

#: Where German must be complete: everywhere (every package routes its words).
ROUTED = ("supportnet/",)
GERMAN = translations.LOCALE / "de" / "LC_MESSAGES" / "supportnet.po"


def _keys(catalog: object) -> set[tuple[object, object]]:
    return {(m.id if isinstance(m.id, str) else tuple(m.id), m.context) for m in catalog if m.id}  # type: ignore[attr-defined]


def _german() -> object:
    with GERMAN.open("rb") as file:
        return read_po(file)


def test_the_template_and_german_catalog_hold_every_marked_string() -> None:
    # Only the strings, not where they are: moving a line needs no new extraction.
    marked = _keys(translations.template())
    with translations.TEMPLATE.open("rb") as file:
        assert _keys(read_po(file)) == marked, "run `make translations`"
    assert _keys(_german()) == marked, "run `make translations`"


def test_the_compiled_catalogs_are_current() -> None:
    """Each .mo holds exactly its .po's translations (compared as messages, not bytes: the
    header names the Babel version that compiled it)."""
    from babel.messages.mofile import read_mo

    for po in translations.languages():
        with po.with_suffix(".mo").open("rb") as compiled, po.open("rb") as source:
            assert _messages(read_mo(compiled)) == _messages(read_po(source)), (
                f"{po.name} changed: run `make translations`"
            )


def _messages(catalog: Any) -> dict[object, object]:
    def frozen(value: Any) -> object:
        return value if isinstance(value, str) else tuple(value)

    return {
        frozen(message.id): frozen(message.string)
        for message in catalog
        if message.id and message.string and not message.fuzzy
    }


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def test_every_german_string_keeps_its_placeholders_and_accelerator() -> None:
    for message in _german():  # type: ignore[attr-defined]
        if not message.id or not message.string:
            continue
        ids = [message.id] if isinstance(message.id, str) else list(message.id)
        strings = [message.string] if isinstance(message.string, str) else list(message.string)
        allowed = set().union(*map(_fields, ids))
        for text in strings:
            if not text:
                continue
            # A plural's "one" form may say "every week" without its {n}; none adds one.
            assert _fields(text) <= allowed, (message.id, text)
            if len(ids) == 1:
                assert _fields(text) == allowed, (message.id, text)
            # An "&" mnemonic stays a single one, so the key still works.
            assert len(re.findall(r"&(?!&)", text)) == len(re.findall(r"&(?!&)", ids[0]))


def test_german_is_complete_for_the_routed_modules() -> None:
    missing = []
    for message in _german():  # type: ignore[attr-defined]
        if not message.id:
            continue
        routed = any(path.startswith(ROUTED) for path, _line in message.locations)
        strings = [message.string] if isinstance(message.string, str) else message.string
        if routed and (message.fuzzy or not all(strings)):
            missing.append(message.id)
    assert missing == []
