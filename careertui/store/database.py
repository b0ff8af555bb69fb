"""Open a plan file: lock it, clean up, create or migrate it, and hand out its TinyDB."""

from __future__ import annotations

import glob
import os
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from tinydb import TinyDB
from tinydb.storages import MemoryStorage

from careertui.store import backups, files, history, journal_file, migrations
from careertui.store.errors import (
    CorruptPlanError,
    DanglingLinkError,
    ReadOnlyPlanError,
    StorageWriteError,
)
from careertui.store.lock import PlanLock
from careertui.store.plan_format import RawData, encode_plan
from careertui.store.storage import AtomicJSONStorage


@dataclass
class OpenedDatabase:
    db: TinyDB
    path: Path | None  # None for in-memory
    lock: PlanLock | None
    # Migrated to the current schema in memory only: the caller checks the plan, then writes
    # it (a file refused by the checks stays as it was).
    migrated: bool = False

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


def open_database(path: Path, today: Callable[[], date] = date.today,
                  now: Callable[[], datetime] = datetime.now) -> OpenedDatabase:
    """Open (or create) the plan at `path`, locked until close(); raises a StoreError.
    `today` dates the daily backups, `now` the copies of the recent history."""
    path, lock = lock_plan(path)
    try:
        db, migrated = _open_locked(path, today, now)
        return OpenedDatabase(db, path, lock, migrated)
    except BaseException:
        lock.release()
        raise


def memory_database() -> OpenedDatabase:
    db = TinyDB(storage=MemoryStorage)
    db.storage.write(migrations.new_plan_data())
    return OpenedDatabase(db, None, None)


def lock_plan(path: Path, serving: bool = False) -> tuple[Path, PlanLock]:
    """The plan file for `path` (see plan_file_path) and its lock, held (as `careertui serve`
    holds it, when `serving`); its folder is made when missing. A StoreError when it cannot
    be locked or written."""
    path = plan_file_path(path)
    lock = PlanLock(path, serving)
    try:
        files.make_folder(path.parent)
        _refuse_read_only(path)
        lock.acquire()
    except OSError as error:
        raise StorageWriteError(path, error) from error
    return path, lock


def plan_file_path(path: Path) -> Path:
    """The file to open for `path`: absolute, its folders resolved; a symbolic link the user
    made to a plan elsewhere is followed to it, so that file is written and shares one lock.
    DanglingLinkError for a link to nothing: resolving it would create a file wherever it
    points, past the protection the kernel gives links in shared folders."""
    path = Path(os.path.abspath(Path(path).expanduser()))
    if not path.is_symlink():
        return path.parent.resolve() / path.name
    target = path.resolve()
    if not target.exists():
        raise DanglingLinkError(path, os.readlink(path))
    return target


def _refuse_read_only(path: Path) -> None:
    """Refused up front: otherwise the app would open and fail at the first change. A file
    with no write permission is read-only for root too, as the person meant it."""
    folder = path.parent
    if not os.access(folder, os.W_OK | os.X_OK):
        owner = os.stat(folder).st_uid
        raise ReadOnlyPlanError(path, folder,
                                None if owner == os.geteuid() else files.owner_name(owner))
    if path.exists():
        mode = os.stat(path).st_mode
        if not os.access(path, os.W_OK) or not mode & 0o222:
            raise ReadOnlyPlanError(path, path)


def _open_locked(path: Path, today: Callable[[], date],
                 now: Callable[[], datetime]) -> tuple[TinyDB, bool]:
    backups.refuse_unsafe_folders(path)
    journal_file.refuse_orphan(path)
    try:
        files.remove_orphaned_temps(path.parent, glob.escape(path.name))
        files.remove_orphaned_temps(backups.backup_dir(path), backups.backup_glob(path))
        files.remove_orphaned_temps(history.history_dir(path), history.history_glob(path))
        backups.prune_backups(path)
        if not path.exists():
            files.write_atomically(path, encode_plan(migrations.new_plan_data()))
    except OSError as error:
        raise StorageWriteError(path, error) from error
    db = TinyDB(path, storage=AtomicJSONStorage, today=today, now=now)
    storage = db.storage
    assert isinstance(storage, AtomicJSONStorage)  # TinyDB made it from the class given
    return db, up_to_date(storage.read(), path)


def up_to_date(data: RawData, path: Path) -> bool:
    """Bring a plan file's data up to the current schema, in memory; True when it migrated
    (the caller writes it). CorruptPlanError or NewerSchemaError for a schema it cannot read."""
    try:
        migrations.schema_version_of(data)
    except ValueError as error:
        raise CorruptPlanError(path, str(error), backups.newest_backup(path)) from None
    return migrations.migrate(data, path)
