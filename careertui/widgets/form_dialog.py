"""A modal form of fields that returns their valid values, or None when cancelled."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Static

from careertui.widgets.field_row import FieldRow
from careertui.widgets.forms import ChoiceField, Field

FormField = Field | ChoiceField | FieldRow
Values = dict[str, Any]


def collect_values(fields: Iterable[FormField]) -> Values | None:
    """{field id: value} when every field is valid; else None, the first refused field focused
    and showing why. Field ids are the names of the record attributes they fill, so a caller
    makes its record with `Record(**values)` or `dataclasses.replace(record, **values)`."""
    values: Values = {}
    for field in fields:
        valid, value = field.validate()
        if not valid:
            field.focus_input()
            return None
        if isinstance(field, FieldRow) and field.merged:
            values.update(value)
        else:
            values[field.id or ""] = value
    return values


def _single_fields(fields: Iterable[FormField]) -> Iterator[Field | ChoiceField]:
    """The fields one by one, those of a FieldRow in its place."""
    for field in fields:
        yield from field.fields if isinstance(field, FieldRow) else [field]


def first_to_fill(fields: Sequence[FormField]) -> Field | ChoiceField:
    """The field a person fills first: the first empty text field, else the first text field
    (a choice with a default is seldom the first thing to change), else the first field."""
    every = list(_single_fields(fields))
    texts = [field for field in every if isinstance(field, Field)]
    empty = [field for field in texts if not field.text.strip()]
    return (empty or texts or every)[0]


def unless_cancelled(then: Callable[[Values], object]) -> Callable[[Values | None], None]:
    """A FormDialog's callback: `then(values)` when the form was saved, nothing when cancelled."""

    def answered(values: Values | None) -> None:
        if values is not None:
            then(values)

    return answered


class FormDialog(ModalScreen[Values | None]):
    """Shows `fields` (each with an id); Save dismisses with their values when all are valid.

    ctrl+s, enter in a one-line field or the Save button saves, escape cancels. An invalid field
    keeps the dialog open, shows its reason and takes the focus, so nothing invalid is returned.
    """

    # The title and the buttons are docked, so they stay in view while the fields scroll
    # between them in a terminal too short for all of them.
    DEFAULT_CSS = """
    FormDialog { align: center middle; }
    FormDialog > #form {
        width: 76; max-width: 100%; height: auto; max-height: 100%;
        border: round $accent; background: $surface; padding: 0 2;
    }
    FormDialog .dialog-title {
        dock: top; height: auto; padding: 1 0; text-style: bold; color: $accent;
    }
    FormDialog #form-buttons { dock: bottom; height: auto; align-horizontal: right; }
    FormDialog Button { margin-left: 2; }
    """
    # The focus goes to the field a person fills first (see `first_to_fill`), not to the first
    # focusable widget, which may be a choice with a default.
    AUTO_FOCUS = ""
    BINDINGS = [
        Binding("escape", "cancel", "Cancel"),
        Binding("ctrl+s", "save", "Save"),
    ]

    def __init__(self, title: str, fields: list[FormField], submit: str = "Save") -> None:
        super().__init__()
        self._title = title
        self._fields = fields
        self._submit = submit

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="form", can_focus=False):
            yield Static(self._title, classes="dialog-title", markup=False)
            yield from self._fields
            with Horizontal(id="form-buttons"):
                yield Button("Cancel", id="cancel")
                yield Button(self._submit, variant="primary", id="save")

    def on_mount(self) -> None:
        first_to_fill(self._fields).focus_input()

    def on_field_changed(self, event: Field.Changed) -> None:
        event.stop()  # values are collected on save, not as they are typed

    def on_choice_field_changed(self, event: ChoiceField.Changed) -> None:
        event.stop()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        # Enter in a one-line field submits the form, as in any dialog.
        event.stop()
        self.action_save()

    @on(Button.Pressed, "#save")
    def action_save(self) -> None:
        values = collect_values(self._fields)
        if values is not None:
            self.dismiss(values)

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
