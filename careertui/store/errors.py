"""Storage errors whose str() is a complete message for the terminal."""

from __future__ import annotations

import shlex
from pathlib import Path


class StoreError(Exception):
    """Base class: str() is a complete, user-facing message."""


class PlanLockedError(StoreError):
    def __init__(self, path: Path, lock_path: Path, holder: str = "another careertui",
                 advice: str = "Close it first.") -> None:
        self.path = Path(path)
        self.lock_path = Path(lock_path)
        super().__init__(f"{self.path} is open in {holder} (lock: {self.lock_path}). {advice}")


class CorruptPlanError(StoreError):
    def __init__(self, path: Path, reason: str, newest_backup: Path | None) -> None:
        self.path = Path(path)
        self.reason = reason
        self.newest_backup = newest_backup
        if newest_backup is None:
            advice = (
                "There is no backup to restore: fix the file by hand, or move it away "
                "to start a new plan."
            )
        else:
            command = f"careertui --db {shlex.quote(str(self.path))} --restore-backup"
            advice = (
                f"The newest backup is {newest_backup}. To restore it (the damaged file "
                f"is kept beside it), run:\n  {command}"
            )
        super().__init__(
            f"Cannot open {self.path}: {reason}. The file was left unchanged. {advice}"
        )


class NewerSchemaError(StoreError):
    def __init__(self, path: Path, found: int, supported: int) -> None:
        self.path = Path(path)
        self.found = found
        self.supported = supported
        super().__init__(
            f"{self.path} was written by a newer careertui (schema {found}, this version "
            f"reads up to {supported}); upgrade careertui. The file was left unchanged."
        )


def _describe(os_error: OSError, path: Path) -> str:
    detail = os_error.strerror or str(os_error)
    if os_error.filename and Path(os_error.filename) != path:
        detail += f" ({os_error.filename})"
    return detail


class StorageWriteError(StoreError):
    def __init__(self, path: Path, os_error: OSError) -> None:
        self.path = Path(path)
        self.os_error = os_error
        super().__init__(
            f"Could not write {self.path}: {_describe(os_error, self.path)}. "
            "The plan on disk is unchanged."
        )


class HistoryCopyError(StoreError):
    """The copy of the plan for the recent history, kept after a save, could not be written."""

    def __init__(self, path: Path, folder: Path, os_error: OSError) -> None:
        self.path = Path(path)
        self.os_error = os_error
        super().__init__(
            f"Your change is saved, but the copy of the plan for the recent history could not be "
            f"written in {folder}: {_describe(os_error, folder)}. The next change tries again."
        )


class StorageReadError(StoreError):
    def __init__(self, path: Path, os_error: OSError) -> None:
        self.path = Path(path)
        self.os_error = os_error
        super().__init__(
            f"Could not read {self.path}: {_describe(os_error, self.path)}. Nothing was changed."
        )


class NoBackupError(StoreError):
    def __init__(self, path: Path, backup_dir: Path, unusable: int,
                 number: int | None = None) -> None:
        self.path = Path(path)
        self.backup_dir = Path(backup_dir)
        self.unusable = unusable
        listing = f"careertui --db {shlex.quote(str(self.path))} --list-backups"
        if number is not None:
            found = f"there is no usable copy number {number} ({listing} lists them)"
        elif unusable:
            found = (f"none of its {unusable} copies can be used ({listing} says why of "
                     "each)")
        else:
            found = f"found no backup in {self.backup_dir} or in the history beside it"
        super().__init__(f"Cannot restore {self.path}: {found}. Nothing was changed.")

class MissingPlanError(StoreError):
    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        super().__init__(
            f"There is no plan at {self.path}. Start careertui once to create it, or pass "
            "--db PATH to name another plan file."
        )


class ReadOnlyPlanError(StoreError):
    def __init__(self, path: Path, read_only: Path, owner: str | None = None) -> None:
        self.path = Path(path)
        self.read_only = Path(read_only)
        what = "folder" if self.read_only != self.path else "file"
        plan, place = shlex.quote(str(self.path)), shlex.quote(str(self.read_only))
        if owner is not None:
            why = (f"the folder {self.read_only} belongs to {owner}, and you cannot write in "
                   "it")
            fix = "Keep your plan in a folder of yours (--db PATH)"
        else:
            why = f"the {what} {self.read_only} is read-only"
            fix = f"Make it writable (chmod u+w {place})"
        super().__init__(
            f"Cannot open {self.path}: {why}, and careertui saves every change as you make "
            f"it. Nothing was changed. {fix}, or read the plan without changing it: "
            f"careertui export --db {plan} -o -"
        )

class OutsideChangeError(StoreError):
    """The plan file is no longer what careertui last read or wrote: another program (a sync
    tool, an editor) changed or removed it. Nothing was written over it."""

    def __init__(self, path: Path, removed: bool = False) -> None:
        self.path = Path(path)
        self.removed = removed
        what = "removed" if removed else "changed"
        super().__init__(
            f"{self.path} was {what} by another program while careertui had it open. "
            "Your latest change is not saved yet, and the file was left as the other "
            "program left it."
        )


class UnsafeFolderError(StoreError):
    """The plan's backups or history folder is one careertui will not use (a link, another
    user's folder); nothing was read or written there."""

    def __init__(self, path: Path, folder: Path, why: str) -> None:
        self.path = Path(path)
        self.folder = Path(folder)
        super().__init__(
            f"Cannot open {self.path}: its folder {self.folder} cannot be trusted: {why}. "
            "careertui keeps copies of your plan there and restores from it, so it will not "
            "use it. Nothing was changed. Move it away (careertui makes a new one) and open "
            "the plan again."
        )


class DanglingLinkError(StoreError):
    """The plan path is a symbolic link to a file that does not exist."""

    def __init__(self, path: Path, target: str) -> None:
        self.path = Path(path)
        super().__init__(
            f"Cannot open {self.path}: it is a symbolic link to {target}, which does not "
            "exist, and careertui does not create files through a link (someone else may "
            "have put it there). Nothing was created. Remove the link, or pass the real "
            "path with --db."
        )


class JournalError(StoreError):
    """The journal beside the plan file holds saved changes careertui will not apply: they
    were made to another version of the file, the file is gone, or a line in the middle of
    the journal is damaged. Nothing was read from it, and both files were left as they are."""

    def __init__(self, path: Path, journal: Path, why: str) -> None:
        self.path = Path(path)
        self.journal = Path(journal)
        self.why = why
        aside = shlex.quote(f"{self.journal}.set-aside")
        super().__init__(
            f"Cannot open {self.path}: {why}. careertui will not guess, and changed nothing. "
            f"To open the plan without those changes (the file as it is, or a new plan when "
            f"there is none), move the journal away first (mv "
            f"{shlex.quote(str(self.journal))} {aside}); --restore-backup also keeps it aside."
        )


def foreign_journal(path: Path, journal: Path, changes: int) -> JournalError:
    """The journal holds `changes` changes to a version of the plan file that is not there."""
    saved = "1 saved change" if changes == 1 else f"{changes:,} saved changes"
    return JournalError(path, journal,
                        f"its journal {journal} holds {saved} to another version of the file "
                        "(the file was edited or replaced after careertui last wrote it, "
                        "perhaps after a crash)")


def journal_without_plan(path: Path, journal: Path, changes: int) -> JournalError:
    """A journal with `changes` changes, and no plan file beside it to apply them to."""
    saved = "1 saved change" if changes == 1 else f"{changes:,} saved changes"
    return JournalError(path, journal,
                        f"the file is missing, but its journal {journal} holds {saved} to it")


def broken_journal(path: Path, journal: Path, line: int) -> JournalError:
    """Line `line` of the journal cannot be read, and changes were saved after it."""
    return JournalError(path, journal,
                        f"line {line} of its journal {journal} is damaged, and changes were "
                        "saved after it (applying those without it would make a plan that "
                        "never was)")
