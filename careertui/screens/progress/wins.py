"""The wins of step 5: milestones and achieved goals, newest first, with their keys."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from typing import NamedTuple

from rich.console import RenderableType
from rich.text import Text
from textual.binding import Binding

from careertui.model.checkin import MILESTONE_LABELS
from careertui.model.dates import ShowDate
from careertui.model.plan import Goal, GoalStatus, Milestone
from careertui.screens.progress.dialogs import milestone_dialog
from careertui.screens.progress.tag_keys import TAG_BINDINGS
from careertui.widgets.record_table import Column, RecordTable

GOAL_ACHIEVED = "Goal achieved"
TITLE_WIDTH = 26


class Win(NamedTuple):
    """One row of the wins view; `milestone` is None for an achieved goal."""

    key: str
    day: date | None
    what: str
    title: str
    milestone: Milestone | None


def milestone_key(milestone: Milestone) -> str:
    return f"milestone:{milestone.id}"


def wins(milestones: Sequence[Milestone], goals: Sequence[Goal]) -> list[Win]:
    """Milestones and goals marked done, newest first (a goal without a date last)."""
    rows = [Win(milestone_key(m), m.on, MILESTONE_LABELS[m.kind], m.title, m)
            for m in milestones]
    rows += [Win(f"goal:{g.id}", g.done_on, GOAL_ACHIEVED, g.statement, None)
             for g in goals if g.status is GoalStatus.DONE]
    return sorted(rows, key=lambda win: win.day or date.min, reverse=True)


class WinsTable(RecordTable[Win]):
    """Date, what and title; posts Save and Delete for milestones (goals change in step 4)."""

    COLUMNS = (
        Column("on", "Date"),
        Column("what", "What"),
        Column("title", "Win", TITLE_WIDTH),
    )
    KEY_FIELD = "key"
    BINDINGS = [
        Binding("a", "add", "Record milestone", show=False),
        Binding("e", "edit", "Edit"),
        Binding("enter", "edit", "Edit", show=False),
        Binding("d", "delete", "Delete"),
        *TAG_BINDINGS,
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.today = date.today()  # the screen's day, for the dialog's defaults and checks
        self.show_date: ShowDate = date.isoformat

    def show_wins(self, rows: list[Win], today: date,
                  show_date: ShowDate = date.isoformat) -> None:
        self.today, self.show_date = today, show_date
        self.show(rows)

    def cells(self, record: Win) -> Sequence[RenderableType]:
        star = "★ " if record.milestone else "✔ "
        return (self.show_date(record.day) if record.day else "—", star + record.what,
                Text(record.title, overflow="ellipsis", no_wrap=True))

    def action_add(self) -> None:
        self.ask_to_save(milestone_dialog(self.today), lambda values: Milestone(**values),
                         is_new=True)

    def action_edit(self) -> None:
        milestone = self._selected_milestone()
        if milestone is not None:
            self.ask_to_save(milestone_dialog(self.today, milestone),
                             lambda values: replace(milestone, **values), is_new=False)

    def action_delete(self) -> None:
        milestone = self._selected_milestone()
        if milestone is not None:
            self.ask_to_delete(milestone, f"Delete the milestone “{milestone.title}”?")

    def _selected_milestone(self) -> Milestone | None:
        win = self.selected
        if win is None:
            self.notify("No wins yet: press m to record a milestone.", severity="warning")
            return None
        if win.milestone is None:
            self.notify("This is an achieved goal; change its status in step 4.",
                        severity="warning")
        return win.milestone
