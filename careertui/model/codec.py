"""Convert plan dataclasses to JSON-ready dicts and back, reporting bad fields by path."""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Callable
from datetime import date
from enum import Enum
from functools import cache
from typing import Any, TypeVar

T = TypeVar("T")

# Called with (path, problem) for each problem found: decode's raises, decode_leniently's
# collects, and the decoder then goes on with a blank value of the right type.
Report = Callable[[str, str], None]
Decoder = Callable[[Any, str, Report], Any]


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
    return _decoder(_key(cls))(data, path, _raise)


def problems(cls: type, data: Any, path: str = "") -> list[DecodeError]:
    """Every reason `data` does not decode as a `cls`, in document order; empty when it does.

    Bad values, unknown fields, then the object's missing fields, for each object in turn.
    """
    return decode_leniently(cls, data, path)[1]


def decode_leniently(cls: type[T], data: Any, path: str = "") -> tuple[T, list[DecodeError]]:
    """(value, problems): like decode, but a bad or missing part becomes a blank ("", 0, [],
    the first enum member...) and every problem is listed, so the rest can still be checked."""
    found: list[DecodeError] = []

    def collect(where: str, problem: str) -> None:
        found.append(DecodeError(where, problem))

    return _decoder(_key(cls))(data, path, collect), found


def _key(cls: type) -> type:
    """`cls` as a cache key: mypy takes a type[T] for unhashable, and a plain type is not."""
    return cls


def _raise(path: str, problem: str) -> None:
    raise DecodeError(path, problem)


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
    def decode_optional(data: Any, path: str, report: Report) -> Any:
        return None if data is None else decode_value(data, path, report)

    return decode_optional


def _list_of(item_hint: Any) -> Decoder:
    def decode_list(data: Any, path: str, report: Report) -> Any:
        if not isinstance(data, list):
            report(path, f"expected a list, found {_describe(data)}")
            return []
        decode_item = _decoder(item_hint)
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


def _decode_dataclass(cls: type, data: Any, path: str, report: Report) -> Any:
    if not isinstance(data, dict):
        report(path, f"expected an object, found {_describe(data)}")
        return _blank(cls)
    decoders = _field_decoders(cls)
    values = {}
    for name, value in data.items():
        field_path = f"{path}.{name}" if path else name
        decode_value = decoders.get(name)
        if decode_value is None:
            report(field_path, "unknown field")
        else:
            values[name] = decode_value(value, field_path, report)
    try:
        return cls(**values)
    except TypeError:
        missing = [name for name in _required_fields(cls) if name not in values]
        if not missing:
            raise
        for name in missing:
            report(_join(path, name), "missing")
        return cls(**values, **{name: _blank(_field_hints(cls)[name]) for name in missing})


def _enum(cls: type[Enum]) -> Decoder:
    members = {member.value: member for member in cls}
    choices = ", ".join(member.value for member in cls)

    def decode_enum(data: Any, path: str, report: Report) -> Any:
        try:
            return members[data]
        except (KeyError, TypeError):  # TypeError: an unhashable list or object
            report(path, f"{data!r} is not one of {choices}")
            return next(iter(cls))

    return decode_enum


def _decode_date(data: Any, path: str, report: Report) -> date:
    if not isinstance(data, str):
        report(path, f"not a date (expected YYYY-MM-DD), found {_describe(data)}")
        return date.min
    try:
        return date.fromisoformat(data)
    except ValueError:
        report(path, f"not a date (expected YYYY-MM-DD): {data!r}")
        return date.min


def _decode_float(data: Any, path: str, report: Report) -> float:
    if isinstance(data, bool) or not isinstance(data, (int, float)):
        report(path, f"expected a number, found {_describe(data)}")
        return 0.0
    return float(data)


def _decode_int(data: Any, path: str, report: Report) -> int:
    if isinstance(data, bool) or not isinstance(data, int):
        report(path, f"expected a whole number, found {_describe(data)}")
        return 0
    return data


def _decode_str(data: Any, path: str, report: Report) -> str:
    if not isinstance(data, str):
        report(path, f"expected text, found {_describe(data)}")
        return ""
    return data


def _decode_bool(data: Any, path: str, report: Report) -> bool:
    if not isinstance(data, bool):
        report(path, f"expected true or false, found {_describe(data)}")
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


def _describe(data: Any) -> str:
    if data is None:
        return "null"
    other = f"the number {data!r}" if isinstance(data, (int, float)) else type(data).__name__
    return {dict: "an object", list: "a list", str: "text", bool: "true/false"}.get(
        type(data), other)


def _join(path: str, name: str) -> str:
    return f"{path}.{name}" if path else name
