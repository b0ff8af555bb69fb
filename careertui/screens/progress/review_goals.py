"""Step 2 of the review: keep, change or drop each active goal; nothing is saved until the end."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from rich.console import RenderableType
from rich.text import Text
from textual.binding import Binding

from careertui.model.dates import parse_due
from careertui.model.plan import Action, Goal
from careertui.model.review import Decision, GoalDecision
from careertui.model.validation import Invalid, required_text
from careertui.widgets.form_dialog import FormDialog, unless_cancelled
from careertui.widgets.forms import Field
from careertui.widgets.record_table import Column, RecordTable


class GoalDecisionTable(RecordTable[Goal]):
    """One row per active goal with its decision; k keep, c change, x drop."""

    COLUMNS = (
        Column("goal", "Goal", 34),
        Column("deadline", "Deadline", 10),
        Column("done", "Done", 5),
        Column("decision", "Decision"),
    )
    BINDINGS = [
        Binding("k", "decide('keep')", "Keep goal"),
        Binding("c,e,enter", "change", "Change goal"),
        Binding("x", "decide('drop')", "Drop goal"),
    ]

    def __init__(self, goals: Sequence[Goal], actions: Sequence[Action], today: date, *,
                 id: str | None = None) -> None:
        super().__init__(id=id)
        self._actions = actions
        self._today = today
        self.decisions: dict[str, GoalDecision] = {goal.id: GoalDecision() for goal in goals}
        self.show(goals)

    def cells(self, record: Goal) -> Sequence[RenderableType]:
        own = [a for a in self._actions if a.goal_id == record.id]
        done = sum(a.done for a in own)
        return (Text(record.statement, overflow="ellipsis", no_wrap=True),
                str(record.deadline or "—"), f"{done}/{len(own)}",
                self._decision_cell(self.decisions[record.id]))

    def decide(self, goal: Goal, decision: GoalDecision) -> None:
        self.decisions[goal.id] = decision
        self.update_cell(goal.id, "decision", self._decision_cell(decision), update_width=True)

    def action_decide(self, decision: str) -> None:
        goal = self.selected
        if goal is not None:
            self.decide(goal, GoalDecision(Decision(decision)))

    def action_change(self) -> None:
        goal = self.selected
        if goal is None:
            return

        self.app.push_screen(goal_change_dialog(goal, self.decisions[goal.id], self._today),
                             unless_cancelled(lambda values: self.decide(
                                 goal, GoalDecision(Decision.CHANGE, **values))))

    @staticmethod
    def _decision_cell(decision: GoalDecision) -> Text:
        if decision.decision is Decision.DROP:
            return Text("drop", style="bold red")
        if decision.decision is Decision.CHANGE:
            return Text(f"change → {decision.deadline or 'no deadline'}", style="bold yellow")
        return Text("keep", style="green")


def goal_change_dialog(goal: Goal, decision: GoalDecision, today: date) -> FormDialog:
    """The statement and deadline of a goal, for the review to change (GoalDecision fields)."""
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
