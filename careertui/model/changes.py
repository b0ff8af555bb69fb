"""A change to a plan record in words: what it is ("the goal “…”") and which fields it changes."""

from __future__ import annotations

import dataclasses
from typing import Any

from careertui.model.codec import encode
from careertui.model.plan import (
    Action,
    Assessment,
    CheckIn,
    Destination,
    Goal,
    Milestone,
    Need,
    Profile,
    Settings,
)


def record_label(record: object) -> str:
    """ "the goal “Lead the planning”", "your profile", "the check-in of 2026-11-20"."""
    if isinstance(record, Goal):
        return f"the goal “{record.statement}”"
    if isinstance(record, Action):
        return f"the action item “{record.title}”"
    if isinstance(record, Need):
        return f"the need “{record.title}”"
    if isinstance(record, Milestone):
        return f"the milestone “{record.title}”"
    if isinstance(record, CheckIn):
        return f"the check-in of {record.on}"
    if isinstance(record, Assessment):
        return f"the self-assessment of {record.taken_on}"
    labels = {Profile: "your profile", Destination: "your destination", Settings: "the settings"}
    return labels.get(type(record), "a record")


def changed_fields(record: object, before: object | None) -> list[tuple[str, str]]:
    """(field, new value as text) for each field of `record` that differs from `before` (the
    same record as it was; None for a new one, whose required and filled fields are listed)."""
    if not dataclasses.is_dataclass(record) or isinstance(record, type):
        return []
    now: dict[str, Any] = encode(record)
    then = encode(before) if before is not None else _defaults(type(record))
    return [(name.replace("_", " "), _as_text(value)) for name, value in now.items()
            if name != "id" and (name not in then or value != then[name])]


def _defaults(cls: type) -> dict[str, Any]:
    """The encoded default of each field of `cls` that has one."""
    defaults = {}
    for field in dataclasses.fields(cls):
        if field.default is not dataclasses.MISSING:
            defaults[field.name] = encode(field.default)
        elif field.default_factory is not dataclasses.MISSING:
            defaults[field.name] = encode(field.default_factory())
    return defaults


def _as_text(value: Any) -> str:
    if value is None:
        return "none"
    if isinstance(value, list):
        return f"{len(value)} item{'s' if len(value) != 1 else ''}"
    if isinstance(value, dict):
        return ", ".join(f"{key} {_as_text(item)}" for key, item in value.items() if item)
    return str(value)


def cleaning_summary(notes: list[str], shown: int = 4) -> str:
    """What clean_plan took out of a plan's text, for a message: a line saying why, then the
    first `shown` notes one per line ("profile.name: Removed 2 characters that cannot be
    shown (U+001B, U+0007).") and how many more there are."""
    lines = ["Characters a terminal would act on (escape sequences, bell, control codes) were "
             "taken out of the plan's text:"]
    lines += [f"  {note}" for note in notes[:shown]]
    if len(notes) > shown:
        lines.append(f"  … and {len(notes) - shown} more")
    return "\n".join(lines)
