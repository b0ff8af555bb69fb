"""Copies of plan records that share nothing that can change: what a caller of the store owns."""

from __future__ import annotations

import dataclasses
import types
import typing
from functools import cache
from typing import Any, TypeVar

T = TypeVar("T")


def copy_record(record: T) -> T:
    """A copy of a plan record sharing nothing that can change (lists, nested records)."""
    cls: type = type(record)
    copied: T = object.__new__(cls)
    copied.__dict__.update(record.__dict__)
    for name in _nested_fields(cls):
        setattr(copied, name, _copy_value(getattr(record, name)))
    return copied


def _copy_value(value: Any) -> Any:
    if isinstance(value, list):
        return [_copy_value(item) for item in value]
    return copy_record(value) if dataclasses.is_dataclass(value) else value


@cache
def _nested_fields(cls: type) -> tuple[str, ...]:
    """The fields of a record class that hold lists or records; the others hold values that
    never change in place (text, numbers, dates, enum members)."""
    hints = typing.get_type_hints(cls)

    def nested(hint: Any) -> bool:
        if typing.get_origin(hint) in (typing.Union, types.UnionType):
            return any(nested(arg) for arg in typing.get_args(hint))
        return typing.get_origin(hint) is list or dataclasses.is_dataclass(hint)

    return tuple(f.name for f in dataclasses.fields(cls) if nested(hints[f.name]))
