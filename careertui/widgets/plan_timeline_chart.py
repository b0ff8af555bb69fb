"""The plan timeline: goal deadlines and action due dates over the next years, today as a line."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from dateutil.relativedelta import relativedelta
from textual.color import Color
from textual_plotext.plot import Plot

from careertui.model.progress import TimelineEvent
from careertui.widgets.charts import Chart

GOAL_ROWS = 3  # goal markers cycle over this many rows so their labels overlap less
LABEL_WIDTH = 18
ITEM_ROW = 0


class PlanTimelineChart(Chart):
    """Action items on the bottom row, goal deadlines (labelled) on the rows above."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.events: list[TimelineEvent] = []
        self.today: date | None = None
        self.years = 5

    def show(self, events: Sequence[TimelineEvent], today: date, years: int = 5) -> None:
        """Redraw with `events` (as made by model.progress.plan_timeline)."""
        self.events, self.today, self.years = list(events), today, years
        self.draw(self._draw)

    def _draw(self, plt: Plot) -> None:
        today = self.today
        end = today + relativedelta(years=self.years)
        plt.title(f"Deadlines and due dates, next {self.years} years")
        goals = [event for event in self.events if event.kind == "goal"]
        items = [event for event in self.events if event.kind != "goal"]
        if items:
            plt.scatter([e.day.isoformat() for e in items], [ITEM_ROW] * len(items),
                        marker="●", color="cyan", label="action item due")
        first, last = today - relativedelta(months=2), end + relativedelta(months=2)
        # Text takes the plot's canvas colour when drawn, before the widget applies the theme.
        canvas = Color.parse(self.app.theme_variables["surface"]).rgb
        if goals:
            days_per_cell = (last - first).days / max(self.size.width - 12, 20)
            placed = _place_labels(goals, first, days_per_cell)
            plt.scatter([e.day.isoformat() for e in goals], [row for row, _, _ in placed],
                        marker="◆", color="orange", label="goal deadline")
            for event, (row, label, alignment) in zip(goals, placed):
                if label:
                    plt.text(label, event.day.isoformat(), row + 0.45, alignment=alignment,
                             color="orange", background=canvas)
        plt.vline(today.isoformat(), color="red")
        plt.text(" today", today.isoformat(), -0.6, alignment="left", color="red",
                 background=canvas)
        if not self.events:
            middle = today + (end - today) / 2
            plt.text("Nothing due in the next years", middle.isoformat(), 2, alignment="center",
                     background=canvas)
        plt.xlim(first.isoformat(), last.isoformat())
        plt.ylim(-0.8, GOAL_ROWS + 1.6)
        plt.yticks([ITEM_ROW, 2], ["items", "goals"])
        years = range(today.year + 1, end.year + 1)
        plt.xticks([f"{year}-01-01" for year in years], [str(year) for year in years])


def _short(label: str) -> str:
    return label if len(label) <= LABEL_WIDTH else label[: LABEL_WIDTH - 1] + "…"


def _place_labels(goals: list[TimelineEvent], first: date,
                  days_per_cell: float) -> list[tuple[int, str, str]]:
    """(row, label, alignment) per goal, by date: each on the first row where its label does
    not run into the previous one; when no row is free the marker stays without a label.

    A label that would be cut at the left edge starts at its marker instead of centring on it.
    """
    label_end = dict.fromkeys(range(1, GOAL_ROWS + 1), float("-inf"))
    placed = []
    for index, event in enumerate(goals):
        label = _short(event.label)
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
