"""Step 0, the overview: where the plan stands, or where to start on an empty plan."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.markup import escape
from textual.widgets import Static

from careertui.screens.base import StepScreen
from careertui.screens.summary import plan_counts

START_HINT = "Start with step 1: press 1 to assess where you stand today."


class OverviewScreen(StepScreen):
    MODE = "overview"

    def compose_body(self) -> ComposeResult:
        yield Static(id="overview-summary")

    def refresh_from_store(self) -> None:
        plan = self.app.store.load()
        summary = self.query_one("#overview-summary", Static)
        if plan.is_empty:
            summary.update(START_HINT)
            return
        counts = plan_counts(plan)
        profile = plan.profile
        lines = []
        if profile.name:
            role = ", ".join(filter(None, [profile.current_role, profile.organisation]))
            lines.append(f"[b]{escape(profile.name)}[/b]  {escape(role)}")
        target = plan.destination.target_role_title
        if target:
            lines.append(f"Heading for [b]{escape(target)}[/b]")
        lines += [
            "",
            f"Action items done: {counts['done']} of {counts['actions']}",
            f"Goals: {counts['goals']}   Check-ins: {counts['checkins']}   "
            f"Milestones: {counts['milestones']}",
        ]
        if not plan.assessments:
            lines += ["", START_HINT]
        summary.update("\n".join(lines))
