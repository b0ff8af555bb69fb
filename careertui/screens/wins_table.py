"""The wins of step 5: milestones and achieved goals, newest first, in one table."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import NamedTuple

from rich.text import Text
from textual.binding import Binding
from textual.widgets import DataTable

from careertui.model.plan import Goal, GoalStatus, Milestone
from careertui.model.checkin import MILESTONE_LABELS
from careertui.widgets.tables import cursor_kept, selected_key

GOAL_ACHIEVED = "Goal achieved"
TITLE_WIDTH = 26


class Win(NamedTuple):
    """One row of the wins view; `milestone` is None for an achieved goal."""

    key: str
    day: date | None
    what: str
    title: str
    milestone: Milestone | None


def wins(milestones: Sequence[Milestone], goals: Sequence[Goal]) -> list[Win]:
    """Milestones and goals marked done, newest first (a goal without a date last)."""
    rows = [Win(f"milestone:{m.id}", m.on, MILESTONE_LABELS[m.kind], m.title, m)
            for m in milestones]
    rows += [Win(f"goal:{g.id}", g.done_on, GOAL_ACHIEVED, g.statement, None)
             for g in goals if g.status is GoalStatus.DONE]
    return sorted(rows, key=lambda win: win.day or date.min, reverse=True)


class WinsTable(DataTable):
    """Date, what and title; a/e/d record, edit and delete milestones."""

    BINDINGS = [
        Binding("a", "screen.add_milestone", "Record milestone", show=False),
        Binding("e", "screen.edit_milestone", "Edit"),
        Binding("enter", "screen.edit_milestone", "Edit", show=False),
        Binding("d", "screen.delete_milestone", "Delete"),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        self._wins: dict[str, Win] = {}

    def on_mount(self) -> None:
        self.add_column("Date", key="on")
        self.add_column("What", key="what")
        self.add_column("Win", key="title", width=TITLE_WIDTH)

    def show(self, rows: list[Win]) -> None:
        self._wins = {win.key: win for win in rows}
        with cursor_kept(self):
            self.clear()
            for win in rows:
                star = "★ " if win.milestone else "✔ "
                self.add_row(str(win.day or "—"), star + win.what,
                             Text(win.title, overflow="ellipsis", no_wrap=True), key=win.key)

    @property
    def selected(self) -> Win | None:
        key = selected_key(self)
        return None if key is None else self._wins.get(key)
