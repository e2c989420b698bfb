"""Every event given to calendars: its uid, SEQUENCE and timing, so re-exports update.

A plan's own event (a repeating series or a one-off) has the plan's uid; a flexible
plan's occurrences are numbered slots with uids of their own. Each row keeps the
SEQUENCE and timing last exported, so the next export keeps an unchanged event as it is,
moves a changed one (SEQUENCE + 1) and cancels (STATUS:CANCELLED) what is no longer
planned. A deleted plan's rows stay, unlinked, until their cancellation has been
exported for a while.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "calendar_events",
        sa.Column("uid", sa.String(length=64), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=True),
        sa.Column("slot", sa.Integer(), nullable=True),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("timing", sa.String(length=160), nullable=False),
        sa.Column("cancelled", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["plan_id"],
            ["plans.id"],
            name=op.f("fk_calendar_events_plan_id_plans"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("uid", name=op.f("pk_calendar_events")),
    )
    with op.batch_alter_table("calendar_events", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_calendar_events_plan_id"), ["plan_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("calendar_events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_calendar_events_plan_id"))
    op.drop_table("calendar_events")
