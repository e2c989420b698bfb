"""The plan for hard days: each step's lines in the person's own order.

A line is typed text or a link to a person or group by uid (no foreign key: the line
keeps its name when they leave the network and links again when they come back).
``they_know`` is the helpers' "they know they're in my plan" tick.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "safety_plan_entries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("step", sa.String(length=32), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("target_kind", sa.String(length=16), nullable=True),
        sa.Column("target_uid", sa.String(length=36), nullable=True),
        sa.Column("they_know", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "(target_kind IS NULL) = (target_uid IS NULL)",
            name=op.f("ck_safety_plan_entries_whole_link"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_safety_plan_entries")),
    )
    with op.batch_alter_table("safety_plan_entries", schema=None) as batch_op:
        batch_op.create_index(
            "ix_safety_plan_entries_step_position", ["step", "position"], unique=True
        )
        batch_op.create_index(
            batch_op.f("ix_safety_plan_entries_target_uid"), ["target_uid"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("safety_plan_entries", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_safety_plan_entries_target_uid"))
        batch_op.drop_index("ix_safety_plan_entries_step_position")
    op.drop_table("safety_plan_entries")
