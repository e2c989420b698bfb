"""Export choices: privacy levels, options and scope, and the file's fixed texts."""

from __future__ import annotations

from dataclasses import dataclass

from supportnet import __version__
from supportnet.i18n import N_, _
from supportnet.model.errors import Problem
from supportnet.model.network import ChannelKind, Circle, raise_problems
from supportnet.model.privacy import Privacy as Privacy  # noqa: PLC0414 (re-exported)
from supportnet.model.targets import TargetKey

DEFAULT_WEEKS = 12
MAX_WEEKS = 104
MAX_ALARM_MINUTES = 7 * 24 * 60
DEFAULT_FILE_NAME = "supportnet-plan.ics"
#: The only title a discreet export uses.
DISCREET_TITLE = N_("Check-in")
#: The calendar's name as clients show it: the same at every privacy level.
CALENDAR_NAME = N_("Check-ins")
PRODID = f"-//SupportNet//SupportNet {__version__}//EN"
#: A discreet file must not say which app wrote it (the name alone hints at depression
#: care). RFC 5545 §3.7.3 asks only for a globally unique product text, conventionally an
#: ISO 9070 formal public identifier; this one names no vendor and no product.
DISCREET_PRODID = "-//Calendar//Check-ins//EN"
#: Marked, like the titles above: written through ``_()`` in the language in use.
FLEXIBLE_NOTE = N_("A rough day: any day near it is just as good.")

_VERBS: dict[ChannelKind | None, str] = {
    ChannelKind.CALL: N_("Call {name}"),
    ChannelKind.TEXT: N_("Text {name}"),
    ChannelKind.VIDEO: N_("Video call with {name}"),
    ChannelKind.MESSAGING: N_("Message {name}"),
    ChannelKind.EMAIL: N_("Email {name}"),
    ChannelKind.IN_PERSON: N_("See {name}"),
    ChannelKind.LETTER: N_("Write to {name}"),
}


_EXPORT_EXPLANATIONS = {
    Privacy.DISCREET: N_(
        "Every event is called “Check-in”. No names, no way of reaching them, no notes or "
        "message ideas."
    ),
    Privacy.FIRST_NAME: N_(
        "A first name or nickname and how you'll reach them, e.g. “Call Sam”. No surnames, "
        "no notes."
    ),
    Privacy.FULL: N_(
        "Full names, how you'll reach them and your message ideas. Your private notes are "
        "never exported."
    ),
}


def export_explanation(level: Privacy) -> str:
    """What a calendar file says at ``level``."""
    return _(_EXPORT_EXPLANATIONS[level])


@dataclass(frozen=True, slots=True)
class ExportOptions:
    """What to export, how far ahead, and how much it says."""

    # Discreet unless chosen otherwise: exports are the only way data leaves (DOMAIN.md).
    privacy: Privacy = Privacy.DISCREET
    weeks: int = DEFAULT_WEEKS
    alarm_minutes: int | None = None

    def problems(self) -> list[Problem]:
        problems: list[Problem] = []
        if not 1 <= self.weeks <= MAX_WEEKS:
            problems.append(
                Problem(
                    "weeks",
                    _("Choose between 1 and {most} weeks ahead (two years).").format(
                        most=MAX_WEEKS
                    ),
                )
            )
        if self.alarm_minutes is not None and not 0 <= self.alarm_minutes <= MAX_ALARM_MINUTES:
            problems.append(
                Problem(
                    "alarm_minutes",
                    _("A reminder can be from 0 to {most} minutes (a week) before.").format(
                        most=MAX_ALARM_MINUTES
                    ),
                )
            )
        return problems

    def validate(self) -> None:
        raise_problems(self.problems())


@dataclass(frozen=True, slots=True)
class Scope:
    """Whose plans to export: everyone, chosen people and groups, or one circle."""

    targets: frozenset[TargetKey] | None = None
    circle: Circle | None = None

    def includes(self, key: TargetKey, circle: Circle) -> bool:
        if self.targets is not None and key not in self.targets:
            return False
        return self.circle is None or circle is self.circle
