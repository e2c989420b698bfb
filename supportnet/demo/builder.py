"""Building the example network from its data files: the time zones and the whole build."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from supportnet.demo import data, words
from supportnet.demo.common import DemoNetwork, _local_minutes, _on_or_before
from supportnet.demo.history import History
from supportnet.i18n import _
from supportnet.model.errors import ValidationError
from supportnet.model.network import Group, Person
from supportnet.model.plans import Plan
from supportnet.model.zones import known_zone, same_clocks

_SATURDAY = 5


def friend_zone_for(user_zone: str) -> str:
    """The zone of the friend abroad: one whose daylight-saving rules differ from the user's.

    New York for users in Europe, otherwise London; and whichever of the two keeps
    different clocks from the user's zone (so ``America/New_York`` gets London and an alias
    of London, such as ``GB``, gets New York).
    """
    first, second = "America/New_York", "Europe/London"
    if not user_zone.startswith("Europe/"):
        first, second = second, first
    if same_clocks(user_zone, first):
        return second
    return first


def shared_hour(today: date, tz: ZoneInfo, friend_tz: ZoneInfo, earliest: int) -> int:
    """An hour in the friend's zone that is a sensible time for both, all year round."""
    saturdays = [_on_or_before(today, _SATURDAY) + timedelta(weeks=w) for w in range(-30, 20)]
    best = (float("inf"), 14)
    for hour in range(9, 21):
        minutes = [
            _local_minutes(datetime.combine(d, time(hour), tzinfo=friend_tz), tz) for d in saturdays
        ]
        outside = sum(1 for m in minutes if not earliest <= m <= 20 * 60 + 30)
        mean = sum(minutes) / len(minutes)
        score = outside * 1000 + abs(mean - 18 * 60) / 60 + abs(hour - 14) / 2
        if score < best[0]:
            best = (score, hour)
    return best[1]


def build_demo_network(today: date, user_zone: str, *, seed: int = 2024) -> DemoNetwork:
    """Build the example network for someone whose day is ``today`` in ``user_zone``.

    Check-ins cover the :data:`HISTORY_DAYS` days before ``today`` and all fall before
    midnight at the start of ``today`` in ``user_zone``; plans start a little before
    ``today`` and one-offs fall in the two weeks after it.
    """
    tz = known_zone(user_zone)
    if tz is None:
        raise ValidationError(
            "timezone",
            _("“{zone}” isn't a time zone we know; choose one like Europe/London.").format(
                zone=user_zone
            ),
        )
    friend_zone = friend_zone_for(user_zone)
    # The example user's words are in the language in use now (load_demo runs after the
    # language is chosen); the rest of each file is the same in every language.
    docs = (words.localised(n, data.read(n)) for n in data.FILES)
    network, plans_doc, history_doc, safety_doc, care_doc = docs
    earliest, latest = data.clock(history_doc["earliest"]), data.clock(history_doc["latest"])

    city = friend_zone.rsplit("/", 1)[-1].replace("_", " ")
    people = {spec["key"]: data.person(spec, city) for spec in network["people"]}
    groups = {spec["key"]: data.group(spec) for spec in network["groups"]}
    uids = {key: p.uid for key, p in people.items()} | {key: g.uid for key, g in groups.items()}

    hour = shared_hour(today, tz, ZoneInfo(friend_zone), earliest)
    plans: dict[str, tuple[str, Plan]] = {}
    for spec in plans_doc["plans"]:
        zone = friend_zone if spec.get("zone") == "friend" else user_zone
        plans[spec["key"]] = (spec["for"], data.plan(spec, today, zone, hour))

    history = History(today, tz, seed, history_doc)
    if set(history_doc["rhythms"]) != set(people):
        raise ValueError("Everyone in network.toml, and only they, has a rhythm in history.toml.")
    defaults = history_doc["rhythm_defaults"]
    rhythms = {key: data.rhythm(history_doc["rhythms"][key], defaults) for key in people}
    for key, person in people.items():
        history.person_rhythm(key, person, rhythms[key])
    for spec in history_doc["follows"]:
        key, plan = plans[spec["plan"]]
        history.person_follows(spec, people[key], rhythms[key], plan)
    for spec in history_doc["groups"]:
        if "follows" in spec:
            history.group_meetings(spec, uids[spec["group"]], plans[spec["follows"]][1])
        else:
            history.group_posts(spec, uids[spec["group"]])

    built = _network(people, groups, list(plans.values()), uids, history, (earliest, latest))
    built.safety_plan = data.safety_plan(safety_doc, people, groups)
    built.care_teams = [data.care_team(care_doc, today, user_zone, people)]
    return built


def _network(
    people: dict[str, Person],
    groups: dict[str, Group],
    plans: list[tuple[str, Plan]],
    uids: dict[str, str],
    history: History,
    hours: tuple[int, int],
) -> DemoNetwork:
    """The network, with the check-ins inside the history window and waking hours, in order."""
    start = history.at(history.first_day, 0)
    end = history.at(history.last_day + timedelta(days=1), 0)
    kept = [
        (uid, c)
        for uid, c in history.checkins
        if start <= c.at < end and hours[0] <= _local_minutes(c.at, history.tz) <= hours[1]
    ]
    kept.sort(key=lambda pair: pair[1].at)
    return DemoNetwork(
        people=[p.normalised() for p in people.values()],
        groups=[g.normalised() for g in groups.values()],
        plans=[(uids[key], p.normalised()) for key, p in plans],
        checkins=[(uid, c.normalised()) for uid, c in kept],
    )
