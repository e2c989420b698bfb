"""Care teams: a focus person, supporters in order, and a rota of check-in slots.

The focus person and supporters are named by uid (or "me"), with no foreign key to people:
someone removed from the network stays on the team and comes back whole when the removal
is undone. A slot is timed in the same columns as a plan; a swap gives one date of a
slot's series to another supporter (NULL: left open).

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "care_teams",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("focus", sa.String(length=36), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("comfortable_gap_days", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_care_teams")),
        sa.UniqueConstraint("uid", name=op.f("uq_care_teams_uid")),
    )
    with op.batch_alter_table("care_teams", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_care_teams_focus"), ["focus"], unique=False)

    op.create_table(
        "care_team_supporters",
        sa.Column("team_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("ref", sa.String(length=36), nullable=False),
        sa.ForeignKeyConstraint(
            ["team_id"],
            ["care_teams.id"],
            name=op.f("fk_care_team_supporters_team_id_care_teams"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("team_id", "position", name=op.f("pk_care_team_supporters")),
    )
    with op.batch_alter_table("care_team_supporters", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_care_team_supporters_ref"), ["ref"], unique=False)

    op.create_table(
        "rota_slots",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("team_id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=36), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("supporter", sa.String(length=36), nullable=True),
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
        sa.ForeignKeyConstraint(
            ["team_id"],
            ["care_teams.id"],
            name=op.f("fk_rota_slots_team_id_care_teams"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rota_slots")),
        sa.UniqueConstraint("uid", name=op.f("uq_rota_slots_uid")),
    )
    with op.batch_alter_table("rota_slots", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_rota_slots_team_id"), ["team_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_rota_slots_supporter"), ["supporter"], unique=False)

    for table in ("rota_slot_skips", "rota_swaps"):
        extra = [sa.Column("supporter", sa.String(length=36), nullable=True)]
        op.create_table(
            table,
            sa.Column("slot_id", sa.Integer(), nullable=False),
            sa.Column("day", sa.Date(), nullable=False),
            *(extra if table == "rota_swaps" else []),
            sa.ForeignKeyConstraint(
                ["slot_id"],
                ["rota_slots.id"],
                name=op.f(f"fk_{table}_slot_id_rota_slots"),
                ondelete="CASCADE",
            ),
            sa.PrimaryKeyConstraint("slot_id", "day", name=op.f(f"pk_{table}")),
        )
    with op.batch_alter_table("rota_swaps", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_rota_swaps_supporter"), ["supporter"], unique=False)


def downgrade() -> None:
    op.drop_table("rota_swaps")
    op.drop_table("rota_slot_skips")
    op.drop_table("rota_slots")
    op.drop_table("care_team_supporters")
    op.drop_table("care_teams")
