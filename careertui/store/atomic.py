"""Crash-safe TinyDB storage: parse once, keep the data in memory, replace the file atomically."""

from __future__ import annotations

import contextlib
import json
import operator
import os
import tempfile
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any, NamedTuple

from tinydb import Storage

# backups and atomic use each other; module (not name) imports keep the cycle safe.
from careertui.store import backups
from careertui.store.errors import CorruptPlanError, StorageReadError, StorageWriteError


def write_atomically(path: Path, content: str | bytes) -> None:
    """Replace `path` with `content` (str as UTF-8) so a crash leaves the old or the new file."""
    path = Path(path)
    # Text (exports) keeps going past a lone surrogate, which UTF-8 cannot hold: it becomes "?".
    data = content.encode("utf-8", errors="replace") if isinstance(content, str) else content
    fd, temp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as file:
            file.write(data)
            file.flush()
            os.fsync(file.fileno())
        os.replace(temp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp)
        raise
    _fsync_directory(path.parent)


def _fsync_directory(directory: Path) -> None:
    fd = os.open(directory, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def remove_orphaned_temps(directory: Path, name_glob: str) -> None:
    """Delete temp files a killed write_atomically left for targets matching `name_glob`."""
    for orphan in Path(directory).glob(f".{name_glob}.*.tmp"):
        with contextlib.suppress(FileNotFoundError):
            orphan.unlink()


def encode_plan(data: dict[str, Any]) -> bytes:
    """The file content for `data`: indented UTF-8 JSON."""
    try:
        return (json.dumps(data, ensure_ascii=False, indent=1) + "\n").encode("utf-8")
    except UnicodeEncodeError:
        # A lone surrogate (e.g. from undecodable input) has no UTF-8 form; \u escapes keep it.
        return (json.dumps(data, indent=1) + "\n").encode("ascii")


class _Block(NamedTuple):
    """One table as last encoded: document ids, copies of the documents, their lines, the text."""

    keys: list[str]
    documents: list[Any]
    lines: list[str]
    text: str


# Table name -> its block as last encoded, for encode_tables to reuse.
LineCache = dict[str, _Block]


def encode_tables(data: dict[str, dict[str, Any]], known: LineCache | None = None) -> bytes:
    """The plan file for TinyDB `data`: UTF-8 JSON, one table per block, one document per line.

    As readable and diffable as indented JSON, and the same data always gives the same bytes.
    `known` holds the lines written before: a document equal to the one a line was made from
    reuses it, so saving one record of thousands encodes one line. It is updated to `data`.
    (Equal as Python compares: a 4 that became 4.0 keeps its line, and reads back the same.)
    """
    try:
        return _encode_tables(data, known, _UTF8_LINE).encode("utf-8")
    except UnicodeEncodeError:
        # A lone surrogate (e.g. from undecodable input) has no UTF-8 form; \u escapes keep it.
        return _encode_tables(data, None, _ASCII_LINE).encode("ascii")


_UTF8_LINE = json.JSONEncoder(ensure_ascii=False).encode
_ASCII_LINE = json.JSONEncoder().encode


def _encode_tables(data: dict[str, dict[str, Any]], known: LineCache | None,
                   line_of: Callable[[Any], str]) -> str:
    blocks = {name: _encode_block(table, known.get(name) if known is not None else None, line_of)
              for name, table in data.items()}
    if known is not None:
        known.clear()
        known.update(blocks)
    if not blocks:
        return "{}\n"
    parts = ["{\n"]
    for name, block in blocks.items():  # one join: the blocks are megabytes long
        parts += [f" {line_of(name)}: ", block.text, ",\n"]
    parts[-1] = "\n}\n"
    return "".join(parts)


def _encode_block(table: dict[str, Any], known: _Block | None,
                  line_of: Callable[[Any], str]) -> _Block:
    keys, documents = list(table), list(table.values())
    if known is not None and known.keys == keys:
        # The usual save: the same documents, one or two of them changed; one pass finds them.
        changed = [i for i, same in enumerate(map(operator.eq, documents, known.documents))
                   if not same]
        if not changed:
            return known
        copies, lines = known.documents.copy(), known.lines.copy()
        for i in changed:
            copies[i], lines[i] = _line(keys[i], documents[i], line_of)
    else:
        earlier = dict(zip(known.keys, zip(known.documents, known.lines))) if known else {}
        copies, lines = [], []
        for key, document in zip(keys, documents):
            cached = earlier.get(key)
            if cached is None or cached[0] != document:
                cached = _line(key, document, line_of)
            copies.append(cached[0])
            lines.append(cached[1])
    text = "".join(["{\n", ",\n".join(lines), "\n }"]) if lines else "{}"
    return _Block(keys, copies, lines, text)


def _line(key: str, document: Any, line_of: Callable[[Any], str]) -> tuple[Any, str]:
    """A parsed copy of `document` and its line. A copy, because TinyDB changes documents in
    place: keeping `document` itself would make the next comparison always equal."""
    encoded = line_of(document)
    return json.loads(encoded), f"  {line_of(key)}: {encoded}"


_JSON_KINDS = {
    list: "an array",
    str: "a string",
    int: "a number",
    float: "a number",
    bool: "a boolean",
    type(None): "null",
}


def parse_plan(raw: bytes) -> dict[str, Any]:
    """Parse and shape-check a plan file's bytes; ValueError says precisely what is wrong."""
    if not raw.strip():
        raise ValueError("the file is empty")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ValueError(f"not valid UTF-8 (byte {error.start})") from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise ValueError(
            f"not valid JSON: {error.msg} at line {error.lineno} column {error.colno}"
        ) from None
    except RecursionError:
        raise ValueError("not valid JSON: nested too deeply") from None
    if not isinstance(data, dict):
        raise ValueError(f"the top level is {_JSON_KINDS[type(data)]}, not an object")
    for table_name, table in data.items():
        if not isinstance(table, dict):
            kind = _JSON_KINDS[type(table)]
            raise ValueError(f"table {table_name!r} is not an object (it is {kind})")
        for doc_id, document in table.items():
            # TinyDB turns document ids into ints and would fail later on any other key.
            try:
                int(doc_id)
            except ValueError:
                raise ValueError(
                    f"table {table_name!r} has a document id {doc_id!r} that is not a number"
                ) from None
            if not isinstance(document, dict):
                raise ValueError(
                    f"document {doc_id} in table {table_name!r} is not an object "
                    f"(it is {_JSON_KINDS[type(document)]})"
                )
    return data


class AtomicJSONStorage(Storage):
    """TinyDB storage: reads the file once, then writes each change with write_atomically."""

    def __init__(
        self,
        path: Path,
        today: Callable[[], date] = date.today,
        keep_backups: int = 7,
    ) -> None:
        self.path = Path(path).resolve()
        self._today = today
        self._keep_backups = keep_backups
        if not self.path.exists():
            try:
                write_atomically(self.path, b"{}\n")
            except OSError as error:
                raise StorageWriteError(self.path, error) from error
        try:
            raw = self.path.read_bytes()
        except OSError as error:
            raise StorageReadError(self.path, error) from error
        try:
            self._data = parse_plan(raw)
        except ValueError as error:
            newest = backups.newest_backup(self.path)
            raise CorruptPlanError(self.path, str(error), newest) from None
        # What is on disk now; the in-memory data is rebuilt from it when a write fails.
        self._last_good = raw
        self._lines: LineCache = {}

    def read(self) -> dict[str, Any]:
        return self._data

    def write(self, data: dict[str, Any]) -> None:
        try:
            raw = encode_tables(data, self._lines)
            if raw != self._last_good:
                backups.backup_before_write(self.path, self._today(), self._keep_backups)
                write_atomically(self.path, raw)
        except BaseException as error:
            # TinyDB changed our dict in place before calling write(); undo that in the
            # same object, because TinyDB may still hold it.
            self._data.clear()
            self._data.update(parse_plan(self._last_good))
            if isinstance(error, OSError):
                raise StorageWriteError(self.path, error) from error
            raise
        self._data = data
        self._last_good = raw

    def close(self) -> None:
        """Nothing to flush: every write already reached the disk."""
