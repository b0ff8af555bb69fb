"""A second process changes the plan file while the app has it open: the user decides, no loss."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
from textual.widgets import DataTable, Static

from careertui.demo import demo_plan
from careertui.export.json_plan import plan_to_json
from careertui.model.plan import Action, Profile
from careertui.screens.outside_change import OutsideChangeDialog
from careertui.screens.progress.action_table import ActionTable
from careertui.store import backups
from careertui.store.plan_file import read_plan
from careertui.store.plan_store import PlanStore
from tests.conftest import TODAY
from tests.store.test_outside_change import change_outside
from tests.ui.conftest import SIZE, make_app, type_text
from tests.ui.test_share import type_into_import


@pytest.fixture
def plan_file(tmp_path):
    path = tmp_path / "plan.json"
    store = PlanStore.open(path, today=lambda: TODAY)
    store.replace_plan(demo_plan(TODAY))
    store.close()  # compacted: the plan file holds the demo plan, as another program reads it
    store = PlanStore.open(path, today=lambda: TODAY)
    yield store, path
    store.close()


def first_open_item(store: PlanStore) -> Action:
    return next(a for a in store.all(Action) if not a.done)


async def tick_after_an_outside_change(pilot, store: PlanStore, path) -> tuple[Action, bytes]:
    """On Progress, put the cursor on an open item, let another process rewrite the file, then
    tick the item; returns the item and the bytes the other process left."""
    await pilot.press("5")
    await pilot.pause()
    item = first_open_item(store)
    table = pilot.app.screen.query_one(ActionTable)
    table.focus()
    table.select(item)
    outside = change_outside(path)
    await pilot.press("space")
    await pilot.pause()
    return item, outside


def dialog_text(app) -> str:
    return "\n".join(str(static.render()) for static in app.screen.query(Static))


async def test_a_tick_over_another_programs_change_asks_and_reload_shows_theirs(plan_file):
    store, path = plan_file
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        item, outside = await tick_after_an_outside_change(pilot, store, path)
        assert isinstance(app.screen, OutsideChangeDialog)
        assert path.read_bytes() == outside  # not overwritten
        shown = dialog_text(app)
        assert f"the action item “{item.title}”" in shown and "status: done" in shown
        await pilot.press("r")
        await pilot.pause()
        assert not isinstance(app.screen, OutsideChangeDialog)
        assert store.get(Profile).name == "Changed elsewhere"
        assert app.title.startswith("Changed elsewhere")
        assert path.read_bytes() == outside
        assert not first_open_item(store).done  # the tick was dropped, as the dialog said
        # The screen shows the reloaded plan, and the next tick is saved as usual.
        table = app.screen.query_one(ActionTable)
        table.select(first_open_item(store))
        await pilot.press("space")
        await pilot.pause()
        assert next(a for a in store.all(Action) if a.id == item.id).done
        assert read_plan(path).profile.name == "Changed elsewhere"  # with the journal's tick


async def test_keep_mine_keeps_theirs_beside_the_plan_and_saves_the_tick(plan_file):
    store, path = plan_file
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        item, outside = await tick_after_an_outside_change(pilot, store, path)
        await pilot.press("k")
        await pilot.pause()
        (aside,) = path.parent.glob("plan.json.outside-*")
        assert aside.read_bytes() == outside
        data = json.loads(path.read_bytes())  # this app's plan, with the tick
        assert data["profile"]["1"]["name"] == "Maya Okafor"
        assert next(a for a in store.all(Action) if a.id == item.id).done
        table = app.screen.query_one(DataTable)
        assert "☑" in str(table.get_cell(item.id, "box"))


async def test_deciding_later_writes_nothing_and_the_next_change_asks_again(plan_file):
    store, path = plan_file
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        _, outside = await tick_after_an_outside_change(pilot, store, path)
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, OutsideChangeDialog)
        assert path.read_bytes() == outside
        await pilot.press("4", "5")  # a step switch does not ask again: the person chose later
        assert not isinstance(app.screen, OutsideChangeDialog)
        await pilot.press("space")
        await pilot.pause()
        assert isinstance(app.screen, OutsideChangeDialog)
        assert path.read_bytes() == outside


async def test_typed_text_over_an_outside_change_is_shown_and_kept_on_keep_mine(plan_file):
    store, path = plan_file
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("1")
        await app.workers.wait_for_complete()
        outside = change_outside(path)
        await pilot.click("#profile-role Input")
        app.screen.query_one("#profile-role Input").value = ""
        await type_text(pilot, "Team lead")
        await pilot.pause(0.6)  # the pause in typing after which the text is written: refused
        assert isinstance(app.screen, OutsideChangeDialog)
        assert "current role: Team lead" in dialog_text(app)
        assert path.read_bytes() == outside
        await pilot.press("k")
        await pilot.pause()
        assert read_plan(path).profile.current_role == "Team lead"  # with the journal's save


async def test_a_change_made_while_nothing_was_typed_is_asked_about_at_the_next_step(plan_file):
    store, path = plan_file
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        outside = change_outside(path)
        await pilot.press("4")
        await pilot.pause()
        assert isinstance(app.screen, OutsideChangeDialog)
        assert "Not saved yet" not in dialog_text(app)
        await pilot.press("r")
        await pilot.pause()
        assert store.get(Profile).name == "Changed elsewhere"
        assert path.read_bytes() == outside


async def test_keep_mine_asks_again_when_the_file_changed_once_more_meanwhile(plan_file,
                                                                             monkeypatch):
    store, path = plan_file
    keep_copy = backups.keep_copy

    def keep_then_sync_again(*args, **kwargs):
        kept = keep_copy(*args, **kwargs)
        change_outside(path)
        return kept

    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await tick_after_an_outside_change(pilot, store, path)
        monkeypatch.setattr(backups, "keep_copy", keep_then_sync_again)
        await pilot.press("k")
        await pilot.pause()
        assert isinstance(app.screen, OutsideChangeDialog)  # asked again, nothing overwritten
        assert json.loads(path.read_bytes())["profile"]["1"]["name"] == "Changed elsewhere"


async def test_an_import_over_an_outside_change_says_nothing_was_imported_and_asks(
        plan_file, tmp_path):
    store, path = plan_file
    export = tmp_path / "export.json"
    export.write_text(plan_to_json(demo_plan(TODAY), datetime(2026, 11, 23, tzinfo=UTC)),
                      encoding="utf-8")
    app = make_app(store, export_dir=tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await type_into_import(app, pilot, "export.json")
        outside = change_outside(path)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("y")  # replace the plan
        await pilot.pause()
        assert isinstance(app.screen, OutsideChangeDialog)
        assert any(n.title == "Not imported" for n in app._notifications)
        assert path.read_bytes() == outside
    assert not list(path.parent.glob("plan.json.before-import-*"))
