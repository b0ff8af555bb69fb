"""The forms of step 4: a SMART goal, an action item and the learning budget of each year."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from careertui.model.labels import KIND_LABELS
from careertui.model.money import currency_code, currency_symbol, typed_amount
from careertui.model.plan import HORIZONS, Action, Goal, Measure, Settings, YearBudget
from careertui.model.progress import budget_years
from careertui.model.smart_context import SmartContext
from careertui.model.smart_hours import hours, weekly_hours
from careertui.model.timeline import horizon_label
from careertui.model.validation import NOTES_MAX, number, required_text
from careertui.screens.plan.goal_form import GoalDialog
from careertui.screens.plan.links import PlanLinks
from careertui.widgets.field_row import FieldRow
from careertui.widgets.form_dialog import FormDialog
from careertui.widgets.forms import ChoiceField, Field
from careertui.widgets.hinted_field import due_field, recurrence_field


class WideFormDialog(FormDialog):
    """A FormDialog wide enough for rows of fields."""

    DEFAULT_CSS = """
    WideFormDialog > #form { width: 110; }
    """


def _number_text(value: float | None) -> str:
    return "" if value is None else f"{value:g}"


def goal_dialog(goal: Goal | None, today: date, links: PlanLinks,
                items: Sequence[Action] = (), context: SmartContext | None = None) -> GoalDialog:
    """Add (goal=None) or edit a SMART goal: statement, horizon and deadline, measure, links,
    with its SMART badges checked live against its `items` and the plan's `context`.

    The values are Goal fields: `Goal(**values)` or `replace(goal, **values)`."""
    old = goal or Goal("")
    measure = old.measure
    # A link to a need deleted since is not offered (a Select refuses a value it does not list).
    need_id = old.need_id if old.need_id in links.needs else None
    gap_key = old.gap_key if old.gap_key in {key for _, key in links.gap_options} else None
    return GoalDialog("Edit goal" if goal else "New SMART goal", [
        Field("Specific: what exactly will you achieve?", old.statement,
              check=lambda text: required_text(text, "The goal"), id="statement",
              placeholder="e.g. Run the squad's sprint planning for two quarters"),
        FieldRow([
            ChoiceField("Horizon", [(horizon_label(h), h) for h in HORIZONS], old.horizon,
                        id="horizon"),
            due_field("Time-bound: deadline", old.deadline, today, id="deadline"),
            ChoiceField("Serves the destination goal", links.destination_options(),
                        old.destination_horizon, allow_blank=True, id="destination_horizon"),
        ], id="when"),
        FieldRow([
            Field("Measurable: metric", measure.metric, check=str.strip, id="metric",
                  placeholder="e.g. sprints led"),
            Field("From", _number_text(measure.start), id="start",
                  check=lambda text: number(text, "The starting value")),
            Field("Now", _number_text(measure.current), id="current",
                  check=lambda text: number(text, "The current value")),
            Field("Target", _number_text(measure.target), id="target",
                  check=lambda text: number(text, "The target")),
            Field("Unit", measure.unit, check=str.strip, id="unit", placeholder="e.g. sprints"),
            ChoiceField("Aim", [("higher", False), ("lower", True)],
                        measure.lower_is_better, id="lower_is_better"),
        ], Measure, id="measure"),
        FieldRow([
            ChoiceField("Relevant: closes the gap in", links.gap_options, gap_key,
                        allow_blank=True, id="gap_key"),
            ChoiceField("Meets the need", links.need_options(), need_id, allow_blank=True,
                        id="need_id"),
        ], id="links"),
        FieldRow([
            Field("Achievable: why you can do it", old.achievable, check=str.strip,
                  max_length=NOTES_MAX, id="achievable"),
            Field("Realistic: why it fits now", old.realistic, check=str.strip,
                  max_length=NOTES_MAX, id="realistic"),
        ], id="reasons"),
    ], replace(old, need_id=need_id, gap_key=gap_key), items, today, context or SmartContext())


def action_dialog(action: Action | None, goal_statement: str, today: date,
                  currency: str) -> FormDialog:
    """Add or edit an action item: title, kind, due date in plain words, cost, hours, repeat
    and notes.

    The values are Action fields: `Action(**values)` or `replace(action, **values)`."""
    old = action or Action("")
    kinds = [(label, kind) for kind, label in KIND_LABELS.items()]
    title = "Edit action item" if action else "New action item"
    return WideFormDialog(f"{title} for “{goal_statement}”", [
        Field("What will you do?", old.title, id="title",
              check=lambda text: required_text(text, "The action item"),
              placeholder="e.g. Finish the 'Managing People' course"),
        FieldRow([
            ChoiceField("Kind", kinds, old.kind, id="kind"),
            due_field("Due", old.due, today, id="due"),
            Field(f"Estimated cost ({currency.strip()})", _number_text(old.cost or None),
                  id="cost", check=lambda text: typed_amount(text, "The cost", currency),
                  placeholder="0"),
        ], id="plan"),
        recurrence_field("Repeats", old.recurrence, id="recurrence"),
        Field("Notes", old.notes, check=str.strip, multiline=True, id="notes"),
        # Last, so the fields before keep their order for a fast typist.
        Field("Hours it takes (each time it repeats); the A check weighs them",
              _number_text(old.hours or None), id="hours",
              check=lambda text: hours(text, "The hours"), placeholder="0"),
    ])


def budget_dialog(settings: Settings, today: date) -> FormDialog:
    """The currency of every amount in the plan, the learning budget for every year and for
    each year of budget_years that differs. The values are Settings fields: in budget_by_year,
    a blank year has no amount; the years not shown keep theirs. Amounts are read in the
    currency the dialog holds, so "USD" and "$1,500" can be typed together."""
    own_amounts = {own.year: own.amount for own in settings.budget_by_year}
    years = budget_years(today.year)
    currency_field = Field("Currency: code (EUR, USD…) or symbol",
                           currency_code(settings.currency), id="currency",
                           check=currency_symbol, placeholder="EUR")

    def amount(text: str, what: str) -> float:
        valid, chosen = currency_field.validate()
        return typed_amount(text, what, chosen if valid else settings.currency)

    def year_field(year: int) -> Field:
        what = f"The budget for {year}"
        return Field(str(year), _number_text(own_amounts.get(year)), id=f"budget_{year}",
                     check=lambda text: amount(text, what) if text.strip() else None,
                     placeholder="same")

    def by_year(**amounts: float | None) -> list[YearBudget]:
        return settings.budgets_replaced(years, [
            YearBudget(int(name.removeprefix("budget_")), amount)
            for name, amount in amounts.items() if amount is not None])

    return FormDialog("Learning budget", [
        FieldRow([
            currency_field,
            Field("Each year, unless it has its own",
                  _number_text(settings.yearly_budget or None), id="yearly_budget",
                  check=lambda text: amount(text, "The budget"), placeholder="e.g. 1500"),
        ], id="amounts"),
        FieldRow([year_field(year) for year in years], by_year, id="budget_by_year"),
        Field("Hours a week for the action items (blank: not weighed)",
              _number_text(settings.weekly_hours or None), id="weekly_hours",
              check=lambda text: weekly_hours(text, "The hours a week"), placeholder="e.g. 5"),
    ])
