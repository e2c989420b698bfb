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


def user_zone_name(setting: str | None, system: str) -> str:
    """The zone the person lives in: their setting, or the system's when it is unset.

    The settings never hold a zone this machine doesn't know (they drop one on load).
    """
    return setting or system
