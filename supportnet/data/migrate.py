"""Running schema migrations safely: backup first, foreign keys off, then a key check."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from supportnet.data.engine import RawDatabase, make_engine, raw_execute
from supportnet.data.migrations import HEAD_REVISION, KNOWN_REVISIONS

if TYPE_CHECKING:
    from sqlalchemy import Engine

from supportnet.i18n import _
from supportnet.model.errors import CorruptStoreError, SchemaTooNewError, StoreError

MIGRATIONS_DIR = Path(__file__).parent / "migrations"


def current_revision(engine: Engine | RawDatabase) -> str | None:
    """The stamped revision, or None for a database without our tables."""
    tables = {
        row[0] for row in raw_execute(engine, "SELECT name FROM sqlite_master WHERE type = 'table'")
    }
    if "alembic_version" not in tables:
        if tables - {"sqlite_sequence"}:
            raise CorruptStoreError(_("This database wasn't made by SupportNet."))
        return None
    rows = raw_execute(engine, "SELECT version_num FROM alembic_version")
    return str(rows[0][0]) if rows else None


def check_revision(revision: str | None, known: Sequence[str] = KNOWN_REVISIONS) -> None:
    """Refuse a database written by a newer SupportNet."""
    if revision is not None and revision not in known:
        raise SchemaTooNewError(
            _(
                "This data was saved by a newer version of SupportNet (schema {revision}). "
                "Please update SupportNet to open it; nothing has been changed."
            ).format(revision=revision)
        )


def needs_upgrade(revision: str | None, head: str = HEAD_REVISION) -> bool:
    return revision != head


def upgrade(
    db_path: Path,
    key: bytes,
    *,
    backup_dir: Path | None,
    script_location: Path = MIGRATIONS_DIR,
) -> Path | None:
    """Upgrade the database to the newest revision. Returns the backup taken, if any.

    The database is backed up first (when it holds a schema already). Migrations run in
    one transaction with foreign keys off, so batch table rebuilds don't cascade-delete
    child rows; `PRAGMA foreign_key_check` must come back clean before it commits.
    """
    from alembic import command
    from alembic.config import Config
    from alembic.script import ScriptDirectory

    from supportnet.data.backup import take_automatic_backup

    config = Config()
    config.set_main_option("script_location", str(script_location))
    script = ScriptDirectory.from_config(config)
    known = [rev.revision for rev in script.walk_revisions()]
    engine = make_engine(db_path, key, foreign_keys=False, pooled=False)
    try:
        revision = current_revision(engine)
        check_revision(revision, known)
        if revision == script.get_current_head():
            return None
        backup = None
        if revision is not None and backup_dir is not None:
            backup = take_automatic_backup(engine, backup_dir, f"before-upgrade-from-{revision}")
        with engine.connect() as conn, conn.begin():
            config.attributes["connection"] = conn
            command.upgrade(config, "head")
            broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            if broken:
                raise StoreError(
                    _(
                        "Updating the data format would leave {count} broken link(s) between "
                        "records, so nothing was changed. A backup is at {backup}."
                    ).format(count=len(broken), backup=backup)
                )
        return backup
    finally:
        engine.dispose()
