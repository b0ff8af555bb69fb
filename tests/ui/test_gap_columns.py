"""The gap table keeps its essential columns at the smallest size careertui supports."""

from __future__ import annotations

import pytest

from careertui.screens.gaps.gap_table import GapTable
from tests.ui.conftest import make_app


@pytest.mark.parametrize("size", [(80, 24), (120, 36), (200, 50)])
async def test_you_needed_gap_and_priority_are_on_screen_at_every_size(demo_store, size):
    app = make_app(demo_store)
    async with app.run_test(size=size) as pilot:
        await app.switch_mode("gaps")
        await app.workers.wait_for_complete()
        await pilot.pause()
        table = app.screen.query_one(GapTable)
        shown_width = table.scrollable_content_region.width
        right = 0
        for column in table.ordered_columns:
            right += column.get_render_width(table)
            if str(column.label) in ("You", "Needed", "Gap", "Priority"):
                assert right <= shown_width, (column.label, right, shown_width)
