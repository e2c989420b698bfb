"""The example network's words, in the language in use when it is loaded.

The data files are written in English; the fields listed in :data:`TEXT` are the example
user's words (plan titles, message ideas, notes, the plan for hard days, a team's note …)
and are translated when the network is built, with the context :data:`CONTEXT` (so "Home",
a place, never meets the app's own "Home"). People's names, phone numbers, addresses online
and the names of apps are not words: they stay as they are. ``tools/translations.py``
extracts the same fields into the catalog (:func:`texts` says which), so a field added here
is translated and extracted at once.

Nothing is translated on import: :func:`localised` runs when the network is built.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from fnmatch import fnmatchcase
from typing import Any

from supportnet.i18n import pgettext

#: The context of every word of the example network in the catalog.
CONTEXT = "example network"

#: Where each data file holds words, as paths of keys ("people/notes": every person's
#: notes; lists and lists of tables are looked into; "*" is any one key, so a safety
#: plan's line is words and its link ``{ person = "dan" }`` is not).
TEXT: Mapping[str, tuple[str, ...]] = {
    "network.toml": (
        "people/nickname",
        "people/pronouns",
        "people/best_times",
        "people/notes",
        "people/tags",
        "people/channels/value",
        "groups/name",
        "groups/meeting_schedule",
        "groups/place",
        "groups/notes",
        "groups/tags",
    ),
    "plans.toml": ("plans/title", "plans/message_idea", "plans/notes"),
    "history.toml": ("general_notes", "rhythms/*/notes", "groups/notes"),
    "safety_plan.toml": ("*",),
    "care_team.toml": ("name", "note", "slots/title"),
}

#: What people write in a channel's value that isn't a word: the names of apps.
_APPS = frozenset({"WhatsApp", "Signal", "Teams", "FaceTime", "Discord"})
_ADDRESS = re.compile(r"^\S+@\S+\.\w+$|^https?://")

#: What a translator is told about each kind of field (the last key of its path).
_NOTES = {
    "nickname": "a person's nickname: keep a name as it is; a word (Mum, Grandad) becomes "
    "what a German user would call them",
    "pronouns": "a person's pronouns",
    "tags": "a tag the user gave someone",
    "value": "how to reach someone: a place, an address or a note beside a number",
    "name": "a name the user gave a group or a care team",
    "notes": "a note the user wrote",
    "note": "a note the user wrote",
    "general_notes": "a note the user wrote",
    "title": "a plan's title",
    "message_idea": "a message the user might send",
}


def is_words(text: str) -> bool:
    """Whether ``text`` is words to translate, not a number, an address online or an app."""
    return (
        any(ch.isalpha() for ch in text)
        and text.strip() not in _APPS
        and not _ADDRESS.match(text.strip())
    )


def _is_text(patterns: tuple[str, ...], path: tuple[str, ...], node: object) -> bool:
    return isinstance(node, str) and is_words(node) and any(_matches(path, p) for p in patterns)


def _matches(path: tuple[str, ...], pattern: str) -> bool:
    """Whether ``path`` is ``pattern``'s, key by key ("*" is any one key)."""
    parts = pattern.split("/")
    return len(parts) == len(path) and all(map(fnmatchcase, path, parts))


def texts(name: str, doc: Any) -> Iterator[tuple[str, str]]:
    """Each ``(path, text)`` of data file ``name`` that is words, in the file's order."""
    patterns = TEXT.get(name, ())

    def walk(node: Any, path: tuple[str, ...]) -> Iterator[tuple[str, str]]:
        if isinstance(node, Mapping):
            for key, value in node.items():
                yield from walk(value, (*path, key))
        elif isinstance(node, list):
            for item in node:
                yield from walk(item, path)
        elif _is_text(patterns, path, node):
            yield "/".join(path), node

    yield from walk(doc, ())


def note_for(path: str) -> str:
    """What a translator is told about a field at ``path``."""
    field = path.rsplit("/", 1)[-1]
    return "The example network's words: " + _NOTES.get(field, "a line of the plan for hard days")


def localised(name: str, doc: Any) -> Any:
    """A copy of data file ``name``'s ``doc`` with its words in the language in use."""
    patterns = TEXT.get(name, ())

    def walk(node: Any, path: tuple[str, ...]) -> Any:
        if isinstance(node, Mapping):
            return {key: walk(value, (*path, key)) for key, value in node.items()}
        if isinstance(node, list):
            return [walk(item, path) for item in node]
        if _is_text(patterns, path, node):
            # The catalog holds every one of these (tools/translations.py extracts them).
            return pgettext(CONTEXT, node)
        return node

    return walk(doc, ())
