"""Pilot tests of the app shell: step keys, header, help, command palette, quit, theme."""

from __future__ import annotations

import tomllib

import pytest
from textual.widgets import DataTable, Static

from careertui.app import CareerApp
from careertui.model.plan import Settings
from careertui.preferences import load_preferences
from careertui.screens.help import HelpScreen
from careertui.screens.overview import START_HINT
from careertui.screens.plan.tree import PlanTree
from careertui.steps import STEPS
from careertui.store.errors import StorageWriteError
from tests.ui.conftest import SIZE, make_app, type_text


def body_text(app: CareerApp) -> str:
    return "\n".join(str(static.render()) for static in app.screen.query(Static))


async def test_empty_plan_says_where_to_start(empty_store):
    app = make_app(empty_store)
    async with app.run_test(size=SIZE):
        assert app.current_mode == "overview"
        assert START_HINT in body_text(app)
        assert app.title == "careertui"


@pytest.mark.parametrize("step", STEPS[1:] + STEPS[:1], ids=lambda s: s.mode)
async def test_digit_keys_switch_steps(demo_store, step):
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3" if step.key != "3" else "1")
        await pilot.press(step.key)
        assert app.current_mode == step.mode
        assert app.screen.query_one(".step-title", Static).render().plain == step.name
        assert step.name in app.screen.sub_title


async def test_header_names_the_owner_and_the_step(demo_store):
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2")
        assert app.title.startswith("Maya Okafor")
        assert app.screen.sub_title == "Step 2 of 5 · Destination"


async def test_step_screens_show_the_plan_data(demo_store):
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("1")
        await app.workers.wait_for_complete()
        await pilot.pause()
        skills = app.screen.query_one("#assess-skills", DataTable)
        names = [str(skills.get_row_at(i)[1]) for i in range(skills.row_count)]
        assert "Management of Personnel Resources" in names
        await pilot.press("2")
        assert "Computer and Information Systems Managers" in body_text(app)
        await pilot.press("escape", "4")  # Destination starts in a field: leave it first
        assert "Draft next year's tooling budget" in app.screen.query_one(PlanTree).titles()
        await pilot.press("5")
        actions = demo_store.load().actions
        done = sum(action.done for action in actions)
        assert f"Action items done: {done} of {len(actions)}" in body_text(app)


async def test_help_lists_every_key_and_blocks_step_keys(demo_store):
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        table = app.screen.query_one(DataTable)
        rows = {tuple(str(cell) for cell in table.get_row_at(i)) for i in range(table.row_count)}
        descriptions = {description for _, description in rows}
        for step in STEPS:
            assert (step.key, f"Go to {step.name}") in rows
        assert {"Help", "Quit"} <= descriptions
        assert ("^q, q", "Quit") in rows
        attribution = str(app.screen.query_one("#help-attribution", Static).render())
        assert "O*NET 29.3 Database" in attribution and "CC BY 4.0" in attribution
        await pilot.press("3")
        assert isinstance(app.screen, HelpScreen)
        assert app.current_mode == "overview"
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)
        await pilot.press("3")
        assert app.current_mode == "gaps"


async def test_command_palette_reaches_every_step(demo_store):
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+p")
        await type_text(pilot, "Go to Progress")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        assert app.current_mode == "progress"


@pytest.mark.parametrize("key", ["q", "ctrl+q"])
async def test_q_quits(empty_store, key):
    app = make_app(empty_store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(key)
        await pilot.pause()
        assert not app.is_running


async def test_theme_choice_persists_in_the_config_file_not_the_plan(demo_store, tmp_path):
    config = tmp_path / "careertui" / "config.toml"
    app = make_app(demo_store, preferences=load_preferences(config))
    async with app.run_test(size=SIZE) as pilot:
        app.theme = "nord"
        await pilot.pause()
    assert tomllib.loads(config.read_text())["theme"] == "nord"
    assert demo_store.get(Settings).theme == "textual-dark"  # the plan is not the person's
    again = make_app(demo_store, preferences=load_preferences(config))
    async with again.run_test(size=SIZE):
        assert again.theme == "nord"


async def test_a_plan_from_before_the_config_file_keeps_its_theme(demo_store, tmp_path):
    settings = demo_store.get(Settings)
    settings.theme = "gruvbox"
    demo_store.save(settings)
    config = tmp_path / "config.toml"
    app = make_app(demo_store, preferences=load_preferences(config))
    async with app.run_test(size=SIZE) as pilot:
        assert app.theme == "gruvbox"
        await pilot.pause()
        assert not config.exists()  # nothing changed: nothing written
        app.theme = "nord"
        await pilot.pause()
    assert tomllib.loads(config.read_text())["theme"] == "nord"


async def test_an_unknown_theme_in_the_config_is_reported_and_the_file_kept(demo_store,
                                                                            tmp_path):
    config = tmp_path / "config.toml"
    config.write_text('theme = "solarised-purple"\n')
    app = make_app(demo_store, preferences=load_preferences(config))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.theme == "textual-dark"
        messages = [str(n.message) for n in app._notifications]
        assert any('theme = "solarised-purple" is not a theme' in m for m in messages)
    assert config.read_text() == 'theme = "solarised-purple"\n'


async def test_a_failed_save_is_shown_not_swallowed(demo_store, monkeypatch, tmp_path):
    app = make_app(demo_store)

    def disk_full(record):
        raise StorageWriteError(tmp_path / "plan.json", OSError(28, "No space left on device"))

    async with app.run_test(size=SIZE) as pilot:
        monkeypatch.setattr(demo_store, "save", disk_full)
        assert app.session.save(Settings()) is False
        await pilot.pause()
        messages = [n.message for n in app._notifications]
        assert any("No space left on device" in message for message in messages)
