"""Plan values as people read them: action item kinds, amounts of money, text cut to fit."""

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


def shorten(text: str, width: int) -> str:
    """`text`, or its first `width - 1` characters and "…" when it is longer than `width`."""
    return text if len(text) <= width else text[: width - 1] + "…"
