"""Read a plan file without locking it, checked exactly as opening it checks (exports, restore)."""

from __future__ import annotations

from functools import partial
from pathlib import Path

from careertui.model.plan import Plan
from careertui.store import backups, files
from careertui.store.database import up_to_date
from careertui.store.errors import (
    CorruptPlanError,
    JournalError,
    MissingPlanError,
    StorageReadError,
)
from careertui.store.journal_file import replayed
from careertui.store.plan_check import usable_plan
from careertui.store.plan_format import parse_plan
from careertui.store.plan_store import plan_from_tables


def read_plan(path: Path) -> Plan:
    """The plan at `path`, never changing the file; raises a StoreError the CLI can print.

    The app appends each save to the journal beside the file, and replaces the file
    atomically when it compacts the journal, so reading both without the lock always sees
    one whole saved state (the journal's changes made to the file they follow).
    """
    path = Path(path).expanduser()
    raw = _read(path)
    for _ in range(2):
        try:
            return plan_from_bytes(raw, path, journal=True)
        except JournalError:
            again = _read(path)
            if again == raw:
                raise
            raw = again  # the app compacted its journal between reading the file and it
    return plan_from_bytes(raw, path, journal=True)


def _read(path: Path) -> bytes:
    try:
        return files.read_file(path)
    except FileNotFoundError:
        raise MissingPlanError(path) from None
    except OSError as error:
        raise StorageReadError(path, error) from error


def plan_from_bytes(raw: bytes, path: Path, journal: bool = False) -> Plan:
    """The plan a plan file's bytes hold (with the changes of the journal beside `path` when
    `journal`), checked as on open (shape, schema, every field, the rules of the forms) and
    brought up to the current schema in memory; a StoreError naming `path` (where the bytes
    come from) when careertui cannot use them."""
    try:
        data = parse_plan(raw)
    except ValueError as error:
        raise CorruptPlanError(path, str(error), backups.newest_backup(path)) from None
    if journal:
        replayed(path.resolve(), raw, data)  # the journal is beside the file a link names
    up_to_date(data, path)  # in memory only; refuses a newer schema
    return usable_plan(partial(plan_from_tables, data), path).plan  # cleaned in memory only
