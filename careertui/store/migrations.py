"""Plan schema version and the ordered migrations that bring an older file up to it."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from pathlib import Path

from careertui.store.errors import NewerSchemaError
from careertui.store.plan_format import RawData

SCHEMA_VERSION = 2
META_TABLE = "meta"
META_DOC_ID = "1"
LIST_TABLES = ("assessments", "needs", "goals", "actions", "checkins", "milestones")


def new_plan_data() -> RawData:
    """The raw TinyDB data of a new, empty plan."""
    return {META_TABLE: {META_DOC_ID: {"schema_version": SCHEMA_VERSION}}}


def schema_version_of(data: RawData) -> int:
    """0 for a prototype file without a meta table; ValueError if the meta table is malformed."""
    if META_TABLE not in data:
        return 0
    version = data[META_TABLE].get(META_DOC_ID, {}).get("schema_version")
    if type(version) is not int or version < 0:
        raise ValueError(f"table 'meta' has no valid schema_version (found {version!r})")
    return version


def migrate_0_to_1(data: RawData) -> None:
    """Give every record of the list tables a stable id (TinyDB reuses document ids)."""
    for table_name in LIST_TABLES:
        for document in data.get(table_name, {}).values():
            if not document.get("id"):
                document["id"] = uuid.uuid4().hex


def migrate_1_to_2(data: RawData) -> None:
    """Nothing to change: schema 2 lets a snapshot hold an interest check and a mentor's view,
    and action items, milestones and check-ins the skills they are evidence of; a schema 1 file
    has none of these, which is what its missing fields read as. The version moves so that an
    older careertui refuses such a file as newer, not as corrupt."""


# MIGRATIONS[n] turns schema n into n + 1.
MIGRATIONS: list[Callable[[RawData], None]] = [migrate_0_to_1, migrate_1_to_2]


def migrate(data: RawData, path: Path) -> bool:
    """Bring `data` up to SCHEMA_VERSION in place; False if it already was.

    Refuses a newer file (NewerSchemaError) before changing anything.
    """
    found = schema_version_of(data)
    if found > SCHEMA_VERSION:
        raise NewerSchemaError(path, found, SCHEMA_VERSION)
    for version in range(found, SCHEMA_VERSION):
        MIGRATIONS[version](data)
        meta = data.setdefault(META_TABLE, {}).setdefault(META_DOC_ID, {})
        meta["schema_version"] = version + 1
    return found < SCHEMA_VERSION
