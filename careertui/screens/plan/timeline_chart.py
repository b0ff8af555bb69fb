"""The plan timeline chart widget: draws the events of model.progress.plan_timeline."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from textual.color import Color

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
        """Redraw with `events` (as made by model.progress.plan_timeline)."""
        self.events, self.today, self.years = list(events), today, years
        # Text takes the plot's canvas colour when drawn, before the widget applies the theme.
        canvas = Color.parse(self.app.theme_variables["surface"]).rgb
        self.draw(lambda plt: draw_plan_timeline(plt, self.events, today, years,
                                                 self.size.width, canvas))
