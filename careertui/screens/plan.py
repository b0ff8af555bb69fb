"""Step 4, Plan: SMART goals and their action items."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Static

from careertui.model.plan import Action, Goal
from careertui.screens.base import StepScreen
from careertui.screens.summary import goals_summary


class PlanScreen(StepScreen):
    MODE = "plan"

    def compose_body(self) -> ComposeResult:
        yield Static(id="plan-summary")

    def refresh_from_store(self) -> None:
        store = self.app.store
        summary = goals_summary(store.all(Goal), store.all(Action))
        self.query_one("#plan-summary", Static).update(summary)
