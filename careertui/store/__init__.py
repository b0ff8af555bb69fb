"""Plan storage: file writing, plan format, TinyDB storage, lock, backups, migrations, store API."""
