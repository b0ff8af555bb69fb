"""The store API: model objects in, model objects out; screens never touch TinyDB tables."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TypeVar

from tinydb.table import Document

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
from careertui.store import backups
from careertui.store.database import OpenedDatabase, memory_database, open_database
from careertui.store.errors import CorruptPlanError, StorageWriteError
from careertui.store.plan_check import checked, wrong_shape

T = TypeVar("T")

# One document per table, always doc id 1.
SINGLETON_TABLES: dict[type, str] = {
    Profile: "profile",
    Destination: "destination",
    Settings: "settings",
}
# Records with their own stable `id`.
COLLECTION_TABLES: dict[type, str] = {
    Assessment: "assessments",
    Need: "needs",
    Goal: "goals",
    Action: "actions",
    CheckIn: "checkins",
    Milestone: "milestones",
}
_SINGLETON_DOC_ID = 1


def plan_from_tables(data: dict) -> Plan:
    """The Plan in raw TinyDB data; raises DecodeError naming the first field that does not fit."""
    singletons = {}
    for cls, table_name in SINGLETON_TABLES.items():
        document = data.get(table_name, {}).get(str(_SINGLETON_DOC_ID))
        singletons[table_name] = cls() if document is None else decode(cls, document, table_name)
    collections = {
        table_name: [
            decode(cls, document, f"{table_name}[{index}]")
            for index, document in enumerate(data.get(table_name, {}).values())
        ]
        for cls, table_name in COLLECTION_TABLES.items()
    }
    return Plan(**singletons, **collections)


def plan_to_tables(plan: Plan, meta: dict) -> dict:
    """Raw TinyDB data holding `plan` and the `meta` table."""
    data = {"meta": meta}
    for table_name in SINGLETON_TABLES.values():
        data[table_name] = {str(_SINGLETON_DOC_ID): encode(getattr(plan, table_name))}
    for table_name in COLLECTION_TABLES.values():
        records = getattr(plan, table_name)
        data[table_name] = {str(i): encode(r) for i, r in enumerate(records, start=1)}
    return data


class PlanStore:
    """Reads and writes one plan; every save is one atomic write of the plan file."""

    def __init__(self, opened: OpenedDatabase) -> None:
        self._opened = opened
        self._db = opened.db
        # Stable record id -> TinyDB document id, per table, built on first use.
        self._doc_ids: dict[str, dict[str, int]] = {}

    @classmethod
    def open(cls, path: Path, today: Callable[[], date] = date.today) -> PlanStore:
        """Open (or create) the plan file at `path`; raises a StoreError the CLI can print."""
        store = cls(open_database(path, today))
        try:
            checked(store.load(), store.path)
        except DecodeError as error:
            store.close()
            raise wrong_shape(store.path, error) from None
        except CorruptPlanError:
            store.close()
            raise
        return store

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
        return plan_from_tables(self._db.storage.read() or {})

    def get(self, cls: type[T]) -> T:
        """The one Profile, Destination or Settings of the plan (defaults when never saved)."""
        table_name = SINGLETON_TABLES[cls]
        document = self._db.table(table_name).get(doc_id=_SINGLETON_DOC_ID)
        return cls() if document is None else decode(cls, dict(document), table_name)

    def all(self, cls: type[T]) -> list[T]:
        """Every record of a collection, in the order they were added."""
        table_name = COLLECTION_TABLES[cls]
        return [
            decode(cls, dict(document), f"{table_name}[{index}]")
            for index, document in enumerate(self._db.table(table_name).all())
        ]

    def save(self, record: object) -> None:
        """Insert or update one record (or the Profile, Destination or Settings)."""
        cls = type(record)
        if cls in SINGLETON_TABLES:
            table = self._db.table(SINGLETON_TABLES[cls])
            table.upsert(Document(encode(record), doc_id=_SINGLETON_DOC_ID))
            return
        table_name = COLLECTION_TABLES[cls]
        table = self._db.table(table_name)
        doc_ids = self._doc_id_index(table_name)
        doc_id = doc_ids.get(record.id)
        if doc_id is None:
            doc_ids[record.id] = table.insert(encode(record))
        else:
            table.upsert(Document(encode(record), doc_id=doc_id))

    def delete(self, record: object) -> None:
        """Remove one collection record; a record that is not stored is ignored."""
        table_name = COLLECTION_TABLES[type(record)]
        doc_ids = self._doc_id_index(table_name)
        doc_id = doc_ids.get(record.id)
        if doc_id is not None:
            self._db.table(table_name).remove(doc_ids=[doc_id])
            del doc_ids[record.id]  # only once the write succeeded

    def replace_plan(self, plan: Plan) -> None:
        """Replace everything with `plan` in one atomic write (demo data, import)."""
        storage = self._db.storage
        current = storage.read() or {}
        storage.write(plan_to_tables(plan, current.get("meta", {})))
        # TinyDB caches Table objects (next id, query results); drop them after a raw write.
        self._db._tables.clear()
        self._doc_ids.clear()

    def import_plan(self, plan: Plan) -> Path | None:
        """Replace the plan with `plan`, first keeping a copy of a non-empty plan file.

        Returns where the copy went (None for an empty or in-memory plan)."""
        kept = None if self.load().is_empty else self.keep_copy("before-import")
        self.replace_plan(plan)
        return kept

    def keep_copy(self, label: str) -> Path | None:
        """Copy the plan file beside itself as `<name>.<label>-<time>` (None in memory)."""
        if self.path is None:
            return None
        try:
            return backups.keep_copy(self.path, label)
        except OSError as error:
            raise StorageWriteError(self.path, error) from error

    def _doc_id_index(self, table_name: str) -> dict[str, int]:
        index = self._doc_ids.get(table_name)
        if index is None:
            table = self._db.table(table_name)
            index = {document["id"]: document.doc_id for document in table.all()}
            self._doc_ids[table_name] = index
        return index
