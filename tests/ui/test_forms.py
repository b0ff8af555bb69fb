"""The shared Field and FormDialog: live validation, nothing invalid returned."""

from __future__ import annotations

import pytest
from textual import events
from textual.app import App
from textual.widgets import Input, Select

from careertui.model.validation import required_text
from careertui.widgets.confirm import ConfirmDialog
from careertui.widgets.form_dialog import FormDialog
from careertui.widgets.forms import ChoiceField, Field
from tests.ui.conftest import field_error, settle, type_text


def name_check(text: str) -> str:
    return required_text(text, "The name")


class DialogApp(App):
    def __init__(self) -> None:
        super().__init__()
        self.results = []

    def on_mount(self) -> None:
        fields = [Field("Name", check=name_check, id="name"), Field("Notes", id="notes")]
        self.push_screen(FormDialog("New thing", fields), self.results.append)


async def test_dialog_refuses_an_empty_name_then_returns_values():
    app = DialogApp()
    async with app.run_test() as pilot:
        await pilot.press("ctrl+s")
        field = app.screen.query_one("#name", Field)
        assert field.has_class("-invalid")
        assert "The name cannot be empty." in str(field.query_one(".field-error").render())
        assert app.results == []
        await type_text(pilot, "  Ada ")
        assert not field.has_class("-invalid")
        await pilot.press("tab", *"first")
        await pilot.press("ctrl+s")
        assert app.results == [{"name": "Ada", "notes": "first"}]


async def test_dialog_cancel_returns_none():
    app = DialogApp()
    async with app.run_test() as pilot:
        await type_text(pilot, "Ada")
        await pilot.press("escape")
        assert app.results == [None]


class FieldApp(App):
    def __init__(self) -> None:
        super().__init__()
        self.values = []

    def compose(self):
        yield Field("Name", "Ada", check=name_check, id="name")

    def on_field_changed(self, event: Field.Changed) -> None:
        self.values.append(event.value)


async def test_field_posts_only_valid_values_and_set_text_posts_nothing():
    app = FieldApp()
    async with app.run_test() as pilot:
        app.query_one(Input).focus()
        await pilot.press("end", "backspace", "backspace", "backspace", "B", "o")
        await pilot.pause()
        # The empty text in between is refused: the value from before the edit is put back.
        assert app.values == ["Ad", "A", "Ada", "B", "Bo"]
        field = app.query_one(Field)
        field.set_text("Cy")
        await pilot.pause()
        assert app.values == ["Ad", "A", "Ada", "B", "Bo"]
        assert field.text == "Cy"


class ChoiceApp(App):
    def __init__(self) -> None:
        super().__init__()
        self.results = []

    def on_mount(self) -> None:
        fields = [
            ChoiceField("Kind", [("Training", "training"), ("Tool", "tool")], "training",
                        id="kind"),
            ChoiceField("Linked gap", [("Programming", "2.B.3.e")], allow_blank=True, id="gap"),
        ]
        self.push_screen(FormDialog("New need", fields), self.results.append)


async def test_choice_fields_return_their_values_and_none_for_blank():
    app = ChoiceApp()
    async with app.run_test() as pilot:
        kind = app.screen.query_one("#kind", ChoiceField)
        kind.query_one(Select).value = "tool"
        await pilot.pause()
        await pilot.press("ctrl+s")
        assert app.results == [{"kind": "tool", "gap": None}]


class TallDialogApp(App):
    """A dialog of a choice with a default, a filled field and more fields than 24 lines hold."""

    def on_mount(self) -> None:
        fields = [ChoiceField("Kind", [("Training", "training")], "training", id="kind"),
                  Field("Filled", "done", id="filled")]
        fields += [Field(f"Field {n}", id=f"field-{n}") for n in range(8)]
        self.push_screen(FormDialog("A tall form", fields))


def on_screen(app: App, selector: str) -> bool:
    region = app.screen.query_one(selector).region
    return region.height > 0 and app.screen.region.contains_region(region)


@pytest.mark.parametrize("size", [(80, 24), (120, 36)])
async def test_a_tall_dialog_opens_on_its_first_empty_field_and_fits(size):
    app = TallDialogApp()
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        assert app.focused is app.screen.query_one("#field-0 Input")
        assert on_screen(app, ".dialog-title") and on_screen(app, "#save")
        app.screen.query_one("#field-7", Field).focus_input()
        await pilot.pause()
        await pilot.wait_for_scheduled_animations()  # the scroll to the field, on a busy machine
        assert on_screen(app, ".dialog-title") and on_screen(app, "#save")
        assert on_screen(app, "#field-7 Input")


async def test_a_pasted_page_is_refused_with_its_length_and_nothing_is_returned():
    app = DialogApp()
    async with app.run_test(size=(80, 24)) as pilot:
        app.post_message(events.Paste("x" * 5000))
        await settle(pilot)
        assert field_error(app, "name") == (
            "Too long: 5,000 characters, and at most 200 fit here (4,800 too many).")
        await pilot.press("ctrl+s")
        assert app.results == [] and isinstance(app.screen, FormDialog)
        assert on_screen(app, ".dialog-title") and on_screen(app, "#save")
        await pilot.press("tab")
        app.post_message(events.Paste("y" * 5000))  # notes: one line as well
        await settle(pilot)
        assert "at most 200" in field_error(app, "notes")


class NotesApp(App):
    def compose(self):
        yield Field("Notes", "n" * 10_000, multiline=True, id="notes")


async def test_multi_line_notes_keep_up_to_10000_characters():
    app = NotesApp()
    async with app.run_test() as pilot:
        field = app.query_one(Field)
        assert field.validate() == (True, "n" * 10_000)
        field.focus_input()
        await pilot.press("end", "n")
        assert "at most 10,000" in field_error(app, "notes")


class ConfirmApp(App):
    def on_mount(self) -> None:
        self.push_screen(ConfirmDialog(f"Delete the need “{'z' * 5000}”?"))


async def test_a_delete_of_a_very_long_title_keeps_its_buttons_on_screen():
    app = ConfirmApp()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        assert on_screen(app, "#yes") and on_screen(app, "#no")
