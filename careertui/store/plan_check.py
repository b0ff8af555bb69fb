"""Refuse a stored plan that careertui cannot use, naming the first bad field."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

from careertui.model.codec import DecodeError
from careertui.model.integrity import plan_problems
from careertui.model.plan import Plan
from careertui.model.text_cleaning import clean_plan
from careertui.model.validation import escape_controls
from careertui.store import backups
from careertui.store.errors import CorruptPlanError


def wrong_shape(path: Path, error: DecodeError) -> CorruptPlanError:
    """The error for a field whose type does not fit the model (text where a date goes...)."""
    return CorruptPlanError(path, f"wrong shape at {error}", backups.newest_backup(path))


def checked(plan: Plan, path: Path) -> Plan:
    """`plan`, or CorruptPlanError for a value the app cannot work with (a dangling goal id,
    a skill level of 9...): such a file was edited by hand, and would fail somewhere later."""
    found = plan_problems(plan)
    if found:
        more = f" (and {len(found) - 1} more)" if len(found) > 1 else ""
        # Escaped: a rule's words may quote the file's text ("“FREQ=\x1b]2;...”").
        problem = escape_controls(found[0])
        raise CorruptPlanError(path, f"a value careertui cannot use at {problem}{more}",
                               backups.newest_backup(path))
    return plan


class UsablePlan(NamedTuple):
    """A plan read from a file, cleaned and checked: `changed` when cleaning changed its text
    (then it differs from the file, even with no `notes`: a line break made a space)."""

    plan: Plan
    notes: list[str]
    changed: bool


def usable_plan(decode: Callable[[], Plan], path: Path, trusted: bool = False) -> UsablePlan:
    """The plan `decode` reads from the file at `path`, its text cleaned as typed text is
    (clean_plan) and checked as it will be stored (unless `trusted`: careertui checked it
    before, see AtomicJSONStorage.trusted), with the notes of what cleaning removed;
    CorruptPlanError for a wrong shape or a value careertui cannot use."""
    try:
        read = decode()
    except DecodeError as error:
        raise wrong_shape(path, error) from None
    plan, notes = clean_plan(read)
    return UsablePlan(plan if trusted else checked(plan, path), notes, plan is not read)
