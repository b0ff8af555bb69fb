"""Pilot tests of the overview: step completeness, next items, status, review and its chart."""

from __future__ import annotations

from datetime import date

import pytest
from dateutil.relativedelta import relativedelta
from textual.widgets import Static

from careertui.app import CareerApp
from careertui.model.overview import plan_status, step_completion
from careertui.model.plan import Action, ActionStatus, Goal, GoalStatus
from careertui.model.progress import completion_over_time
from careertui.screens.overview import START_HINT, StepBars, bar_width
from tests.conftest import TODAY
from tests.ui.conftest import SIZE, make_app, text


async def test_empty_plan_points_to_step_one(empty_store):
    app = make_app(empty_store)
    async with app.run_test(size=SIZE):
        assert START_HINT in text(app, "#overview-who")
        assert text(app, "#overview-steps").count("0%") == 5
        assert not app.screen.query_one("#overview-review").display


async def test_demo_overview_shows_steps_next_items_status_and_chart(demo_store):
    app = make_app(demo_store)
    async with app.run_test(size=SIZE):
        plan = demo_store.load()
        steps = text(app, "#overview-steps")
        for share in step_completion(plan, TODAY).values():
            assert f"{share:4.0%}" in steps
        status = plan_status(plan, TODAY)
        next_up = text(app, "#overview-next")
        assert [a.title in next_up for a in status.next_actions] == [True] * 5
        summary = text(app, "#overview-status")
        assert f"Done {status.done} of {status.total}" in summary
        assert f"{status.overdue} overdue" in summary
        assert f"Next review: {status.next_review}" in summary
        assert app.screen.chart_data == completion_over_time(plan.actions, TODAY)


async def test_a_due_review_is_announced(demo_store):
    later = TODAY + relativedelta(months=6)
    app = CareerApp(store=demo_store, today=lambda: later)
    async with app.run_test(size=SIZE):
        banner = app.screen.query_one("#overview-review", Static)
        assert banner.display
        assert "A review is due" in str(banner.render())


async def test_the_overview_follows_changes_made_on_other_steps(demo_store):
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        before = text(app, "#overview-status")
        action = next(a for a in demo_store.load().actions if not a.done)
        action.status, action.done_on = action.status.DONE, TODAY
        app.session.save(action)  # as another step saves it
        await pilot.press("4", "0")
        assert text(app, "#overview-status") != before


@pytest.mark.parametrize("size", [(80, 24), (120, 36), (200, 50)])
async def test_each_step_keeps_its_bar_and_share_on_one_line_at_every_size(demo_store, size):
    app = make_app(demo_store)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        bars = app.screen.query_one(StepBars)
        lines = text(app, "#overview-steps").splitlines()
        assert len(lines) == 5 and all(line.endswith("%") for line in lines)
        assert max(len(line) for line in lines) <= bars.content_size.width
        assert bars.bar_width == bar_width(bars.content_size.width)
        shares = step_completion(demo_store.load(), TODAY)
        assert [line.split()[-1] for line in lines] == [f"{share:.0%}" for share in shares.values()]


async def test_the_overview_says_how_many_active_goals_are_late_at_their_pace(demo_store):
    goal = next(goal for goal in demo_store.all(Goal) if goal.status is GoalStatus.ACTIVE)
    for day in (1, 2):  # two items done early on: a slow pace for the items left
        demo_store.save(Action(f"Early step {day}", goal_id=goal.id, status=ActionStatus.DONE,
                               done_on=date(2026, 1, day)))
    for number in range(20):
        demo_store.save(Action(f"Step {number}", goal_id=goal.id))
    app = make_app(demo_store)
    async with app.run_test(size=SIZE):
        status = plan_status(demo_store.load(), TODAY)
        assert goal.statement in status.behind
        assert (f"Pace: {len(status.behind)} of {status.active_goals} active goals late"
                in text(app, "#overview-status"))
