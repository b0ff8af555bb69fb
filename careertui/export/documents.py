"""The documents a plan exports to: what they are called, where they go and how they are made."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from dateutil.relativedelta import relativedelta

from careertui.model.plan import Plan
from careertui.model.validation import Invalid
from careertui.store import files


@dataclass(frozen=True)
class DocumentKind:
    """One export format: `key` is what `--format` takes, `noun` goes into file names."""

    key: str
    noun: str
    label: str
    suffix: str


REPORT = DocumentKind("markdown", "report", "Markdown report", ".md")
JSON = DocumentKind("json", "export", "JSON export", ".json")
CALENDAR = DocumentKind("ics", "calendar", "calendar file", ".ics")
WINS = DocumentKind("wins", "wins", "wins document", ".md")
MENTOR_SHEET = DocumentKind("mentor-sheet", "mentor-sheet", "mentor sheet", ".toml")
WINS_BY_SKILL = DocumentKind("wins-by-skill", "wins-by-skill", "wins by skill", ".md")
FORMATS = {kind.key: kind for kind in (REPORT, JSON, CALENDAR)}


def default_since(today: date) -> date:
    """Where a wins document starts when no date is given: one year ago."""
    return today - relativedelta(years=1)


def default_path(kind: DocumentKind, folder: Path, stem: str, today: date) -> Path:
    """`<folder>/<stem>-<noun>-<today><suffix>`, e.g. plan-report-2026-11-24.md."""
    return Path(folder) / f"{stem}-{kind.noun}-{today.isoformat()}{kind.suffix}"


def render(kind: DocumentKind, plan: Plan, today: date, now: datetime,
           since: date | None = None) -> str | bytes:
    """The content of `kind` for `plan` (a wins document covers `since` up to today)."""
    if kind is REPORT:
        from careertui.export.markdown import plan_report
        from careertui.roles.library import load_library

        return plan_report(plan, today, load_library())
    if kind is JSON:
        from careertui.export.json_plan import plan_to_json

        return plan_to_json(plan, now)
    if kind is CALENDAR:
        from careertui.export.ics import plan_calendar

        return plan_calendar(plan, today, now)
    if kind is MENTOR_SHEET:
        from careertui.export.mentor_sheet import mentor_sheet
        from careertui.roles.library import load_library

        return mentor_sheet(plan, load_library(), today)
    if kind is WINS_BY_SKILL:
        from careertui.export.wins import wins_by_skill

        return wins_by_skill(plan, since or default_since(today), today, skill_names(plan))
    from careertui.export.wins import wins_document

    return wins_document(plan, since or default_since(today), today)


def skill_names(plan: Plan) -> dict[str, str]:
    """Skill key -> name: the O*NET library's elements, and the skills of your own you rated."""
    from careertui.roles.library import load_library

    library = load_library()
    names = {element.id: element.name for element in (*library.skills, *library.knowledge)}
    for assessment in plan.assessments:
        names.update((rating.key, rating.name) for rating in assessment.ratings)
    return names


def output_path(text: str, folder: Path) -> Path:
    """Where to write, from what was typed: `~` expanded, relative to `folder`; else Invalid."""
    cleaned = text.strip()
    if not cleaned:
        raise Invalid("Type a file name.")
    if not _can_name_a_file(cleaned):
        raise Invalid("That name holds characters a file name cannot have.")
    try:
        path = Path(folder, Path(cleaned).expanduser())
        is_folder, parent_exists = path.is_dir(), path.parent.is_dir()
    except (OSError, RuntimeError) as error:  # a name too long; "~nobody" with no such user
        raise Invalid(unusable_path(cleaned, error)) from None
    if is_folder:
        raise Invalid(f"{path} is a folder; add a file name.")
    if not parent_exists:
        raise Invalid(f"There is no folder {path.parent}.")
    try:
        files.refuse_unsafe_target(path)
    except files.UnsafePathError as error:
        raise Invalid(f"Cannot write {path}: {error.strerror}.") from None
    return path


def _can_name_a_file(text: str) -> bool:
    """False for text the file system cannot take: a NUL, or what does not encode."""
    try:
        return b"\x00" not in os.fsencode(text)
    except UnicodeError:
        return False


def unusable_path(text: str, error: Exception) -> str:
    """Why the system cannot even look at the path `text`."""
    reason = error.strerror if isinstance(error, OSError) and error.strerror else str(error)
    return f"Cannot use {text[:80]!r} as a file: {reason}."


def read_export(path: Path) -> Plan:
    """The plan in an exported JSON file; raises OSError (UnsafePathError for a device, a named
    pipe or a file far too large), or PlanImportError with every problem."""
    from careertui.export.json_plan import plan_from_json

    return plan_from_json(files.read_file(Path(path)))
