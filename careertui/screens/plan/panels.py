"""The text of the panels beside the plan tree: the selected goal's SMART check, and the budget."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from rich.console import RenderableType
from rich.style import Style
from rich.table import Table
from rich.text import Text

from careertui.model.actions import describe_recurrence
from careertui.model.dates import ShowDate, describe_due
from careertui.model.labels import KIND_LABELS, counted, money
from careertui.model.pace import goal_pace
from careertui.model.plan import Action, Goal, GoalStatus
from careertui.model.progress import Budget
from careertui.model.smart import Badge
from careertui.screens.plan.badges import BadgeColours, badge_text, failing_reasons

LABEL_WIDTH = 8  # "Deadline"
BUDGET_LABEL_WIDTH = 10  # "Allocated "
BAR_WIDTH = 30
MUTED = Style(dim=True)
BOLD = Style(bold=True)


def status_text(goals: Sequence[Goal], actions: Sequence[Action],
                badges: Mapping[str, Sequence[Badge]]) -> str:
    """The line above the tree: how many goals are active and fully SMART, and items done."""
    active = [goal for goal in goals if goal.status is GoalStatus.ACTIVE]
    smart = sum(all(badge.ok for badge in badges[goal.id]) for goal in active)
    done = sum(action.done for action in actions)
    return (f"{counted(len(active), 'active goal')}, {smart} fully SMART · "
            f"{counted(len(actions), 'action item')}, {done} done  [dim](←/→ fold a goal)[/dim]")


def _grid(rows: Sequence[tuple[str, str]]) -> Table:
    """Label and value columns; long values wrap under themselves, not under the label."""
    grid = Table.grid(padding=(0, 1))
    grid.add_column(style=MUTED, width=LABEL_WIDTH, no_wrap=True)
    grid.add_column(ratio=1)
    for label, value in rows:
        # Plain Text: a value holds user text, which Rich would read as markup.
        grid.add_row(label, Text(value) if isinstance(value, str) else value)
    return grid


def goal_detail(goal: Goal, badges: Sequence[Badge], items: Sequence[Action], serves: list[str],
                today: date, colours: BadgeColours,
                show_date: ShowDate = date.isoformat) -> list[RenderableType]:
    """The statement, its badges with every failing reason, then measure, deadline, links,
    items and pace."""
    head = Text(goal.statement, BOLD)
    head.append("\n")
    head.append_text(badge_text(badges, colours, spaced=True))
    reasons = failing_reasons(badges)
    for reason in reasons:
        letter, _, why = reason.partition(": ")
        head.append(f"\n✗ {letter}: ", Style(color=colours.failing, bold=True))
        head.append(why)
    if not reasons:
        head.append("\n✓ All five SMART checks pass.", Style(color=colours.ok, bold=True))
    measure = goal.measure
    if measure.target is not None:
        now = f"{measure.current:g} of " if measure.current is not None else "target "
        shown = f"{measure.metric}: {now}{measure.target:g} {measure.unit}".strip()
    else:
        shown = measure.metric or "not set"
    done = sum(action.done for action in items)
    rows = [("Measure", shown),
            ("Deadline", describe_due(goal.deadline, today, show_date) if goal.deadline
             else "not set"),
            *[("Serves" if index == 0 else "", line)
              for index, line in enumerate(serves or ["nothing yet"])],
            ("Items", f"{done} of {len(items)} done"),
            ("Pace", goal_pace(goal, items, today).text())]
    # Shown beside the check, which they do not change: a note makes no letter pass.
    rows += [(label, note) for label, note in (("Can do", goal.achievable),
                                                ("Fits now", goal.realistic)) if note]
    return [head, Text(), _grid(rows)]


def action_detail(action: Action, today: date, currency: str,
                  show_date: ShowDate = date.isoformat) -> list[RenderableType]:
    """The selected item: kind, due date, repeat, cost and notes."""
    head = Text(f"{'☑' if action.done else '☐'} {action.title}", BOLD)
    rows = [("Kind", KIND_LABELS[action.kind]),
            ("Due", describe_due(action.due, today, show_date) if action.due
             else "no due date")]
    if action.done and action.done_on:
        rows.append(("Done", describe_due(action.done_on, today, show_date)))
    if action.recurrence:
        rows.append(("Repeats", describe_recurrence(action.recurrence)))
    rows.append(("Cost", money(action.cost, currency)))
    if action.notes:
        rows.append(("Notes", action.notes))
    return [head, _grid(rows)]


def budget_text(figures: Budget, later: Sequence[Budget], currency: str,
                colours: BadgeColours) -> Text:
    """Allocated, planned, spent and what is left this year; a warning when over budget;
    then a line for next year when `later` (budgets_ahead's later years) has it."""
    text = Text(f"Learning budget {figures.year}", BOLD)
    text.append(" ")
    text.append("· b to change", MUTED)
    rows = [("Allocated", figures.allocated, ""), ("Planned", figures.planned, "open items"),
            ("Spent", figures.spent, "done items")]
    if figures.allocated > 0 and not figures.over:
        rows.append(("Left", figures.remaining, ""))
    width = max(len(money(value, currency)) for _, value, _ in rows)
    for label, value, note in rows:
        text.append(f"\n{label:<{BUDGET_LABEL_WIDTH}}", MUTED)
        text.append(f"{money(value, currency):>{width}}  ")  # trailing: see plan_tree.row_text
        text.append(note, MUTED)
    if figures.allocated > 0:
        text.append("\n")
        text.append_text(_bar(figures, colours))
    if figures.over:
        over = money(-figures.remaining, currency)
        text.append(f"\nOver budget by {over}", Style(color=colours.failing, bold=True))
    elif figures.allocated <= 0:
        text.append("\nNo budget set: press b to set one.", MUTED)
    next_year = next((year for year in later if year.year == figures.year + 1), None)
    if next_year is not None:
        text.append(f"\n{next_year.year}: ", MUTED)
        text.append(f"{money(next_year.allocated, currency)} allocated, "
                    f"{money(next_year.planned, currency)} planned")
        if next_year.over:
            text.append(f", over by {money(-next_year.remaining, currency)}",
                        Style(color=colours.failing, bold=True))
    return text


def _bar(figures: Budget, colours: BadgeColours) -> Text:
    """Spent (solid) and planned (shaded) against the allocation (dots)."""
    scale = BAR_WIDTH / max(figures.allocated, figures.spent + figures.planned)
    spent = round(figures.spent * scale)
    planned = min(round((figures.spent + figures.planned) * scale), BAR_WIDTH) - spent
    colour = colours.failing if figures.over else colours.ok
    bar = Text("█" * spent, Style(color=colour))
    bar.append("▒" * planned, Style(color=colour))
    bar.append("·" * (BAR_WIDTH - spent - planned), MUTED)
    return bar
