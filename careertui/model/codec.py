"""Convert plan dataclasses to JSON-ready dicts and back, reporting bad fields by path."""

from __future__ import annotations

import dataclasses
import json
import math
import re
import sys
import types
import typing
from collections.abc import Callable
from datetime import date
from enum import Enum
from functools import cache
from typing import Any, TypeVar

from careertui.model.codec_quick import quick_decoder

T = TypeVar("T")

# Called with (path, problem) for each problem found: decode's raises, decode_leniently's
# collects, and the decoder then goes on with a blank value of the right type. (The path is
# None only while decoding without paths; see decode.)
Report = Callable[[str | None, str], None]
# A decoder's path is None when nothing is to be reported by path (decode's first try).
Decoder = Callable[[Any, str | None, Report], Any]


# More digits than the largest float has: no field of a plan can hold such a whole number
# (int() itself stops at 4,300 digits). A file's longer numbers are read as a HugeNumber.
LONGEST_NUMBER = sys.float_info.max_10_exp + 1


class HugeNumber:
    """A whole number of more than LONGEST_NUMBER digits in a file, kept as its length only:
    a decoder reports it by path instead of int() or float() failing on it."""

    __slots__ = ("digits",)

    def __init__(self, digits: int) -> None:
        self.digits = digits

    def __repr__(self) -> str:
        return f"a number with {self.digits:,} digits"

    @property
    def problem(self) -> str:
        return f"{self!r}, far too large"


class DecodeError(ValueError):
    """A stored value does not fit the model; `path` names it, e.g. `actions[3].due`."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}" if path else problem)
        self.path = path
        self.problem = problem


def encode(value: Any) -> Any:
    """A dataclass (or list, date, enum...) as plain JSON values."""
    if dataclasses.is_dataclass(value):
        return {f.name: encode(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, list):
        return [encode(item) for item in value]
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, date):
        return value.isoformat()
    return value


def decode(cls: type[T], data: Any, path: str = "") -> T:
    """Build a `cls` from plain JSON values, or raise DecodeError naming the first bad field."""
    decoder = _decoder(_key(cls))
    try:
        # Without the path of each field, which costs more than decoding it; the path is
        # found only for a value that does not fit, by decoding again.
        value: T = decoder(data, None, _fail)
    except _Unfit:
        return decoder(data, path, _raise)  # raises the DecodeError, with its path
    return value


def problems(cls: type, data: Any, path: str = "") -> list[DecodeError]:
    """Every reason `data` does not decode as a `cls`, in document order; empty when it does.

    Bad values, unknown fields, then the object's missing fields, for each object in turn.
    """
    return decode_leniently(cls, data, path)[1]


def decode_leniently(cls: type[T], data: Any, path: str = "") -> tuple[T, list[DecodeError]]:
    """(value, problems): like decode, but a bad or missing part becomes a blank ("", 0, [],
    the first enum member...) and every problem is listed, so the rest can still be checked."""
    found: list[DecodeError] = []

    def collect(where: str | None, problem: str) -> None:
        found.append(DecodeError(where or "", problem))

    return _decoder(_key(cls))(data, path, collect), found


def key_path(path: str, key: str) -> str:
    """`path` and then `key`, a key of an object from a file: "actions.title", or
    'actions["a b"]' for a key that is not one plain word, its control characters escaped."""
    if _PLAIN_KEY.fullmatch(key):
        return f"{path}.{key}" if path else key
    return f"{path}[{json.dumps(key)}]"


_PLAIN_KEY = re.compile(r"[\w-]+")


def _key(cls: type) -> type:
    """`cls` as a cache key: mypy takes a type[T] for unhashable, and a plain type is not."""
    return cls


def _raise(path: str | None, problem: str) -> None:
    raise DecodeError(path or "", problem)


class _Unfit(Exception):
    """A value that does not fit, found while decoding without paths."""


def _fail(path: str | None, problem: str) -> None:
    raise _Unfit


@cache
def _decoder(hint: Any) -> Decoder:
    """A function decoding one value of type `hint`; built once per type, so the type
    dispatch is not repeated for each of the thousands of records in a plan."""
    origin = typing.get_origin(hint)
    if origin in (types.UnionType, typing.Union):
        options = [arg for arg in typing.get_args(hint) if arg is not type(None)]
        return _optional(_decoder(options[0]))
    if origin is list:
        (item_hint,) = typing.get_args(hint)
        return _list_of(item_hint)
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return lambda data, path, report: _decode_dataclass(hint, data, path, report)
    if isinstance(hint, type) and issubclass(hint, Enum):
        return _enum(hint)
    if hint is date:
        return _decode_date
    if hint in _SCALARS:
        return _SCALARS[hint]
    raise TypeError(f"codec cannot decode {hint!r}")  # a model type the codec does not know


def _optional(decode_value: Decoder) -> Decoder:
    def decode_optional(data: Any, path: str | None, report: Report) -> Any:
        return None if data is None else decode_value(data, path, report)

    return decode_optional


def _list_of(item_hint: Any) -> Decoder:
    def decode_list(data: Any, path: str | None, report: Report) -> Any:
        if not isinstance(data, list):
            report(path, _found(data, "expected a list"))
            return []
        decode_item = _decoder(item_hint)
        if path is None:
            return [decode_item(item, None, report) for item in data]
        return [decode_item(item, f"{path}[{i}]", report) for i, item in enumerate(data)]

    return decode_list


@cache
def _field_hints(cls: type) -> dict[str, Any]:
    hints = typing.get_type_hints(cls)
    return {f.name: hints[f.name] for f in dataclasses.fields(cls)}


@cache
def _field_decoders(cls: type) -> dict[str, Decoder]:
    return {name: _decoder(hint) for name, hint in _field_hints(cls).items()}


@cache
def _required_fields(cls: type) -> tuple[str, ...]:
    return tuple(
        f.name
        for f in dataclasses.fields(cls)
        if f.default is dataclasses.MISSING and f.default_factory is dataclasses.MISSING
    )


@cache
def _quick_decoder(cls: type) -> Callable[[Any], Any]:
    return quick_decoder(cls, _field_hints(cls), _field_decoders(cls), _Unfit, _fail)


def _decode_dataclass(cls: type, data: Any, path: str | None, report: Report) -> Any:
    if path is None:  # decode's first try: any misfit is decoded again, with paths
        return _quick_decoder(cls)(data)
    if not isinstance(data, dict):
        report(path, _found(data, "expected an object"))
        return _blank(cls)
    decoders = _field_decoders(cls)
    values = {}
    for name, value in data.items():
        decode_value = decoders.get(name)
        if decode_value is None:
            report(key_path(path, name), "unknown field")
        else:
            values[name] = decode_value(value, f"{path}.{name}" if path else name, report)
    try:
        return cls(**values)
    except TypeError:
        missing = [name for name in _required_fields(cls) if name not in values]
        if not missing:
            raise
        for name in missing:
            report(None if path is None else _join(path, name), "missing")
        return cls(**values, **{name: _blank(_field_hints(cls)[name]) for name in missing})


def _enum(cls: type[Enum]) -> Decoder:
    members = {member.value: member for member in cls}
    choices = ", ".join(member.value for member in cls)

    def decode_enum(data: Any, path: str | None, report: Report) -> Any:
        try:
            return members[data]
        except (KeyError, TypeError):  # TypeError: an unhashable list or object
            report(path, f"{data!r} is not one of {choices}")
            return next(iter(cls))

    return decode_enum


def _decode_date(data: Any, path: str | None, report: Report) -> date:
    if not isinstance(data, str):
        report(path, _found(data, "not a date (expected YYYY-MM-DD)"))
        return date.min
    try:
        return date.fromisoformat(data)
    except ValueError:
        report(path, f"not a date (expected YYYY-MM-DD): {data!r}")
        return date.min


def _decode_float(data: Any, path: str | None, report: Report) -> float:
    if isinstance(data, bool) or not isinstance(data, (int, float)):
        report(path, _found(data, "expected a number"))
        return 0.0
    try:
        value = float(data)
    except OverflowError:  # a whole number of more than 308 digits
        value = math.inf
    if not math.isfinite(value):
        report(path, "not a number" if math.isnan(value) else "too large a number")
        return 0.0
    return value


def _decode_int(data: Any, path: str | None, report: Report) -> int:
    if isinstance(data, bool) or not isinstance(data, int):
        report(path, _found(data, "expected a whole number"))
        return 0
    return data


def _decode_str(data: Any, path: str | None, report: Report) -> str:
    if not isinstance(data, str):
        report(path, _found(data, "expected text"))
        return ""
    return data


def _decode_bool(data: Any, path: str | None, report: Report) -> bool:
    if not isinstance(data, bool):
        report(path, _found(data, "expected true or false"))
        return False
    return data


_SCALARS: dict[type, Decoder] = {
    float: _decode_float,
    int: _decode_int,
    str: _decode_str,
    bool: _decode_bool,
}


def _blank(hint: Any) -> Any:
    """A stand-in of type `hint` for a part that could not be decoded."""
    origin = typing.get_origin(hint)
    if origin in (types.UnionType, typing.Union):
        return None
    if origin is list:
        return []
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        hints = _field_hints(hint)
        return hint(**{name: _blank(hints[name]) for name in _required_fields(hint)})
    if isinstance(hint, type) and issubclass(hint, Enum):
        return next(iter(hint))
    return date.min if hint is date else hint()


def _found(data: Any, expected: str) -> str:
    """The problem with `data` where another kind of value goes: "expected text, found null"."""
    if isinstance(data, HugeNumber):
        return data.problem
    return f"{expected}, found {_describe(data)}"


def _describe(data: Any) -> str:
    if data is None:
        return "null"
    other = f"the number {data!r}" if isinstance(data, (int, float)) else type(data).__name__
    return {dict: "an object", list: "a list", str: "text", bool: "true/false"}.get(
        type(data), other)


def _join(path: str, name: str) -> str:
    return f"{path}.{name}" if path else name
