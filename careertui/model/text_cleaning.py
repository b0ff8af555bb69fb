"""Clean the text of a plan from a file (open, import) exactly as the forms clean typed text."""

from __future__ import annotations

import dataclasses
import operator
import types
import typing
from collections.abc import Callable, Iterable
from datetime import date
from enum import Enum
from functools import cache
from itertools import chain
from typing import Any, NamedTuple

from careertui.model.plan import MULTILINE, Plan
from careertui.model.validation import removed_note, without_controls


def clean_plan(plan: Plan) -> tuple[Plan, list[str]]:
    """`plan` with every text field cleaned as its form cleans what is typed, and the notes.

    `without_controls` does the cleaning: control characters (C0 but tab and newline, DEL,
    C1) and lone surrogates are removed, so no ESC, OSC or CSI sequence from a file reaches
    the terminal; a line break becomes "\n" in a field its form edits on several lines
    (marked MULTILINE in model/plan.py), a space in any other field; a tab stays. Ids and
    other stored text are cleaned alike: check the cleaned plan (plan_problems), not the one
    given, since cleaning can make two ids equal ("a\x00" and "a").

    Each note names a field by the codec's path and says what was removed:
    "actions[3].notes: Removed 2 characters that cannot be shown (U+001B, U+0007)."; they
    come in the order of the plan. A line break made a space is no note, as in the forms.

    Pure: `plan` is left as it is. When nothing needs cleaning the result is `plan` itself
    (`cleaned is plan`) with no notes; otherwise a new plan that shares every record needing
    no change.
    """
    notes: list[str] = []
    cleaned: Plan = _clean_record(plan, "", notes)
    return cleaned, notes


def _clean_record(record: Any, path: str, notes: list[str]) -> Any:
    """The plan dataclass `record` cleaned; `record` itself when it needs no cleaning."""
    cls: type = type(record)  # a plain type: mypy takes type[Any] for unhashable
    fields = _fields(cls)
    changes: dict[str, Any] = {}
    values = fields.texts_of(record)
    if not _all_clean(values):
        for (name, multiline), value in zip(fields.texts, values, strict=True):
            if value:
                kept, removed = without_controls(value, multiline=multiline)
                if removed:
                    notes.append(f"{_join(path, name)}: {removed_note(removed)}")
                if kept != value:
                    changes[name] = kept
    for name in fields.text_lists:
        items = getattr(record, name)
        if not _all_clean(items):
            cleaned_items = []
            for i, item in enumerate(items):
                kept, removed = without_controls(item, multiline=False)
                if removed:
                    notes.append(f"{_join(path, name)}[{i}]: {removed_note(removed)}")
                cleaned_items.append(kept)
            changes[name] = cleaned_items
    for name, item_cls, many in fields.nested:
        value = getattr(record, name)
        where = _join(path, name)
        if many:
            item_fields = _fields(item_cls)
            if not item_fields.nested and _all_clean(chain.from_iterable(
                    map(item_fields.texts_of, value))) and _all_clean(
                    text for item in value for name in item_fields.text_lists
                    for text in getattr(item, name)):
                continue  # a whole table at one look: opening a large plan stays fast
            items = [_clean_record(item, f"{where}[{i}]", notes) for i, item in enumerate(value)]
            if not all(map(operator.is_, items, value)):
                changes[name] = items
        elif value is not None:
            kept_record = _clean_record(value, where, notes)
            if kept_record is not value:
                changes[name] = kept_record
    return dataclasses.replace(record, **changes) if changes else record


def _all_clean(texts: Iterable[str | None]) -> bool:
    """True when no text of `texts` needs cleaning, even in a one-line field."""
    everything = "".join(filter(None, texts))
    return without_controls(everything, multiline=False) == (everything, [])


def _join(path: str, name: str) -> str:
    return f"{path}.{name}" if path else name


class _Fields(NamedTuple):
    """The fields of a plan dataclass that cleaning visits; the others hold no text."""

    texts: tuple[tuple[str, bool], ...]  # (name, edited on several lines): str or str | None
    texts_of: Callable[[Any], tuple[str | None, ...]]  # the values of `texts`, in order
    nested: tuple[tuple[str, type, bool], ...]  # (name, record class, a list of them)
    text_lists: tuple[str, ...]  # the names of the list[str] fields (one line each)


@cache
def _fields(cls: type) -> _Fields:
    hints = typing.get_type_hints(cls)
    texts, nested, text_lists = [], [], []
    for field in dataclasses.fields(cls):
        hint = hints[field.name]
        if typing.get_origin(hint) in (types.UnionType, typing.Union):
            (hint,) = (arg for arg in typing.get_args(hint) if arg is not type(None))  # X | None
        if hint is str:
            texts.append((field.name, bool(field.metadata.get(MULTILINE, False))))
        elif _is_record(hint):
            nested.append((field.name, hint, False))
        elif typing.get_origin(hint) is list and _is_record(typing.get_args(hint)[0]):
            nested.append((field.name, typing.get_args(hint)[0], True))
        elif typing.get_origin(hint) is list and typing.get_args(hint)[0] is str:
            text_lists.append(field.name)
        elif not _holds_no_text(hint):
            raise TypeError(f"text cleaning does not know {cls.__name__}.{field.name}: {hint}")
    return _Fields(tuple(texts), _getter([name for name, _ in texts]), tuple(nested),
                   tuple(text_lists))


def _getter(names: list[str]) -> Callable[[Any], tuple[Any, ...]]:
    """A function giving the values of the attributes `names` of an object, as a tuple."""
    if len(names) > 1:
        return operator.attrgetter(*names)  # C code, faster than a loop over getattr
    return lambda record: tuple(getattr(record, name) for name in names)


def _is_record(hint: Any) -> bool:
    return isinstance(hint, type) and dataclasses.is_dataclass(hint)


def _holds_no_text(hint: Any) -> bool:
    """A number, a date or a member of an enum of the model (whose text is the app's own)."""
    return hint in (int, float, bool, date) or (isinstance(hint, type) and issubclass(hint, Enum))
