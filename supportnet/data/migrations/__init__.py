"""Alembic migrations. The constants let startup check the revision without importing Alembic.

A test checks them against the scripts in ``versions/``.
"""

#: Every revision this build knows, oldest first.
KNOWN_REVISIONS = ("0001", "0002", "0003", "0004", "0005", "0006", "0007", "0008")
HEAD_REVISION = KNOWN_REVISIONS[-1]
