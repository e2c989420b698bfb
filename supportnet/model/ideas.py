"""Message ideas: first sentences that make reaching out easier."""

from __future__ import annotations

from dataclasses import dataclass

from supportnet.model import field_words as fields
from supportnet.model.errors import Problem
from supportnet.model.network import raise_problems
from supportnet.model.text import SHORT_MAX, check_text, clean_note


@dataclass(slots=True)
class MessageIdea:
    """One idea in the editable library, e.g. "Could we talk this week?"."""

    text: str
    position: int = 0
    id: int | None = None

    def normalised(self) -> MessageIdea:
        self.text = clean_note(self.text)
        return self

    def problems(self) -> list[Problem]:
        problems: list[Problem] = []
        check_text(
            problems,
            "text",
            self.text,
            says=fields.MESSAGE_IDEA,
            max_len=SHORT_MAX,
            required=True,
            multiline=True,
        )
        return problems

    def validate(self) -> None:
        raise_problems(self.problems())
