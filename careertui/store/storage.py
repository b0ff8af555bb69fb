"""The TinyDB storage of a plan file: parse it once, keep the data in memory, replace it whole,
and never over what another program wrote."""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from typing import Any

from tinydb import Storage

from careertui.store import backups, files, history
from careertui.store.errors import (
    CorruptPlanError,
    OutsideChangeError,
    StorageReadError,
    StorageWriteError,
)
from careertui.store.plan_format import LineCache, RawData, encode_tables, parse_plan

# What identifies a file's version cheaply: inode, size, and the times of its last change.
Stamp = tuple[int, int, int, int, int]


def stamp_of(path: Path) -> Stamp | None:
    """The file's version as stat tells it (None when there is no file): a write by any program
    changes its ctime, which no program can set back."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return None
    return st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns


class AtomicJSONStorage(Storage):
    """TinyDB storage: reads the file once, then writes each change with write_atomically.

    Before each write it makes sure the file is still the one it last read or wrote; if another
    program changed it, the write is refused with OutsideChangeError and nothing is lost.
    """

    _data: RawData
    _last_good: bytes  # the file as last read or written here
    _lines: LineCache
    _stamp: Stamp | None  # the file's version then

    def __init__(
        self,
        path: Path,
        today: Callable[[], date] = date.today,
        keep_backups: int = backups.KEEP_BACKUPS,
        now: Callable[[], datetime] = datetime.now,
    ) -> None:
        self.path = Path(path).resolve()
        self._today = today
        self._now = now
        self._keep_backups = keep_backups
        self._newest_version = history.newest_version(self.path)
        if not self.path.exists():
            try:
                files.write_atomically(self.path, b"{}\n")
            except OSError as error:
                raise StorageWriteError(self.path, error) from error
        self.adopt(*self.read_disk())

    def read_disk(self) -> tuple[bytes, RawData]:
        """The plan file's bytes and their data, as they are on disk now (nothing changes here);
        StorageReadError or CorruptPlanError when they cannot be read."""
        try:
            raw = files.read_file(self.path)
        except OSError as error:
            raise StorageReadError(self.path, error) from error
        try:
            return raw, parse_plan(raw)
        except ValueError as error:
            raise CorruptPlanError(self.path, str(error),
                                   backups.newest_backup(self.path)) from None

    def adopt(self, raw: bytes, data: RawData) -> None:
        """Take `data` (read from the file as `raw`, by read_disk) as the plan from now on."""
        self._data = data
        self._last_good = raw  # the in-memory data is rebuilt from it when a write fails
        self._lines = {}
        self._stamp = stamp_of(self.path)

    def read(self) -> RawData:
        return self._data

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        try:
            self._refuse_outside_change()
            raw = encode_tables(data, self._lines)
            if raw != self._last_good:
                self._write_file(raw)
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

    def _write_file(self, raw: bytes) -> None:
        # The file as it is (checked: the same as _last_good) goes to the day's backup and to
        # the recent history before it is replaced.
        backups.backup_before_write(self.path, self._today(), self._last_good,
                                    self._keep_backups)
        self._newest_version = history.keep_version(self.path, self._last_good, self._now(),
                                                    self._newest_version)
        files.write_atomically(self.path, raw)
        # A program writing in the microseconds between the two would go unseen; to be seen,
        # a change must come after careertui's own write, as a sync tool's or an editor's does.
        self._stamp = stamp_of(self.path)

    def _refuse_outside_change(self) -> None:
        """OutsideChangeError when the file is not the one last read or written here."""
        stamp = stamp_of(self.path)
        if stamp == self._stamp:
            return
        if stamp is None:
            raise OutsideChangeError(self.path, removed=True)
        try:
            same = files.read_file(self.path) == self._last_good
        except OSError as error:
            raise StorageReadError(self.path, error) from error
        if not same:
            raise OutsideChangeError(self.path)
        self._stamp = stamp  # touched (or copied back) by another program, but the same

    def outside_change(self) -> OutsideChangeError | None:
        """What another program did to the file since it was last read or written here."""
        try:
            self._refuse_outside_change()
        except OutsideChangeError as change:
            return change
        return None

    def keep_own_version(self) -> None:
        """Keep the plan as last read or written here in the recent history, whenever the last
        copy was taken (before it gives way to another program's version)."""
        try:
            self._newest_version = history.keep_version(self.path, self._last_good,
                                                        self._now(), None)
        except OSError as error:
            raise StorageWriteError(self.path, error) from error

    def overwrite(self, set_aside: Callable[[bytes], Path | None]) -> Path | None:
        """Write the plan as it is here over another program's version of the file, once
        `set_aside` has kept that version (it returns where; None when there was no file).
        OutsideChangeError, and nothing written, when the file changed again meanwhile."""
        try:
            stamp = stamp_of(self.path)  # before reading: a change after it is seen below
            theirs = files.read_file(self.path) if stamp is not None else None
            aside = set_aside(theirs) if theirs is not None else None
            self._stamp = stamp
            self._refuse_outside_change()
            self._write_file(self._last_good)
        except OSError as error:
            raise StorageWriteError(self.path, error) from error
        return aside

    def close(self) -> None:
        """Nothing to flush: every write already reached the disk."""
