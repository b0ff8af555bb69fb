"""The whole plan as a JSON export, and the import that checks every part of one before use."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from careertui.model.codec import decode_leniently, encode, key_path, problems
from careertui.model.integrity import plan_problems
from careertui.model.plan import Plan
from careertui.model.text_cleaning import clean_plan
from careertui.model.validation import escape_controls
from careertui.store.migrations import META_TABLE, SCHEMA_VERSION
from careertui.store.plan_format import NotAnObjectError, encode_plan, parse_json_object

FORMAT = "careertui-plan"
_KEYS = ("format", "schema_version", "exported_at", "plan")


class PlanImportError(ValueError):
    """An export that cannot be imported; `problems` lists every reason as "path: problem"."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__(f"{len(problems)} problem{'s' if len(problems) != 1 else ''}")
        self.problems = problems


def plan_to_json(plan: Plan, exported_at: datetime) -> str:
    """The export: format, schema version, time of export and the plan, fields in model order."""
    document = {
        "format": FORMAT,
        "schema_version": SCHEMA_VERSION,
        "exported_at": exported_at.isoformat(),
        "plan": encode(plan),
    }
    # The store's encoding: indented UTF-8, control characters and lone surrogates escaped.
    return encode_plan(document).decode("utf-8")


def plan_from_json(content: str | bytes) -> Plan:
    """The plan in an export; raises PlanImportError listing every problem found."""
    document = _parse(content)
    found = _envelope_problems(document)
    plan_data = document.get("plan")
    if isinstance(plan_data, dict):
        # Paths relative to the plan ("actions[3].due"), as the store names them.
        plan, unreadable = decode_leniently(Plan, plan_data)
        found += [str(error) for error in unreadable]
        bad_paths = [error.path for error in unreadable]
        # Escaped: a rule's words may quote the file's text ("“FREQ=\x1b]2;...”").
        # The plan is stored cleaned (clean_plan), and cleaning can make two ids equal.
        found += [escape_controls(problem) for problem in plan_problems(clean_plan(plan)[0])
                  if not _overlaps(problem.partition(": ")[0], bad_paths)]
    if found:
        raise PlanImportError(found)
    return plan


def _parse(content: str | bytes) -> dict[str, Any]:
    try:
        return parse_json_object(content)
    except NotAnObjectError:
        raise PlanImportError(["not a careertui export: the top level is not an object"]) from None
    except ValueError as error:
        raise PlanImportError([str(error)]) from None


def _envelope_problems(document: dict[str, Any]) -> list[str]:
    """What is wrong around the plan; a file that is no export, or is newer, stops here."""
    form = document.get("format")
    if form != FORMAT:
        if "format" not in document and META_TABLE in document:
            raise PlanImportError(["this is a careertui plan file, not an export: "
                                   "open it with --db instead of importing it"])
        seen = "no format field" if "format" not in document else f"format is {form!r}"
        raise PlanImportError([f"not a careertui export ({seen}; an export has "
                               f'"format": "{FORMAT}")'])
    found: list[str] = []
    version = document.get("schema_version")
    if "schema_version" not in document:
        found.append("schema_version: missing")
    elif type(version) is not int:  # true/false is no number here, as in the codec
        found += _type_problems(int, version, "schema_version")
    elif version < 1:
        found.append(f"schema_version: {version} is not a schema version (they start at 1)")
    elif version > SCHEMA_VERSION:
        raise PlanImportError([f"written by a newer careertui (schema {version}; this version "
                               f"reads up to {SCHEMA_VERSION}): upgrade careertui"])
    # Schema 2 only added a field with a default (migrate_1_to_2): a schema 1 plan reads as is.
    if "exported_at" in document:
        exported_at = document["exported_at"]
        found += _type_problems(str, exported_at, "exported_at")
        if isinstance(exported_at, str) and not _is_timestamp(exported_at):
            found.append("exported_at: not a date and time (expected e.g. "
                         f"2026-11-23T09:30:00+00:00): {exported_at!r}")
    if "plan" not in document:
        found.append("plan: missing")
    elif not isinstance(document["plan"], dict):
        found += _type_problems(Plan, document["plan"], "plan")
    found += [f"{key_path('', key)}: unknown field" for key in document if key not in _KEYS]
    return found


def _overlaps(path: str, bad_paths: list[str]) -> bool:
    """True when `path` is, holds or lies inside an unreadable part, whose blank stand-in
    would only repeat the problem already reported for it."""
    return any(_within(path, bad) or _within(bad, path) for bad in bad_paths)


def _within(path: str, outer: str) -> bool:
    return path == outer or path.startswith((f"{outer}.", f"{outer}["))


def _type_problems(cls: type, value: Any, path: str) -> list[str]:
    """The codec's words for a value of the wrong kind, e.g. "plan: expected an object"."""
    return [str(error) for error in problems(cls, value, path)]


def _is_timestamp(text: str) -> bool:
    try:
        datetime.fromisoformat(text)
    except ValueError:
        return False
    return True
