"""A field shows the start of its text when it is not typed in; text boxes grow with it."""

from __future__ import annotations

from textual.app import App
from textual.widgets import Input, TextArea

from careertui.widgets.forms import Field

LONG = "Registered Nurse, charge nurse on the cardiac ward of St Mary's"


class FieldsApp(App):
    def compose(self):
        yield Field("Current role", LONG, id="role")
        yield Field("Organisation", id="organisation")
        yield Field("Where I want to be in 1 year", wrapped=True, id="goal")
        yield Field("What do you excel at?", multiline=True, id="notes")


async def test_a_long_text_shows_its_start_when_the_field_is_left_and_when_it_is_set():
    app = FieldsApp()
    async with app.run_test(size=(40, 40)) as pilot:
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


async def test_a_goal_box_grows_as_the_text_wraps_and_enter_adds_no_line_break():
    app = FieldsApp()
    async with app.run_test(size=(40, 40)) as pilot:
        field = app.query_one("#goal", Field)
        area = field.query_one(TextArea)
        field.focus_input()
        await pilot.press(*"Lead a team of 40 nurses", "enter", *" on a cardiac ward")
        await pilot.pause()
        assert field.text == "Lead a team of 40 nurses on a cardiac ward"
        assert area.size.height >= 2  # 42 characters in a 36-wide box take two lines
        one_line = area.outer_size.height
        await pilot.press(*" and run its budget and its hiring for the whole hospital")
        await pilot.pause()
        assert area.outer_size.height > one_line


async def test_a_notes_box_grows_to_show_what_was_written_and_scrolls_only_past_its_limit():
    app = FieldsApp()
    async with app.run_test(size=(40, 40)) as pilot:
        field = app.query_one("#notes", Field)
        area = field.query_one(TextArea)
        field.set_text("\n".join(f"Line {number}" for number in range(1, 6)))
        await pilot.pause()
        assert area.size.height == 5  # all five lines show
        field.set_text("\n".join(f"Line {number}" for number in range(1, 41)))
        await pilot.pause()
        assert area.outer_size.height == 12  # the limit; the rest scrolls
        field.focus_input()
        await pilot.press("pagedown", "pagedown", "pagedown")
        await pilot.pause()
        assert area.scroll_offset.y > 0
        await pilot.press("tab")  # leaving it shows its start again
        await pilot.pause()
        assert area.scroll_offset.y == 0
