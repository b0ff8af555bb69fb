"""Hypothesis strategies that build any plan the model allows, from its type hints."""

from __future__ import annotations

import dataclasses
import types
import typing
from datetime import date
from enum import Enum

from hypothesis import strategies as st

from careertui.model.plan import Plan

_SCALARS = {
    str: st.text(max_size=40),
    int: st.integers(min_value=-(2**53), max_value=2**53),
    float: st.floats(allow_nan=False, allow_infinity=False, width=64),
    bool: st.booleans(),
    date: st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 12, 31)),
}


def strategy_for(hint) -> st.SearchStrategy:
    origin = typing.get_origin(hint)
    if origin in (types.UnionType, typing.Union):
        options = [arg for arg in typing.get_args(hint) if arg is not type(None)]
        return st.none() | strategy_for(options[0])
    if origin is list:
        (item,) = typing.get_args(hint)
        return st.lists(strategy_for(item), max_size=4)
    if dataclasses.is_dataclass(hint):
        hints = typing.get_type_hints(hint)
        fields = {f.name: strategy_for(hints[f.name]) for f in dataclasses.fields(hint)}
        if "id" in fields:
            fields["id"] = st.uuids().map(lambda u: u.hex)
        return st.builds(hint, **fields)
    if isinstance(hint, type) and issubclass(hint, Enum):
        return st.sampled_from(list(hint))
    return _SCALARS[hint]


plans = strategy_for(Plan)
