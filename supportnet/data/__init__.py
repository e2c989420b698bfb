"""Storage: an encrypted SQLite store, its key, migrations, backups and repositories. No Qt."""
