"""ctrl+z and ctrl+y in the app: a delete or a tick taken back, shown at once, and done again."""

from __future__ import annotations

from textual.widgets import DataTable

from careertui.model.plan import Action, Goal
from careertui.screens.plan.rows import goal_key
from careertui.screens.plan.tree import PlanTree
from careertui.screens.progress.action_table import ActionTable
from tests.ui.conftest import SIZE, make_app
from tests.ui.test_plan import open_plan, select_key


def messages(app) -> list[str]:
    return [notification.message for notification in app._notifications]


async def test_ctrl_z_brings_back_a_deleted_goal_with_its_items_and_ctrl_y_deletes_again(
        demo_store):
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_plan(pilot)
        goal = demo_store.all(Goal)[1]
        items = {a.id for a in demo_store.all(Action) if a.goal_id == goal.id}
        await select_key(pilot, goal_key(goal))
        await pilot.press("d", "y")
        await pilot.pause()
        assert goal.id not in {g.id for g in demo_store.all(Goal)}
        assert any(goal.statement in m and "ctrl+z brings it back" in m for m in messages(app))
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert goal.id in {g.id for g in demo_store.all(Goal)}
        assert items <= {a.id for a in demo_store.all(Action)}
        assert screen.query_one(PlanTree).has(goal_key(goal))  # shown again at once
        assert any(m.startswith("Undid: deleted the goal") for m in messages(app))
        await pilot.press("ctrl+y")
        await pilot.pause()
        assert goal.id not in {g.id for g in demo_store.all(Goal)}
        assert not screen.query_one(PlanTree).has(goal_key(goal))


async def test_ctrl_z_unticks_an_item_on_progress(demo_store):
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("5")
        await pilot.pause()
        item = next(a for a in demo_store.all(Action) if not a.done and not a.recurrence)
        table = app.screen.query_one(ActionTable)
        table.focus()
        table.select(item)
        await pilot.press("space")
        await pilot.pause()
        assert next(a for a in demo_store.all(Action) if a.id == item.id).done
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert not next(a for a in demo_store.all(Action) if a.id == item.id).done
        assert "☐" in str(app.screen.query_one(DataTable).get_cell(item.id, "box"))


async def test_ctrl_z_with_nothing_done_says_so(demo_store):
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert "Nothing to undo." in messages(app)


async def test_unticking_a_done_occurrence_rolls_its_series_back_and_one_undo_reverts_it(
        demo_store):
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("5")
        await pilot.pause()
        series = next(a for a in demo_store.all(Action) if a.recurrence and not a.done)
        count, due = len(demo_store.all(Action)), series.due
        table = app.screen.query_one(ActionTable)
        table.focus()
        table.select(series)
        await pilot.press("space")  # this occurrence done: a done copy, the series moves on
        await pilot.pause()
        assert len(demo_store.all(Action)) == count + 1
        [copy] = [a for a in demo_store.all(Action) if a.done and a.title == series.title
                  and a.due == due]
        table.select(copy)
        await pilot.press("space")  # untick the copy: no duplicate, the series comes back
        await pilot.pause()
        actions = demo_store.all(Action)
        assert len(actions) == count and copy.id not in {a.id for a in actions}
        assert next(a for a in actions if a.id == series.id).due == due
        assert copy.id not in {record.id for record in table.records}
        await pilot.press("ctrl+z")  # one undo: the untick, both of its writes
        await pilot.pause()
        actions = demo_store.all(Action)
        assert copy.id in {a.id for a in actions} and len(actions) == count + 1
        assert next(a for a in actions if a.id == series.id).due != due
