"""A full disk while the app runs: the user is told, the file keeps its last state, nothing lost."""

from __future__ import annotations

import errno
from datetime import datetime, timedelta

from careertui.demo import demo_plan
from careertui.model.plan import Action, ActionStatus, Profile
from careertui.screens.progress.action_table import ActionTable
from careertui.session import COPY_DELAY
from careertui.store import history
from careertui.store.plan_file import read_plan
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


class _Minutes:
    """The history's clock, moved by hand."""

    def __init__(self) -> None:
        self.now = datetime(2026, 11, 23, 9, 0)

    def __call__(self) -> datetime:
        return self.now


async def test_a_tick_keeps_its_history_copy_once_shown_and_a_failed_copy_is_reported(
        tmp_path, monkeypatch):
    path, minutes = tmp_path / "plan.json", _Minutes()
    store = PlanStore.open(path, today=lambda: TODAY, now=minutes)
    store.replace_plan(demo_plan(TODAY))
    app = make_app(store)
    try:
        async with app.run_test(size=SIZE) as pilot:
            screen = await open_progress(pilot)
            key = selected_key(screen.query_one(ActionTable))
            minutes.now += timedelta(minutes=1)
            copies = history.list_versions(path)
            await pilot.press("space")
            assert history.list_versions(path) == copies  # the tick did not wait for it
            await pilot.pause(COPY_DELAY + 0.2)
            assert len(history.list_versions(path)) == len(copies) + 1

            monkeypatch.setattr("careertui.store.history.gzip.compress", no_room)
            minutes.now += timedelta(minutes=1)
            await pilot.press("space")
            await pilot.pause(COPY_DELAY + 0.2)
            assert any("Your change is saved, but the copy of the plan for the recent history"
                       in message and "No space left on device" in message
                       for message in messages(app))
            assert cell(screen.query_one(ActionTable), key, "box") == "☐"  # the tick stands
    finally:
        store.close()
    assert next(a for a in read_plan(path).actions if a.id == key).status is ActionStatus.OPEN


def no_room(*args, **kwargs):
    raise OSError(errno.ENOSPC, "No space left on device")
