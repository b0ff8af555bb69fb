"""A plotext chart widget that redraws from data computed elsewhere."""

from __future__ import annotations

from collections.abc import Callable

from textual_plotext import PlotextPlot
from textual_plotext.plot import Plot

Draw = Callable[[Plot], None]


class Chart(PlotextPlot):
    """A PlotextPlot whose whole figure is drawn by one function, so a redraw is one call."""

    DEFAULT_CSS = """
    Chart { height: 14; }
    """

    def draw(self, draw: Draw) -> None:
        plt = self.plt
        plt.clear_figure()
        plt.date_form("Y-m-d")
        draw(plt)
        self.refresh()
