"""The command palette finds every step's actions by name and runs them on their step."""

from __future__ import annotations

import pytest

from careertui.screens.plan.screen import PlanScreen
from careertui.screens.progress.review import ReviewDialog
from careertui.screens.progress.screen import ProgressScreen
from careertui.widgets.form_dialog import FormDialog
from tests.ui.conftest import SIZE, make_app, type_text


async def run_from_palette(pilot, words: str) -> None:
    await pilot.press("ctrl+p")
    await type_text(pilot, words)
    await pilot.pause(0.3)  # the palette searches in a worker
    await pilot.press("enter")
    await pilot.pause()


@pytest.mark.parametrize("words, step, dialog", [
    ("add goal", PlanScreen, FormDialog),
    ("review", ProgressScreen, ReviewDialog),
])
async def test_the_palette_finds_an_action_of_another_step_and_runs_it_there(demo_store, words,
                                                                           step, dialog):
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await run_from_palette(pilot, words)
        assert isinstance(app.screen, dialog)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, step)


async def test_every_step_action_is_offered_with_its_key(demo_store):
    app = make_app(demo_store)
    async with app.run_test(size=SIZE):
        names = {command.title: command.help for command in app.get_system_commands(app.screen)}
    for expected in ("Plan: Add goal", "Plan: Budget", "Progress: Review",
                     "Progress: Add check-in", "Gaps: Add need", "Assess: New snapshot",
                     "Progress: Filter", "Plan: Filter"):  # the filter key is inherited
        assert expected in names
    assert "key g" in names["Plan: Add goal"]


async def test_the_palette_filters_progress_from_another_step(demo_store):
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await run_from_palette(pilot, "progress filter")
        assert isinstance(app.screen, ProgressScreen)
        assert app.focused is app.screen.query_one("#progress-filter Input")
