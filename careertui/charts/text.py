"""Charts as plain text: any drawer run on a fresh plotext figure, without colour codes."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import partial
from typing import TYPE_CHECKING, NamedTuple

from careertui.charts.progress import ChartKind, draw_progress, has_data
from careertui.charts.timeline import draw_timeline
from careertui.compat import figure_text, new_figure
from careertui.model.plan import Plan
from careertui.model.progress import (
    completion_over_time,
    completion_per_goal,
    measure_progress,
    skill_history,
)
from careertui.model.timeline import timeline

if TYPE_CHECKING:
    from careertui.compat import Figure

Draw = Callable[["Figure"], None]
TIMELINE = "Destination timeline"
CHART_NAMES = {ChartKind.COMPLETION: "Completion over time", ChartKind.PER_GOAL: "Items per goal",
               ChartKind.MEASURES: "Goal measures", ChartKind.SKILLS: "Skill history"}


class TextChart(NamedTuple):
    name: str
    text: str


def chart_text(draw: Draw, width: int = 72, height: int = 18) -> str:
    """The chart `draw` makes, `width` columns by `height` lines, as text without ANSI codes.

    Lines keep no trailing blanks, so the text pastes cleanly into Markdown or an e-mail.
    """
    plt = new_figure()
    plt.date_form("Y-m-d")
    draw(plt)
    plt.theme("clear")
    # Sized exactly as asked, not cut to the terminal the command happens to run in.
    return "\n".join(line.rstrip() for line in figure_text(plt, width, height).splitlines())


def plan_charts(plan: Plan, today: date, width: int = 72, height: int = 18) -> list[TextChart]:
    """The four progress charts and the destination timeline of `plan`, as text.

    A chart with nothing to draw is left out.
    """
    series = {
        ChartKind.COMPLETION: completion_over_time(plan.actions, today),
        ChartKind.PER_GOAL: completion_per_goal(plan.goals, plan.actions),
        ChartKind.MEASURES: measure_progress(plan.goals),
        ChartKind.SKILLS: skill_history(plan.assessments),
    }
    charts = [
        TextChart(CHART_NAMES[kind], chart_text(
            partial(draw_progress, kind=kind, data=data), width, height))
        for kind, data in series.items() if has_data(kind, data)
    ]
    if any(goal.statement.strip() or goal.target_date for goal in plan.destination.goals):
        points = timeline(plan.destination, today)
        charts.append(TextChart(TIMELINE, chart_text(lambda plt: draw_timeline(plt, points),
                                                     width, height)))
    return charts
