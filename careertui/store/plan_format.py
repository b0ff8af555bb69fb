"""The plan file format: JSON bytes from TinyDB tables and back, with its shape checked."""

from __future__ import annotations

import contextlib
import json
from collections import Counter
from collections.abc import Iterator
from typing import Any, NamedTuple

from careertui.model.codec import LONGEST_NUMBER, HugeNumber, key_path
from careertui.model.validation import escape_controls

Document = dict[str, Any]
# TinyDB's data: table name -> document id (a number, as text) -> document.
RawData = dict[str, dict[str, Document]]


def encode_plan(data: dict[str, Any]) -> bytes:
    """The file content for `data` (an export): indented UTF-8 JSON with no control character
    in it, so that it shows as text in a terminal. json escapes C0 in strings; DEL, C1 (U+009B
    starts a CSI) and lone surrogates (UTF-8 has no form for them) are escaped here. Outside
    its strings, JSON holds none of them."""
    return (escape_controls(json.dumps(data, ensure_ascii=False, indent=1)) + "\n").encode()


# The plan file's documents as encode_tables writes them: table name -> document id -> the
# document's JSON. The storage keeps the plan as saved in this form, a third of its decoded size.
TableLines = dict[str, dict[str, bytes]]


def encode_tables(data: RawData) -> bytes:
    """The plan file for TinyDB `data`: UTF-8 JSON, one table per block, one document per line.

    As readable and diffable as indented JSON, and the same data always gives the same bytes.
    Encoded line by line: a str of the whole file would take four bytes a character as soon
    as one line holds an emoji.
    """
    return join_lines(table_lines(data))


def table_lines(data: RawData) -> TableLines:
    """Each document of `data` encoded as its line of the plan file holds it."""
    return {name: {key: json_bytes(document) for key, document in table.items()}
            for name, table in data.items()}


def tables_from_lines(lines: TableLines) -> RawData:
    """The data whose documents are `lines` (see table_lines), sharing nothing with any other."""
    return {name: {key: json.loads(document) for key, document in table.items()}
            for name, table in lines.items()}


def json_bytes(value: object) -> bytes:
    """`value` as JSON in UTF-8. Text that has no UTF-8 form (a lone surrogate, from
    undecodable input) is written with \\u escapes instead."""
    try:
        return _UTF8_JSON(value).encode("utf-8")
    except UnicodeEncodeError:
        return _ASCII_JSON(value).encode("ascii")


_UTF8_JSON = json.JSONEncoder(ensure_ascii=False).encode
_ASCII_JSON = json.JSONEncoder().encode


def join_lines(lines: TableLines) -> bytes:
    """The plan file whose documents are `lines` (see encode_tables)."""
    if not lines:
        return b"{}\n"
    parts = [b"{\n"]
    for name, table in lines.items():  # one join: the blocks are megabytes long
        parts += [b" ", json_bytes(name), b": ", _block(table), b",\n"]
    parts[-1] = b"\n}\n"
    return b"".join(parts)


def _block(table: dict[str, bytes]) -> bytes:
    if not table:
        return b"{}"
    documents = b",\n".join([b"  %s: %s" % (json_bytes(key), line) for key, line in table.items()])
    return b"".join([b"{\n", documents, b"\n }"])


_JSON_KINDS = {
    list: "an array",
    str: "a string",
    int: "a number",
    float: "a number",
    HugeNumber: "a number",
    bool: "a boolean",
    type(None): "null",
}


class NotAnObjectError(ValueError):
    """JSON whose top level is a value other than an object; `kind` says which ("an array")."""

    def __init__(self, kind: str) -> None:
        super().__init__(f"the top level is {kind}, not an object")
        self.kind = kind


def parse_json_object(raw: str | bytes) -> dict[str, Any]:
    """The JSON object in `raw` (bytes as UTF-8, a BOM allowed) for the plan file and imports.

    ValueError says what is wrong, in words for the person who has the file; NotAnObjectError
    when the JSON holds something else than an object. A key twice in one object is refused
    (JSON would keep only the last), and a whole number of more than LONGEST_NUMBER digits is
    read as a HugeNumber, for the codec to refuse by its path.
    """
    return _parse(raw)[0]


def _parse(raw: str | bytes) -> tuple[dict[str, Any], _Seen]:
    """parse_json_object, and what its hooks saw."""
    if isinstance(raw, bytes):
        try:
            raw = raw.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise ValueError(f"not valid UTF-8 (byte {error.start})") from None
    if not raw.strip():
        raise ValueError("the file is empty")
    seen = _Seen()
    try:
        data = json.loads(raw, object_pairs_hook=seen.unique_keys, parse_int=seen.whole_number)
    except json.JSONDecodeError as error:
        raise ValueError(
            f"not valid JSON: {error.msg} at line {error.lineno} column {error.colno}"
        ) from None
    except RecursionError:
        raise ValueError("not valid JSON: nested too deeply") from None
    if seen.clashes:
        raise ValueError(_clash_problem(seen.clashes, data))
    if not isinstance(data, dict):
        raise NotAnObjectError(_JSON_KINDS[type(data)])
    return data, seen


class _Clash(NamedTuple):
    """An object of a file that holds `key` `times` times; only the last value was kept."""

    value: dict[str, Any]
    key: str
    times: int


class _Seen:
    """json's hooks, and what they saw: keys twice in an object, numbers no field takes."""

    def __init__(self) -> None:
        self.clashes: list[_Clash] = []
        self.huge = False

    def unique_keys(self, pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        """object_pairs_hook: the object, noting a key it holds more than once. Its path is
        found afterwards (_clash_problem): the hook sees the inner objects first."""
        value = dict(pairs)
        if len(value) < len(pairs):
            key, times = Counter(key for key, _ in pairs).most_common(1)[0]
            self.clashes.append(_Clash(value, key, times))
        return value

    def whole_number(self, text: str) -> int | HugeNumber:
        """parse_int: int() refuses more than 4,300 digits, and no field takes more than
        LONGEST_NUMBER."""
        digits = len(text) - text.startswith("-")
        if digits <= LONGEST_NUMBER:
            return int(text)
        self.huge = True
        return HugeNumber(digits)


def _clash_problem(clashes: list[_Clash], data: Any) -> str:
    """The first clash in the data, by its path ("plan.actions[2].measure").

    A clash inside a value that a later duplicate replaced is not in the data; the clash of
    that later duplicate, or one around it, is.
    """
    paths = {id(value): path for path, value in _walk(data) if isinstance(value, dict)}
    for clash in clashes:
        path = paths.get(id(clash.value))
        if path is not None:
            times = "twice" if clash.times == 2 else f"{clash.times} times"
            said = f"the key {json.dumps(clash.key)} appears {times}"
            return f"{path}: {said}" if path else f"{said} at the top level"
    raise AssertionError("the outermost clash is always in the data")


def _walk(data: Any) -> Iterator[tuple[str, Any]]:
    """(path, value) of `data` and of everything in it, in the order of the file."""
    stack: list[tuple[str, Any]] = [("", data)]
    while stack:  # a loop, not recursion: the file may nest as deeply as json.loads allows
        path, value = stack.pop()
        yield path, value
        if isinstance(value, dict):
            stack += reversed([(key_path(path, key), item) for key, item in value.items()])
        elif isinstance(value, list):
            stack += reversed([(f"{path}[{index}]", item) for index, item in enumerate(value)])


def parse_plan(raw: bytes) -> RawData:
    """Parse and shape-check a plan file's bytes; ValueError says precisely what is wrong.

    A HugeNumber is refused here, by its path in the file ("actions.4.cost"): in a part that
    careertui keeps without reading it (the meta table, a table it does not know), it would
    fail the next save, since its digits are not kept.
    """
    data, seen = _parse(raw)
    for table_name, table in data.items():
        if not isinstance(table, dict):
            kind = _JSON_KINDS[type(table)]
            raise ValueError(f"table {table_name!r} is not an object (it is {kind})")
        numbers: dict[int, str] = {}
        for doc_id, document in table.items():
            # TinyDB turns document ids into ints and would fail later on any other key; two
            # ids of one number ("1", "01") would become one document, the other one lost.
            number = _document_number(table_name, doc_id)
            if number in numbers:
                raise ValueError(
                    f"table {table_name!r} has document ids {json.dumps(numbers[number])} and "
                    f"{json.dumps(doc_id)}, which are the same number: give each document its own"
                )
            if str(number) != doc_id:
                # TinyDB finds a document by str(number): it would read none for "01", and a
                # save would merge this one into the document it writes as "1".
                raise ValueError(f"table {table_name!r} has the document id "
                                 f"{json.dumps(doc_id)}; write it as \"{number}\" (document "
                                 "ids are plain numbers)")
            numbers[number] = doc_id
            if not isinstance(document, dict):
                raise ValueError(
                    f"document {doc_id} in table {table_name!r} is not an object "
                    f"(it is {_JSON_KINDS[type(document)]})"
                )
    if seen.huge:
        path, huge = next((path, value) for path, value in _walk(data)
                          if isinstance(value, HugeNumber))
        raise ValueError(f"{path}: {huge.problem}")
    return data


def _document_number(table_name: str, doc_id: str) -> int:
    """The number TinyDB makes of a document id, or ValueError saying why it makes none."""
    if len(doc_id) <= LONGEST_NUMBER:
        with contextlib.suppress(ValueError):
            return int(doc_id)
    elif doc_id.isdecimal():  # int() would refuse it, or TinyDB the next id after it
        raise ValueError(f"table {table_name!r} has a document id of {len(doc_id):,} digits; "
                         "document ids are small numbers (1, 2, 3...)")
    raise ValueError(f"table {table_name!r} has a document id {doc_id!r} that is not a number")
