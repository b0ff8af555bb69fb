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


def number(text: str, what: str, *, minimum: float | None = None) -> float | None:
    """A typed number ("12.5"), None when empty; a decimal comma or a word is refused."""
    cleaned = text.strip()
    if not cleaned:
        return None
    try:
        value = float(cleaned)
    except ValueError:
        if "," in cleaned:
            raise Invalid(f"{cleaned!r}: use a point for decimals (12.50) and "
                          "no thousands separator.") from None
        raise Invalid(f"{what} must be a number, e.g. 12.50; {cleaned!r} is not one.") from None
    if value != value or value in (float("inf"), float("-inf")):
        raise Invalid(f"{what} must be a number, e.g. 12.50; {cleaned!r} is not one.")
    if minimum is not None and value < minimum:
        raise Invalid(f"{what} cannot be below {minimum:g}.")
    return value


def amount(text: str, what: str) -> float:
    """Money: a number of 0 or more; an empty field is 0."""
    return number(text, what, minimum=0) or 0.0
