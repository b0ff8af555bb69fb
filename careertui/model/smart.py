"""The SMART check of a goal: one badge per letter, with the reason when it fails."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from dateutil.relativedelta import relativedelta

from careertui.model.plan import Action, Goal, GoalStatus
from careertui.model.smart_achievable import achievable
from careertui.model.smart_context import SmartContext
from careertui.model.smart_specific import specific
from careertui.model.timeline import horizon_label

LISTED = 3  # items named in a reason, then "and 2 more"


@dataclass(frozen=True)
class Badge:
    """One SMART letter: passed, or failed with a short reason."""

    letter: str
    ok: bool
    reason: str = ""


def smart_check(goal: Goal, actions: Sequence[Action], today: date,
                context: SmartContext | None = None) -> tuple[Badge, ...]:
    """The S, M, A, R and T badges of `goal`; `actions` are the goal's own action items and
    `context` what its links may point at and the budgets (see plan_context); without it,
    links are only checked to be set and the budget is not weighed."""
    context = context or SmartContext()
    return (
        Badge("S", *specific(goal.statement)),
        Badge("M", *_measurable(goal)),
        Badge("A", *achievable(goal, actions, today, context)),
        Badge("R", *_relevant(goal, context)),
        Badge("T", *_time_bound(goal, actions, today)),
    )


def _measurable(goal: Goal) -> tuple[bool, str]:
    """A metric and a target that differs from the start (blank counts from 0), in the
    direction the metric is meant to go."""
    measure = goal.measure
    if measure.target is None or not measure.metric.strip():
        return False, "No number to measure: set a metric and a target."
    start = measure.start or 0.0
    target = measure.target
    if target == start:
        return False, (f"The target {target:g} is where it starts ({start:g}): nothing would "
                       "change. Set the value it starts from and the one to reach.")
    if target < start and not measure.lower_is_better:
        return False, (f"“From {start:g} to {target:g}” goes down: choose Aim “lower” if "
                       f"{measure.metric.strip()} should go down, or swap the numbers.")
    if target > start and measure.lower_is_better:
        return False, (f"The aim is lower, but the target {target:g} is above the start "
                       f"{start:g}: choose Aim “higher” or lower the target.")
    return True, ""


def _relevant(goal: Goal, context: SmartContext) -> tuple[bool, str]:
    """Linked to a gap, a need or a destination goal, and each link still points at one."""
    if goal.gap_key is None and goal.need_id is None and goal.destination_horizon is None:
        return False, "Serves no gap, need or destination goal: link it to one."
    if goal.need_id is not None and context.need_ids is not None \
            and goal.need_id not in context.need_ids:
        return False, "The need it meets was deleted: link it to another need, or a gap."
    if goal.gap_key is not None and context.gap_keys is not None \
            and goal.gap_key not in context.gap_keys:
        name = context.gap_names.get(goal.gap_key, goal.gap_key)
        where = "the target role's areas" if context.gap_keys else "a target role (none is set)"
        return False, (f"The gap in {name} it closes is not among {where}: "
                       "link it to a gap of the target role, a need or a destination goal.")
    horizon = goal.destination_horizon
    if horizon is not None and context.destination_horizons is not None \
            and horizon not in context.destination_horizons:
        return False, (f"The {horizon}-year destination goal it serves has no "
                       "statement: write it in step 2, or link the goal to something else.")
    return True, ""


def _time_bound(goal: Goal, actions: Sequence[Action], today: date) -> tuple[bool, str]:
    """A deadline that has not passed, within the horizon, and no open item due after it."""
    if goal.deadline is None:
        return False, "No deadline: set a date."
    if goal.status is GoalStatus.ACTIVE and goal.deadline < today:
        return False, f"The deadline {goal.deadline} has passed: move it or mark the goal done."
    latest = today + relativedelta(years=goal.horizon)
    if goal.deadline > latest:
        return False, (f"The deadline is beyond the goal's {horizon_label(goal.horizon)} horizon: "
                       f"pick {latest} or sooner.")
    late = [action.title for action in actions if goal.status is GoalStatus.ACTIVE
            and not action.done and action.due is not None and action.due > goal.deadline]
    if late:
        names = ", ".join(f"“{title}”" for title in late[:LISTED])
        if len(late) > LISTED:
            names += f" and {len(late) - LISTED} more"
        verb = "is" if len(late) == 1 else "are"
        return False, (f"{names} {verb} due after the goal's deadline ({goal.deadline}): "
                       "move the items or the deadline.")
    return True, ""
