"""Reading the example network's data files (TOML inside the package) into domain objects."""

from __future__ import annotations

import tomllib
from collections.abc import Mapping, Set
from datetime import date, time, timedelta
from functools import cache
from importlib import resources
from typing import Any

from supportnet.demo.common import (
    _add_months,
    _nth_weekday_of,
    _on_or_after,
    _on_or_before,
    _Rhythm,
)
from supportnet.model.care import ME, CareTeam, RotaSlot, SlotSwap
from supportnet.model.network import (
    ChannelKind,
    Circle,
    ContactChannel,
    Group,
    GroupKind,
    HelpDirection,
    LifeDomain,
    Person,
    SupportType,
)
from supportnet.model.plans import (
    Cadence,
    Frequency,
    MonthlyMode,
    Plan,
    PlanKind,
    Recurrence,
)
from supportnet.model.safety_plan import PlanEntry, SafetyPlan, Step
from supportnet.model.targets import GROUP, PERSON

#: The data files, in this package.
FILES = ("network.toml", "plans.toml", "history.toml", "safety_plan.toml", "care_team.toml")

#: A plan ``window`` that the builder works out: an hour good in both the user's and the
#: friend's zone.
SHARED_HOUR = "shared hour"

Spec = Mapping[str, Any]


def keys(names: str) -> frozenset[str]:
    """The keys an entry of a data file may have, from a space-separated list."""
    return frozenset(names.split())


# The keys each kind of entry may have (the data files' comments say what they mean).
_PERSON_KEYS = keys(
    "key name nickname pronouns circle domain support direction channels best_times notes tags"
    " knows_situation"
)
_GROUP_KEYS = keys("key name kind circle support meeting_schedule place link notes tags")
_PLAN_KEYS = keys(
    "key for kind title channel start zone window minutes recurrence cadence message_idea notes"
)
_RECURRENCE_KEYS = keys("frequency interval weekdays monthly_mode nth nth_weekday until skips")
_RHYTHM_KEYS = keys("every hours them_share quiet_days note_share mood_share channels notes")


@cache
def read(name: str) -> Spec:
    """One data file, parsed (cached: callers must not change what they get)."""
    text = resources.files(__package__ or "supportnet.demo").joinpath(name).read_text("utf-8")
    return tomllib.loads(text)


def clock(text: str) -> int:
    """Minutes after midnight of a local "HH:MM"."""
    hours, minutes = text.split(":")
    return int(hours) * 60 + int(minutes)


def _time(text: str) -> time:
    minutes = clock(text)
    return time(minutes // 60, minutes % 60)


#: The weekday names plans.toml is written with (data, not words shown to anyone).
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _weekday(name: str) -> int:
    return _WEEKDAYS.index(name)


def relative_date(spec: Spec, today: date) -> date:
    """A date given relative to ``today`` (the forms are described in plans.toml)."""
    if "months" in spec:
        check_keys(spec, {"months", "nth", "weekday"})
        return _nth_weekday_of(
            _add_months(today, spec["months"]), spec["nth"], _weekday(spec["weekday"])
        )
    check_keys(spec, {"days", "on_or_before", "on_or_after", "weeks"})
    day = today + timedelta(days=spec.get("days", 0))
    if "on_or_before" in spec:
        day = _on_or_before(day, _weekday(spec["on_or_before"]))
    if "on_or_after" in spec:
        day = _on_or_after(day, _weekday(spec["on_or_after"]))
    return day + timedelta(weeks=spec.get("weeks", 0))


def person(spec: Spec, friend_city: str) -> Person:
    """A person of network.toml; ``{friend_city}`` in the notes becomes ``friend_city``."""
    check_keys(spec, _PERSON_KEYS)
    return Person(
        domain=LifeDomain(spec["domain"]),
        direction=HelpDirection(spec["direction"]),
        channels=[_channel(c) for c in spec["channels"]],
        notes=spec["notes"].replace("{friend_city}", friend_city),
        **_in_network(spec, ("name", "nickname", "pronouns", "best_times", "knows_situation")),
    )


def group(spec: Spec) -> Group:
    """A group of network.toml."""
    check_keys(spec, _GROUP_KEYS)
    return Group(
        kind=GroupKind(spec["kind"]),
        **_in_network(spec, ("name", "meeting_schedule", "place", "link", "notes")),
    )


def _in_network(spec: Spec, plain: tuple[str, ...]) -> dict[str, Any]:
    """What people and groups share (circle, support, tags), and their ``plain`` fields given."""
    return {
        "circle": Circle(spec["circle"]),
        "support_types": {SupportType(s) for s in spec["support"]},
        "tags": list(spec["tags"]),
        **{k: spec[k] for k in plain if k in spec},
    }


def _channel(spec: Spec) -> ContactChannel:
    check_keys(spec, {"kind", "value", "preferred"})
    return ContactChannel(
        ChannelKind(spec["kind"]), spec.get("value", ""), spec.get("preferred", False)
    )


def plan(spec: Spec, today: date, zone: str, shared_hour: int) -> Plan:
    """A plan of plans.toml in ``zone``; a :data:`SHARED_HOUR` window starts at ``shared_hour``."""
    check_keys(spec, _PLAN_KEYS)
    plain = {"title", "message_idea", "notes"}
    extra: dict[str, Any] = {k: spec[k] for k in plain if k in spec}
    window = spec.get("window")
    if window == SHARED_HOUR:
        extra["window_start"], extra["window_end"] = time(shared_hour), time(shared_hour + 1)
    elif window is not None:
        extra["window_start"], extra["window_end"] = _time(window[0]), _time(window[1])
    if "minutes" in spec:
        extra["duration_minutes"] = spec["minutes"]
    if "recurrence" in spec:
        extra["recurrence"] = _recurrence(spec["recurrence"], today)
    if "cadence" in spec:
        check_keys(spec["cadence"], {"ideal_days", "too_long_days"})
        extra["cadence"] = Cadence(**spec["cadence"])
    return Plan(
        kind=PlanKind(spec["kind"]),
        channel=ChannelKind(spec["channel"]),
        start_date=relative_date(spec["start"], today),
        timezone=zone,
        **extra,
    )


def _recurrence(spec: Spec, today: date) -> Recurrence:
    check_keys(spec, _RECURRENCE_KEYS)
    extra: dict[str, Any] = {k: spec[k] for k in ("interval", "nth") if k in spec}
    if "weekdays" in spec:
        extra["weekdays"] = {_weekday(d) for d in spec["weekdays"]}
    if "monthly_mode" in spec:
        extra["monthly_mode"] = MonthlyMode(spec["monthly_mode"])
    if "nth_weekday" in spec:
        extra["nth_weekday"] = _weekday(spec["nth_weekday"])
    if "until" in spec:
        extra["until"] = relative_date(spec["until"], today)
    if "skips" in spec:
        extra["skips"] = {relative_date(s, today) for s in spec["skips"]}
    return Recurrence(frequency=Frequency(spec["frequency"]), **extra)


def rhythm(spec: Spec, defaults: Spec) -> _Rhythm:
    """A person's rhythm of history.toml, with ``defaults`` for what it leaves out."""
    check_keys(spec, _RHYTHM_KEYS)
    both = {**defaults, **spec}
    return _Rhythm(
        every=both.get("every"),
        hours=(clock(both["hours"][0]), clock(both["hours"][1])),
        them_share=both["them_share"],
        quiet_days=both["quiet_days"],
        note_share=both["note_share"],
        mood_share=both["mood_share"],
        channels={ChannelKind(k): w for k, w in both.get("channels", {}).items()},
        notes=tuple(both.get("notes", ())),
    )


def safety_plan(
    spec: Spec, people: Mapping[str, Person], groups: Mapping[str, Group]
) -> SafetyPlan:
    """The plan of safety_plan.toml, its links made to the people and groups built."""
    check_keys(spec, {step.value for step in Step})
    steps = {}
    for step in Step:
        steps[step] = tuple(_plan_line(line, people, groups) for line in spec.get(step.value, ()))
    plan = SafetyPlan(steps)
    plan.validate()
    return plan


def _plan_line(
    line: str | Spec, people: Mapping[str, Person], groups: Mapping[str, Group]
) -> PlanEntry:
    if isinstance(line, str):
        return PlanEntry.typed(line)
    if "person" in line:
        check_keys(line, {"person", "they_know"})
        person = people[line["person"]]
        return PlanEntry.link(
            PERSON, person.uid, person.display_name, they_know=line.get("they_know", False)
        )
    check_keys(line, {"group"})
    group = groups[line["group"]]
    return PlanEntry.link(GROUP, group.uid, group.name)


def care_team(spec: Spec, today: date, zone: str, people: Mapping[str, Person]) -> CareTeam:
    """The team of care_team.toml, its people found by key ("me" is the user)."""
    check_keys(spec, keys("name focus supporters comfortable_gap_days note slots swaps"))

    def ref(key: str) -> str:
        return ME if key == ME else people[key].uid

    slots: dict[str, RotaSlot] = {}
    for slot in spec["slots"]:
        timing = {k: v for k, v in slot.items() if k != "supporter"}
        supporter = ref(slot["supporter"]) if "supporter" in slot else None
        slots[slot["key"]] = RotaSlot(plan(timing, today, zone, 0), supporter)
    swaps = []
    for swap in spec.get("swaps", ()):
        check_keys(swap, {"slot", "on", "supporter"})
        supporter = ref(swap["supporter"]) if "supporter" in swap else None
        swaps.append(SlotSwap(slots[swap["slot"]].uid, relative_date(swap["on"], today), supporter))
    team = CareTeam(
        name=spec["name"],
        focus=ref(spec["focus"]),
        supporters=[ref(key) for key in spec["supporters"]],
        note=spec.get("note", ""),
        comfortable_gap_days=spec["comfortable_gap_days"],
        slots=list(slots.values()),
        swaps=swaps,
    ).normalised()
    team.validate()
    return team


def check_keys(spec: Spec, allowed: Set[str]) -> None:
    """Refuse a key the builder would silently ignore (a typo in a data file)."""
    unknown = set(spec) - allowed
    if unknown:
        raise ValueError(f"Unknown keys in the example network's data: {sorted(unknown)}")
