"""The plan timeline drawn on a figure: goal deadlines and action due dates, today as a line."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import TYPE_CHECKING

from dateutil.relativedelta import relativedelta

from careertui.charts.figure import Frame
from careertui.model.labels import distinct_labels
from careertui.model.progress import TimelineEvent

if TYPE_CHECKING:
    from careertui.compat import Figure

GOAL_ROWS = 3  # goal markers cycle over this many rows so their labels overlap less
LABEL_WIDTH = 18
ITEM_ROW = 0


def draw_plan_timeline(plt: Figure, events: Sequence[TimelineEvent], today: date, years: int,
                       *, frame: Frame) -> None:
    """Action items on the bottom row, goal deadlines (labelled) on the rows above.

    `events` as made by model.progress.plan_timeline; labels are placed by the chart's width
    (`frame.width`) so they do not run into each other, on `frame.canvas`, as the figure's
    canvas takes the theme's colour only when drawn.
    """
    width, canvas = frame.width, frame.canvas
    end = today + relativedelta(years=years)
    plt.title(f"Deadlines and due dates, next {years} years")
    goals = [event for event in events if event.kind == "goal"]
    items = [event for event in events if event.kind != "goal"]
    if items:
        plt.scatter([e.day.isoformat() for e in items], [ITEM_ROW] * len(items),
                    marker="●", color="cyan", label="action item due")
    first, last = today - relativedelta(months=2), end + relativedelta(months=2)
    if goals:
        days_per_cell = (last - first).days / max(width - 12, 20)
        placed = _place_labels(goals, first, days_per_cell)
        plt.scatter([e.day.isoformat() for e in goals], [row for row, _, _ in placed],
                    marker="◆", color="orange", label="goal deadline")
        for event, (row, label, alignment) in zip(goals, placed, strict=True):
            if label:
                plt.text(label, event.day.isoformat(), row + 0.45, alignment=alignment,
                         color="orange", background=canvas)
    plt.vline(today.isoformat(), color="red")
    plt.text(" today", today.isoformat(), -0.6, alignment="left", color="red",
             background=canvas)
    if not events:
        middle = today + (end - today) / 2
        plt.text("Nothing due in the next years", middle.isoformat(), 2, alignment="center",
                 background=canvas)
    plt.xlim(first.isoformat(), last.isoformat())
    plt.ylim(-0.8, GOAL_ROWS + 1.6)
    plt.yticks([ITEM_ROW, 2], ["items", "goals"])
    year_range = range(today.year + 1, end.year + 1)
    plt.xticks([f"{year}-01-01" for year in year_range], [str(year) for year in year_range])


def _place_labels(goals: list[TimelineEvent], first: date,
                  days_per_cell: float) -> list[tuple[int, str, str]]:
    """(row, label, alignment) per goal, by date: each on the first row where its label does
    not run into the previous one; when no row is free the marker stays without a label.

    A label that would be cut at the left edge starts at its marker instead of centring on it.
    """
    label_end = dict.fromkeys(range(1, GOAL_ROWS + 1), float("-inf"))
    placed = []
    labels = distinct_labels([event.label for event in goals], LABEL_WIDTH)
    for index, (event, label) in enumerate(zip(goals, labels, strict=True)):
        width = (len(label) + 2) * days_per_cell
        day = event.day.toordinal()
        start, alignment = day - width / 2, "center"
        if start < first.toordinal():
            start, alignment = day, "left"
        row = next((row for row, end in label_end.items() if end < start), None)
        if row is None:
            placed.append((1 + index % GOAL_ROWS, "", alignment))
            continue
        label_end[row] = start + width
        placed.append((row, label, alignment))
    return placed
