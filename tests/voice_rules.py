"""The words and patterns docs/voice.md rules out, kept in one place, and the check.

Qt-free: the UI voice test (tests/ui/test_voice.py) and the wording tests
(tests/scheduling/test_voice.py) both ask :func:`flagged` of every text they collect.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass(frozen=True)
class Rule:
    """One banned word or pattern, and why docs/voice.md bans it."""

    pattern: str
    why: str

    def search(self, text: str) -> bool:
        return re.search(self.pattern, text, re.IGNORECASE) is not None


def _word(*words: str) -> str:
    return r"\b(?:" + "|".join(re.escape(w) for w in words) + r")\b"


#: Weeks said as days ("every 21 days"): rhythms read as people say them ("every 3 weeks").
_WEEKS_AS_DAYS = "|".join(str(7 * n) for n in range(1, 9))

RULES: tuple[Rule, ...] = (
    Rule(_word("overdue", "missed", "miss", "failed", "late", "lapsed"), "points at a miss"),
    # "Forgot your passphrase?" is plain help; "you forgot to call" is a reproach.
    Rule(_word("behind", "falling", "neglected", "forgot to"), "points at a miss"),
    # "There's no score and nothing to keep up" says the kind thing.
    Rule(r"(?<!no )\b(?:streaks?|scores?)\b", "gamifies contact"),
    Rule(_word("uncovered"), "a day is 'Nobody planned yet', never 'uncovered'"),
    Rule(r"\byou usually\b|\busually (?:talk|check in)\b", "measures the user against a norm"),
    Rule(r"\btoo long after\b|\bfeels like too long\b", "frames a threshold of failure"),
    Rule(r"\bnobody is down\b|\bis down for\b", "an idiom that stings"),
    Rule(r"\bshare it\?", "implies the user is a load"),
    Rule(r"\blife without them\b", "heavy for someone grieving"),
    # A person's card saying "Done…"; a rota check-in marked "Done" is about the check-in.
    Rule(r"^\s*done…\s*$|\bdone with\b", "treats a person as a finished task"),
    Rule(r"\bis there one person\b", "an isolated person's honest answer may be no"),
    Rule(r"\bwas at \d{1,2}:\d{2}\b|\bwas planned for\b", "points at a miss"),
    Rule(r"\bsomething that happened\b", "lectures the user"),
    Rule(r"\btime to reach out\b|\bdon't forget\b", "an order"),
    Rule(_word("should", "must", "ought"), "an order"),
    # "No need to reply", "You don't have to manage this alone", "whenever you need to" are
    # kind; "You need to…" is not.
    Rule(r"(?<!don't )(?<!if )(?<!whenever )\byou (?:need|have) to\b", "an order"),
    Rule(r"\bevery (?:" + _WEEKS_AS_DAYS + r") days\b", "weeks said as days"),
    Rule(r"!", "no exclamation marks"),
)


def flagged(text: str) -> list[Rule]:
    """The rules ``text`` breaks; empty when it reads calmly. A mnemonic's "&" ("too
    &long") is read as the user reads it."""
    read = re.sub(r"&(?=\w)", "", text)
    return [rule for rule in RULES if rule.search(read)]


#: Texts that still break a rule, each with why it is let be for now. Shrink only: a
#: string that is fixed comes off (a test fails while an entry matches nothing), and
#: nothing goes on without a reason. Keys are regular expressions over the whole text.
PENDING: dict[str, str] = {}


def pending(text: str) -> str | None:
    """The pattern in :data:`PENDING` that lets ``text`` be for now, if any."""
    return next((p for p in PENDING if re.fullmatch(p, text, re.DOTALL)), None)
