"""Self-assessment snapshots: the current one, change since the previous, re-assessing, rating."""

from __future__ import annotations

import copy
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from careertui.model.plan import Assessment, Experience, SkillRating, new_id
from careertui.model.validation import LEVEL_MAX, LEVEL_MIN, LEVEL_STEP, Invalid, clamp_level

CUSTOM_PREFIX = "custom:"
# The O*NET content model numbers skills 2.A (basic) and 2.B (cross-functional), knowledge 2.C.
KNOWLEDGE_PREFIX = "2.C."
ONET_SKILLS = 35
ONET_KNOWLEDGE = 33


def _by_date(assessments: Sequence[Assessment]) -> list[Assessment]:
    """Oldest first; snapshots of the same day keep the order they were added in."""
    return sorted(assessments, key=lambda a: a.taken_on)


def current_snapshot(assessments: Sequence[Assessment]) -> Assessment | None:
    """The latest snapshot, the one being rated; None before the first assessment."""
    ordered = _by_date(assessments)
    return ordered[-1] if ordered else None


def levels_of(snapshot: Assessment | None) -> dict[str, float]:
    """Skill key -> level of each rating of `snapshot` ({} for none)."""
    return {rating.key: rating.level for rating in snapshot.ratings} if snapshot else {}


def previous_snapshot(assessments: Sequence[Assessment]) -> Assessment | None:
    """The snapshot before the current one, to measure change against."""
    ordered = _by_date(assessments)
    return ordered[-2] if len(ordered) > 1 else None


def changes_since(current: Assessment, previous: Assessment | None) -> dict[str, float | None]:
    """Skill key -> level change since `previous`, for every skill rated now.

    None marks a skill rated now but not then; a skill rated only in `previous` has no entry,
    and with no previous snapshot there is nothing to compare, so the result is empty.
    """
    if previous is None:
        return {}
    before = levels_of(previous)
    return {
        rating.key: (rating.level - before[rating.key]) if rating.key in before else None
        for rating in current.ratings
    }


def change_label(key: str, changes: dict[str, float | None]) -> str:
    """ "▲ +0.5", "▼ -1.0", "new" for a newly rated skill, blank when unchanged or unknown."""
    if key not in changes:
        return ""
    delta = changes[key]
    if delta is None:
        return "new"
    if delta > 0:
        return f"▲ {delta:+.1f}"
    if delta < 0:
        return f"▼ {delta:+.1f}"
    return ""


def take_snapshot(current: Assessment | None, today: date) -> Assessment:
    """A new snapshot dated `today` copying `current`'s ratings, reflections and experiences.

    Refused (Invalid) when the current snapshot is already dated today or later: a day has
    one snapshot, and editing it is how a same-day change is made.
    """
    if current is None:
        return Assessment(today)
    if current.taken_on >= today:
        raise Invalid(f"The current snapshot is already dated {current.taken_on}; "
                      "keep rating it, or take a new one on another day.")
    snapshot = copy.deepcopy(current)
    snapshot.taken_on = today
    snapshot.id = new_id()
    return snapshot


def level_of(assessment: Assessment | None, key: str) -> float | None:
    """The rated level of a skill, or None when the snapshot does not rate it."""
    if assessment is None:
        return None
    return next((r.level for r in assessment.ratings if r.key == key), None)


def set_level(assessment: Assessment, key: str, name: str, level: float) -> float:
    """Rate a skill (adding its rating if it had none); returns the level kept on the 0-7 scale."""
    level = clamp_level(level)
    for rating in assessment.ratings:
        if rating.key == key:
            rating.level = level
            return level
    assessment.ratings.append(SkillRating(key, name, level))
    return level


def step_level(assessment: Assessment, key: str, name: str, steps: int) -> float:
    """Raise (steps > 0) or lower a skill by half steps; an unrated skill starts from 0."""
    start = level_of(assessment, key) or LEVEL_MIN
    return set_level(assessment, key, name, start + steps * LEVEL_STEP)


def remove_rating(assessment: Assessment, key: str) -> None:
    assessment.ratings = [r for r in assessment.ratings if r.key != key]


def custom_skill_key() -> str:
    """A new key for a skill the person adds: "custom:<uuid hex>"."""
    return f"{CUSTOM_PREFIX}{uuid.uuid4().hex}"


def is_custom(key: str) -> bool:
    return key.startswith(CUSTOM_PREFIX)


def domain_of(key: str) -> str:
    """ "skill" or "knowledge" for an O*NET element id, "custom" for a skill the person added."""
    if is_custom(key):
        return "custom"
    return "knowledge" if key.startswith(KNOWLEDGE_PREFIX) else "skill"


@dataclass(frozen=True)
class RatedCounts:
    """How many O*NET skills and knowledge areas a snapshot rates, and skills of your own."""

    skills: int = 0
    knowledge: int = 0
    own: int = 0

    def describe(self) -> str:
        """ "26 of 35 skills rated, 3 of 33 knowledge areas rated"."""
        return (f"{self.skills} of {ONET_SKILLS} skills rated, "
                f"{self.knowledge} of {ONET_KNOWLEDGE} knowledge areas rated")


def rated_counts(assessment: Assessment | None) -> RatedCounts:
    """The ratings of `assessment` counted by domain (none before the first snapshot)."""
    domains = [domain_of(r.key) for r in assessment.ratings] if assessment else []
    return RatedCounts(domains.count("skill"), domains.count("knowledge"), domains.count("custom"))


def custom_ratings(assessment: Assessment | None) -> list[SkillRating]:
    """The person's own skills in the snapshot, in the order they were added."""
    return [r for r in assessment.ratings if is_custom(r.key)] if assessment else []


def parse_level(text: str) -> float:
    """A typed level: a number from 0 to 7 in half steps; an empty field means 0."""
    cleaned = text.strip().replace(",", ".")
    if not cleaned:
        return LEVEL_MIN
    try:
        level = float(cleaned)
    except ValueError:
        raise Invalid(f"{cleaned!r} is not a number; type a level from 0 to 7, e.g. 3.5.") from None
    if not LEVEL_MIN <= level <= LEVEL_MAX or clamp_level(level) != level:
        raise Invalid(f"{cleaned} is not on the scale; type 0 to 7 in half steps, e.g. 3.5.")
    return level + 0.0  # -0.0 becomes 0.0


def check_year_order(start_year: int | None, end_year: int | None) -> int | None:
    """The end year, refused when it is before the start year; None means "still there"."""
    if start_year is not None and end_year is not None and end_year < start_year:
        raise Invalid(f"The end year cannot be before the start year ({start_year}).")
    return end_year


def years_label(experience: Experience) -> str:
    """ "2019–2022", "2022–now", or "" when no year is known."""
    if experience.start_year is None and experience.end_year is None:
        return ""
    return f"{experience.start_year or '?'}–{experience.end_year or 'now'}"


def most_recent_first(experiences: list[Experience]) -> list[Experience]:
    """Experiences ordered as on a CV: current roles, then by end year, then start year."""
    return sorted(
        experiences,
        key=lambda e: (e.end_year is None, e.end_year or 0, e.start_year or 0),
        reverse=True,
    )


def anchor_marks(
    anchors: list[tuple[float, str]], level: float | None
) -> list[tuple[float, str, str]]:
    """(value, description, mark) highest first; mark is "reached" for the highest anchor at or
    below `level`, "next" for the lowest one above it, else ""."""
    reached = max((v for v, _ in anchors if level is not None and v <= level), default=None)
    above = min((v for v, _ in anchors if level is None or v > level), default=None)
    marked = []
    for value, description in sorted(anchors, reverse=True):
        mark = "reached" if value == reached else "next" if value == above else ""
        marked.append((value, description, mark))
    return marked
