"""The destination timeline drawn on a figure: today, the 1/3/5-year goals, the 10-year horizon."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from dateutil.relativedelta import relativedelta

from careertui.model.timeline import PointKind, TimelinePoint

if TYPE_CHECKING:
    from careertui.compat import Figure

# Marker and legend text of each kind of point; today is a vertical line instead.
_SERIES = (
    (PointKind.GOAL, "●", "goal at its target date"),
    (PointKind.ESTIMATED_GOAL, "○", "no date set: today + N years"),
    (PointKind.HORIZON, "◆", "10-year horizon"),
)
_LABEL_RAISE = 0.8


def draw_timeline(plt: Figure, points: Sequence[TimelinePoint]) -> None:
    """Draw `points` (today first, as made by model.timeline.timeline), rising left to right."""
    if not points:
        return
    today = points[0].day
    # Each point one step higher than the one before, so labels never overlap.
    steps = range(len(points))
    days = [point.day.isoformat() for point in points]
    plt.plot(days, list(steps), marker="braille")
    for kind, marker, legend in _SERIES:
        chosen = [step for step in steps if points[step].kind is kind]
        if chosen:
            plt.scatter([days[step] for step in chosen], chosen, marker=marker, label=legend)
    plt.vline(today.isoformat())
    plt.text("today", today.isoformat(), -_LABEL_RAISE, alignment="left")
    for step in steps[1:]:
        plt.text(points[step].short_label, days[step], step + _LABEL_RAISE, alignment="center")
    first, last = min(points, key=lambda p: p.day), max(points, key=lambda p: p.day)
    plt.xlim((first.day - relativedelta(months=4)).isoformat(),
             (last.day + relativedelta(months=6)).isoformat())
    plt.ylim(-1, len(points) + 0.2)
    plt.yticks([])
    years = range(first.day.year + 1, last.day.year + 1, 2)
    plt.xticks([f"{year}-01-01" for year in years], [str(year) for year in years])
