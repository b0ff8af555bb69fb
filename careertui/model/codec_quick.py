"""The codec's first try at a record, as one function made for each dataclass: type checks
written out field by field, with nothing looked up at run time but the record's values."""

from __future__ import annotations

import math
import types
import typing
from collections.abc import Callable, Mapping
from datetime import date
from enum import Enum
from typing import Any

# What a field's value is checked with, by its type (the value is `v`); `fallback` is the
# field's own decoder, for whatever the check does not take (a whole number for a float).
_EXACT = {str: "str", int: "int", bool: "bool"}
_FLOAT = "if v.__class__ is not float or not isfinite(v): v = {fallback}(v, None, fail)"


def quick_decoder(cls: type, hints: Mapping[str, Any],
                  decoders: Mapping[str, Callable[[Any, str | None, Any], Any]],
                  unfit: type[Exception], fail: Callable[[str | None, str], None]
                  ) -> Callable[[Any], Any]:
    """A function building a `cls` from a JSON object whose every value fits, raising `unfit`
    for anything else (an unknown or missing field, a value of the wrong type): the codec
    then decodes it again, field by field, to say which value and why."""
    scope: dict[str, Any] = {"cls": cls, "known": frozenset(hints), "unfit": unfit,
                             "fail": fail, "isfinite": math.isfinite, "MISSING": object(),
                             "fromisoformat": date.fromisoformat}
    lines = ["def decode_quickly(data):",
             "    if data.__class__ is not dict or not data.keys() <= known:",
             "        raise unfit",
             "    get = data.get",
             "    values = {}",
             "    try:"]
    for number, (name, hint) in enumerate(hints.items()):
        scope[f"decode_{number}"] = decoders[name]
        check = _check(hint, f"decode_{number}", f"members_{number}", scope)
        lines += [f"        v = get({name!r}, MISSING)",
                  "        if v is not MISSING:",
                  *(f"            {line}" for line in check),
                  f"            values[{name!r}] = v"]
    lines += ["        return cls(**values)",
              "    except (KeyError, TypeError, ValueError):",  # a missing field, too
              "        raise unfit from None"]
    exec("\n".join(lines), scope)  # noqa: S102 - code made here from the type hints alone
    decode_quickly: Callable[[Any], Any] = scope["decode_quickly"]
    return decode_quickly


def _check(hint: Any, fallback: str, members: str, scope: dict[str, Any]) -> list[str]:
    """The lines that check (and convert) `v` for a field of type `hint`."""
    if typing.get_origin(hint) in (types.UnionType, typing.Union):
        options = [arg for arg in typing.get_args(hint) if arg is not type(None)]
        if len(options) == 1:
            inner = _check(options[0], fallback, members, scope)
            return ["if v is not None:", *(f"    {line}" for line in inner)]
    if hint in _EXACT:
        return [f"if v.__class__ is not {_EXACT[hint]}: raise unfit"]
    if hint is float:
        return [_FLOAT.format(fallback=fallback)]
    if hint is date:
        return ["v = fromisoformat(v)"]  # TypeError for a non-text, ValueError for a non-date
    if isinstance(hint, type) and issubclass(hint, Enum):
        scope[members] = {member.value: member for member in hint}
        return [f"v = {members}[v]"]  # KeyError, or TypeError for a list or an object
    return [f"v = {fallback}(v, None, fail)"]  # lists and records: their own decoders
