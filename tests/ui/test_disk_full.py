"""A full disk while the app runs: the user is told, the file keeps its last state, nothing lost."""

from __future__ import annotations

import errno

from careertui.demo import demo_plan
from careertui.model.plan import Action, ActionStatus, Profile
from careertui.screens.progress.action_table import ActionTable
from careertui.store.plan_store import PlanStore
from careertui.widgets.record_table import selected_key
from tests.conftest import TODAY
from tests.ui.test_progress import SIZE, cell, make_app, open_progress


def fill_the_disk(monkeypatch):
    def no_space(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr("careertui.store.files.os.fsync", no_space)


def messages(app) -> list[str]:
    return [notification.message for notification in app._notifications]


async def test_a_tick_on_a_full_disk_is_undone_and_shown(tmp_path, monkeypatch):
    path = tmp_path / "plan.json"
    store = PlanStore.open(path, today=lambda: TODAY)
    store.replace_plan(demo_plan(TODAY))
    before = path.read_bytes()
    app = make_app(store)
    try:
        async with app.run_test(size=SIZE) as pilot:
            screen = await open_progress(pilot)
            table = screen.query_one(ActionTable)
            key = selected_key(table)
            fill_the_disk(monkeypatch)
            await pilot.press("space")
            await pilot.pause()
            assert any("No space left on device" in message for message in messages(app))
            assert path.read_bytes() == before
            ticked = next(a for a in store.all(Action) if a.id == key)
            assert ticked.status is ActionStatus.OPEN  # memory went back to what is on disk
            assert cell(table, key, "box") == "☐"

            monkeypatch.undo()  # space again once the disk has room
            await pilot.press("space")
            await pilot.pause()
            assert cell(table, key, "box") == "☑"
    finally:
        store.close()
    again = PlanStore.open(path)
    assert next(a for a in again.all(Action) if a.id == key).status is ActionStatus.DONE
    again.close()


async def test_typed_text_that_cannot_be_saved_is_reported(tmp_path, monkeypatch):
    path = tmp_path / "plan.json"
    store = PlanStore.open(path, today=lambda: TODAY)
    store.save(Profile(name="Ada"))
    before = path.read_bytes()
    app = make_app(store)
    try:
        async with app.run_test(size=SIZE) as pilot:
            fill_the_disk(monkeypatch)
            app.session.save_soon(Profile(name="Ada Lovelace"))
            assert app.session.flush_saves() is False
            await pilot.pause()
            assert any("No space left on device" in message for message in messages(app))
            assert path.read_bytes() == before
            assert store.get(Profile).name == "Ada"
    finally:
        store.close()


async def test_failed_typed_text_is_retried_and_quit_asks_first(tmp_path, monkeypatch):
    path = tmp_path / "plan.json"
    store = PlanStore.open(path, today=lambda: TODAY)
    app = make_app(store)
    try:
        async with app.run_test(size=SIZE) as pilot:
            fill_the_disk(monkeypatch)
            app.session.save_soon(Profile(name="Ada Lovelace"))
            await pilot.press("q")
            await pilot.pause()
            assert app.is_running  # the first q keeps the unsaved text and says so
            assert any("not saved" in message for message in messages(app))

            monkeypatch.undo()  # space freed: the next flush writes what was typed
            await pilot.press("q")
            await pilot.pause()
            assert not app.is_running
        assert store.get(Profile).name == "Ada Lovelace"
    finally:
        store.close()
    assert b"Ada Lovelace" in path.read_bytes()
