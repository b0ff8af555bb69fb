"""What the SMART check reads besides the goal: what its links may point at, and the budgets."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date

from careertui.model.plan import Action, Destination, Goal, Need, Plan, Settings
from careertui.model.progress import Budget, budgets_ahead
from careertui.model.smart_hours import weekly_load


@dataclass(frozen=True)
class SmartContext:
    """The plan around a goal. None means not known here: links to it are not checked."""

    need_ids: frozenset[str] | None = None
    # The areas (skills, knowledge) of the target role; empty when no target role is set.
    gap_keys: frozenset[str] | None = None
    gap_names: Mapping[str, str] = field(default_factory=dict)
    # The destination horizons whose goal has a statement.
    destination_horizons: frozenset[int] | None = None
    budgets: Mapping[int, Budget] = field(default_factory=dict)  # this year's and later ones
    currency: str = ""
    weekly_hours: float = 0.0  # the time a week the person has; 0: not set, not weighed
    weekly_load: float = 0.0  # the hours a week all active goals' open items take


def plan_context(plan: Plan, today: date, gap_keys: Collection[str] | None = None,
                 gap_names: Mapping[str, str] | None = None) -> SmartContext:
    """The context of `plan`'s goals; `gap_keys` are the target role's areas (none when no
    target role is set), None when the role library is not at hand: gap links go unchecked."""
    return smart_context(plan.destination, plan.needs, plan.goals, plan.actions, plan.settings,
                         today, gap_keys, gap_names)


def smart_context(destination: Destination, needs: Sequence[Need], goals: Sequence[Goal],
                  actions: Sequence[Action], settings: Settings, today: date,
                  gap_keys: Collection[str] | None = None,
                  gap_names: Mapping[str, str] | None = None) -> SmartContext:
    """plan_context from the parts of a plan."""
    figures = {figure.year: figure
               for figure in budgets_ahead(actions, settings, goals, today.year)}
    items: dict[str | None, list[Action]] = {}
    for action in actions:
        items.setdefault(action.goal_id, []).append(action)
    load = sum(weekly_load(goal, items.get(goal.id, []), today) for goal in goals)
    return SmartContext(
        need_ids=frozenset(need.id for need in needs),
        gap_keys=None if gap_keys is None else frozenset(gap_keys),
        gap_names=dict(gap_names or {}),
        destination_horizons=frozenset(goal.horizon for goal in destination.goals
                                       if goal.statement.strip()),
        budgets=figures, currency=settings.currency, weekly_hours=settings.weekly_hours,
        weekly_load=round(load, 6))
