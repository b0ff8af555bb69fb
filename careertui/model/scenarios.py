"""Scenarios: up to three alternative destinations kept in one plan, one of them followed now,
and the goals each one's goals are linked to."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from careertui.model.plan import Destination, Goal, Scenario
from careertui.model.validation import Invalid

MAX_SCENARIOS = 3


def is_followed(scenario: Scenario, destination: Destination) -> bool:
    """Whether `scenario` is the destination followed now (same target role and path)."""
    return (scenario.target_role_code, scenario.path) == (destination.target_role_code,
                                                          destination.path)


def followed(destination: Destination) -> Scenario | None:
    """The scenario the destination follows now, if it is kept as one."""
    return next((s for s in destination.scenarios if is_followed(s, destination)), None)


def keep_current(destination: Destination) -> Destination:
    """The destination with what it follows now kept as a scenario; Invalid when there is no
    target role yet, it is kept already, or MAX_SCENARIOS are."""
    if not destination.target_role_code:
        raise Invalid("Choose a target role first: a scenario is a target role and a path.")
    if followed(destination) is not None:
        raise Invalid("This destination is kept as a scenario already.")
    if len(destination.scenarios) >= MAX_SCENARIOS:
        raise Invalid(f"{MAX_SCENARIOS} scenarios are kept already: delete one (d) first.")
    kept = Scenario(destination.target_role_code, destination.target_role_title,
                    destination.path)
    return replace(destination, scenarios=[*destination.scenarios, kept])


def follow(destination: Destination, goals: Sequence[Goal], scenario_id: str
           ) -> tuple[Destination, list[Goal]]:
    """Make the scenario `scenario_id` the destination followed now; the goals changed with it:
    those serving the destination followed until now (no scenario yet) are linked to it first,
    so each goal stays linked to the scenario it serves. Invalid when the destination followed
    now is not kept as a scenario (it would lose its goals' link)."""
    chosen = next(s for s in destination.scenarios if s.id == scenario_id)
    current = followed(destination)
    if current is None:
        raise Invalid("Keep the destination you follow now as a scenario first (n), so its "
                      "goals stay linked to it.")
    linked = [replace(goal, scenario_id=current.id) for goal in goals if goal.scenario_id is None]
    return replace(destination, target_role_code=chosen.target_role_code,
                   target_role_title=chosen.target_role_title, path=chosen.path), linked


def goals_of(scenario: Scenario, destination: Destination, goals: Sequence[Goal]) -> list[Goal]:
    """The goals that serve `scenario`: those linked to it, and, for the one followed now, the
    goals linked to no scenario."""
    now = is_followed(scenario, destination)
    return [goal for goal in goals
            if goal.scenario_id == scenario.id or (now and goal.scenario_id is None)]


def without_scenario(destination: Destination, scenario_id: str) -> Destination:
    """The destination without the scenario `scenario_id` (its goals keep their link)."""
    return replace(destination, scenarios=[s for s in destination.scenarios
                                           if s.id != scenario_id])
