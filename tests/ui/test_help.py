"""The ? screen: the current screen's own keys without Textual's defaults, dates and SMART."""

from __future__ import annotations

from textual.widgets import DataTable, Static

from careertui.screens.help import HelpScreen
from tests.ui.conftest import SIZE, make_app


def help_keys(app) -> list[tuple[str, str]]:
    table = app.screen.query_one("#help-keys", DataTable)
    return [tuple(str(cell) for cell in table.get_row_at(row)) for row in range(table.row_count)]


async def test_help_lists_the_plan_keys_and_none_of_textuals_defaults(demo_store):
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("4", "question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        keys = help_keys(app)
        descriptions = [description for _, description in keys]
        assert {"Add goal", "Delete", "Undo", "Redo"} <= set(descriptions)
        assert not [d for d in descriptions if d in ("Copy selected text", "Focus Next",
                                                     "Focus Previous")]
        assert ("tab, shift+tab", "Next or previous field, table or list") in keys
        dates = str(app.screen.query_one("#help-dates", Static).render())
        smart = str(app.screen.query_one("#help-smart", Static).render())
        assert "next friday" in dates and "end of quarter" in dates
        assert "time-bound" in smart and "measurable" in smart


async def test_help_in_a_text_field_says_keys_are_text_and_hides_its_editing_keys(demo_store):
    app = make_app(demo_store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2")
        await pilot.pause()
        app.screen.query_one("#dream-job").focus()
        await pilot.pause()
        app.action_help()
        await pilot.pause()
        keys = help_keys(app)
        assert any(key == "in a field" and "text" in words for key, words in keys)
        assert not [words for _, words in keys if words in ("Select line", "Delete line")]
