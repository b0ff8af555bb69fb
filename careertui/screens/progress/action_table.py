"""The action items of step 5: one row per item keyed by its id, updated in place when ticked."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

from rich.console import RenderableType
from rich.text import Text
from textual.binding import Binding
from textual.color import Color

from careertui.compat import UnmeasuredRows
from careertui.model.dates import ShowDate
from careertui.model.plan import Action
from careertui.model.progress import Bucket, bucket
from careertui.screens.progress.tag_keys import TAG_BINDINGS
from careertui.widgets.record_table import Column, RecordTable

# The least widths of the item and its goal, and how far they grow in a wide terminal.
TITLE_WIDTH, TITLE_WIDEST = 40, 90
GOAL_WIDTH, GOAL_WIDEST = 26, 70


class ActionTable(UnmeasuredRows, RecordTable[Action]):
    """☐/☑, title, due (overdue and soon in colour), goal and kind; the screen owns the data."""

    # Essential first (the box, the item, when it is due): a narrow terminal cuts the goal
    # and the kind, never the due date.
    COLUMNS = (
        Column("box", "", 1),
        Column("title", "Action item", TITLE_WIDTH, grows_to=TITLE_WIDEST),
        Column("due", "Due", 18),
        Column("goal", "Goal", GOAL_WIDTH, grows_to=GOAL_WIDEST),
        Column("kind", "Kind", 13),
    )
    BINDINGS = [
        Binding("space", "screen.tick", "Tick/untick"),
        Binding("g", "screen.goal_achieved", "Goal achieved", show=False),
        *TAG_BINDINGS,
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._goal_names: dict[str, str] = {}
        self._today = date.min
        self._show_date: ShowDate = date.isoformat
        self._colors: dict[str, str] = {}  # theme colours by name, read once per show

    def show_actions(self, actions: Iterable[Action], goal_names: dict[str, str],
                     today: date, show_date: ShowDate = date.isoformat) -> None:
        """Replace every row (in the given order), keeping the cursor on the same item; dates
        as `show_date` writes them."""
        self._goal_names, self._today, self._show_date = goal_names, today, show_date
        self._colors.clear()  # a new theme shows the rows again
        self.show(actions)

    def cells(self, record: Action) -> Sequence[RenderableType]:
        goal = self._goal_names.get(record.goal_id, "") if record.goal_id else ""
        repeat = "↻ " if record.recurrence else ""  # first, so a long title cannot cut it
        return (
            self._box(record),
            Text(repeat + record.title),
            self._due(record),
            Text(goal, style="dim" if not goal else ""),
            Text(record.kind.value),
        )

    def _box(self, action: Action) -> Text:
        return Text("☑", style=self._color("success")) if action.done else Text("☐")

    def _due(self, action: Action) -> Text:
        state = bucket(action, self._today)
        if state is Bucket.DONE:
            done_on = self._show_date(action.done_on) if action.done_on else ""
            return Text(f"done {done_on}".rstrip(), style=self._color("success"))
        if state is Bucket.SOMEDAY:
            return Text("no date", style="dim")
        due = self._show_date(action.due) if action.due else ""
        if state is Bucket.OVERDUE:
            return Text.assemble(f"{due} ", ("overdue", f"bold {self._color('error')}"))
        if state is Bucket.SOON:
            return Text.assemble(f"{due} ", ("soon", f"bold {self._color('warning')}"))
        return Text(due)

    def _color(self, name: str) -> str:
        """A theme colour as a Rich style (cells are Rich text, which knows no $variables)."""
        color = self._colors.get(name)
        if color is None:
            color = Color.parse(self.app.theme_variables[name]).rich_color.name
            self._colors[name] = color
        return color
