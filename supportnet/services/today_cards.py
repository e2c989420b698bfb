"""Who Today's cards are for at a moment: one answer, asked by Today itself and by the
Network page's notes, so the same person is never raised in both places at once."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from supportnet.model.zones import system_zone_name, user_zone_name
from supportnet.services.care_today import CareToday, people_with_cards, share_cap

if TYPE_CHECKING:
    from supportnet.model.targets import TargetKey
    from supportnet.scheduling import Suggestion
    from supportnet.services import Services
    from supportnet.services.schedule_reader import ReachOutReader

__all__ = ["on_today", "todays_cards"]


def todays_cards(
    services: Services, reader: ReachOutReader, now: datetime, zone: str, cap: int
) -> tuple[list[Suggestion], CareToday]:
    """Today's cards at ``now`` in ``zone``: the user's own suggestions and the care
    team card, sharing the page's ``cap`` (:func:`~supportnet.services.care_today.share_cap`)."""
    today = now.astimezone(ZoneInfo(zone)).date()
    return share_cap(
        cap,
        reader.suggestions(now, zone),
        lambda own: services.care_today(
            today, zone, limit=cap, with_cards=people_with_cards(services, own)
        ),
    )


def on_today(
    services: Services,
    now: datetime,
    *,
    reader: ReachOutReader | None = None,
    system_zone: str | None = None,
) -> frozenset[TargetKey]:
    """Whom Today suggests at ``now``, in the person's own zone (their setting, else
    ``system_zone``, else this computer's), as ``(kind, id)``: the people and groups of
    its suggestion cards, exactly as :func:`todays_cards` gives them to Today."""
    settings = services.settings.load()
    zone = user_zone_name(settings.timezone, system_zone or system_zone_name())
    own, _team = todays_cards(
        services, reader or services.reach_out_reader(), now, zone, settings.suggestions_per_day
    )
    return frozenset((s.target.kind, s.target.id) for s in own)
