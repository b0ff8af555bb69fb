"""The charts of step 5, one shown at a time under their tabs: completion, per goal, measures,
skill history."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.reactive import var
from textual.widgets import Static

from careertui.charts.figure import ChartFigure
from careertui.charts.progress import CHART_KINDS, ChartKind, draw_progress
from careertui.widgets.charts import Chart


class ProgressChart(Chart):
    """Keeps every chart's series in `series` (by kind) and draws the one in `kind`: a new
    series (a tick) once changes settle, another kind at once.

    The series come from careertui.model.progress; careertui.charts.progress draws them.
    """

    kind: var[ChartKind] = var(ChartKind.COMPLETION, init=False)

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.series: dict[ChartKind, Any] = {}

    def set_series(self, kind: ChartKind, data: Any, settle: bool = True) -> None:
        """Remember `data` for `kind`; redraw when that chart is the one on screen (once
        changes `settle`, or at once)."""
        self.series[kind] = data
        if kind is self.kind:
            self.show_figure(self._figure(), settle=settle)

    def watch_kind(self) -> None:
        self.show_figure(self._figure())

    def _figure(self) -> ChartFigure:
        return ChartFigure(draw_progress, self.kind, self.series.get(self.kind))


class ChartTabs(Static):
    """One tab per chart, the shown one highlighted; a click on a tab runs the screen's
    `show_chart` action, as its `v` key runs `next_chart`."""

    def show_tabs(self, current: ChartKind) -> None:
        tabs = []
        for kind in CHART_KINDS:
            style = "bold reverse $accent" if kind is current else "$text-muted"
            tabs.append(Content.from_markup(
                f"[{style} @click=screen.show_chart('{kind.name}')] {kind.value} [/]"))
        keys = Content.from_markup("  [dim]v next · ^t table[/dim]")
        self.update(Content(" ").join(tabs) + keys)


class ChartPanel(Vertical):
    """The tabs over the progress chart; `show_kind` and `next_chart` change the chart shown."""

    def compose(self) -> ComposeResult:
        yield ChartTabs(id="chart-tabs")
        yield ProgressChart(id="progress-chart")

    def on_mount(self) -> None:
        self._show_tabs()

    @property
    def chart(self) -> ProgressChart:
        return self.query_one(ProgressChart)

    def set_series(self, kind: ChartKind, data: Any, settle: bool = True) -> None:
        self.chart.set_series(kind, data, settle)

    def show_kind(self, kind: ChartKind) -> None:
        self.chart.kind = kind
        self._show_tabs()

    def next_chart(self) -> None:
        current = CHART_KINDS.index(self.chart.kind)
        self.show_kind(CHART_KINDS[(current + 1) % len(CHART_KINDS)])

    def _show_tabs(self) -> None:
        self.query_one(ChartTabs).show_tabs(self.chart.kind)
