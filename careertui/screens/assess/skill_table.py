"""The self-rating table: skills grouped by category, each with a level bar, number and change."""

from __future__ import annotations

from typing import NamedTuple

from rich.text import Text
from textual.binding import Binding
from textual.color import Color
from textual.coordinate import Coordinate
from textual.widgets import DataTable

from careertui.model.validation import LEVEL_MAX
from careertui.widgets.record_table import selected_key

BAR_WIDTH = int(LEVEL_MAX)


class SkillRow(NamedTuple):
    """One skill the person can rate; `group` is the category label shown on its first row."""

    key: str
    name: str
    group: str


# Short names for the O*NET skill categories, so the table fits beside the level examples.
_SHORT_CATEGORIES = {
    "Basic Skills: Content": "Basic content",
    "Basic Skills: Process": "Basic process",
    "Complex Problem Solving Skills": "Problem solving",
    "Resource Management Skills": "Resources",
}


def category_label(category: str) -> str:
    """ "Basic Skills: Content" -> "Basic content", "Technical Skills" -> "Technical"."""
    return _SHORT_CATEGORIES.get(category, category.removesuffix(" Skills"))


def level_bar(level: float) -> tuple[str, str]:
    """(filled, empty) parts of the bar: ("████▌", "··") for 4.5 on a bar of 7."""
    full, half = int(level), level % 1 >= 0.5
    return "█" * full + ("▌" if half else ""), "·" * (BAR_WIDTH - full - half)


class SkillTable(DataTable[Text]):
    """Rows keyed by skill key; the screen owns the data and acts on the keys bound here."""

    BINDINGS = [
        Binding("right,plus,equals_sign", "screen.raise_level", "Raise level"),
        Binding("left,minus", "screen.lower_level", "Lower level"),
        Binding("a", "screen.add_skill", "Add skill"),
        Binding("e,enter", "screen.edit_skill", "Edit skill"),
        Binding("d", "screen.delete_skill", "Delete skill"),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        self._groups: dict[str, str] = {}

    def on_mount(self) -> None:
        self.add_column("Category", key="group")
        self.add_column("Skill", key="skill")
        self.add_column("Your level", key="level", width=BAR_WIDTH + 4)
        self.add_column("Change", key="change", width=7)

    @property
    def selected_key(self) -> str | None:
        return selected_key(self)

    def show(self, rows: list[SkillRow], levels: dict[str, float], changes: dict[str, str]) -> None:
        """Replace every row, keeping the cursor on the same skill when it is still there."""
        selected = self.selected_key
        self.clear()
        self._groups = {}
        for row in rows:
            self._add(row, levels.get(row.key), changes.get(row.key, ""))
        keys = [row.key for row in rows]
        if selected in keys:
            self.move_cursor(row=keys.index(selected), animate=False)

    def add_skill(self, row: SkillRow, level: float | None) -> None:
        """Append a skill and put the cursor on it."""
        self._add(row, level, "")
        self.move_cursor(row=self.row_count - 1, animate=False)

    def update_skill(self, key: str, level: float | None, change: str, name: str | None = None):
        """Update one row in place."""
        self.update_cell(key, "level", self._level_cell(level))
        self.update_cell(key, "change", self._change_cell(change))
        if name is not None:
            self.update_cell(key, "skill", Text(name))

    def remove_skill(self, key: str) -> None:
        """Remove a row; the next row of its group inherits the category label."""
        group = self._groups.pop(key)
        labelled = self.get_cell(key, "group").plain != ""
        index = self.get_row_index(key)
        self.remove_row(key)
        if labelled and index < self.row_count:
            next_key = self.coordinate_to_cell_key(Coordinate(index, 0)).row_key.value
            if next_key is not None and self._groups[next_key] == group:
                self.update_cell(next_key, "group", self._group_cell(group))

    def _add(self, row: SkillRow, level: float | None, change: str) -> None:
        first_of_group = row.group not in self._groups.values()
        self._groups[row.key] = row.group
        self.add_row(
            self._group_cell(row.group) if first_of_group else Text(""),
            Text(row.name),
            self._level_cell(level),
            self._change_cell(change),
            key=row.key,
        )

    def _group_cell(self, group: str) -> Text:
        return Text(group, style="bold")

    def _level_cell(self, level: float | None) -> Text:
        if level is None:
            return Text("not rated", style="dim")
        filled, empty = level_bar(level)
        return Text.assemble((filled, self._color("accent")), (empty, "dim"), f" {level:.1f}")

    def _change_cell(self, change: str) -> Text:
        if change.startswith("▲"):
            return Text(change, style=self._color("success"))
        if change.startswith("▼"):
            return Text(change, style=self._color("error"))
        return Text(change, style="dim")

    def _color(self, name: str) -> str:
        """A theme colour as a Rich style (cells are Rich text, which knows no $variables)."""
        return Color.parse(self.app.theme_variables[name]).rich_color.name
