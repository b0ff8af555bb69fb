"""PlanSession: the one typed object screens read and save the plan through and ask what changed."""

from __future__ import annotations

import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Protocol, TypeVar

from careertui.model.plan import Plan
from careertui.store.errors import StoreError
from careertui.store.plan_store import COLLECTION_TABLES, SINGLETON_TABLES, PlanStore

T = TypeVar("T")
# Seconds of quiet after the last keystroke before typed text is written to disk.
SAVE_DELAY = 0.4
# Every kind of record a plan holds; an import or a new plan changes all of them.
RECORD_KINDS: tuple[type, ...] = (*SINGLETON_TABLES, *COLLECTION_TABLES)


class Scheduled(Protocol):
    """A pending call that can be called off (a Textual Timer is one)."""

    def stop(self) -> None: ...


# schedule(delay, callback) calls callback once after `delay` seconds.
Schedule = Callable[[float, Callable[[], object]], Scheduled]


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
        schedule: Schedule | None = None,
        report: Callable[[StoreError], None] = print_error,
    ) -> None:
        self._store = store  # written only here, so every write counts in the revisions
        self.today = today
        # Exports are suggested next to the plan (a temporary demo plan passes another folder).
        plan_path = store.path
        self.export_dir = export_dir or (plan_path.parent if plan_path else Path.cwd())
        self.export_stem = plan_path.stem if plan_path else "plan"
        self.schedule = schedule
        self.report = report
        self._revision = 0
        self._revision_of: dict[type, int] = {}
        self._pending: dict[tuple[type, str | None], object] = {}
        self._flush: Scheduled | None = None

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

    def load(self) -> Plan:
        """The whole plan."""
        return self._store.load()

    # Writing --------------------------------------------------------------------------------

    def save(self, *records: object) -> bool:
        """Write `records` now; False (and the failure reported) when the disk refused."""
        written: set[type] = set()
        try:
            for record in records:
                self._store.save(record)
                written.add(type(record))
        except StoreError as error:
            self.report(error)
            return False
        finally:
            if written:  # what was written before a failure is on disk: it is a change too
                self._written(written)
        return True

    def delete(self, *records: object) -> bool:
        """Delete `records` in one write; False (and the failure reported) when refused."""
        try:
            self._store.delete_many(records)
        except StoreError as error:
            self.report(error)
            return False
        if records:
            self._written({type(record) for record in records})
        return True

    def replace_plan(self, plan: Plan) -> Path | None:
        """Put `plan` in place of the current one (an import), first keeping a copy of a
        non-empty plan file; returns where the copy went. Raises StoreError: the caller says
        what happened in its own words."""
        self.flush_saves()
        kept = self._store.import_plan(plan)
        self._pending.clear()  # typed into the plan that is gone
        self._written(set(RECORD_KINDS))
        return kept

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
        """Write every pending record now; True when all were saved.

        A record that cannot be written stays pending, for the next flush or quit; a newer
        edit of it replaces it.
        """
        if self._flush is not None:
            self._flush.stop()
            self._flush = None
        pending = list(self._pending.items())
        self._pending.clear()
        saved_all = True
        for key, record in pending:
            if not self.save(record):
                self._pending.setdefault(key, record)
                saved_all = False
        return saved_all
