"""Every chart's numbers as a small table: its text alternative, for screen readers and copying."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any, NamedTuple

from careertui.charts.figure import ChartFigure
from careertui.charts.gaps import draw_gaps_to_fit
from careertui.charts.overview import draw_done_vs_planned
from careertui.charts.plan_timeline import draw_plan_timeline
from careertui.charts.progress import (
    ChartKind,
    draw_progress,
    goal_rows,
    measure_rows,
)
from careertui.charts.timeline import draw_timeline
from careertui.model.progress import (
    Completion,
    GoalCounts,
    Measures,
    SkillHistory,
    TimelineEvent,
    measure_share,
)
from careertui.model.timeline import PointKind, TimelinePoint, horizon_label


class ChartTable(NamedTuple):
    """A chart's title, column headers and rows, every cell as text."""

    title: str
    headers: tuple[str, ...]
    rows: Sequence[tuple[str, ...]]

    def as_text(self) -> str:
        """The table as tab-separated lines under its title, to paste into a sheet or a note."""
        lines = [self.title, "\t".join(self.headers)]
        lines += ["\t".join(row) for row in self.rows]
        return "\n".join(lines)


def figure_table(figure: ChartFigure | None) -> ChartTable | None:
    """The table of the numbers `figure` draws; None for a figure of no known chart."""
    if figure is None or figure.draw not in _TABLES:
        return None
    return _TABLES[figure.draw](*figure.args)


def completion_table(data: Completion | None,
                     title: str = "Done vs planned items, cumulative") -> ChartTable:
    dates, done, planned = data or ([], [], [])
    return ChartTable(title, ("Date", "Done", "Planned (due by then)"),
                      [(day, str(d), str(p)) for day, d, p in zip(dates, done, planned,
                                                                   strict=True)])


def per_goal_table(data: GoalCounts | None) -> ChartTable:
    return ChartTable("Items done of all, per goal", ("Goal", "Done", "All"),
                      [(name, str(done), str(total)) for name, done, total in goal_rows(data)])


def measures_table(data: Measures | None) -> ChartTable:
    rows = []
    for name, current, target, unit, start in measure_rows(data):
        share = measure_share(current, target, start) or 0.0
        rows.append((name, f"{start:g}", f"{current:g}", f"{target:g}", unit,
                     f"{100 * share:.0f}%"))
    return ChartTable("% of target reached, per goal",
                      ("Goal", "Start", "Now", "Target", "Unit", "Reached"), rows)


def skills_table(data: SkillHistory | None) -> ChartTable:
    dates, levels = data or ([], {})
    return ChartTable("Skill levels per snapshot", ("Skill", *dates),
                      [(name, *("–" if level is None else f"{level:g}" for level in values))
                       for name, values in levels.items()])


def progress_table(kind: ChartKind, data: Any) -> ChartTable:
    """The table of the `kind` progress chart (data as in draw_progress)."""
    return _PROGRESS_TABLES[kind](data)


def gaps_table(names: Sequence[str], yours: Sequence[float],
               needed: Sequence[float]) -> ChartTable:
    return ChartTable("Your level and the level needed, highest priority first",
                      ("Area", "Your level", "Needed", "Still to go"),
                      [(name, f"{you:g}", f"{need:g}", f"{need - you:.1f}")
                       for name, you, need in zip(names, yours, needed, strict=True)])


def timeline_table(points: Sequence[TimelinePoint]) -> ChartTable:
    rows = []
    for point in points:
        if point.kind is PointKind.TODAY:
            what = "today"
        elif point.kind is PointKind.HORIZON:
            what = "10-year horizon"
        else:
            estimated = " (no date set: today + N years)" \
                if point.kind is PointKind.ESTIMATED_GOAL else ""
            what = f"{horizon_label(point.horizon)} goal{estimated}"
        rows.append((point.day.isoformat(), what, point.statement))
    return ChartTable("Destination timeline", ("Date", "Point", "Goal"), rows)


def plan_timeline_table(events: Sequence[TimelineEvent], today: date,
                        years: int) -> ChartTable:
    return ChartTable(f"Deadlines and due dates, next {years} years (today {today})",
                      ("Date", "What", "Goal or item"),
                      [(event.day.isoformat(),
                        "goal deadline" if event.kind == "goal" else "action item due",
                        event.label) for event in events])


def done_vs_planned_table(dates: list[str], done: list[int], planned: list[int]) -> ChartTable:
    return completion_table((dates, done, planned), "Action items: done vs planned")


_PROGRESS_TABLES: dict[ChartKind, Callable[[Any], ChartTable]] = {
    ChartKind.COMPLETION: completion_table,
    ChartKind.PER_GOAL: per_goal_table,
    ChartKind.MEASURES: measures_table,
    ChartKind.SKILLS: skills_table,
}
# Each drawer's table, made of the same arguments as its figure.
_TABLES: dict[Callable[..., None], Callable[..., ChartTable]] = {
    draw_progress: progress_table,
    draw_gaps_to_fit: gaps_table,
    draw_timeline: timeline_table,
    draw_plan_timeline: plan_timeline_table,
    draw_done_vs_planned: done_vs_planned_table,
}
