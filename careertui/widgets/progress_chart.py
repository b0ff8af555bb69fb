"""The charts of step 5, one shown at a time: completion, per goal, measures, skill history."""

from __future__ import annotations

from typing import Any

from careertui.charts.progress import CHART_KINDS, ChartKind, draw_progress
from careertui.widgets.charts import Chart

__all__ = ["CHART_KINDS", "ChartKind", "ProgressChart"]


class ProgressChart(Chart):
    """Keeps every chart's series in `series` (by kind) and draws the one in `kind`.

    The series come from careertui.model.progress; careertui.charts.progress draws them.
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
        kind, data = self.kind, self.series.get(self.kind)
        self.draw(lambda plt: draw_progress(plt, kind, data))
