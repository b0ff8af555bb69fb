"""The row of steps under the header: where you are, and the key for each step."""

from __future__ import annotations

from textual.content import Content
from textual.widgets import Static

from careertui.steps import STEPS


class StepBar(Static):
    """Shows `0 Overview  1 Assess  2 Destination ...` with the active step highlighted."""

    DEFAULT_CSS = """
    StepBar {
        height: 1;
        padding: 0 1;
        background: $panel;
        color: $text-muted;
    }
    """

    def __init__(self, active: str) -> None:
        super().__init__(self._render_steps(active))

    @staticmethod
    def _render_steps(active: str) -> Content:
        parts = []
        for step in STEPS:
            label = f" {step.key} {step.name} "
            style = "bold reverse $accent" if step.mode == active else ""
            action = f"@click=app.switch_step('{step.mode}')"
            parts.append(Content.from_markup(f"[{style} {action}]{label}[/]"))
        return Content(" ").join(parts)
