"""The destination timeline chart: draws the points of model.timeline on a date axis."""

from __future__ import annotations

from dateutil.relativedelta import relativedelta
from textual_plotext.plot import Plot

from careertui.model.timeline import PointKind, TimelinePoint
from careertui.widgets.charts import Chart

# Marker and legend text of each kind of point; today is a vertical line instead.
_SERIES = (
    (PointKind.GOAL, "●", "goal at its target date"),
    (PointKind.ESTIMATED_GOAL, "○", "no date set: today + N years"),
    (PointKind.HORIZON, "◆", "10-year horizon"),
)
_LABEL_RAISE = 0.8


class TimelineChart(Chart):
    """Today as a line, one marker per goal and the 10-year horizon, rising left to right."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.points: list[TimelinePoint] = []

    def show(self, points: list[TimelinePoint]) -> None:
        """Redraw with `points` (today first), as made by model.timeline.timeline."""
        self.points = list(points)
        self.draw(self._draw)

    def _draw(self, plt: Plot) -> None:
        if not self.points:
            return
        today = self.points[0].day
        # Each point one step higher than the one before, so labels never overlap.
        steps = range(len(self.points))
        days = [point.day.isoformat() for point in self.points]
        plt.plot(days, list(steps), marker="braille")
        for kind, marker, legend in _SERIES:
            chosen = [step for step in steps if self.points[step].kind is kind]
            if chosen:
                plt.scatter([days[step] for step in chosen], chosen, marker=marker, label=legend)
        plt.vline(today.isoformat())
        plt.text("today", today.isoformat(), -_LABEL_RAISE, alignment="left")
        for step in steps[1:]:
            plt.text(self.points[step].short_label, days[step], step + _LABEL_RAISE,
                     alignment="center")
        first, last = min(self.points, key=lambda p: p.day), max(self.points, key=lambda p: p.day)
        plt.xlim((first.day - relativedelta(months=4)).isoformat(),
                 (last.day + relativedelta(months=6)).isoformat())
        plt.ylim(-1, len(self.points) + 0.2)
        plt.yticks([])
        years = range(first.day.year + 1, last.day.year + 1, 2)
        plt.xticks([f"{year}-01-01" for year in years], [str(year) for year in years])
