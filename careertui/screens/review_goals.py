"""Step 2 of the review: keep, change or drop each active goal; nothing is saved until the end."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from rich.text import Text
from textual.binding import Binding
from textual.widgets import DataTable

from careertui.model.dates import parse_due
from careertui.model.plan import Action, Goal
from careertui.model.validation import Invalid, required_text
from careertui.model.review import Decision, GoalDecision
from careertui.widgets.form_dialog import FormDialog
from careertui.widgets.forms import Field
from careertui.widgets.tables import selected_key


class GoalDecisionTable(DataTable):
    """One row per active goal with its decision; k keep, c change, x drop."""

    BINDINGS = [
        Binding("k", "screen.decide('keep')", "Keep goal"),
        Binding("c,e,enter", "screen.change_goal", "Change goal"),
        Binding("x", "screen.decide('drop')", "Drop goal"),
    ]

    def __init__(self, goals: Sequence[Goal], actions: Sequence[Action], *, id: str | None = None):
        super().__init__(id=id, cursor_type="row", zebra_stripes=True)
        self.goals = {goal.id: goal for goal in goals}
        self._actions = actions
        self.decisions: dict[str, GoalDecision] = {goal.id: GoalDecision() for goal in goals}

    def on_mount(self) -> None:
        self.add_column("Goal", key="goal", width=34)
        self.add_column("Deadline", key="deadline", width=10)
        self.add_column("Done", key="done", width=5)
        self.add_column("Decision", key="decision")
        for goal in self.goals.values():
            own = [a for a in self._actions if a.goal_id == goal.id]
            done = sum(a.done for a in own)
            self.add_row(Text(goal.statement, overflow="ellipsis", no_wrap=True),
                         str(goal.deadline or "—"), f"{done}/{len(own)}",
                         self._decision_cell(self.decisions[goal.id]), key=goal.id)

    @property
    def selected(self) -> Goal | None:
        key = selected_key(self)
        return None if key is None else self.goals.get(key)

    def decide(self, goal: Goal, decision: GoalDecision) -> None:
        self.decisions[goal.id] = decision
        self.update_cell(goal.id, "decision", self._decision_cell(decision), update_width=True)

    @staticmethod
    def _decision_cell(decision: GoalDecision) -> Text:
        if decision.decision is Decision.DROP:
            return Text("drop", style="bold red")
        if decision.decision is Decision.CHANGE:
            return Text(f"change → {decision.deadline or 'no deadline'}", style="bold yellow")
        return Text("keep", style="green")


def goal_change_dialog(goal: Goal, decision: GoalDecision, today: date) -> FormDialog:
    """The statement and deadline of a goal, for the review to change."""
    changed = decision.decision is Decision.CHANGE
    statement = decision.statement if changed else goal.statement
    deadline = decision.deadline if changed else goal.deadline

    def check_deadline(text: str) -> date | None:
        day = parse_due(text, today)
        if day is not None and day < today:
            raise Invalid(f"{day} has passed; give the goal a deadline from today on.")
        return day

    return FormDialog("Change the goal", [
        Field("Goal", statement, check=lambda text: required_text(text, "The goal"),
              id="statement"),
        Field("Deadline", str(deadline or ""), check=check_deadline, id="deadline",
              placeholder="e.g. Q3 2027, in 6 months, 2027-06-30"),
    ])
