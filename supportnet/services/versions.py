"""The versions of the libraries under the UI, for the crash report."""

from __future__ import annotations

NOT_AVAILABLE = "not available"


def sqlalchemy_version() -> str:
    """SQLAlchemy's version, or "not available" if it can't be imported."""
    # Imported only when a crash is reported: SQLAlchemy stays out of the first paint.
    try:
        import sqlalchemy
    except ImportError:  # pragma: no cover - a broken install is exactly when this shows
        return NOT_AVAILABLE
    return sqlalchemy.__version__
