"""The check-in log: who, when, how, who reached out, and how it felt."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from supportnet.i18n import N_, _
from supportnet.model import field_words as fields
from supportnet.model.errors import Problem
from supportnet.model.network import ChannelKind, new_uid, raise_problems
from supportnet.model.text import NOTE_MAX, check_text, clean_note

#: Longest uid a check-in names (``by``, ``rota_slot``): the width of the stored column.
UID_MAX = 36

MOOD_MIN = 1
MOOD_MAX = 5

#: Words for the 1–5 mood scale, low to good, as a list shows them; a sentence lower-cases
#: them. Always shown as words, never as colour alone. Marked, not translated: show them
#: through :func:`mood_word`.
MOOD_WORDS: Mapping[int, str] = {
    1: N_("Very low"),
    2: N_("Low"),
    3: N_("Okay"),
    4: N_("Good"),
    5: N_("Very good"),
}


def mood_word(mood: int | None) -> str:
    """The word for a mood on the 1–5 scale ("Low"), or "" when not noted; never the number."""
    if mood is None:
        return ""
    word = MOOD_WORDS.get(mood, "")
    return _(word) if word else ""


class Initiator(StrEnum):
    """Who reached out first."""

    ME = "me"
    THEM = "them"

    @property
    def label(self) -> str:
        return _("I reached out") if self is Initiator.ME else _("They reached out to me")


_BY_ONLY_ON_A_ROTA = N_("Only a check-in on a care team's rota names who did it.")


@dataclass(slots=True)
class CheckIn:
    """One contact that happened. ``at`` is timezone-aware.

    ``by`` is the uid of the person who did it on the user's behalf, as they told the user
    (a care team's supporter); None: the user. ``rota_slot`` is the uid of the care-team
    rota slot it fulfils, if any.
    """

    at: datetime
    person_id: int | None = None
    group_id: int | None = None
    channel: ChannelKind | None = None
    initiator: Initiator = Initiator.ME
    note: str = ""
    mood_before: int | None = None
    mood_after: int | None = None
    plan_id: int | None = None
    id: int | None = None
    uid: str = field(default_factory=new_uid)
    by: str | None = None
    rota_slot: str | None = None

    def normalised(self) -> CheckIn:
        """Trim whitespace in place and return self."""
        self.note = clean_note(self.note)
        return self

    def problems(self) -> list[Problem]:
        """Everything wrong with this check-in, one message per field."""
        problems: list[Problem] = []
        if (self.person_id is None) == (self.group_id is None):
            problems.append(Problem("target", _("A check-in is with one person or one group.")))
        if self.at.tzinfo is None or self.at.utcoffset() is None:
            problems.append(Problem("at", _("The time of a check-in needs a time zone.")))
        if self.channel is not None and not isinstance(self.channel, ChannelKind):
            problems.append(Problem("channel", _("Please choose how you were in touch.")))
        if not isinstance(self.initiator, Initiator):
            problems.append(Problem("initiator", _("Please say who reached out.")))
        for name, ref in (("by", self.by), ("rota_slot", self.rota_slot)):
            if ref is not None and not (isinstance(ref, str) and 0 < len(ref) <= UID_MAX):
                problems.append(Problem(name, _("That link to the care team isn't readable.")))
        if self.by is not None and self.rota_slot is None:
            # Who did it on the user's behalf is noted for a care team's rota alone (and
            # reading the user's own contact relies on it: see contact_reads.done_by_supporters).
            problems.append(Problem("by", _(_BY_ONLY_ON_A_ROTA)))
        check_text(
            problems, "note", self.note, says=fields.CHECK_IN_NOTE, max_len=NOTE_MAX, multiline=True
        )
        for name, mood in (("mood_before", self.mood_before), ("mood_after", self.mood_after)):
            if mood is not None and not MOOD_MIN <= mood <= MOOD_MAX:
                problems.append(Problem(name, _("Mood is from 1 (low) to 5 (good).")))
        return problems

    def validate(self) -> None:
        """Raise :class:`ValidationError` naming the first problem, carrying all of them."""
        raise_problems(self.problems())
