"""Publishing again later, after a slot changes hands, or before a file export: only what
an event means decides whether it is sent again, a slot goes with its supporter, and the
file export's memory is the file export's own."""

from __future__ import annotations

from datetime import timedelta

import pytest

from supportnet.model.care import ME
from supportnet.services import caldav_publish as publishing
from tests.services.caldav_server import PASSWORD, Server
from tests.services.test_caldav_publish import (
    NOW,
    OPTIONS,
    World,
    _served,
    _target,
    plans,
    server,
    world,
)

__all__ = ["plans", "server", "world"]  # fixtures, used below


@pytest.mark.parametrize("later", [timedelta(hours=1), timedelta(days=1)], ids=["hour", "day"])
def test_a_supporter_s_part_published_again_later_sends_nothing(
    world: World, server: Server, later: timedelta
) -> None:
    """LAST-MODIFIED of a rota event is the moment of export (nothing remembers it), so it
    must not decide whether an event changed."""
    target = _target(server)
    refs = (world.refs["shiv"], world.refs["priya"], ME)
    for ref in refs:
        publishing.publish_supporter(
            world.store, target, PASSWORD, world.team.uid, ref, OPTIONS, NOW
        )
    before = set(_served(server))
    server.methods.clear()
    for ref in (world.refs["shiv"], ME):
        done = publishing.publish_supporter(
            world.store, target, PASSWORD, world.team.uid, ref, OPTIONS, NOW + later
        )
        assert done.outcome.new == done.outcome.changed == done.outcome.removed == 0, ref
    assert server.methods["PUT"] == server.methods["DELETE"] == 0
    done = publishing.publish_supporter(
        world.store, target, PASSWORD, world.team.uid, world.refs["priya"], OPTIONS, NOW + later
    )
    assert done.outcome.changed == 0
    # Priya's flexible slot is expected from today while nobody has checked in on Dan, so
    # a day later its days (and only those) are a day later; her one-off stays as it was.
    moved = before ^ set(_served(server))
    assert all(uid.startswith(f"rota-{world.flexible.uid}-") for uid in moved)
    assert done.outcome.new == done.outcome.removed == (len(moved) // 2 if later.days else 0)
    assert f"rota-{world.saturday.uid}-20261212" in _served(server)


@pytest.mark.parametrize("later", [timedelta(hours=1), timedelta(days=1)], ids=["hour", "day"])
def test_the_user_s_plans_published_again_later_send_nothing(
    world: World, plans: list, server: Server, later: timedelta
) -> None:
    target = _target(server)
    publishing.publish_plans(world.store, target, PASSWORD, OPTIONS, NOW)
    server.methods.clear()
    done = publishing.publish_plans(world.store, target, PASSWORD, OPTIONS, NOW + later)
    assert done.outcome.new == done.outcome.changed == done.outcome.removed == 0
    assert server.methods["PUT"] == server.methods["DELETE"] == 0
