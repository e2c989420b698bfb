"""Talking to a CalDAV server: make the calendar, put, update and remove events.

The `caldav` library is imported only when a publish runs, so the command line and the
window start without it. Each event (all VEVENTs sharing a UID) is one resource named
after its UID. Every event SupportNet puts there carries two properties that name no app:
``X-CHECKINS-SET`` (which publish it belongs to: the user's own plans, or one supporter's
part of one team) and ``X-CHECKINS-DIGEST`` (its content without DTSTAMP and
LAST-MODIFIED). A publish compares digests, so publishing twice sends nothing; it removes
only resources of its own set, so the user's own events (and another set's) are never
touched. The one exception: a rota slot given to another supporter of the same team keeps
its UID, so that supporter's publish takes the event over from the team's other sets
(``replaceable``); an event of that UID outside them is left alone and counted.

Any failure is one :class:`PublishError` with one plain sentence; what was already sent
stays consistent with the next publish, which puts what is missing and removes what is
left over.
"""

from __future__ import annotations

import contextlib
import ipaddress
import logging
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, urlsplit

from supportnet import CALDAV_PASSWORD_ENV
from supportnet.i18n import N_, _
from supportnet.model.errors import PublishError, UsageError

#: The environment variable a password may come from instead of the keyring.
PASSWORD_ENV = CALDAV_PASSWORD_ENV
SET_PROPERTY = "X-CHECKINS-SET"
DIGEST_PROPERTY = "X-CHECKINS-DIGEST"
#: The calendar's name when SupportNet creates it: discreet, as in every .ics file.
DISPLAY_NAME = "Check-ins"
TIMEOUT_SECONDS = 20
#: What a reply no CalDAV server would give gets (its details might quote anything).
UNCLEAR = N_(
    "The calendar server answered in a way SupportNet doesn't understand; nothing was changed here."
)
#: Hosts that may be reached over plain http: this computer only.
LOCAL_HOSTS = frozenset({"localhost", "127.0.0.1", "::1"})

_MKCALENDAR = (
    '<?xml version="1.0" encoding="utf-8"?>'
    '<C:mkcalendar xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:caldav">'
    f"<D:set><D:prop><D:displayname>{DISPLAY_NAME}</D:displayname></D:prop></D:set>"
    "</C:mkcalendar>"
)
_ICS = {"Content-Type": "text/calendar; charset=utf-8"}


@dataclass(frozen=True, slots=True)
class Target:
    """A calendar collection on a server, and the account that may write to it."""

    url: str
    username: str

    @property
    def host(self) -> str:
        return urlsplit(self.url).hostname or self.url


@dataclass(frozen=True, slots=True)
class Resource:
    """One event as it goes to the server: its UID, the whole VCALENDAR, its digest."""

    uid: str
    data: bytes
    digest: str


@dataclass(frozen=True, slots=True)
class Outcome:
    """What a publish did."""

    new: int
    changed: int
    removed: int
    unchanged: int
    skipped: int = 0  # wanted, but the calendar has an event of that UID not ours to change


def check_target(url: str, username: str) -> Target:
    """The target ``url`` names, or :class:`UsageError`: an http(s) address of the calendar
    collection, https unless the server is on this computer (a password must not cross a
    network in the clear); the path ends in "/"."""
    text = url.strip()
    try:
        parts = urlsplit(text)
        host = (parts.hostname or "").lower()
        _port = parts.port  # a port that isn't a number raises here, not at the server
    except ValueError:
        host = ""
    if not host or parts.scheme not in ("https", "http"):
        raise UsageError(
            _(
                "Give the calendar's address as https://server/path/to/calendar/ (your "
                "calendar app or provider shows it as the CalDAV address)."
            )
        )
    if parts.scheme == "http" and not _local(host):
        raise UsageError(
            _(
                "The calendar server's address must start with https:// so the password and "
                "events travel encrypted; plain http:// is only for a server on this computer "
                "(localhost or 127.0.0.1)."
            )
        )
    if parts.username or parts.password:
        raise UsageError(_("Leave the user name and password out of the address."))
    if not username.strip():
        raise UsageError(_("Give the user name of your calendar account."))
    path = parts.path if parts.path.endswith("/") else parts.path + "/"
    clean = parts._replace(path=path, fragment="", query="").geturl()
    return Target(clean, username.strip())


def _local(host: str) -> bool:
    if host in LOCAL_HOSTS:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def sync(
    target: Target,
    password: str,
    resources: Sequence[Resource],
    set_id: str,
    *,
    replaceable: frozenset[str] = frozenset(),
    timeout: float = TIMEOUT_SECONDS,
) -> Outcome:
    """Make the server's calendar hold exactly ``resources`` of set ``set_id``.

    Creates the calendar when there is none at the address, puts new and changed events,
    removes this set's events no longer wanted, and leaves every other event alone, except
    that an event of a set in ``replaceable`` with a UID wanted here becomes this set's.
    Raises :class:`PublishError` on any failure.
    """
    try:
        with _quiet_libraries():
            return _sync(target, password, resources, set_id, replaceable, timeout)
    except PublishError:
        raise
    except Exception as exc:
        raise PublishError(_reason(target, exc)) from exc


#: The loggers of the HTTP stack under `caldav`: their warnings (a retry, a server quirk)
#: would reach stderr past the one line a failure gets, and may quote addresses.
_LIBRARY_LOGGERS = ("caldav", "niquests", "urllib3", "urllib3_future")


@contextlib.contextmanager
def _quiet_libraries() -> Iterator[None]:
    loggers = [logging.getLogger(name) for name in _LIBRARY_LOGGERS]
    before = [(log.level, log.propagate) for log in loggers]
    for log in loggers:
        log.setLevel(logging.CRITICAL + 1)
        log.propagate = False
    try:
        yield
    finally:
        for log, (level, propagate) in zip(loggers, before, strict=True):
            log.setLevel(level)
            log.propagate = propagate


def _sync(
    target: Target,
    password: str,
    resources: Sequence[Resource],
    set_id: str,
    replaceable: frozenset[str],
    timeout: float,
) -> Outcome:
    from caldav.collection import Calendar
    from caldav.davclient import DAVClient
    from caldav.elements import dav
    from caldav.lib import error

    with DAVClient(
        url=target.url, username=target.username, password=password, timeout=int(timeout)
    ) as client:
        calendar: Any = Calendar(client=client, url=target.url)  # sync client: no coroutines
        try:
            kind = calendar.get_properties([dav.ResourceType()])
        except error.NotFoundError:
            _check(client.mkcalendar(target.url, _MKCALENDAR), target, "create")
        else:
            # Something else (an account's home, a folder of contacts): refusing keeps it
            # untouched.
            kinds = kind.get("{DAV:}resourcetype") or []
            if "{urn:ietf:params:xml:ns:caldav}calendar" not in kinds:
                raise PublishError(
                    _(
                        "{url} isn't a calendar; give the address of one (or of a new one to "
                        "create)."
                    ).format(url=target.url)
                )
        have: dict[str, tuple[str, str | None, str | None]] = {}
        for event in calendar.get_events():
            uid, mark, digest = _marks(str(event.data or ""))
            if uid:
                have[uid] = (str(event.url), mark, digest)
        new = changed = unchanged = removed = skipped = 0
        wanted = {r.uid for r in resources}
        for resource in resources:
            found = have.get(resource.uid)
            if found is None:
                url = calendar.url.join(quote(resource.uid, safe="") + ".ics")
                headers = {**_ICS, "If-None-Match": "*"}
                _check(client.put(str(url), resource.data.decode("utf-8"), headers), target)
                new += 1
            elif found[1] in replaceable and found[1] != set_id:
                # The team's slot now belongs to this supporter: the event changes hands.
                _check(client.put(found[0], resource.data.decode("utf-8"), _ICS), target)
                new += 1
            elif found[1] != set_id:
                skipped += 1  # not SupportNet's, or another team's: never overwritten
            elif found[2] == resource.digest:
                unchanged += 1
            else:
                _check(client.put(found[0], resource.data.decode("utf-8"), _ICS), target)
                changed += 1
        for uid, (url, mark, _digest) in sorted(have.items()):
            if mark == set_id and uid not in wanted:
                response = client.delete(url)
                if response.status != 404:  # already gone is what was wanted
                    _check(response, target, "remove")
                removed += 1
    return Outcome(new, changed, removed, unchanged, skipped)


#: What a refusal says, by what was refused: whole sentences, for word order's sake.
_REFUSED = {
    "put": N_("{host} refused to put an event (HTTP {status}); nothing in SupportNet changed."),
    "remove": N_(
        "{host} refused to remove an event (HTTP {status}); nothing in SupportNet changed."
    ),
    "create": N_(
        "{host} refused to create the calendar (HTTP {status}); nothing in SupportNet changed."
    ),
}


def _check(response: Any, target: Target, doing: str = "put") -> None:
    status = int(response.status)
    if 200 <= status < 300:
        return
    if status == 507:
        raise PublishError(
            _(
                "{host} has no room left for the calendar (507 Insufficient Storage); free "
                "some space on the server, then publish again."
            ).format(host=target.host)
        )
    if status == 401:
        raise PublishError(_refused(target))
    if status == 403:
        raise PublishError(_forbidden(target))
    raise PublishError(_(_REFUSED[doing]).format(host=target.host, status=status))


def _refused(target: Target) -> str:
    return _(
        "{host} refused the user name or password for {username} (401); check them and "
        "publish again."
    ).format(host=target.host, username=target.username)


def _forbidden(target: Target) -> str:
    return _(
        "{host} doesn't let {username} write at that address (403); check the "
        "calendar's address. Nothing was published."
    ).format(host=target.host, username=target.username)


def _reason(target: Target, exc: Exception) -> str:
    """One sentence for a failure the library or the network raised."""
    from caldav.lib import error

    host = target.host
    if isinstance(exc, error.AuthorizationError):
        if exc.status == 403:
            return _forbidden(target)
        return _refused(target)
    names = {cls.__name__ for cls in type(exc).__mro__}
    if "SSLError" in names:
        return _(
            "Couldn't make a secure (TLS) connection to {host}: the server refused it or "
            "its certificate isn't trusted. Nothing was published."
        ).format(host=host)
    if "Timeout" in names or "ReadTimeout" in names or "ConnectTimeout" in names:
        return _("{host} didn't answer in time; nothing was published. Try again later.").format(
            host=host
        )
    if "ConnectionError" in names or isinstance(exc, OSError):
        return _(
            "Couldn't reach the calendar server {host}; check the address and your "
            "connection. Nothing was published."
        ).format(host=host)
    if isinstance(exc, error.DAVError):
        return _("{host} gave an answer SupportNet couldn't use; nothing was published.").format(
            host=host
        )
    # Anything else (XML that doesn't parse, a reply no CalDAV server gives) is the
    # library failing on the answer: one sentence, with nothing of the reply or the address.
    return _(UNCLEAR)


def _marks(text: str) -> tuple[str | None, str | None, str | None]:
    """A served event's UID and its set and digest marks (``None`` where it has none)."""
    unfolded = text.replace("\r\n", "\n").replace("\n ", "").replace("\n\t", "")
    uid = mark = digest = None
    for line in unfolded.split("\n"):
        name, _sep, value = line.partition(":")
        key = name.split(";", 1)[0].upper()
        if key == "UID" and uid is None:
            uid = value.strip()
        elif key == SET_PROPERTY:
            mark = value.strip()
        elif key == DIGEST_PROPERTY:
            digest = value.strip()
    return uid, mark, digest
