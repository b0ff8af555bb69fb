"""A plotext chart widget that redraws from data computed elsewhere."""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual.app import RenderResult
from textual_plotext import PlotextPlot
from textual_plotext.plot import Plot

Draw = Callable[[Plot], None]
TOO_NARROW = "(too narrow for this chart)"


class Chart(PlotextPlot):
    """A PlotextPlot whose whole figure is drawn by one function, so a redraw is one call; the
    function runs again when the chart is resized (it may size its labels to the chart)."""

    DEFAULT_CSS = """
    Chart { height: 14; }
    """

    _draw: Draw | None = None

    def draw(self, draw: Draw) -> None:
        self._draw = draw
        self._run(draw)

    def on_resize(self) -> None:
        if self._draw is not None:
            self._run(self._draw)

    def _run(self, draw: Draw) -> None:
        plt = self.plt
        plt.clear_figure()
        plt.date_form("Y-m-d")
        draw(plt)
        self.refresh()

    def render(self) -> RenderResult:
        try:
            return super().render()
        except ValueError:
            # plotext 5.3 cannot fill bars when the tick labels leave one column to draw in.
            return Text(TOO_NARROW, style="dim", overflow="ellipsis", no_wrap=True)
