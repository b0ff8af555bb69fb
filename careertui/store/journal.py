"""The journal format: checksummed lines of the changes saved since the plan file was written."""

from __future__ import annotations

import hashlib
import json
import re
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import islice
from pathlib import Path
from typing import Any

from careertui.model.integrity import RULES
from careertui.store.plan_format import Document, RawData

# A change: {"drop": [table], "all": {table: whole table}, "del": {table: [document id]},
# "put": {table: {document id: document}}}, each part only when it has something.
Change = dict[str, Any]
_PARTS = ("drop", "all", "del", "put")
_LINE = re.compile(rb"([0-9a-f]{8}) (.*)")
_ENCODE = json.JSONEncoder(ensure_ascii=True, separators=(",", ":"), check_circular=False).encode


def journal_path(plan: Path) -> Path:
    """The journal beside the plan file `plan`."""
    return plan.with_name(f"{plan.name}.journal")


@lru_cache(maxsize=4)  # asked several times of the same bytes on open
def plan_hash(raw: bytes) -> str:
    """What a journal names the plan file by: the SHA-256 of its bytes."""
    return hashlib.sha256(raw).hexdigest()


def line(record: dict[str, Any]) -> bytes:
    """One journal line: the CRC-32 of the record's JSON (ASCII), a space, the JSON, a newline."""
    body = _ENCODE(record).encode("ascii")
    return b"%08x %s\n" % (zlib.crc32(body), body)


def header(raw: bytes, checked: bool) -> bytes:
    """The first line of a journal of changes to the plan file whose bytes are `raw`; it says
    the plan passed the checks of opening under the current RULES when `checked`, so the next
    open that finds the same file (the journal's changes are careertui's own) need not check
    it again."""
    record: dict[str, Any] = {"journal": 1, "plan": plan_hash(raw)}
    if checked:
        record["rules"] = RULES
    return line(record)


def compacted(raw: bytes) -> bytes:
    """The line saying that the plan file `raw` now holds every change above it."""
    return line({"compacted": plan_hash(raw)})


class BrokenLineError(ValueError):
    """A line of the journal, not its last, that cannot be read: the changes after it were
    made on top of it."""

    def __init__(self, number: int) -> None:
        super().__init__(f"line {number} cannot be read")
        self.number = number


@dataclass
class Journal:
    """What a journal's bytes hold: the plan file it follows (`plan`, a hash; None for a journal
    whose header never reached the disk), its changes, and how many of its bytes are whole."""

    plan: str | None = None
    checked: bool = False  # under the current RULES (see header)
    changes: list[Change] = field(default_factory=list)
    compacted: str | None = None  # the plan file that holds the changes, once compacted
    whole: int = 0

    def applies_to(self, raw: bytes) -> bool:
        """True when the journal follows the plan file `raw`: its changes were made to it."""
        return self.plan == plan_hash(raw)

    def holds_nothing_for(self, raw: bytes) -> bool:
        """True when the plan file `raw` already holds everything the journal saved."""
        return not self.changes or (self.compacted is not None
                                    and self.compacted == plan_hash(raw))


def parse_journal(raw: bytes) -> Journal:
    """The journal in `raw`. A last line that is torn or does not check (a save killed while
    it was written) is dropped; BrokenLineError for any other line that cannot be read."""
    journal = Journal()
    lines = raw.split(b"\n")
    offset = 0
    for number, text in enumerate(lines[:-1], start=1):
        record = _record(text)
        if record is None:
            if number < len(lines) - 1 or lines[-1]:
                raise BrokenLineError(number)
            break  # the last line, torn or unchecked: never acknowledged as saved
        if number == 1:
            if record.get("journal") != 1 or not isinstance(record.get("plan"), str):
                raise BrokenLineError(1)
            journal.plan = record["plan"]
            journal.checked = record.get("rules") == RULES
        elif "compacted" in record and isinstance(record["compacted"], str):
            journal.compacted = record["compacted"]
        elif _is_change(record) and journal.compacted is None:
            journal.changes.append(record)
        else:
            raise BrokenLineError(number)
        offset += len(text) + 1
        journal.whole = offset
    return journal


def _record(text: bytes) -> dict[str, Any] | None:
    """The record of one line, None when it is torn or its checksum does not match."""
    match = _LINE.fullmatch(text)
    if match is None or int(match[1], 16) != zlib.crc32(match[2]):
        return None
    try:
        record = json.loads(match[2])
    except ValueError:
        return None
    return record if isinstance(record, dict) else None


def _is_change(record: dict[str, Any]) -> bool:
    """True when `record` has the shape of a change (its documents are checked when decoded)."""
    if not record or not set(record) <= set(_PARTS):
        return False
    drop, whole = record.get("drop", []), record.get("all", {})
    gone, put = record.get("del", {}), record.get("put", {})
    return (isinstance(drop, list) and all(isinstance(name, str) for name in drop)
            and _tables(whole) and _tables(put)
            and isinstance(gone, dict) and all(isinstance(ids, list) for ids in gone.values()))


def _tables(tables: object) -> bool:
    return isinstance(tables, dict) and all(
        isinstance(table, dict) and all(isinstance(doc, dict) for doc in table.values())
        for table in tables.values())


def _as_is(document: Document) -> Document:
    return document


def diff(old: dict[str, dict[str, Any]], new: RawData, only: dict[str, set[str]] | None = None,
         form: Callable[[Document], Any] = _as_is) -> Change | None:
    """The change that turns `old` into `new` (None when they are equal), keeping the order
    of each table's documents: a table whose order changed otherwise is written whole.

    `old` holds each document in the form `form` gives it (the storage keeps lines of JSON).
    With `only`, the caller knows that nothing changed but the tables it names, and in them
    nothing but the documents it names and those added or removed: just those are compared.
    """
    change: Change = {}
    drop = [name for name in old if name not in new] if only is None else []
    if drop:
        change["drop"] = drop
    for name in new if only is None else [name for name in only if name in new]:
        table, before = new[name], old.get(name)
        if before is None:
            change.setdefault("all", {})[name] = table
            continue
        same_keys = (only is not None and _same_keys_told(before, table, only[name])) or (
            before.keys() == table.keys() and list(before) == list(table))
        if not same_keys:
            kept = [key for key in before if key in table]
            if list(table) != kept + [key for key in table if key not in before]:
                change.setdefault("all", {})[name] = table
                continue
        if only is not None and same_keys:  # only the documents named: not the whole table
            put = {key: table[key] for key in only[name]
                   if key in table and before.get(key) != form(table[key])}
        else:
            keys = table.keys() if only is None else only[name] | (table.keys() - before.keys())
            put = {key: table[key] for key in table
                   if key in keys and before.get(key) != form(table[key])}
        if put:
            change.setdefault("put", {})[name] = put
        if not same_keys and (gone := [key for key in before if key not in table]):
            change.setdefault("del", {})[name] = gone
    return change or None


def _same_keys_told(before: dict[str, Any], after: dict[str, Any], told: set[str]) -> bool:
    """Whether a table has the same keys in the same order after a write that changed only the
    documents `told` and those it added or removed, without comparing thousands of keys.

    A key added, or removed and added again, goes to the end: if the table is as long as
    before, holds each told key, and ends in the same len(told) + 1 keys, none moved or came.
    """
    tail = len(told) + 1
    return (len(before) == len(after) and all(key in before and key in after for key in told)
            and list(islice(reversed(before), tail)) == list(islice(reversed(after), tail)))


def apply(data: dict[str, dict[str, Any]], change: Change,
          form: Callable[[Document], Any] = _as_is) -> None:
    """Make the change to `data` in place, its documents in the form `form` gives them (as
    they are by default: then they become part of `data`)."""
    for name in change.get("drop", ()):
        data.pop(name, None)
    for name, table in change.get("all", {}).items():
        data[name] = {key: form(document) for key, document in table.items()}
    for name, keys in change.get("del", {}).items():
        table = data.get(name, {})
        for key in keys:
            table.pop(key, None)
    for name, documents in change.get("put", {}).items():
        data.setdefault(name, {}).update(
            (key, form(document)) for key, document in documents.items())
