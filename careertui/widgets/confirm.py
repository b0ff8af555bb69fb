"""A yes/no question as a small modal; dismisses with True only for an explicit yes."""

from __future__ import annotations

from collections.abc import Callable

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Static


def if_confirmed(then: Callable[[], object]) -> Callable[[bool | None], None]:
    """A ConfirmDialog's callback: `then()` after an explicit yes, nothing otherwise."""

    def answered(yes: bool | None) -> None:
        if yes:
            then()

    return answered


class ConfirmDialog(ModalScreen[bool]):
    """`y` or the Yes button confirms; `n`, escape or No cancels."""

    # The buttons are docked: a long question (a pasted title) scrolls above them, on screen.
    DEFAULT_CSS = """
    ConfirmDialog { align: center middle; }
    ConfirmDialog > VerticalScroll {
        width: 64; max-width: 100%; height: auto; max-height: 100%;
        border: round $warning; background: $surface; padding: 1 2;
    }
    ConfirmDialog Horizontal {
        dock: bottom; height: auto; align-horizontal: right; margin-top: 1;
    }
    ConfirmDialog Button { margin-left: 2; }
    """
    BINDINGS = [
        Binding("y", "answer(True)", "Yes"),
        Binding("n,escape", "answer(False)", "No"),
    ]

    def __init__(self, question: str, yes: str = "Delete") -> None:
        super().__init__()
        self._question = question
        self._yes = yes

    def compose(self) -> ComposeResult:
        with VerticalScroll(can_focus=False):
            yield Static(self._question, markup=False)
            with Horizontal():
                yield Button("No", id="no")
                yield Button(f"{self._yes} (y)", variant="error", id="yes")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    @on(Button.Pressed, "#yes")
    def _confirmed(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#no")
    def _declined(self) -> None:
        self.dismiss(False)

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)
