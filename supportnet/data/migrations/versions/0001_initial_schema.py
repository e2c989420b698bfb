"""Initial schema: people, groups, plans, check-ins and settings.

Revision ID: 0001
Revises:
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "community_groups",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("circle", sa.String(length=16), nullable=False),
        sa.Column("domain", sa.String(length=32), nullable=False),
        sa.Column("meeting_schedule", sa.Text(), nullable=False),
        sa.Column("place", sa.Text(), nullable=False),
        sa.Column("link", sa.Text(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_community_groups")),
        sa.UniqueConstraint("uid", name=op.f("uq_community_groups_uid")),
    )
    op.create_table(
        "people",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("nickname", sa.Text(), nullable=False),
        sa.Column("pronouns", sa.Text(), nullable=False),
        sa.Column("domain", sa.String(length=32), nullable=False),
        sa.Column("circle", sa.String(length=16), nullable=False),
        sa.Column("direction", sa.String(length=16), nullable=False),
        sa.Column("best_times", sa.Text(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("knows_situation", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_people")),
        sa.UniqueConstraint("uid", name=op.f("uq_people_uid")),
    )
    with op.batch_alter_table("people", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_people_circle"), ["circle"], unique=False)

    op.create_table(
        "settings",
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_settings")),
    )
    op.create_table(
        "group_support",
        sa.Column("group_id", sa.Integer(), nullable=False),
        sa.Column("support_type", sa.String(length=16), nullable=False),
        sa.ForeignKeyConstraint(
            ["group_id"],
            ["community_groups.id"],
            name=op.f("fk_group_support_group_id_community_groups"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("group_id", "support_type", name=op.f("pk_group_support")),
    )
    op.create_table(
        "group_tags",
        sa.Column("group_id", sa.Integer(), nullable=False),
        sa.Column("tag", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["group_id"],
            ["community_groups.id"],
            name=op.f("fk_group_tags_group_id_community_groups"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("group_id", "tag", name=op.f("pk_group_tags")),
    )
    op.create_table(
        "person_channels",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.Column("preferred", sa.Boolean(), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["people.id"],
            name=op.f("fk_person_channels_person_id_people"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_person_channels")),
    )
    with op.batch_alter_table("person_channels", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_person_channels_person_id"), ["person_id"], unique=False
        )

    op.create_table(
        "person_support",
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("support_type", sa.String(length=16), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["people.id"],
            name=op.f("fk_person_support_person_id_people"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("person_id", "support_type", name=op.f("pk_person_support")),
    )
    op.create_table(
        "person_tags",
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("tag", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["people.id"],
            name=op.f("fk_person_tags_person_id_people"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("person_id", "tag", name=op.f("pk_person_tags")),
    )
    op.create_table(
        "plans",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=True),
        sa.Column("group_id", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("channel", sa.String(length=16), nullable=True),
        sa.Column("timezone", sa.String(length=64), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("window_start", sa.Time(), nullable=True),
        sa.Column("window_end", sa.Time(), nullable=True),
        sa.Column("duration_minutes", sa.Integer(), nullable=False),
        sa.Column("message_idea", sa.Text(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("paused", sa.Boolean(), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("frequency", sa.String(length=16), nullable=True),
        sa.Column("interval", sa.Integer(), nullable=True),
        sa.Column("weekdays", sa.String(length=16), nullable=True),
        sa.Column("monthly_mode", sa.String(length=16), nullable=True),
        sa.Column("month_day", sa.Integer(), nullable=True),
        sa.Column("nth", sa.Integer(), nullable=True),
        sa.Column("nth_weekday", sa.Integer(), nullable=True),
        sa.Column("until", sa.Date(), nullable=True),
        sa.Column("ideal_days", sa.Integer(), nullable=True),
        sa.Column("too_long_days", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "(person_id IS NULL) <> (group_id IS NULL)", name=op.f("ck_plans_one_target")
        ),
        sa.ForeignKeyConstraint(
            ["group_id"],
            ["community_groups.id"],
            name=op.f("fk_plans_group_id_community_groups"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"], ["people.id"], name=op.f("fk_plans_person_id_people"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_plans")),
        sa.UniqueConstraint("uid", name=op.f("uq_plans_uid")),
    )
    with op.batch_alter_table("plans", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_plans_group_id"), ["group_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_plans_person_id"), ["person_id"], unique=False)

    op.create_table(
        "checkins",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=True),
        sa.Column("group_id", sa.Integer(), nullable=True),
        sa.Column("plan_id", sa.Integer(), nullable=True),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("channel", sa.String(length=16), nullable=True),
        sa.Column("initiator", sa.String(length=8), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("mood_before", sa.Integer(), nullable=True),
        sa.Column("mood_after", sa.Integer(), nullable=True),
        sa.CheckConstraint(
            "(person_id IS NULL) <> (group_id IS NULL)", name=op.f("ck_checkins_one_target")
        ),
        sa.CheckConstraint(
            "mood_after IS NULL OR mood_after BETWEEN 1 AND 5",
            name=op.f("ck_checkins_mood_after_range"),
        ),
        sa.CheckConstraint(
            "mood_before IS NULL OR mood_before BETWEEN 1 AND 5",
            name=op.f("ck_checkins_mood_before_range"),
        ),
        sa.ForeignKeyConstraint(
            ["group_id"],
            ["community_groups.id"],
            name=op.f("fk_checkins_group_id_community_groups"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["person_id"],
            ["people.id"],
            name=op.f("fk_checkins_person_id_people"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["plan_id"], ["plans.id"], name=op.f("fk_checkins_plan_id_plans"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_checkins")),
        sa.UniqueConstraint("uid", name=op.f("uq_checkins_uid")),
    )
    with op.batch_alter_table("checkins", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_checkins_at"), ["at"], unique=False)
        batch_op.create_index("ix_checkins_group_at", ["group_id", "at"], unique=False)
        batch_op.create_index("ix_checkins_person_at", ["person_id", "at"], unique=False)
        batch_op.create_index(batch_op.f("ix_checkins_plan_id"), ["plan_id"], unique=False)

    op.create_table(
        "plan_skips",
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("day", sa.Date(), nullable=False),
        sa.ForeignKeyConstraint(
            ["plan_id"], ["plans.id"], name=op.f("fk_plan_skips_plan_id_plans"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("plan_id", "day", name=op.f("pk_plan_skips")),
    )


def downgrade() -> None:
    op.drop_table("plan_skips")
    with op.batch_alter_table("checkins", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_checkins_plan_id"))
        batch_op.drop_index("ix_checkins_person_at")
        batch_op.drop_index("ix_checkins_group_at")
        batch_op.drop_index(batch_op.f("ix_checkins_at"))

    op.drop_table("checkins")
    with op.batch_alter_table("plans", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_plans_person_id"))
        batch_op.drop_index(batch_op.f("ix_plans_group_id"))

    op.drop_table("plans")
    op.drop_table("person_tags")
    op.drop_table("person_support")
    with op.batch_alter_table("person_channels", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_person_channels_person_id"))

    op.drop_table("person_channels")
    op.drop_table("group_tags")
    op.drop_table("group_support")
    op.drop_table("settings")
    with op.batch_alter_table("people", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_people_circle"))

    op.drop_table("people")
    op.drop_table("community_groups")
