"""Steps 4 and 5 show the store's own action items, not copies: nothing they do may change
one of those in place (they copy what they change), and the plan in memory stays the one
on disk."""

from __future__ import annotations

import pytest

from careertui.demo import demo_plan
from careertui.model.plan import Action
from careertui.screens.plan.tree import PlanTree
from careertui.screens.progress.action_table import ActionTable
from careertui.store.plan_file import read_plan
from careertui.store.plan_store import PlanStore
from tests.conftest import TODAY
from tests.ui.conftest import SIZE, make_app


@pytest.fixture
def file_store(tmp_path):
    store = PlanStore.open(tmp_path / "plan.json", today=lambda: TODAY)
    store.replace_plan(demo_plan(TODAY))
    yield store
    store.close()


@pytest.fixture
def read_only_items(monkeypatch):
    """Setting an attribute of an item the store handed out as its own fails the test."""
    handed_out: list[tuple[Action, ...]] = []  # kept: their ids stay theirs
    ids: set[int] = set()
    real_shared, real_setattr = PlanStore.shared, Action.__setattr__

    def shared(store, cls):
        records = real_shared(store, cls)
        if cls is Action:
            handed_out.append(records)
            ids.update(map(id, records))
        return records

    def refuse_shared(self, name, value):
        if id(self) in ids:
            raise AssertionError(f"changed the store's own item in place: {name}")
        real_setattr(self, name, value)

    monkeypatch.setattr(PlanStore, "shared", shared)
    monkeypatch.setattr(Action, "__setattr__", refuse_shared)


def _held_as_saved(store: PlanStore) -> bool:
    assert store.path is not None
    return list(store.shared(Action)) == read_plan(store.path).actions


@pytest.mark.parametrize("step, table", [("4", PlanTree), ("5", ActionTable)])
@pytest.mark.usefixtures("read_only_items")
async def test_ticking_editing_and_cancelling_leave_the_stored_items_as_saved(file_store, step,
                                                                            table):
    repeating = next(a for a in file_store.all(Action) if a.recurrence and not a.done)
    app = make_app(file_store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(step)
        await pilot.pause()
        shown = app.screen.query_one(table)
        shown.focus()
        for key in ("down", "space", "space", "down", "space", "enter", "escape"):
            await pilot.press(key)
            await pilot.pause()
            assert _held_as_saved(file_store), key
        if isinstance(shown, ActionTable):
            shown.move_cursor(row=shown.get_row_index(repeating.id))
        else:
            shown.select(f"action:{repeating.id}")
        await pilot.press("space")  # a done copy saved, the item's next date moved
        await pilot.pause()
        assert _held_as_saved(file_store)
        assert next(a for a in file_store.all(Action) if a.id == repeating.id).due != \
            repeating.due
