"""A labelled form field that validates as you type and shows why a value is refused."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual import events
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input, Label, Select, Static, TextArea
from textual.widgets.text_area import Document

from careertui.model.validation import (
    LINE_MAX,
    NOTES_MAX,
    Invalid,
    removed_note,
    within_length,
    without_controls,
)

Check = Callable[[str], Any]
# A refusal that repeats a pasted page back is cut here; the reason comes first anyway.
LONGEST_MESSAGE = 1000


def keep_text(text: str) -> str:
    return text


def _document(area: TextArea) -> Document:
    """The text of a plain TextArea, which converts between indexes and (row, column)."""
    document = area.document
    if not isinstance(document, Document):
        raise TypeError(f"a plain TextArea holds a Document, not {type(document).__name__}")
    return document


class StartShownInput(Input):
    """An Input that shows the start of its text while it is not typed in ("Registered
    Nurse", not "egistered Nurse"); the cursor goes to the start when it loses focus."""

    def on_blur(self) -> None:
        self.cursor_position = 0


class ParagraphArea(TextArea):
    """A TextArea for one paragraph: it wraps the text over as many lines as it needs, and
    Enter adds no line break (it goes on to whatever Enter does around it)."""

    async def _on_key(self, event: events.Key) -> None:
        # Textual calls the handler of every class in the MRO; this stops TextArea's.
        if event.key == "enter":
            event.prevent_default()


def _start_shown(area: TextArea) -> None:
    """Scroll a text box that has lost focus back to the start of its text."""
    area.scroll_home(animate=False)


class Field(Vertical):
    """A label, a text box, an error line and a note line.

    The box is an Input; a TextArea that grows with its text when `multiline`; or, when
    `wrapped`, a growing box for one paragraph (line breaks become spaces).

    `check` turns the typed text into the value to store or raises `Invalid`; only valid
    values are posted upward, in `Field.Changed`, so nothing invalid reaches the store.
    Text longer than `max_length` (by default LINE_MAX, NOTES_MAX when multiline) is refused
    before `check` sees it.
    The text never holds characters a terminal cannot show (see `without_controls`): typed or
    pasted ones are taken out at once, and the note line says so.
    """

    DEFAULT_CSS = """
    Field { height: auto; margin-bottom: 1; }
    Field > Label { color: $text-muted; }
    Field > TextArea { height: auto; min-height: 4; max-height: 12; }
    Field > ParagraphArea { min-height: 3; }
    Field > .field-error { color: $error; height: auto; display: none; }
    Field.-invalid > .field-error { display: block; }
    Field > .field-note { color: $warning; height: auto; display: none; }
    Field.-noted > .field-note { display: block; }
    Field.-invalid > Input, Field.-invalid > TextArea { border: tall $error; }
    """

    class Changed(Message):
        """A valid value was typed."""

        def __init__(self, field: Field, value: Any) -> None:
            super().__init__()
            self.field = field
            self.value = value

        @property
        def control(self) -> Field:
            return self.field

    def __init__(
        self,
        label: str,
        value: str = "",
        *,
        check: Check = keep_text,
        multiline: bool = False,
        wrapped: bool = False,
        placeholder: str = "",
        max_length: int | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(id=id, classes=classes)
        self._label = label
        self._check = check
        self._max_length = max_length or (NOTES_MAX if multiline else LINE_MAX)
        self._multiline = multiline
        self._in_area = multiline or wrapped  # typed in a TextArea rather than an Input
        self._placeholder = placeholder
        self._initial = self._shown(value)
        self._last_text = self._initial  # what the store holds; only differences are posted
        # What the store held when this edit began (focus), with its value: put back while
        # the text is refused, so a refused text leaves the store as it was.
        self._before_edit: tuple[str, Any] | None = None

    def compose(self) -> ComposeResult:
        yield Label(self._label)
        if self._multiline:
            yield TextArea(self._initial, soft_wrap=True, show_line_numbers=False)
        elif self._in_area:
            yield ParagraphArea(self._initial, soft_wrap=True, show_line_numbers=False,
                                placeholder=self._placeholder)
        else:
            yield StartShownInput(self._initial, placeholder=self._placeholder)
        yield Static("", classes="field-error", markup=False)
        yield Static("", classes="field-note", markup=False)

    @property
    def text(self) -> str:
        return self._shown(self._raw_text)

    @property
    def _raw_text(self) -> str:
        if self._in_area:
            return self.query_one(TextArea).text
        return self.query_one(Input).value

    def _shown(self, text: str) -> str:
        return without_controls(text, multiline=self._multiline)[0]

    def set_text(self, text: str) -> None:
        """Show `text` (from the store) without posting a change."""
        self._last_text = text = self._shown(text)
        if self._before_edit is not None:
            self._note_before_edit()  # the store changed under the edit
        self._replace_text(text)
        self._show_error(None)
        self._show_note(None)

    def _replace_text(self, text: str, cursor: int | None = None) -> None:
        """Put `text` in the box without posting a change; the cursor goes to index `cursor`."""
        with self.prevent(Input.Changed, TextArea.Changed):
            if self._in_area:
                area = self.query_one(TextArea)
                area.load_text(text)
                if cursor is not None:
                    area.move_cursor(_document(area).get_location_from_index(cursor))
                elif not area.has_focus:
                    _start_shown(area)
            else:
                box = self.query_one(Input)
                box.value = text
                if cursor is not None:
                    box.cursor_position = cursor
                elif not box.has_focus:
                    box.cursor_position = 0  # the start of the text shows

    @property
    def box(self) -> Input | TextArea:
        """The widget the text is typed in."""
        return self.query_one(TextArea) if self._in_area else self.query_one(Input)

    def focus_input(self) -> None:
        self.box.focus()

    def validate(self) -> tuple[bool, Any]:
        """(True, value) for valid text, else (False, None) with the reason shown."""
        try:
            value = self._check(within_length(self.text, self._max_length))
        except Invalid as error:
            self._show_error(str(error))
            return False, None
        self._show_error(None)
        return True, value

    def _show_error(self, message: str | None) -> None:
        if message is not None and len(message) > LONGEST_MESSAGE:
            message = message[:LONGEST_MESSAGE] + "…"
        self.set_class(message is not None, "-invalid")
        self.query_one(".field-error", Static).update(message or "")

    def _show_note(self, note: str | None) -> None:
        self.set_class(note is not None, "-noted")
        self.query_one(".field-note", Static).update(note or "")

    def _take_out_controls(self) -> None:
        """Remove what a terminal cannot show from the box itself, keeping the cursor's place."""
        raw = self._raw_text
        kept, removed = without_controls(raw, multiline=self._multiline)
        if kept == raw:
            self._show_note(None)
            return
        if self._in_area:
            area = self.query_one(TextArea)
            before = raw[:_document(area).get_index_from_location(area.cursor_location)]
        else:
            before = raw[:self.query_one(Input).cursor_position]
        self._replace_text(kept, cursor=len(self._shown(before)))
        self._show_note(removed_note(removed) if removed else None)

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self._changed()

    def on_descendant_focus(self) -> None:
        self._note_before_edit()

    def _note_before_edit(self) -> None:
        try:
            self._before_edit = (self._last_text, self._check(self._last_text))
        except Invalid:
            self._before_edit = None  # refused already: there is nothing valid to put back

    def on_descendant_blur(self, event: events.DescendantBlur) -> None:
        if isinstance(event.widget, TextArea):
            _start_shown(event.widget)

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        event.stop()
        self._changed()

    def _changed(self) -> None:
        self._take_out_controls()
        valid, value = self.validate()
        if valid and self.text != self._last_text:
            self._last_text = self.text
            self.post_message(self.Changed(self, value))
        elif not valid and self._before_edit is not None:
            # "2026" is a date on the way to "2026-11-23" (refused): the store keeps what it
            # had before the edit, not the last prefix that read as a value.
            text, before = self._before_edit
            if self._last_text != text:
                self._last_text = text
                self.post_message(self.Changed(self, before))


class ChoiceField(Vertical):
    """A label and a Select; the same `validate()`/`focus_input()` interface as Field.

    `options` are (label, value) pairs; `allow_blank` adds a "none" choice that gives None.
    """

    DEFAULT_CSS = """
    ChoiceField { height: auto; margin-bottom: 1; }
    ChoiceField > Label { color: $text-muted; }
    """

    class Changed(Message):
        """Another choice was made."""

        def __init__(self, field: ChoiceField, value: Any) -> None:
            super().__init__()
            self.field = field
            self.value = value

        @property
        def control(self) -> ChoiceField:
            return self.field

    def __init__(
        self,
        label: str,
        options: list[tuple[str, Any]],
        value: Any = None,
        *,
        allow_blank: bool = False,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self._label = label
        self._options = options
        self._value = value
        self._allow_blank = allow_blank

    def compose(self) -> ComposeResult:
        yield Label(self._label)
        start = Select.NULL if self._value is None else self._value
        yield Select(self._options, value=start, allow_blank=self._allow_blank, prompt="none")

    @property
    def value(self) -> Any:
        selected = self.query_one(Select).value
        return None if selected is Select.NULL else selected

    def focus_input(self) -> None:
        self.query_one(Select).focus()

    def validate(self) -> tuple[bool, Any]:
        return True, self.value

    def on_select_changed(self, event: Select.Changed) -> None:
        event.stop()
        if self.value != self._value:
            self._value = self.value
            self.post_message(self.Changed(self, self._value))
