"""Step 5, Progress: what is done, check-ins and milestones."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.markup import escape
from textual.widgets import Static

from careertui.screens.base import StepScreen
from careertui.screens.summary import format_date, plan_counts


class ProgressScreen(StepScreen):
    MODE = "progress"

    def compose_body(self) -> ComposeResult:
        yield Static(id="progress-summary")

    def refresh_from_store(self) -> None:
        plan = self.app.store.load()
        counts = plan_counts(plan)
        lines = [f"Action items done: {counts['done']} of {counts['actions']}"]
        if plan.checkins:
            lines += ["", "[b]Check-ins[/b]"]
            for checkin in sorted(plan.checkins, key=lambda c: c.on, reverse=True):
                kind = checkin.kind.value.replace("_", " ")
                lines.append(f"  {format_date(checkin.on)}  {kind:<18} {escape(checkin.notes)}")
        if plan.milestones:
            lines += ["", "[b]Milestones[/b]"]
            for milestone in sorted(plan.milestones, key=lambda m: m.on, reverse=True):
                lines.append(f"  {format_date(milestone.on)}  {escape(milestone.title)}")
        self.query_one("#progress-summary", Static).update("\n".join(lines))
