"""The destination timeline chart widget: draws the points of model.timeline on a date axis."""

from __future__ import annotations

from careertui.charts.figure import ChartFigure
from careertui.charts.timeline import draw_timeline
from careertui.model.timeline import TimelinePoint
from careertui.widgets.charts import Chart


class TimelineChart(Chart):
    """Today as a line, one marker per goal and the 10-year horizon, rising left to right."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.points: list[TimelinePoint] = []

    def show(self, points: list[TimelinePoint]) -> None:
        """Redraw with `points` (today first), as made by model.timeline.timeline."""
        self.points = list(points)
        self.show_figure(ChartFigure(draw_timeline, tuple(self.points)))
