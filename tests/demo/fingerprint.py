"""Every field of an example network as plain, comparable data, with uids named by position."""

from __future__ import annotations

import dataclasses
import hashlib
import json
from datetime import date, datetime, time
from enum import Enum
from typing import Any

from supportnet.demo.common import DemoNetwork

#: Fields added after the digests were pinned, left out while empty: the same network
#: keeps its digest (a check-in's ``by`` and ``rota_slot`` came with care teams).
_ADDED_EMPTY = frozenset({"by", "rota_slot"})


def network_fields(net: DemoNetwork) -> dict[str, Any]:
    """The whole network as JSON-ready data; uids (fresh each build) become ``person:3``…"""
    names = {p.uid: f"person:{n}" for n, p in enumerate(net.people)}
    names |= {g.uid: f"group:{n}" for n, g in enumerate(net.groups)}
    names |= {p.uid: f"plan:{n}" for n, (_, p) in enumerate(net.plans)}
    names |= {c.uid: f"checkin:{n}" for n, (_, c) in enumerate(net.checkins)}

    def plain(value: Any) -> Any:
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            return {
                f.name: plain(getattr(value, f.name))
                for f in dataclasses.fields(value)
                if not (f.name in _ADDED_EMPTY and getattr(value, f.name) is None)
            }
        if isinstance(value, Enum):
            return value.value
        if isinstance(value, datetime):
            return [value.isoformat(), str(value.tzinfo)]
        if isinstance(value, date | time):
            return value.isoformat()
        if isinstance(value, set):
            return sorted(plain(v) for v in value)
        if isinstance(value, list | tuple):
            return [plain(v) for v in value]
        if isinstance(value, str) and value in names:
            return names[value]
        assert value is None or isinstance(value, str | int | float | bool), type(value)
        return value

    return {
        "people": plain(net.people),
        "groups": plain(net.groups),
        "plans": plain(net.plans),
        "checkins": plain(net.checkins),
    }


def network_digest(net: DemoNetwork) -> str:
    """A short hash of :func:`network_fields`: equal digests, equal networks."""
    text = json.dumps(network_fields(net), ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(text.encode()).hexdigest()[:16]
