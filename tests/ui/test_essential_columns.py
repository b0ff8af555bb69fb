"""Tables keep their essential columns at every size careertui supports, 80x24 the smallest."""

from __future__ import annotations

import pytest

from careertui.screens.gaps.gap_table import GapTable
from careertui.screens.progress.action_table import ActionTable
from tests.ui.conftest import make_app

ESSENTIAL = [
    pytest.param("gaps", GapTable, ("You", "Needed", "Gap", "Priority"), id="gaps"),
    pytest.param("progress", ActionTable, ("Action item", "Due"), id="progress"),
]


@pytest.mark.parametrize("size", [(80, 24), (120, 36), (200, 50)])
@pytest.mark.parametrize("mode, table_class, columns", ESSENTIAL)
async def test_the_essential_columns_are_on_screen(demo_store, size, mode, table_class,
                                                   columns):
    app = make_app(demo_store)
    async with app.run_test(size=size) as pilot:
        await app.switch_mode(mode)
        await app.workers.wait_for_complete()
        await pilot.pause()
        table = app.screen.query_one(table_class)
        shown_width = table.scrollable_content_region.width
        right = 0
        for column in table.ordered_columns:
            right += column.get_render_width(table)
            if str(column.label) in columns:
                assert right <= shown_width, (column.label, right, shown_width)
