"""What a level means for the selected skill or knowledge area: its description and anchors."""

from __future__ import annotations

from textual.markup import escape
from textual.widgets import Static

from careertui.model.assessment import anchor_marks, is_custom
from careertui.roles import RoleLibrary

_MARKS = {
    "reached": ("✔", "$success", "at or below your level"),
    "next": ("↑", "$accent", "above your level"),
    "": (" ", "$text-muted", ""),
}


class SkillDetail(Static):
    """Shows one skill: name, category, description, your level, and what levels look like."""

    def show_row(self, library: RoleLibrary, key: str, name: str, level: float | None,
                 change: str) -> None:
        """Show the O*NET element `key` of `library`, or your own skill called `name`."""
        if is_custom(key):
            self.show_skill(name, "One of your own skills", "", level, None, change)
            return
        element = library.element(key)
        category = (f"Knowledge: {element.category}" if element.domain == "knowledge"
                    else element.category)
        self.show_skill(element.name, category, element.description, level,
                        library.anchors(key), change)

    def show_skill(
        self,
        name: str,
        category: str,
        description: str,
        level: float | None,
        anchors: list[tuple[float, str]] | None,
        change: str = "",
    ) -> None:
        """`anchors` is None for a skill the person added, which O*NET has no scale for."""
        lines = [f"[b]{escape(name)}[/b]", f"[dim]{escape(category)}[/dim]"]
        if description:
            lines.append(escape(description))
        lines.append("")
        if level is None:
            lines.append("[b]Not rated yet[/b]: press → to rate it, or e to type a level.")
        else:
            lines.append(f"Your level: [b]{level:.1f}[/b] of 7")
            if change.startswith(("▲", "▼")):
                lines.append(f"[dim]Since the last snapshot: {escape(change)}[/dim]")
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
