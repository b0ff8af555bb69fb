"""The self-rating table: skills or knowledge areas by category, each with its level and change."""

from __future__ import annotations

from collections.abc import Mapping
from typing import NamedTuple

from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.color import Color
from textual.coordinate import Coordinate
from textual.widgets import DataTable, Tabs

from careertui.model.plan import SkillRating
from careertui.model.validation import LEVEL_MAX
from careertui.roles import RoleLibrary
from careertui.widgets.record_table import selected_key

BAR_WIDTH = int(LEVEL_MAX)
OWN_SKILLS = "Your own"
LEVEL_WIDTH = BAR_WIDTH + 4
# Below this width the table shows only the name and the level (the detail shows the rest).
FULL_WIDTH = 76


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
    """ "Basic Skills: Content" -> "Basic content", "Technical Skills" -> "Technical",
    "Business and Management" -> "Business"."""
    return _SHORT_CATEGORIES.get(category, category.removesuffix(" Skills").split(" and ")[0])


def domain_rows(library: RoleLibrary, domain: str, own: list[SkillRating]) -> list[SkillRow]:
    """The rows of one domain: the O*NET skills and your `own`, or the knowledge areas."""
    if domain == "knowledge":
        return [SkillRow(k.id, k.name, category_label(k.category)) for k in library.knowledge]
    rows = [SkillRow(s.id, s.name, category_label(s.category)) for s in library.skills]
    return rows + [SkillRow(r.key, r.name, OWN_SKILLS) for r in own]


class DomainTabs(Tabs):
    """Skills or Knowledge: which O*NET areas the table lists; clicked, or `k` on the table."""

    can_focus = False


def level_bar(level: float) -> tuple[str, str]:
    """(filled, empty) parts of the bar: ("████▌", "··") for 4.5 on a bar of 7."""
    full, half = int(level), level % 1 >= 0.5
    return "█" * full + ("▌" if half else ""), "·" * (BAR_WIDTH - full - half)


class SkillTable(DataTable[Text]):
    """Rows keyed by skill key; the screen owns the data and acts on the keys bound here.

    Narrower than FULL_WIDTH, it keeps only the essential columns: the name and the level.
    """

    BINDINGS = [
        Binding("right,plus,equals_sign", "screen.raise_level", "Raise level"),
        Binding("left,minus", "screen.lower_level", "Lower level"),
        Binding("a", "screen.add_skill", "Add skill"),
        Binding("e,enter", "screen.edit_skill", "Edit skill"),
        Binding("d", "screen.delete_skill", "Delete skill"),
        Binding("k", "screen.switch_domain", "Skills/Knowledge"),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        self._groups: dict[str, str] = {}
        # What the rows show, to draw them again when the columns change.
        self._shown: list[SkillRow] = []
        self._levels: dict[str, float | None] = {}
        self._changes: dict[str, str] = {}
        self._name_width: int | None = 0  # 0: no columns yet; None: full columns

    def on_resize(self, event: events.Resize) -> None:
        width = event.size.width
        name_width = None if width >= FULL_WIDTH else max(12, width - LEVEL_WIDTH - 6)
        if name_width != self._name_width:
            self._name_width = name_width
            selected = self.selected_key
            self.clear(columns=True)
            if name_width is None:
                self.add_column("Category", key="group")
            self.add_column("Name", key="skill", width=name_width)
            self.add_column("Your level", key="level", width=LEVEL_WIDTH)
            if name_width is None:
                self.add_column("Change", key="change", width=7)
            self.show(self._shown, self._levels, self._changes, selected)

    @property
    def _full(self) -> bool:
        return self._name_width is None

    @property
    def selected_key(self) -> str | None:
        return selected_key(self)

    def show(self, rows: list[SkillRow], levels: Mapping[str, float | None],
             changes: Mapping[str, str], selected: str | None = None) -> None:
        """Replace every row, keeping the cursor on the same skill (or on `selected`) when it
        is still there."""
        selected = selected or self.selected_key
        self.clear()
        shown, self._groups, self._shown = list(rows), {}, []
        self._levels, self._changes = dict(levels), dict(changes)
        if self._name_width == 0:
            self._shown = shown  # drawn once its size, so its columns, are known
            return
        for row in shown:
            self._add(row, self._levels.get(row.key), self._changes.get(row.key, ""))
        keys = [row.key for row in rows]
        if selected in keys:
            self.move_cursor(row=keys.index(selected), animate=False)

    def add_skill(self, row: SkillRow, level: float | None) -> None:
        """Append a skill and put the cursor on it."""
        self._add(row, level, "")
        self.move_cursor(row=self.row_count - 1, animate=False)

    def update_skill(self, key: str, level: float | None, change: str, name: str | None = None):
        """Update one row in place."""
        self._levels[key], self._changes[key] = level, change
        self.update_cell(key, "level", self._level_cell(level))
        if self._full:
            self.update_cell(key, "change", self._change_cell(change))
        if name is not None:
            self._shown = [r._replace(name=name) if r.key == key else r for r in self._shown]
            self.update_cell(key, "skill", Text(name))

    def remove_skill(self, key: str) -> None:
        """Remove a row; the next row of its group inherits the category label."""
        group = self._groups.pop(key)
        self._shown = [r for r in self._shown if r.key != key]
        labelled = self._full and self.get_cell(key, "group").plain != ""
        index = self.get_row_index(key)
        self.remove_row(key)
        if labelled and index < self.row_count:
            next_key = self.coordinate_to_cell_key(Coordinate(index, 0)).row_key.value
            if next_key is not None and self._groups[next_key] == group:
                self.update_cell(next_key, "group", self._group_cell(group))

    def _add(self, row: SkillRow, level: float | None, change: str) -> None:
        first_of_group = row.group not in self._groups.values()
        self._groups[row.key] = row.group
        self._shown.append(row)
        self._levels[row.key], self._changes[row.key] = level, change
        cells = [Text(row.name, overflow="ellipsis", no_wrap=True), self._level_cell(level)]
        if self._full:
            group = self._group_cell(row.group) if first_of_group else Text("")
            cells = [group, *cells, self._change_cell(change)]
        self.add_row(*cells, key=row.key)

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
