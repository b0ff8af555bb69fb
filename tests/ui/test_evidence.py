"""Pilot tests of evidence on Progress: t tags a done item with its goal's gap in one key, T
chooses skills from a list, an open item is no evidence yet; Gaps lists the areas without any."""

from __future__ import annotations

from textual.widgets import SelectionList, Static

from careertui.model.plan import Action, Goal
from careertui.screens.progress.action_table import ActionTable
from careertui.screens.progress.evidence import SkillTagDialog
from tests.ui.conftest import SIZE, make_app
from tests.ui.test_gaps import open_gaps
from tests.ui.test_progress import open_progress


def first_item(store, done: bool) -> tuple[Action, str]:
    """The first item (done or not) whose goal closes a gap, and that gap's key."""
    gaps = {goal.id: goal.gap_key for goal in store.all(Goal)}
    action = next(a for a in store.all(Action) if a.done is done and gaps.get(a.goal_id))
    return action, gaps[action.goal_id]


async def select(pilot, screen, action: Action) -> None:
    if not screen.show_done:
        await pilot.press("h")  # done items are hidden by default
    table = screen.query_one(ActionTable)
    table.focus()
    table.move_cursor(row=table.get_row_index(action.id), animate=False)
    await pilot.pause()


def stored(store, action: Action) -> Action:
    return next(a for a in store.all(Action) if a.id == action.id)


async def test_t_tags_a_done_item_with_its_goals_gap_and_T_chooses_skills(demo_store):
    action, gap_key = first_item(demo_store, done=True)
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_progress(pilot)
        await select(pilot, screen, action)
        await pilot.press("t")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert stored(demo_store, action).skills == [gap_key]
        await select(pilot, screen, action)
        await pilot.press("T")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert isinstance(app.screen, SkillTagDialog)
        choices = app.screen.query_one(SelectionList)
        assert choices.selected == [gap_key]  # what it is tagged with, ticked
        choices.focus()
        await pilot.press("down")  # space ticks (or unticks) the second skill of the list
        second = choices.get_option_at_index(1).value
        await pilot.press("space", "ctrl+s")
        await pilot.pause()
        assert set(stored(demo_store, action).skills) == {gap_key} ^ {second}
    assert stored(demo_store, action).done  # tagging changed nothing else


async def test_an_open_item_is_no_evidence_yet(demo_store):
    action, _ = first_item(demo_store, done=False)
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_progress(pilot)
        await select(pilot, screen, action)
        await pilot.press("t")
        await pilot.pause()
        assert stored(demo_store, action).skills == []
        assert any("once it is done" in str(n.message) for n in app._notifications)


async def test_gaps_lists_the_important_areas_without_evidence(demo_store):
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await open_gaps(app, pilot)
        compare = str(app.screen.query_one("#gaps-compare", Static).render())
        assert "No evidence yet for " in compare and "0 pieces of evidence" in compare
