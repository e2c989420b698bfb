"""The message-ideas library: seeded by the migration, editable, kept in order."""

from __future__ import annotations

import pytest

from supportnet.data.store import Store
from supportnet.model.errors import NotFoundError, ValidationError
from supportnet.model.ideas import MessageIdea


def test_a_new_store_starts_with_gentle_ideas(store: Store) -> None:
    texts = [idea.text for idea in store.ideas.list_all()]
    assert "Thinking of you — how has your week been?" in texts
    assert "I'm having a hard day — could you call?" in texts
    assert len(texts) == 5


def test_add_edit_delete_round_trip(store: Store) -> None:
    added = store.ideas.add(MessageIdea("  Fancy a film on Friday? 🎬  "))
    assert added.text == "Fancy a film on Friday? 🎬"
    assert store.ideas.list_all()[-1] == added
    added.text = "هل نتحدث هذا الأسبوع؟"
    store.ideas.update(added)
    assert store.ideas.list_all()[-1].text == "هل نتحدث هذا الأسبوع؟"
    assert added.id is not None
    store.ideas.delete(added.id)
    assert added.id not in [i.id for i in store.ideas.list_all()]
    with pytest.raises(NotFoundError):
        store.ideas.delete(added.id)


def test_an_empty_idea_is_refused_and_nothing_is_stored(store: Store) -> None:
    before = store.ideas.list_all()
    with pytest.raises(ValidationError) as caught:
        store.ideas.add(MessageIdea("   "))
    assert caught.value.field == "text"
    assert store.ideas.list_all() == before
