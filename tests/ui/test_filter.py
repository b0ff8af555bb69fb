"""`/` on Progress: typing filters the action items and check-ins, escape shows all again."""

from __future__ import annotations

from textual.widgets import Input

from careertui.model.plan import Action, CheckIn, Goal
from careertui.screens.plan.rows import action_key, goal_key
from careertui.screens.plan.tree import PlanTree
from careertui.screens.progress.action_table import ActionTable
from careertui.screens.progress.checkins import CheckInTable
from careertui.screens.progress.screen import ProgressScreen
from careertui.widgets.filter_bar import FilterBar
from tests.ui.conftest import SIZE, make_app, text, type_text


def with_word(records, word: str, *fields: str) -> set[str]:
    return {r.id for r in records
            if any(word in str(getattr(r, name)).casefold() for name in fields)}


async def test_slash_filters_items_and_check_ins_and_escape_clears(demo_store):
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("5")
        await pilot.pause()
        screen = app.screen
        table, checkins = screen.query_one(ActionTable), screen.query_one(CheckInTable)
        everything = {a.id for a in demo_store.all(Action)}
        assert {r.id for r in table.records} == everything
        await pilot.press("slash")
        await type_text(pilot, "PRIYA")
        await pilot.pause()
        wanted = with_word(demo_store.all(Action), "priya", "title", "notes")
        assert wanted and {r.id for r in table.records} == wanted
        assert with_word(demo_store.all(CheckIn), "priya", "notes", "next_steps") == {
            c.id for c in checkins.records}
        assert "filtered: " in text(screen, "#progress-counts")
        await type_text(pilot, "0")  # a digit is text in the filter, not a step key
        assert isinstance(app.screen, ProgressScreen)
        assert screen.query_one(FilterBar).query_one(Input).value == "PRIYA0"
        await pilot.press("backspace", "enter")  # back to the list, the filter kept
        await pilot.pause()
        assert app.focused is table and {r.id for r in table.records} == wanted
        await pilot.press("slash", "escape")
        await pilot.pause()
        assert {r.id for r in table.records} == everything
        assert not screen.query_one(FilterBar).has_class("-open")
        assert "filtered" not in text(screen, "#progress-counts")


async def test_slash_on_the_plan_keeps_the_goals_and_items_with_the_words(demo_store):
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4")
        await pilot.pause()
        tree = app.screen.query_one(PlanTree)
        goals = {goal.id: goal for goal in demo_store.all(Goal)}
        await pilot.press("slash")
        await type_text(pilot, "budget")
        await pilot.pause()
        for action in demo_store.all(Action):
            goal = goals.get(action.goal_id or "")
            texts = f"{action.title} {action.notes} {goal.statement if goal else ''}".casefold()
            assert tree.has(action_key(action)) is ("budget" in texts), action.title
        assert any(not tree.has(goal_key(goal)) for goal in goals.values())
        await pilot.press("escape")
        await pilot.pause()
        assert all(tree.has(goal_key(goal)) for goal in goals.values())
