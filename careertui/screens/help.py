"""The `?` screen: every key that works right now, and what it does."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static

from careertui.roles import load_library


def onet_notice() -> str:
    """The CC BY 4.0 attribution the O*NET data requires, and what careertui changed."""
    return (
        f"Occupation data: {load_library().attribution} The conversion: careertui ships a "
        "compact extract of the occupations, their skill and knowledge ratings, typical "
        "education, job zones and hot technologies, built by careertui.roles.build from the "
        "O*NET text files."
    )


class HelpScreen(ModalScreen[None]):
    """Lists the keys of the screen it was opened from, global keys included."""

    BINDINGS = [
        Binding("escape,question_mark,q", "dismiss", "Close help"),
    ]

    def __init__(self, keys: list[tuple[str, str]]) -> None:
        super().__init__()
        self._keys = keys

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-dialog"):
            yield Static("Keys", classes="step-title")
            table: DataTable[str] = DataTable(cursor_type="none", zebra_stripes=True,
                                              id="help-keys")
            table.add_columns("Key", "What it does")
            for key, description in self._keys:
                table.add_row(key, description)
            yield table
            yield Static("Press escape or ? to close.", classes="step-purpose")
            yield Static(onet_notice(), id="help-attribution", markup=False)
