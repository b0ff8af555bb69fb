"""Step 2, Destination: the dream job and the 1/3/5-year goals."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Static

from careertui.model.plan import Destination
from careertui.screens.base import StepScreen
from careertui.screens.summary import destination_summary


class DestinationScreen(StepScreen):
    MODE = "destination"

    def compose_body(self) -> ComposeResult:
        yield Static(id="destination-summary")

    def refresh_from_store(self) -> None:
        destination = self.app.store.get(Destination)
        self.query_one("#destination-summary", Static).update(destination_summary(destination))
