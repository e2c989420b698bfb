"""A check-in done on the user's behalf: who did it, and the rota slot it fulfils.

Both columns name uids with no foreign key, as the care team tables do: someone removed
from the network still shows as having done it, and comes back whole when the removal is
undone. ``rota_slot`` is indexed because the rota asks which of a slot's dates are done.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Nullable columns are added in place (no table rebuild), so no row is touched.
    with op.batch_alter_table("checkins", schema=None) as batch_op:
        batch_op.add_column(sa.Column("by_ref", sa.String(length=36), nullable=True))
        batch_op.add_column(sa.Column("rota_slot", sa.String(length=36), nullable=True))
        batch_op.create_index(batch_op.f("ix_checkins_rota_slot"), ["rota_slot"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("checkins", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_checkins_rota_slot"))
        batch_op.drop_column("rota_slot")
        batch_op.drop_column("by_ref")
