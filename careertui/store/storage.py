"""The TinyDB storage of a plan file: parse it once, keep the data in memory, save each change
as a journal line, and never over what another program wrote."""

from __future__ import annotations

import contextlib
import json
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, datetime
from pathlib import Path
from typing import Any

from tinydb import Storage

from careertui.store import backups, files, history
from careertui.store.errors import (
    CorruptPlanError,
    HistoryCopyError,
    OutsideChangeError,
    StorageReadError,
    StorageWriteError,
    StoreError,
)
from careertui.store.journal import apply, compacted, diff, line, parse_journal
from careertui.store.journal_file import JournalFile, read_journal, refuse_orphan, replay
from careertui.store.plan_format import (
    RawData,
    TableLines,
    join_lines,
    json_bytes,
    parse_plan,
    table_lines,
    tables_from_lines,
)

# Past this many bytes of journal, a save also writes the plan file whole (a few hundred
# saves of a large plan; the journal is replayed on each open until then).
COMPACT_AFTER = 1_000_000


class AtomicJSONStorage(Storage):
    """TinyDB storage: reads the plan file and its journal once, then saves each change as one
    line on the journal's end (one fsync), and writes the plan file whole with
    write_atomically when the journal is compacted: at open (see compact), at close, and past
    COMPACT_AFTER bytes. The daily backups and the copies of the recent history are whole plan
    files holding every change saved before them (saved_file).

    Before each save it makes sure the plan file and the journal are still the ones it last
    read or wrote; if another program changed either, the save is refused with
    OutsideChangeError and nothing is lost.
    """

    _data: RawData
    _file: bytes  # the plan file as last read or written here
    _replayed: bytes  # the journal whose changes were made to it on open, if any
    _saved_lines: TableLines | None  # see _saved
    _stamp: files.Stamp | None  # the plan file's version then
    # What the next write changes, when the caller knows (see expecting).
    _expected: dict[str, set[str]] | None = None
    compacts_on_close = True  # False for a plan refused on open: nothing is written then
    # True (the app's way): the history copy a save finds due is taken then and written by
    # keep_pending_copy, after the screen has shown the change; by the next save at the latest.
    defer_copies = False
    _pending_copy: tuple[bytes, datetime, datetime | None] | None = None  # see keep_pending_copy
    _copy_error: HistoryCopyError | None = None  # a pending copy a save could not write

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
        self._backed_up: date | None = None  # the day whose backup is known to exist
        self.journal = JournalFile(self.path)
        if not self.path.exists():
            refuse_orphan(self.path)
            try:
                files.write_atomically(self.path, b"{}\n")
            except OSError as error:
                raise StorageWriteError(self.path, error) from error
        raw = self._read_file()
        try:
            found = read_journal(self.path)
        except OSError as error:
            raise StorageReadError(self.journal.path, error) from error
        journal = found[1] if found is not None else None
        # A plan file careertui checked, and its own changes since: no need to check again
        # (json.loads alone: these very bytes passed parse_plan's checks then).
        self.trusted = journal is not None and journal.checked and journal.applies_to(raw)
        data = json.loads(raw) if self.trusted else self._parsed(raw)
        pending = replay(self.path, raw, data, journal)
        self.adopt(raw, data, found[0] if found is not None and pending else b"")
        self.journal.adopt(found, raw, pending)

    def read_disk(self) -> tuple[bytes, RawData]:
        """The plan file's bytes and their data, as they are on disk now (nothing changes here);
        StorageReadError or CorruptPlanError when they cannot be read."""
        raw = self._read_file()
        return raw, self._parsed(raw)

    def _read_file(self) -> bytes:
        try:
            return files.read_file(self.path)
        except OSError as error:
            raise StorageReadError(self.path, error) from error

    def _parsed(self, raw: bytes) -> RawData:
        try:
            return parse_plan(raw)
        except ValueError as error:
            raise CorruptPlanError(self.path, str(error),
                                   backups.newest_backup(self.path)) from None

    def adopt(self, raw: bytes, data: RawData, journal: bytes = b"") -> None:
        """Take `data` (read from the plan file as `raw`, with the changes of `journal`) as the
        plan from now on."""
        self._data = data
        self._file, self._replayed = raw, journal
        self._saved_lines = None
        self._stamp = files.stamp_of(self.path)

    @property
    def _saved(self) -> TableLines:
        """The plan as saved (the plan file with the journal's changes), as the lines of its
        documents: what a save compares TinyDB's data with (TinyDB, and a migration, change
        that data in place), and what the whole-file copies are made of. Read again from the
        bytes it was read from at the first save, so opening does not pay for it."""
        if self._saved_lines is None:
            saved: RawData = json.loads(self._file)  # plain: these bytes were checked on open
            for change in parse_journal(self._replayed).changes if self._replayed else ():
                apply(saved, change)
            self._saved_lines = table_lines(saved)
        return self._saved_lines

    def prepare_to_save(self) -> None:
        """Do now, at an idle moment, what the first save of a session would do on a keypress:
        read the plan as saved, and encode its lines."""
        _ = self._saved

    @contextmanager
    def expecting(self, changes: dict[str, set[str]]) -> Iterator[None]:
        """Within: the caller promises that a write changes nothing but the tables named, and
        in them nothing but the documents named (by id) and those it adds or removes, so the
        save compares only those instead of every document of the plan."""
        self._expected = changes
        try:
            yield
        finally:
            self._expected = None

    def read(self) -> RawData:
        return self._data

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        try:  # the copy of the plan before the last change comes first
            self.keep_pending_copy()
        except HistoryCopyError as error:
            self._copy_error = error  # for keep_pending_copy to report: this save goes on
        try:
            self._refuse_outside_change()
            change = diff(self._saved, data, self._expected, json_bytes)
            if change is not None:
                text = line(change)
                self._keep_copies()
                self._append(text)
                apply(self._saved, change, json_bytes)
        except BaseException as error:
            # TinyDB changed our dict in place before calling write(); undo that in the
            # same object, because TinyDB may still hold it.
            self._data.clear()
            self._data.update(tables_from_lines(self._saved))
            if isinstance(error, OSError):
                raise StorageWriteError(self.path, error) from error
            raise
        self._data = data
        if (self.journal.size or 0) > COMPACT_AFTER:
            try:
                self._compact()
            except OSError:
                pass  # the change is saved in the journal; the next save tries again

    def _append(self, text: bytes) -> None:
        """Save one change: a line on the journal's end."""
        self.journal.make_appendable(self._file)
        self.journal.append(text)
        self.journal.pending += 1

    def _keep_copies(self) -> None:
        """Before the first save of a day, and a minute or more after the last copy of the
        recent history, keep the plan as saved so far (every change of the journal in it)."""
        today, now = self._today(), self._now()
        backup_due = today != self._backed_up and not backups.has_backup(self.path, today)
        copy_due = history.due(now, self._newest_version)
        if backup_due or copy_due:
            content = self.saved_file()
            backups.backup_before_write(self.path, today, content, self._keep_backups)
            if copy_due and self.defer_copies:
                # Compressing and syncing the copy is most of what a save costs then.
                self._pending_copy = (content, now, self._newest_version)
                self._newest_version = now
            else:
                self._newest_version = history.keep_version(self.path, content, now,
                                                            self._newest_version)
        self._backed_up = today

    @property
    def copy_pending(self) -> bool:
        """Whether a history copy a save took waits to be written, or failed to be (see
        defer_copies)."""
        return self._pending_copy is not None or self._copy_error is not None

    def keep_pending_copy(self) -> None:
        """Write the history copy the last save took, if it left one; HistoryCopyError when
        it cannot, or when a save could not write it (the change itself is saved; the next
        save that finds a copy due tries again)."""
        if self._copy_error is not None:
            error, self._copy_error = self._copy_error, None
            raise error
        if self._pending_copy is None:
            return
        content, taken, newest_before = self._pending_copy
        self._pending_copy = None
        try:
            history.keep_version(self.path, content, taken, None)
        except OSError as error:
            self._newest_version = newest_before
            raise HistoryCopyError(self.path, history.history_dir(self.path), error) from error

    def _compact(self) -> None:
        """Write the plan as saved into the plan file whole, then start an empty journal.

        Killed at any moment, this leaves a plan file and a journal that open to the same plan:
        the journal's last line names the new file before it replaces the old one, so the old
        journal is not replayed over it (and is still replayed over the old one).
        """
        raw = join_lines(self._saved)
        self.journal.make_appendable(self._file)
        self.journal.append(compacted(raw))
        files.write_atomically(self.path, raw)
        # A program writing in the microseconds between the two would go unseen; to be seen,
        # a change must come after careertui's own write, as a sync tool's or an editor's does.
        self._stamp = files.stamp_of(self.path)
        self._file = raw
        self.journal.start(raw)

    def compact(self) -> None:
        """Write the journal's changes into the plan file now, if it has any (once the plan
        read on open is checked; or at an idle moment). StoreError when it cannot."""
        if not self.journal.pending:
            return
        try:
            self._refuse_outside_change()
            self._compact()
        except OSError as error:
            raise StorageWriteError(self.path, error) from error

    def _refuse_outside_change(self) -> None:
        """OutsideChangeError when the plan file or its journal is not the one last read or
        written here."""
        stamp = files.stamp_of(self.path)
        if stamp != self._stamp:
            if stamp is None:
                raise OutsideChangeError(self.path, removed=True)
            try:
                same = files.read_file(self.path) == self._file
            except OSError as error:
                raise StorageReadError(self.path, error) from error
            if not same:
                raise OutsideChangeError(self.path)
            self._stamp = stamp  # touched (or copied back) by another program, but the same
        try:
            change = self.journal.outside_change()
        except OSError as error:
            raise StorageReadError(self.journal.path, error) from error
        if change is not None:
            raise change

    def outside_change(self) -> OutsideChangeError | None:
        """What another program did to the plan file (or its journal) since it was last read
        or written here."""
        try:
            self._refuse_outside_change()
        except OutsideChangeError as change:
            return change
        return None

    def saved_file(self) -> bytes:
        """The plan file holding the plan as saved here (the journal's changes included)."""
        if not self.journal.pending:
            return self._file
        return join_lines(self._saved)

    def keep_own_version(self) -> None:
        """Keep the plan as last saved here in the recent history, whenever the last copy was
        taken (before it gives way to another program's version)."""
        self.keep_pending_copy()
        try:
            self._newest_version = history.keep_version(self.path, self.saved_file(),
                                                        self._now(), None)
        except OSError as error:
            raise StorageWriteError(self.path, error) from error

    def take_theirs(self, raw: bytes, data: RawData) -> None:
        """Take the plan file as another program left it (`raw`, read as `data`), once the plan
        as saved here is kept (keep_own_version): the journal of its changes is removed."""
        try:
            self.journal.forget()
        except OSError as error:
            raise StorageWriteError(self.path, error) from error
        self.adopt(raw, data)

    def overwrite(self, set_aside: Callable[[bytes], Path | None]) -> Path | None:
        """Write the plan as saved here over another program's version of the file, once
        `set_aside` has kept that version (it returns where; None when there was no file).
        OutsideChangeError, and nothing written, when the file changed again meanwhile."""
        try:
            # The journal follows the plan file as written here: made whole first, so a crash
            # below never replays it over theirs.
            self.journal.make_appendable(self._file)
            stamp = files.stamp_of(self.path)  # before reading: a change after it is seen below
            theirs = files.read_file(self.path) if stamp is not None else None
            aside = set_aside(theirs) if theirs is not None else None
            self._stamp = stamp
            self._refuse_outside_change()
            self._compact()
        except OSError as error:
            raise StorageWriteError(self.path, error) from error
        return aside

    def close(self) -> None:
        """Compact the journal into the plan file; every change already reached the disk, so a
        failure here, or another program's change, loses nothing: the journal stays, to be
        replayed on the next open (or refused, if the file beside it is no longer its own)."""
        with contextlib.suppress(StoreError):
            self.keep_pending_copy()  # the app wrote it already, or reported why it could not
        if not self.journal.pending or not self.compacts_on_close:
            return
        try:
            self._refuse_outside_change()
            self._compact()
        except (OSError, StoreError):
            pass
