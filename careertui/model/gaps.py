"""Gap analysis: your level against what the target occupation needs, ranked by priority."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Protocol

from careertui.model.assessment import current_snapshot, levels_of
from careertui.model.plan import Assessment

# Levels, gaps and priorities are shown with one decimal; the gap is computed from shown levels.
SHOWN_DECIMALS = 1


def shown_level(level: float) -> str:
    """A level as the gap table and the report show it: `4.8` for O*NET's 4.75."""
    return f"{level:.{SHOWN_DECIMALS}f}"


# What the gap analysis reads of the role library; read-only, as the library's records are.
class ElementLike(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def domain(self) -> str: ...
    @property
    def category(self) -> str: ...


class RatingLike(Protocol):
    @property
    def importance(self) -> float: ...
    @property
    def level(self) -> float: ...
    @property
    def low_precision(self) -> bool: ...


class OccupationLike(Protocol):
    @property
    def requirements(self) -> Mapping[str, RatingLike]: ...


class LibraryLike(Protocol):
    @property
    def skills(self) -> Sequence[ElementLike]: ...
    @property
    def knowledge(self) -> Sequence[ElementLike]: ...


@dataclass(frozen=True)
class Gap:
    """One skill or knowledge area of the target role, with your level beside the required one."""

    key: str
    name: str
    domain: str
    category: str
    current: float
    rated: bool  # False: you have not rated this area, so `current` counts as 0
    required: float
    importance: float
    # O*NET recommends suppressing this requirement's rating: too few answers to be precise.
    low_precision: bool = False

    @property
    def gap(self) -> float:
        """The needed level minus yours as both are shown (one decimal), so shown numbers add up."""
        return round(round(self.required, SHOWN_DECIMALS) - round(self.current, SHOWN_DECIMALS),
                     SHOWN_DECIMALS)

    @property
    def priority(self) -> float:
        """Importance (1-5) times the positive gap, both as shown: big gaps in important areas."""
        return round(round(self.importance, SHOWN_DECIMALS) * max(self.gap, 0.0), 2)


def rank_gaps(
    elements: Iterable[ElementLike],
    required: Mapping[str, RatingLike],
    your_levels: Mapping[str, float],
) -> list[Gap]:
    """Every element the occupation rates, `ranked`; an occupation without ratings gives []."""
    gaps = [
        Gap(
            key=element.id,
            name=element.name,
            domain=element.domain,
            category=element.category,
            current=your_levels.get(element.id, 0.0),
            rated=element.id in your_levels,
            required=required[element.id].level,
            importance=required[element.id].importance,
            low_precision=required[element.id].low_precision,
        )
        for element in elements
        if element.id in required
    ]
    return ranked(gaps)


def role_gaps(library: LibraryLike, occupation: OccupationLike | None,
              assessments: Sequence[Assessment]) -> list[Gap]:
    """The ranked skill and knowledge gaps between the current snapshot and `occupation`.

    The requirements are the occupation's ratings, or those it borrows when O*NET has not
    rated it; no occupation, or one with neither, gives [].
    """
    return occupation_gaps(library, occupation, levels_of(current_snapshot(assessments)))


def occupation_gaps(library: LibraryLike, occupation: OccupationLike | None,
                    levels: Mapping[str, float]) -> list[Gap]:
    """The ranked gaps between `levels` (yours, your mentor's...) and `occupation`."""
    if occupation is None:
        return []
    return rank_gaps([*library.skills, *library.knowledge], occupation.requirements, levels)


def ranked(gaps: Iterable[Gap]) -> list[Gap]:
    """Gaps highest priority first; ties go to the larger gap, then importance, then name."""
    return sorted(gaps, key=lambda g: (-g.priority, -g.gap, -g.importance, g.name))


def gap_words(gap: Gap) -> str:
    """"Design 3.7": the area and how far you are below it, "(not rated)" after an area you
    have not rated yet (it counts as 0)."""
    return f"{gap.name} {shown_level(gap.gap)}" + ("" if gap.rated else " (not rated)")


def draft_goal_statement(gap: Gap) -> str:
    """`Raise Programming from 2 to 5`: the statement of a goal drafted from a gap."""
    return f"Raise {gap.name} from {_level(gap.current)} to {_level(gap.required)}"


def chart_series(gaps: list[Gap], top: int = 8) -> tuple[list[str], list[float], list[float]]:
    """Names, your levels and required levels of the `top` gaps that are still open."""
    open_gaps = [gap for gap in gaps if gap.gap > 0][:top]
    return (
        [gap.name for gap in open_gaps],
        [gap.current for gap in open_gaps],
        [gap.required for gap in open_gaps],
    )


def _level(level: float) -> str:
    return f"{level:g}" if level == int(level) else f"{level:.1f}"
