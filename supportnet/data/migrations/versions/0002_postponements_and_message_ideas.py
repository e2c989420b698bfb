"""Postponed reach-outs ("Not today", reschedule) and the message-ideas library.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

#: The library a new store starts with; people edit it freely afterwards.
DEFAULT_IDEAS = (
    "Thinking of you — how has your week been?",
    "Could we talk this week?",
    "I'm having a hard day — could you call?",
    "Fancy a walk or a coffee soon?",
    "No need to reply, just wanted to say hi.",
)


def upgrade() -> None:
    op.create_table(
        "plan_postponements",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("plan_id", sa.Integer(), nullable=False),
        sa.Column("from_date", sa.Date(), nullable=True),
        sa.Column("to_date", sa.Date(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["plan_id"],
            ["plans.id"],
            name=op.f("fk_plan_postponements_plan_id_plans"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_plan_postponements")),
    )
    with op.batch_alter_table("plan_postponements", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_plan_postponements_plan_id"), ["plan_id"], unique=False
        )
    ideas = op.create_table(
        "message_ideas",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_message_ideas")),
    )
    op.bulk_insert(ideas, [{"text": t, "position": i} for i, t in enumerate(DEFAULT_IDEAS)])


def downgrade() -> None:
    op.drop_table("message_ideas")
    with op.batch_alter_table("plan_postponements", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_plan_postponements_plan_id"))
    op.drop_table("plan_postponements")
