"""A plotext chart widget that draws a figure once and keeps the result until it must change."""

from __future__ import annotations

from collections.abc import Callable, Hashable

from rich.text import Text
from textual.app import RenderResult
from textual.color import Color
from textual.content import Content
from textual.css.styles import RulesMap
from textual.strip import Strip
from textual.style import Style
from textual.timer import Timer
from textual.visual import RenderOptions, Visual
from textual_plotext import PlotextPlot
from textual_plotext.plot import Plot

from careertui.charts.figure import ChartFigure, Frame
from careertui.charts.tables import ChartTable, figure_table

Draw = Callable[[Plot], None]
TOO_NARROW = "(too narrow for this chart)"
# A change given with settle=True is drawn once no other came for this long (a burst of ticks).
SETTLE_SECONDS = 0.3
# Drawings kept per chart, the latest used last: enough for the four progress charts' tabs.
KEPT_DRAWINGS = 4


class Chart(PlotextPlot):
    """A PlotextPlot showing one ChartFigure, its drawing kept until the figure, the chart's
    size or its theme changes: a repaint, a focus change or a screen shown again runs nothing.

    `show_figure(figure)` replaces the figure (an equal one costs nothing); `draw(function)`
    shows a figure of its own for a function that draws on the plot.
    """

    DEFAULT_CSS = """
    Chart { height: 14; }
    """

    def __init__(self, *, name: str | None = None, id: str | None = None,
                 classes: str | None = None, disabled: bool = False) -> None:
        super().__init__(name=name, id=id, classes=classes, disabled=disabled)
        self.figure: ChartFigure | None = None
        self._waiting: ChartFigure | None = None  # the figure to show once changes settle
        self._settle: Timer | None = None
        self._drawings: dict[Hashable, KeptDrawing] = {}  # by (figure, size, theme)

    def show_figure(self, figure: ChartFigure, *, settle: bool = False) -> None:
        """Show `figure`; with `settle`, a chart already showing one waits until no change
        has come for SETTLE_SECONDS, then draws only the last."""
        latest = self._waiting or self.figure
        if figure == latest:
            return
        if settle and self.figure is not None and self.is_mounted:
            if self._settle is not None:
                self._settle.stop()  # Timer.reset would only restart after the current wait
            self._waiting = figure
            self._settle = self.set_timer(SETTLE_SECONDS, self._settled)
            return
        self._stop_waiting()
        self._show_now(figure)

    def draw(self, draw: Draw) -> None:
        """Show what `draw` draws on the plot (each call is a new figure, drawn once)."""
        self.show_figure(ChartFigure(draw))

    def table(self) -> ChartTable | None:
        """The numbers of the figure shown (or about to be), as a table; None for a figure
        with no table."""
        return figure_table(self._waiting or self.figure)

    def _settled(self) -> None:
        figure, self._settle = self._waiting, None
        self._waiting = None
        if figure is not None:
            self._show_now(figure)

    def _stop_waiting(self) -> None:
        if self._settle is not None:
            self._settle.stop()
        self._settle = self._waiting = None

    def _show_now(self, figure: ChartFigure) -> None:
        if figure != self.figure:
            self.figure = figure
            self.refresh()

    def render(self) -> RenderResult:
        # The theme name covers the colours: PlotextPlot takes them from it when it draws.
        key = (self.figure, self.size, self.theme, self.app.theme)
        drawing = self._drawings.pop(key, None)
        self._drawings[key] = drawing = self._build() if drawing is None else drawing
        while len(self._drawings) > KEPT_DRAWINGS:
            del self._drawings[next(iter(self._drawings))]
        return drawing

    def _build(self) -> KeptDrawing:
        return KeptDrawing(Content.from_rich_text(self._plot_text(), console=self.app.console))

    def _plot_text(self) -> Text:
        plt = self.plt
        plt.clear_figure()
        plt.date_form("Y-m-d")
        if self.figure is not None:
            canvas = Color.parse(self.app.theme_variables["surface"]).rgb
            self.figure.on(plt, Frame(self.size.width, self.size.height, canvas))
        try:
            text = super().render()
        except ValueError:
            # plotext 5.3 cannot fill bars when the tick labels leave one column to draw in.
            return Text(TOO_NARROW, style="dim", overflow="ellipsis", no_wrap=True)
        assert isinstance(text, Text)  # PlotextPlot renders Text.from_ansi
        return text


class KeptDrawing(Visual):
    """A chart's drawing that keeps the lines Textual made of it: a repaint of an unchanged
    chart (a focus change, a screen shown again) reuses them instead of laying the text out."""

    def __init__(self, content: Content) -> None:
        self.content = content
        self._strips: dict[tuple[int, int | None, Style], list[Strip]] = {}

    def render_strips(self, width: int, height: int | None, style: Style,
                      options: RenderOptions) -> list[Strip]:
        if options.selection is not None:  # a selection is drawn over the lines: not kept
            return self.content.render_strips(width, height, style, options)
        key = width, height, style
        if key not in self._strips:
            self._strips = {key: self.content.render_strips(width, height, style, options)}
        return self._strips[key]

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return self.content.get_optimal_width(rules, container_width)

    def get_height(self, rules: RulesMap, width: int) -> int:
        return self.content.get_height(rules, width)
