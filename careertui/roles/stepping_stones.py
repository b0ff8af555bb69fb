"""Stepping stones: the occupations closest to your ratings now, and paths to the target through
occupations that are each a smaller jump than going straight."""

from __future__ import annotations

import functools
import itertools
from array import array
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass

from careertui.model.gaps import Gap, rank_gaps
from careertui.roles.library import Occupation, Rating, RoleLibrary, importance_and_level

# A path has at most this many occupations between you and the target.
MOST_STOPS = 3
# The search keeps this many partial paths at each length (a beam search), and chooses stops
# among the occupations with the smallest one-stop total through them.
_BEAM = 12
_POOL = 80


@dataclass(frozen=True, slots=True, eq=False)  # compared by identity
class _Needs:
    """What one occupation needs: the element positions it rates, with each one's importance
    and level. Machine arrays: 879 occupations of 68 areas as tuples held 7 MB."""

    occupation: Occupation
    positions: array[int]
    importances: array[float]
    levels: array[float]
    total_importance: float

    def __iter__(self) -> Iterator[tuple[int, float, float]]:
        return zip(self.positions, self.importances, self.levels, strict=False)  # equal lengths


@dataclass(frozen=True, slots=True)
class Closeness:
    """A rated occupation, how far your ratings are from it, and its three largest gaps."""

    occupation: Occupation
    distance: float
    top_gaps: tuple[Gap, ...]


@dataclass(frozen=True, slots=True)
class SteppingPath:
    """Occupations to work as on the way to the target: `jumps[i]` is the jump to `stops[i]`
    from the levels you would have then (the last one is to the target)."""

    stops: tuple[Occupation, ...]
    jumps: tuple[float, ...]

    @property
    def total(self) -> float:
        return sum(self.jumps)

    def legs(self, target: Occupation) -> list[tuple[Occupation, float]]:
        """(where to, the jump there) for each stop, then for the target."""
        return list(zip((*self.stops, target), self.jumps, strict=True))


def distance(levels: Sequence[float], needs: _Needs) -> float:
    """How far `levels` (by element position) are from what the occupation needs: the mean of
    each area's difference in levels, above or below, weighted by the area's importance to
    the occupation (O*NET's 1-5). What "closest to you now" ranks by."""
    apart = 0.0
    for position, importance, level in needs:
        apart += importance * abs(level - levels[position])
    return apart / needs.total_importance if needs.total_importance else 0.0


def jump(levels: Sequence[float], needs: _Needs) -> float:
    """How far `levels` are below what the occupation needs: as distance, but an area where
    you are at or above its level counts 0. The size of a step of a path: what is to learn."""
    short = 0.0
    for position, importance, level in needs:
        if level > levels[position]:
            short += importance * (level - levels[position])
    return short / needs.total_importance if needs.total_importance else 0.0


def _raised(levels: list[float], needs: _Needs) -> list[float]:
    """Your levels once you work as the occupation: each raised to what it needs."""
    raised = levels.copy()
    for position, _, level in needs:
        if level > raised[position]:
            raised[position] = level
    return raised


class SteppingStones:
    """The library's rated occupations, ready to measure ratings against."""

    def __init__(self, library: RoleLibrary) -> None:
        self.library = library
        self.elements = (*library.skills, *library.knowledge)
        self._position = {element.id: index for index, element in enumerate(self.elements)}
        self.rated = tuple(self.needs_of(o) for o in library.occupations if o.rated)

    def needs_of(self, occupation: Occupation) -> _Needs:
        """What `occupation` needs (its own ratings, or those it borrows)."""
        return self._needs(occupation.requirements, occupation)

    def _needs(self, requirements: Mapping[str, Rating], occupation: Occupation) -> _Needs:
        position = self._position
        rated = [(position[key], importance, level)
                 for key, importance, level in importance_and_level(requirements)
                 if key in position]
        return _Needs(occupation, array("i", (p for p, _, _ in rated)),
                      array("d", (i for _, i, _ in rated)), array("d", (v for _, _, v in rated)),
                      sum(importance for _, importance, _ in rated))

    def levels(self, your_levels: Mapping[str, float]) -> list[float]:
        """Your levels by element position; an area you have not rated counts as 0."""
        return [your_levels.get(element.id, 0.0) for element in self.elements]

    def straight_jump(self, your_levels: Mapping[str, float], target: Occupation) -> float:
        """The jump from your levels straight to `target`."""
        return jump(self.levels(your_levels), self.needs_of(target))

    def closest(self, your_levels: Mapping[str, float], limit: int = 5,
                leave_out: frozenset[str] = frozenset()) -> list[Closeness]:
        """The `limit` rated occupations nearest your levels (codes in `leave_out` aside), each
        with its three largest gaps."""
        scored = (pair for pair in self.scored(your_levels)
                  if pair[1].code not in leave_out)
        return [Closeness(occupation, score, self.top_gaps(occupation, your_levels))
                for score, occupation in itertools.islice(scored, limit)]

    def scored(self, your_levels: Mapping[str, float]) -> list[tuple[float, Occupation]]:
        """Every rated occupation with its distance from your levels, nearest first; ties go
        to the lower job zone, then the title."""
        levels = self.levels(your_levels)
        return sorted(((distance(levels, needs), needs.occupation) for needs in self.rated),
                      key=lambda pair: (pair[0], pair[1].job_zone or 9, pair[1].title))

    def top_gaps(self, occupation: Occupation, your_levels: Mapping[str, float],
                 count: int = 3) -> tuple[Gap, ...]:
        """The `count` highest-priority open gaps between your levels and `occupation`."""
        gaps = rank_gaps(self.elements, occupation.requirements, your_levels)
        return tuple(gap for gap in gaps if gap.gap > 0)[:count]

    def paths(self, your_levels: Mapping[str, float], target: Occupation,
              start_zone: int | None, limit: int = 3) -> list[SteppingPath]:
        """Paths of one to MOST_STOPS occupations to `target`, smallest total first: each jump
        (to a stop from the levels you would have after the stops before it, then to the
        target) is smaller than going straight, and each step rises one job zone at most
        (from `start_zone`, where you are now; unknown zones do not limit a step)."""
        goal = self.needs_of(target)
        levels = self.levels(your_levels)
        straight = jump(levels, goal)
        if not goal.positions or straight == 0:
            return []
        pool = self._pool(levels, goal, straight)
        found: dict[frozenset[str], SteppingPath] = {}
        # A partial path: (stops, jumps to them, levels after them, zone of the last one).
        beam: list[tuple[tuple[_Needs, ...], tuple[float, ...], list[float], int | None]] = [
            ((), (), levels, start_zone)]
        for _ in range(MOST_STOPS):
            grown = []
            for stops, jumps, now, zone in beam:
                for needs in pool:
                    if needs in stops or not _rises_at_most_one(zone, needs.occupation.job_zone):
                        continue
                    step = jump(now, needs)
                    if step >= straight:
                        continue
                    after = _raised(now, needs)
                    rest = jump(after, goal)
                    path = (stops + (needs,), jumps + (step,), after, needs.occupation.job_zone)
                    grown.append((sum(path[1]) + rest, path))
                    if rest < straight and _rises_at_most_one(path[3], target.job_zone):
                        _keep(found, SteppingPath(
                            tuple(stop.occupation for stop in path[0]), path[1] + (rest,)))
            grown.sort(key=lambda scored: scored[0])
            beam = [path for _, path in grown[:_BEAM]]
        return sorted(found.values(), key=lambda p: (p.total, len(p.stops)))[:limit]

    def _pool(self, levels: list[float], goal: _Needs, straight: float) -> list[_Needs]:
        """The rated occupations most between you and the target: nearer to you than the
        target is, by their one-stop total (there, then on to the target)."""
        scored = []
        for needs in self.rated:
            if needs.occupation.code == goal.occupation.code:
                continue
            first = jump(levels, needs)
            if first < straight:
                scored.append((first + jump(_raised(levels, needs), goal), needs))
        scored.sort(key=lambda pair: (pair[0], pair[1].occupation.code))
        return [needs for _, needs in scored[:_POOL]]


def _rises_at_most_one(zone: int | None, next_zone: int | None) -> bool:
    return zone is None or next_zone is None or next_zone <= zone + 1


def _keep(found: dict[frozenset[str], SteppingPath], path: SteppingPath) -> None:
    """Keep the path, or the better order of the same stops."""
    key = frozenset(stop.code for stop in path.stops)
    kept = found.get(key)
    if kept is None or path.total < kept.total:
        found[key] = path


@functools.lru_cache(maxsize=2)
def stepping_stones(library: RoleLibrary) -> SteppingStones:
    """The SteppingStones of `library`, made once."""
    return SteppingStones(library)
