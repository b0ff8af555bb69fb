"""Every screen at terminal sizes from 40x12 to 250x80 and through live resizes, on the demo
and the stress plan; below the minimum size an "enlarge the terminal" message covers the app."""

from __future__ import annotations

import re
from functools import cache

import pytest
from rich.console import Console
from textual.app import App, ComposeResult
from textual.content import Content
from textual.geometry import Size
from textual.widgets import DataTable, Input, Static, TextArea, Tree

from careertui.app import CareerApp
from careertui.demo import demo_plan
from careertui.model.plan import Plan
from careertui.model.progress import (
    completion_over_time,
    completion_per_goal,
    measure_progress,
    plan_timeline,
    skill_history,
)
from careertui.model.timeline import timeline
from careertui.screens.base import StepScreen
from careertui.screens.destination.timeline_chart import TimelineChart
from careertui.screens.help import HelpScreen
from careertui.screens.plan.timeline_chart import PlanTimelineChart
from careertui.screens.progress.chart_panel import CHART_KINDS, ChartKind, ProgressChart
from careertui.steps import STEPS
from careertui.store.plan_store import PlanStore
from careertui.widgets import too_small
from careertui.widgets.charts import Chart
from careertui.widgets.form_dialog import FormDialog
from careertui.widgets.too_small import MIN_SIZE, TooSmallScreen
from tests.conftest import TODAY
from tests.perf.stress import stress_plan
from tests.ui.conftest import make_app, type_text

START = (120, 36)
# From 250x80 down to 40x12, very wide and very flat, and odd sizes: layouts break on the cell
# that does not divide evenly. 40x12 comes last, with the message in front.
SIZES = [(250, 80), (250, 12), (63, 19), (41, 13)]
TOO_SMALL = [(MIN_SIZE.width - 1, 30), (100, MIN_SIZE.height - 1), (45, 13)]
# Fewer items than the benchmark's 5,000 keep the suite fast; 1,500 rows still scroll and clip.
STRESS_ACTIONS = 1500

# The keys that open each screen from the overview.
SCREENS = {step.mode: (step.key,) for step in STEPS}
SCREENS["help"] = ("question_mark",)
SCREENS["add-action"] = ("4", "a")


@cache
def _plan(name: str) -> Plan:
    return demo_plan(TODAY) if name == "demo" else stress_plan(TODAY, actions=STRESS_ACTIONS)


def app_on_plan(plan_name: str) -> CareerApp:
    store = PlanStore.in_memory()
    store.replace_plan(_plan(plan_name))
    return make_app(store)


async def open_screen(pilot, keys: tuple[str, ...]) -> None:
    for key in keys:
        await pilot.press(key)
        await pilot.app.workers.wait_for_complete()  # the O*NET library loads in a thread
        await pilot.pause()


def content_of(screen) -> dict[str, list]:
    """What a screen shows, whatever its size: rows and cursors, field values, texts, focus."""
    return {
        "tables": [(t.id, t.row_count, t.cursor_coordinate) for t in screen.query(DataTable)],
        "trees": [(t.id, t.last_line, t.cursor_line) for t in screen.query(Tree)],
        "fields": [(w.id, w.value) for w in screen.query(Input)]
        + [(w.id, w.text) for w in screen.query(TextArea)],
        # The overview's bars fit the width: their length is left out, their share kept.
        "texts": [(w.id, re.sub("[█░]+", "▒", plain_text(w.content)))
                  for w in screen.query(Static) if w.id],
        "focus": [screen.focused],
    }


def plain_text(content) -> str:
    if isinstance(content, str):
        return content
    if isinstance(content, Content):
        return content.plain
    console = Console(width=100, color_system=None)  # a Rich renderable such as a Group
    with console.capture() as capture:
        console.print(content)
    return capture.get()


def message_shown(app: CareerApp) -> str | None:
    """The too-small message on top of the app, or None."""
    if not isinstance(app.screen, TooSmallScreen):
        return None
    return plain_text(app.screen.query_one("#too-small-message", Static).content)


async def resize(pilot, width: int, height: int) -> None:
    await pilot.resize_terminal(width, height)
    await pilot.pause()


def assert_is_the_screen(app: CareerApp, name: str) -> None:
    expected = {"help": HelpScreen, "add-action": FormDialog}.get(name, StepScreen)
    assert isinstance(app.screen, expected)
    if expected is StepScreen:
        assert app.current_mode == name


@pytest.mark.parametrize("plan_name", ["demo", "stress"])
@pytest.mark.parametrize("name", list(SCREENS))
async def test_every_screen_survives_every_size_and_a_live_shrink(plan_name, name, monkeypatch):
    app = app_on_plan(plan_name)
    async with app.run_test(size=START) as pilot:
        await open_screen(pilot, SCREENS[name])
        if name == "add-action":
            await type_text(pilot, "Q3 report")  # typed text must survive the resizes
        assert_is_the_screen(app, name)
        screen, before = app.screen, content_of(app.screen)
        assert before["tables"] or before["trees"] or before["fields"] or name == "overview"

        # Below the minimum the message covers the app; keys do not reach the screens below.
        for width, height in TOO_SMALL:
            await resize(pilot, width, height)
            message = message_shown(app)
            assert message is not None, (width, height)
            assert f"at least {MIN_SIZE.width}x{MIN_SIZE.height} (now {width}x{height})" in message
        await pilot.press("1", "a", "question_mark")
        assert message_shown(app) is not None and app.screen_stack[-2] is screen
        # At the minimum it goes, and the screen is as it was: rows, cursor, typed text, focus.
        await resize(pilot, *MIN_SIZE)
        assert message_shown(app) is None and app.screen is screen
        assert all(below.size == MIN_SIZE for below in app.screen_stack)
        assert content_of(screen) == before

        # The screens themselves, drawn at every size without the message in front.
        with monkeypatch.context() as patch:
            patch.setattr(too_small, "MIN_SIZE", Size(0, 0))
            for width, height in SIZES:
                await resize(pilot, width, height)
                assert app.screen is screen
                assert all(below.size == (width, height) for below in app.screen_stack)
                assert content_of(screen) == before

        # The screens below are laid out at 40x12 too, before the message covers them.
        await resize(pilot, 40, 12)
        assert "(now 40x12)" in message_shown(app)
        assert all(below.size == (40, 12) for below in app.screen_stack)
        assert content_of(screen) == before
        await pilot.press("q")  # quits under the message, even over a text field
        await pilot.pause()
        assert not app.is_running


async def test_a_terminal_too_small_at_start_shows_the_message_then_the_overview():
    app = app_on_plan("demo")
    async with app.run_test(size=(60, 16)) as pilot:
        assert "(now 60x16)" in message_shown(app)
        await resize(pilot, *START)
        assert message_shown(app) is None
        assert app.current_mode == "overview"
        assert "Maya Okafor" in plain_text(app.screen.query_one("#overview-who", Static).content)


async def test_the_message_returns_after_the_command_palette_and_follows_a_step_switch():
    app = app_on_plan("demo")
    async with app.run_test(size=(60, 16)) as pilot:
        await pilot.press("ctrl+p")
        await type_text(pilot, "Go to Plan")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert app.current_mode == "plan"
        assert "(now 60x16)" in message_shown(app)
        await resize(pilot, *START)
        assert message_shown(app) is None
        await pilot.press("0")  # the overview's own message left when it came back on top
        await pilot.pause()
        assert app.current_mode == "overview" and message_shown(app) is None


class ChartsApp(App):
    def compose(self) -> ComposeResult:
        yield ProgressChart()
        yield TimelineChart()
        yield PlanTimelineChart()
        yield Chart()


@pytest.mark.parametrize("plan_name", ["demo", "stress"])
async def test_every_chart_draws_at_any_size_down_to_nothing(plan_name):
    """The screens give charts fixed or shared widths; any layout change must not crash one."""
    plan = _plan(plan_name)
    app = ChartsApp()
    async with app.run_test(size=(1, 1)) as pilot:  # render() below draws them, not the screen
        progress = app.query_one(ProgressChart)
        progress.set_series(ChartKind.COMPLETION, completion_over_time(plan.actions, TODAY))
        progress.set_series(ChartKind.PER_GOAL, completion_per_goal(plan.goals, plan.actions))
        progress.set_series(ChartKind.MEASURES, measure_progress(plan.goals))
        progress.set_series(ChartKind.SKILLS, skill_history(plan.assessments))
        app.query_one(TimelineChart).show(timeline(plan.destination, TODAY))
        app.query_one(PlanTimelineChart).show(plan_timeline(plan.goals, plan.actions, TODAY), TODAY)
        days, done, _ = completion_over_time(plan.actions, TODAY)
        app.query_one(Chart).draw(lambda plt: plt.plot(days, done))
        charts = list(app.query(Chart))
        # Tick labels take up to about 25 columns; plotext has failed on the column after them.
        sizes = [(width, 9) for width in range(32)] + [(26, height) for height in range(4)]
        for width, height in sizes:
            for chart in charts:
                chart.styles.width, chart.styles.height = width, height
            await pilot.pause()
            for chart in charts:
                assert chart.size == (width, height)
                for kind in CHART_KINDS if chart is progress else [None]:
                    if kind:
                        progress.kind = kind
                    chart.render()
