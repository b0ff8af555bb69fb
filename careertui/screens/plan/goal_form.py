"""The goal dialog's live SMART badges: recomputed from the fields on every change."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import fields, replace
from datetime import date
from typing import Any

from rich.style import Style
from rich.text import Text
from textual.widgets import Static

from careertui.model.plan import Action, Goal, Measure
from careertui.model.smart import smart_check
from careertui.model.smart_context import SmartContext
from careertui.screens.plan.badges import BadgeColours, badge_text, failing_reasons
from careertui.widgets.field_row import FieldRow
from careertui.widgets.form_dialog import FormDialog
from careertui.widgets.forms import ChoiceField, Field

MEASURE_FIELDS = frozenset(field.name for field in fields(Measure))


class GoalDialog(FormDialog):
    """A FormDialog for a goal with a line of SMART badges under its title that follows what
    is typed: each valid value changes a draft of the goal, which is checked again."""

    DEFAULT_CSS = """
    GoalDialog > #form { width: 110; }
    GoalDialog #goal-badges { height: auto; margin-bottom: 1; }
    GoalDialog #measure > #metric { width: 2fr; }
    GoalDialog #measure > #lower_is_better { width: 14; }
    """

    def __init__(self, title: str, form: list[Field | ChoiceField | FieldRow], goal: Goal,
                 items: Sequence[Action], today: date, context: SmartContext) -> None:
        super().__init__(title, form)
        self.draft = goal
        self._items = list(items)
        self._today = today
        self._smart = context

    def on_mount(self) -> None:
        self.query_one("#form").mount(Static(id="goal-badges"), after=".dialog-title")
        self.show_badges()

    def on_field_changed(self, event: Field.Changed) -> None:
        self._changed(event.field.id, event.value)

    def on_choice_field_changed(self, event: ChoiceField.Changed) -> None:
        self._changed(event.field.id, event.value)

    def _changed(self, name: str | None, value: Any) -> None:
        if name in MEASURE_FIELDS:
            self.draft = replace(self.draft, measure=replace(self.draft.measure, **{name: value}))
        elif name:
            self.draft = replace(self.draft, **{name: value})
        self.show_badges()

    def show_badges(self) -> None:
        colours = BadgeColours.of_theme(self.app.get_css_variables())
        badges = smart_check(self.draft, self._items, self._today, self._smart)
        line = Text("SMART now ", Style(dim=True))
        line.append_text(badge_text(badges, colours, spaced=True))
        for reason in failing_reasons(badges):
            line.append(f"\n✗ {reason}")
        self.query_one("#goal-badges", Static).update(line)
