"""The mentor sheet: a commented TOML file a mentor fills in with any text editor (their level and
a comment for each skill that matters for the target, and overall advice), and reading it back,
every problem named by its line."""

from __future__ import annotations

import json
import re
import tomllib
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from careertui.model.assessment import current_snapshot, levels_of, parse_level
from careertui.model.gaps import Gap, role_gaps, shown_level
from careertui.model.labels import counted
from careertui.model.plan import (
    Assessment,
    CheckIn,
    CheckInKind,
    MentorRating,
    MentorView,
    Plan,
)
from careertui.model.validation import Invalid, escape_controls, without_controls
from careertui.roles.library import RoleLibrary

FORMAT = "careertui-mentor-sheet"
VERSION = 1
# What matters for the target: O*NET importance from 3 ("important") up, the MOST_SKILLS of
# highest priority (importance times gap), so that the sheet stays quick to fill in.
IMPORTANT = 3.0
MOST_SKILLS = 15
_SKILL_HEADER = re.compile(r"^[ \t]*\[\[[ \t]*skill[ \t]*\]\]", re.MULTILINE)


@dataclass(frozen=True)
class MentorSheet:
    """What a filled-in sheet holds: who filled it in, their advice and their ratings."""

    mentor: str
    advice: str
    ratings: list[MentorRating]


class MentorSheetError(ValueError):
    """A sheet that cannot be imported; `problems` names each, by line where it can."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


def toml_string(text: str) -> str:
    """A TOML basic string. JSON's escapes are TOML's; DEL and C1 are escaped too, so the file
    shows as text in a terminal. A lone surrogate (from undecodable input) has no TOML form:
    it becomes U+FFFD."""
    scalar = text.encode("utf-8", "surrogatepass").decode("utf-8", "replace")
    return escape_controls(json.dumps(scalar, ensure_ascii=False))


def sheet_skills(plan: Plan, library: RoleLibrary | None) -> list[tuple[str, str, float | None,
                                                                          float | None]]:
    """(key, name, your level or None, the level the target needs or None) of each skill on the
    sheet: the target's important areas, highest priority first (MOST_SKILLS of them); without
    a target, every skill you rated."""
    snapshot = current_snapshot(plan.assessments)
    yours = levels_of(snapshot)
    code = plan.destination.target_role_code
    occupation = library.occupation(code) if library is not None and code else None
    if library is not None and occupation is not None and occupation.requirements:
        gaps: list[Gap] = role_gaps(library, occupation, plan.assessments)
        important: list[tuple[str, str, float | None, float | None]] = [
            (gap.key, gap.name, yours.get(gap.key), gap.required) for gap in gaps
            if gap.importance >= IMPORTANT]
        return important[:MOST_SKILLS]
    return [(rating.key, rating.name, rating.level, None)
            for rating in (snapshot.ratings if snapshot else [])]


def mentor_sheet(plan: Plan, library: RoleLibrary | None, today: date) -> str:
    """The sheet for `plan`'s current snapshot, as TOML text."""
    owner = plan.profile.name.strip() or "the plan's owner"
    target = plan.destination.target_role_title
    lines = [
        f"# careertui mentor sheet for {_comment(owner)}, written {today.isoformat()}.",
        "#",
        "# Thank you for rating these skills. For each [[skill]] below, type your level in",
        "# mentor_level (0 to 7 in half steps, e.g. 3.5; the scale is O*NET's: 0 none, 7",
        "# expert) and, if you like, a comment between the quotes. Leave mentor_level empty",
        '# ("") for a skill you cannot judge. Type your name in mentor and your overall advice',
        "# between the triple quotes. Do not change the key lines. Lines starting with # are",
        "# notes and are not read. Then send the file back: careertui mentor-import FILE.",
        "",
        f'format = "{FORMAT}"',
        f"version = {VERSION}",
        f"plan_owner = {toml_string(owner)}",
        f"target_role = {toml_string(target)}",
        "",
        'mentor = ""  # your name',
        'advice = """',
        '"""',
    ]
    goals = [goal.statement for goal in plan.goals if goal.statement.strip()]
    if goals:
        lines += ["", "# The goals of the plan, for your advice:"]
        lines += [f"#   - {_comment(goal)}" for goal in goals]
    for key, name, yours, needed in sheet_skills(plan, library):
        lines += ["", "[[skill]]", f"key = {toml_string(key)}  # do not change",
                  f"name = {toml_string(name)}"]
        if needed is not None:
            lines.append(f"needed = {shown_level(needed)}  # for {_comment(target)}")
        lines.append(f"self = {shown_level(yours)}  # {_comment(owner)}'s own rating"
                     if yours is not None else f"# {_comment(owner)} has not rated it")
        lines += ['mentor_level = ""  # yours: 0 to 7 in half steps', 'comment = ""']
    return "\n".join(lines) + "\n"


def sheet_records(sheet: MentorSheet, snapshot: Assessment, today: date
                  ) -> tuple[Assessment, CheckIn]:
    """The snapshot with the sheet as its mentor view (replacing any earlier one), and the
    mentor check-in holding the advice and the comments."""
    rated = replace(snapshot, mentor_view=MentorView(sheet.mentor, today, sheet.ratings))
    comments = [f"{rating.name}: {rating.comment}" for rating in sheet.ratings if rating.comment]
    count = len(sheet.ratings)
    notes = "\n\n".join(part for part in (
        f"Mentor sheet from {sheet.mentor}: {counted(count, 'skill')} rated.",
        sheet.advice, "\n".join(comments)) if part)
    return rated, CheckIn(today, CheckInKind.MENTOR, notes=notes)


def _comment(text: str) -> str:
    """Text for a # comment: one line, no control character (a comment cannot escape one)."""
    return "".join(ch if ch.isprintable() else " " for ch in " ".join(text.split()))


def read_mentor_sheet(content: bytes, plan: Plan, library: RoleLibrary | None) -> MentorSheet:
    """The sheet in `content`, checked against `plan` (its keys must be skills of the plan's
    current snapshot or of the sheet written from it). MentorSheetError with every problem,
    by line; nothing is partly read."""
    try:
        text = content.decode("utf-8-sig")
        document = tomllib.loads(text)
    except UnicodeDecodeError as error:
        raise MentorSheetError([f"not UTF-8 text (byte {error.start})"]) from None
    except tomllib.TOMLDecodeError as error:
        raise MentorSheetError([f"not a mentor sheet: {error}"]) from None
    problems: list[str] = []
    if document.get("format") != FORMAT:
        raise MentorSheetError([f'not a careertui mentor sheet (it needs format = "{FORMAT}")'])
    if document.get("version") != VERSION:
        problems.append(f"version: {document.get('version')!r} is not {VERSION}")
    mentor = _text(document, "mentor", problems, line=_line_of(text, "mentor"), multiline=False)
    if not mentor:
        problems.append(f"line {_line_of(text, 'mentor')}: mentor: type your name between "
                        "the quotes")
    advice = _text(document, "advice", problems, line=_line_of(text, "advice"))
    skills = document.get("skill", [])
    if not isinstance(skills, list):
        problems.append("skill: expected [[skill]] tables")
        skills = []
    snapshot = current_snapshot(plan.assessments)
    known = {rating.key: rating.name for rating in (snapshot.ratings if snapshot else [])}
    known.update((key, name) for key, name, _, _ in sheet_skills(plan, library))
    ratings: list[MentorRating] = []
    seen: set[str] = set()
    starts = [text.count("\n", 0, match.start()) + 1 for match in _SKILL_HEADER.finditer(text)]
    for index, skill in enumerate(skills):
        line = starts[index] if index < len(starts) else None
        rating = _rating(skill, line, index + 1, known, seen, problems)
        if rating is not None:
            ratings.append(rating)
    if problems:
        raise MentorSheetError(problems)
    return MentorSheet(mentor, advice, ratings)


def _skill_label(line: int | None, number: int, name: str | None = None) -> str:
    """"line 63 (skill 6, Monitoring)": where a problem of a [[skill]] table is."""
    inner = f"skill {number}" + (f", {name}" if name else "")
    return f"line {line} ({inner})" if line else inner


def _rating(skill: Any, line: int | None, number: int, known: dict[str, str], seen: set[str],
            problems: list[str]) -> MentorRating | None:
    if not isinstance(skill, dict):
        problems.append(f"{_skill_label(line, number)}: expected a table of key, mentor_level "
                        "and comment")
        return None
    key = skill.get("key")
    if not isinstance(key, str) or key not in known:
        problems.append(f"{_skill_label(line, number)}: key {_shown(key)} is not a skill of "
                        "this plan; do not change the key lines")
        return None
    name = known[key]
    where = _skill_label(line, number, name)
    if key in seen:
        problems.append(f"{where}: this skill is on the sheet twice")
        return None
    seen.add(key)
    level = skill.get("mentor_level", "")
    comment = _text(skill, "comment", problems, line=None, where=where)
    if level == "":
        return None  # the mentor cannot judge it
    try:
        if isinstance(level, bool) or not isinstance(level, (int, float, str)):
            raise Invalid("expected a number from 0 to 7 in half steps, e.g. 3.5")
        parsed = parse_level(str(level))
    except Invalid as error:
        problems.append(f"{where}: mentor_level: {error}")
        return None
    return MentorRating(key, name, parsed, comment)


def _text(table: dict[str, Any], field: str, problems: list[str], line: int | None,
          where: str = "", multiline: bool = True) -> str:
    """A text field, its control characters taken out (a sheet comes from someone else)."""
    value = table.get(field, "")
    if not isinstance(value, str):
        at = where or (f"line {line}" if line else field)
        problems.append(f"{at}: {field}: expected text between quotes")
        return ""
    return without_controls(value.strip(), multiline=multiline)[0]


def _line_of(text: str, field: str) -> int | None:
    match = re.search(rf"^[ \t]*{field}[ \t]*=", text, re.MULTILINE)
    return text.count("\n", 0, match.start()) + 1 if match else None


def _shown(value: object) -> str:
    """A value from the file, safe to print in a terminal."""
    return "".join(ch if ch.isprintable() else "?" for ch in repr(value))[:60]
