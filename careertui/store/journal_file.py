"""The journal file beside a plan: read and replayed on open, appended to on each save."""

from __future__ import annotations

import hashlib
from pathlib import Path

from careertui.store import files
from careertui.store.errors import (
    OutsideChangeError,
    StorageReadError,
    StoreError,
    broken_journal,
    foreign_journal,
    journal_without_plan,
)
from careertui.store.journal import (
    BrokenLineError,
    Journal,
    apply,
    header,
    journal_path,
    line,
    parse_journal,
)
from careertui.store.plan_format import RawData


def read_journal(plan: Path) -> tuple[bytes, Journal] | None:
    """The bytes of the journal beside the plan file `plan` and what they hold (None when there
    is none); OSError when it cannot be read, JournalError when a middle line is damaged."""
    path = journal_path(plan)
    try:
        raw = files.read_file(path, follow_links=False)
    except FileNotFoundError:
        return None
    try:
        return raw, parse_journal(raw)
    except BrokenLineError as error:
        raise broken_journal(plan, path, error.number) from None


def refuse_orphan(plan: Path) -> None:
    """JournalError when there is no plan file at `plan` but a journal of changes to one;
    StorageReadError when the journal cannot be read."""
    try:
        found = read_journal(plan)
    except OSError as error:
        raise StorageReadError(journal_path(plan), error) from error
    if found is not None and found[1].changes and not plan.exists():
        raise journal_without_plan(plan, journal_path(plan), len(found[1].changes))


def replay(plan: Path, raw: bytes, data: RawData, journal: Journal | None) -> int:
    """Make the journal's changes to `data`, read from the plan file's bytes `raw`; how many
    it made. JournalError when the journal holds changes to another version of the file."""
    if journal is None or journal.holds_nothing_for(raw):
        return 0
    if not journal.applies_to(raw):
        raise foreign_journal(plan, journal_path(plan), len(journal.changes))
    for change in journal.changes:
        apply(data, change)
    return len(journal.changes)


def replayed(plan: Path, raw: bytes, data: RawData) -> RawData:
    """`data`, read from the plan file's bytes `raw`, with the journal beside it replayed (for
    reading a plan without opening it); StoreError when the journal cannot be used."""
    try:
        found = read_journal(plan)
    except OSError as error:
        raise StoreError(f"Could not read {journal_path(plan)}: {error.strerror or error}. "
                         "Nothing was changed.") from error
    replay(plan, raw, data, found[1] if found is not None else None)
    return data


class JournalFile:
    """The journal as careertui last read or wrote it: what it holds, whether new lines can go
    on its end, and how to tell that another program changed it."""

    def __init__(self, plan: Path) -> None:
        self.plan = plan
        self.path = journal_path(plan)
        self.size: int | None = None  # None: a new journal is to be started before appending
        self.pending = 0  # the changes in it that the plan file does not hold
        self._digest = hashlib.sha256()
        self._stamp: files.Stamp | None = None
        self._unwritten = b""  # the lines of replayed changes a new journal must hold again
        # The plan was checked as opening checks it, and every change since made by careertui:
        # a new journal says so (see header).
        self.checked = False

    def adopt(self, found: tuple[bytes, Journal] | None, plan_raw: bytes, pending: int) -> None:
        """Take the journal as read on open (`found`), with `pending` changes replayed from it
        over the plan file `plan_raw`. Lines go on its end only when it is whole and follows
        that file; otherwise the next save starts a new one."""
        raw, journal = found if found is not None else (b"", None)
        self._digest = hashlib.sha256(raw)
        self._stamp = files.stamp_of(self.path)
        self.pending = pending
        appendable = (journal is not None and journal.whole == len(raw)
                      and journal.compacted is None and journal.applies_to(plan_raw))
        self.size = len(raw) if appendable else None
        replayed = journal.changes if journal is not None and pending else []
        self._unwritten = b"" if appendable else b"".join(map(line, replayed))

    def start(self, plan_raw: bytes) -> None:
        """Replace the journal with an empty one following the plan file `plan_raw`."""
        self._unwritten, self.pending = b"", 0
        self.make_appendable(plan_raw, anew=True)

    def make_appendable(self, plan_raw: bytes, anew: bool = False) -> None:
        """Make sure lines can go on the journal's end (or start it `anew`): one read on open
        with a torn last line, or none, is replaced by a whole one following the plan file
        `plan_raw` and holding the changes replayed from it."""
        if self.size is not None and not anew:
            return
        content = header(plan_raw, self.checked) + self._unwritten
        files.write_atomically(self.path, content)
        self._digest = hashlib.sha256(content)
        self.size, self._unwritten = len(content), b""
        self._stamp = files.stamp_of(self.path)

    def append(self, line: bytes) -> None:
        """Put one line on the journal's end, durably; OSError (and the file as it was)."""
        assert self.size is not None, "start() comes first"
        self.size = files.append_durably(self.path, line)
        self._digest.update(line)
        self._stamp = files.stamp_of(self.path)

    def forget(self) -> None:
        """Remove the journal: the plan file holds all it held, and a copy was kept."""
        self.path.unlink(missing_ok=True)
        files.fsync_directory(self.path.parent)
        self._digest, self._stamp = hashlib.sha256(), None
        self.size, self.pending, self._unwritten = None, 0, b""

    def outside_change(self) -> OutsideChangeError | None:
        """What another program did to the journal since it was last read or written here."""
        stamp = files.stamp_of(self.path)
        if stamp == self._stamp:
            return None
        if stamp is None:
            return OutsideChangeError(self.path, removed=True)
        if hashlib.sha256(files.read_file(self.path, follow_links=False)).digest() \
                != self._digest.digest():
            return OutsideChangeError(self.path)
        self._stamp = stamp  # touched by another program, but the same
        return None
