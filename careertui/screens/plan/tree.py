"""Goals with their action items underneath, as a Tree whose lines are laid out in columns."""

from __future__ import annotations

from typing import NamedTuple

from rich.style import Style
from rich.text import Text
from textual.binding import Binding
from textual.widgets import Static, Tree
from textual.widgets.tree import TreeNode

from careertui.compat import OneLabelWidth, lay_out_tree
from careertui.model.labels import shorten

# The due column holds a date in any format ("Dec 3, 2026") and OVERDUE after it.
DUE_WIDTH, KIND_WIDTH, COST_WIDTH, GAP = 12, 11, 7, 1
MIN_TITLE_WIDTH = 12
GUIDE_DEPTH = 3
REPEATS = "↻"
# After an overdue item's due date, so it reads without its colour too (NO_COLOR).
OVERDUE = "!"
# Clicking the expand icon toggles the goal, as in Tree itself.
_TOGGLE = Style(meta={"toggle": True})
_NO_LABEL = Text()


class PlanRow(NamedTuple):
    """What one line shows: `lead` is the SMART badges of a goal or the tick box of an item."""

    lead: Text
    title: str
    due: str = ""
    kind: str = ""
    cost: str = ""
    muted: bool = False
    bold: bool = False
    overdue: bool = False  # the due date in `due_colour`, with OVERDUE after it
    due_colour: str | None = None
    repeats: bool = False  # a ↻ after the title


def row_text(row: PlanRow, width: int) -> Text:
    """`row` in columns: lead, title (cut to fit `width`), due, kind and cost at the right."""
    title_width = max(width - row.lead.cell_len - 1 - DUE_WIDTH - KIND_WIDTH - COST_WIDTH
                      - 3 * GAP, MIN_TITLE_WIDTH)
    text = row.lead.copy()
    text.append(" ")
    style = Style(bold=row.bold, dim=row.muted)
    # Gaps trail each cell: an SVG screenshot drops the leading spaces of a styled run.
    title = f"{row.title} {REPEATS}" if row.repeats else row.title
    text.append(f"{shorten(title, title_width):<{title_width}}{'':{GAP}}", style)
    due = f"{row.due}{OVERDUE}" if row.overdue else row.due
    text.append(f"{due:<{DUE_WIDTH}}{'':{GAP}}",
                Style(dim=row.muted, color=row.due_colour, bold=row.due_colour is not None))
    text.append(f"{shorten(row.kind, KIND_WIDTH):<{KIND_WIDTH}}{'':{GAP}}{row.cost:>{COST_WIDTH}}",
                Style(dim=row.muted))
    return text


class PlanTree(OneLabelWidth, Tree[str]):
    """Goal nodes (keyed "goal:<id>") with action leaves ("action:<id>"); node data is the key.

    The screen owns the records: it gives each key a PlanRow and the tree only lays it out,
    so an edit changes one row in place instead of rebuilding thousands of lines.
    """

    BINDINGS = [
        Binding("enter", "screen.edit", "Edit", show=False),
        Binding("space", "screen.toggle_done", "Tick item"),
        Binding("right", "expand_goal", "Show the goal's items", show=False),
        Binding("left", "collapse_goal", "Hide the goal's items", show=False),
    ]
    DEFAULT_CSS = """
    PlanTree { background: $surface; padding: 0; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("plan", id=id)
        self.show_root = False
        self.auto_expand = False
        self.guide_depth = GUIDE_DEPTH
        self._row_of: dict[str, PlanRow] = {}
        self._node_of: dict[str, TreeNode[str]] = {}

    # Filling and changing rows ----------------------------------------------------------

    def fill(self, groups: list[tuple[str, PlanRow, list[tuple[str, PlanRow]]]]) -> None:
        """Replace everything with (goal key, goal row, [(item key, item row)...]) groups.

        The cursor stays on the same key when it is still there; collapsed goals stay collapsed.
        """
        selected = self.selected_key
        collapsed = {key for key, node in self._node_of.items()
                     if node.allow_expand and not node.is_expanded}
        self.clear()
        self._row_of.clear()
        self._node_of.clear()
        for key, row, children in groups:
            group = self._add_goal_node(key, row, expand=key not in collapsed)
            for child_key, child_row in children:
                self._row_of[child_key] = child_row
                self._node_of[child_key] = group.add_leaf("", data=child_key)
        self.select(selected)

    def _add_goal_node(self, key: str, row: PlanRow, *, expand: bool = True,
                       before: TreeNode[str] | None = None) -> TreeNode[str]:
        self._row_of[key] = row
        node = self.root.add("", data=key, expand=expand, before=before)
        self._node_of[key] = node
        return node

    def has(self, key: str) -> bool:
        return key in self._node_of

    def row(self, key: str) -> PlanRow:
        return self._row_of[key]

    def set_row(self, key: str, row: PlanRow) -> None:
        """Redraw one line with new content."""
        self._row_of[key] = row
        self._node_of[key].refresh()

    def add_goal(self, key: str, row: PlanRow, before: str | None = None) -> None:
        """A new goal at the end, or before the group `before` (e.g. the loose items)."""
        self._add_goal_node(key, row, before=self._node_of.get(before) if before else None)

    def add_item(self, goal_key: str, key: str, row: PlanRow) -> None:
        """A new item under `goal_key`, before the first item due later (undated items last)."""
        goal = self._node_of[goal_key]
        later = next((child for child in goal.children
                      if _due_order(self._row_of[_key(child)]) > _due_order(row)), None)
        self._row_of[key] = row
        self._node_of[key] = goal.add_leaf("", data=key, before=later)
        goal.expand()

    def remove_key(self, key: str) -> None:
        """Remove a line (a goal with its items); the cursor moves to a neighbour."""
        node = self._node_of.pop(key)
        for child in node.children:
            self._node_of.pop(_key(child), None)
            self._row_of.pop(_key(child), None)
        del self._row_of[key]
        node.remove()

    def children_keys(self, key: str) -> list[str]:
        return [_key(child) for child in self._node_of[key].children]

    def titles(self) -> list[str]:
        """The title of every goal and item, goals first in each group, as in the tree."""
        return [self._row_of[_key(node)].title for goal in self.root.children
                for node in (goal, *goal.children)]

    def line(self, key: str) -> str:
        """The text of `key`'s line as drawn (without the guides)."""
        return self.render_label(self._node_of[key], Style(), Style()).plain

    # Cursor -----------------------------------------------------------------------------

    @property
    def selected_key(self) -> str | None:
        node = self.cursor_node
        return None if node is None or node is self.root else _key(node)

    def parent_key(self, key: str) -> str | None:
        """The goal line of an item (or the key itself for a goal)."""
        node = self._node_of.get(key)
        if node is None or node.parent is None:
            return None
        return key if node.parent is self.root else _key(node.parent)

    def select(self, key: str | None) -> None:
        """Put the cursor on `key` (its goal opens), or on the first line when it is gone."""
        node = self._node_of.get(key) if key else None
        if node is not None and node.parent is not None and node.parent is not self.root:
            node.parent.expand()
        if node is None and self.root.children:
            node = self.root.children[0]
        lay_out_tree(self)  # so a node just added knows its line
        self.move_cursor(node)

    def action_expand_goal(self) -> None:
        node = self.cursor_node
        if node is not None and node.allow_expand:
            node.expand()

    def action_collapse_goal(self) -> None:
        node = self.cursor_node
        if node is None:
            return
        if node.parent is not None and node.parent is not self.root:
            node = node.parent
        node.collapse()
        self.move_cursor(node)

    # Layout -----------------------------------------------------------------------------

    def _indent(self, node: TreeNode[str]) -> int:
        return 0 if node.parent is self.root else self.guide_depth

    def line_width(self, node: TreeNode[str]) -> int:
        return max(self.label_region_width() - self._indent(node), 0)

    def get_label_width(self, node: TreeNode[str]) -> int:
        return self.line_width(node)

    def process_label(self, label: str | Text) -> Text:
        # render_label draws every line, so each node's own label is empty; turning "" into
        # Text (markup, emoji) for each of thousands of nodes was much of what adding cost.
        return _NO_LABEL if label == "" else super().process_label(label)

    def render_label(self, node: TreeNode[str], base_style: Style, style: Style) -> Text:
        row = self._row_of.get(_key(node))
        if row is None:
            return super().render_label(node, base_style, style)
        width = self.line_width(node)
        icon = ""
        if node.parent is self.root:
            icon = self.ICON_NODE_EXPANDED if node.is_expanded else self.ICON_NODE
        text = Text.assemble((icon, base_style + _TOGGLE), row_text(row, width - len(icon)))
        # The cursor colours the line after the lead, so the SMART badges keep their colours.
        text.stylize(style, len(icon) + row.lead.cell_len)
        return text

    def on_resize(self) -> None:
        header = self.screen.query(PlanHeader)
        for widget in header:
            widget.refresh()


class PlanHeader(Static):
    """The column titles over a PlanTree, aligned with its goal lines."""

    DEFAULT_CSS = """
    PlanHeader { height: 1; color: $text-muted; text-style: bold; background: $surface; }
    """

    def __init__(self, tree: PlanTree, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._tree = tree

    def render(self) -> Text:
        width = self._tree.scrollable_content_region.width or self.size.width
        icon = len(PlanTree.ICON_NODE)
        row = PlanRow(Text(" " * icon + "SMART"), "Goal · action item", "Due", "Kind", "Cost")
        return row_text(row, width)


def _key(node: TreeNode[str]) -> str:
    """The key a line was added with (every node but the hidden root has one)."""
    return node.data or ""


def _due_order(row: PlanRow) -> tuple[bool, str]:
    """Dated items by date (ISO text sorts by date), undated ones after them."""
    return (not row.due, row.due)
