"""The action items of step 5: one row per item keyed by its id, updated in place when ticked."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from rich.text import Text
from textual.binding import Binding
from textual.color import Color
from textual.widgets import DataTable

from careertui.model.plan import Action
from careertui.model.progress import Bucket, bucket
from careertui.widgets.tables import cursor_kept

GOAL_WIDTH = 26
TITLE_WIDTH = 40


class ActionTable(DataTable):
    """☐/☑, title, goal, due (overdue and soon in colour) and kind; the screen owns the data."""

    BINDINGS = [
        Binding("space", "screen.tick", "Tick/untick"),
        Binding("g", "screen.goal_achieved", "Goal achieved", show=False),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        self._goal_names: dict[str, str] = {}
        self._colors: dict[str, str] = {}  # theme colours by name, read once per show()

    def on_mount(self) -> None:
        self.add_column("", key="box", width=1)
        self.add_column("Action item", key="title", width=TITLE_WIDTH)
        self.add_column("Goal", key="goal", width=GOAL_WIDTH)
        self.add_column("Due", key="due", width=18)
        self.add_column("Kind", key="kind", width=13)

    def show(self, actions: Iterable[Action], goal_names: dict[str, str], today: date) -> None:
        """Replace every row (in the given order), keeping the cursor on the same item."""
        self._goal_names = goal_names
        self._colors.clear()  # a new theme shows the rows again
        with cursor_kept(self):
            self.clear()
            for action in actions:
                self.add_action(action, today)

    def add_action(self, action: Action, today: date) -> None:
        """Append one item (the done copy of a recurring item)."""
        goal = self._goal_names.get(action.goal_id, "") if action.goal_id else ""
        repeat = " ↻" if action.recurrence else ""
        self.add_row(
            self._box(action),
            Text(_short(action.title, TITLE_WIDTH - len(repeat)) + repeat),
            Text(_short(goal, GOAL_WIDTH), style="dim" if not goal else ""),
            self._due(action, today),
            Text(action.kind.value),
            key=action.id,
        )

    def update_action(self, action: Action, today: date) -> None:
        """Redraw the two cells a tick changes."""
        self.update_cell(action.id, "box", self._box(action))
        self.update_cell(action.id, "due", self._due(action, today))

    def _box(self, action: Action) -> Text:
        return Text("☑", style=self._color("success")) if action.done else Text("☐")

    def _due(self, action: Action, today: date) -> Text:
        state = bucket(action, today)
        if state is Bucket.DONE:
            return Text(f"done {action.done_on or ''}".rstrip(), style=self._color("success"))
        if state is Bucket.SOMEDAY:
            return Text("no date", style="dim")
        if state is Bucket.OVERDUE:
            return Text.assemble(f"{action.due} ", ("overdue", f"bold {self._color('error')}"))
        if state is Bucket.SOON:
            return Text.assemble(f"{action.due} ", ("soon", f"bold {self._color('warning')}"))
        return Text(str(action.due))

    def _color(self, name: str) -> str:
        """A theme colour as a Rich style (cells are Rich text, which knows no $variables)."""
        color = self._colors.get(name)
        if color is None:
            color = self._colors[name] = Color.parse(self.app.theme_variables[name]).rich_color.name
        return color

    def _update_dimensions(self, new_rows) -> None:
        # DataTable measures every cell of each new row to widen automatic-width columns; all
        # columns here have a fixed width, so for thousands of rows that was wasted work.
        # The rest (the table's scrollable size) is still worked out.
        super()._update_dimensions(())


def _short(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
