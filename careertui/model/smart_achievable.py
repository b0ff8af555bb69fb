"""The A of SMART: a first step, and a load that fits the time, the budget and the pace."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, timedelta

from careertui.model.labels import money
from careertui.model.pace import goal_pace
from careertui.model.plan import Action, Goal, GoalStatus
from careertui.model.progress import budget_years, planned_by_year
from careertui.model.smart_context import SmartContext
from careertui.model.smart_hours import weekly_load

# O*NET levels (0-7) a person can climb in a year: a level is a step such as going from
# following a procedure to adapting it, which takes months of practice. Half a level is
# always allowed, however close the deadline.
LEVELS_PER_YEAR = 1.5
LEAST_LEVELS = 0.5
DAYS_A_YEAR = 365.25
# The top of an organisation is years away for anyone who is not there yet.
TOP_ROLE = re.compile(r"\b(ceo|cto|cfo|coo|cio|chief \w+ officer|president|chairman|"
                      r"chairwoman|managing director|board member)\b", re.IGNORECASE)
TOP_ROLE_YEARS = 3


def achievable(goal: Goal, actions: Sequence[Action], today: date,
               context: SmartContext) -> tuple[bool, str]:
    """A first action item, a level jump of at most LEVELS_PER_YEAR a year, no top role
    within TOP_ROLE_YEARS, open costs in years whose budget they leave within bounds, open
    hours that fit, with every active goal's, in the hours a week the person has, and a pace
    (see model.pace) that ends by the deadline.
    The goal's "achievable" and "realistic" notes make none of these pass."""
    if not actions:
        return False, "No action items yet: add the first step."
    if goal.status is not GoalStatus.ACTIVE or (goal.deadline and goal.deadline < today):
        return True, ""  # no load left to weigh (T says when a deadline has passed)
    years = _years_left(goal, today)
    for check in (_level_jump(goal, years, today), _top_role(goal, years),
                  _over_budget(goal, actions, today, context),
                  _over_time(goal, actions, today, context), _behind_pace(goal, actions, today)):
        if check:
            return False, check
    return True, ""


def _behind_pace(goal: Goal, actions: Sequence[Action], today: date) -> str:
    """At the rate its items are ticked, the goal's open items end past its deadline."""
    pace = goal_pace(goal, actions, today)
    return f"Behind: {pace.text()}; add time or trim the items." if pace.late else ""


def _years_left(goal: Goal, today: date) -> float:
    """From today to the deadline, else the horizon."""
    if goal.deadline is None:
        return float(goal.horizon)
    return max((goal.deadline - today).days, 0) / DAYS_A_YEAR


def is_level(goal: Goal) -> bool:
    """A goal drafted from a gap measures the O*NET level of its area (0-7)."""
    measure = goal.measure
    unit = measure.unit.strip().lower()
    return goal.gap_key is not None and (unit in ("level", "levels")
                                         or measure.metric.strip().lower().endswith(" level"))


def _level_jump(goal: Goal, years: float, today: date) -> str:
    measure = goal.measure
    if not is_level(goal) or measure.target is None:
        return ""
    now = measure.current if measure.current is not None else (measure.start or 0.0)
    jump = measure.target - now
    allowed = max(LEAST_LEVELS, LEVELS_PER_YEAR * years)
    if round(jump, 1) <= round(allowed, 1):  # levels as shown, one decimal
        return ""
    needed = jump / LEVELS_PER_YEAR
    realistic = today + timedelta(days=round(needed * DAYS_A_YEAR))
    horizon = next((f"a {years}-year goal" for years in (3, 5) if needed <= years),
                   "split it into steps of a few years")
    return (f"{measure.metric.strip()} from {now:g} to {measure.target:g} is a jump of "
            f"{jump:.1f} levels in {_span(years)}; about {LEVELS_PER_YEAR:g} a year is "
            f"realistic: aim for {min(now + allowed, measure.target):.1f} by the deadline, or "
            f"for {measure.target:g} by {realistic} ({horizon}).")


def _top_role(goal: Goal, years: float) -> str:
    found = TOP_ROLE.search(goal.statement)
    if found is None or years >= TOP_ROLE_YEARS:
        return ""
    return (f"“{found.group(0)}” within {_span(years)} is not realistic: the top of an "
            "organisation takes years. Aim for the next role up, or make it a 5-year goal.")


def _span(years: float) -> str:
    months = round(years * 12)
    return f"{months} month{'s' * (months != 1)}" if months < 24 else f"{years:.0f} years"


def _over_budget(goal: Goal, actions: Sequence[Action], today: date,
                 context: SmartContext) -> str:
    """The first year whose budget is overspent while this goal's open items cost in it."""
    if not context.budgets:
        return ""
    own = planned_by_year(actions, [goal], budget_years(today.year), undated_in=today.year)
    for year, cost in own.items():
        figures = context.budgets.get(year)
        if cost and figures is not None and figures.over:
            over = money(-figures.remaining, context.currency)
            return (f"{year}'s learning budget is over by {over}, and this goal's open items "
                    f"plan {money(cost, context.currency)} in it: move or drop an item, or "
                    "raise the budget (b).")
    return ""


def _over_time(goal: Goal, actions: Sequence[Action], today: date,
               context: SmartContext) -> str:
    """When all goals' open items take more hours a week than the person has, and this one's
    take some of them."""
    own = weekly_load(goal, actions, today)
    if not context.weekly_hours or not own or context.weekly_load <= context.weekly_hours:
        return ""
    return (f"The open items of all goals take {context.weekly_load:.1f} hours a week until "
            f"their deadlines (this goal's {own:.1f}), and you have {context.weekly_hours:g}: "
            "move a deadline, drop an item, or set more hours a week (b).")
