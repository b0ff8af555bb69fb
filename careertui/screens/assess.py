"""Step 1, Assess: the self-assessment snapshots."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Static

from careertui.model.plan import Assessment
from careertui.screens.base import StepScreen
from careertui.screens.summary import assessment_summary


class AssessScreen(StepScreen):
    MODE = "assess"

    def compose_body(self) -> ComposeResult:
        yield Static(id="assess-summary")

    def refresh_from_store(self) -> None:
        assessments = self.app.store.all(Assessment)
        latest = max(assessments, key=lambda a: a.taken_on, default=None)
        self.query_one("#assess-summary", Static).update(assessment_summary(latest))
