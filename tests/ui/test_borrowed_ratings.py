"""Pilot test: an unrated target (Software Developers) gets a gap table from borrowed ratings."""

from __future__ import annotations

from textual.widgets import DataTable

from careertui.model.plan import Destination, Goal
from careertui.roles import load_library
from tests.ui.conftest import SIZE, make_app
from tests.ui.test_destination import open_destination, search_and_pick, text_of
from tests.ui.test_gaps import open_gaps, table_rows


async def test_choosing_software_developers_gives_a_gap_table_and_drafts_goals(empty_store):
    app = make_app(empty_store)
    async with app.run_test(size=SIZE) as pilot:
        await open_destination(app, pilot)
        await search_and_pick(app, pilot, "software developers", "15-1252.00")
        assert empty_store.get(Destination).target_role_code == "15-1252.00"
        assert "requirements borrowed from" in text_of(app, ".role-unrated")
        await pilot.press("escape")  # leave the search box, so 3 switches steps
        screen = await open_gaps(app, pilot)
        table = screen.query_one("#gap-table", DataTable)
        developers = load_library().occupation("15-1252.00")
        assert table.row_count == len(developers.requirements) > 50
        names, _, _ = screen.chart_data
        assert names  # the chart draws the top open gaps
        compare = " ".join(str(screen.query_one("#gaps-compare").render()).split())
        assert developers.borrowed_note in compare
        table.focus()
        name = table_rows(table)[0][0]
        await pilot.press("g")
        goals = empty_store.all(Goal)
        assert len(goals) == 1 and goals[0].statement.startswith(f"Raise {name[2:]} from ")
