"""The overview's chart drawn on a figure: action items done against planned, over time."""

from __future__ import annotations

from typing import TYPE_CHECKING

from careertui.charts.progress import DONE_MARKER, LINE, completion_note, empty

if TYPE_CHECKING:
    from careertui.compat import Figure


def draw_done_vs_planned(plt: Figure, dates: list[str], done: list[int],
                         planned: list[int]) -> None:
    """Two lines, as made by model.progress.completion_over_time; words under two dates."""
    plt.title("Action items: done vs planned")
    if note := completion_note((dates, done, planned)):
        empty(plt, *note)
        return
    plt.plot(dates, planned, label="planned", color="orange", marker=LINE)
    plt.plot(dates, done, label="done", color="cyan", marker=DONE_MARKER)
