"""The SMART check of a goal: one badge per letter, with the reason when it fails."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from dateutil.relativedelta import relativedelta

from careertui.model.plan import Action, Goal, GoalStatus
from careertui.model.timeline import horizon_label

MIN_WORDS = 4
# Words that say "some change" without saying which; a number beside them makes them concrete.
VAGUE_WORDS = frozenset({"better", "more", "less", "some", "stuff", "things", "improve",
                         "improving", "enhance", "good", "great", "various", "etc"})


@dataclass(frozen=True)
class Badge:
    """One SMART letter: passed, or failed with a short reason."""

    letter: str
    ok: bool
    reason: str = ""


def smart_check(goal: Goal, actions: Sequence[Action], today: date) -> tuple[Badge, ...]:
    """The S, M, A, R and T badges of `goal`; `actions` are the goal's own action items."""
    return (
        Badge("S", *_specific(goal.statement)),
        Badge("M", *_measurable(goal)),
        Badge("A", *_achievable(goal, actions)),
        Badge("R", *_relevant(goal)),
        Badge("T", *_time_bound(goal, today)),
    )


def _specific(statement: str) -> tuple[bool, str]:
    """Specific: at least 4 words, and no vague word unless a number says how much."""
    words = re.findall(r"[\w']+", statement.lower())
    if len(words) < MIN_WORDS:
        return False, f"Too short to be specific: say what you will do in {MIN_WORDS}+ words."
    vague = [word for word in words if word in VAGUE_WORDS]
    if vague and not re.search(r"\d", statement):
        return False, f"“{vague[0]}” is vague: name a number or a concrete result."
    return True, ""


def _measurable(goal: Goal) -> tuple[bool, str]:
    if goal.measure.target is None or not goal.measure.metric.strip():
        return False, "No number to measure: set a metric and a target."
    return True, ""


def _achievable(goal: Goal, actions: Sequence[Action]) -> tuple[bool, str]:
    if not actions:
        return False, "No action items yet: add the first step."
    if goal.deadline is not None:
        for action in actions:
            if not action.done and action.due is not None and action.due > goal.deadline:
                return False, (f"“{action.title}” is due after the goal's deadline "
                               f"({goal.deadline}).")
    return True, ""


def _relevant(goal: Goal) -> tuple[bool, str]:
    if goal.gap_key is None and goal.need_id is None and goal.destination_horizon is None:
        return False, "Serves no gap, need or destination goal: link it to one."
    return True, ""


def _time_bound(goal: Goal, today: date) -> tuple[bool, str]:
    if goal.deadline is None:
        return False, "No deadline: set a date."
    if goal.status is GoalStatus.ACTIVE and goal.deadline < today:
        return False, f"The deadline {goal.deadline} has passed: move it or mark the goal done."
    latest = today + relativedelta(years=goal.horizon)
    if goal.deadline > latest:
        return False, (f"The deadline is beyond the goal's {horizon_label(goal.horizon)} horizon: "
                       f"pick {latest} or sooner.")
    return True, ""
