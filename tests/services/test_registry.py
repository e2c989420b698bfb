"""The typed entry points the pages use instead of a store: the export, everyone, the reader."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

from supportnet.calendar import ExportOptions
from supportnet.model.errors import ExportError
from supportnet.model.plans import Plan, PlanKind
from supportnet.model.targets import PERSON
from supportnet.services import Services, calendar_export, everyone

NOW = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)


@pytest.fixture
def store_template(demo_store_folders: Callable[[date, str], Path]) -> Path:
    """Every store here holds the example network: a copy of one made once a session."""
    return demo_store_folders(NOW.date(), "Europe/London")


@pytest.fixture
def services(store: Any) -> Services:
    return Services.of(store)


def test_the_store_is_not_part_of_what_pages_see() -> None:
    public = [name for name in dir(Services) if not name.startswith("_")]
    assert "store" not in public
    assert not hasattr(Services, "store")


def test_each_service_is_made_once_when_first_asked_for(services: Services) -> None:
    import sys

    assert services.care_teams is services.care_teams
    assert services.network is services.network
    assert services.people is services.network.people
    assert "supportnet.services.care_teams" in sys.modules
    with pytest.raises(AttributeError):
        services.people = services.groups  # type: ignore[misc,assignment]


def test_the_network_size_is_what_the_people_and_groups_count(services: Services) -> None:
    # Read without the repositories (the status bar's counts at the first paint).
    assert services.network_size() == (services.people.count(), services.groups.count())
    assert services.network_size()[0] > 0


def test_the_calendar_export_previews_and_writes_what_the_module_does(
    services: Services, store: Any, tmp_path: Path
) -> None:
    export = services.calendar_export()
    options = ExportOptions(weeks=4)
    preview = export.preview(options, NOW, None)
    assert preview == calendar_export.preview_export(store, options, NOW)
    assert preview.events
    chosen = {key for key in export.whos() if any(p.person_id == key[1] for p in export.plans())}
    assert chosen
    written = export.export(tmp_path / "plans.ics", options, NOW, None)
    assert written.path.read_bytes().startswith(b"BEGIN:VCALENDAR")
    assert len(written.events) == len(preview.events)
    with pytest.raises(ExportError):
        export.check_target(tmp_path / "missing" / "plans.ics")
    services.settings.update(timezone="Asia/Tokyo")
    assert export.user_zone() == "Asia/Tokyo"


def test_the_export_sees_a_plan_added_after_it_was_made(services: Services) -> None:
    export = services.calendar_export()
    before = len(export.plans())
    someone = services.people.list_all()[0]
    services.plans.add(
        Plan(kind=PlanKind.ONE_OFF, start_date=date(2026, 12, 1), person_id=someone.id)
    )
    assert len(export.plans()) == before + 1


def test_everyone_a_plan_can_be_for(services: Services, store: Any) -> None:
    targets = services.targets()
    assert targets == everyone.targets(store)
    people = services.people.list_all()
    assert {(PERSON, p.id) for p in people} <= targets.keys()
