"""The work of the app's key helper process (:mod:`supportnet.runtime.key_helper`): the
store's key, then what the window's first frame will ask the store, read ahead
(:mod:`supportnet.data.read_ahead`).

The protocol is :func:`supportnet.data.secret_bus.main`'s: a JSON object on stdin (the
entry's ``attributes``, and here the store's ``data_dir``), the key
:func:`~supportnet.data.secret_bus.framed` on stdout, then the read-ahead. Anything that
goes wrong after the key only leaves the read-ahead out: the window then asks the
database itself, as it always could.
"""

from __future__ import annotations

import contextlib
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from supportnet.data.secret_bus import FOUND, NOT_THERE, framed, read_secret

if TYPE_CHECKING:
    from supportnet.data.store import Store


def ask_what_the_window_asks(store: Store, now: datetime, system_zone: str) -> None:
    """Ask ``store`` what the app asks before its first paint: the settings (checked, as
    the start does), Today's cards at ``now`` and how to reach whom they are for, and the
    network's size for the status bar. The answers are the store's (its reads are kept);
    what is worked out from them is thrown away."""
    from supportnet.model.zones import user_zone_name
    from supportnet.services import Services
    from supportnet.services.today_cards import todays_cards

    store.settings.load_checked()
    services = Services.of(store)
    settings = services.settings.load()
    zone = user_zone_name(settings.timezone, system_zone)
    reader = services.reach_out_reader()
    own, _team = todays_cards(services, reader, now, zone, settings.suggestions_per_day)
    keys = [(s.target.kind, s.target.id) for s in own]
    if keys:
        services.ways_to_reach(keys)
    services.network_size()


def read_ahead(data_dir: Path, key: bytes) -> bytes | None:
    """The window's first reads of the store in ``data_dir``, written for
    :func:`supportnet.data.read_ahead.answers_for`; None where there are none to give."""
    from supportnet.data.read_ahead_open import open_to_read_ahead, written
    from supportnet.model.zones import system_zone_name

    store = open_to_read_ahead(data_dir, key)
    if store is None:
        return None
    ask_what_the_window_asks(store, datetime.now(UTC), system_zone_name())
    return written(store)


def main() -> int:
    """The helper: the key first (the window may want it before the rest), then the rest."""
    import json

    request = json.load(sys.stdin)
    secret = read_secret(request["attributes"])
    if secret is None:
        return NOT_THERE
    out = sys.stdout.buffer
    out.write(framed(secret))
    out.flush()
    # Nothing said: whatever fails here, the window reads for itself (no user data in
    # an error, and stderr is /dev/null).
    with contextlib.suppress(Exception):
        ahead = read_ahead(Path(request["data_dir"]), bytes.fromhex(secret.decode("ascii")))
        if ahead:
            out.write(ahead)
    out.flush()
    return FOUND
