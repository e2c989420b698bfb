"""The message-ideas library."""

from __future__ import annotations

from supportnet.data.repositories.base import Repository
from supportnet.i18n import N_, _
from supportnet.model.errors import NotFoundError
from supportnet.model.ideas import MessageIdea

_GONE = N_("That message idea is no longer in your library.")


class IdeasRepository(Repository):
    """List, add, change and remove message ideas, kept in the person's own order."""

    def list_all(self) -> list[MessageIdea]:
        rows = self._db.execute(
            "SELECT id, text, position FROM message_ideas ORDER BY position, id"
        )
        return [MessageIdea(text=text, position=pos, id=idea_id) for idea_id, text, pos in rows]

    def add(self, idea: MessageIdea) -> MessageIdea:
        from sqlalchemy import func, select

        from supportnet.data.schema import MessageIdeaRow

        idea.normalised().validate()
        with self._sessions.begin() as session:
            last = session.scalar(select(func.max(MessageIdeaRow.position)))
            row = MessageIdeaRow(text=idea.text, position=(last or 0) + 1)
            session.add(row)
            session.flush()
            return MessageIdea(text=row.text, position=row.position, id=row.id)

    def update(self, idea: MessageIdea) -> MessageIdea:
        from supportnet.data.schema import MessageIdeaRow

        idea.normalised().validate()
        with self._sessions.begin() as session:
            row = session.get(MessageIdeaRow, idea.id)
            if row is None:
                raise NotFoundError(_(_GONE))
            row.text = idea.text
            row.position = idea.position
            return MessageIdea(text=row.text, position=row.position, id=row.id)

    def delete(self, idea_id: int) -> None:
        from sqlalchemy import delete

        from supportnet.data.schema import MessageIdeaRow

        with self._sessions.begin() as session:
            result = session.execute(delete(MessageIdeaRow).where(MessageIdeaRow.id == idea_id))
            if result.rowcount == 0:  # type: ignore[attr-defined]
                raise NotFoundError(_(_GONE))
