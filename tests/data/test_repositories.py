"""Repositories: every field round-trips, bad input stores nothing, deletes cascade."""

from __future__ import annotations

import copy
import dataclasses
from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select

from supportnet.data.schema import (
    PersonChannelRow,
    PersonSupportRow,
    PersonTagRow,
    PlanSkipRow,
    SettingRow,
)
from supportnet.data.store import Store
from supportnet.model.checkins import CheckIn, Initiator
from supportnet.model.errors import NotFoundError, ValidationError
from supportnet.model.network import (
    ChannelKind,
    Circle,
    ContactChannel,
    Group,
    GroupKind,
    HelpDirection,
    LifeDomain,
    Person,
    SupportType,
)
from supportnet.model.plans import Cadence, Frequency, MonthlyMode, Plan, PlanKind, Recurrence
from supportnet.model.privacy import Privacy
from supportnet.model.settings import Settings

# Text that has broken storage layers before: emoji with skin tones, ZWJ sequences and
# flags; right-to-left scripts with bidi marks and isolates; combining characters.
EMOJI = "Zoë 👩🏽‍💻 👨‍👩‍👧‍👦 🏳️‍🌈 🇯🇵🇬🇧 ❤️‍🔥"
ARABIC = "\u200fمرحبا يا صديقي، كيف حالك؟\u200f"
HEBREW = "\u202bשלום חבר, מה שלומך?\u202c \u2067עברית\u2069"
COMBINING = "Ñandú e\u0301le\u0300ve Åström"
SAMPLES = {"emoji": EMOJI, "arabic": ARABIC, "hebrew": HEBREW, "combining": COMBINING}

T0 = datetime(2026, 11, 25, 9, 30, tzinfo=UTC)


def long_note(sample: str = EMOJI) -> str:
    """A 10,000-character multi-line note ending in a non-space (notes are trimmed)."""
    line = f"{sample} — {ARABIC} — {HEBREW}\n"
    text = (line * (10_000 // len(line) + 1))[:9_999] + "."
    assert len(text) == 10_000
    return text


def _saved(original: Any, got: Any) -> Any:
    """``original`` with the fields the store fills in taken from ``got``."""
    changes = {"id": got.id}
    if hasattr(original, "created_at"):
        changes |= {"created_at": got.created_at, "updated_at": got.updated_at}
    return dataclasses.replace(original, **changes)


def _aware_utc(value: datetime | None) -> bool:
    return value is not None and value.utcoffset() == timedelta(0) and value.tzinfo is UTC


@pytest.fixture
def person(store: Store) -> Person:
    return store.people.add(Person(name="Ada"))


@pytest.fixture
def group(store: Store) -> Group:
    return store.groups.add(Group(name="Tuesday walking group", kind=GroupKind.CLUB))


# --- People ----------------------------------------------------------------------------------


def full_person(sample: str = EMOJI) -> Person:
    return Person(
        name=f"{sample} Name",
        circle=Circle.INNER,
        domain=LifeDomain.FAMILY,
        nickname=f"{sample} nick",
        pronouns=f"they/them {sample}",
        support_types={SupportType.EMOTIONAL, SupportType.CRISIS, SupportType.PRACTICAL},
        direction=HelpDirection.THEY_HELP_ME,
        channels=[
            ContactChannel(ChannelKind.CALL, "+44 7700 900123"),
            ContactChannel(ChannelKind.MESSAGING, f"@{sample}", preferred=True),
            ContactChannel(ChannelKind.IN_PERSON),
        ],
        best_times=f"Evenings after 7 {sample}",
        notes=long_note(sample),
        tags=[f"{sample} tag", "Family", "zzz first-in-order"],
        knows_situation=True,
    )


@pytest.mark.parametrize("sample", sorted(SAMPLES))
def test_person_round_trips_every_field(store: Store, sample: str) -> None:
    original = full_person(SAMPLES[sample])
    saved = store.people.add(copy.deepcopy(original))
    got = store.people.get(saved.id)  # type: ignore[arg-type]
    assert got == _saved(original, got)
    assert got == saved
    assert got.preferred_channel == original.channels[1]
    assert [c.kind for c in got.channels] == [
        ChannelKind.CALL,
        ChannelKind.MESSAGING,
        ChannelKind.IN_PERSON,
    ]
    assert got.tags == original.tags, "tag order is kept"
    assert len(got.notes) == 10_000
    assert _aware_utc(got.created_at)
    assert _aware_utc(got.updated_at)


def test_person_defaults_round_trip(store: Store) -> None:
    original = Person(name="Bo")
    got = store.people.get(store.people.add(copy.deepcopy(original)).id)  # type: ignore[arg-type]
    assert got == _saved(original, got)
    assert got.channels == []
    assert got.support_types == set()


def test_person_update_replaces_children(store: Store) -> None:
    saved = store.people.add(full_person())
    saved.channels = [ContactChannel(ChannelKind.EMAIL, "bo@example.org", preferred=True)]
    saved.tags = ["only this"]
    saved.support_types = {SupportType.COMPANIONSHIP}
    saved.name = "Renamed"
    store.people.update(copy.deepcopy(saved))
    got = store.people.get(saved.id)  # type: ignore[arg-type]
    assert got.name == "Renamed"
    assert got.channels == saved.channels
    assert got.tags == ["only this"]
    assert got.support_types == {SupportType.COMPANIONSHIP}
    assert got.created_at == saved.created_at
    with store.sessions() as session:
        assert session.scalar(select(func.count()).select_from(PersonChannelRow)) == 1
        assert session.scalar(select(func.count()).select_from(PersonTagRow)) == 1


def test_people_are_listed_by_name_and_found(store: Store) -> None:
    for name in ("carol", "Ben", "ánna", "Alice Smith"):
        store.people.add(Person(name=name, nickname="Ally" if name == "Alice Smith" else ""))
    assert [p.name for p in store.people.list_all()][:3] == ["Alice Smith", "Ben", "carol"]
    assert [p.name for p in store.people.find("ally")] == ["Alice Smith"]
    assert [p.name for p in store.people.find("  BEN ")] == ["Ben"]
    assert store.people.find("") == []


# --- Groups ----------------------------------------------------------------------------------


@pytest.mark.parametrize("sample", sorted(SAMPLES))
def test_group_round_trips_every_field(store: Store, sample: str) -> None:
    text = SAMPLES[sample]
    original = Group(
        name=f"{text} group",
        kind=GroupKind.ONLINE_COMMUNITY,
        circle=Circle.MIDDLE,
        domain=LifeDomain.ONLINE,
        support_types={SupportType.INFORMATIONAL, SupportType.COMPANIONSHIP},
        meeting_schedule=f"Thursdays 19:00 {text}",
        place=f"Library room 2 {text}",
        link="https://例え.jp/" + text.replace(" ", ""),
        notes=long_note(text),
        tags=[text, "online"],
    )
    saved = store.groups.add(copy.deepcopy(original))
    got = store.groups.get(saved.id)  # type: ignore[arg-type]
    assert got == _saved(original, got)
    assert _aware_utc(got.created_at)


def test_group_kind_sets_the_default_domain(store: Store) -> None:
    got = store.groups.add(Group(name="Advice line", kind=GroupKind.SERVICE))
    assert store.groups.get(got.id).domain is LifeDomain.PROFESSIONALS  # type: ignore[arg-type]


# --- Plans -----------------------------------------------------------------------------------


def _plans(person_id: int, group_id: int) -> dict[str, Plan]:
    return {
        "fixed weekly": Plan(
            kind=PlanKind.FIXED,
            start_date=date(2026, 11, 3),
            person_id=person_id,
            title=f"Call {EMOJI}",
            channel=ChannelKind.CALL,
            timezone="Europe/London",
            window_start=time(18, 0),
            window_end=time(18, 45),
            duration_minutes=45,
            message_idea=long_note(ARABIC),
            notes=HEBREW,
            recurrence=Recurrence(Frequency.WEEKLY, interval=2, weekdays={1, 3, 6}),
        ),
        "monthly nth weekday": Plan(
            kind=PlanKind.FIXED,
            start_date=date(2026, 1, 19),
            group_id=group_id,
            title="Support group",
            channel=ChannelKind.IN_PERSON,
            timezone="America/New_York",
            window_start=time(19, 0),
            window_end=time(20, 30),
            duration_minutes=90,
            paused=True,
            recurrence=Recurrence(
                Frequency.MONTHLY,
                monthly_mode=MonthlyMode.BY_WEEKDAY,
                nth=-1,
                nth_weekday=0,
                until=date(2027, 6, 30),
                skips={date(2026, 12, 28), date(2026, 2, 23)},
            ),
        ),
        "monthly by date": Plan(
            kind=PlanKind.FIXED,
            start_date=date(2026, 1, 31),
            person_id=person_id,
            timezone="Asia/Kolkata",
            window_start=time(8, 15),
            recurrence=Recurrence(Frequency.MONTHLY, month_day=31, interval=3),
        ),
        "flexible": Plan(
            kind=PlanKind.FLEXIBLE,
            start_date=date(2026, 11, 1),
            person_id=person_id,
            title=ARABIC,
            channel=ChannelKind.TEXT,
            timezone="Australia/Lord_Howe",
            message_idea=f"Send a photo of the dog {EMOJI}",
            cadence=Cadence(ideal_days=10, too_long_days=21),
        ),
        "one-off timed": Plan(
            kind=PlanKind.ONE_OFF,
            start_date=date(2026, 12, 24),
            group_id=group_id,
            timezone="Europe/Berlin",
            window_start=time(15, 0),
            window_end=time(17, 0),
            duration_minutes=120,
        ),
        "all-day one-off": Plan(
            kind=PlanKind.ONE_OFF,
            start_date=date(2027, 1, 1),
            person_id=person_id,
            title="New year card",
            channel=ChannelKind.LETTER,
        ),
    }


@pytest.mark.parametrize(
    "kind",
    [
        "fixed weekly",
        "monthly nth weekday",
        "monthly by date",
        "flexible",
        "one-off timed",
        "all-day one-off",
    ],
)
def test_plan_round_trips_every_field(
    store: Store, person: Person, group: Group, kind: str
) -> None:
    original = _plans(person.id, group.id)[kind]  # type: ignore[arg-type]
    saved = store.plans.add(copy.deepcopy(original))
    got = store.plans.get(saved.id)  # type: ignore[arg-type]
    assert got == _saved(original, got)
    assert got.sequence == 0
    assert got.all_day is (original.window_start is None)
    assert _aware_utc(got.created_at)


def test_plans_for_a_person_and_a_group(store: Store, person: Person, group: Group) -> None:
    plans = _plans(person.id, group.id)  # type: ignore[arg-type]
    for plan in plans.values():
        store.plans.add(plan)
    assert len(store.plans.for_person(person.id)) == 4  # type: ignore[arg-type]
    assert len(store.plans.for_group(group.id)) == 2  # type: ignore[arg-type]
    assert store.plans.count() == 6
    assert [p.uid for p in store.plans.list_all()] == [p.uid for p in plans.values()]


def test_plan_sequence_bumps_only_when_timing_changes(store: Store, person: Person) -> None:
    plan = store.plans.add(_plans(person.id, 0)["fixed weekly"])  # type: ignore[arg-type]
    uid = plan.uid

    plan.title = "A new title"
    plan.notes = "new notes"
    plan.message_idea = "new idea"
    plan.channel = ChannelKind.VIDEO
    plan.paused = True
    plan = store.plans.update(plan)
    assert plan.sequence == 0, "a title, note or channel change is not a timing change"

    plan.window_start = time(18, 30)
    plan = store.plans.update(plan)
    assert plan.sequence == 1

    assert plan.recurrence is not None
    plan.recurrence.skips.add(date(2026, 11, 17))
    plan = store.plans.update(plan)
    assert plan.sequence == 2

    plan = store.plans.update(plan)  # no change at all
    assert plan.sequence == 2

    plan.timezone = "Europe/Dublin"
    plan = store.plans.update(plan)
    got = store.plans.get(plan.id)  # type: ignore[arg-type]
    assert got.sequence == 3
    assert got.uid == uid, "the calendar UID never changes"
    assert got.title == "A new title"


def test_plan_update_replaces_skips(store: Store, group: Group) -> None:
    plan = store.plans.add(_plans(0, group.id)["monthly nth weekday"])  # type: ignore[arg-type]
    assert plan.recurrence is not None
    plan.recurrence.skips = {date(2026, 3, 30)}
    store.plans.update(plan)
    got = store.plans.get(plan.id)  # type: ignore[arg-type]
    assert got.recurrence is not None
    assert got.recurrence.skips == {date(2026, 3, 30)}
    with store.sessions() as session:
        assert session.scalar(select(func.count()).select_from(PlanSkipRow)) == 1


# --- Check-ins -------------------------------------------------------------------------------


def test_checkin_round_trips_every_field(store: Store, person: Person) -> None:
    plan = store.plans.add(_plans(person.id, 0)["all-day one-off"])  # type: ignore[arg-type]
    tokyo = datetime(2026, 11, 25, 8, 5, 7, 123456, tzinfo=ZoneInfo("Asia/Tokyo"))
    original = CheckIn(
        at=tokyo,
        person_id=person.id,
        plan_id=plan.id,
        channel=ChannelKind.VIDEO,
        initiator=Initiator.THEM,
        note=long_note(HEBREW),
        mood_before=2,
        mood_after=4,
        by="5e5e0006-0000-4000-8000-0000000000b7",
        rota_slot="5e5e0006-0000-4000-8000-000000005107",
    )
    saved = store.checkins.add(copy.deepcopy(original))
    got = store.checkins.get(saved.id)  # type: ignore[arg-type]
    assert got == _saved(original, got)
    assert got.at == tokyo, "the same instant"
    assert got.at.tzinfo is UTC, "read back in UTC"
    assert got.at.microsecond == 123456


def test_checkin_minimal_round_trip(store: Store, group: Group) -> None:
    original = CheckIn(at=T0, group_id=group.id)
    got = store.checkins.get(store.checkins.add(copy.deepcopy(original)).id)  # type: ignore[arg-type]
    assert got == _saved(original, got)
    assert (got.channel, got.mood_before, got.mood_after, got.plan_id) == (None, None, None, None)
    assert got.initiator is Initiator.ME
    assert (got.by, got.rota_slot) == (None, None), "the user's own"


def test_who_did_a_check_in_survives_an_edit(store: Store, person: Person) -> None:
    saved = store.checkins.add(
        CheckIn(at=T0, person_id=person.id, by="someone-uid", rota_slot="slot-uid")
    )
    saved.note = "They said it went well"
    changed = store.checkins.update(saved)
    assert (changed.by, changed.rota_slot, changed.note) == (
        "someone-uid",
        "slot-uid",
        "They said it went well",
    )
    changed.by = None
    assert store.checkins.update_by_uid(changed).by is None


def test_a_check_in_naming_an_unreadable_link_is_refused(store: Store, person: Person) -> None:
    for bad in ("", "x" * 37):
        with pytest.raises(ValidationError):
            store.checkins.add(CheckIn(at=T0, person_id=person.id, by=bad))
        with pytest.raises(ValidationError):
            store.checkins.add(CheckIn(at=T0, person_id=person.id, rota_slot=bad))
    assert store.checkins.for_person(person.id) == []  # type: ignore[arg-type]


def test_checkin_update_and_lists(store: Store, person: Person, group: Group) -> None:
    first = store.checkins.add(CheckIn(at=T0, person_id=person.id))
    store.checkins.add(CheckIn(at=T0 + timedelta(days=2), person_id=person.id, note="later"))
    store.checkins.add(CheckIn(at=T0, group_id=group.id))
    first.mood_after = 5
    first.note = EMOJI
    store.checkins.update(first)
    assert store.checkins.get(first.id).note == EMOJI  # type: ignore[arg-type]
    notes = [c.note for c in store.checkins.for_person(person.id)]  # type: ignore[arg-type]
    assert notes == ["later", EMOJI], "newest first"
    assert len(store.checkins.for_person(person.id, limit=1)) == 1  # type: ignore[arg-type]
    assert len(store.checkins.for_group(group.id)) == 1  # type: ignore[arg-type]


def test_add_many_check_ins_in_one_go(store: Store, person: Person) -> None:
    store.checkins.add_many(
        [CheckIn(at=T0 - timedelta(days=i), person_id=person.id) for i in range(50)]
    )
    assert store.checkins.count() == 50


def test_add_many_stores_nothing_if_one_is_bad(store: Store, person: Person) -> None:
    batch = [CheckIn(at=T0, person_id=person.id) for _ in range(5)]
    batch.append(CheckIn(at=T0, person_id=person.id, mood_after=9))
    with pytest.raises(ValidationError) as caught:
        store.checkins.add_many(batch)
    assert caught.value.field == "mood_after"
    assert store.checkins.count() == 0


def test_last_contact_counts_either_side_and_is_aware_utc(
    store: Store, person: Person, group: Group
) -> None:
    other = store.people.add(Person(name="Bo"))
    quiet = store.people.add(Person(name="Never in touch"))
    assert person.id is not None
    assert other.id is not None
    paris = ZoneInfo("Europe/Paris")
    store.checkins.add(CheckIn(at=T0, person_id=person.id, initiator=Initiator.ME))
    latest = datetime(2026, 11, 28, 23, 30, tzinfo=paris)  # 22:30 UTC
    store.checkins.add(CheckIn(at=latest, person_id=person.id, initiator=Initiator.THEM))
    store.checkins.add(CheckIn(at=T0 - timedelta(days=3), person_id=person.id))
    only_them = T0 - timedelta(days=40)
    store.checkins.add(CheckIn(at=only_them, person_id=other.id, initiator=Initiator.THEM))
    store.checkins.add(CheckIn(at=T0 + timedelta(days=30), group_id=group.id))

    last = store.checkins.last_contact_by_person()
    assert set(last) == {person.id, other.id}
    assert quiet.id not in last
    assert last[person.id] == latest
    assert last[other.id] == only_them
    for value in last.values():
        assert _aware_utc(value)
    assert last[person.id].hour == 22
    by_group = store.checkins.last_contact_by_group()
    assert by_group == {group.id: T0 + timedelta(days=30)}
    assert all(_aware_utc(v) for v in by_group.values())


# --- Settings --------------------------------------------------------------------------------


def test_settings_defaults_on_a_new_store(store: Store) -> None:
    assert store.settings.load() == Settings()


@pytest.mark.parametrize("zone", [None, "America/Argentina/Buenos_Aires"])
def test_settings_round_trip(store: Store, zone: str | None) -> None:
    original = Settings(
        suggestions_per_day=7,
        reminders_enabled=False,
        quiet_hours_start=time(22, 15),
        quiet_hours_end=time(6, 45),
        low_energy_until=date(2026, 12, 3),
        timezone=zone,
        onboarded=True,
        reminder_privacy="full",
    )
    store.settings.save(copy.deepcopy(original))
    assert store.settings.load() == original
    # Saving again updates in place.
    original.low_energy_until = None
    store.settings.save(copy.deepcopy(original))
    assert store.settings.load() == original
    with store.sessions() as session:
        keys = session.scalars(select(SettingRow.key)).all()
    assert sorted(keys) == sorted(f.name for f in dataclasses.fields(Settings))


def test_settings_keep_unknown_keys_and_survive_damaged_values(store: Store) -> None:
    with store.sessions.begin() as session:
        session.add(SettingRow(key="from_a_newer_version", value='"keep me"'))
        session.add(SettingRow(key="quiet_hours_start", value='{"time": "25:99"}'))
        session.add(SettingRow(key="reminders_enabled", value="not json"))
    loaded = store.settings.load()
    assert loaded.quiet_hours_start == Settings().quiet_hours_start
    assert loaded.reminders_enabled is True
    store.settings.save(loaded)
    with store.sessions() as session:
        row = session.get(SettingRow, "from_a_newer_version")
        assert row is not None
        assert row.value == '"keep me"'


def _store_settings(store: Store, **raw: str) -> None:
    with store.sessions.begin() as session:
        for key, value in raw.items():
            session.add(SettingRow(key=key, value=value))


@pytest.mark.parametrize(
    ("bad_field", "bad_value"),
    [
        ("suggestions_per_day", "99"),  # out of range
        ("timezone", '"Nowhere/Land"'),  # not a zone
        ("reminders_enabled", '"yes"'),  # of the wrong kind
        ("suggestions_per_day", "true"),
        ("low_energy_until", '{"date": "tomorrow"}'),  # damaged
        ("reminder_privacy", '"everything"'),  # no such level: back to discreet
        ("reminder_privacy", "2"),
    ],
)
def test_one_bad_setting_resets_only_itself_and_says_which(
    store: Store, bad_field: str, bad_value: str
) -> None:
    raw = {
        "quiet_hours_start": '{"time": "23:00:00"}',
        "quiet_hours_end": '{"time": "07:15:00"}',
        "reminders_enabled": "false",
        "suggestions_per_day": "2",
        "onboarded": "true",
    }
    raw[bad_field] = bad_value
    _store_settings(store, **raw)
    loaded = store.settings.load_checked()
    assert loaded.reset == (bad_field,)
    settings = loaded.settings
    assert getattr(settings, bad_field) == getattr(Settings(), bad_field)
    assert settings.quiet_hours_start == time(23, 0)
    assert settings.quiet_hours_end == time(7, 15)
    assert settings.onboarded is True
    if bad_field != "reminders_enabled":
        assert settings.reminders_enabled is False
    if bad_field != "suggestions_per_day":
        assert settings.suggestions_per_day == 2
    # The next save keeps the quiet hours; only the bad field becomes its default.
    store.settings.save(store.settings.load())
    again = store.settings.load_checked()
    assert again.reset == ()
    assert again.settings == settings


def test_repair_stores_the_default_of_only_the_unreadable_ones(store: Store) -> None:
    _store_settings(
        store,
        quiet_hours_start='{"time": "23:00:00"}',
        quiet_hours_end='{"time": "not a time"}',
        suggestions_per_day="99",
        reminders_enabled="false",
    )
    loaded = store.settings.load_checked()
    assert set(loaded.reset) == {"quiet_hours_end", "suggestions_per_day"}
    store.settings.repair(loaded.reset)
    again = store.settings.load_checked()
    assert again.reset == ()
    assert again.settings == loaded.settings
    assert again.settings.quiet_hours_start == time(23, 0)
    assert again.settings.reminders_enabled is False


@pytest.mark.parametrize("level", list(Privacy))
def test_what_reminders_say_is_kept_as_its_text(store: Store, level: Privacy) -> None:
    assert Settings().reminder_privacy == "discreet"  # discreet unless chosen otherwise
    store.settings.save(Settings(reminder_privacy=level.value))
    with store.sessions() as session:
        row = session.get(SettingRow, "reminder_privacy")
        assert row is not None
        assert row.value == f'"{level.value}"'
    loaded = store.settings.load_checked()
    assert loaded.reset == ()
    assert loaded.settings.reminder_privacy == level.value
    assert loaded.settings.reminder_level is level


def test_an_unknown_reminder_level_is_not_saved(store: Store) -> None:
    with pytest.raises(ValidationError) as raised:
        store.settings.update(reminder_privacy="loud")
    assert raised.value.field == "reminder_privacy"
    assert store.settings.load().reminder_privacy == "discreet"
    # Read past a damaged value, the level says discreet: nothing more leaks.
    assert Settings(reminder_privacy="loud").reminder_level is Privacy.DISCREET


def test_good_settings_load_with_nothing_reset(store: Store) -> None:
    store.settings.save(Settings(suggestions_per_day=5, timezone="Europe/Paris"))
    assert store.settings.load_checked().reset == ()


# --- Bad input stores nothing ----------------------------------------------------------------


def _person_cases() -> list[tuple[str, Callable[[], Person], str]]:
    return [
        ("blank name", lambda: Person(name="   "), "name"),
        ("control character", lambda: Person(name="Ada\x07"), "name"),
        ("name too long", lambda: Person(name="x" * 201), "name"),
        ("note too long", lambda: Person(name="Ada", notes="x" * 20_001), "notes"),
        ("not a circle", lambda: Person(name="Ada", circle="inner"), "circle"),  # type: ignore[arg-type]
        (
            "two preferred",
            lambda: Person(
                name="Ada",
                channels=[
                    ContactChannel(ChannelKind.CALL, "1", preferred=True),
                    ContactChannel(ChannelKind.TEXT, "2", preferred=True),
                ],
            ),
            "channels",
        ),
    ]


@pytest.mark.parametrize(
    ("case", "make", "field"), _person_cases(), ids=lambda v: v if isinstance(v, str) else ""
)
def test_invalid_person_is_refused_and_not_stored(
    store: Store, case: str, make: Callable[[], Person], field: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        store.people.add(make())
    assert caught.value.field == field, case
    assert caught.value.message
    assert store.people.count() == 0


def test_invalid_update_leaves_the_person_unchanged(store: Store) -> None:
    saved = store.people.add(full_person())
    before = store.people.get(saved.id)  # type: ignore[arg-type]
    broken = copy.deepcopy(before)
    broken.name = ""
    broken.notes = "changed"
    with pytest.raises(ValidationError) as caught:
        store.people.update(broken)
    assert caught.value.field == "name"
    assert store.people.get(saved.id) == before  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("make", "field"),
    [
        (lambda: Group(name=""), "name"),
        (lambda: Group(name="G", link="https://a b.example"), "link"),
        (lambda: Group(name="G", notes="\x00"), "notes"),
    ],
    ids=["blank name", "link with a space", "control character"],
)
def test_invalid_group_is_refused_and_not_stored(
    store: Store, make: Callable[[], Group], field: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        store.groups.add(make())
    assert caught.value.field == field
    assert store.groups.count() == 0


def _bad_plans(pid: int, gid: int) -> dict[str, tuple[Plan, str]]:
    day = date(2026, 11, 3)
    weekly = Recurrence(Frequency.WEEKLY, weekdays={1})
    return {
        "no target": (Plan(kind=PlanKind.ONE_OFF, start_date=day), "target"),
        "two targets": (
            Plan(kind=PlanKind.ONE_OFF, start_date=day, person_id=pid, group_id=gid),
            "target",
        ),
        "unknown zone": (
            Plan(kind=PlanKind.ONE_OFF, start_date=day, person_id=pid, timezone="Mars/Olympus"),
            "timezone",
        ),
        "window backwards": (
            Plan(
                kind=PlanKind.ONE_OFF,
                start_date=day,
                person_id=pid,
                window_start=time(18),
                window_end=time(17),
            ),
            "window_end",
        ),
        "fixed without pattern": (
            Plan(kind=PlanKind.FIXED, start_date=day, person_id=pid),
            "recurrence",
        ),
        "weekly without days": (
            Plan(
                kind=PlanKind.FIXED,
                start_date=day,
                person_id=pid,
                recurrence=Recurrence(Frequency.WEEKLY),
            ),
            "weekdays",
        ),
        "until before start": (
            Plan(
                kind=PlanKind.FIXED,
                start_date=day,
                person_id=pid,
                recurrence=Recurrence(Frequency.WEEKLY, weekdays={1}, until=date(2026, 1, 1)),
            ),
            "until",
        ),
        "6th weekday": (
            Plan(
                kind=PlanKind.FIXED,
                start_date=day,
                person_id=pid,
                recurrence=Recurrence(
                    Frequency.MONTHLY, monthly_mode=MonthlyMode.BY_WEEKDAY, nth=6, nth_weekday=0
                ),
            ),
            "nth",
        ),
        "flexible without rhythm": (
            Plan(kind=PlanKind.FLEXIBLE, start_date=day, person_id=pid),
            "cadence",
        ),
        "too long before ideal": (
            Plan(
                kind=PlanKind.FLEXIBLE,
                start_date=day,
                person_id=pid,
                cadence=Cadence(ideal_days=14, too_long_days=7),
            ),
            "too_long_days",
        ),
        "one-off with a pattern": (
            Plan(kind=PlanKind.ONE_OFF, start_date=day, person_id=pid, recurrence=weekly),
            "recurrence",
        ),
        "zero length": (
            Plan(kind=PlanKind.ONE_OFF, start_date=day, person_id=pid, duration_minutes=0),
            "duration_minutes",
        ),
    }


@pytest.mark.parametrize("case", sorted(_bad_plans(1, 1)))
def test_invalid_plan_is_refused_and_not_stored(
    store: Store, person: Person, group: Group, case: str
) -> None:
    plan, field = _bad_plans(person.id, group.id)[case]  # type: ignore[arg-type]
    with pytest.raises(ValidationError) as caught:
        store.plans.add(plan)
    assert caught.value.field == field
    assert store.plans.count() == 0


def test_invalid_plan_update_changes_nothing(store: Store, person: Person) -> None:
    saved = store.plans.add(_plans(person.id, 0)["fixed weekly"])  # type: ignore[arg-type]
    before = store.plans.get(saved.id)  # type: ignore[arg-type]
    broken = copy.deepcopy(before)
    broken.title = "changed"
    broken.window_end = time(1)
    with pytest.raises(ValidationError) as caught:
        store.plans.update(broken)
    assert caught.value.field == "window_end"
    assert store.plans.get(saved.id) == before  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"at": datetime(2026, 11, 25, 9, 30)}, "at"),
        ({"mood_before": 0}, "mood_before"),
        ({"mood_after": 6}, "mood_after"),
        ({"person_id": None}, "target"),
        ({"note": "bell \x07"}, "note"),
    ],
    ids=["naive time", "mood 0", "mood 6", "no target", "control character"],
)
def test_invalid_checkin_is_refused_and_not_stored(
    store: Store, person: Person, changes: dict[str, Any], field: str
) -> None:
    checkin = dataclasses.replace(CheckIn(at=T0, person_id=person.id), **changes)
    with pytest.raises(ValidationError) as caught:
        store.checkins.add(checkin)
    assert caught.value.field == field
    assert store.checkins.count() == 0


@pytest.mark.parametrize(
    ("settings", "field"),
    [
        (Settings(suggestions_per_day=0), "suggestions_per_day"),
        (Settings(suggestions_per_day=11), "suggestions_per_day"),
        (Settings(timezone="Nowhere/Land"), "timezone"),
    ],
)
def test_invalid_settings_are_refused_and_not_stored(
    store: Store, settings: Settings, field: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        store.settings.save(settings)
    assert caught.value.field == field
    with store.sessions() as session:
        assert session.scalar(select(func.count()).select_from(SettingRow)) == 0


# --- Deleting and missing ids ----------------------------------------------------------------


def test_deleting_a_person_takes_their_plans_and_check_ins(
    store: Store, person: Person, group: Group
) -> None:
    assert person.id is not None
    assert group.id is not None
    full = store.people.add(full_person())
    assert full.id is not None
    plans = _plans(full.id, group.id)
    for plan in plans.values():
        store.plans.add(plan)
    kept_plan = store.plans.add(_plans(person.id, group.id)["flexible"])
    linked = store.plans.for_person(full.id)[0]
    store.checkins.add(CheckIn(at=T0, person_id=full.id, plan_id=linked.id))
    store.checkins.add(CheckIn(at=T0, person_id=full.id, initiator=Initiator.THEM))
    store.checkins.add(CheckIn(at=T0, person_id=full.id))
    kept_checkin = store.checkins.add(CheckIn(at=T0, person_id=person.id, plan_id=linked.id))
    group_checkin = store.checkins.add(CheckIn(at=T0, group_id=group.id))

    assert store.people.dependents(full.id) == (4, 3)
    store.people.delete(full.id)

    with pytest.raises(NotFoundError):
        store.people.get(full.id)
    assert store.people.dependents(full.id) == (0, 0)
    assert store.plans.for_person(full.id) == []
    assert store.checkins.for_person(full.id) == []
    with store.sessions() as session:
        for table in (PersonChannelRow, PersonTagRow, PersonSupportRow):
            assert session.scalar(select(func.count()).select_from(table)) == 0, table
        # The monthly plan's skips went with it: only the group's plan rows are left.
        assert session.scalar(select(func.count()).select_from(PlanSkipRow)) == 2
    # Everyone else's data stays; a check-in that pointed at a deleted plan keeps its person.
    assert store.people.get(person.id).name == "Ada"
    assert store.plans.get(kept_plan.id).person_id == person.id  # type: ignore[arg-type]
    assert store.checkins.get(kept_checkin.id).plan_id is None  # type: ignore[arg-type]
    assert store.checkins.get(group_checkin.id).group_id == group.id  # type: ignore[arg-type]
    assert len(store.plans.for_group(group.id)) == 2


def test_deleting_a_group_takes_its_plans_and_check_ins(store: Store, group: Group) -> None:
    assert group.id is not None
    store.plans.add(_plans(0, group.id)["one-off timed"])
    store.checkins.add(CheckIn(at=T0, group_id=group.id))
    assert store.groups.dependents(group.id) == (1, 1)
    store.groups.delete(group.id)
    assert store.groups.count() == 0
    assert store.plans.count() == 0
    assert store.checkins.count() == 0


def test_deleting_a_plan_keeps_its_check_ins(store: Store, person: Person) -> None:
    plan = store.plans.add(_plans(person.id, 0)["flexible"])  # type: ignore[arg-type]
    checkin = store.checkins.add(CheckIn(at=T0, person_id=person.id, plan_id=plan.id))
    store.plans.delete(plan.id)  # type: ignore[arg-type]
    assert store.checkins.get(checkin.id).plan_id is None  # type: ignore[arg-type]


MISSING = 424242


@pytest.mark.parametrize(
    "action",
    [
        lambda s: s.people.get(MISSING),
        lambda s: s.people.delete(MISSING),
        lambda s: s.people.update(Person(name="Ghost", id=MISSING)),
        lambda s: s.people.update(Person(name="Never saved")),
        lambda s: s.groups.get(MISSING),
        lambda s: s.groups.delete(MISSING),
        lambda s: s.groups.update(Group(name="Ghost", id=MISSING)),
        lambda s: s.plans.get(MISSING),
        lambda s: s.plans.delete(MISSING),
        lambda s: s.plans.update(
            Plan(kind=PlanKind.ONE_OFF, start_date=date(2026, 1, 1), person_id=1, id=MISSING)
        ),
        lambda s: s.checkins.get(MISSING),
        lambda s: s.checkins.delete(MISSING),
        lambda s: s.checkins.update(CheckIn(at=T0, person_id=1, id=MISSING)),
        lambda s: s.checkins.update(CheckIn(at=T0, person_id=1)),
    ],
    ids=[
        "person get",
        "person delete",
        "person update",
        "person never saved",
        "group get",
        "group delete",
        "group update",
        "plan get",
        "plan delete",
        "plan update",
        "check-in get",
        "check-in delete",
        "check-in update",
        "check-in never saved",
    ],
)
def test_missing_ids_are_not_found(store: Store, action: Callable[[Store], object]) -> None:
    with pytest.raises(NotFoundError) as caught:
        action(store)
    assert caught.value.message


@pytest.mark.parametrize(
    "make",
    [
        lambda pid, gid: Plan(kind=PlanKind.ONE_OFF, start_date=date(2026, 1, 1), person_id=pid),
        lambda pid, gid: Plan(kind=PlanKind.ONE_OFF, start_date=date(2026, 1, 1), group_id=gid),
        lambda pid, gid: CheckIn(at=T0, person_id=pid),
        lambda pid, gid: CheckIn(at=T0, group_id=gid),
    ],
    ids=[
        "plan for a deleted person",
        "plan for a deleted group",
        "check-in for a deleted person",
        "check-in for a deleted group",
    ],
)
def test_linking_to_a_deleted_person_or_group_is_not_found(
    store: Store, make: Callable[[int, int], Plan | CheckIn]
) -> None:
    # Another window may delete someone while a dialog for them is still open.
    pid = store.people.add(Person(name="Gone soon")).id
    gid = store.groups.add(Group(name="Gone soon too")).id
    assert pid is not None
    assert gid is not None
    store.people.delete(pid)
    store.groups.delete(gid)
    item = make(pid, gid)
    repo = store.plans if isinstance(item, Plan) else store.checkins
    with pytest.raises(NotFoundError):
        repo.add(item)  # type: ignore[arg-type]
    assert repo.count() == 0


def test_a_check_in_for_a_deleted_plan_is_not_found(store: Store, person: Person) -> None:
    plan = store.plans.add(_plans(person.id, 0)["flexible"])  # type: ignore[arg-type]
    store.plans.delete(plan.id)  # type: ignore[arg-type]
    with pytest.raises(NotFoundError):
        store.checkins.add(CheckIn(at=T0, person_id=person.id, plan_id=plan.id))
    assert store.checkins.count() == 0
