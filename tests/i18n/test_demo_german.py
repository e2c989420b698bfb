"""The example network is loaded in the language in use: in German, its plan titles,
message ideas, notes, tags, the plan for hard days and the care team read in German, while
people's own names stay as they are; under the pseudo-locale every one of its words is
wrapped. English is unchanged (tests/demo asserts it)."""

from __future__ import annotations

import io
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from supportnet import i18n
from supportnet.data.store import Store
from supportnet.demo import data, words
from supportnet.demo.builder import build_demo_network
from supportnet.demo.common import DemoNetwork
from supportnet.demo.loader import load_demo

TODAY = date(2026, 11, 25)
ZONE = "Europe/Berlin"

#: What stays the same in every language: names people go by, and an online handle.
NAMES = frozenset({"Dan", "Pri", "Noa", "Salma", "Ife", "quietfern 🌿"})


def _network_words(network: DemoNetwork) -> Iterator[str]:
    """Every field of the built example network a user reads as words (not names)."""
    for person in network.people:
        yield from (person.nickname, person.pronouns, person.best_times, person.notes)
        yield from person.tags
        yield from (channel.value for channel in person.channels)
    for group in network.groups:
        yield from (group.name, group.meeting_schedule, group.place, group.notes)
        yield from group.tags
    for _target, plan in network.plans:
        yield from (plan.title, plan.message_idea, plan.notes)
    for _target, checkin in network.checkins:
        yield checkin.note
    for lines in network.safety_plan.steps.values():
        yield from (line.text for line in lines if line.target_kind is None)
    for team in network.care_teams:
        yield from (team.name, team.note)
        yield from (slot.plan.title for slot in team.slots)


def _stored_words(store: Store) -> Iterator[str]:
    """The same fields, as the store holds them after ``load_demo``."""
    for person in store.people.list_all():
        yield from (person.nickname, person.pronouns, person.best_times, person.notes)
        yield from person.tags
        yield from (channel.value for channel in person.channels)
        yield from (c.note for c in store.checkins.for_person(person.id or 0))
    for group in store.groups.list_all():
        yield from (group.name, group.meeting_schedule, group.place, group.notes)
        yield from group.tags
        yield from (c.note for c in store.checkins.for_group(group.id or 0))
    for plan in store.plans.list_all():
        yield from (plan.title, plan.message_idea, plan.notes)
    for lines in store.safety_plan.read().steps.values():
        yield from (line.text for line in lines if line.target_kind is None)
    for team in store.care_teams.list():
        yield from (team.name, team.note)
        yield from (slot.plan.title for slot in team.slots)


def _words(texts: Iterator[str]) -> set[str]:
    return {text for text in texts if text and words.is_words(text) and text not in NAMES}


def _english() -> set[str]:
    """Every word of the data files, in English."""
    return {text for name in data.FILES for _path, text in words.texts(name, data.read(name))}


@pytest.fixture
def german_store(store: Store) -> Store:
    i18n.set_language("de")
    load_demo(store, TODAY, ZONE)
    return store


def test_the_example_loaded_in_german_reads_in_german(german_store: Store) -> None:
    store = german_store
    titles = {plan.title for plan in store.plans.list_all()}
    assert {"Mittagsspaziergang mit Tom", "Sonntagsanruf bei Mama", "Opa anrufen"} <= titles
    assert "Im Sonntags-Thread schreiben" in titles
    ideas = {plan.message_idea for plan in store.plans.list_all()}
    assert "Mittags eine Runde gehen? Auch gern nur kurz." in ideas
    assert "Hallo Mama, wie war deine Woche?" in ideas
    lines = [line.text for lines in store.safety_plan.read().steps.values() for line in lines]
    assert "Eine heiße Dusche und frische Kleidung" in lines
    assert "Den Abend bei Mama verbringen, wenn es zu Hause zu still ist" in lines
    (team,) = store.care_teams.list()
    assert team.name == "Mamas Knie"
    assert team.note.startswith("Mama telefoniert lieber, als zu schreiben.")
    people = {person.name: person for person in store.people.list_all()}
    # Names stay; a family word is the name a German user gives.
    assert people["Margaret Hughes"].nickname == "Mama"
    assert people["Edward Hughes"].nickname == "Opa"
    assert people["Siobhan Kelly"].nickname == "Tante Shiv"
    assert {"Tom Whitaker", "Lucía Fernández"} <= set(people)
    groups = {group.name for group in store.groups.list_all()}
    assert "Forum „Stiller Hafen“" in groups


def test_no_word_of_the_example_stays_english_in_german(german_store: Store) -> None:
    stored = _words(_stored_words(german_store))
    assert len(stored) > 150
    assert sorted(stored & _english()) == []


def test_the_german_example_has_the_same_shape_as_the_english() -> None:
    english = build_demo_network(TODAY, ZONE)
    i18n.set_language("de")
    german = build_demo_network(TODAY, ZONE)
    assert [p.name for p in german.people] == [p.name for p in english.people]
    assert [(c.at, c.channel, c.mood_after) for _t, c in german.checkins] == [
        (c.at, c.channel, c.mood_after) for _t, c in english.checkins
    ]
    assert [bool(c.note) for _t, c in german.checkins] == [
        bool(c.note) for _t, c in english.checkins
    ]


def test_under_the_pseudo_locale_every_word_of_the_example_is_wrapped() -> None:
    i18n.set_language(i18n.PSEUDO)
    network = build_demo_network(TODAY, ZONE)
    found = [text for text in _network_words(network) if text and words.is_words(text)]
    assert len(found) > 200
    assert [text for text in found if not i18n.is_pseudo(text)] == []
    # People's names are theirs.
    assert not any(i18n.is_pseudo(person.name) for person in network.people)


def test_every_word_of_the_data_files_is_in_the_catalog() -> None:
    from tools import translations

    marked = {m.id for m in translations.template() if m.context == words.CONTEXT}
    assert _english() == marked


def test_the_command_line_loads_the_example_in_the_language_asked_for(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from keyring.backends import fail

    from supportnet.cli import run
    from supportnet.data.store import open_store
    from tests.cli.test_cli import PASS

    monkeypatch.setenv("SUPPORTNET_PASSPHRASE", PASS)
    monkeypatch.setenv("SUPPORTNET_LANGUAGE", "de")
    folder = tmp_path / "store"
    out, err = io.StringIO(), io.StringIO()
    assert run(["demo", "--data-dir", str(folder)], stdout=out, stderr=err) == 0, err.getvalue()
    with open_store(folder, passphrase=lambda _p: PASS, keyring_backend=fail.Keyring()) as store:
        titles = {plan.title for plan in store.plans.list_all()}
        (team,) = store.care_teams.list()
    assert "Mittagsspaziergang mit Tom" in titles
    assert "Lunch walk with Tom" not in titles
    assert team.name == "Mamas Knie"
