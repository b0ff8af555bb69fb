"""Horizontal bars one text line thick, each on the line of its own distinct label."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from careertui.model.labels import distinct_labels

if TYPE_CHECKING:
    from careertui.compat import Figure

FULL = "█"
LIGHT = "░"


def hbars(plt: Figure, positions: Sequence[float], values: Sequence[float],
          marker: str = FULL, color: str | None = None) -> None:
    """Bars of `values` at `positions` (1, 2, ... from the bottom); a bar of 0 is not drawn.

    Each bar is a line from 0: plotext puts a line on exactly its tick's text line at every
    height, where its bars (of any width) spill onto a neighbour's line or fall between labels.
    """
    for position, value in zip(positions, values, strict=True):
        if value > 0:
            plt.plot([0, value], [position, position], marker=marker, color=color)


def bar_labels(plt: Figure, names: Sequence[str], width: int, after: Sequence[str] = ()) -> None:
    """Label bar 1..n (bottom up) with `names` cut to `width`, told apart, then `after` each."""
    labels = distinct_labels(names, width)
    suffixes = list(after) or [""] * len(labels)
    plt.yticks(list(range(1, len(labels) + 1)),
               [f"{label} {suffix}".rstrip() for label, suffix in zip(labels, suffixes,
                                                                      strict=True)])
    plt.ylim(0.3, len(labels) + 0.7)
