"""Pure rules of the periodic review: its snapshot, goal decisions and the check-in it records."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum

from careertui.model.assessment import current_snapshot, set_level, take_snapshot
from careertui.model.plan import Assessment, CheckIn, CheckInKind, Destination, Goal, GoalStatus
from careertui.model.review_changes import ReviewChanges
from careertui.model.timeline import horizon_goal


class Decision(StrEnum):
    KEEP = "keep"
    CHANGE = "change"
    DROP = "drop"


@dataclass
class GoalDecision:
    """What the review decided for one active goal; `statement`/`deadline` are the new values."""

    decision: Decision = Decision.KEEP
    statement: str = ""
    deadline: date | None = None


@dataclass
class ReviewResult:
    """Everything the review dialog collected; nothing is written until it is finished."""

    skills_notes: str = ""
    levels: dict[str, float] = field(default_factory=dict)  # area key -> level re-rated
    horizon_statements: dict[int, str] = field(default_factory=dict)  # horizon -> statement
    decisions: dict[str, GoalDecision] = field(default_factory=dict)
    notes: str = ""
    confidence: int | None = None
    next_steps: str = ""
    cadence_months: int = 3


def review_start(assessments: Sequence[Assessment], today: date) -> date:
    """Where the review cadence counts from before the first review: the first assessment."""
    return min((a.taken_on for a in assessments), default=today)


def snapshot_for_review(assessments: Sequence[Assessment], today: date) -> tuple[Assessment, bool]:
    """(snapshot to rate, True when it is new): today's snapshot is reused, else one is taken."""
    current = current_snapshot(assessments)
    if current is not None and current.taken_on >= today:
        return current, False
    return take_snapshot(current, today), True


def apply_levels(snapshot: Assessment, levels: dict[str, float], names: dict[str, str]) -> bool:
    """Rate the snapshot's areas as the review re-rated them; True when one changed."""
    for key, level in levels.items():
        set_level(snapshot, key, names.get(key, key), level)
    return bool(levels)


def apply_destination(destination: Destination, statements: dict[int, str]) -> bool:
    """Give the destination's 1/3/5-year goals the review's statements; True when one changed."""
    changed = False
    for horizon, statement in statements.items():
        goal = horizon_goal(destination, horizon)
        if goal.statement != statement:
            goal.statement, changed = statement, True
    return changed


def apply_decisions(goals: Sequence[Goal], decisions: dict[str, GoalDecision]) -> list[Goal]:
    """Write the changed and dropped goals' new values into them; returns those to save."""
    changed = []
    for goal in goals:
        decision = decisions.get(goal.id)
        if decision is None or decision.decision is Decision.KEEP:
            continue
        if decision.decision is Decision.DROP:
            goal.status = GoalStatus.DROPPED
        else:
            goal.statement, goal.deadline = decision.statement, decision.deadline
        changed.append(goal)
    return changed


def dropped_statements(result: ReviewResult, goals: Sequence[Goal]) -> list[str]:
    """The statements of the goals the review drops."""
    return [goal.statement for goal in goals
            if (decision := result.decisions.get(goal.id)) is not None
            and decision.decision is Decision.DROP]


def review_checkin(result: ReviewResult, goals: Sequence[Goal], today: date,
                   changes: ReviewChanges | None = None) -> CheckIn:
    """The self-review check-in that records the review: its decisions named in the notes,
    then what changed since the last review."""
    parts = [result.notes.strip()]
    if result.skills_notes.strip():
        parts.append(f"Skills: {result.skills_notes.strip()}")
    by_id = {goal.id: goal for goal in goals}
    for kind, verb in ((Decision.CHANGE, "Changed"), (Decision.DROP, "Dropped")):
        names = [f"“{by_id[goal_id].statement}”" for goal_id, d in result.decisions.items()
                 if d.decision is kind and goal_id in by_id]
        if names:
            parts.append(f"{verb} {'goal' if len(names) == 1 else 'goals'}: {'; '.join(names)}.")
    if changes is not None:
        parts.append(changes.text())
    return CheckIn(today, CheckInKind.SELF_REVIEW, "\n".join(p for p in parts if p),
                   result.confidence, result.next_steps.strip())
