"""The system's time zone name. The clock itself is always passed in, never read here."""

from __future__ import annotations

from zoneinfo import ZoneInfo, ZoneInfoNotFoundError


def system_zone_name() -> str:
    """The IANA name of the system's zone (e.g. "Europe/London"), or "UTC" if unknown."""
    try:
        from tzlocal import get_localzone_name

        name = get_localzone_name()
    # tzlocal raises its own errors on odd configurations; any of them means "unknown".
    except Exception:
        return "UTC"
    if not name:
        return "UTC"
    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return "UTC"
    return name
