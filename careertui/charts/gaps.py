"""The gaps chart drawn on a figure: your level against the needed one, highest priority on top."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from careertui.charts.bars import FULL, LIGHT, bar_labels, hbars
from careertui.charts.figure import Frame

if TYPE_CHECKING:
    from careertui.compat import Figure

SHORTEST_LABEL, LONGEST_LABEL = 16, 34


def label_width(chart_width: int) -> int:
    """How much of each area's name a chart `chart_width` cells wide shows: a third of it."""
    return max(SHORTEST_LABEL, min(LONGEST_LABEL, chart_width // 3))


def draw_gaps(plt: Figure, names: Sequence[str], yours: Sequence[float],
              needed: Sequence[float], label_width: int = SHORTEST_LABEL) -> None:
    """Two bars per area (as made by model.gaps.chart_series, first area first), the names
    cut to `label_width`."""
    # plotext 5.3 drops the legend marker of a second bar series: the title names the fills,
    # which tell the bars apart without colour too.
    plt.title(f"You {FULL} · to go {LIGHT}")
    if not names:
        plt.text("No open gaps", 3.5, 0.5, alignment="center")
        return
    # plotext draws bottom-up, so reverse to show the highest priority on top.
    rows = list(range(1, len(names) + 1))
    hbars(plt, rows, list(reversed(needed)), LIGHT, color="orange")
    hbars(plt, rows, list(reversed(yours)), FULL, color="cyan")
    bar_labels(plt, list(reversed(names)), label_width)
    plt.xlim(0, 7)
    plt.xticks(list(range(8)))


def draw_gaps_to_fit(plt: Figure, names: Sequence[str], yours: Sequence[float],
                     needed: Sequence[float], *, frame: Frame) -> None:
    """draw_gaps with the names cut to fit the chart (label_width of its width)."""
    draw_gaps(plt, names, yours, needed, label_width(frame.width))
