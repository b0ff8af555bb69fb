"""Pure checks for what people type; each returns the cleaned value or raises Invalid with the reason."""

from __future__ import annotations

from datetime import date

from dateutil.relativedelta import relativedelta

LEVEL_MIN, LEVEL_MAX, LEVEL_STEP = 0.0, 7.0, 0.5


class Invalid(ValueError):
    """Input that cannot be saved; str() is the message to show beside the field."""


def required_text(text: str, what: str) -> str:
    """Trimmed text, refusing an empty value: `required_text("", "The skill")`."""
    cleaned = text.strip()
    if not cleaned:
        raise Invalid(f"{what} cannot be empty.")
    return cleaned


def clamp_level(level: float) -> float:
    """A level kept on the O*NET 0-7 scale, rounded to the nearest half step."""
    stepped = round(level / LEVEL_STEP) * LEVEL_STEP
    return min(LEVEL_MAX, max(LEVEL_MIN, stepped))


def iso_date(text: str) -> date | None:
    """A YYYY-MM-DD date, or None for an empty field."""
    cleaned = text.strip()
    if not cleaned:
        return None
    try:
        return date.fromisoformat(cleaned)
    except ValueError:
        raise Invalid(f"{cleaned!r} is not a date; type it as YYYY-MM-DD, e.g. 2027-06-30.") from None


def horizon_date(text: str, horizon_years: int, today: date) -> date | None:
    """A target date for a 1/3/5-year goal: after today and at most `horizon_years` ahead."""
    target = iso_date(text)
    if target is None:
        return None
    latest = today + relativedelta(years=horizon_years)
    if target <= today:
        raise Invalid(f"{target} is not in the future; a goal's target date must be after today.")
    if target > latest:
        years = f"{horizon_years} year{'s' if horizon_years > 1 else ''}"
        raise Invalid(f"{target} is more than {years} away; pick a date up to {latest}.")
    return target


def year(text: str, today: date) -> int | None:
    """A calendar year between 1950 and next year, or None for an empty field."""
    cleaned = text.strip()
    if not cleaned:
        return None
    if not cleaned.isdigit() or not 1950 <= int(cleaned) <= today.year + 1:
        raise Invalid(f"{cleaned!r} is not a year between 1950 and {today.year + 1}.")
    return int(cleaned)
