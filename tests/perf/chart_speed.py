"""What the Progress charts cost on a 5,000-item plan: `python -m tests.perf.chart_speed`.

Medians in ms: the series a tick recomputes, the chart's render() and whole repaint, and the
per-goal chart's first drawing and its drawing when shown again. A measuring script, not a test.
"""

from __future__ import annotations

import asyncio
import statistics
import time
from collections.abc import Callable

from careertui.model.progress import completion_over_time, completion_per_goal
from careertui.screens.progress.chart_panel import ChartKind, ProgressChart
from careertui.store.plan_store import PlanStore
from tests.conftest import TODAY
from tests.perf.stress import stress_plan
from tests.ui.conftest import SIZE, make_app

RUNS = 20


def median_ms(work: Callable[[], object], runs: int = RUNS) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


async def measure(actions: int = 5000) -> tuple[dict[str, float], str]:
    """The figures by name, and the chart's size as 'WxH'."""
    plan = stress_plan(TODAY, actions=actions)
    figures = {
        "series: completion_over_time": median_ms(lambda: completion_over_time(plan.actions,
                                                                               TODAY)),
        "series: completion_per_goal": median_ms(lambda: completion_per_goal(plan.goals,
                                                                             plan.actions)),
    }
    store = PlanStore.in_memory()
    store.replace_plan(plan)
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("5")
        await pilot.pause()
        chart = app.screen.query_one(ProgressChart)
        chart.render()

        def repaint() -> None:
            chart.refresh()
            chart.render_lines(chart.region.reset_offset)
        figures["completion chart: render() per paint"] = median_ms(chart.render)
        figures["completion chart: whole repaint"] = median_ms(repaint)
        kinds = [ChartKind.PER_GOAL, ChartKind.COMPLETION]

        def per_goal_again() -> None:
            for kind in kinds:  # shown, then the first chart again
                chart.kind = kind
                chart.render()
        start = time.perf_counter()
        chart.kind = ChartKind.PER_GOAL
        chart.render()
        figures["per-goal chart: first drawing"] = (time.perf_counter() - start) * 1000
        figures["per-goal chart: shown again (and back)"] = median_ms(per_goal_again, 10)
        size = f"{chart.size.width}x{chart.size.height}"
    return figures, size


def main() -> None:
    figures, size = asyncio.run(measure())
    print(f"5,000 action items, the Progress chart {size} in a {SIZE[0]}x{SIZE[1]} terminal")
    for name, value in figures.items():
        print(f"{name:42} {value:8.2f} ms")


if __name__ == "__main__":
    main()
