"""How complete each planning step is, and the plan's status at a glance, for the overview."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from careertui.model.assessment import ONET_KNOWLEDGE, ONET_SKILLS, current_snapshot, rated_counts
from careertui.model.pace import goal_pace
from careertui.model.plan import Action, CareerPath, GoalStatus, Plan
from careertui.model.progress import (
    Bucket,
    Budget,
    bucket,
    budget,
    next_due,
    next_review,
    review_due,
)
from careertui.model.review import review_start
from careertui.model.smart import smart_check
from careertui.model.smart_context import plan_context

REFLECTIONS = ("strengths", "excel_at", "struggle_with", "motivators")


def _share(done: int, total: int) -> float:
    return done / total if total else 0.0


def assess_completion(plan: Plan) -> float:
    """A quarter each: the O*NET skills rated, the knowledge areas rated (counted apart: a
    knowledge rating is no skill), the four reflections written, at least one past experience."""
    snapshot = current_snapshot(plan.assessments)
    if snapshot is None:
        return 0.0
    rated = rated_counts(snapshot)
    parts = [
        min(1.0, _share(rated.skills, ONET_SKILLS)),
        min(1.0, _share(rated.knowledge, ONET_KNOWLEDGE)),
        _share(sum(1 for name in REFLECTIONS if getattr(snapshot, name).strip()), 4),
        1.0 if snapshot.experiences else 0.0,
    ]
    return sum(parts) / len(parts)


def destination_completion(plan: Plan) -> float:
    """Dream job, target role, stay-or-transition, the three horizon goals, opportunities."""
    destination = plan.destination
    items = [
        bool(destination.dream_job.strip()),
        bool(destination.target_role_code),
        destination.path is not CareerPath.UNDECIDED,
        *(bool(goal.statement.strip()) for goal in destination.goals),
        bool(destination.opportunities.strip()),
    ]
    return _share(sum(items), len(items))


def gaps_completion(plan: Plan) -> float:
    """A target role to compare with, needs written down, and goals drafted from gaps."""
    items = [
        bool(plan.destination.target_role_code),
        bool(plan.needs),
        any(goal.gap_key for goal in plan.goals),
    ]
    return _share(sum(items), len(items))


def plan_completion(plan: Plan, today: date) -> float:
    """Half for having goals, half for the share of active goals that pass all five SMART checks."""
    active = [goal for goal in plan.goals if goal.status is GoalStatus.ACTIVE]
    if not active:
        return 0.0
    items: dict[str | None, list[Action]] = {}
    for action in plan.actions:  # grouped once: a plan may hold thousands of items
        items.setdefault(action.goal_id, []).append(action)
    # Without the role library here, a gap link counts as long as it is set.
    context = plan_context(plan, today)
    smart = sum(
        1
        for goal in active
        if all(badge.ok for badge in smart_check(goal, items.get(goal.id, []), today, context))
    )
    return 0.5 + 0.5 * _share(smart, len(active))


def progress_completion(plan: Plan) -> float:
    """The share of action items done."""
    return _share(sum(1 for action in plan.actions if action.done), len(plan.actions))


def step_completion(plan: Plan, today: date) -> dict[str, float]:
    """Step mode -> how complete it is, 0 to 1."""
    return {
        "assess": assess_completion(plan),
        "destination": destination_completion(plan),
        "gaps": gaps_completion(plan),
        "plan": plan_completion(plan, today),
        "progress": progress_completion(plan),
    }


@dataclass(frozen=True)
class Status:
    """What the overview shows besides the steps."""

    next_actions: list[Action]
    overdue: int
    done: int
    total: int
    next_review: date
    review_due: bool
    budget: Budget
    behind: list[str] = field(default_factory=list)  # active goals late at their pace
    active_goals: int = 0


def plan_status(plan: Plan, today: date) -> Status:
    start = review_start(plan.assessments, today)
    active = [goal for goal in plan.goals if goal.status is GoalStatus.ACTIVE]
    return Status(
        next_actions=next_due(plan.actions, today, limit=5),
        overdue=sum(1 for action in plan.actions if bucket(action, today) is Bucket.OVERDUE),
        done=sum(1 for action in plan.actions if action.done),
        total=len(plan.actions),
        next_review=next_review(plan.checkins, plan.settings, start),
        review_due=review_due(plan.checkins, plan.settings, start, today),
        budget=budget(plan.actions, plan.settings, today.year, plan.goals),
        behind=[goal.statement for goal in active if goal_pace(goal, plan.actions, today).late],
        active_goals=len(active),
    )


def describe_contents(plan: Plan) -> str:
    """What a plan holds, in a few words: "2 goals, 12 action items, 4 check-ins"."""
    counts = ((len(plan.goals), "goal"), (len(plan.actions), "action item"),
              (len(plan.checkins), "check-in"), (len(plan.milestones), "milestone"))
    parts = [f"{count} {noun}{'' if count == 1 else 's'}" for count, noun in counts if count]
    return ", ".join(parts) if parts else "no goals or items yet"
