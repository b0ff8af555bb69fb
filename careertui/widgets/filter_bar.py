"""A one-line filter a list screen opens with `/`: typing filters, escape clears and closes."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.message import Message
from textual.widgets import Input, Static


class FilterBar(Horizontal):
    """Hidden until open(); posts Changed with the query as it is typed (and "" when closed).
    enter goes back to the list with the filter kept; escape clears it."""

    DEFAULT_CSS = """
    FilterBar { display: none; height: 1; }
    FilterBar.-open { display: block; }
    FilterBar > Static { width: auto; color: $accent; text-style: bold; }
    FilterBar > Input { border: none; height: 1; padding: 0 1; width: 1fr; }
    FilterBar > Input:focus { border: none; }
    """
    BINDINGS = [
        Binding("escape", "clear", "Clear the filter"),
        Binding("enter", "keep", "Back to the list", show=False),
    ]

    class Changed(Message):
        def __init__(self, bar: FilterBar, query: str) -> None:
            super().__init__()
            self.bar = bar
            self.query = query

        @property
        def control(self) -> FilterBar:
            return self.bar

    def __init__(self, placeholder: str, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._placeholder = placeholder

    def compose(self) -> ComposeResult:
        yield Static("/ ")
        yield Input(placeholder=self._placeholder)

    @property
    def query_text(self) -> str:
        return self.query_one(Input).value if self.has_class("-open") else ""

    def open(self) -> None:
        """Show the bar and put the cursor in it (what was typed before stays)."""
        self.add_class("-open")
        self.query_one(Input).focus()

    @on(Input.Changed)
    def _typed(self, event: Input.Changed) -> None:
        event.stop()
        self.post_message(self.Changed(self, event.value))

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_keep()

    def action_keep(self) -> None:
        self.screen.focus_next()

    def action_clear(self) -> None:
        field = self.query_one(Input)
        self.remove_class("-open")
        had_text = bool(field.value)
        field.value = ""  # posts Changed(""), which shows everything again
        if not had_text:
            self.post_message(self.Changed(self, ""))
        self.screen.focus_next()
