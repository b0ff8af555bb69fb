"""The four progress charts (completion, per goal, measures, skill history) drawn on a figure.

Each drawer takes a plotext figure and a series from careertui.model.progress. Its lines and
bars differ by marker or fill as well as by colour, so they read without colour (NO_COLOR, a
chart exported as text).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from careertui.charts.bars import FULL, LIGHT, bar_labels, hbars
from careertui.model.labels import distinct_labels
from careertui.model.progress import (
    Completion,
    GoalCounts,
    Measures,
    SkillHistory,
    measure_share,
)

if TYPE_CHECKING:
    from careertui.compat import Figure

LABEL_WIDTH = 14
SKILL_LABEL_WIDTH = 18
# Whole bars and the share done on top of them differ by fill, so they read without colour.
BAR_ALL = LIGHT
BAR_DONE = FULL
LINE = "braille"
DONE_MARKER = "•"
SKILL_MARKERS = ("•", "×", "+", "o", "*")


class ChartKind(StrEnum):
    COMPLETION = "Completion"
    PER_GOAL = "Per goal"
    MEASURES = "Measures"
    SKILLS = "Skills"


CHART_KINDS = tuple(ChartKind)


def draw_completion(plt: Figure, data: Completion | None) -> None:
    """Cumulative done and planned items, as made by model.progress.completion_over_time."""
    plt.title("Done vs planned items, cumulative")
    note = completion_note(data)
    if note:
        empty(plt, *note)
        return
    dates, done, planned = data or ([], [], [])
    plt.plot(dates, planned, label="planned (due by then)", color="blue", marker=LINE)
    plt.plot(dates, done, label="done", color="green", marker=DONE_MARKER)
    top = max(planned + done + [1])
    plt.ylim(0, top * 1.1)
    plt.yticks(list(range(0, top + 1, max(1, -(-top // 5)))))
    # Every fourth week at most, so the date labels never run into each other.
    step = max(1, len(dates) // 4)
    ticks = dates[::step]
    plt.xticks(ticks, [day[2:7] if len(dates) > 26 else day[5:] for day in ticks])


def completion_note(data: Completion | None) -> list[str]:
    """The lines a completion chart shows instead of its two lines: no items yet, or the one
    day of a new plan (a line needs two days); [] when there are lines to draw."""
    dates, done, planned = data or ([], [], [])
    if not dates:
        return ["No action items yet: add them in step 4"]
    if len(dates) == 1:
        return [f"Today: {done[0]} done, {planned[0]} due by today.",
                "The lines over time start tomorrow."]
    return []


def draw_per_goal(plt: Figure, data: GoalCounts | None) -> None:
    """Items done of all per goal, as made by model.progress.completion_per_goal."""
    # plotext 5.3 drops the legend marker of a second bar series: the title names them.
    plt.title(f"Items done ({BAR_DONE}) of all ({BAR_ALL}), per goal")
    rows = goal_rows(data)
    if not rows:
        empty(plt, "No action items linked to goals yet")
        return
    rows.reverse()  # plotext draws bottom-up: first goal on top
    positions = list(range(1, len(rows) + 1))
    hbars(plt, positions, [total for _, _, total in rows], BAR_ALL, "blue")
    hbars(plt, positions, [done for _, done, _ in rows], BAR_DONE, "green")
    bar_labels(plt, [name for name, _, _ in rows], LABEL_WIDTH,
               [f"{done}/{total}" for _, done, total in rows])
    most = max(total for _, _, total in rows)
    plt.xlim(0, most * 1.05)
    plt.xticks(list(range(0, most + 1, max(1, -(-most // 4)))))


def draw_measures(plt: Figure, data: Measures | None) -> None:
    """Each goal's measure as a share of its target, as made by model.progress.measure_progress."""
    plt.title(f"% of target reached ({BAR_DONE})")
    rows = measure_rows(data)
    if not rows:
        empty(plt, "No goal has a number and a target yet (step 4)")
        return
    rows.reverse()
    positions = list(range(1, len(rows) + 1))
    percents = [100 * (measure_share(current, target, start) or 0.0)
                for _, current, target, _, start in rows]
    hbars(plt, positions, [100] * len(rows), BAR_ALL, "blue")
    hbars(plt, positions, percents, BAR_DONE, "green")
    bar_labels(plt, [name for name, *_ in rows], LABEL_WIDTH,
               [f"{current:g}/{target:g}" for _, current, target, *_ in rows])
    plt.xlim(0, 105)
    plt.xticks([0, 25, 50, 75, 100], ["0%", "25%", "50%", "75%", "100%"])


def draw_skills(plt: Figure, data: SkillHistory | None) -> None:
    """Levels per snapshot of the skills that changed most (model.progress.skill_history)."""
    plt.title("Skills that changed most, per snapshot")
    dates, levels = data or ([], {})
    if not levels:
        empty(plt, "Skills that change between two snapshots show here")
        return
    labels = distinct_labels(list(levels), SKILL_LABEL_WIDTH)
    for index, (label, values) in enumerate(zip(labels, levels.values(), strict=True)):
        # skill_history gives every skill a level (or None) per snapshot date.
        points = [(day, value) for day, value in zip(dates, values, strict=True)
                  if value is not None]
        plt.plot([day for day, _ in points], [value for _, value in points],
                 label=label, marker=SKILL_MARKERS[index % len(SKILL_MARKERS)])
    # Room on the left for the legend, so it never hides a line.
    first, last = date.fromisoformat(dates[0]), date.fromisoformat(dates[-1])
    plt.xlim((first - max(timedelta(days=30), (last - first) * 0.8)).isoformat(), dates[-1])
    plt.ylim(0, 7.2)
    plt.yticks(list(range(8)))
    plt.xticks(dates, dates)


def goal_rows(data: GoalCounts | None) -> GoalCounts:
    """The goals that have items at all."""
    return [(name, done, total) for name, done, total in (data or []) if total]


def measure_rows(data: Measures | None) -> Measures:
    """The measures that have a share to draw (their target is not their start)."""
    return [row for row in (data or []) if measure_share(row[1], row[2], row[4]) is not None]


def has_data(kind: ChartKind, data: Any) -> bool:
    """Whether the `kind` chart of `data` shows something besides its "nothing yet" message.

    (Any: `kind` says which series `data` is, as in draw_progress.)
    """
    if kind is ChartKind.COMPLETION:
        return bool(data and data[0])
    if kind is ChartKind.PER_GOAL:
        return bool(goal_rows(data))
    if kind is ChartKind.MEASURES:
        return bool(measure_rows(data))
    return bool(data and data[1])


def empty(plt: Figure, *lines: str) -> None:
    """`lines` in words, centred, instead of a chart."""
    for index, line in enumerate(lines):
        plt.text(line, 0.5, 0.5 + (len(lines) / 2 - index - 0.5) * 0.25, alignment="center")
    plt.xlim(0, 1)
    plt.ylim(0, 1)
    plt.xticks([])
    plt.yticks([])


DRAWERS: dict[ChartKind, Callable[..., None]] = {
    ChartKind.COMPLETION: draw_completion,
    ChartKind.PER_GOAL: draw_per_goal,
    ChartKind.MEASURES: draw_measures,
    ChartKind.SKILLS: draw_skills,
}


def draw_progress(plt: Figure, kind: ChartKind, data: Any) -> None:
    """Draw the `kind` chart of `data` on `plt`; `data` is the series of that kind (Completion
    for COMPLETION...), so its type follows `kind` and is not checked here."""
    DRAWERS[kind](plt, data)
