"""Time for the plan: an item's hours, the hours a week to spend, and the load they make."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from careertui.model.actions import due_dates, repeat_end
from careertui.model.plan import Action, Goal, GoalStatus
from careertui.model.validation import number

HOURS_MAX = 10_000.0  # one item: a degree is about 4,000 hours
HOURS_A_WEEK = 7 * 24.0
DAYS_A_WEEK = 7


def hours(text: str, what: str) -> float:
    """An item's estimated hours, 0 to HOURS_MAX; an empty field is 0."""
    return number(text, what, minimum=0, maximum=HOURS_MAX) or 0.0


def weekly_hours(text: str, what: str) -> float:
    """Hours a week, 0 to the 168 a week has; an empty field is 0 (not set)."""
    return number(text, what, minimum=0, maximum=HOURS_A_WEEK) or 0.0


def weekly_load(goal: Goal, actions: Sequence[Action], today: date) -> float:
    """The hours a week `goal`'s open items (`actions`) take from today to its deadline,
    each occurrence of a repeating item counted; 0 for a goal that is not active or undated."""
    if goal.status is not GoalStatus.ACTIVE or goal.deadline is None or goal.deadline < today:
        return 0.0
    total = 0.0
    for action in actions:
        if action.done or not action.hours:
            continue
        if action.due is None or action.recurrence is None:
            total += action.hours
        else:
            end = repeat_end(action, goal.deadline)
            total += action.hours * max(1, len(due_dates(action, today, goal.deadline, end)))
    weeks = max(1.0, ((goal.deadline - today).days + 1) / DAYS_A_WEEK)
    return total / weeks
