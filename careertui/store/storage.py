"""The TinyDB storage of a plan file: parse it once, keep the data in memory, replace it whole."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from tinydb import Storage

from careertui.store import backups, files
from careertui.store.errors import CorruptPlanError, StorageReadError, StorageWriteError
from careertui.store.plan_format import LineCache, RawData, encode_tables, parse_plan


class AtomicJSONStorage(Storage):
    """TinyDB storage: reads the file once, then writes each change with write_atomically."""

    def __init__(
        self,
        path: Path,
        today: Callable[[], date] = date.today,
        keep_backups: int = backups.KEEP_BACKUPS,
    ) -> None:
        self.path = Path(path).resolve()
        self._today = today
        self._keep_backups = keep_backups
        if not self.path.exists():
            try:
                files.write_atomically(self.path, b"{}\n")
            except OSError as error:
                raise StorageWriteError(self.path, error) from error
        try:
            raw = self.path.read_bytes()
        except OSError as error:
            raise StorageReadError(self.path, error) from error
        try:
            self._data = parse_plan(raw)
        except ValueError as error:
            newest = backups.newest_backup(self.path)
            raise CorruptPlanError(self.path, str(error), newest) from None
        # What is on disk now; the in-memory data is rebuilt from it when a write fails.
        self._last_good = raw
        self._lines: LineCache = {}

    def read(self) -> RawData:
        return self._data

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        try:
            raw = encode_tables(data, self._lines)
            if raw != self._last_good:
                backups.backup_before_write(self.path, self._today(), self._keep_backups)
                files.write_atomically(self.path, raw)
        except BaseException as error:
            # TinyDB changed our dict in place before calling write(); undo that in the
            # same object, because TinyDB may still hold it.
            self._data.clear()
            self._data.update(parse_plan(self._last_good))
            if isinstance(error, OSError):
                raise StorageWriteError(self.path, error) from error
            raise
        self._data = data
        self._last_good = raw

    def close(self) -> None:
        """Nothing to flush: every write already reached the disk."""
