"""Plan values as people read them: action item kinds and amounts of money."""

from __future__ import annotations

from careertui.model.plan import ActionKind

KIND_LABELS = {
    ActionKind.TRAINING: "Training",
    ActionKind.COURSE: "Course",
    ActionKind.CERTIFICATION: "Certification",
    ActionKind.EXPERT: "Expert talk or event",
    ActionKind.CONFERENCE: "Conference",
    ActionKind.MENTORING: "Mentoring",
    ActionKind.READING: "Reading",
    ActionKind.PROJECT: "Project",
    ActionKind.OTHER: "Other",
}


def money(amount: float, currency: str) -> str:
    """"€1,500" or "€12.50"."""
    sign = "-" if amount < 0 else ""
    amount = abs(amount)
    number = f"{amount:,.0f}" if float(amount).is_integer() else f"{amount:,.2f}"
    return f"{sign}{currency}{number}"
