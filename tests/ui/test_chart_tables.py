"""Pilot tests of ctrl+t: the numbers of the charts on screen as tables, copied with c."""

from __future__ import annotations

from textual.widgets import DataTable

from careertui.model.plan import Action
from careertui.widgets.chart_table import ChartTableDialog
from tests.ui.conftest import SIZE, make_app


async def test_ctrl_t_on_progress_shows_the_chart_shown_as_a_table(demo_store):
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("5", "v")  # the "Per goal" chart
        await pilot.pause()
        await pilot.press("ctrl+t")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ChartTableDialog)
        [table] = dialog.tables
        assert table.title == "Items done of all, per goal"
        grid = dialog.query_one(DataTable)
        actions = demo_store.all(Action)
        done = sum(a.done for a in actions if a.goal_id)
        assert sum(int(grid.get_row_at(i)[1]) for i in range(grid.row_count)) == done
        await pilot.press("c")
        assert app.clipboard == table.as_text()
        await pilot.press("escape")
        assert not isinstance(app.screen, ChartTableDialog)


async def test_ctrl_t_works_from_a_text_field_and_on_the_overview(demo_store):
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert isinstance(app.screen, ChartTableDialog)
        assert [t.title for t in app.screen.tables] == ["Action items: done vs planned"]
        await pilot.press("ctrl+t")  # the same key closes it
        await pilot.press("2")
        await pilot.pause()
        await pilot.press("tab")  # into a text field: letters are text, ctrl+t still works
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert isinstance(app.screen, ChartTableDialog)
        assert [t.title for t in app.screen.tables] == ["Destination timeline"]


async def test_a_screen_without_a_chart_says_so(demo_store):
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("1", "ctrl+t")
        await pilot.pause()
        assert not isinstance(app.screen, ChartTableDialog)
        assert any("No chart on this screen" in str(n.message) for n in app._notifications)
