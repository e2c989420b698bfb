"""Settings and the library of message ideas, as the pages read and write them."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from supportnet.data.store import Store
    from supportnet.model.ideas import MessageIdea
    from supportnet.model.settings import Settings

__all__ = ["IdeasService", "SettingsService"]


class SettingsService:
    """The person's preferences: a change is one transaction (:meth:`update`)."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def load(self) -> Settings:
        return self._store.settings.load()

    def save(self, settings: Settings) -> None:
        """Store all of ``settings``; a page changing some of them uses :meth:`update`."""
        self._store.settings.save(settings)

    def update(self, **changes: Any) -> Settings:
        """Change only the settings named (read and written in one transaction, so what
        another window changed meanwhile is kept); the settings after."""
        return self._store.settings.update(**changes)


class IdeasService:
    """The library of message ideas: each change is one transaction."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def list_all(self) -> list[MessageIdea]:
        return self._store.ideas.list_all()

    def add(self, idea: MessageIdea) -> MessageIdea:
        return self._store.ideas.add(idea)

    def update(self, idea: MessageIdea) -> MessageIdea:
        return self._store.ideas.update(idea)

    def delete(self, idea_id: int) -> None:
        self._store.ideas.delete(idea_id)
