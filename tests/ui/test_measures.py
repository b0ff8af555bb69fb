"""A goal's measure counts from where it began: typed in the goal dialog, shown as progress."""

from __future__ import annotations

from careertui.export.markdown import plan_report
from careertui.model.plan import Goal
from careertui.roles.library import load_library
from careertui.widgets.forms import Field
from tests.conftest import TODAY
from tests.ui.conftest import SIZE, make_app


async def test_a_goal_measured_from_2_to_4_starts_at_0_percent(empty_store):
    app = make_app(empty_store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4")
        await pilot.pause()
        await pilot.press("g")
        await pilot.pause()
        dialog = app.screen
        for field_id, text in {"statement": "Lead the squad's sprint planning alone",
                               "metric": "sprints led", "start": "2", "current": "2",
                               "target": "4"}.items():
            dialog.query_one(f"#{field_id}", Field).set_text(text)
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is not dialog
    [goal] = empty_store.all(Goal)
    assert (goal.measure.start, goal.measure.current, goal.measure.target) == (2, 2, 4)
    report = plan_report(empty_store.load(), TODAY, load_library())
    assert "sprints led: 2 of 4, from 2 (0%)" in report
