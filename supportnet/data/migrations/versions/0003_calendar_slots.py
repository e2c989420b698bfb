"""Calendar uids for the occurrences of flexible plans.

A flexible plan is exported to calendars as single events at its next due dates. Each
occurrence slot gets a uid once, kept here with the SEQUENCE and timing it was last
exported with, so a re-export moves the same events instead of adding new ones, and
cancels (STATUS:CANCELLED) the ones no longer due.

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
        "plan_slots",
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("slot", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=64), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("timing", sa.String(length=160), nullable=True),
        sa.Column("cancelled", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["plan_id"], ["plans.id"], name=op.f("fk_plan_slots_plan_id_plans"), ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("plan_id", "slot", name=op.f("pk_plan_slots")),
        sa.UniqueConstraint("uid", name=op.f("uq_plan_slots_uid")),
    )


def downgrade() -> None:
    op.drop_table("plan_slots")
