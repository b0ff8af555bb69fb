"""The copies of a plan careertui can go back to (daily backups, recent history), each checked
exactly as opening checks, and putting one of them in the plan's place."""

from __future__ import annotations

import os
import shlex
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path

from careertui.model.overview import describe_contents
from careertui.store import backups, files, history
from careertui.store.database import lock_plan, plan_file_path
from careertui.store.errors import CorruptPlanError, NoBackupError, StorageWriteError, StoreError
from careertui.store.journal import journal_path
from careertui.store.journal_file import read_journal, replay
from careertui.store.plan_file import plan_from_bytes
from careertui.store.plan_format import encode_tables, parse_plan


@dataclass(frozen=True)
class Copy:
    """A copy of the plan: where, when it was taken, of what kind, and what it holds (or why
    careertui cannot use it)."""

    path: Path
    taken: datetime
    recent: bool  # a copy of the recent history (compressed), else a daily backup
    holds: str = ""
    problem: str | None = None
    content: bytes = field(default=b"", repr=False)  # the plan file it holds, as checked

    @property
    def kind(self) -> str:
        return "before a change" if self.recent else "daily backup"

    @property
    def usable(self) -> bool:
        return self.problem is None

    def read(self) -> bytes:
        """The plan file this copy holds (never read through a link)."""
        if self.recent:
            return history.read_version(self.path)
        return files.read_file(self.path, follow_links=False)


def list_copies(db_path: Path) -> list[Copy]:
    """Every copy of the plan at `db_path`, newest first, each read and checked."""
    found = [Copy(path, when, recent=True) for when, path in history.list_versions(db_path)]
    # A daily backup is taken at the first write of its day: its file's time says when.
    found += [Copy(path, datetime.fromtimestamp(os.lstat(path).st_mtime), recent=False)
              for path in backups.list_backups(db_path)]
    return [_checked(copy) for copy in sorted(found, key=lambda c: c.taken, reverse=True)]


def _checked(copy: Copy) -> Copy:
    why_not = files.own_regular_file(copy.path)
    if why_not is not None:
        return replace(copy, problem=f"it is {why_not}, which careertui does not trust")
    try:
        content = copy.read()
        plan = plan_from_bytes(content, copy.path)
    except (OSError, ValueError) as error:
        return replace(copy, problem=f"it cannot be read ({error})")
    except CorruptPlanError as error:
        return replace(copy, problem=error.reason)
    except StoreError as error:
        return replace(copy, problem=str(error))
    return replace(copy, holds=describe_contents(plan), content=content)


@dataclass(frozen=True)
class Restored:
    copy: Copy
    kept: Path | None  # where the plan file it replaced went
    skipped: list[Copy]  # newer copies that could not be used


def restore(db_path: Path, number: int | None = None) -> Restored:
    """Put copy `number` (1 is the newest, as list_copies orders them), or the newest usable
    one, in the plan's place, keeping the plan file beside it first. The caller holds the
    lock. NoBackupError when there is no usable copy (or `number` names none)."""
    db_path = Path(db_path)
    backups.refuse_unsafe_folders(db_path)
    copies = list_copies(db_path)
    if number is not None:
        if not 1 <= number <= len(copies) or not copies[number - 1].usable:
            raise NoBackupError(db_path, backups.backup_dir(db_path), len(copies), number)
        chosen, skipped = copies[number - 1], []
    else:
        usable = [i for i, copy in enumerate(copies) if copy.usable]
        if not usable:
            raise NoBackupError(db_path, backups.backup_dir(db_path), len(copies))
        chosen, skipped = copies[usable[0]], copies[: usable[0]]
    content = chosen.content
    current = _as_saved(db_path)
    kept = None
    if current is not None and current != content:
        kept = backups.keep_copy(db_path, "before-restore", current)
        history.keep_version(db_path, current, datetime.now(), None)
    files.write_atomically(db_path, content)
    # Its changes were to the file replaced (and are in the copy kept of it); removed only
    # now, so a crash before leaves a journal refused on open, not a plan silently older.
    journal_path(db_path).unlink(missing_ok=True)
    return Restored(chosen, kept, skipped)


def _as_saved(db_path: Path) -> bytes | None:
    """The plan file at `db_path` with the changes of its journal (None when there is no file).
    A journal of changes careertui cannot apply to it is kept beside it, as
    `<journal>.before-restore-...`; one with no change holds nothing to keep."""
    current = files.read_file(db_path) if db_path.exists() else None
    try:
        found = read_journal(db_path)
        if found is None or not found[1].changes:
            return current
        if current is not None:
            data = parse_plan(current)
            if replay(db_path, current, data, found[1]):
                return encode_tables(data)
            return current  # the file holds them already
    except (StoreError, ValueError):
        pass
    backups.keep_copy(journal_path(db_path), "before-restore")
    return current


def restore_backup(path: Path, number: int | None = None) -> str:
    """Restore copy `number` (or the newest usable one) under the plan's lock; the message for
    the terminal. A StoreError when nothing could be restored."""
    path, lock = lock_plan(path)
    try:
        restored = restore(path, number)
    except OSError as error:
        raise StorageWriteError(path, error) from error
    finally:
        lock.release()
    lines = [f"Skipped the newer {copy.kind} of {copy.taken:%Y-%m-%d %H:%M}: {copy.problem}."
             for copy in restored.skipped]
    copy = restored.copy
    lines.append(f"Restored {path} from the {copy.kind} of {copy.taken:%Y-%m-%d %H:%M}, "
                 f"{copy.path} ({copy.holds}).")
    lines.append(f"The file it replaced was kept as {restored.kept}." if restored.kept else
                 "The plan was already as that copy holds it: nothing else to keep.")
    return "\n".join(lines)


def list_backups_text(path: Path) -> str:
    """What --list-backups prints for the plan at `path`: the copies restore_backup numbers
    (with the same refusals of a planted folder), each with its time, kind, and what it holds
    or why it cannot be used."""
    path = plan_file_path(path)
    backups.refuse_unsafe_folders(path)
    copies = list_copies(path)
    if not copies:
        return f"There is no backup of {path} yet: careertui makes one on each day you change it."
    lines = [f"Copies of {path}, newest first:"]
    for number, copy in enumerate(copies, start=1):
        state = copy.holds if copy.usable else f"not usable: {copy.problem}"
        lines.append(f"{number:>3}  {copy.taken:%Y-%m-%d %H:%M}  {copy.kind:<15}  {state}")
    lines.append(f"Restore one with: careertui --db {shlex.quote(str(path))} "
                 "--restore-backup N (without N, the newest usable one).")
    return "\n".join(lines)
