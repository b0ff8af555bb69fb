"""Step 3, Gaps: what the target role needs that is still missing."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.markup import escape
from textual.widgets import Static

from careertui.model.plan import Destination, Need
from careertui.screens.base import StepScreen


class GapsScreen(StepScreen):
    MODE = "gaps"

    def compose_body(self) -> ComposeResult:
        yield Static(id="gaps-summary")

    def refresh_from_store(self) -> None:
        store = self.app.store
        target = store.get(Destination).target_role_title
        needs = store.all(Need)
        lines = [f"Target role: [b]{escape(target)}[/b]" if target else "No target role yet."]
        if needs:
            lines += ["", "[b]Still needed[/b]"]
            lines += [f"  {need.kind.value:<13} {escape(need.title)}" for need in needs]
        self.query_one("#gaps-summary", Static).update("\n".join(lines))
