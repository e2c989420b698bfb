"""Publishing check-ins to a calendar server the user names (CalDAV), only when asked.

Two things can be published, each as its own set of events on the server (see
:mod:`supportnet.services.caldav_server`): the user's own check-in plans (the events
``export-ics`` writes, with the same stable UIDs and SEQUENCE), or one supporter's part
of a care team's rota (the events ``export-ics --supporter`` writes). The password comes
from ``SUPPORTNET_CALDAV_PASSWORD`` or the keyring, never from the store.

The store changes only after the server has taken everything: for plans, the uids and
SEQUENCE of the events the server now holds (never a cancellation: the file export's
memory of what it withdrew is the file export's own); nothing at all for a rota part. A
publish that fails half-way leaves the server holding some of the events; the next one
puts what is missing and removes what is left over.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from supportnet.calendar import ExportEvent, ExportOptions, calendar_bytes
from supportnet.data import reads, server_passwords
from supportnet.i18n import _, ngettext
from supportnet.services.caldav_server import (
    DIGEST_PROPERTY,
    PASSWORD_ENV,
    SET_PROPERTY,
    Outcome,
    Resource,
    Target,
    check_target,
    sync,
)

if TYPE_CHECKING:
    from supportnet.data.store import Store
    from supportnet.model.care import CareTeam
    from supportnet.services.rota_export import TeamChoice

__all__ = [
    "PASSWORD_ENV",
    "CalendarPublishing",
    "Published",
    "Target",
    "check_target",
    "password_for",
    "plans_set",
    "publish_plans",
    "publish_supporter",
    "resources_of",
    "supporter_set",
]

_PLANS_SET = "plans"
#: Lines that say when the event was written, not what it is: never in the digest.
_MOMENTS = (b"DTSTAMP:", b"LAST-MODIFIED:")


@dataclass(frozen=True, slots=True)
class Published:
    """What a publish did, and how to say it in one line."""

    target: Target
    events: int
    outcome: Outcome
    what: str  # "check-in" or "rota check-in"

    @property
    def summary(self) -> str:
        o = self.outcome
        n, url = self.events, self.target.url
        rota = self.what == "rota check-in"
        if not (o.new or o.changed or o.removed):
            said = (
                ngettext(
                    "Published {n} rota check-in to {url}: nothing had changed.",
                    "Published {n} rota check-ins to {url}: nothing had changed.",
                    n,
                )
                if rota
                else ngettext(
                    "Published {n} check-in to {url}: nothing had changed.",
                    "Published {n} check-ins to {url}: nothing had changed.",
                    n,
                )
            )
        else:
            said = (
                ngettext(
                    "Published {n} rota check-in to {url}: {new} new, {changed} changed, "
                    "{removed} removed.",
                    "Published {n} rota check-ins to {url}: {new} new, {changed} changed, "
                    "{removed} removed.",
                    n,
                )
                if rota
                else ngettext(
                    "Published {n} check-in to {url}: {new} new, {changed} changed, "
                    "{removed} removed.",
                    "Published {n} check-ins to {url}: {new} new, {changed} changed, "
                    "{removed} removed.",
                    n,
                )
            )
        done = said.format(n=n, url=url, new=o.new, changed=o.changed, removed=o.removed)
        if o.skipped:
            done += " " + _(
                "{skipped} left alone: the calendar already has an event with its id that "
                "SupportNet didn't put there."
            ).format(skipped=o.skipped)
        return done


def password_for(
    target: Target, backend: Any = None, environ: Mapping[str, str] | None = None
) -> str | None:
    """``SUPPORTNET_CALDAV_PASSWORD`` if set, else the keyring's entry, else None."""
    env = os.environ if environ is None else environ
    value = env.get(PASSWORD_ENV)
    if value:
        return value
    return server_passwords.saved_password(target.url, target.username, backend)


def keep_password(target: Target, password: str, backend: Any = None) -> None:
    """Keep the password in the keyring (never in the store)."""
    server_passwords.keep_password(target.url, target.username, password, backend)


def _opaque(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:24]


def plans_set() -> str:
    """The set mark of the user's own plans."""
    return _opaque(_PLANS_SET)


def supporter_set(team_uid: str, supporter: str) -> str:
    """The set mark of one supporter's part of one team: names no one."""
    return _opaque(f"rota\n{team_uid}\n{supporter}")


def resources_of(
    events: Sequence[ExportEvent], options: ExportOptions, now: datetime, set_id: str
) -> list[Resource]:
    """One resource per UID: a VCALENDAR with its VTIMEZONEs and every VEVENT of that UID
    (a series and its moved occurrences), without METHOD (a CalDAV resource has none,
    RFC 4791 §4.1), marked with the set and a digest of what the event means: DTSTAMP and
    LAST-MODIFIED are left out, as a rota event's are the moment of export (nothing
    remembers it) and would make every publish send every event again."""
    grouped: dict[str, list[ExportEvent]] = {}
    for event in events:
        if not event.cancelled:
            grouped.setdefault(event.uid, []).append(event)
    out = []
    for uid, group in grouped.items():
        data = calendar_bytes(group, options, now).replace(b"METHOD:PUBLISH\r\n", b"")
        lines = data.split(b"\r\n")
        digest = hashlib.sha256(
            b"\r\n".join(line for line in lines if not line.startswith(_MOMENTS))
        ).hexdigest()
        marks = f"{SET_PROPERTY}:{set_id}\r\n{DIGEST_PROPERTY}:{digest}\r\nEND:VEVENT\r\n"
        out.append(Resource(uid, data.replace(b"END:VEVENT\r\n", marks.encode("ascii")), digest))
    return out


def publish_plans(
    store: Store, target: Target, password: str, options: ExportOptions, now: datetime
) -> Published:
    """Publish the user's own check-in plans (everyone's, as ``export-ics``)."""
    from supportnet.services.calendar_export import prepare, remember

    prepared = prepare(store, options, now)
    events = [e for e in prepared.events if not e.cancelled]
    outcome = sync(target, password, resources_of(events, options, now, plans_set()), plans_set())
    remember(store, prepared)  # only once the server has all of it; never a cancellation
    return Published(target, len(events), outcome, "check-in")


def publish_supporter(
    store: Store,
    target: Target,
    password: str,
    team_uid: str,
    supporter: str,
    options: ExportOptions,
    now: datetime,
) -> Published:
    """Publish ``supporter``'s part of the team's rota; the store is only read."""
    from supportnet.services.rota_export import supporter_part

    # No events: their earlier events on the server are withdrawn.
    team, events = supporter_part(store, team_uid, supporter, options, now)
    set_id = supporter_set(team_uid, supporter)
    resources = resources_of(events, options, now, set_id)
    outcome = sync(target, password, resources, set_id, replaceable=_team_sets(store, team))
    return Published(target, len(events), outcome, "rota check-in")


def _team_sets(store: Store, team: CareTeam) -> frozenset[str]:
    """The set marks any supporter's part of this team can carry: the team's supporters,
    anyone given a file of it, and everyone in the network (someone who left the team may
    still have events there). A mark names its team, so no other team's set is among them."""
    from supportnet.model.care import ME

    refs = {ME, *team.supporters, *store.calendar.rota.supporters(team.uid)}
    refs |= set(reads.person_uids(store.db))
    return frozenset(supporter_set(team.uid, ref) for ref in refs)


class CalendarPublishing:
    """Publishing over one store, as the dialog uses it (the dialog holds no store)."""

    def __init__(self, store: Store, keyring_backend: Any = None) -> None:
        self._store = store
        self._backend = keyring_backend

    def saved_account(self) -> tuple[str, str]:
        """The address and user name used last time (kept in settings), or empty."""
        settings = self._store.settings.load()
        return settings.caldav_url, settings.caldav_username

    def has_password(self, target: Target) -> bool:
        return password_for(target, self._backend) is not None

    def keep_password(self, target: Target, password: str) -> None:
        keep_password(target, password, self._backend)

    def teams(self) -> list[TeamChoice]:
        """The teams and supporters the export dialog offers too (display names; someone
        who left a team but was given a file of it, so publishing their part, now empty,
        removes what the calendar has of it)."""
        from supportnet.services.rota_export import team_choices

        return team_choices(self._store)

    def publish(
        self,
        target: Target,
        password: str | None,
        options: ExportOptions,
        now: datetime,
        team_supporter: tuple[str, str] | None = None,
    ) -> Published:
        """Publish the user's plans, or (``team_supporter``) one supporter's part; then
        remember the address and user name in settings. Safe on a worker thread."""
        secret = password or password_for(target, self._backend)
        if not secret:
            from supportnet.model.errors import ServerPasswordError

            raise ServerPasswordError(_("Type the calendar account's password first."))
        if team_supporter is None:
            done = publish_plans(self._store, target, secret, options, now)
        else:
            done = publish_supporter(self._store, target, secret, *team_supporter, options, now)
        self._store.settings.update(caldav_url=target.url, caldav_username=target.username)
        return done
