"""What a level means for the selected skill: its description and the O*NET scale anchors."""

from __future__ import annotations

from textual.markup import escape
from textual.widgets import Static

from careertui.model.assessment import anchor_marks

_MARKS = {
    "reached": ("✔", "$success", "at or below your level"),
    "next": ("↑", "$accent", "above your level"),
    "": (" ", "$text-muted", ""),
}


class SkillDetail(Static):
    """Shows one skill: name, category, description, your level, and what levels look like."""

    def show_skill(
        self,
        name: str,
        category: str,
        description: str,
        level: float | None,
        anchors: list[tuple[float, str]] | None,
    ) -> None:
        """`anchors` is None for a skill the person added, which O*NET has no scale for."""
        lines = [f"[b]{escape(name)}[/b]", f"[dim]{escape(category)}[/dim]"]
        if description:
            lines.append(escape(description))
        lines.append("")
        if level is None:
            lines.append("[b]Not rated yet[/b]: press → to rate it.")
        else:
            lines.append(f"Your level: [b]{level:.1f}[/b] of 7")
        if anchors is None:
            lines += ["", "Your own skills have no O*NET level examples: "
                          "rate them against the O*NET skills you know."]
        elif anchors:
            lines += ["", "[b]What the levels look like[/b]"]
            for value, text, mark in anchor_marks(anchors, level):
                symbol, colour, note = _MARKS[mark]
                note = f" [dim]({note})[/dim]" if note else ""
                lines.append(f"[{colour}]{symbol} {value:g}[/] {escape(text)}{note}")
        self.update("\n".join(lines))
