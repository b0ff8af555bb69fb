"""Pilot tests of the charts' kept drawings: plotext runs for a new figure, size or theme only,
and once after a burst of ticks."""

from __future__ import annotations

from collections import Counter

import pytest
from textual.content import Content
from textual_plotext.plot import Plot

from careertui.model.plan import Action
from careertui.screens.plan.timeline_chart import PlanTimelineChart
from careertui.screens.progress.action_table import ActionTable
from careertui.screens.progress.chart_panel import CHART_KINDS, ChartKind, ProgressChart
from careertui.widgets.charts import SETTLE_SECONDS, Chart, KeptDrawing
from tests.conftest import TODAY
from tests.perf.stress import stress_plan
from tests.ui.conftest import SIZE, make_app

SETTLED = SETTLE_SECONDS + 0.3


@pytest.fixture
def builds(monkeypatch) -> Counter:
    """How many times plotext built each app plot, by the plot."""
    counts: Counter = Counter()
    build = Plot.build

    def counted(plot: Plot) -> str:
        counts[plot] += 1
        return build(plot)
    monkeypatch.setattr(Plot, "build", counted)
    return counts


async def open_chart(pilot) -> ProgressChart:
    await pilot.press("5")
    await pilot.pause()
    chart = pilot.app.screen.query_one(ProgressChart)
    chart.render()  # drawn, whatever the pilot has painted so far
    return chart


def drawn(chart: Chart) -> str:
    """The chart's text as it would paint now."""
    drawing = chart.render()
    assert isinstance(drawing, KeptDrawing)
    return drawing.content.plain


def done_now(store) -> int:
    return sum(action.done for action in store.all(Action))


async def test_repaints_focus_and_a_visit_elsewhere_run_nothing(demo_store, builds):
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        chart = await open_chart(pilot)
        before, builds[chart.plt] = drawn(chart), 0
        chart.refresh()
        await pilot.pause()
        await pilot.press("tab", "tab")
        await pilot.press("4", "5")
        await pilot.pause()
        assert drawn(chart) == before
        assert builds[chart.plt] == 0


async def test_a_burst_of_ticks_draws_once_when_it_settles(demo_store, builds):
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        chart = await open_chart(pilot)
        before, done, builds[chart.plt] = drawn(chart), done_now(demo_store), 0
        series = chart.series[ChartKind.COMPLETION]
        await pilot.press("space", "space", "space")  # ticked, unticked, ticked
        assert done_now(demo_store) == done + 1  # saved at once...
        assert chart.series[ChartKind.COMPLETION] == series  # ...the series and drawing later
        assert drawn(chart) == before and builds[chart.plt] == 0
        await pilot.pause(SETTLED)
        assert chart.series[ChartKind.COMPLETION] != series
        assert drawn(chart) != before
        assert builds[chart.plt] == 1


async def test_a_burst_that_ends_where_it_began_draws_nothing(demo_store, builds):
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        chart = await open_chart(pilot)
        builds[chart.plt] = 0
        await pilot.press("space", "space")  # ticked and unticked: the same figure again
        await pilot.pause(SETTLED)
        drawn(chart)
        assert builds[chart.plt] == 0


async def test_another_chart_kind_draws_at_once_and_each_is_kept(demo_store, builds):
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        chart = await open_chart(pilot)
        first, builds[chart.plt] = drawn(chart), 0
        await pilot.press("v")
        assert chart.kind is ChartKind.PER_GOAL
        assert drawn(chart) != first and builds[chart.plt] == 1
        for _ in range(2 * len(CHART_KINDS) - 1):  # every kind, twice
            await pilot.press("v")
            drawn(chart)
        assert builds[chart.plt] == len(CHART_KINDS) - 1  # each drawn once: the first was
        assert chart.kind is ChartKind.COMPLETION and drawn(chart) == first


async def test_a_resize_or_a_theme_draws_again_once(demo_store, builds):
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        chart = await open_chart(pilot)
        width, builds[chart.plt] = chart.size.width, 0
        await pilot.resize_terminal(SIZE[0] + 40, SIZE[1])
        await pilot.pause()
        lines = drawn(chart).splitlines()
        assert chart.size.width > width and len(lines[0]) == chart.size.width
        assert builds[chart.plt] == 1
        before = chart.render()
        app.theme = "textual-light" if app.theme != "textual-light" else "nord"
        await pilot.pause()
        after = chart.render()
        assert after is not before and builds[chart.plt] == 2
        assert chart.render() is after and builds[chart.plt] == 2


async def test_the_plan_timeline_keeps_its_drawing_while_the_plan_is_unchanged(demo_store, builds):
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4")
        await pilot.pause()
        chart = app.screen.query_one(PlanTimelineChart)
        chart.render()
        builds[chart.plt] = 0
        await pilot.press("5", "4")
        await pilot.pause()
        chart.render()
        assert builds[chart.plt] == 0


async def test_a_tick_in_a_big_plan_leaves_plotext_alone_until_it_settles(empty_store, builds):
    empty_store.replace_plan(stress_plan(TODAY, actions=1000))
    app = make_app(empty_store)
    async with app.run_test(size=SIZE) as pilot:
        chart = await open_chart(pilot)
        table = app.screen.query_one(ActionTable)
        builds.clear()
        for _ in range(4):
            await pilot.press("space", "down")
        assert table.cursor_row == 4 and not builds[chart.plt]
        await pilot.pause(SETTLED)
        for _ in range(50):  # a busy machine runs the timers late: up to 5 s more
            chart.render()
            if builds[chart.plt]:
                break
            await pilot.pause(0.1)
        await pilot.pause(SETTLED)
        chart.render()
        assert builds[chart.plt] == 1  # once for the whole burst


async def test_a_repaint_reuses_the_lines_textual_made_of_the_drawing(demo_store, monkeypatch):
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        chart = await open_chart(pilot)
        drawing = chart.render()
        assert isinstance(drawing, KeptDrawing)
        made = []
        render_strips = Content.render_strips
        monkeypatch.setattr(Content, "render_strips", lambda content, *args: made.append(
            content is drawing.content) or render_strips(content, *args))
        for _ in range(3):
            chart.refresh()
            await pilot.pause()
        assert chart.render() is drawing and True not in made
