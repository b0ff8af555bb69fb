"""Beside the chart in step 5: the check-ins or the wins, one list at a time, under a title."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import ContentSwitcher, Static

from careertui.screens.progress.checkins import CheckInTable
from careertui.screens.progress.wins import WinsTable

CHECKINS_TITLE = ("[b]Check-ins[/b]  [dim]a add · e edit · d delete · "
                  "w wins · m milestone[/dim]")
WINS_TITLE = "[b]Wins[/b]  [dim]m record · e edit · d delete · w check-ins[/dim]"


class ProgressLists(Vertical):
    """The check-ins (`#checkins`) or the wins (`#wins`); each table owns its keys."""

    DEFAULT_CSS = """
    ProgressLists { width: 1fr; margin-left: 2; }
    ProgressLists #lists-title { height: 1; }
    ProgressLists ContentSwitcher { height: 13; }
    ProgressLists CheckInTable, ProgressLists WinsTable { height: 13; }
    """

    def compose(self) -> ComposeResult:
        yield Static(CHECKINS_TITLE, id="lists-title")
        with ContentSwitcher(initial="checkins"):
            yield CheckInTable(id="checkins")
            yield WinsTable(id="wins")

    @property
    def showing_wins(self) -> bool:
        return self.query_one(ContentSwitcher).current == "wins"

    def toggle(self) -> None:
        """Swap the check-ins for the wins (and back), with the keyboard on that list."""
        self.show_list("checkins" if self.showing_wins else "wins")

    def show_list(self, name: str) -> None:
        """Show `checkins` or `wins`, and focus it."""
        self.query_one(ContentSwitcher).current = name
        self.query_one("#lists-title", Static).update(
            WINS_TITLE if self.showing_wins else CHECKINS_TITLE)
        self.query_one(f"#{name}").focus()
