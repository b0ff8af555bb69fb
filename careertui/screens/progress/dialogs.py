"""The forms of step 5: a check-in, a milestone and the review cadence."""

from __future__ import annotations

from datetime import date

from careertui.model.checkin import (
    CHECKIN_LABELS,
    MILESTONE_LABELS,
    parse_cadence,
    parse_confidence,
    parse_past_day,
)
from careertui.model.plan import CheckIn, CheckInKind, Milestone, MilestoneKind
from careertui.model.validation import NOTES_MAX, required_text
from careertui.widgets.form_dialog import FormDialog
from careertui.widgets.forms import ChoiceField, Field

DAY_HINT = "today, yesterday or 2026-11-20"
CONFIDENCE_HINT = "1 (not confident) to 5 (very confident), or empty"


class CompactFormDialog(FormDialog):
    """A FormDialog with less space between fields, so five of them fit in 36 lines."""

    DEFAULT_CSS = """
    CompactFormDialog Field, CompactFormDialog ChoiceField { margin-bottom: 0; }
    CompactFormDialog Field > TextArea { height: 3; }
    """


def day_field(label: str, day: date, today: date, what: str) -> Field:
    return Field(f"{label} ({DAY_HINT})", str(day),
                 check=lambda text: parse_past_day(text, today, what),
                 placeholder=DAY_HINT, id="on")


def confidence_field(confidence: int | None) -> Field:
    return Field("How confident are you in the plan? (1–5)",
                 "" if confidence is None else str(confidence), check=parse_confidence,
                 placeholder=CONFIDENCE_HINT, id="confidence")


def checkin_dialog(today: date, checkin: CheckIn | None = None) -> FormDialog:
    """Record (or edit) a mentor session, performance review or self-review; the values are
    CheckIn fields."""
    old = checkin or CheckIn(today, CheckInKind.MENTOR)
    kinds = [(label, kind) for kind, label in CHECKIN_LABELS.items()]
    return CompactFormDialog("Edit check-in" if checkin else "New check-in", [
        day_field("Date", old.on, today, "A check-in"),
        ChoiceField("Kind", kinds, old.kind, id="kind"),
        Field("Notes: what was discussed, what you learned", old.notes, check=str.strip,
              multiline=True, id="notes"),
        confidence_field(old.confidence),
        Field("Next steps", old.next_steps, check=str.strip, max_length=NOTES_MAX, id="next_steps",
              placeholder="e.g. ask for the budget owner role in Q1"),
    ])


def milestone_dialog(today: date, milestone: Milestone | None = None) -> FormDialog:
    """Record (or edit) a win: a new job, promotion, excellent review, certificate...; the
    values are Milestone fields."""
    old = milestone or Milestone(today, MilestoneKind.OTHER, "")
    kinds = [(label, kind) for kind, label in MILESTONE_LABELS.items()]
    return CompactFormDialog("Edit milestone" if milestone else "Record a milestone", [
        ChoiceField("Kind", kinds, old.kind, id="kind"),
        Field("What happened", old.title, check=lambda text: required_text(text, "The milestone"),
              placeholder="e.g. Promoted to tech lead", id="title"),
        day_field("When", old.on, today, "A milestone"),
        Field("Notes", old.notes, check=str.strip, max_length=NOTES_MAX, id="notes"),
    ])


def cadence_field(months: int) -> Field:
    """How many months between reviews (`cadence_months`)."""
    return Field("Review the plan every … months (1–24)", str(months), check=parse_cadence,
                 placeholder="e.g. 3", id="cadence_months")


def cadence_dialog(months: int) -> FormDialog:
    return FormDialog("How often do you want to review your plan?", [cadence_field(months)])
