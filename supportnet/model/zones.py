"""Time zones by name: the system's, the person's, and a safe fallback for unknown names.

The clock itself is always passed in, never read here.
"""

from __future__ import annotations

import os
from datetime import date, datetime, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError


def known_zone(name: str) -> ZoneInfo | None:
    """The zone called ``name``, or None if this machine doesn't know it (or it isn't a name)."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None


def is_known_zone(name: str) -> bool:
    """Whether this machine knows a zone called ``name``."""
    return known_zone(name) is not None


def zone_or_utc(name: str) -> ZoneInfo:
    """The zone called ``name``, or UTC if this machine doesn't know it (pages must still open)."""
    return known_zone(name) or ZoneInfo("UTC")


# Lists word every plan's times with this: a pair of names is compared once.
@lru_cache(maxsize=512)
def same_clocks(a: str, b: str) -> bool:
    """Whether two zone names keep the same clocks all year (an alias, or neighbours).

    Every week of a recent year is compared, which catches any daylight-saving rule that
    differs (Cairo and Kyiv agree in January and July, not in April). Unknown: not the same.
    """
    if a == b:
        return True
    za, zb = known_zone(a), known_zone(b)
    if za is None or zb is None:
        return False
    start = datetime(2025, 1, 1, 12)
    weeks = (start + timedelta(weeks=w) for w in range(53))
    return all(m.replace(tzinfo=za).utcoffset() == m.replace(tzinfo=zb).utcoffset() for m in weeks)


def today_in(now: datetime, name: str) -> date:
    """The calendar day at ``now`` in the zone called ``name``; ``now``'s own day if unknown."""
    zone = known_zone(name)
    return now.astimezone(zone).date() if zone is not None else now.date()


def system_zone_name() -> str:
    """The IANA name of the system's zone (e.g. "Europe/London"), or "UTC" if unknown."""
    name = zone_named_by(os.environ.get("TZ"), _link_target(LOCALTIME))
    if name is not None:
        return name
    try:
        from tzlocal import get_localzone_name

        name = get_localzone_name()
    # tzlocal raises its own errors on odd configurations; any of them means "unknown".
    except Exception:
        return "UTC"
    if not name or not is_known_zone(name):
        return "UTC"
    return name


#: Where Linux and macOS keep the system's zone: a link into the zone database.
LOCALTIME = "/etc/localtime"


def _link_target(path: str) -> str | None:
    try:
        return os.readlink(path)
    except OSError:  # not a link, or not there (Windows): tzlocal knows the other ways
        return None


def zone_named_by(tz: str | None, localtime_link: str | None) -> str | None:
    """The zone named the quick way, as the C library finds it, or None to ask tzlocal
    (about 20 ms of the first frame, where this takes a fraction of one): ``$TZ`` (a name,
    or a path into the zone database), else where ``/etc/localtime`` links to."""
    if tz:  # set: this zone, or one for tzlocal to read (a POSIX rule, a file)
        return _zone_at(tz)
    return _zone_at(localtime_link) if localtime_link else None


def _zone_at(named: str) -> str | None:
    """The zone a ``$TZ`` value or a link names: a name, or a path into the zone database
    (/usr/share/zoneinfo/[posix/|right/]Europe/Paris); None if it names no known zone."""
    name = named.removeprefix(":")
    if "zoneinfo/" in name:
        name = name.rsplit("zoneinfo/", 1)[1].removeprefix("posix/").removeprefix("right/")
    return name if name and not name.startswith("/") and is_known_zone(name) else None


def user_zone_name(setting: str | None, system: str) -> str:
    """The zone the person lives in: their setting, or the system's when it is unset.

    The settings never hold a zone this machine doesn't know (they drop one on load).
    """
    return setting or system
