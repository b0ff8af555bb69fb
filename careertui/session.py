"""PlanSession: the one typed object screens read and save the plan through and ask what changed."""

from __future__ import annotations

import copy
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Protocol, TypeVar

from careertui.model.changes import changed_fields, record_label
from careertui.model.plan import Plan
from careertui.preferences import Preferences, PreferencesFile
from careertui.store.errors import OutsideChangeError, StoreError
from careertui.store.plan_store import COLLECTION_TABLES, SINGLETON_TABLES, PlanStore
from careertui.undo import Change, UndoHistory, delete_change, import_change, save_change

T = TypeVar("T")
# Seconds of quiet after the last keystroke before typed text is written to disk.
SAVE_DELAY = 0.4
# After a save, the history copy it took is written once this has passed: the change is shown.
COPY_DELAY = 0.1
# Every kind of record a plan holds; an import or a new plan changes all of them.
RECORD_KINDS: tuple[type, ...] = (*SINGLETON_TABLES, *COLLECTION_TABLES)


class Scheduled(Protocol):
    """A pending call that can be called off (a Textual Timer is one)."""

    def stop(self) -> None: ...


# schedule(delay, callback) calls callback once after `delay` seconds.
Schedule = Callable[[float, Callable[[], object]], Scheduled]


@dataclass(frozen=True)
class Refused:
    """A write that another program's change to the file stopped: records to save, or delete."""

    records: tuple[object, ...]
    delete: bool = False


def print_error(error: StoreError) -> None:
    """Where a storage failure goes when no screen can show it: the terminal."""
    print(f"careertui: {error}", file=sys.stderr)


class PlanSession:
    """Reads and writes one plan for the screens: every failure is reported, never raised.

    `revision` rises by one with every write that reached the disk; `revision_of(Goal, ...)` is
    the revision of the newest write of those kinds of record. A screen keeps the revision it
    drew and redraws only when it has changed, which costs nothing to ask.
    Text typed in a field goes through `save_soon`: written after a short pause in typing (with
    `schedule`), or at the latest by `flush_saves`, which runs before a screen reads the plan
    and before quitting.
    """

    def __init__(
        self,
        store: PlanStore,
        today: Callable[[], date] = date.today,
        export_dir: Path | None = None,
        *,
        preferences: PreferencesFile | None = None,
        schedule: Schedule | None = None,
        report: Callable[[StoreError], None] = print_error,
        announce: Callable[[str], None] | None = None,
    ) -> None:
        self._store = store  # written only here, so every write counts in the revisions
        self.today = today
        # Exports are suggested in the folder careertui was started in, where people look for
        # them (not the hidden data folder the plan lives in).
        plan_path = store.path
        # The person's preferences; None: the defaults, kept for this session only.
        self.preferences_file = preferences or PreferencesFile(None)
        self._export_dir = export_dir
        self.export_stem = plan_path.stem if plan_path else "plan"
        self.schedule = schedule
        self.report = report
        self._revision = 0
        self._revision_of: dict[type, int] = {}
        self._pending: dict[tuple[type, str | None], object] = {}
        self._flush: Scheduled | None = None
        self._refused: list[Refused] = []  # writes an outside change stopped
        self._history = UndoHistory()
        if schedule is not None:
            store.defer_copies()  # written by keep_copies, after the screen shows the change
        # Says what a delete removed (and that ctrl+z brings it back) where the person looks.
        self.announce = announce

    @property
    def preferences(self) -> Preferences:
        return self.preferences_file.preferences

    @property
    def export_dir(self) -> Path:
        """Where exports are suggested: the folder given, else the preferences' export folder,
        else the folder careertui was started in."""
        return self._export_dir or self.preferences.export_dir() or Path.cwd()

    # Asking what changed --------------------------------------------------------------------

    @property
    def revision(self) -> int:
        """How many writes reached the disk since the session began."""
        return self._revision

    def revision_of(self, *kinds: type) -> int:
        """The revision of the newest write that changed a record of any of `kinds`."""
        return max((self._revision_of.get(kind, 0) for kind in kinds), default=0)

    def _written(self, kinds: set[type]) -> None:
        self._revision += 1
        for kind in kinds:
            self._revision_of[kind] = self._revision
        if self.schedule is not None and self._store.copy_pending:
            self.schedule(COPY_DELAY, self.keep_copies)

    def keep_copies(self) -> None:
        """Write the history copy the last save left (a moment after it, once the screen shows
        the change); a failure is reported."""
        try:
            self._store.keep_pending_copy()
        except StoreError as error:
            self.report(error)

    # Reading --------------------------------------------------------------------------------

    @property
    def path(self) -> Path | None:
        """The plan file (None for a plan in memory)."""
        return self._store.path

    def get(self, cls: type[T]) -> T:
        """The plan's one Profile, Destination or Settings (defaults when never saved)."""
        return self._store.get(cls)

    def all(self, cls: type[T]) -> list[T]:
        """Every record of a kind, in the order added; the caller may change them freely."""
        return self._store.all(cls)

    def shared(self, cls: type[T]) -> tuple[T, ...]:
        """Every record of a kind, in the order added, to read only: the store's own records,
        not copies (thousands cost nothing); copy one (dataclasses.replace) to change it."""
        return self._store.shared(cls)

    def load(self) -> Plan:
        """The whole plan; the caller may change its records freely."""
        return self._store.load()

    def view(self) -> Plan:
        """The whole plan, to read only: its records are the store's own, not copies (a view
        of thousands of records costs nothing); never change one."""
        return self._store.shared_plan()

    # Writing --------------------------------------------------------------------------------

    def save(self, *records: object) -> bool:
        """Write `records` now, as one change ctrl+z can undo; False (and the failure
        reported) when the disk refused."""
        return self._save(records, typed=False)

    def _save(self, records: tuple[object, ...], typed: bool) -> bool:
        befores = [self._stored(record) for record in records]
        saved = 0
        try:
            for record in records:
                self._store.save(record)
                saved += 1
        except StoreError as error:
            # Typed text stays pending; a refused save is kept for keep_mine.
            self._refused_by(error, None if typed else Refused(records[saved:]))
            return False
        finally:
            if saved:  # what was written before a failure is on disk: it is a change too
                self._written({type(record) for record in records[:saved]})
                # Copies: a screen may change its record objects after saving them.
                pairs = [(before, copy.deepcopy(after))
                         for before, after in zip(befores[:saved], records[:saved], strict=True)
                         if before != after]
                if pairs:
                    self._history.record(save_change(pairs, typed))
        return True

    def save_and_delete(self, saved: Sequence[object], deleted: Sequence[object]) -> bool:
        """Save `saved`, then delete `deleted`, as one change ctrl+z undoes (a tick of a done
        occurrence deletes its copy and moves the series back); False when refused."""
        before = self._history.recorded
        written = self.save(*saved) and self.delete(*deleted, announced=False)
        self._history.join_newest(self._history.recorded - before)
        return written

    def delete(self, *records: object, announced: bool = True) -> bool:
        """Delete `records` in one write, as one change ctrl+z can undo (and, if `announced`,
        said so); False (and the failure reported) when refused."""
        stored = [found for found in map(self._stored, records) if found is not None]
        try:
            self._store.delete_many(records)
        except StoreError as error:
            self._refused_by(error, Refused(records, delete=True))
            return False
        if records:
            self._written({type(record) for record in records})
        if stored:
            change = delete_change(stored)
            self._history.record(change)
            if announced and self.announce is not None:
                self.announce(f"{change.label[0].upper()}{change.label[1:]}. "
                              "ctrl+z brings it back.")
        return True

    def _refused_by(self, error: StoreError, refused: Refused | None) -> None:
        """Report `error`; a write that another program's change stopped is kept, for keep_mine."""
        if isinstance(error, OutsideChangeError) and refused is not None:
            self._refused.append(refused)
        self.report(error)

    def replace_plan(self, plan: Plan) -> tuple[Path | None, list[str]]:
        """Put `plan` in place of the current one (an import), first keeping a copy of a
        non-empty plan file; returns where the copy went and the notes of what cleaning its
        text removed. Raises StoreError: the caller says what happened in its own words."""
        self.flush_saves()
        before = self._store.load()
        kept, cleaned = self._store.import_plan(plan)
        self._pending.clear()  # typed into the plan that is gone
        self._written(set(RECORD_KINDS))
        self._history.record(import_change(before, self._store.load()))
        return kept, cleaned

    # Taking changes back --------------------------------------------------------------------

    @property
    def can_undo(self) -> bool:
        return self._history.to_undo() is not None

    @property
    def can_redo(self) -> bool:
        return self._history.to_redo() is not None

    def undo(self) -> str | None:
        """Take back the newest change (typed text first saved, so it is that change); what
        it was in words ("deleted the goal “…”"), or None when there is nothing to undo or
        the disk refused (reported)."""
        self.flush_saves()
        change = self._history.to_undo()
        if change is None or not self._apply(change.inverse()):
            return None
        self._history.undone()
        return change.label

    def redo(self) -> str | None:
        """Do the newest undone change again; what it was, or None (see undo)."""
        change = self._history.to_redo()
        if change is None or not self._apply(change):
            return None
        self._history.redone()
        return change.label

    def _apply(self, change: Change) -> bool:
        """Bring each record of `change` (or the whole plan) to its `after` state, without
        recording it as a new change; False (and the failure reported) when refused."""
        kinds: set[type] = set()
        try:
            if change.plans is not None:
                kinds = set(RECORD_KINDS)
                self._store.replace_plan(change.plans[1])
                self._pending.clear()
                return True
            gone = [before for before, after in change.records
                    if after is None and before is not None]
            for _, after in change.records:
                if after is not None:
                    kinds.add(type(after))
                    self._store.save(after)
            kinds |= {type(record) for record in gone}
            self._store.delete_many(gone)
        except StoreError as error:
            self.report(error)
            return False
        finally:
            if kinds:
                self._written(kinds)
        return True

    @property
    def cleaned_on_open(self) -> list[str]:
        """What was taken out of the plan's text when it was opened (notes by field)."""
        return self._store.cleaned

    def prepare_to_save(self) -> None:
        """At an idle moment: make the first save as quick as the others."""
        self._store.prepare_to_save()

    def save_soon(self, record: object) -> None:
        """Save `record` after a short pause in typing; the newest version of each record wins."""
        self._pending[(type(record), getattr(record, "id", None))] = record
        if self._flush is not None:
            self._flush.stop()
            self._flush = None
        if self.schedule is not None:
            self._flush = self.schedule(SAVE_DELAY, self.flush_saves)

    @property
    def unsaved(self) -> bool:
        """True while typed records wait to be written (or failed to be)."""
        return bool(self._pending)

    def flush_saves(self) -> bool:
        """Write every pending record now (and the history copy a save left); True when all
        records were saved.

        A record that cannot be written stays pending, for the next flush or quit; a newer
        edit of it replaces it.
        """
        if self._flush is not None:
            self._flush.stop()
            self._flush = None
        saved_all = True
        for key, record in list(self._pending.items()):
            # Pending until written: a failure report (and what it shows) still counts it.
            if self._save((record,), typed=True):
                if self._pending.get(key) is record:
                    del self._pending[key]
            else:
                saved_all = False
        self.keep_copies()
        return saved_all

    # Another program changed the plan file -------------------------------------------------

    def outside_change(self) -> OutsideChangeError | None:
        """What another program did to the plan file since careertui last read or wrote it
        (a stat: cheap enough for every screen shown)."""
        return self._store.outside_change()

    def unsaved_changes(self) -> list[tuple[str, list[tuple[str, str]]]]:
        """What is not saved yet, in words: (what, [(field, its new value)...]) for each
        change refused or still pending, the newest last."""
        changes: list[tuple[str, list[tuple[str, str]]]] = []
        for refused in [*self._refused, *(Refused((r,)) for r in self._pending.values())]:
            for record in refused.records:
                if refused.delete:
                    changes.append((f"delete {record_label(record)}", []))
                else:
                    changes.append((record_label(record),
                                    changed_fields(record, self._stored(record))))
        return changes

    def _stored(self, record: object) -> object | None:
        """`record` as the plan here holds it (None for a record it does not have)."""
        kind = type(record)
        if kind in SINGLETON_TABLES:
            return self._store.get(kind)
        return self._store.find(kind, getattr(record, "id", ""))

    def keep_mine(self) -> Path | None:
        """Keep the other program's version beside the plan file (where, returned), then write
        the plan as it is here, with every change that was refused. Raises StoreError."""
        aside = self._store.keep_mine()
        refused, self._refused = self._refused, []
        for change in refused:
            if change.delete:
                self.delete(*change.records)
            else:
                self.save(*change.records)
        self.flush_saves()
        return aside

    def reload(self) -> list[str]:
        """Take the plan file as the other program left it; what was not saved here is dropped
        (the caller has shown it). Returns the notes of what cleaning its text removed; raises
        StoreError when that version cannot be used."""
        cleaned = self._store.reload()
        self._refused.clear()
        self._pending.clear()
        self._history.clear()  # the changes were made to a plan that is no longer here
        self._written(set(RECORD_KINDS))
        return cleaned
