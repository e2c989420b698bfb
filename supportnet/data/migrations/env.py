"""Alembic environment: always run on a connection handed over by supportnet.data.migrate."""

from __future__ import annotations

from alembic import context

from supportnet.data.schema import Base

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - only reachable from the alembic CLI
    raise SystemExit("Run migrations through SupportNet (supportnet.data.migrate), not alembic.")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
