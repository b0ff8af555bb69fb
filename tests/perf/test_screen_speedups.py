"""The screens' speed-ups show the same thing: refills skipped only when nothing changed, a goal
deleted in one write, a long burn-up sampled every few weeks, tables and trees complete."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from datetime import date, timedelta
from functools import partial
from pathlib import Path
from typing import Any

from textual.widgets import DataTable, TextArea

from careertui.model.plan import Action, ActionStatus, CheckIn, Goal, Plan
from careertui.model.progress import MAX_POINTS, completion_over_time
from careertui.screens.plan.rows import action_key, goal_key
from careertui.screens.plan.tree import PlanTree
from careertui.screens.progress.action_table import ActionTable
from careertui.screens.progress.checkins import CheckInTable
from careertui.store import files
from careertui.store.plan_store import PlanStore
from tests.conftest import TODAY
from tests.ui.conftest import SIZE, make_app

WEEK = timedelta(weeks=1)


def test_ten_years_of_items_make_a_burn_up_of_at_most_max_points():
    start = TODAY - timedelta(days=3650)
    actions = [Action(f"item {n}", due=start + timedelta(days=n), created_on=start,
                      status=ActionStatus.DONE if n % 3 else ActionStatus.OPEN,
                      done_on=start + timedelta(days=n + 2) if n % 3 else None)
               for n in range(0, 3700, 5)]
    days, done, planned = completion_over_time(actions, TODAY)
    assert MAX_POINTS // 2 < len(days) <= MAX_POINTS + 1
    points = [date.fromisoformat(day) for day in days]
    assert points[0] == start and points[-1] == TODAY
    steps = {later - earlier for earlier, later in zip(points, points[1:-1], strict=False)}
    assert len(steps) == 1 and steps.pop() % WEEK == timedelta(0)
    due_days = sorted(a.due for a in actions)
    done_days = sorted(a.done_on for a in actions if a.done and a.done_on <= TODAY)
    assert planned == [bisect_right(due_days, point) for point in points]
    assert done == [bisect_right(done_days, point) for point in points]


def big_plan(items: int = 300) -> Plan:
    goals = [Goal(f"Goal {n}", deadline=TODAY + timedelta(days=200)) for n in range(3)]
    actions = [Action(f"Item {n}", goal_id=goals[n % 3].id, due=TODAY + timedelta(days=n - 150),
                      created_on=TODAY - timedelta(days=200)) for n in range(items)]
    checkins = [CheckIn(TODAY - timedelta(weeks=n), notes=f"week {n}") for n in range(30)]
    return Plan(goals=goals, actions=actions, checkins=checkins)


def counting_clears(monkeypatch) -> list:
    clears = []
    clear = DataTable.clear
    monkeypatch.setattr(DataTable, "clear",
                        lambda self, *a, **k: clears.append(type(self)) or clear(self, *a, **k))
    return clears


async def test_progress_refills_its_tables_only_for_a_change(empty_store, monkeypatch):
    empty_store.replace_plan(big_plan())
    app = make_app(empty_store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("5")
        await pilot.pause()
        screen = app.screen
        assert screen.query_one(ActionTable).row_count == 300
        clears = counting_clears(monkeypatch)
        await pilot.press("0", "5")
        await pilot.pause()
        assert clears == []
        checkins = screen.query_one(CheckInTable)
        checkins.focus()
        await pilot.press("e")  # edits the newest check-in in place, then saves it
        app.screen.query_one("#notes TextArea", TextArea).text = "moved to the new team"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert clears == [CheckInTable]
        assert "moved to the new team" in str(checkins.get_row_at(0)[3])
        ticked = len([a for a in empty_store.all(Action) if a.done])
        await pilot.press("4", "down", "space", "5")  # a tick in step 4 shows in step 5
        await pilot.pause()
        assert len([a for a in empty_store.all(Action) if a.done]) == ticked + 1
        assert ActionTable in clears


async def test_plan_rebuilds_its_tree_only_for_a_change(empty_store, monkeypatch):
    empty_store.replace_plan(big_plan())
    app = make_app(empty_store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4")
        await pilot.pause()
        tree = app.screen.query_one(PlanTree)
        fills = []
        fill = PlanTree.fill
        monkeypatch.setattr(PlanTree, "fill",
                            lambda self, groups: fills.append(1) or fill(self, groups))
        await pilot.press("0", "4")
        await pilot.pause()
        assert fills == []
        goal = empty_store.all(Goal)[0]
        item = next(a for a in empty_store.all(Action) if a.goal_id == goal.id)
        await pilot.press("5")
        await pilot.pause()
        table = app.screen.query_one(ActionTable)
        table.move_cursor(row=table.get_row_index(item.id), animate=False)
        await pilot.press("space", "4")  # a tick in step 5 shows in step 4's tree
        await pilot.pause()
        assert fills == [1]
        assert tree.line(action_key(item)).startswith("☑")


def _counted(writes: list[object], write: Callable[..., Any], path: Path, data: Any) -> Any:
    writes.append(path)
    return write(path, data)


async def test_deleting_a_goal_on_step_4_is_one_write(tmp_path, monkeypatch):
    store = PlanStore.open(tmp_path / "plan.json", today=lambda: TODAY)
    store.replace_plan(big_plan(30))
    goal = store.all(Goal)[1]
    writes = []  # every durable write: a journal line, or a whole file replaced
    for name in ("write_atomically", "append_durably"):
        monkeypatch.setattr(files, name, partial(_counted, writes, getattr(files, name)))
    app = make_app(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4")
        await pilot.pause()
        tree = app.screen.query_one(PlanTree)
        tree.select(goal_key(goal))
        await pilot.press("d", "y")
        await pilot.pause()
        assert len(writes) == 1  # the goal and its ten items, in one durable write
        assert not tree.has(goal_key(goal))
        assert all(a.goal_id != goal.id for a in store.all(Action))
        assert len(store.all(Action)) == 20 and len(tree.titles()) == 22
    store.close()


async def test_thousands_of_rows_are_all_there_and_reachable(empty_store):
    empty_store.replace_plan(big_plan(2000))
    app = make_app(empty_store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("5")
        await pilot.pause()
        table = app.screen.query_one(ActionTable)
        assert table.virtual_size.height == 2000 + table.header_height
        table.move_cursor(row=1999, animate=False)
        await pilot.pause()
        assert table.cursor_row == 1999 and table.scroll_y == table.max_scroll_y > 0
        await pilot.press("4")
        await pilot.pause()
        tree = app.screen.query_one(PlanTree)
        assert len(tree.titles()) == 2003
        line = tree.line(goal_key(empty_store.all(Goal)[0]))
        assert len(line) == tree.line_width(tree.cursor_node)  # lines fill the tree's width
