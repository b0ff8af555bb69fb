"""The charts of step 5, one shown at a time: completion, per goal, measures, skill history."""

from __future__ import annotations

from datetime import date, timedelta
from enum import StrEnum
from typing import Any

from textual_plotext.plot import Plot

from careertui.widgets.charts import Chart

LABEL_WIDTH = 14
SKILL_LABEL_WIDTH = 18


class ChartKind(StrEnum):
    COMPLETION = "Completion"
    PER_GOAL = "Per goal"
    MEASURES = "Measures"
    SKILLS = "Skills"


CHART_KINDS = tuple(ChartKind)


class ProgressChart(Chart):
    """Keeps every chart's series in `series` (by kind) and draws the one in `kind`.

    The series come from careertui.model.progress; this widget only draws them.
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.kind = ChartKind.COMPLETION
        self.series: dict[ChartKind, Any] = {}

    def set_series(self, kind: ChartKind, data: Any) -> None:
        """Remember `data` for `kind`; redraw when that chart is the one on screen."""
        self.series[kind] = data
        if kind is self.kind:
            self.redraw()

    def show_kind(self, kind: ChartKind) -> None:
        self.kind = kind
        self.redraw()

    def redraw(self) -> None:
        data = self.series.get(self.kind)
        drawer = _DRAWERS[self.kind]
        self.draw(lambda plt: drawer(plt, data))


def _draw_completion(plt: Plot, data) -> None:
    plt.title("Done vs planned items, cumulative")
    dates, done, planned = data or ([], [], [])
    if not dates:
        _empty(plt, "No action items yet: add them in step 4")
        return
    plt.plot(dates, planned, label="planned (due by then)", color="blue", marker="braille")
    plt.plot(dates, done, label="done", color="green", marker="braille")
    top = max(planned + done + [1])
    plt.ylim(0, top * 1.1)
    plt.yticks(list(range(0, top + 1, max(1, -(-top // 5)))))
    # Every fourth week at most, so the date labels never run into each other.
    step = max(1, len(dates) // 4)
    ticks = dates[::step]
    plt.xticks(ticks, [day[2:7] if len(dates) > 26 else day[5:] for day in ticks])


def _draw_per_goal(plt: Plot, data) -> None:
    # plotext 5.3 drops the legend marker of a second bar series: name colours in the title.
    plt.title("Items done (green) of all, per goal")
    rows = [(name, done, total) for name, done, total in (data or []) if total]
    if not rows:
        _empty(plt, "No action items linked to goals yet")
        return
    rows.reverse()  # plotext draws bottom-up: first goal on top
    positions = list(range(1, len(rows) + 1))
    plt.bar(positions, [total for _, _, total in rows], orientation="horizontal", width=0.5,
            color="blue")
    _overlay(plt, positions, [done for _, done, _ in rows])
    plt.yticks(positions, [f"{_short(name)} {done}/{total}" for name, done, total in rows])
    plt.ylim(0.3, len(rows) + 0.7)
    most = max(total for _, _, total in rows)
    plt.xlim(0, most * 1.05)
    plt.xticks(list(range(0, most + 1, max(1, -(-most // 4)))))


def _draw_measures(plt: Plot, data) -> None:
    plt.title("% of target reached (green)")
    rows = [(name, current, target, unit) for name, current, target, unit in (data or [])
            if target]
    if not rows:
        _empty(plt, "No goal has a number and a target yet (step 4)")
        return
    rows.reverse()
    positions = list(range(1, len(rows) + 1))
    percents = [max(0.0, 100 * current / target) for _, current, target, _ in rows]
    plt.bar(positions, [100] * len(rows), orientation="horizontal", width=0.5, color="blue")
    _overlay(plt, positions, percents)
    plt.yticks(positions, [f"{_short(name)} {current:g}/{target:g}"
                           for name, current, target, _ in rows])
    plt.ylim(0.3, len(rows) + 0.7)
    plt.xlim(0, max(percents + [100]) * 1.05)
    plt.xticks([0, 25, 50, 75, 100], ["0%", "25%", "50%", "75%", "100%"])


def _draw_skills(plt: Plot, data) -> None:
    plt.title("Skills that changed most, per snapshot")
    dates, levels = data or ([], {})
    if not levels:
        _empty(plt, "Skills that change between two snapshots show here")
        return
    for name, values in levels.items():
        points = [(day, value) for day, value in zip(dates, values) if value is not None]
        plt.plot([day for day, _ in points], [value for _, value in points],
                 label=_short(name, SKILL_LABEL_WIDTH), marker="braille")
    # Room on the left for the legend, so it never hides a line.
    first, last = date.fromisoformat(dates[0]), date.fromisoformat(dates[-1])
    plt.xlim((first - max(timedelta(days=30), (last - first) * 0.8)).isoformat(), dates[-1])
    plt.ylim(0, 7.2)
    plt.yticks(list(range(8)))
    plt.xticks(dates, dates)


def _overlay(plt: Plot, positions: list[int], values: list[float]) -> None:
    # A zero-length bar would blank the start of the one beneath it: skip those.
    shown = [(row, value) for row, value in zip(positions, values) if value > 0]
    if shown:
        plt.bar([row for row, _ in shown], [value for _, value in shown],
                orientation="horizontal", width=0.5, color="green")


def _empty(plt: Plot, message: str) -> None:
    plt.text(message, 0.5, 0.5, alignment="center")
    plt.xlim(0, 1)
    plt.ylim(0, 1)
    plt.xticks([])
    plt.yticks([])


def _short(text: str, width: int = LABEL_WIDTH) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


_DRAWERS = {
    ChartKind.COMPLETION: _draw_completion,
    ChartKind.PER_GOAL: _draw_per_goal,
    ChartKind.MEASURES: _draw_measures,
    ChartKind.SKILLS: _draw_skills,
}
