"""What each supporter's calendar was given of a care team's rota, so re-exports update.

One row per supporter and event uid: the same slot's series can be in two supporters'
files over time (reassigned from one to the other), and each file needs its own
SEQUENCE and its own cancellation. Keyed by team uid, supporter ref (a person's uid or
"me") and event uid, with no foreign keys: a row outlives its slot, its team and the
supporter's place on the team until its cancellation has been exported for a while.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "rota_calendar_events",
        sa.Column("team_uid", sa.String(length=36), nullable=False),
        sa.Column("supporter", sa.String(length=36), nullable=False),
        sa.Column("uid", sa.String(length=64), nullable=False),
        sa.Column("single", sa.Boolean(), nullable=False),
        sa.Column("sequence", sa.Integer(), nullable=False),
        sa.Column("timing", sa.String(length=160), nullable=False),
        sa.Column("cancelled", sa.Boolean(), nullable=False, server_default=sa.false()),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint(
            "team_uid", "supporter", "uid", name=op.f("pk_rota_calendar_events")
        ),
    )


def downgrade() -> None:
    op.drop_table("rota_calendar_events")
