"""Everyone a plan can be for, read in one way: as the schedule names them and as an export may.

The schedule, the reminders and the calendar export once each built this list their own
way (from domain objects, and from two different queries); this is the one read.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from supportnet.data import reads
from supportnet.model.network import ChannelKind, Circle, first_name_of
from supportnet.model.targets import GROUP, PERSON, TargetKey

if TYPE_CHECKING:
    from supportnet.calendar.slots import Who
    from supportnet.data.store import Store
    from supportnet.scheduling.model import Target

#: kind, id, name, nickname ("" for a group), circle, preferred way to reach them
_Row = tuple[str, int, str, str, Circle, ChannelKind | None]


def _everyone(store: Store, *, channels: bool) -> Iterator[_Row]:
    db = store.db
    preferred: dict[int, str] = {}
    if channels:
        preferred = dict(
            db.execute(
                "SELECT person_id, kind FROM person_channels "
                # The last row per person wins: their preferred way, else their first.
                "ORDER BY person_id, preferred, position DESC"
            )
        )
    for pid, name, nickname, circle in db.execute("SELECT id, name, nickname, circle FROM people"):
        kind = preferred.get(pid)
        channel = reads.CHANNELS.get(kind) if kind else None
        yield PERSON, pid, name, nickname or "", reads.CIRCLES[circle], channel
    for gid, name, circle in db.execute("SELECT id, name, circle FROM community_groups"):
        yield GROUP, gid, name, "", reads.CIRCLES[circle], None


def targets(store: Store) -> dict[TargetKey, Target]:
    """Everyone, as the schedule names them: people by the name they are called."""
    # Imported here, as before the merge: the scheduler and the calendar load on first use.
    from supportnet.scheduling.model import Target

    return {
        (kind, tid): Target(kind, tid, nickname or name, circle)
        for kind, tid, name, nickname, circle, _channel in _everyone(store, channels=False)
    }


def whos(store: Store) -> dict[TargetKey, Who]:
    """Everyone, with what an export may say about them."""
    from supportnet.calendar.slots import Who

    return {
        (kind, tid): Who(
            kind,
            tid,
            name,
            first_name_of(name, nickname) if kind == PERSON else name,
            circle,
            channel,
        )
        for kind, tid, name, nickname, circle, channel in _everyone(store, channels=True)
    }
