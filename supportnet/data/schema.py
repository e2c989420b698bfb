"""The database tables, as SQLAlchemy 2 typed ORM classes.

Enum values are stored as their string values; repositories turn rows into domain objects.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time

from sqlalchemy import (
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    Time,
    TypeDecorator,
    false,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

# A naming convention makes constraint names predictable, which batch migrations need.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class UTCDateTime(TypeDecorator[datetime]):
    """Aware datetimes stored as naive UTC; read back as aware UTC."""

    impl = DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None or value.utcoffset() is None:
            raise ValueError("naive datetime given to a UTC column")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        return None if value is None else value.replace(tzinfo=UTC)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class PersonRow(Base):
    __tablename__ = "people"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = mapped_column(String(36), unique=True)
    name: Mapped[str] = mapped_column(Text)
    nickname: Mapped[str] = mapped_column(Text, default="")
    pronouns: Mapped[str] = mapped_column(Text, default="")
    domain: Mapped[str] = mapped_column(String(32))
    circle: Mapped[str] = mapped_column(String(16), index=True)
    direction: Mapped[str] = mapped_column(String(16))
    best_times: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    knows_situation: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)

    support: Mapped[list[PersonSupportRow]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, lazy="selectin"
    )
    channels: Mapped[list[PersonChannelRow]] = relationship(
        cascade="all, delete-orphan",
        passive_deletes=True,
        lazy="selectin",
        order_by="PersonChannelRow.position",
    )
    tags: Mapped[list[PersonTagRow]] = relationship(
        cascade="all, delete-orphan",
        passive_deletes=True,
        lazy="selectin",
        order_by="PersonTagRow.position",
    )


class PersonSupportRow(Base):
    __tablename__ = "person_support"

    person_id: Mapped[int] = mapped_column(
        ForeignKey("people.id", ondelete="CASCADE"), primary_key=True
    )
    support_type: Mapped[str] = mapped_column(String(16), primary_key=True)


class PersonChannelRow(Base):
    __tablename__ = "person_channels"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    person_id: Mapped[int] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(Integer)
    kind: Mapped[str] = mapped_column(String(16))
    value: Mapped[str] = mapped_column(Text, default="")
    preferred: Mapped[bool] = mapped_column(default=False)


class PersonTagRow(Base):
    __tablename__ = "person_tags"

    person_id: Mapped[int] = mapped_column(
        ForeignKey("people.id", ondelete="CASCADE"), primary_key=True
    )
    tag: Mapped[str] = mapped_column(Text, primary_key=True)
    position: Mapped[int] = mapped_column(Integer, default=0)


class GroupRow(Base):
    __tablename__ = "community_groups"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = mapped_column(String(36), unique=True)
    name: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(32))
    circle: Mapped[str] = mapped_column(String(16))
    domain: Mapped[str] = mapped_column(String(32))
    meeting_schedule: Mapped[str] = mapped_column(Text, default="")
    place: Mapped[str] = mapped_column(Text, default="")
    link: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)

    support: Mapped[list[GroupSupportRow]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, lazy="selectin"
    )
    tags: Mapped[list[GroupTagRow]] = relationship(
        cascade="all, delete-orphan",
        passive_deletes=True,
        lazy="selectin",
        order_by="GroupTagRow.position",
    )


class GroupSupportRow(Base):
    __tablename__ = "group_support"

    group_id: Mapped[int] = mapped_column(
        ForeignKey("community_groups.id", ondelete="CASCADE"), primary_key=True
    )
    support_type: Mapped[str] = mapped_column(String(16), primary_key=True)


class GroupTagRow(Base):
    __tablename__ = "group_tags"

    group_id: Mapped[int] = mapped_column(
        ForeignKey("community_groups.id", ondelete="CASCADE"), primary_key=True
    )
    tag: Mapped[str] = mapped_column(Text, primary_key=True)
    position: Mapped[int] = mapped_column(Integer, default=0)


class PlanRow(Base):
    __tablename__ = "plans"
    __table_args__ = (
        CheckConstraint("(person_id IS NULL) <> (group_id IS NULL)", name="one_target"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = mapped_column(String(36), unique=True)
    person_id: Mapped[int | None] = mapped_column(
        ForeignKey("people.id", ondelete="CASCADE"), index=True
    )
    group_id: Mapped[int | None] = mapped_column(
        ForeignKey("community_groups.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(16))
    title: Mapped[str] = mapped_column(Text, default="")
    channel: Mapped[str | None] = mapped_column(String(16))
    timezone: Mapped[str] = mapped_column(String(64))
    start_date: Mapped[date] = mapped_column(Date)
    window_start: Mapped[time | None] = mapped_column(Time)
    window_end: Mapped[time | None] = mapped_column(Time)
    duration_minutes: Mapped[int] = mapped_column(Integer, default=30)
    message_idea: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    paused: Mapped[bool] = mapped_column(default=False)
    sequence: Mapped[int] = mapped_column(Integer, default=0)
    # Fixed plans.
    frequency: Mapped[str | None] = mapped_column(String(16))
    interval: Mapped[int | None] = mapped_column(Integer)
    weekdays: Mapped[str | None] = mapped_column(String(16))
    monthly_mode: Mapped[str | None] = mapped_column(String(16))
    month_day: Mapped[int | None] = mapped_column(Integer)
    nth: Mapped[int | None] = mapped_column(Integer)
    nth_weekday: Mapped[int | None] = mapped_column(Integer)
    until: Mapped[date | None] = mapped_column(Date)
    # Flexible plans.
    ideal_days: Mapped[int | None] = mapped_column(Integer)
    too_long_days: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)

    skips: Mapped[list[PlanSkipRow]] = relationship(
        cascade="all, delete-orphan",
        passive_deletes=True,
        lazy="selectin",
        order_by="PlanSkipRow.day",
    )


class PlanSkipRow(Base):
    __tablename__ = "plan_skips"

    plan_id: Mapped[int] = mapped_column(
        ForeignKey("plans.id", ondelete="CASCADE"), primary_key=True
    )
    day: Mapped[date] = mapped_column(Date, primary_key=True)


class CalendarEventRow(Base):
    """An event given to calendars, as last exported (see migration 0003)."""

    __tablename__ = "calendar_events"

    uid: Mapped[str] = mapped_column(String(64), primary_key=True)
    plan_id: Mapped[int | None] = mapped_column(
        ForeignKey("plans.id", ondelete="SET NULL"), index=True
    )
    slot: Mapped[int | None] = mapped_column(Integer)
    sequence: Mapped[int] = mapped_column(Integer, default=0)
    timing: Mapped[str] = mapped_column(String(160))
    cancelled: Mapped[bool] = mapped_column(default=False, server_default=false())
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class CheckInRow(Base):
    __tablename__ = "checkins"
    __table_args__ = (
        CheckConstraint("(person_id IS NULL) <> (group_id IS NULL)", name="one_target"),
        CheckConstraint(
            "mood_before IS NULL OR mood_before BETWEEN 1 AND 5", name="mood_before_range"
        ),
        CheckConstraint(
            "mood_after IS NULL OR mood_after BETWEEN 1 AND 5", name="mood_after_range"
        ),
        Index("ix_checkins_person_at", "person_id", "at"),
        Index("ix_checkins_group_at", "group_id", "at"),
        # By time, covering what Insights reads of a span (migration 0008).
        Index(
            "ix_checkins_at_covering",
            "at",
            "person_id",
            "group_id",
            "initiator",
            "mood_before",
            "mood_after",
            "by_ref",
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = mapped_column(String(36), unique=True)
    person_id: Mapped[int | None] = mapped_column(ForeignKey("people.id", ondelete="CASCADE"))
    group_id: Mapped[int | None] = mapped_column(
        ForeignKey("community_groups.id", ondelete="CASCADE")
    )
    plan_id: Mapped[int | None] = mapped_column(
        ForeignKey("plans.id", ondelete="SET NULL"), index=True
    )
    at: Mapped[datetime] = mapped_column(UTCDateTime)
    channel: Mapped[str | None] = mapped_column(String(16))
    initiator: Mapped[str] = mapped_column(String(8))
    note: Mapped[str] = mapped_column(Text, default="")
    mood_before: Mapped[int | None] = mapped_column(Integer)
    mood_after: Mapped[int | None] = mapped_column(Integer)
    # Who did it on the user's behalf and the rota slot it fulfils: uids, no foreign key.
    by_ref: Mapped[str | None] = mapped_column(String(36))
    rota_slot: Mapped[str | None] = mapped_column(String(36), index=True)


class SettingRow(Base):
    __tablename__ = "settings"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)


class PostponementRow(Base):
    __tablename__ = "plan_postponements"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plans.id", ondelete="CASCADE"), index=True)
    from_date: Mapped[date | None] = mapped_column(Date)
    to_date: Mapped[date] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)


class MessageIdeaRow(Base):
    __tablename__ = "message_ideas"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    text: Mapped[str] = mapped_column(Text)
    position: Mapped[int] = mapped_column(Integer)


class SafetyPlanEntryRow(Base):
    """One line of the plan for hard days (see migration 0004).

    A link names its person or group by uid, not by a foreign key: the line outlives their
    removal (keeping the name it had) and links again when the removal is undone.
    """

    __tablename__ = "safety_plan_entries"
    __table_args__ = (
        CheckConstraint("(target_kind IS NULL) = (target_uid IS NULL)", name="whole_link"),
        Index("ix_safety_plan_entries_step_position", "step", "position", unique=True),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    step: Mapped[str] = mapped_column(String(32))
    position: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    target_kind: Mapped[str | None] = mapped_column(String(16))
    target_uid: Mapped[str | None] = mapped_column(String(36), index=True)
    they_know: Mapped[bool] = mapped_column(default=False, server_default=false())
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)


class CareTeamRow(Base):
    """A care team (see migration 0005).

    The focus person and the supporters are named by uid (or "me"), not by a foreign key:
    someone removed from the network stays on the team, reads as no longer in the network,
    and is back in full when the removal is undone (which restores their uid).
    """

    __tablename__ = "care_teams"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = mapped_column(String(36), unique=True)
    name: Mapped[str] = mapped_column(Text)
    focus: Mapped[str] = mapped_column(String(36), index=True)
    note: Mapped[str] = mapped_column(Text, default="")
    comfortable_gap_days: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)

    supporters: Mapped[list[CareTeamSupporterRow]] = relationship(
        cascade="all, delete-orphan",
        passive_deletes=True,
        order_by="CareTeamSupporterRow.position",
    )
    slots: Mapped[list[RotaSlotRow]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, order_by="RotaSlotRow.position"
    )


class CareTeamSupporterRow(Base):
    __tablename__ = "care_team_supporters"

    team_id: Mapped[int] = mapped_column(
        ForeignKey("care_teams.id", ondelete="CASCADE"), primary_key=True
    )
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    ref: Mapped[str] = mapped_column(String(36), index=True)


class RotaSlotRow(Base):
    """One check-in on a team's rota, timed in the same columns as a plan (plan_rows.py)."""

    __tablename__ = "rota_slots"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    team_id: Mapped[int] = mapped_column(
        ForeignKey("care_teams.id", ondelete="CASCADE"), index=True
    )
    uid: Mapped[str] = mapped_column(String(36), unique=True)
    position: Mapped[int] = mapped_column(Integer)
    supporter: Mapped[str | None] = mapped_column(String(36), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    title: Mapped[str] = mapped_column(Text, default="")
    channel: Mapped[str | None] = mapped_column(String(16))
    timezone: Mapped[str] = mapped_column(String(64))
    start_date: Mapped[date] = mapped_column(Date)
    window_start: Mapped[time | None] = mapped_column(Time)
    window_end: Mapped[time | None] = mapped_column(Time)
    duration_minutes: Mapped[int] = mapped_column(Integer, default=30)
    message_idea: Mapped[str] = mapped_column(Text, default="")
    notes: Mapped[str] = mapped_column(Text, default="")
    paused: Mapped[bool] = mapped_column(default=False)
    sequence: Mapped[int] = mapped_column(Integer, default=0)
    frequency: Mapped[str | None] = mapped_column(String(16))
    interval: Mapped[int | None] = mapped_column(Integer)
    weekdays: Mapped[str | None] = mapped_column(String(16))
    monthly_mode: Mapped[str | None] = mapped_column(String(16))
    month_day: Mapped[int | None] = mapped_column(Integer)
    nth: Mapped[int | None] = mapped_column(Integer)
    nth_weekday: Mapped[int | None] = mapped_column(Integer)
    until: Mapped[date | None] = mapped_column(Date)
    ideal_days: Mapped[int | None] = mapped_column(Integer)
    too_long_days: Mapped[int | None] = mapped_column(Integer)

    skips: Mapped[list[RotaSlotSkipRow]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, order_by="RotaSlotSkipRow.day"
    )
    swaps: Mapped[list[RotaSwapRow]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, order_by="RotaSwapRow.day"
    )


class RotaSlotSkipRow(Base):
    __tablename__ = "rota_slot_skips"

    slot_id: Mapped[int] = mapped_column(
        ForeignKey("rota_slots.id", ondelete="CASCADE"), primary_key=True
    )
    day: Mapped[date] = mapped_column(Date, primary_key=True)


class RotaSwapRow(Base):
    """One date of a slot's series taken by another supporter (NULL: left open)."""

    __tablename__ = "rota_swaps"

    slot_id: Mapped[int] = mapped_column(
        ForeignKey("rota_slots.id", ondelete="CASCADE"), primary_key=True
    )
    day: Mapped[date] = mapped_column(Date, primary_key=True)
    supporter: Mapped[str | None] = mapped_column(String(36), index=True)


class RotaCalendarEventRow(Base):
    """A rota event given to one supporter's calendar, as last exported (migration 0007)."""

    __tablename__ = "rota_calendar_events"

    team_uid: Mapped[str] = mapped_column(String(36), primary_key=True)
    supporter: Mapped[str] = mapped_column(String(36), primary_key=True)
    uid: Mapped[str] = mapped_column(String(64), primary_key=True)
    single: Mapped[bool] = mapped_column()
    sequence: Mapped[int] = mapped_column(Integer, default=0)
    timing: Mapped[str] = mapped_column(String(160))
    cancelled: Mapped[bool] = mapped_column(default=False, server_default=false())
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime)
