"""Scenarios side by side: for each, the target, its total weighted gap and largest gaps, the
interest fit, the cost and hours of the goals that serve it, and their timeline."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from careertui.model.gaps import Gap, occupation_gaps
from careertui.model.plan import Action, Destination, Goal, Scenario
from careertui.model.scenarios import goals_of, is_followed
from careertui.roles.library import RoleLibrary


@dataclass(frozen=True)
class ScenarioFigures:
    """What one scenario asks of you."""

    scenario: Scenario
    followed: bool
    total_gap: float  # the sum of the gaps' priorities (importance times gap)
    top_gaps: tuple[Gap, ...]
    fit: str  # see InterestData.fit_words; "" without an interest check
    goals: int
    cost: float  # of the action items of its goals
    hours: float
    deadlines: tuple[date, ...]  # of its goals, earliest first


def compare(library: RoleLibrary, destination: Destination, your_levels: Mapping[str, float],
            your_interests: Mapping[str, float], goals: Sequence[Goal],
            actions: Sequence[Action]) -> list[ScenarioFigures]:
    """The figures of each scenario of `destination`, in the order they were kept."""
    figures = []
    for scenario in destination.scenarios:
        occupation = library.occupation(scenario.target_role_code)
        gaps = [gap for gap in occupation_gaps(library, occupation, your_levels) if gap.gap > 0]
        served = goals_of(scenario, destination, goals)
        ids = {goal.id for goal in served}
        items = [action for action in actions if action.goal_id in ids]
        fit = (library.interests.fit_words(scenario.target_role_code, your_interests)
               if library.interests is not None and your_interests else "")
        figures.append(ScenarioFigures(
            scenario, is_followed(scenario, destination),
            round(sum(gap.priority for gap in gaps), 1), tuple(gaps[:3]), fit, len(served),
            sum(action.cost for action in items), sum(action.hours for action in items),
            tuple(sorted(goal.deadline for goal in served if goal.deadline))))
    return figures
