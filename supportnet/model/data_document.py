"""The open data format: everything in the store as one JSON document, field by field.

Pure: records here are plain dicts of Python values (str, int, bool, date, time, aware
datetime, lists, nested records) keyed by field name; people, groups and plans are named
by uid, never by a database id. docs/data-format.md describes the same fields for people.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from typing import Any

from supportnet.i18n import N_, _
from supportnet.model.checkins import Initiator
from supportnet.model.errors import SupportNetError
from supportnet.model.network import (
    ChannelKind,
    Circle,
    GroupKind,
    HelpDirection,
    LifeDomain,
    SupportType,
)
from supportnet.model.plans import Frequency, MonthlyMode, PlanKind
from supportnet.model.safety_plan import Step
from supportnet.model.text import has_lone_surrogate

FORMAT = "supportnet-data"
VERSION = 1

Record = dict[str, Any]


class DataFileError(SupportNetError):
    """A file that is not a SupportNet data export we can read; nothing was changed."""


@dataclass(frozen=True, slots=True)
class Field:
    """One field: its name, its kind, whether it may be null, and its allowed values.

    Kinds: ``str``, ``int``, ``bool``, ``date``, ``time``, ``datetime`` (UTC, ISO 8601),
    ``strs`` and ``dates`` (lists), or a tuple of fields (a list of nested records).
    """

    name: str
    kind: str | tuple[Field, ...]
    null: bool = False
    choices: tuple[str, ...] = ()


def _values(enum: Any) -> tuple[str, ...]:
    return tuple(member.value for member in enum)


_CHANNEL = Field("channel", "str", null=True, choices=_values(ChannelKind))

CHANNEL_FIELDS = (
    Field("kind", "str", choices=_values(ChannelKind)),
    Field("value", "str"),
    Field("preferred", "bool"),
)
PERSON_FIELDS = (
    Field("uid", "str"),
    Field("name", "str"),
    Field("nickname", "str"),
    Field("pronouns", "str"),
    Field("circle", "str", choices=_values(Circle)),
    Field("domain", "str", choices=_values(LifeDomain)),
    Field("direction", "str", choices=_values(HelpDirection)),
    Field("support", "strs", choices=_values(SupportType)),
    Field("channels", CHANNEL_FIELDS),
    Field("tags", "strs"),
    Field("best_times", "str"),
    Field("notes", "str"),
    Field("knows_situation", "bool"),
    Field("created_at", "datetime"),
    Field("updated_at", "datetime"),
)
GROUP_FIELDS = (
    Field("uid", "str"),
    Field("name", "str"),
    Field("kind", "str", choices=_values(GroupKind)),
    Field("circle", "str", choices=_values(Circle)),
    Field("domain", "str", choices=_values(LifeDomain)),
    Field("support", "strs", choices=_values(SupportType)),
    Field("tags", "strs"),
    Field("meeting_schedule", "str"),
    Field("place", "str"),
    Field("link", "str"),
    Field("notes", "str"),
    Field("created_at", "datetime"),
    Field("updated_at", "datetime"),
)
#: When a plan (or a rota slot) happens: the same fields for both.
TIMING_FIELDS = (
    Field("kind", "str", choices=_values(PlanKind)),
    Field("title", "str"),
    _CHANNEL,
    Field("timezone", "str"),
    Field("start_date", "date"),
    Field("window_start", "time", null=True),
    Field("window_end", "time", null=True),
    Field("duration_minutes", "int"),
    Field("message_idea", "str"),
    Field("notes", "str"),
    Field("paused", "bool"),
    Field("sequence", "int"),
    Field("frequency", "str", null=True, choices=_values(Frequency)),
    Field("interval", "int", null=True),
    Field("weekdays", "str", null=True),
    Field("monthly_mode", "str", null=True, choices=_values(MonthlyMode)),
    Field("month_day", "int", null=True),
    Field("nth", "int", null=True),
    Field("nth_weekday", "int", null=True),
    Field("until", "date", null=True),
    Field("ideal_days", "int", null=True),
    Field("too_long_days", "int", null=True),
    Field("skips", "dates"),
)
POSTPONEMENT_FIELDS = (
    Field("from_date", "date", null=True),
    Field("to_date", "date"),
    Field("created_at", "datetime"),
)
#: A plan's or a check-in's own uid, and whom it is with: a person's or a group's uid.
_WITH_WHOM = (
    Field("uid", "str"),
    Field("person", "str", null=True),
    Field("group", "str", null=True),
)
PLAN_FIELDS = (
    *_WITH_WHOM,
    *TIMING_FIELDS,
    Field("postponements", POSTPONEMENT_FIELDS),
    Field("created_at", "datetime"),
    Field("updated_at", "datetime"),
)
CHECKIN_FIELDS = (
    *_WITH_WHOM,
    Field("plan", "str", null=True),
    Field("at", "datetime"),
    _CHANNEL,
    Field("initiator", "str", choices=_values(Initiator)),
    Field("note", "str"),
    Field("mood_before", "int", null=True),
    Field("mood_after", "int", null=True),
    Field("by", "str", null=True),
    Field("rota_slot", "str", null=True),
)
IDEA_FIELDS = (Field("position", "int"), Field("text", "str"))
SAFETY_PLAN_FIELDS = (
    Field("step", "str", choices=_values(Step)),
    Field("position", "int"),
    Field("text", "str"),
    Field("target_kind", "str", null=True, choices=("person", "group")),
    Field("target_uid", "str", null=True),
    Field("they_know", "bool"),
    Field("updated_at", "datetime"),
)
SWAP_FIELDS = (Field("day", "date"), Field("supporter", "str", null=True))
SLOT_FIELDS = (
    Field("uid", "str"),
    Field("supporter", "str", null=True),
    *TIMING_FIELDS,
    Field("swaps", SWAP_FIELDS),
)
CARE_TEAM_FIELDS = (
    Field("uid", "str"),
    Field("name", "str"),
    Field("focus", "str"),
    Field("supporters", "strs"),
    Field("note", "str"),
    Field("comfortable_gap_days", "int"),
    Field("slots", SLOT_FIELDS),
    Field("created_at", "datetime"),
    Field("updated_at", "datetime"),
)

#: The document's lists, in the order they are written, with how each is sorted.
SECTIONS: dict[str, tuple[tuple[Field, ...], tuple[str, ...]]] = {
    "people": (PERSON_FIELDS, ("uid",)),
    "groups": (GROUP_FIELDS, ("uid",)),
    "plans": (PLAN_FIELDS, ("uid",)),
    "checkins": (CHECKIN_FIELDS, ("uid",)),
    "message_ideas": (IDEA_FIELDS, ("position", "text")),
    "safety_plan": (SAFETY_PLAN_FIELDS, ("step", "position")),
    "care_teams": (CARE_TEAM_FIELDS, ("uid",)),
}


@dataclass(slots=True)
class DataDocument:
    """Everything exported: each section's records, the settings, and when."""

    sections: dict[str, list[Record]]
    settings: dict[str, Any]
    exported_at: datetime | None = None


def _broken(where: str, what: str) -> DataFileError:
    """The refusal for a file whose ``where`` (a place in the file, "people[3].name") is
    broken as ``what`` (a key of :data:`_BROKEN`) says."""
    return DataFileError(_(_BROKEN[what]).format(where=where))


#: Why a file can't be read, each a whole sentence around ``{where}``, a place in the file.
_BROKEN = {
    "missing": N_(
        "This file is not a SupportNet data export that can be read ({where} is missing); "
        "nothing was changed."
    ),
    "list": N_(
        "This file is not a SupportNet data export that can be read ({where} is not a list); "
        "nothing was changed."
    ),
    "object": N_(
        "This file is not a SupportNet data export that can be read ({where} is not an "
        "object); nothing was changed."
    ),
    "str": N_(
        "This file is not a SupportNet data export that can be read ({where} is not a text); "
        "nothing was changed."
    ),
    "int": N_(
        "This file is not a SupportNet data export that can be read ({where} is not a whole "
        "number); nothing was changed."
    ),
    "bool": N_(
        "This file is not a SupportNet data export that can be read ({where} is not a true or "
        "false); nothing was changed."
    ),
    "date": N_(
        "This file is not a SupportNet data export that can be read ({where} is not a date); "
        "nothing was changed."
    ),
    "time": N_(
        "This file is not a SupportNet data export that can be read ({where} is not a time of "
        "day); nothing was changed."
    ),
    "datetime": N_(
        "This file is not a SupportNet data export that can be read ({where} is not a date and "
        "time with a time zone); nothing was changed."
    ),
    "invalid": N_(
        "This file is not a SupportNet data export that can be read ({where} holds characters "
        "that aren't valid text); nothing was changed."
    ),
    "unknown": N_(
        "This file is not a SupportNet data export that can be read ({where} has a value "
        "SupportNet doesn't know); nothing was changed."
    ),
    "twice": N_(
        "This file is not a SupportNet data export that can be read ({where} names the same uid "
        "twice); nothing was changed."
    ),
}


def _utc_text(value: datetime) -> str:
    return value.astimezone(UTC).isoformat().replace("+00:00", "Z")


def _encode_value(value: Any, kind: str | tuple[Field, ...]) -> Any:
    if value is None:
        return None
    if isinstance(kind, tuple):
        return [encode_record(item, kind) for item in value]
    if kind == "datetime":
        return _utc_text(value)
    if kind in ("date", "time"):
        return value.isoformat()
    if kind == "dates":
        return [day.isoformat() for day in sorted(value)]
    if kind == "strs":
        return list(value)
    return value


def encode_record(record: Mapping[str, Any], fields: Sequence[Field]) -> Record:
    """A record as JSON values, its fields in the documented order."""
    return {f.name: _encode_value(record.get(f.name), f.kind) for f in fields}


def _decode_value(value: Any, f: Field, where: str) -> Any:
    if value is None:
        if f.null:
            return None
        raise _broken(where, "missing")
    kind = f.kind
    if isinstance(kind, tuple):
        if not isinstance(value, list):
            raise _broken(where, "list")
        return [decode_record(item, kind, f"{where}[{i}]") for i, item in enumerate(value)]
    if kind in ("strs", "dates"):
        if not isinstance(value, list):
            raise _broken(where, "list")
        one = Field(f.name, "str" if kind == "strs" else "date", choices=f.choices)
        return [_decode_value(item, one, f"{where}[{i}]") for i, item in enumerate(value)]
    if kind == "bool":
        ok = isinstance(value, bool)
    elif kind == "int":
        ok = isinstance(value, int) and not isinstance(value, bool)
    else:
        ok = isinstance(value, str)
    if not ok:
        raise _broken(where, kind if kind in _BROKEN else "str")
    if kind == "str" and has_lone_surrogate(value):
        raise _broken(where, "invalid")
    if f.choices and value not in f.choices:
        raise _broken(where, "unknown")
    try:
        if kind == "date":
            return date.fromisoformat(value)
        if kind == "time":
            return time.fromisoformat(value)
        if kind == "datetime":
            moment = datetime.fromisoformat(value)
            if moment.tzinfo is None:
                raise ValueError("no time zone")
            return moment.astimezone(UTC)
    except ValueError:
        raise _broken(where, kind) from None
    return value


def decode_record(data: Any, fields: Sequence[Field], where: str) -> Record:
    """A record read back into Python values, every field checked."""
    if not isinstance(data, dict):
        raise _broken(where, "object")
    return {f.name: _decode_value(data.get(f.name), f, f"{where}.{f.name}") for f in fields}


def _sort_key(keys: tuple[str, ...]) -> Any:
    return lambda record: tuple(str(record[k]) if k != "position" else record[k] for k in keys)


def build(document: DataDocument) -> Record:
    """The document as JSON values: fixed key order, each list sorted (uids first)."""
    exported = document.exported_at or datetime.now(UTC)
    out: Record = {"format": FORMAT, "version": VERSION, "exported_at": _utc_text(exported)}
    for name, (fields, keys) in SECTIONS.items():
        records = sorted(document.sections.get(name, []), key=_sort_key(keys))
        out[name] = [encode_record(record, fields) for record in records]
    out["settings"] = dict(sorted(document.settings.items()))
    return out


def dumps(document: DataDocument) -> bytes:
    """The file's bytes: UTF-8 JSON, indented, ending in a line break."""
    text = json.dumps(build(document), ensure_ascii=False, indent=2)
    return (text + "\n").encode("utf-8")


def parse(raw: bytes) -> DataDocument:
    """Read a data export; a file that isn't one, is newer or is broken is refused."""
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        raise DataFileError(
            _(
                "This file is not a SupportNet data export (it isn't readable JSON); "
                "nothing was changed."
            )
        ) from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise DataFileError(_("This file is not a SupportNet data export; nothing was changed."))
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise _broken("version", "int")
    if version > VERSION:
        raise DataFileError(
            _(
                "This export was made by a newer SupportNet (format version {version}); "
                "update SupportNet to bring it in. Nothing was changed."
            ).format(version=version)
        )
    sections: dict[str, list[Record]] = {}
    for name, (fields, _keys) in SECTIONS.items():
        items = data.get(name, [])
        if not isinstance(items, list):
            raise _broken(name, "list")
        sections[name] = [
            decode_record(item, fields, f"{name}[{i}]") for i, item in enumerate(items)
        ]
    settings = data.get("settings", {})
    if not isinstance(settings, dict):
        raise _broken("settings", "object")
    exported = data.get("exported_at")
    when = _decode_value(exported, Field("exported_at", "datetime", null=True), "exported_at")
    _check_unique(sections)
    return DataDocument(sections, dict(settings), when)


def _check_unique(sections: Mapping[str, list[Record]]) -> None:
    for name in ("people", "groups", "plans", "checkins", "care_teams"):
        uids = [record["uid"] for record in sections[name]]
        if len(set(uids)) != len(uids):
            raise _broken(name, "twice")
