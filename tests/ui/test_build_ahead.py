"""Steps built ahead: once the overview is drawn, each step screen is made and reads the plan,
so a first visit is a plain switch; keys typed meanwhile still go where they were typed."""

from __future__ import annotations

import subprocess
import sys

from textual.app import App

from careertui.app import CareerApp
from careertui.compat import mode_built
from careertui.model.plan import Action
from careertui.screens.progress.action_table import ActionTable
from careertui.screens.step_screens import STEP_SCREENS
from tests.conftest import TODAY
from tests.ui.conftest import SIZE, holds_soon


def _app(store, build_ahead: bool) -> CareerApp:
    return CareerApp(store=store, today=lambda: TODAY, build_ahead=build_ahead)


def _screen_of(app: App[object], mode: str):
    return app._screen_stacks[mode][0]  # noqa: SLF001 - which screen a mode holds


async def test_every_step_is_built_and_has_read_the_plan_before_it_is_shown(demo_store):
    app = _app(demo_store, build_ahead=True)
    async with app.run_test(size=SIZE) as pilot:
        assert await holds_soon(pilot, lambda: all(mode_built(app, mode) for mode in STEP_SCREENS))
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.current_mode == "overview"
        progress = _screen_of(app, "progress")
        table = progress.query_one(ActionTable)
        assert table.row_count == len(demo_store.all(Action)) > 0
        await pilot.press("5")
        await pilot.pause()
        assert app.screen is progress  # the screen built ahead, not a new one
        assert app.focused is table


async def test_without_build_ahead_a_step_is_made_on_its_first_visit(demo_store):
    app = _app(demo_store, build_ahead=False)
    async with app.run_test(size=SIZE) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert not any(mode_built(app, mode) for mode in STEP_SCREENS)


async def test_a_step_key_pressed_while_steps_are_built_shows_that_step(demo_store):
    app = _app(demo_store, build_ahead=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4")
        assert await holds_soon(pilot, lambda: all(mode_built(app, mode) for mode in STEP_SCREENS))
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.current_mode == "plan"
        await pilot.press("1")
        await pilot.pause()
        assert app.current_mode == "assess"


async def test_quitting_while_steps_are_built_closes_cleanly(demo_store):
    app = _app(demo_store, build_ahead=True)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("q")
    assert app.return_code in (0, None)


async def test_once_the_steps_are_built_the_first_save_is_readied(demo_store, monkeypatch):
    readied = []
    monkeypatch.setattr(type(demo_store), "prepare_to_save", lambda store: readied.append(store))
    app = _app(demo_store, build_ahead=True)
    async with app.run_test(size=SIZE) as pilot:
        assert await holds_soon(pilot, lambda: all(mode_built(app, mode) for mode in STEP_SCREENS))
        await app.workers.wait_for_complete()
        assert readied == [demo_store]


def test_what_is_made_after_the_collector_is_tuned_is_frozen_too_and_never_before():
    # In a process of its own: freezing is for the life of the process.
    script = (
        "import gc\n"
        "from careertui.collector import keep_out_of_collections, tune_garbage_collection\n"
        "keep_out_of_collections()\n"
        "untuned = gc.get_freeze_count()\n"
        "tune_garbage_collection()\n"
        "tuned = gc.get_freeze_count()\n"
        "screens = [[] for _ in range(10_000)]\n"
        "keep_out_of_collections()\n"
        "print(untuned, gc.get_freeze_count() - tuned >= 10_000)\n")
    shown = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                           timeout=60, check=True)
    assert shown.stdout.split() == ["0", "True"]


def test_the_command_collects_less_often_before_it_reads_the_plan(tmp_path):
    script = (
        "import gc, sys\n"
        "from careertui.__main__ import main\n"
        "from careertui.collector import GC_THRESHOLD\n"
        "print(gc.get_threshold() == GC_THRESHOLD)\n"
        "main(['--db', sys.argv[1], '--list-backups'])\n"
        "print(gc.get_threshold() == GC_THRESHOLD)\n")
    shown = subprocess.run([sys.executable, "-c", script, str(tmp_path / "plan.json")],
                           capture_output=True, text=True, timeout=60, check=True)
    assert shown.stdout.split()[0] == "False"
    assert shown.stdout.split()[-1] == "True"
