"""Convert plan dataclasses to JSON-ready dicts and back, reporting bad fields by path."""

from __future__ import annotations

import dataclasses
import types
import typing
from datetime import date
from enum import Enum
from functools import cache
from typing import Any, TypeVar

T = TypeVar("T")


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
    """Build a `cls` from plain JSON values, or raise DecodeError naming the bad field."""
    return _decode_value(cls, data, path)


@cache
def _field_types(cls: type) -> dict[str, Any]:
    hints = typing.get_type_hints(cls)
    return {f.name: hints[f.name] for f in dataclasses.fields(cls)}


def _decode_dataclass(cls: type, data: Any, path: str) -> Any:
    if not isinstance(data, dict):
        raise DecodeError(path, f"expected an object, found {_describe(data)}")
    types_ = _field_types(cls)
    unknown = sorted(set(data) - set(types_))
    if unknown:
        raise DecodeError(_join(path, unknown[0]), "unknown field")
    values = {}
    for name, hint in types_.items():
        if name in data:
            values[name] = _decode_value(hint, data[name], _join(path, name))
    try:
        return cls(**values)
    except TypeError:
        missing = [
            f.name
            for f in dataclasses.fields(cls)
            if f.name not in data
            and f.default is dataclasses.MISSING
            and f.default_factory is dataclasses.MISSING
        ]
        raise DecodeError(_join(path, missing[0]), "missing") from None


def _decode_value(hint: Any, data: Any, path: str) -> Any:
    origin = typing.get_origin(hint)
    if origin in (types.UnionType, typing.Union):
        options = [arg for arg in typing.get_args(hint) if arg is not type(None)]
        if data is None:
            return None
        return _decode_value(options[0], data, path)
    if origin is list:
        if not isinstance(data, list):
            raise DecodeError(path, f"expected a list, found {_describe(data)}")
        (item_hint,) = typing.get_args(hint)
        return [_decode_value(item_hint, item, f"{path}[{i}]") for i, item in enumerate(data)]
    if dataclasses.is_dataclass(hint):
        return _decode_dataclass(hint, data, path)
    if isinstance(hint, type) and issubclass(hint, Enum):
        try:
            return hint(data)
        except ValueError:
            choices = ", ".join(member.value for member in hint)
            raise DecodeError(path, f"{data!r} is not one of {choices}") from None
    if hint is date:
        return _decode_date(data, path)
    if hint is float:
        if isinstance(data, bool) or not isinstance(data, (int, float)):
            raise DecodeError(path, f"expected a number, found {_describe(data)}")
        return float(data)
    if hint is int:
        if isinstance(data, bool) or not isinstance(data, int):
            raise DecodeError(path, f"expected a whole number, found {_describe(data)}")
        return data
    if hint is str:
        if not isinstance(data, str):
            raise DecodeError(path, f"expected text, found {_describe(data)}")
        return data
    if hint is bool:
        if not isinstance(data, bool):
            raise DecodeError(path, f"expected true or false, found {_describe(data)}")
        return data
    raise TypeError(f"codec cannot decode {hint!r}")  # a model type the codec does not know


def _decode_date(data: Any, path: str) -> date:
    if not isinstance(data, str):
        raise DecodeError(path, f"not a date (expected YYYY-MM-DD), found {_describe(data)}")
    try:
        return date.fromisoformat(data)
    except ValueError:
        raise DecodeError(path, f"not a date (expected YYYY-MM-DD): {data!r}") from None


def _describe(data: Any) -> str:
    if data is None:
        return "null"
    return {dict: "an object", list: "a list", str: "text", bool: "true/false"}.get(
        type(data), f"the number {data!r}" if isinstance(data, (int, float)) else type(data).__name__
    )


def _join(path: str, name: str) -> str:
    return f"{path}.{name}" if path else name
