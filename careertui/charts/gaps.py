"""The gaps chart drawn on a figure: your level against the needed one, highest priority on top."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from careertui.model.labels import shorten

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
    labels = [shorten(name, LABEL_WIDTH) for name in reversed(names)]
    rows = list(range(1, len(labels) + 1))
    plt.bar(rows, list(reversed(needed)), orientation="horizontal", width=0.5, color="orange")
    # A zero-length bar would blank the start of the one beneath it: skip those.
    rated = [(row, you) for row, you in zip(rows, reversed(yours), strict=True) if you > 0]
    if rated:
        plt.bar([row for row, _ in rated], [you for _, you in rated],
                orientation="horizontal", width=0.5, color="cyan")
    plt.yticks(rows, labels)
    plt.xlim(0, 7)
    plt.xticks(list(range(8)))
    plt.ylim(0.3, len(labels) + 0.7)
