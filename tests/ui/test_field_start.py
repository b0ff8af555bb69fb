"""A one-line field shows the start of its text when it is not typed in."""

from __future__ import annotations

from textual.app import App
from textual.widgets import Input

from careertui.widgets.forms import Field

LONG = "Registered Nurse, charge nurse on the cardiac ward of St Mary's"


class FieldsApp(App):
    def compose(self):
        yield Field("Current role", LONG, id="role")
        yield Field("Organisation", id="organisation")


async def test_a_long_text_shows_its_start_when_the_field_is_left_and_when_it_is_set():
    app = FieldsApp()
    async with app.run_test(size=(40, 12)) as pilot:
        box = app.query_one("#role Input", Input)
        box.focus()
        box.cursor_position = len(LONG)  # typing at the end: the end shows
        await pilot.pause()
        await pilot.press("tab")  # leave the field
        await pilot.pause()
        assert box.cursor_position == 0 and box.scroll_offset.x == 0
        app.query_one("#role", Field).set_text(LONG + " (nights)")
        await pilot.pause()
        assert box.cursor_position == 0 and box.scroll_offset.x == 0
