"""Tables keep their essential columns at every size careertui supports, 80x24 the smallest."""

from __future__ import annotations

import pytest
from textual.coordinate import Coordinate

from careertui.screens.gaps.gap_table import GapTable
from careertui.screens.progress.action_table import ActionTable
from tests.ui.conftest import make_app

ESSENTIAL = [
    pytest.param("gaps", GapTable, ("You", "Needed", "Gap", "Priority"), id="gaps"),
    pytest.param("progress", ActionTable, ("Action item", "Due"), id="progress"),
]


async def open_table(app, pilot, mode: str, table_class):
    """Go to the step `mode` (its O*NET library loaded) and return its table."""
    await app.switch_mode(mode)
    await app.workers.wait_for_complete()
    await pilot.pause()
    return app.screen.query_one(table_class)


@pytest.mark.parametrize("size", [(80, 24), (120, 36), (200, 50)])
@pytest.mark.parametrize("mode, table_class, columns", ESSENTIAL)
async def test_the_essential_columns_are_on_screen(demo_store, size, mode, table_class,
                                                   columns):
    app = make_app(demo_store)
    async with app.run_test(size=size) as pilot:
        table = await open_table(app, pilot, mode, table_class)
        shown_width = table.scrollable_content_region.width
        right = 0
        for column in table.ordered_columns:
            right += column.get_render_width(table)
            if str(column.label) in columns:
                assert right <= shown_width, (column.label, right, shown_width)


@pytest.mark.parametrize("mode, table_class, key", [
    pytest.param("gaps", GapTable, "area", id="gaps-area"),
    pytest.param("progress", ActionTable, "goal", id="progress-goal"),
])
async def test_long_texts_take_the_width_there_is_and_are_cut_with_an_ellipsis(
        demo_store, mode, table_class, key):
    shown_whole = {}
    for size in [(80, 24), (200, 50)]:
        app = make_app(demo_store)
        async with app.run_test(size=size) as pilot:
            table = await open_table(app, pilot, mode, table_class)
            index = table.get_column_index(key)
            width = table.column_width(key)
            assert width >= table.COLUMNS[index].width
            whole = [str(table.cells(record)[index]) for record in table.records]
            shown = [str(table.get_cell_at(Coordinate(row, index)))
                     for row in range(table.row_count)]
            assert shown == [text if len(text) <= width else text[:width - 1] + "…"
                             for text in whole]
            shown_whole[size] = sum(text == whole_text for text, whole_text in
                                    zip(shown, whole, strict=True))
    # The demo has texts longer than each column's least width: 200 columns show them whole.
    assert shown_whole[(200, 50)] == len(whole)
    assert max(map(len, whole)) > table.COLUMNS[index].width


async def test_a_resize_that_widens_the_columns_keeps_the_cursor_on_its_row(demo_store):
    app = make_app(demo_store)
    async with app.run_test(size=(80, 24)) as pilot:
        table = await open_table(app, pilot, "progress", ActionTable)
        await pilot.press("down", "down", "down")
        selected, width = table.selected, table.column_width("goal")
        await pilot.resize_terminal(200, 50)
        await pilot.pause()
        assert table.column_width("goal") > width  # the columns were made again
        assert table.selected is not None and table.selected.id == selected.id
