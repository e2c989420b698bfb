"""Which automatic backups to keep: 7 daily, 4 weekly and 6 monthly (pure, no files);
and what one look at the automatic backups did.

A backup is kept when it is the newest of its day among the 7 newest days that have one,
the newest of its ISO week among the 4 newest such weeks, or the newest of its month among
the 6 newest such months. Counting days *with a backup* (not calendar days) means a long
pause never empties the folder: the newest backups always stay.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

KEEP_DAILY = 7
KEEP_WEEKLY = 4
KEEP_MONTHLY = 6


def _newest_per_bucket(
    stamps: list[datetime], bucket: Callable[[date], Hashable], count: int
) -> set[datetime]:
    """The newest stamp of each of the ``count`` newest buckets (``stamps`` newest first)."""
    kept: set[datetime] = set()
    seen: set[Hashable] = set()
    for stamp in stamps:
        key = bucket(stamp.date())
        if key in seen:
            continue
        if len(seen) == count:
            break
        seen.add(key)
        kept.add(stamp)
    return kept


def backups_to_keep(
    stamps: Iterable[datetime],
    today: date,
    *,
    daily: int = KEEP_DAILY,
    weekly: int = KEEP_WEEKLY,
    monthly: int = KEEP_MONTHLY,
) -> set[datetime]:
    """The stamps (local times of backups) to keep as of ``today``; the rest may go.

    A stamp dated after ``today`` (a clock that was ahead) is kept, and takes no place
    of the backups that can be placed.
    """
    every = sorted(set(stamps), reverse=True)
    future = {s for s in every if s.date() > today}
    placed = [s for s in every if s.date() <= today]
    kept = set(future)
    kept |= _newest_per_bucket(placed, lambda d: d, daily)
    kept |= _newest_per_bucket(placed, lambda d: d.isocalendar()[:2], weekly)
    kept |= _newest_per_bucket(placed, lambda d: (d.year, d.month), monthly)
    return kept


@dataclass(frozen=True, slots=True)
class AutoBackupResult:
    """What one look at the automatic backups did.

    ``written`` is the new backup in the data folder's ``backups/`` (None when none was
    due or it couldn't be written), ``extra`` its copy in the extra folder, ``problem``
    one calm line about what couldn't be done (empty when all went well).
    """

    written: Path | None = None
    extra: Path | None = None
    problem: str = ""

    @property
    def did_anything(self) -> bool:
        return self.written is not None or self.extra is not None
