"""Open a plan file: lock it, clean up, create or migrate it, and hand out its TinyDB."""

from __future__ import annotations

import glob
import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from tinydb import TinyDB
from tinydb.storages import MemoryStorage

from careertui.store import backups, files, migrations
from careertui.store.errors import CorruptPlanError, ReadOnlyPlanError, StorageWriteError
from careertui.store.lock import PlanLock
from careertui.store.plan_format import RawData, encode_plan
from careertui.store.storage import AtomicJSONStorage


@dataclass
class OpenedDatabase:
    db: TinyDB
    path: Path | None  # None for in-memory
    lock: PlanLock | None

    def close(self) -> None:
        try:
            self.db.close()
        finally:
            if self.lock is not None:
                self.lock.release()

    def __enter__(self) -> OpenedDatabase:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


def open_database(path: Path, today: Callable[[], date] = date.today) -> OpenedDatabase:
    """Open (or create) the plan at `path`, locked until close(); raises a StoreError."""
    path, lock = _lock(path)
    try:
        return OpenedDatabase(_open_locked(path, today), path, lock)
    except BaseException:
        lock.release()
        raise


def memory_database() -> OpenedDatabase:
    db = TinyDB(storage=MemoryStorage)
    db.storage.write(migrations.new_plan_data())
    return OpenedDatabase(db, None, None)


def restore_backup(path: Path) -> str:
    """Replace the plan with its newest readable backup; returns a message for the terminal."""
    path, lock = _lock(path)
    try:
        backup, moved_to = backups.restore_newest_backup(path)
    except OSError as error:
        raise StorageWriteError(path, error) from error
    finally:
        lock.release()
    if moved_to is None:
        kept = "There was no plan file to keep."
    else:
        kept = f"The file it replaced was kept as {moved_to}."
    return f"Restored {path} from the backup {backup}. {kept}"


def _lock(path: Path) -> tuple[Path, PlanLock]:
    # Resolved, so a symlinked plan is replaced at its target and shares one lock.
    path = Path(path).expanduser().resolve()
    lock = PlanLock(path)
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as error:
        raise StorageWriteError(path, error) from error
    _refuse_read_only(path)
    try:
        lock.acquire()
    except OSError as error:
        raise StorageWriteError(path, error) from error
    return path, lock


def _refuse_read_only(path: Path) -> None:
    # Refused up front: otherwise the app would open and then fail on the first change.
    if not os.access(path.parent, os.W_OK | os.X_OK):
        raise ReadOnlyPlanError(path, path.parent)
    if path.exists() and not os.access(path, os.W_OK):
        raise ReadOnlyPlanError(path, path)


def _open_locked(path: Path, today: Callable[[], date]) -> TinyDB:
    try:
        files.remove_orphaned_temps(path.parent, glob.escape(path.name))
        files.remove_orphaned_temps(backups.backup_dir(path), backups.backup_glob(path))
        backups.prune_backups(path)
        if not path.exists():
            files.write_atomically(path, encode_plan(migrations.new_plan_data()))
    except OSError as error:
        raise StorageWriteError(path, error) from error
    db = TinyDB(path, storage=AtomicJSONStorage, today=today)
    storage = db.storage
    assert isinstance(storage, AtomicJSONStorage)  # TinyDB made it from the class given
    data = storage.read()
    if up_to_date(data, path):
        # Through the storage, so the daily backup keeps the file as it was before.
        storage.write(data)
    return db


def up_to_date(data: RawData, path: Path) -> bool:
    """Bring a plan file's data up to the current schema, in memory; True when it migrated
    (the caller writes it). CorruptPlanError or NewerSchemaError for a schema it cannot read."""
    try:
        migrations.schema_version_of(data)
    except ValueError as error:
        raise CorruptPlanError(path, str(error), backups.newest_backup(path)) from None
    return migrations.migrate(data, path)
