"""Plan storage: crash-safe TinyDB file, lock, backups, migrations, and the store API."""
