"""The destination timeline: today, the 1/3/5-year goals and the 10-year horizon as dated points."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from dateutil.relativedelta import relativedelta

from careertui.model.plan import HORIZONS, Destination, HorizonGoal

FAR_HORIZON = 10


class PointKind(StrEnum):
    TODAY = "today"
    GOAL = "goal"  # a goal at the target date the person set
    ESTIMATED_GOAL = "estimated_goal"  # a goal without a date, drawn at today + its horizon
    HORIZON = "horizon"


@dataclass(frozen=True)
class TimelinePoint:
    """One dated point of the timeline; `horizon` is 0 for today."""

    kind: PointKind
    horizon: int
    day: date
    statement: str = ""

    @property
    def short_label(self) -> str:
        """"Today", "1y", "3y"... for labels beside the markers."""
        return "Today" if self.kind is PointKind.TODAY else f"{self.horizon}y"


def horizon_label(horizon: int) -> str:
    """"1 year", "3 years"."""
    return f"{horizon} year{'s' if horizon != 1 else ''}"


def horizon_goal(destination: Destination, horizon: int) -> HorizonGoal:
    """The destination's goal for `horizon`, added (empty) when the plan lacks one."""
    for goal in destination.goals:
        if goal.horizon == horizon:
            return goal
    goal = HorizonGoal(horizon)
    destination.goals.append(goal)
    destination.goals.sort(key=lambda g: g.horizon)
    return goal


def timeline(destination: Destination, today: date) -> list[TimelinePoint]:
    """Today, one point per 1/3/5-year goal and the 10-year horizon, in horizon order.

    A goal without a target date is placed at today + its horizon and marked ESTIMATED_GOAL.
    """
    points = [TimelinePoint(PointKind.TODAY, 0, today)]
    goals = {goal.horizon: goal for goal in destination.goals}
    for horizon in HORIZONS:
        goal = goals.get(horizon, HorizonGoal(horizon))
        if goal.target_date is None:
            kind, day = PointKind.ESTIMATED_GOAL, today + relativedelta(years=horizon)
        else:
            kind, day = PointKind.GOAL, goal.target_date
        points.append(TimelinePoint(kind, horizon, day, goal.statement))
    far = today + relativedelta(years=FAR_HORIZON)
    points.append(TimelinePoint(PointKind.HORIZON, FAR_HORIZON, far))
    return points
