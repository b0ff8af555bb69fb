"""Keys act on the focused list, which is always in view; a delete names what it deletes."""

from __future__ import annotations

from textual.widget import Widget

from careertui.model.plan import Need
from careertui.screens.assess.experience import ExperienceTable
from careertui.screens.gaps.gap_table import GapTable
from careertui.screens.gaps.needs import NeedsTable
from careertui.widgets.confirm import ConfirmDialog
from tests.ui.conftest import SIZE, holds_soon, make_app, send_keys
from tests.ui.test_assess import open_assess
from tests.ui.test_gaps import open_gaps


def in_view(widget: Widget) -> bool:
    """True when the whole of `widget` is inside the part of the screen that shows its body."""
    body = widget.screen.query_one("#body")
    return widget.region.height > 0 and body.region.contains_region(widget.region)


async def test_d_on_the_gap_table_deletes_no_need(demo_store):
    needs = demo_store.all(Need)
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await open_gaps(app, pilot)
        assert app.focused is app.screen.query_one(GapTable)
        await pilot.press("d")
        assert not isinstance(app.screen, ConfirmDialog)
        await pilot.press("e")
        assert app.screen.query_one(GapTable) is not None  # no need dialog either
        assert demo_store.all(Need) == needs


async def test_d_on_the_needs_table_names_the_need_and_shows_it(demo_store):
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        screen = await open_gaps(app, pilot)
        table = screen.query_one(NeedsTable)
        table.focus()
        await pilot.press("down")
        need = table.selected
        await pilot.pause()
        assert await holds_soon(pilot, lambda: in_view(table))
        await pilot.press("d")
        assert isinstance(app.screen, ConfirmDialog)
        assert need.title in str(app.screen.query_one("Static").render())
        await pilot.press("y")
        assert need.id not in {n.id for n in demo_store.all(Need)}


async def test_experience_rows_scroll_into_view_as_they_are_added(empty_store):
    app = make_app(empty_store)
    async with app.run_test(size=SIZE) as pilot:
        await open_assess(app, pilot)
        table = app.screen.query_one(ExperienceTable)
        table.focus()
        for year in range(2014, 2020):
            await send_keys(pilot, "a", f"Nurse {year}", "tab", "tab", str(year), "ctrl+s")
            assert table.row_count == year - 2013
            assert await holds_soon(pilot, lambda: in_view(table)), year
        await send_keys(pilot, "up", "pagedown")
        assert await holds_soon(pilot, lambda: in_view(table))
