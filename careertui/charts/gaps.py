"""The gaps chart drawn on a figure: your level against the needed one, highest priority on top."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from careertui.charts.bars import bar_labels, hbars

if TYPE_CHECKING:
    from careertui.compat import Figure

LABEL_WIDTH = 16


def draw_gaps(plt: Figure, names: Sequence[str], yours: Sequence[float],
              needed: Sequence[float]) -> None:
    """Two bars per area (as made by model.gaps.chart_series, first area first)."""
    # plotext 5.3 drops the legend marker of a second bar series: name colours in the title.
    plt.title("You (cyan) vs needed (orange)")
    if not names:
        plt.text("No open gaps", 3.5, 0.5, alignment="center")
        return
    # plotext draws bottom-up, so reverse to show the highest priority on top.
    rows = list(range(1, len(names) + 1))
    hbars(plt, rows, list(reversed(needed)), color="orange")
    hbars(plt, rows, list(reversed(yours)), color="cyan")
    bar_labels(plt, list(reversed(names)), LABEL_WIDTH)
    plt.xlim(0, 7)
    plt.xticks(list(range(8)))
