"""Everyone a plan can be for, read in one way: as the schedule names them and as an export may.

The schedule, the reminders and the calendar export once each built this list their own
way (from domain objects, and from two different queries); this is the one read.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from supportnet.data import reads
from supportnet.model.network import ChannelKind, Circle, Person, first_name_of
from supportnet.model.targets import PERSON, TargetKey

if TYPE_CHECKING:
    from supportnet.calendar.slots import Who
    from supportnet.data.store import Store
    from supportnet.scheduling.model import Target


def targets(store: Store) -> dict[TargetKey, Target]:
    """Everyone, as the schedule names them: people by the name they are called."""
    # Imported here, as before the merge: the scheduler and the calendar load on first use.
    from supportnet.scheduling.model import Target

    return {
        (kind, tid): Target(kind, tid, nickname or name, circle)
        for kind, tid, name, nickname, circle, _channel in reads.everyone(store.db, channels=False)
    }


def whos(store: Store) -> dict[TargetKey, Who]:
    """Everyone, with what an export may say about them."""
    return {
        (kind, tid): _who(kind, tid, name, nickname, circle, channel)
        for kind, tid, name, nickname, circle, channel in reads.everyone(store.db, channels=True)
    }


def person_who(person: Person) -> Who:
    """One person already read, as :func:`whos` gives them (their preferred way to be
    reached, else their first)."""
    assert person.id is not None
    way = person.preferred_channel
    kind = way.kind if way is not None else None
    return _who(PERSON, person.id, person.name, person.nickname or "", person.circle, kind)


def _who(
    kind: str, tid: int, name: str, nickname: str, circle: Circle, channel: ChannelKind | None
) -> Who:
    from supportnet.calendar.slots import Who

    return Who(
        kind, tid, name, first_name_of(name, nickname) if kind == PERSON else name, circle, channel
    )
