"""The example network's own words, for the pseudo-locale tests: what the user typed
(names, plan titles, message ideas, the safety plan's lines, a team's note) is data, never
translated, and a line may mix it with routed words ("[!! Phone call !!]: 07700 900215")."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import Any

from supportnet.i18n import CLOSE, OPEN
from supportnet.services import Services
from tests.ui.conftest import NOW

PSEUDO_PART = re.compile(re.escape(OPEN) + r".*?" + re.escape(CLOSE), re.DOTALL)


def judged(data: Iterable[str]) -> Callable[[str], bool]:
    """A ``data`` predicate for the harness: true when no letter is left of a string once
    its pseudo-translated parts and the ``data`` are taken out."""
    known = sorted({s for s in data if len(s.strip()) > 1}, key=len, reverse=True)

    def is_data(text: str) -> bool:
        left = PSEUDO_PART.sub(" ", text)
        for part in known:
            left = left.replace(part, " ")
        return not any(ch.isalpha() for ch in left)

    return is_data


def _reach_values(reach: str) -> list[str]:
    """ "Phone call: 07700 900215 · Chat app: WhatsApp" → its values, not its labels."""
    return [part.split(": ", 1)[-1] for part in reach.split(" · ") if part]


def network_data(store: Any) -> list[str]:
    """Everything the example network's user typed, as the pages show it."""
    services = Services.of(store)
    found: list[str] = []
    for person in services.people.list_all():
        found += [person.display_name, person.name, person.nickname, *person.tags]
        found += [channel.value for channel in person.channels]
    for group in services.groups.list_all():
        found += [group.name, group.place, group.link, group.meeting_schedule]
    for plan in store.plans.list_all():
        found += [plan.title, plan.message_idea.strip()]
    for idea in store.ideas.list_all():
        found.append(idea.text)
    plan = services.safety_plan.view()
    for entries in plan.steps.values():
        for line in entries:
            found += [line.name, line.entry.text, *_reach_values(line.reach)]
    for team in services.care_teams.list():
        found += [team.name, *team.note.splitlines()]
        rota = services.care_teams.rota(team.uid, NOW.date(), 28, "Europe/London")
        found.append(rota.focus_name)
        for supporter in rota.supporters:
            found += [supporter.name, *_reach_values(supporter.reach)]
    return [text for text in found if text]


def locale_words() -> list[str]:
    """The locale's own weekday and month names, long and short, which QLocale gives (in
    German German ones): never the catalog's to translate."""
    from PySide6.QtCore import QLocale

    locale = QLocale()
    formats = (QLocale.FormatType.LongFormat, QLocale.FormatType.ShortFormat)
    days = [locale.dayName(day, form) for day in range(1, 8) for form in formats]
    return days + [locale.monthName(month, form) for month in range(1, 13) for form in formats]


def crisis_words(code: str) -> list[str]:
    """The crisis-lines file's own text for ``code`` (services' names, numbers, hours, notes,
    countries): the file is data, each service named as it names itself."""
    from supportnet.safety.crisis_lines import countries, help_for

    help = help_for(code)
    said = [c.name for c in countries()] + [help.name, help.emergency, help.emergency_note]
    for line in help.lines:
        said += [line.name, line.hours, line.about, *line.languages]
        for contact in line.contacts:
            said += [contact.value, contact.note]
    return [text for text in said if text]
