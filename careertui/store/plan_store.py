"""The store API: model objects in, model objects out; screens never touch TinyDB tables."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from contextlib import AbstractContextManager, nullcontext
from datetime import date, datetime
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

from tinydb.table import Document

from careertui.compat import forget_tables
from careertui.model.codec import DecodeError, decode, encode
from careertui.model.plan import (
    Action,
    Assessment,
    CheckIn,
    Destination,
    Goal,
    Milestone,
    Need,
    Plan,
    Profile,
    Settings,
)
from careertui.model.text_cleaning import clean_plan
from careertui.store import backups
from careertui.store.database import OpenedDatabase, memory_database, open_database, up_to_date
from careertui.store.errors import OutsideChangeError, StorageWriteError, StoreError
from careertui.store.idle_work import IdleWork
from careertui.store.plan_check import UsablePlan, usable_plan
from careertui.store.plan_format import RawData
from careertui.store.record_copy import copy_record
from careertui.store.storage import AtomicJSONStorage

T = TypeVar("T")
# A record of a collection table: each has its own stable `id`.
Record = Assessment | Need | Goal | Action | CheckIn | Milestone

# One document per table, always doc id 1.
SINGLETON_TABLES: dict[type, str] = {
    Profile: "profile",
    Destination: "destination",
    Settings: "settings",
}
COLLECTION_TABLES: dict[type, str] = {
    Assessment: "assessments",
    Need: "needs",
    Goal: "goals",
    Action: "actions",
    CheckIn: "checkins",
    Milestone: "milestones",
}
_SINGLETON_DOC_ID = 1


def plan_from_tables(data: RawData) -> Plan:
    """The Plan in raw TinyDB data; raises DecodeError naming the first field that does not fit."""
    # Plan's fields are named as the tables: one keyword per table.
    fields: dict[str, Any] = {}
    for cls, table_name in SINGLETON_TABLES.items():
        document = data.get(table_name, {}).get(str(_SINGLETON_DOC_ID))
        fields[table_name] = cls() if document is None else decode(cls, document, table_name)
    for record_cls, table_name in COLLECTION_TABLES.items():
        fields[table_name] = [
            decode(record_cls, document, f"{table_name}[{index}]")
            for index, document in enumerate(data.get(table_name, {}).values())
        ]
    return Plan(**fields)


def plan_to_tables(plan: Plan, meta: dict[str, dict[str, Any]]) -> RawData:
    """Raw TinyDB data holding `plan` and the `meta` table."""
    data = {"meta": meta}
    for table_name in SINGLETON_TABLES.values():
        data[table_name] = {str(_SINGLETON_DOC_ID): encode(getattr(plan, table_name))}
    for table_name in COLLECTION_TABLES.values():
        records = getattr(plan, table_name)
        data[table_name] = {str(i): encode(r) for i, r in enumerate(records, start=1)}
    return data


class PlanStore(IdleWork):
    """Reads and writes one plan; every save is one atomic write of the plan file."""

    def __init__(self, opened: OpenedDatabase) -> None:
        self._opened = opened
        self._db = opened.db
        # Stable record id -> TinyDB document id, per table, built on first use.
        self._doc_ids: dict[str, dict[str, int]] = {}
        # What clean_plan removed from the plan's text when it was opened (notes by field).
        self.cleaned: list[str] = []
        # TinyDB document id -> decoded record, per collection table, read on first use and
        # kept in step with each write: decoding thousands of records is what reading costs.
        # (Any: each table holds records of its own class.)
        self._records: dict[str, dict[int, Any]] = {}
        # Table name -> the tuple shared() hands out, until a write changes the table.
        self._shared: dict[str, tuple[Any, ...]] = {}

    @classmethod
    def open(cls, path: Path, today: Callable[[], date] = date.today,
             now: Callable[[], datetime] = datetime.now) -> PlanStore:
        """Open (or create) the plan file at `path`; raises a StoreError the CLI can print."""
        opened = open_database(path, today, now)
        store, file = cls(opened), opened.path
        assert file is not None  # open_database opens a file, never a memory plan
        try:
            storage = store._file_storage()
            # Checked as decoded, not copied: cleaning and checking change nothing they are given.
            usable = usable_plan(store.shared_plan, file, storage is not None and storage.trusted)
            store.cleaned = usable.notes
            store._store_as_read(usable, opened.migrated)
        except StoreError:
            if storage is not None:
                storage.compacts_on_close = False  # a plan refused stays as it was, journal too
            store.close()
            raise
        return store

    def _store_as_read(self, usable: UsablePlan, migrated: bool) -> None:
        """Write back the plan just read and checked when it differs from the file: its text
        cleaned, or its data `migrated` to the current schema."""
        if (file := self._file_storage()) is not None:
            file.journal.checked = True  # the plan passed the checks, and later changes are ours
        if usable.changed:
            # Text a terminal would act on came from outside (a hand edit, a sync): it is
            # stored clean from now on; the daily backup and the history keep the file.
            self.replace_plan(usable.plan)
        elif migrated:
            # Through the storage, so the daily backup keeps the file as it was before.
            storage = self._db.storage
            storage.write(storage.read() or {})
        self.compact()

    def compact(self) -> None:
        """Write the plan file whole now with every change saved since it last was (they are in
        the journal beside it until then), as opening, closing and a long journal do: for an
        idle moment, so that a program reading the plan file alone (a sync tool) finds it up
        to date. A StoreError when it cannot; the changes stay safe in the journal."""
        if (file := self._file_storage()) is not None:
            file.compact()

    @classmethod
    def in_memory(cls) -> PlanStore:
        return cls(memory_database())

    @property
    def path(self) -> Path | None:
        return self._opened.path

    def close(self) -> None:
        self._opened.close()

    def load(self) -> Plan:
        """The whole plan; raises DecodeError naming the first field that does not fit."""
        return self._plan(self.all)

    def shared_plan(self) -> Plan:
        """The whole plan made of the shared records (see shared): read-only."""
        return self._plan(lambda cls: list(self.shared(cls)))

    def _plan(self, records: Callable[[type], list[Any]]) -> Plan:
        # Plan's fields are named as the tables: one keyword per table.
        fields: dict[str, Any] = {name: self.get(cls) for cls, name in SINGLETON_TABLES.items()}
        fields.update((name, records(cls)) for cls, name in COLLECTION_TABLES.items())
        return Plan(**fields)

    def get(self, cls: type[T]) -> T:
        """The one Profile, Destination or Settings of the plan (defaults when never saved)."""
        table_name = SINGLETON_TABLES[cls]
        document = self._db.table(table_name).get(doc_id=_SINGLETON_DOC_ID)
        return cls() if document is None else decode(cls, dict(document), table_name)

    def all(self, cls: type[T]) -> list[T]:
        """Every record of a collection, in the order they were added.

        The records are the caller's own: changing one changes nothing stored until it is saved.
        """
        records: dict[int, T] = self._decoded(COLLECTION_TABLES[cls])
        return [copy_record(record) for record in records.values()]

    def shared(self, cls: type[T]) -> tuple[T, ...]:
        """Every record of a collection, in the order they were added, read-only: the store's
        own decoded records, not copies, so a caller must never change one (copy it with all()
        or find() to edit). The same tuple object comes back on each call until a write changes
        the table: `shared(cls) is before` says that nothing in it changed."""
        table_name = COLLECTION_TABLES[cls]
        records = self._shared.get(table_name)
        if records is None:
            records = self._shared[table_name] = tuple(self._decoded(table_name).values())
        return records

    def find(self, cls: type[T], record_id: str) -> T | None:
        """The collection record of `cls` with the stable id `record_id` (the caller's own
        copy), or None when there is none."""
        table_name = COLLECTION_TABLES[cls]
        doc_id = self._doc_id_index(table_name).get(record_id)
        return None if doc_id is None else copy_record(self._decoded(table_name)[doc_id])

    def _decoded(self, table_name: str) -> dict[int, Any]:
        """Document id -> record of the table, decoded once (records of the table's class)."""
        records = self._records.get(table_name)
        if records is None:
            cls = _COLLECTION_CLASSES[table_name]
            records = {
                int(doc_id): decode(cls, document, f"{table_name}[{index}]")
                for index, (doc_id, document) in enumerate(self._documents(table_name))
            }
            self._records[table_name] = records
        return records

    def save(self, record: object) -> None:
        """Insert or update one record (or the Profile, Destination or Settings)."""
        cls = type(record)
        if cls in SINGLETON_TABLES:
            table = self._db.table(SINGLETON_TABLES[cls])
            with self._expecting({table.name: {str(_SINGLETON_DOC_ID)}}):
                table.upsert(Document(encode(record), doc_id=_SINGLETON_DOC_ID))
            return
        table_name, stored = _collection_table(record)
        table = self._db.table(table_name)
        doc_ids = self._doc_id_index(table_name)
        doc_id = doc_ids.get(stored.id)
        document = encode(record)
        if doc_id is None:
            with self._expecting({table_name: set()}):
                doc_id = doc_ids[stored.id] = table.insert(document)
        else:
            self._update(table_name, doc_id, document)
        self._remember(table_name, doc_id, document)

    def _update(self, table_name: str, doc_id: int, document: dict[str, Any]) -> None:
        """What TinyDB's upsert of a stored document does (its fields updated), without the
        two copies of the whole table that upsert makes: a save of one record of thousands."""
        storage = self._db.storage
        data = storage.read() or {}
        table, key = data[table_name], str(doc_id)
        table[key] = {**table[key], **document}  # a failed write puts the stored one back
        with self._expecting({table_name: {key}}):
            storage.write(data)
        self._db.table(table_name).clear_cache()

    def _remember(self, table_name: str, doc_id: int, document: dict[str, Any]) -> None:
        """Keep the decoded records in step with a document just written."""
        self._shared.pop(table_name, None)
        records = self._records.get(table_name)
        if records is None:
            return
        try:
            # Decoded, not copied: the same record a fresh read of the file would give.
            records[doc_id] = decode(_COLLECTION_CLASSES[table_name], document, table_name)
        except DecodeError:
            del self._records[table_name]  # the next read decodes the file and reports it

    def delete(self, record: object) -> None:
        """Remove one collection record; a record that is not stored is ignored."""
        self.delete_many([record])

    def delete_many(self, records: Iterable[object]) -> None:
        """Remove collection records, of any tables, in one atomic write (a goal and its items).

        Records that are not stored are ignored; nothing is written when none is.
        """
        doomed: dict[str, dict[str, int]] = {}
        for record in records:
            table_name, stored = _collection_table(record)
            doc_id = self._doc_id_index(table_name).get(stored.id)
            if doc_id is not None:
                doomed.setdefault(table_name, {})[stored.id] = doc_id
        if not doomed:
            return
        # New dicts, not the stored ones changed in place: a failed write leaves those intact.
        data = dict(self._db.storage.read() or {})
        for table_name, gone in doomed.items():
            removed = {str(doc_id) for doc_id in gone.values()}
            data[table_name] = {key: document for key, document in data[table_name].items()
                                if key not in removed}
        with self._expecting({table_name: set() for table_name in doomed}):
            self._db.storage.write(data)
        for table_name, gone in doomed.items():  # only once the write succeeded
            self._db.table(table_name).clear_cache()
            self._shared.pop(table_name, None)
            records = self._records.get(table_name, {})
            for record_id, doc_id in gone.items():
                del self._doc_ids[table_name][record_id]
                records.pop(doc_id, None)

    def replace_plan(self, plan: Plan) -> list[str]:
        """Replace everything with `plan` in one atomic write (demo data, import), its text
        cleaned as typed text is (see clean_plan); the notes of what that removed."""
        plan, notes = clean_plan(plan)
        storage = self._db.storage
        current = storage.read() or {}
        if (file := self._file_storage()) is not None:
            # However recent the history's last copy, the whole plan it replaces goes there.
            file.keep_own_version()
        storage.write(plan_to_tables(plan, current.get("meta", {})))
        self._forget_caches()
        return notes

    def _forget_caches(self) -> None:
        """After the whole plan changed: the Table objects' next ids and query caches, and the
        decoded records, are stale."""
        forget_tables(self._db)
        self._doc_ids.clear()
        self._records.clear()
        self._shared.clear()

    # Another program changed the file ------------------------------------------------------

    def outside_change(self) -> OutsideChangeError | None:
        """What another program did to the plan file since careertui last read or wrote it."""
        storage = self._file_storage()
        return storage.outside_change() if storage is not None else None

    def reload(self) -> list[str]:
        """Read the plan file again as another program left it, checked and cleaned as on open;
        returns the notes of what cleaning removed. A StoreError (and the plan here unchanged)
        when that version cannot be used."""
        storage = self._file_storage()
        if storage is None:
            return []
        raw, data = storage.read_disk()
        migrated = up_to_date(data, storage.path)
        usable = usable_plan(partial(plan_from_tables, data), storage.path)
        storage.keep_own_version()  # what careertui last wrote, for --restore-backup
        storage.take_theirs(raw, data)
        self._forget_caches()
        self._store_as_read(usable, migrated)
        return usable.notes

    def keep_mine(self) -> Path | None:
        """Keep the plan file as another program left it beside it (where, returned; None when
        it was removed), then write the plan as it is here over it; OutsideChangeError, and
        nothing written, when the file changed once more meanwhile."""
        storage = self._file_storage()
        if storage is None:
            return None
        return storage.overwrite(partial(backups.keep_copy, storage.path, "outside"))

    def _expecting(self, changes: dict[str, set[str]]) -> AbstractContextManager[None]:
        """Tell the file storage which documents the next write changes (see expecting)."""
        storage = self._file_storage()
        return storage.expecting(changes) if storage is not None else nullcontext()

    def _file_storage(self) -> AtomicJSONStorage | None:
        storage = self._db.storage
        return storage if isinstance(storage, AtomicJSONStorage) else None

    def import_plan(self, plan: Plan) -> tuple[Path | None, list[str]]:
        """Replace the plan with `plan`, first keeping a copy of a non-empty plan file.

        Returns where the copy went (None for an empty or in-memory plan) and the notes of
        what cleaning its text removed."""
        if (change := self.outside_change()) is not None:
            raise change  # before any copy: the copy would be of the other program's version
        kept = None if self.load().is_empty else self.keep_copy("before-import")
        return kept, self.replace_plan(plan)

    def keep_copy(self, label: str) -> Path | None:
        """Keep the plan as saved (its journal's changes in it) beside the plan file as
        `<name>.<label>-<time>` (None in memory)."""
        if (storage := self._file_storage()) is None:
            return None
        try:
            return backups.keep_copy(storage.path, label, storage.saved_file())
        except OSError as error:
            raise StorageWriteError(storage.path, error) from error

    def _doc_id_index(self, table_name: str) -> dict[str, int]:
        index = self._doc_ids.get(table_name)
        if index is None:
            documents = self._documents(table_name)
            index = {document["id"]: int(doc_id) for doc_id, document in documents}
            self._doc_ids[table_name] = index
        return index

    def _documents(self, table_name: str) -> Iterable[tuple[str, dict[str, Any]]]:
        """(document id, document) of a table as stored, read-only: what table.all() holds
        without the copy of each document that it makes."""
        return ((self._db.storage.read() or {}).get(table_name, {})).items()


_COLLECTION_CLASSES = {table_name: cls for cls, table_name in COLLECTION_TABLES.items()}


def _collection_table(record: object) -> tuple[str, Record]:
    """The table of a collection record, and the record typed as one; KeyError otherwise."""
    if not isinstance(record, Record):
        raise KeyError(type(record))
    return COLLECTION_TABLES[type(record)], record
