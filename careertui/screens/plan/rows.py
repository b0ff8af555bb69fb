"""What each line of the plan tree shows for a goal or an action item."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from rich.text import Text

from careertui.model.dates import ShowDate
from careertui.model.filtering import filtered_goals
from careertui.model.labels import KIND_LABELS, money
from careertui.model.plan import Action, ActionKind, Goal, GoalStatus
from careertui.model.progress import Bucket, bucket
from careertui.model.smart import Badge
from careertui.screens.plan.badges import BadgeColours, badge_text
from careertui.screens.plan.tree import PlanRow

SHORT_KIND_LABELS = KIND_LABELS | {ActionKind.EXPERT: "Expert talk",
                                   ActionKind.CERTIFICATION: "Certificate"}
LOOSE_KEY = "loose"
# One text each for the thousands of items' tick boxes: row_text copies the lead it draws.
TICKED, UNTICKED = Text("☑"), Text("☐")


Group = tuple[str, PlanRow, list[tuple[str, PlanRow]]]


def tree_groups(goals: Sequence[Goal], actions: Sequence[Action],
                goal_line: Callable[[Goal, list[Action] | None], PlanRow],
                action_line: Callable[[Action], PlanRow], words: list[str]) -> list[Group]:
    """The plan tree's groups (see PlanTree.fill): each goal with its items by due date, then
    the items of no goal (or of a goal that is gone); only those the filter `words` keeps (a
    goal's line is then given None for its items: it counts all of them, not those shown)."""
    goals, actions = filtered_goals(words, goals, actions)
    items: dict[str | None, list[Action]] = {goal.id: [] for goal in goals}
    for action in actions:
        items.setdefault(action.goal_id if action.goal_id in items else None, []).append(action)

    def lines(group: list[Action]) -> list[tuple[str, PlanRow]]:
        by_due = sorted(group, key=lambda action: (action.due is None, action.due))
        return [(action_key(action), action_line(action)) for action in by_due]

    groups = [(goal_key(goal), goal_line(goal, None if words else items[goal.id]),
               lines(items[goal.id])) for goal in goals]
    if loose := items.get(None):
        groups.append((LOOSE_KEY, loose_row(len(loose)), lines(loose)))
    return groups


def goal_key(goal: Goal) -> str:
    return f"goal:{goal.id}"


def action_key(action: Action) -> str:
    return f"action:{action.id}"


def goal_row(goal: Goal, badges: Sequence[Badge], items: Sequence[Action], currency: str,
             colours: BadgeColours, show_date: ShowDate = date.isoformat) -> PlanRow:
    """SMART badges, the statement, deadline, horizon and the cost of its open items."""
    open_cost = sum(action.cost for action in items if not action.done)
    return PlanRow(
        badge_text(badges, colours),
        goal.statement,
        show_date(goal.deadline) if goal.deadline else "no date",
        f"{goal.horizon}-year goal" if goal.status is GoalStatus.ACTIVE else goal.status.value,
        money(open_cost, currency) if open_cost else "",
        muted=goal.status is not GoalStatus.ACTIVE,
        bold=True,
    )


def loose_row(count: int) -> PlanRow:
    """The group of items that belong to no goal."""
    return PlanRow(Text("     "), f"Items without a goal ({count})", bold=True)


def action_row(action: Action, currency: str, today: date, colours: BadgeColours,
               show_date: ShowDate = date.isoformat) -> PlanRow:
    """Tick box, title (↻ when it repeats), due date (in the failing colour and marked when
    overdue), kind and cost."""
    overdue = bucket(action, today) is Bucket.OVERDUE
    return PlanRow(
        TICKED if action.done else UNTICKED,
        action.title,
        show_date(action.due) if action.due else "",
        SHORT_KIND_LABELS[action.kind],
        money(action.cost, currency) if action.cost else "",
        muted=action.done,
        overdue=overdue,
        due_colour=colours.failing if overdue else None,
        repeats=bool(action.recurrence),
    )
