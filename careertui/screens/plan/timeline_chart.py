"""The plan timeline chart widget: draws the events of model.progress.plan_timeline."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from careertui.charts.figure import ChartFigure
from careertui.charts.plan_timeline import draw_plan_timeline
from careertui.model.progress import TimelineEvent
from careertui.widgets.charts import Chart


class PlanTimelineChart(Chart):
    """Action items on the bottom row, goal deadlines (labelled) on the rows above."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.events: list[TimelineEvent] = []
        self.today: date | None = None
        self.years = 5

    def show(self, events: Sequence[TimelineEvent], today: date, years: int = 5) -> None:
        """Redraw with `events` (as made by model.progress.plan_timeline), once they settle."""
        self.events, self.today, self.years = list(events), today, years
        # Framed: the labels are placed by the chart's width and drawn on the theme's colour.
        self.show_figure(ChartFigure(draw_plan_timeline, tuple(self.events), today, years,
                                     framed=True), settle=True)
