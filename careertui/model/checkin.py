"""Pure checks and labels for check-ins, milestones and the review cadence (no textual import)."""

from __future__ import annotations

from datetime import date, timedelta

from careertui.model.dates import parse_due
from careertui.model.plan import CheckInKind, MilestoneKind
from careertui.model.validation import Invalid, whole_number

CONFIDENCE_MIN, CONFIDENCE_MAX = 1, 5
CADENCE_MIN, CADENCE_MAX = 1, 24

CHECKIN_LABELS = {
    CheckInKind.MENTOR: "Mentor session",
    CheckInKind.PERFORMANCE_REVIEW: "Performance review",
    CheckInKind.SELF_REVIEW: "Self-review",
}
# Narrow labels for the check-in table beside the chart.
CHECKIN_SHORT_LABELS = {
    CheckInKind.MENTOR: "Mentor",
    CheckInKind.PERFORMANCE_REVIEW: "Perf. review",
    CheckInKind.SELF_REVIEW: "Self-review",
}
MILESTONE_LABELS = {
    MilestoneKind.NEW_JOB: "New job",
    MilestoneKind.PROMOTION: "Promotion",
    MilestoneKind.EXCELLENT_REVIEW: "Excellent review",
    MilestoneKind.CERTIFICATION: "Certification",
    MilestoneKind.NEW_CONNECTION: "New connection",
    MilestoneKind.OTHER: "Other win",
}


def parse_confidence(text: str) -> int | None:
    """How confident the person feels, 1 to 5; an empty field means "not said"."""
    cleaned = text.strip()
    if not cleaned:
        return None
    confidence = whole_number(cleaned, CONFIDENCE_MIN, CONFIDENCE_MAX)
    if confidence is None:
        raise Invalid(f"{cleaned!r} is not a confidence from 1 to 5; type 1 (not confident) "
                      "to 5 (very confident), or leave it empty.")
    return confidence


def parse_cadence(text: str) -> int:
    """Months between reviews: a whole number from 1 to 24."""
    cleaned = text.strip()
    months = whole_number(cleaned, CADENCE_MIN, CADENCE_MAX)
    if months is None:
        shown = repr(cleaned) if cleaned else "An empty value"
        raise Invalid(f"{shown} is not a number of months from 1 to 24; "
                      "e.g. 3 for a review every quarter.")
    return months


def parse_past_day(text: str, today: date, what: str) -> date:
    """A day that has already come (2026-11-20, today, yesterday...), required."""
    # Due dates look forward, so the due-date parser has no word for the day before today.
    day: date | None
    if text.strip().lower() == "yesterday":
        day = today - timedelta(days=1)
    else:
        day = parse_due(text, today)
    if day is None:
        raise Invalid(f"{what} needs a date, e.g. today or 2026-11-20.")
    if day > today:
        raise Invalid(f"{day} is in the future; {what.lower()} records what happened, "
                      f"so pick today ({today}) or earlier.")
    return day


def confidence_label(confidence: int | None) -> str:
    """ "●●●○○" for 3 of 5, "" when not given."""
    if confidence is None:
        return ""
    return "●" * confidence + "○" * (CONFIDENCE_MAX - confidence)
